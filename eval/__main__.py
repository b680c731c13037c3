"""python -m eval: compare the retrieval systems on the dev set, print the tables, write the report."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from eval.dataset import QuestionsError, load_questions, retrieval_answerable
from eval.report import REPORTS_DIR, Report, RunInfo, display_path, render_text, write_reports
from eval.runners import SYSTEMS

DEFAULT_QUESTIONS = Path(__file__).resolve().parent / "questions.jsonl"
DEFAULT_DIALOGUES = Path(__file__).resolve().parent / "dialogues.jsonl"


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation; returns the exit code."""
    args = parser().parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(name)s: %(message)s", stream=sys.stderr)
    logging.getLogger("eval").setLevel(logging.INFO)  # progress of this harness only
    try:
        questions = load_questions(args.questions)
    except (OSError, QuestionsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    answerable = retrieval_answerable(questions)
    if not answerable:
        print(
            f"error: {args.questions} has no retrieval-answerable questions (fallback false, articles given)",
            file=sys.stderr,
        )
        return 2

    from bot.assistant import Bot
    from bot.config import Settings
    from eval.answers import answers_report, evaluate_answers, evaluate_dialogues
    from eval.retrieval import evaluate_retrieval, retrieval_report

    # no question cache: the latency figures compare a search with its own embedding, each paid in full
    bot = Bot(Settings.from_env().with_(query_cache_size=0), progress=True)
    reports: dict[str, Report] = {}
    if not args.answers_only:
        result = evaluate_retrieval(bot, answerable, args.systems)
        reports["retrieval"] = retrieval_report(result, aggregates_only=args.aggregates_only)
    policy_text = "\n".join(
        (bot.corpus.document(d.id).title_zh + "\n" + "\n".join(a.text_zh + a.title_zh for a in d.articles))
        for d in bot.corpus.documents
    )
    with bot.leaving_out(args.questions.stem):  # (the set's own questions have no vote on its answers)
        rows = evaluate_answers(bot, questions, policy_text)
    turns = evaluate_dialogues(bot, args.dialogues) if args.dialogues.exists() else []
    reports["answers"] = answers_report(rows, turns, aggregates_only=args.aggregates_only)
    for report in reports.values():
        print(render_text(report))
    if not args.no_report:
        written = write_reports(reports, RunInfo.of(bot, args.questions))
        print("\nwrote " + ", ".join(display_path(path) for path in written))
    return 0


def parser() -> argparse.ArgumentParser:
    """The command-line options."""
    parser = argparse.ArgumentParser(prog="python -m eval", description=__doc__)
    parser.add_argument(
        "--questions", type=Path, default=DEFAULT_QUESTIONS, help="JSONL dev set (default: %(default)s)"
    )
    parser.add_argument(
        "--systems",
        type=systems,
        default=list(SYSTEMS),
        help=f"comma-separated systems to compare (default: all of {','.join(SYSTEMS)})",
    )
    parser.add_argument("--no-report", action="store_true", help=f"print only; write nothing under {REPORTS_DIR}")
    parser.add_argument(
        "--dialogues", type=Path, default=DEFAULT_DIALOGUES, help="JSONL multi-turn dev set (default: %(default)s)"
    )
    parser.add_argument("--answers-only", action="store_true", help="skip the retrieval comparison")
    parser.add_argument(
        "--aggregates-only",
        action="store_true",
        help="print no question-level misses: measure a blind set before anyone reads them",
    )
    return parser


def systems(value: str) -> list[str]:
    """Parse --systems: known names, comma-separated, in the given order."""
    names = [name.strip() for name in value.split(",") if name.strip()]
    unknown = [name for name in names if name not in SYSTEMS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(f"unknown system(s) {unknown or value!r}; choose from {','.join(SYSTEMS)}")
    return names


if __name__ == "__main__":
    sys.exit(main())
