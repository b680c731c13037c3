"""Cold start of the command line, timed from outside, and what the default path imports."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.figures import TARGETS, Check, Section
from bench.procs import ROOT, bench_env

#: The question of the cold-start runs and the fact its answer must contain.
QUESTION = "外籍人才申请工作许可的年龄上限是多少？"
FACT = "65"

_IMPORT_PROBE = """
import json, sys
from bot import Bot
answer = Bot().ask(sys.argv[1])
heavy = ("torch", "sentence_transformers", "transformers", "gradio", "chromadb", "langchain_chroma")
print(json.dumps({"answered": bool(answer.text), "loaded": [m for m in heavy if m in sys.modules]}))
"""


@dataclass(frozen=True, slots=True)
class CliRun:
    """One `python -m bot ask` run: seconds to the first answer line and to exit, and whether it was right."""

    first_answer_s: float
    exit_s: float
    correct: bool


def time_cli(index_dir: Path, log_path: Path) -> CliRun:
    """Run `python -m bot ask QUESTION` with the index in `index_dir`, timed from before the fork."""
    command = [sys.executable, "-m", "bot", "ask", QUESTION]
    with log_path.open("ab") as log:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, env=bench_env(index_dir), stdout=subprocess.PIPE, stderr=log)
        assert process.stdout is not None
        first_line = process.stdout.readline().decode()
        first_answer = time.perf_counter() - started
        rest = process.stdout.read().decode()
        process.wait()
        done = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"python -m bot ask exited with {process.returncode}; see {log_path}")
    return CliRun(first_answer, done, FACT in first_line + rest)


def measure_cold(index_dir: Path, work_dir: Path, repeats: int) -> Section:
    """Cold CLI answers: once with no index (so the build is included), then `repeats` times with it."""
    section = Section("cold", "Cold start: `python -m bot ask` from process start to first answer")
    log_path = work_dir / "cold.log"
    building = time_cli(index_dir, log_path)
    runs = [time_cli(index_dir, log_path) for _ in range(repeats)]
    first = [run.first_answer_s for run in runs]
    median = statistics.median(first)
    section.row("no index (build included)", f"{building.first_answer_s:.2f} s")
    section.row(f"with index, median of {repeats}", f"{median:.2f} s (min {min(first):.2f}, max {max(first):.2f})")
    section.row("with index, to process exit", f"{statistics.median(r.exit_s for r in runs):.2f} s")
    correct = building.correct and all(run.correct for run in runs)
    if not correct:
        section.notes.append(f"an answer lacked {FACT!r}: see {log_path}")
    section.checks.append(
        Check(
            f"cold CLI answer ≤ {TARGETS.cold_answer_s} s with an index",
            f"{median:.2f} s",
            median <= TARGETS.cold_answer_s,
        )
    )
    section.data = {
        "question": QUESTION,
        "no_index_s": round(building.first_answer_s, 3),
        "with_index_s": [round(s, 3) for s in first],
        "with_index_median_s": round(median, 3),
        "with_index_exit_s": [round(r.exit_s, 3) for r in runs],
        "answers_correct": correct,
    }
    return section


def measure_imports(index_dir: Path) -> Section:
    """Whether `Bot().ask(…)` in a fresh interpreter loads torch (the target); the other heavy packages
    (sentence_transformers, transformers, gradio, chromadb, langchain_chroma) are reported for the record."""
    section = Section("imports", "Default path imports: Bot().ask(…) in a fresh process")
    done = subprocess.run(
        [sys.executable, "-c", _IMPORT_PROBE, QUESTION],
        cwd=ROOT,
        env=bench_env(index_dir),
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    probe = json.loads(done.stdout.strip().splitlines()[-1])
    loaded = probe["loaded"]
    section.row("heavy modules loaded", ", ".join(loaded) or "none")
    torch = "torch" in loaded
    section.checks.append(
        Check("default path never imports torch", "imports torch" if torch else "no torch", not torch)
    )
    section.data = {"loaded": loaded, "torch": torch}
    return section
