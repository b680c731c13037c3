"""HTTP load on POST /api/ask: bounded runs at a few concurrency levels, with the app's peak memory."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench.figures import TARGETS, Check, Section, Timings
from bench.procs import ROOT, AppProcess, bench_env, maps_library, proc_status_kb

WARMUP_REQUESTS = 20


@dataclass(slots=True)
class LevelRun:
    """What the clients of one concurrency level saw."""

    clients: int
    latencies_ms: list[float] = field(default_factory=list)
    server_ms: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    elapsed_s: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def ok(self) -> int:
        """Requests answered 200."""
        return len(self.latencies_ms)

    @property
    def rps(self) -> float:
        """Successful requests per second over the run."""
        return self.ok / self.elapsed_s if self.elapsed_s else 0.0

    def record(self, latency_ms: float, server_ms: float) -> None:
        """Count a 200 with its client-side and server-side (`latency_ms` field) times."""
        with self._lock:
            self.latencies_ms.append(latency_ms)
            self.server_ms.append(server_ms)

    def fail(self, kind: str) -> None:
        """Count an error (HTTP status or exception name)."""
        with self._lock:
            self.errors[kind] = self.errors.get(kind, 0) + 1

    def to_dict(self) -> dict[str, object]:
        """JSON form."""
        return {
            "clients": self.clients,
            "requests_ok": self.ok,
            "errors": dict(self.errors),
            "elapsed_s": round(self.elapsed_s, 2),
            "rps": round(self.rps, 1),
            "latency_ms": Timings.of(self.latencies_ms).to_dict(),
            "server_latency_ms": Timings.of(self.server_ms).to_dict(),
        }


def _client_loop(
    client: httpx.Client, url: str, questions: Sequence[str], start: int, step: int, deadline: float, run: LevelRun
) -> None:
    """One client: ask question after question over its kept-alive connection until the deadline."""
    position = start
    while time.monotonic() < deadline:
        question = questions[position % len(questions)]
        position += step
        started = time.perf_counter()
        try:
            response = client.post(f"{url}/api/ask", json={"question": question})
        except httpx.HTTPError as exc:
            run.fail(type(exc).__name__)
            continue
        latency = (time.perf_counter() - started) * 1000
        if response.status_code == 200:
            run.record(latency, float(response.json().get("latency_ms", 0.0)))
        else:
            run.fail(str(response.status_code))


def run_level(url: str, questions: Sequence[str], clients: int, duration_s: float) -> LevelRun:
    """`clients` concurrent clients for `duration_s` seconds (requests in flight at the end are finished).

    The clients are built before the clock starts: an httpx.Client costs milliseconds of CPU to
    create (its TLS context), which at 32 clients would eat into a short run on a small machine.
    """
    run = LevelRun(clients)
    pool_clients = [httpx.Client(timeout=30) for _ in range(clients)]
    try:
        started = time.perf_counter()
        deadline = time.monotonic() + duration_s
        with ThreadPoolExecutor(max_workers=clients) as pool:
            for index, client in enumerate(pool_clients):
                pool.submit(_client_loop, client, url, questions, index, clients, deadline, run)
        run.elapsed_s = time.perf_counter() - started
    finally:
        for client in pool_clients:
            client.close()
    return run


#: The two ways the app is loaded: every question new to it, and every question asked before.
MODES = (
    ("new", "0", "question cache off: every request embeds its question"),
    ("repeat", "", "question cache on, every question asked once before the timed run"),
)


def _checks(mode: str, levels: list[LevelRun]) -> list[Check]:
    at_8 = next((level for level in levels if level.clients == 8), None)
    target = f"[{mode}] ≥ {TARGETS.rps_at_8:.0f} req/s at 8 clients with p95 ≤ {TARGETS.p95_at_8_ms:.0f} ms"
    if at_8 is None:
        return [Check(target, "not run (8 not among the levels)", None)]
    p95 = Timings.of(at_8.latencies_ms).p95
    passed = at_8.rps >= TARGETS.rps_at_8 and p95 <= TARGETS.p95_at_8_ms and not at_8.errors
    return [Check(target, f"{at_8.rps:.0f} req/s, p95 {p95:.0f} ms, {sum(at_8.errors.values())} errors", passed)]


def _memory_check(section: Section, hwm_mb: float) -> None:
    section.checks.append(
        Check(f"app memory ≤ {TARGETS.app_memory_mb:.0f} MB", f"{hwm_mb:.0f} MB", hwm_mb <= TARGETS.app_memory_mb)
    )


@dataclass(frozen=True, slots=True)
class AppRun:
    """One start of app.py under load: what its clients saw and what the process used."""

    runs: list[LevelRun]
    started_s: float
    rss_idle_mb: float
    hwm_mb: float
    torch: bool

    def to_dict(self, label: str) -> dict[str, object]:
        """JSON form."""
        return {
            "label": label,
            "levels": [run.to_dict() for run in self.runs],
            "app_start_s": round(self.started_s, 2),
            "app_vmhwm_mb": round(self.hwm_mb, 1),
            "app_rss_idle_mb": round(self.rss_idle_mb, 1),
            "app_torch_mapped": self.torch,
        }


def _load_app(
    env: dict[str, str], log_path: Path, questions: Sequence[str], levels: Sequence[int], duration_s: float, warm: int
) -> AppRun:
    """Start app.py, ask `warm` questions untimed, load it level by level; its runs and memory."""
    runs: list[LevelRun] = []
    with AppProcess(env, log_path) as app:
        rss_idle_mb = proc_status_kb(app.pid, "VmRSS") / 1024
        with httpx.Client(timeout=30) as client:
            for question in questions[:warm]:
                client.post(f"{app.url}/api/ask", json={"question": question})
        for clients in levels:
            runs.append(run_level(app.url, questions, clients, duration_s))
        hwm_mb = proc_status_kb(app.pid, "VmHWM") / 1024
        return AppRun(runs, app.started_s, rss_idle_mb, hwm_mb, maps_library(app.pid, "libtorch"))


def measure_http(
    index_dir: Path, work_dir: Path, questions: Sequence[str], levels: Sequence[int], duration_s: float
) -> Section:
    """Start app.py (rate limit off) on a free loopback port, load it level by level, then read its VmHWM.

    Twice, side by side: with the question cache off (each request pays for its embedding, as
    a question never asked before does) and on after every question was asked once (a
    question asked again, as the examples and popular questions are on a public site).
    """
    section = Section("http", "HTTP: POST /api/ask on `python app.py` (loopback, rate limit off)")
    data: dict[str, object] = {"duration_s_per_level": duration_s, "questions": len(questions)}
    seen: list[AppRun] = []
    for mode, cache, label in MODES:
        # the clients all come from 127.0.0.1: no per-client cap on requests in flight either
        unlimited = {"BOT_RATE_LIMIT_PER_MINUTE": "0", "BOT_MAX_CONCURRENT_PER_CLIENT": "0"}
        env = bench_env(index_dir, BOT_QUERY_CACHE=cache, **unlimited)
        warm = WARMUP_REQUESTS if mode == "new" else len(questions)
        app = _load_app(env, work_dir / f"app-{mode}.log", questions, levels, duration_s, warm)
        seen.append(app)
        section.row(f"[{mode}] {label}", f"app start to /healthz {app.started_s:.1f} s")
        for run in app.runs:
            timings = Timings.of(run.latencies_ms)
            errors = sum(run.errors.values())
            seen_by_clients = f"{run.rps:6.1f} req/s · {timings.brief()} · {errors} errors"
            section.row(f"[{mode}] {run.clients:>2} clients", seen_by_clients)
        section.checks.extend(_checks(mode, app.runs))
        data[mode] = app.to_dict(label)
    hwm_mb = max(app.hwm_mb for app in seen)
    torch_mapped = any(app.torch for app in seen)
    section.row("app memory", f"peak {hwm_mb:.0f} MB (VmHWM after the load, the larger of the two runs)")
    section.row("torch loaded in the app", "yes" if torch_mapped else "no")
    _memory_check(section, hwm_mb)
    section.notes.append("the load generator runs on the same machine as the server and competes for its cores")
    section.data = data | {"app_vmhwm_mb": round(hwm_mb, 1), "app_torch_mapped": torch_mapped}
    return section


_MEMORY_PROBE = """
import json, sys
from pathlib import Path
from bot import Bot
bot = Bot()
for question in json.loads(sys.stdin.read()):
    bot.ask(question)
status = Path("/proc/self/status").read_text().splitlines()
print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


def measure_memory_without_app(index_dir: Path, questions: Sequence[str], count: int = 50) -> Section:
    """Peak memory of a process that builds Bot and answers `count` questions: the stand-in while app.py is missing."""
    section = Section("memory", "Memory: a `python -c` process building Bot and answering questions (no app.py)")
    done = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE],
        cwd=ROOT,
        env=bench_env(index_dir),
        input=json.dumps(list(questions[:count])),
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
    )
    hwm_mb = int(done.stdout.strip().splitlines()[-1]) / 1024
    section.row(f"Bot + {count} answers", f"peak {hwm_mb:.0f} MB (VmHWM)")
    section.notes.append("app.py does not exist yet: this is the assistant without the web server")
    _memory_check(section, hwm_mb)
    section.data = {"vmhwm_mb": round(hwm_mb, 1), "questions": count, "app": None}
    return section
