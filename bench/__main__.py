"""python -m bench: run the benchmarks side by side, print the table, write bench/results/latest.json."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.figures import Section
from bench.procs import ROOT, CpuWatch
from bench.report import BUSY_SHARE, RESULTS_DIR, RunInfo, render, write_json

BENCHMARKS = ("cold", "imports", "warm", "http", "recipe", "replicas")
#: What `make bench` runs; `--only replicas` starts PostgreSQL, a Chroma server and nginx (minutes).
DEFAULT = ("cold", "imports", "warm", "http", "recipe")
QUESTIONS = Path(__file__).resolve().parent.parent / "eval" / "questions.jsonl"


def parser() -> argparse.ArgumentParser:
    """The command line of `python -m bench`."""
    cli = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    cli.add_argument("--only", default=",".join(DEFAULT), help=f"comma-separated subset of {','.join(BENCHMARKS)}")
    cli.add_argument("--questions", type=Path, default=QUESTIONS, help="JSONL questions (default: the dev set)")
    cli.add_argument("--warmup", type=int, default=10, help="untimed questions before in-process timing")
    cli.add_argument("--repeats", type=int, default=3, help="cold starts with a built index")
    cli.add_argument("--levels", default="1,8,32", help="concurrent HTTP clients, comma-separated")
    cli.add_argument("--duration", type=float, default=10.0, help="seconds of load per concurrency level")
    cli.add_argument("--output", type=Path, default=RESULTS_DIR / "latest.json", help="where to write the JSON")
    return cli


def main(argv: list[str] | None = None) -> int:
    """Run the chosen benchmarks; returns the exit code (2 on bad arguments)."""
    args = parser().parse_args(argv)
    chosen = [name.strip() for name in args.only.split(",") if name.strip()]
    if unknown := sorted(set(chosen) - set(BENCHMARKS)):
        print(f"error: unknown benchmark(s) {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    try:
        args.levels = [int(level) for level in args.levels.split(",") if level.strip()]
    except ValueError:
        print(f"error: --levels must be comma-separated integers, got {args.levels!r}", file=sys.stderr)
        return 2
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    from eval.dataset import QuestionsError, load_questions

    try:
        questions = [q.question for q in load_questions(args.questions)]
    except (OSError, QuestionsError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    info, watch = RunInfo(), CpuWatch()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        sections = run(chosen, questions, args, Path(work))
    info.seconds = time.perf_counter() - started
    info.load_after = os.getloadavg()
    info.foreign_share = watch.foreign_share()
    print(render(info, sections))
    write_json(args.output, info, sections)
    print(f"\nwrote {args.output}", file=sys.stderr)
    return 0


def run(chosen: list[str], questions: list[str], args: argparse.Namespace, work: Path) -> list[Section]:
    """The chosen benchmarks in an order that builds the index once (cold) and loads torch last (recipe)."""
    from bench import cold, load, warm

    index_dir = work / "index"
    sections: list[Section] = []
    if "cold" in chosen:
        sections.append(_guarded("cold", lambda: cold.measure_cold(index_dir, work, args.repeats)))
    if "imports" in chosen:
        sections.append(_guarded("imports", lambda: cold.measure_imports(index_dir)))
    bot = _bot(index_dir) if {"warm", "recipe"} & set(chosen) else None
    if bot is not None and "warm" in chosen:
        sections.append(_guarded("warm", lambda: warm.measure_warm(bot, questions, args.warmup)))
    if "http" in chosen:
        app_index = _copy_index(index_dir, work / "app-index")
        if (ROOT / "app.py").exists():
            sections.append(
                _guarded("http", lambda: load.measure_http(app_index, work, questions, args.levels, args.duration))
            )
        else:  # the web app is not there yet: measure the assistant's memory alone
            sections.append(_guarded("memory", lambda: load.measure_memory_without_app(app_index, questions)))
    if bot is not None and "recipe" in chosen:
        sections.append(_guarded("recipe", lambda: warm.measure_recipe(bot, questions, args.warmup)))
    if "replicas" in chosen:
        from bench import replicas

        (work / "replicas").mkdir()
        duration = args.duration
        sections.append(_guarded("replicas", lambda: replicas.measure_replicas(questions, work / "replicas", duration)))
    return sections


def _bot(index_dir: Path):  # type: ignore[no-untyped-def]
    from bot.assistant import Bot
    from bot.config import Settings

    print("bench: loading the assistant (building the index if needed)", file=sys.stderr)
    # no question cache in-process: every timed answer pays for its embedding, as the floor does
    return Bot(Settings.from_env().with_(index_dir=index_dir, query_cache_size=0))


def _copy_index(index_dir: Path, target: Path) -> Path:
    """A copy of the built index for another process (Chroma files are not shared between live processes)."""
    if (index_dir / "chroma").is_dir():
        shutil.copytree(index_dir / "chroma", target / "chroma")
    return target


def _guarded(name: str, measure: Callable[[], Section]) -> Section:
    """Run one benchmark; a failure becomes a section that says what went wrong instead of ending the run."""
    print(f"bench: {name}", file=sys.stderr)
    watch = CpuWatch()
    try:
        section = measure()
    except (OSError, RuntimeError, subprocess.SubprocessError, ValueError) as exc:
        section = Section(name, f"{name}: failed")
        section.notes.append(f"{type(exc).__name__}: {exc}")
        section.data = {"error": f"{type(exc).__name__}: {exc}"}
    share = watch.foreign_share()
    section.data["other_processes_cpu_share"] = round(share, 3)
    if share > BUSY_SHARE:
        section.notes.append(
            f"other processes used {share:.0%} of the machine meanwhile: these figures are pessimistic"
        )
    return section


if __name__ == "__main__":
    sys.exit(main())
