"""python -m bench.attack: ordinary clients' latency with and without an attack mix, side by side.

Starts `python app.py` on loopback (the default settings: 120 questions a minute per client, 4 in
flight), then runs ordinary clients asking short questions, first alone and then while attackers
send what issue 14 found: chunked 400 MB bodies, chunked uploads to the staff API without a token,
2 MB chat-page event calls with fresh sessions, uploads, spoofed X-Forwarded-For floods, staff-token
guessing and 1000-character questions. Every attacker is bounded in requests and time, and all
traffic stays on 127.0.0.1. Prints p50/p95 of the ordinary clients in both phases, the ratio, their
errors, what the attackers got, and the app's peak memory (VmHWM).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import shutil
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench.procs import ROOT, AppProcess, bench_env, proc_cpu_s, proc_status_kb

SHORT = [
    "R签证有效期多久？",
    "外籍人才工作许可年龄能放宽到多少岁？",
    "新认定的省级高新区奖励多少？",
    "How long can I stay per entry on an R visa?",
    "What reward does a provincial zone get for moving up the ranking?",
    "高新区产业用地有哪些供应方式？",
]
ORDINARY_ADDRESSES = [f"127.0.0.{i}" for i in range(10, 14)]
ORDINARY_PAUSE_S = 0.6  # one question every 0.6 s: within 120 a minute
TOKEN = "bench-attack-staff-token-0123456789"


def percentile(values: list[float], share: float) -> float:
    """The `share` quantile of `values` (nearest rank), 0.0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Ordinary:
    """Clients from distinct loopback addresses asking short questions, each at a human pace."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.latencies: list[float] = []
        self.statuses: Counter[str] = Counter()
        self.lock = threading.Lock()

    def run(self, address: str, until: float) -> None:
        transport = httpx.HTTPTransport(local_address=address)
        with httpx.Client(base_url=self.url, timeout=30, transport=transport) as client:
            while time.monotonic() < until:
                question = random.choice(SHORT) + f" {random.randint(0, 10**6)}"  # no cached vector
                started = time.perf_counter()
                try:
                    status = str(client.post("/api/ask", json={"question": question}).status_code)
                except httpx.HTTPError as exc:
                    status = type(exc).__name__
                elapsed = (time.perf_counter() - started) * 1000
                with self.lock:
                    self.statuses[status] += 1
                    if status == "200":
                        self.latencies.append(elapsed)
                time.sleep(ORDINARY_PAUSE_S)


def _big(total: int, size: int = 256_000) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        yield b"x" * size
        sent += size


Attack = Callable[[httpx.Client, int], httpx.Response]


def attackers(url: str) -> dict[str, Attack]:
    """Each attack: one request, given a client and a counter."""
    long_question = ("高新区奖励土地人才签证工作许可融资基金孵化器研发审批" * 80)[:990]
    return {
        "chunked 400 MB ask": lambda c, i: c.post(
            "/api/ask", content=_big(400_000_000), headers={"content-type": "application/json"}
        ),
        "chunked staff upload, no token": lambda c, i: c.post(
            "/api/staff/run", content=_big(100_000_000), headers={"content-type": "multipart/form-data; boundary=x"}
        ),
        "2 MB chat event, fresh session": lambda c, i: c.post(
            "/gradio_api/run/predict",
            content=b'{"fn_index": 3, "session_hash": "s%d", "data": ["%s"]}' % (i, b"x" * 2_000_000),
            headers={"content-type": "application/json"},
        ),
        "100 MB upload": lambda c, i: c.post("/gradio_api/upload", content=_big(100_000_000)),
        "spoofed X-Forwarded-For": lambda c, i: c.post(
            "/api/ask", json={"question": "R签证?"}, headers={"X-Forwarded-For": f"10.9.{i % 250}.{i % 200}"}
        ),
        "staff token guess": lambda c, i: c.get(
            "/api/staff/session", headers={"Authorization": f"Bearer guess-{i:030d}"}
        ),
        "1000-character questions": lambda c, i: c.post("/api/ask", json={"question": long_question + str(i)}),
    }


def attack(
    url: str, until: float, max_requests: int, seen: Counter[str], lock: threading.Lock
) -> list[threading.Thread]:
    """One thread per attack (two for the long questions), each from its own loopback address."""
    threads = []
    plan = list(attackers(url).items())
    plan.append(plan[-1])  # the long questions twice over
    for number, (name, send) in enumerate(plan):
        address = f"127.0.1.{number + 1}" if name != "1000-character questions" else "127.0.1.99"

        def loop(name: str = name, send: Attack = send, address: str = address) -> None:
            transport = httpx.HTTPTransport(local_address=address)
            with httpx.Client(base_url=url, timeout=30, transport=transport) as client:
                for i in range(max_requests):
                    if time.monotonic() >= until:
                        return
                    try:
                        status = str(send(client, i).status_code)
                    except httpx.HTTPError as exc:
                        status = type(exc).__name__
                    with lock:
                        seen[f"{name}: {status}"] += 1

        threads.append(threading.Thread(target=loop, daemon=True))
    return threads


def ordinary_clients(url: str, duration: float) -> Served:
    """The ordinary clients for `duration` seconds (run in a process of their own, so that their
    timings do not include waiting for this process's attacker threads)."""
    ordinary = Ordinary(url)
    until = time.monotonic() + duration
    threads = [threading.Thread(target=ordinary.run, args=(a, until), daemon=True) for a in ORDINARY_ADDRESSES]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=duration + 60)
    return Served(ordinary.latencies, ordinary.statuses)


