"""python -m eval.corrections: calibrate how close a question must be to a corrected one for the correction
to apply (bot/corrections/book.py), on the real embedder.

Prints, for each cosine threshold, with and without the rule that both questions name the same numbers:
- on eval/rewordings.jsonl (80 questions, each with 3 rewordings that must get its correction and 3
  near-misses on the same topic that must not), with all 80 questions corrected at once: the share of
  rewordings that get their own correction, and the near-misses and rewordings that get a wrong one;
- on the dev and blind sets: how many of their questions those 80 corrections would capture (and how many
  of them are about another article than the correction, so surely unrelated);
- the dev set corrected whole (every question of eval/questions.jsonl): how many blind-set questions would
  take the correction of a dev question whose expected answer differs (another article, fallback or facts).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bot.corrections.book import nearest
from eval.same_answers import EVAL_DIR, question_sets

THRESHOLDS = (0.90, 0.92, 0.93, 0.94, 0.95, 0.96, 0.97, 0.98)


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _matcher(corrected: Sequence[str], vectors: np.ndarray, same_numbers: bool):  # type: ignore[no-untyped-def]
    def match(question: str, vector: np.ndarray, threshold: float) -> int | None:
        if same_numbers:
            found = nearest(question, vector, corrected, vectors, threshold)
            return None if found is None else found[0]
        cosines = vectors @ vector
        at = int(np.argmax(cosines))
        return at if cosines[at] >= threshold else None

    return match


def _differs(a: dict[str, object], b: dict[str, object]) -> bool:
    """Two eval questions whose expected answers differ: fallback, articles or facts."""
    if bool(a.get("fallback")) != bool(b.get("fallback")):
        return True
    if a.get("fallback"):
        return False
    arts_a, arts_b = set(a.get("articles") or []), set(b.get("articles") or [])  # type: ignore[call-overload]
    facts_a, facts_b = set(a.get("facts") or []), set(b.get("facts") or [])  # type: ignore[call-overload]
    return bool(arts_a and arts_b and not arts_a & arts_b) or bool(facts_a and facts_b and not facts_a & facts_b)


def main(argv: list[str] | None = None) -> int:
    cli = argparse.ArgumentParser(prog="python -m eval.corrections", description=__doc__.splitlines()[0])
    cli.add_argument("--rewordings", type=Path, default=EVAL_DIR / "rewordings.jsonl")
    args = cli.parse_args(argv)
    from bot.assistant import Bot

    bot = Bot()
    groups = _rows(args.rewordings)
    originals = [str(g["original"]) for g in groups]
    vec = bot.question_vector
    book = np.vstack([vec(q) for q in originals])
    rewordings = [(i, str(q), vec(str(q))) for i, g in enumerate(groups) for q in g["rewordings"]]  # type: ignore[attr-defined]
    misses = [(i, str(q), vec(str(q))) for i, g in enumerate(groups) for q in g["near_misses"]]  # type: ignore[attr-defined]
    sets = {p.name: _rows(p) for p in question_sets()}
    asked = [(name, row, vec(str(row["question"]))) for name, rows in sets.items() for row in rows]
    dev = sets["questions.jsonl"]
    dev_book = np.vstack([v for name, _, v in asked if name == "questions.jsonl"])
    blind = [(row, v) for name, row, v in asked if name != "questions.jsonl"]
    print(
        f"{len(groups)} corrected questions, {len(rewordings)} rewordings, {len(misses)} near-misses; "
        f"{len(asked)} dev and blind questions; dev set corrected whole: {len(dev)} questions, {len(blind)} blind"
    )
    print(
        "| numbers rule | threshold | rewordings: own | rewordings: wrong | near-misses captured | "
        "eval questions captured (other article) | blind captured by dev / with another answer |"
    )
    print("|---|---|---|---|---|---|---|")
    for same_numbers in (True, False):
        match = _matcher(originals, book, same_numbers)
        dev_match = _matcher([str(r["question"]) for r in dev], dev_book, same_numbers)
        for t in THRESHOLDS:
            own = sum(match(q, v, t) == i for i, q, v in rewordings)
            wrong = sum(match(q, v, t) not in (None, i) for i, q, v in rewordings)
            near = sum(match(q, v, t) is not None for _, q, v in misses)
            captured = other = 0
            for _, row, v in asked:
                if (at := match(str(row["question"]), v, t)) is None:
                    continue
                captured += 1
                article = groups[at].get("article")
                other += bool(article and row.get("articles") and article not in row["articles"])  # type: ignore[operator]
            by_dev = differ = 0
            for row, v in blind:
                if (at := dev_match(str(row["question"]), v, t)) is not None:
                    by_dev += 1
                    differ += _differs(row, dev[at])
            rule = "on" if same_numbers else "off"
            print(
                f"| {rule} | {t:.2f} | {own}/{len(rewordings)} = {own / len(rewordings):.3f} "
                f"| {wrong} | {near}/{len(misses)} = {near / len(misses):.3f} | {captured}/{len(asked)} ({other}) "
                f"| {by_dev} / {differ} |"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
