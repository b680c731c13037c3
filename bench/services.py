"""Real servers on loopback for the replica tests and the replica bench: Debian's PostgreSQL (initdb and
pg_ctl into a throwaway folder), a Chroma server (`chroma run`), Debian's nginx in front of app replicas.

Each is a context manager that starts the server, waits until it answers, and stops it (its folder is
the caller's to delete). Nothing here listens anywhere but 127.0.0.1.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import TracebackType

from bench.procs import free_port

ROOT = Path(__file__).resolve().parent.parent
#: The nginx configuration of the deployment (README, docker-compose.yml) and of the tests.
NGINX_TEMPLATE = ROOT / "deploy" / "nginx.conf"


def replica_env(database_url: str, chroma_url: str, salt: str, staff_token: str = "") -> dict[str, str]:
    """The settings every replica behind the proxy is started with (the tests', the bench's, and by name
    deploy/replica.env.example's and docker-compose.yml's: tests/test_deploy.py compares them)."""
    return {
        "BOT_DATABASE_URL": database_url,
        "BOT_CHROMA_URL": chroma_url,
        "BOT_RATE_LIMIT_STORE": "database",
        "BOT_CLIENT_SALT": salt,
        "BOT_TRUSTED_PROXIES": "127.0.0.1",
        "BOT_STAFF_TOKEN": staff_token,
    }


class ServiceError(RuntimeError):
    """A server could not be started: the message says what to install or where its log is."""


def wait_for_port(port: int, timeout: float, what: str) -> None:
    """Return once 127.0.0.1:`port` accepts connections; ServiceError after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise ServiceError(f"{what} did not listen on 127.0.0.1:{port} within {timeout:.0f} s")


def _postgres_bin(name: str) -> str:
    """A PostgreSQL program: Debian's newest /usr/lib/postgresql/<version>/bin, else on PATH."""
    debian = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]), reverse=True)
    found = debian[0] if debian else shutil.which(name)
    if not found:
        raise ServiceError(f"PostgreSQL's {name} is missing: apt-get install -y postgresql (make test does)")
    return found