@dataclass(frozen=True, slots=True)
class Served:
    """What the ordinary clients got: the latency (ms) of each answered question, and every status."""

    latencies: list[float]
    statuses: Counter[str]


@dataclass(frozen=True, slots=True)
class Phase:
    """What one phase measured: the ordinary clients, what the attackers got, and the CPU seconds the
    app and the attackers used over its wall time."""

    ordinary: Served
    seen: Counter[str]
    wall_s: float
    app_cpu_s: float
    attackers_cpu_s: float


def phase(url: str, pid: int, duration: float, with_attack: bool, max_requests: int) -> Phase:
    """Ordinary clients for `duration` seconds, with or without the attackers."""
    seen, lock = Counter[str](), threading.Lock()
    threads = attack(url, time.monotonic() + duration, max_requests, seen, lock) if with_attack else []
    app_cpu, own_cpu, started = proc_cpu_s(pid), time.process_time(), time.monotonic()
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        future = pool.submit(ordinary_clients, url, duration)
        for thread in threads:
            thread.start()
        ordinary = future.result(timeout=duration + 120)
    for thread in threads:
        thread.join(timeout=60)
    return Phase(ordinary, seen, time.monotonic() - started, proc_cpu_s(pid) - app_cpu, time.process_time() - own_cpu)


def main(argv: list[str] | None = None) -> int:
    """Run both phases against a fresh app and print the figures."""
    cli = argparse.ArgumentParser(prog="python -m bench.attack", description=__doc__.splitlines()[0])
    cli.add_argument("--duration", type=float, default=20.0, help="seconds per phase (default 20)")
    cli.add_argument(
        "--max-requests", type=int, default=5000, help="requests per attacker at most (default 5000: the whole phase)"
    )
    args = cli.parse_args(argv)
    random.seed(7)
    with tempfile.TemporaryDirectory(prefix="bench-attack-") as work:
        index = Path(work) / "index"
        if (ROOT / "index" / "chroma").exists():
            shutil.copytree(ROOT / "index" / "chroma", index / "chroma")
        env = bench_env(index, BOT_STAFF_TOKEN=TOKEN)
        with AppProcess(env, Path(work) / "app.log") as app:
            for _ in range(5):
                httpx.post(f"{app.url}/api/ask", json={"question": random.choice(SHORT)}, timeout=60)
            quiet = phase(app.url, app.pid, args.duration, False, args.max_requests)
            loud = phase(app.url, app.pid, args.duration, True, args.max_requests)
            peak_mb = proc_status_kb(app.pid, "VmHWM") / 1024
    print(render(quiet, loud, peak_mb))
    return 0


def render(quiet_phase: Phase, loud_phase: Phase, peak_mb: float) -> str:
    """The side-by-side table."""
    quiet, loud, seen = quiet_phase.ordinary, loud_phase.ordinary, loud_phase.seen
    p95_quiet, p95_loud = percentile(quiet.latencies, 0.95), percentile(loud.latencies, 0.95)
    ratio = p95_loud / p95_quiet if p95_quiet else 0.0
    rows = ["ordinary clients (4, short questions)   without attack   with attack"]
    for label, share in (("p50 ms", 0.5), ("p95 ms", 0.95)):
        before, during = percentile(quiet.latencies, share), percentile(loud.latencies, share)
        rows.append(f"  {label:<37}{before:>14.1f}   {during:>11.1f}")
    rows += [
        f"  {'answered':<37}{len(quiet.latencies):>14}   {len(loud.latencies):>11}",
        f"  statuses without: {dict(quiet.statuses)}   with: {dict(loud.statuses)}",
        f"  {'app CPU (cores busy)':<37}{quiet_phase.app_cpu_s / quiet_phase.wall_s:>14.2f}   "
        f"{loud_phase.app_cpu_s / loud_phase.wall_s:>11.2f}",
        f"  {'attackers CPU (cores busy, same machine)':<37}{'':>14}   "
        f"{loud_phase.attackers_cpu_s / loud_phase.wall_s:>11.2f}",
        f"attack requests: {sum(seen.values())} in {loud_phase.wall_s:.0f} s",
        f"p95 with / without: {ratio:.2f}x   (targets: p95 with attack <= 300 ms and <= 3x)",
        f"app peak memory (VmHWM): {peak_mb:.0f} MB   (target <= 600 MB)",
        "attackers got:",
        *(f"  {key}: {count}" for key, count in sorted(seen.items())),
    ]
    return "\n".join(rows)


if __name__ == "__main__":
    sys.exit(main())
