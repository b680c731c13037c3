"""python -m eval.tune: the grid search behind the fusion weights (bot.retrieve.hybrid.DEFAULT_WEIGHTS).

Each question's channels are computed once; every weight combination is then scored per question
language on hit@1 and recall@3 of the retrieval-answerable dev questions. Prints the best
combinations per language and the current defaults' scores, side by side.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import replace
from pathlib import Path

from bot.language import detect_language
from bot.retrieve.hybrid import DEFAULT_WEIGHTS, Channels, HybridRetriever, Weights
from eval.dataset import Question, load_questions, retrieval_answerable
from eval.metrics import hit_at_1, recall_at

GRID = {
    "zh": (0.25, 0.5, 0.75, 1.0, 1.5),
    "en": (0.1, 0.25, 0.5, 1.0, 1.5, 2.0),
    "dense_window": (0.05, 0.10, 0.15),
    "article_unit": (0.8, 1.0),
    "asked_dense": (0.0, 0.25, 0.5, 1.0, 1.5, 2.0),
    "asked_lexical": (0.0, 0.25, 0.5, 1.0, 1.5, 2.0),
}


def score(retriever: HybridRetriever, rows: list[tuple[Question, Channels]], weights: Weights) -> tuple[float, float]:
    """Mean hit@1 and recall@3 of `rows` under `weights`."""
    hits, recalls = [], []
    for question, channels in rows:
        ranking = [hit.article for hit in retriever._articles(retriever.fuse(channels, weights), top=3)]
        hits.append(hit_at_1(ranking, question.articles))
        recalls.append(recall_at(ranking, question.articles))
    return sum(hits) / len(hits), sum(recalls) / len(recalls)


def main(argv: list[str] | None = None) -> int:
    """Run the grid search and print the best weights per language."""
    parser = argparse.ArgumentParser(prog="python -m eval.tune", description=__doc__)
    parser.add_argument("--questions", type=Path, default=Path(__file__).resolve().parent / "questions.jsonl")
    parser.add_argument("--best", type=int, default=5, help="how many combinations to print per language")
    args = parser.parse_args(argv)
    from bot.assistant import Bot

    bot = Bot(progress=True)
    retriever = bot.retriever
    questions = retrieval_answerable(load_questions(args.questions))
    by_lang: dict[str, list[tuple[Question, Channels]]] = {"zh": [], "en": []}
    for question in questions:
        lang = "zh" if detect_language(question.question) == "zh" else "en"
        by_lang[lang].append((question, retriever.channels(question.question)))
    for lang, rows in by_lang.items():
        current = score(retriever, rows, DEFAULT_WEIGHTS[lang])
        print(
            f"\n{lang} ({len(rows)} questions) default {DEFAULT_WEIGHTS[lang]}: hit@1 {current[0]:.3f} "
            f"recall@3 {current[1]:.3f}"
        )
        results = []
        for zh, en, window, unit, asked_dense, asked_lexical in itertools.product(*GRID.values()):
            weights = replace(
                DEFAULT_WEIGHTS[lang],
                zh=zh,
                en=en,
                dense_window=window,
                article_unit=unit,
                asked_dense=asked_dense,
                asked_lexical=asked_lexical,
            )
            results.append((score(retriever, rows, weights), weights))
        results.sort(key=lambda item: -(item[0][0] + item[0][1]))
        for (hit, recall), weights in results[: args.best]:
            print(
                f"  hit@1 {hit:.3f} recall@3 {recall:.3f}  zh={weights.zh} en={weights.en} "
                f"window={weights.dense_window} article_unit={weights.article_unit} "
                f"asked_dense={weights.asked_dense} asked_lexical={weights.asked_lexical}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
