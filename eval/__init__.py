"""Evaluation harness of the assistant: the dev set, metrics, the systems compared and the reports.

Run `python -m eval`; see eval/README.md.
"""

from eval.dataset import KINDS, LANGS, Question, QuestionsError, load_questions, retrieval_answerable

__all__ = ["KINDS", "LANGS", "Question", "QuestionsError", "load_questions", "retrieval_answerable"]
