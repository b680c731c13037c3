"""python -m eval.rules: what each rule of the judge earns, measured by leaving it out.

Every question of the given sets is read, retrieved and turned into evidence once; then it is judged
with all rules and with each rule left out in turn. Printed per rule: the fallback recall and
precision over all the sets' questions without that rule, against with it, and how many decisions
change. Single questions only: no conversation, and a question's parts are not judged apart (the
answerer does that on top of the judge).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from bot.answer.judge import RULES, Evidence, Rule, judge
from bot.answer.question import Question as Read
from eval.dataset import Question, load_questions


@dataclass(frozen=True, slots=True)
class Judged:
    """A question of a set, as read, and its evidence."""

    question: Question
    read: Read
    evidence: Evidence


def fallback_scores(judged: list[Judged], rules: tuple[Rule, ...]) -> tuple[float, float, list[bool]]:
    """Fallback recall and precision of `rules` over `judged`, and each question's fallback."""
    given = [judge(j.read, j.evidence, rules=rules).fallback for j in judged]
    expected = [j.question.fallback for j in judged]
    hits = sum(g and e for g, e in zip(given, expected, strict=True))
    return hits / max(1, sum(expected)), hits / max(1, sum(given)), given


def main(argv: list[str] | None = None) -> int:
    """Print the table; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m eval.rules", description=__doc__)
    parser.add_argument("questions", type=Path, nargs="+", help="JSONL question sets (the eval format)")
    parser.add_argument("--show", default="", help="print the questions whose decision this rule changes")
    args = parser.parse_args(argv)
    from bot.assistant import Bot

    bot = Bot()
    answerer = bot.answerer  # the judge's inputs, as the answerer builds them
    judged = []
    for path in args.questions:
        for question in load_questions(path):
            read, retrieval, _ = answerer.explain(question.question)
            judged.append(Judged(question, read, answerer.evidence(retrieval)))
    recall, precision, base = fallback_scores(judged, RULES)
    print(f"{len(judged)} questions, {sum(j.question.fallback for j in judged)} to fall back")
    print(f"{'rule left out':22} {'fb recall':>10} {'fb precision':>13} {'decisions changed':>18}")
    print(f"{'(none)':22} {recall:10.3f} {precision:13.3f} {0:18d}")
    for rule in RULES[:-1]:
        kept = tuple(r for r in RULES if r is not rule)
        r, p, given = fallback_scores(judged, kept)
        changed = sum(a != b for a, b in zip(given, base, strict=True))
        print(f"{rule.__name__:22} {r:10.3f} {p:13.3f} {changed:18d}")
        if rule.__name__ == args.show:
            for j, a, b in zip(judged, given, base, strict=True):
                if a != b:
                    print(f"    {j.question.id}: fallback {b} with it, {a} without (gold {j.question.fallback})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