class Postgres:
    """A PostgreSQL server in a new temporary folder, on a free loopback port, trusting local connections.

    PostgreSQL refuses to run as root: as root, its programs run as the `postgres` user Debian's
    package creates (through runuser), and the folder is given to that user.
    """

    def __init__(self, user: str = "bot", database: str = "bot") -> None:
        self.user, self.database = user, database
        self.port = free_port()
        self.base = Path(tempfile.mkdtemp(prefix="lyg-pg-"))
        self.data = self.base / "data"

    @property
    def url(self) -> str:
        """Its SQLAlchemy URL (psycopg 3)."""
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{self.database}"

    def _run(self, *args: str) -> None:
        command = list(args)
        if os.geteuid() == 0:  # runuser lives in /usr/sbin, which a bare PATH may lack
            runuser = shutil.which("runuser") or "/usr/sbin/runuser"
            command = [runuser, "-u", "postgres", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if result.returncode != 0:
            raise ServiceError(f"{' '.join(args[:1])} failed: {result.stderr.strip() or result.stdout.strip()}")

    def __enter__(self) -> Postgres:
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres")
        self._run(_postgres_bin("initdb"), "-D", str(self.data), "-A", "trust", "-U", self.user, "-E", "UTF8")
        options = f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.base} -c max_connections=200"
        log = str(self.base / "log")
        self._run(_postgres_bin("pg_ctl"), "-D", str(self.data), "-o", options, "-l", log, "-w", "start")
        self._run(_postgres_bin("createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, self.database)
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop the server (fast shutdown) and delete its folder."""
        if (self.data / "postmaster.pid").exists():
            self._run(_postgres_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        shutil.rmtree(self.base, ignore_errors=True)

    def count(self, sql: str) -> int:
        """One integer from a query (psycopg directly: the check does not go through the app's code)."""
        import psycopg

        with psycopg.connect(f"host=127.0.0.1 port={self.port} user={self.user} dbname={self.database}") as conn:
            row = conn.execute(sql).fetchone()  # type: ignore[arg-type]
            return int(row[0]) if row else 0


class ChromaServer:
    """`chroma run` storing under `path`, on a free loopback port; a context manager, and `stop()` and
    `start()` again on the same port (a Chroma server that goes away and comes back)."""

    def __init__(self, path: Path, start_s: float = 60.0) -> None:
        self.path = path
        self.port = free_port()
        self.start_s = start_s
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Its URL, as BOT_CHROMA_URL takes it."""
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        """Start the server and wait for its heartbeat (ServiceError, with the server stopped, if none comes)."""
        import httpx

        chroma = Path(sys.executable).parent / "chroma"
        self.path.mkdir(parents=True, exist_ok=True)
        with (self.path.parent / "chroma-server.log").open("ab") as log:
            self.process = subprocess.Popen(
                [str(chroma), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
            )
        deadline = time.monotonic() + self.start_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise ServiceError(f"chroma run exited with {self.process.returncode}; see {log.name}")
            try:
                if httpx.get(f"{self.url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    return
            except httpx.HTTPError:
                time.sleep(0.2)
        self.stop()
        raise ServiceError(f"the Chroma server did not answer its heartbeat within {self.start_s:.0f} s")

    def stop(self) -> None:
        """Stop the server (SIGTERM, then SIGKILL after 10 s) and wait for it."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def __enter__(self) -> ChromaServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


#: The wrapper a test or bench runs deploy/nginx.conf in: its own pid file, logs and temporary folders.
MAIN_CONFIG = """daemon off;
worker_processes 1;
pid {base}/nginx.pid;
error_log {base}/error.log warn;
events {{ worker_connections 512; }}
http {{
  access_log off;
  client_body_temp_path {base}/body;
  proxy_temp_path {base}/proxy;
  fastcgi_temp_path {base}/fastcgi;
  uwsgi_temp_path {base}/uwsgi;
  scgi_temp_path {base}/scgi;
  include {base}/lyg-hitech.conf;
}}
"""


def site_config(port: int, upstreams: list[str]) -> str:
    """deploy/nginx.conf with its `listen` and upstream `server` lines pointed at loopback."""
    lines, servers_done = [], False
    for original in NGINX_TEMPLATE.read_text().splitlines():
        stripped, line = original.strip(), original
        if stripped.startswith("upstream "):
            servers_done = False  # each upstream block lists the replicas
        if stripped.startswith("listen "):
            line = f"    listen 127.0.0.1:{port};"
        elif stripped.startswith("server ") and stripped.endswith(";"):
            if servers_done:
                continue
            options = stripped.split(" ", 2)[2]  # what follows the address: max_fails, fail_timeout
            line = "\n".join(f"    server {address} {options}" for address in upstreams)
            servers_done = True
        lines.append(line)
    return "\n".join(lines) + "\n"


class Nginx:
    """Debian's nginx with deploy/nginx.conf, in front of `upstreams` (host:port of each replica)."""

    def __init__(self, base: Path, upstreams: list[str]) -> None:
        self.base = base
        self.upstreams = upstreams
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        """Its URL."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def error_log(self) -> str:
        """What nginx logged (retries to the next replica among it)."""
        path = self.base / "error.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def __enter__(self) -> Nginx:
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(binary).exists():
            raise ServiceError("Debian's nginx is missing: apt-get install -y nginx-light (make test does)")
        self.base.mkdir(parents=True, exist_ok=True)
        (self.base / "lyg-hitech.conf").write_text(site_config(self.port, self.upstreams))
        config = self.base / "nginx.conf"
        config.write_text(MAIN_CONFIG.format(base=self.base))
        self.process = subprocess.Popen(
            [binary, "-c", str(config), "-e", str(self.base / "error.log")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_for_port(self.port, 20, "nginx")
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)
