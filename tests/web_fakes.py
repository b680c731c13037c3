"""A deterministic stand-in for Bot, for the unit tests of the web app."""

from __future__ import annotations

from typing import Any


class FakeBot:
    """A deterministic stand-in for Bot: the R-visa answer (article 5) for policy questions, the
    fallback for questions about the weather; it remembers every call."""

    def __init__(self, corpus: Any) -> None:
        from types import SimpleNamespace

        self.corpus = corpus
        self.index = SimpleNamespace(identity="", location="")  # no vectors: nothing to note at start-up
        self.calls: list[dict[str, Any]] = []
        self.corrections: Any = None

    def prepare(self) -> None:
        """Nothing to build."""

    def use_corrections(self, store: Any, threshold: float | None = None) -> Any:
        """Staff corrections matched with the hash embedder (the real CorrectionBook, a stand-in's vectors)."""
        from bot.corrections.book import CorrectionBook
        from bot.embed.fake import HashEmbedder

        embedder = HashEmbedder()
        self.corrections = CorrectionBook(store, embedder.embed_query_vector, threshold or 0.9)
        return self.corrections

    def ask(
        self,
        question: str,
        history: Any = None,
        lang: str | None = None,
        deadline: Any = None,
        corrections: bool = True,
    ) -> Any:
        answer = self._ask(question, history, lang, deadline)
        if corrections and self.corrections is not None:
            return self.corrections.correct(question, answer, self.corpus)
        return answer

    def _ask(self, question: str, history: Any, lang: str | None, deadline: Any) -> Any:
        from bot.answer.model import Answer, Citation

        if deadline is not None:
            deadline.check("reading")

        self.calls.append({"question": question, "history": history, "lang": lang})
        answer_lang = lang or ("zh" if any("\u4e00" <= ch <= "\u9fff" for ch in question) else "en")
        hotline = self.corpus.hotline
        if "weather" in question.lower() or "天气" in question:
            opening = "Sorry, the policy does not cover this question."
            closing = f"For more information, call {hotline}."
            return Answer(question, answer_lang, opening, True, (), (12, 3), "out_of_scope", closing=closing)
        article = self.corpus.article("lyg-hitech-2023", 5)
        clause = article.clause(11)
        said = clause.zh if answer_lang == "zh" else clause.en
        heading = "依据条款：" if answer_lang == "zh" else "Based on:"
        sources = f"{heading}\n{article.label(answer_lang)}\n  · {said}"
        closing = f"For more information, call {hotline}."
        citation = Citation(article.doc, 5, article.title_en, 11, said, clause.zh, article.label(answer_lang))
        return Answer(
            question, answer_lang, said, False, (citation,), (5, 19, 25), "answer", sources=sources, closing=closing
        )
