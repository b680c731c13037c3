"""Subprocesses of a benchmark: their environment, free ports, the app server, /proc memory figures."""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
#: The first start of the app may have to build the index.
APP_START_S = 300.0


def bench_env(index_dir: Path, **extra: str) -> dict[str, str]:
    """This process's environment with the index in `index_dir`, offline and without telemetry."""
    env = dict(os.environ)
    env |= {
        "BOT_INDEX_DIR": str(index_dir),
        "HF_HUB_OFFLINE": "1",
        "HF_HUB_DISABLE_TELEMETRY": "1",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "ANONYMIZED_TELEMETRY": "False",
        "PYTHONUNBUFFERED": "1",
    }
    return env | extra


class CpuWatch:
    """How much CPU other processes used since it was made: a busy machine makes every figure pessimistic.

    Machine-wide busy time comes from /proc/stat; this process's own share (and that of its
    finished children, e.g. the app server and the CLI runs) from getrusage.
    """

    def __init__(self) -> None:
        self.wall = time.monotonic()
        self.busy = _machine_busy_s()
        self.own = _own_cpu_s()

    def foreign_cpu_s(self) -> float:
        """CPU seconds other processes used since the watch started (never negative)."""
        return max(0.0, (_machine_busy_s() - self.busy) - (_own_cpu_s() - self.own))

    def foreign_share(self) -> float:
        """That time as a share of the machine's capacity over the same wall time (0 … 1)."""
        capacity = (time.monotonic() - self.wall) * (os.cpu_count() or 1)
        return self.foreign_cpu_s() / capacity if capacity > 0 else 0.0


def _machine_busy_s() -> float:
    fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def _own_cpu_s() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def proc_status_kb(pid: int, key: str) -> int:
    """A `kB` figure of /proc/<pid>/status (VmHWM: peak resident set, VmRSS: current)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1])
    raise KeyError(f"{key} not in /proc/{pid}/status")


def maps_library(pid: int, name: str) -> bool:
    """True when process `pid` has a shared library whose path contains `name` mapped."""
    return name in Path(f"/proc/{pid}/maps").read_text()


class AppProcess:
    """`python app.py --port N` on loopback, with its output in `log_path`; a context manager."""

    def __init__(self, env: dict[str, str], log_path: Path) -> None:
        self.env = env
        self.log_path = log_path
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.started_s = 0.0

    @property
    def url(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        """The server's process id."""
        assert self.process is not None
        return self.process.pid

    def __enter__(self) -> AppProcess:
        started = time.perf_counter()
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(ROOT / "app.py"), "--port", str(self.port)],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        self._wait_ready()
        self.started_s = time.perf_counter() - started
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + APP_START_S
        while time.monotonic() < deadline:
            if self.process is None or self.process.poll() is not None:
                raise RuntimeError(f"app.py exited early; see {self.log_path}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.25)
        self.__exit__()
        raise RuntimeError(f"app.py did not answer /healthz within {APP_START_S:.0f} s; see {self.log_path}")

    def __exit__(self, *_exc: object) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)


def proc_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) process `pid` has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime, stime: fields 14, 15
