"""python -m eval.tune: the grid search behind the fusion weights (bot.retrieve.fuser.DEFAULT_WEIGHTS).

Each question's channels are computed once; every weight combination is then scored per question
language on hit@1 and recall@3 of the retrieval-answerable questions of one or more sets
(`--questions` repeated), ranked by the sum over the sets, ties broken by the mean of the grid
neighbours. Prints the current defaults' scores and the best combinations per language.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from dataclasses import replace
from pathlib import Path

from bot.language import detect_language
from bot.retrieve.channels import Channels
from bot.retrieve.fuser import DEFAULT_WEIGHTS, Weights
from bot.retrieve.hybrid import HybridRetriever
from eval.dataset import Question, load_questions, retrieval_answerable
from eval.metrics import hit_at_1, recall_at

#: the `Weights` fields searched and their values
GRID = {
    "zh": (0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0),
    "en": (0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0),
    "dense_window": (0.05, 0.10, 0.15),
    "asked_dense": (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0),
    "asked_lexical": (0.0, 0.25, 0.5, 1.0, 1.5, 2.0, 2.5),
    "title": (0.0, 0.25, 0.5, 0.75),
}
_FIELDS = tuple(GRID)


def score(retriever: HybridRetriever, rows: list[tuple[Question, Channels]], weights: Weights) -> tuple[float, float]:
    """Mean hit@1 and recall@3 of `rows` under `weights`."""
    hits, recalls = [], []
    for question, channels in rows:
        ranking = [hit.article for hit in retriever.rank(retriever.fuse(channels, weights), top=3)]
        hits.append(hit_at_1(ranking, question.articles))
        recalls.append(recall_at(ranking, question.articles))
    return sum(hits) / len(hits), sum(recalls) / len(recalls)


Combo = tuple[float, ...]


def neighbours(combo: Combo) -> list[Combo]:
    """The grid points one step away from `combo` along one axis."""
    found = []
    for axis, values in enumerate(GRID.values()):
        at = values.index(combo[axis])
        for step in (-1, 1):
            if 0 <= at + step < len(values):
                found.append((*combo[:axis], values[at + step], *combo[axis + 1 :]))
    return found


def main(argv: list[str] | None = None) -> int:
    """Run the grid search and print the best weights per language."""
    parser = argparse.ArgumentParser(prog="python -m eval.tune", description=__doc__)
    parser.add_argument(
        "--questions",
        type=Path,
        action="append",
        help="a JSONL question set; repeat to choose on several together (default: the dev set)",
    )
    parser.add_argument("--best", type=int, default=5, help="how many combinations to print per language")
    args = parser.parse_args(argv)
    paths: list[Path] = args.questions or [Path(__file__).resolve().parent / "questions.jsonl"]
    from bot.assistant import Bot

    bot = Bot(progress=True)
    retriever = bot.retriever
    sets: dict[str, dict[str, list[tuple[Question, Channels]]]] = {}
    for path in paths:
        by_lang: dict[str, list[tuple[Question, Channels]]] = {"zh": [], "en": []}
        for question in retrieval_answerable(load_questions(path)):
            lang = "zh" if detect_language(question.question) == "zh" else "en"
            by_lang[lang].append((question, retriever.channels(question.question)))
        sets[path.stem] = by_lang
    for lang in ("zh", "en"):
        print(f"\n{lang}: default {DEFAULT_WEIGHTS[lang]}")
        scores: dict[Combo, dict[str, tuple[float, float]]] = {}
        for combo in itertools.product(*GRID.values()):
            weights = replace(DEFAULT_WEIGHTS[lang], **dict(zip(_FIELDS, combo, strict=True)))
            scores[combo] = {name: score(retriever, rows[lang], weights) for name, rows in sets.items()}
        total = {combo: sum(h + r for h, r in by_set.values()) for combo, by_set in scores.items()}
        current = tuple(getattr(DEFAULT_WEIGHTS[lang], field) for field in _FIELDS)
        if current in scores:
            print(f"  default: {_brief(scores[current])}")
        # plateaus are wide: among equal totals, the point whose neighbours score best
        ranked = sorted(total, key=lambda c: (-total[c], -sum(total[n] for n in neighbours(c)) / len(neighbours(c))))
        for combo in ranked[: args.best]:
            shown = " ".join(f"{field}={value}" for field, value in zip(_FIELDS, combo, strict=True))
            print(f"  {_brief(scores[combo])}  {shown}")
    return 0


def _brief(by_set: dict[str, tuple[float, float]]) -> str:
    return "  ".join(f"{name} hit@1 {hit:.3f} recall@3 {recall:.3f}" for name, (hit, recall) in by_set.items())


if __name__ == "__main__":
    sys.exit(main())
