"""One replica or two, side by side in one run: POST /api/ask at 8 clients for

  1. one replica on SQLite (embedded Chroma, rate limit in memory): the default deployment;
  2. one replica on PostgreSQL (embedded Chroma, rate limit in memory);
  3. one replica on PostgreSQL and a Chroma server behind nginx, rate limit in the database;
  4. two such replicas behind nginx: the tested replica setup (tests/test_replicas.py).

For each: requests per second, p50/p95 as the clients saw them, the time inside the assistant
(`latency_ms` of each answer) and the rest (HTTP, logging the turn, the rate limit, the proxy), and
the CPU seconds per request of each process group (app replicas, PostgreSQL, Chroma, nginx, the
clients). The question cache is off: every request embeds its question, as a new question does.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.figures import Section, Timings
from bench.load import LevelRun, run_level
from bench.procs import AppProcess, bench_env
from bench.services import ChromaServer, Nginx, Postgres, replica_env

CLIENTS = 8
WARM = 20


def _tree(root: int) -> list[int]:
    """`root` and every process under it."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _cpu_s(pids: Sequence[int]) -> float:
    """User + system CPU seconds of these processes and their reaped children so far."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += sum(int(x) for x in fields[11:15])  # utime, stime, cutime, cstime
    return total / os.sysconf("SC_CLK_TCK")


@dataclass
class Setup:
    """A deployment under test: its URL and the root process of each group of processes."""

    label: str
    url: str
    groups: dict[str, list[int]]

    def cpu(self) -> dict[str, float]:
        """CPU seconds of each group so far (each group's whole process tree)."""
        return {name: _cpu_s([p for root in roots for p in _tree(root)]) for name, roots in self.groups.items()}


@dataclass
class Measured:
    label: str
    run: LevelRun
    cpu_per_request_ms: dict[str, float]


def _postmaster(pg: Postgres) -> int:
    return int((pg.data / "postmaster.pid").read_text().split("\n", 1)[0])


@contextmanager
def _setup(kind: str, work: Path, index: Path, pg: Postgres | None, chroma: ChromaServer | None) -> Iterator[Setup]:
    """Start the deployment `kind` (sqlite, postgres, nginx-1, nginx-2)."""
    # every bench client comes from 127.0.0.1: no cap on one client's requests in flight
    base = {"BOT_RATE_LIMIT_PER_MINUTE": "0", "BOT_QUERY_CACHE": "0", "BOT_MAX_CONCURRENT_PER_CLIENT": "0"}
    with ExitStack() as stack:
        if kind in ("sqlite", "postgres"):
            env = bench_env(index, **base)
            if kind == "postgres" and pg is not None:
                env["BOT_DATABASE_URL"] = pg.url
            app = stack.enter_context(AppProcess(env, work / f"app-{kind}.log"))
            groups = {"app": [app.pid]}
            if pg is not None and kind == "postgres":
                groups["postgres"] = [_postmaster(pg)]
            yield Setup(kind, app.url, groups)
            return
        assert pg is not None and chroma is not None and chroma.process is not None
        shared = base | replica_env(pg.url, chroma.url, "bench-salt") | {"BOT_RATE_LIMIT_PER_MINUTE": "1000000"}
        count = int(kind.split("-")[1])
        apps = []
        for n in range(count):
            folder = work / f"replica-{kind}-{n}"
            folder.mkdir(parents=True, exist_ok=True)
            apps.append(stack.enter_context(AppProcess(bench_env(folder, **shared), work / f"app-{kind}-{n}.log")))
        nginx = stack.enter_context(Nginx(work / f"nginx-{kind}", [f"127.0.0.1:{a.port}" for a in apps]))
        assert nginx.process is not None
        yield Setup(
            f"{count} replica{'s' if count > 1 else ''} behind nginx",
            nginx.url,
            {
                "app": [a.pid for a in apps],
                "postgres": [_postmaster(pg)],
                "chroma": [chroma.process.pid],
                "nginx": [nginx.process.pid],
            },
        )


def measure(setup: Setup, questions: Sequence[str], duration_s: float) -> Measured:
    """Warm the deployment, then 8 clients for `duration_s`, with the CPU each group used meanwhile."""
    with httpx.Client(timeout=30) as client:
        for question in questions[:WARM]:
            client.post(f"{setup.url}/api/ask", json={"question": question})
    before, own_before = setup.cpu(), _own_cpu_s()
    run = run_level(setup.url, questions, CLIENTS, duration_s)
    after, own_after = setup.cpu(), _own_cpu_s()
    requests = max(1, run.ok + sum(run.errors.values()))
    used = {name: (after[name] - before[name]) * 1000 / requests for name in after}
    used["clients (bench)"] = (own_after - own_before) * 1000 / requests
    return Measured(setup.label, run, used)


def _own_cpu_s() -> float:
    times = os.times()
    return times.user + times.system


def limiter_costs(pg: Postgres, work: Path, checks: int = 500) -> dict[str, Timings]:
    """What one rate-limit check costs: in memory, in SQLite and in PostgreSQL (the shared one)."""
    from bot.web.ratelimit import Limiter, RateLimiter, SharedRateLimiter
    from bot.web.store import ConversationStore

    limiters: dict[str, Limiter] = {
        "memory": RateLimiter(10**9),
        "sqlite": SharedRateLimiter(ConversationStore(f"sqlite:///{work / 'limits.sqlite3'}").engine, "bench", 10**9),
        "postgresql": SharedRateLimiter(ConversationStore(pg.url).engine, "bench", 10**9),
    }
    costs = {}
    for name, limiter in limiters.items():
        samples = []
        for n in range(checks):
            started = time.perf_counter()
            limiter.check(f"client-{n % 50}")
            samples.append((time.perf_counter() - started) * 1000)
        costs[name] = Timings.of(samples)
    return costs


def measure_replicas(questions: Sequence[str], work: Path, duration_s: float) -> Section:
    """The four deployments one after the other, on one PostgreSQL and one Chroma server."""
    section = Section("replicas", f"Replicas: POST /api/ask, {CLIENTS} clients, {duration_s:.0f} s each")
    index = work / "index"
    results: list[Measured] = []
    with Postgres() as pg, ChromaServer(work / "chroma-server") as chroma:
        for kind in ("sqlite", "postgres", "nginx-1", "nginx-2"):
            print(f"bench: replicas: {kind}", file=sys.stderr)
            if kind == "postgres":  # the embedded index is built by the first start: a copy for the second
                shutil.copytree(index, work / "index-pg", dirs_exist_ok=True)
                index = work / "index-pg"
            with _setup(kind, work, index, pg, chroma) as setup:
                results.append(measure(setup, questions, duration_s))
        costs = limiter_costs(pg, work)
    for result in results:
        client, inside = Timings.of(result.run.latencies_ms), Timings.of(result.run.server_ms)
        errors = sum(result.run.errors.values())
        if errors:
            section.notes.append(f"{result.label}: errors {result.run.errors}")
        section.row(
            result.label if result.label not in ("sqlite", "postgres") else f"1 replica, {result.label}",
            f"{result.run.rps:6.1f} req/s · p50 {client.p50:.0f} ms · p95 {client.p95:.0f} ms · {errors} errors",
        )
        section.row(
            "   where the time goes",
            f"in the assistant p50 {inside.p50:.0f} ms; the rest (HTTP, log, limit, proxy, queueing) "
            f"p50 {client.p50 - inside.p50:.0f} ms",
        )
        cpu = " · ".join(f"{name} {ms:.1f}" for name, ms in result.cpu_per_request_ms.items())
        section.row("   CPU ms per request", cpu)
    section.row(
        "one rate-limit check",
        " · ".join(f"{name} p50 {t.p50:.2f} ms, p95 {t.p95:.2f} ms" for name, t in costs.items()),
    )
    section.data = {
        r.label: r.run.to_dict() | {"cpu_ms_per_request": {k: round(v, 2) for k, v in r.cpu_per_request_ms.items()}}
        for r in results
    } | {"rate_limit_check_ms": {name: t.to_dict() for name, t in costs.items()}}
    if len(results) == 4 and results[0].run.rps:
        one, two = results[2].run.rps, results[3].run.rps
        section.notes.append(
            f"two replicas vs one behind nginx: {two / one if one else 0:.2f}× the requests per second on "
            f"{os.cpu_count()} cores (the embedding is CPU-bound: a second replica only adds what a core left idle)"
        )
    return section


def main(argv: list[str] | None = None) -> int:
    """python -m bench.replicas [--duration S]: print the side-by-side table."""
    from bench.report import RunInfo, render
    from eval.dataset import load_questions

    cli = argparse.ArgumentParser(prog="python -m bench.replicas", description=__doc__)
    cli.add_argument("--duration", type=float, default=20.0, help="seconds of load per deployment")
    args = cli.parse_args(argv)
    questions = [
        q.question for q in load_questions(Path(__file__).resolve().parent.parent / "eval" / "questions.jsonl")
    ]
    info = RunInfo()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="bench-replicas-") as work:
        section = measure_replicas(questions, Path(work), args.duration)
    info.seconds = time.perf_counter() - started
    info.load_after = os.getloadavg()
    print(render(info, [section]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
