"""The app behind Debian's nginx on loopback, and the chat page's side doors, over real HTTP.

nginx listens on 127.0.0.1 and forwards to the app with `X-Forwarded-For $proxy_add_x_forwarded_for`;
the app trusts only 127.0.0.1 (BOT_TRUSTED_PROXIES). Two clients come from 127.0.0.2 and 127.0.0.3
(all of 127/8 is loopback on Linux), so nginx sees two addresses.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from web_helpers import AppServer, free_port

pytestmark = pytest.mark.integration

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
CONFIG = """
daemon off;
worker_processes 1;
pid {base}/nginx.pid;
error_log {base}/error.log warn;
events {{ worker_connections 64; }}
http {{
  access_log off;
  client_body_temp_path {base}/body;
  proxy_temp_path {base}/proxy;
  fastcgi_temp_path {base}/fastcgi;
  uwsgi_temp_path {base}/uwsgi;
  scgi_temp_path {base}/scgi;
  server {{
    listen 127.0.0.1:{port};
    location / {{
      proxy_pass http://127.0.0.1:{app_port};
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_http_version 1.1;
      proxy_buffering off;
    }}
  }}
}}
"""


@pytest.fixture(scope="module")
def proxied(web_server: AppServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An app allowing 3 requests a minute per client, trusting 127.0.0.1, behind nginx: nginx's URL."""
    if not Path(NGINX).exists():
        pytest.fail("the proxy test needs Debian's nginx: apt-get install -y nginx-light")
    base = tmp_path_factory.mktemp("proxied")
    shutil.copytree(web_server.index_dir / "chroma", base / "index" / "chroma")
    app = AppServer(base / "index", {"BOT_RATE_LIMIT_PER_MINUTE": "3", "BOT_TRUSTED_PROXIES": "127.0.0.1"})
    app.start()
    port = free_port()
    config = base / "nginx.conf"
    config.write_text(CONFIG.format(base=base, port=port, app_port=app.port))
    nginx = subprocess.Popen([NGINX, "-c", str(config), "-e", str(base / "error.log")], stderr=subprocess.STDOUT)
    try:
        _wait_for(port)
        yield f"http://127.0.0.1:{port}"
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)
        app.stop()


def _wait_for(port: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"nginx did not listen on {port}")


def client_from(address: str, url: str) -> httpx.Client:
    return httpx.Client(base_url=url, timeout=60, transport=httpx.HTTPTransport(local_address=address))


def test_two_clients_behind_the_proxy_get_separate_limits(proxied: str) -> None:
    with client_from("127.0.0.2", proxied) as one, client_from("127.0.0.3", proxied) as two:
        assert [one.get("/api/articles/5").status_code for _ in range(4)] == [200, 200, 200, 429]
        assert two.get("/api/articles/5").status_code == 200  # the proxy is not one client for all


def test_a_spoofed_header_from_outside_gains_nothing(proxied: str) -> None:
    with client_from("127.0.0.4", proxied) as spoofer:
        statuses = [
            spoofer.get("/api/articles/5", headers={"X-Forwarded-For": f"198.51.100.{i}"}).status_code for i in range(4)
        ]
    assert statuses == [200, 200, 200, 429]


def test_without_trusted_proxies_the_header_is_ignored(limited_server: AppServer) -> None:
    """The default: a client naming another address in X-Forwarded-For is still itself."""
    with client_from("127.0.0.5", limited_server.url) as spoofer:
        statuses = [
            spoofer.get("/api/articles/5", headers={"X-Forwarded-For": f"203.0.113.{i}"}).status_code for i in range(4)
        ]
    assert statuses == [200, 200, 200, 429]


def test_the_chat_pages_side_doors_are_closed(web_server: AppServer) -> None:
    assert web_server.log_path is not None
    with httpx.Client(base_url=web_server.url, timeout=60) as client:
        upload = client.post("/gradio_api/upload", files={"files": ("a.txt", b"x" * 1000)})
        assert upload.status_code == 403
        big = client.post("/gradio_api/run/predict", content=b'{"data": ["' + b"x" * 2_000_000 + b'"]}')
        assert big.status_code == 413
        # every event called directly, as a script would, with a fresh session each time: the queued ones
        # (answering) are refused, none answers a question (every answer gives the hotline), and a
        # malformed call is one log line
        logged = web_server.log_path.stat().st_size
        direct = [
            client.post("/gradio_api/run/predict", json={"fn_index": i, "data": ["q"], "session_hash": f"s{i}"})
            for i in range(8)
        ]
        assert sum("join the queue" in response.text for response in direct) >= 2
        assert not any("400-107-6681" in response.text for response in direct)
        time.sleep(0.5)
        assert web_server.log_path.stat().st_size - logged < 8 * 300
        assert client.get("/healthz").status_code == 200


def test_a_stopped_server_leaves_every_row_in_the_database_file(
    web_server: AppServer, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """SIGTERM folds the write-ahead log into the file: a copy of the .sqlite3 file alone holds every turn."""
    import sqlite3

    base = tmp_path_factory.mktemp("stopped")
    shutil.copytree(web_server.index_dir / "chroma", base / "index" / "chroma")
    app = AppServer(base / "index", {"BOT_RATE_LIMIT_PER_MINUTE": "0"}).start()
    try:
        with httpx.Client(base_url=app.url, timeout=60) as client:
            for question in ("R签证有效期多久？", "How old can a foreign expert be?"):
                assert client.post("/api/ask", json={"question": question}).status_code == 200
    finally:
        app.stop()
    copy = base / "copy.sqlite3"
    shutil.copy(base / "index" / "conversations.sqlite3", copy)
    connection = sqlite3.connect(copy)
    try:
        assert connection.execute("SELECT count(*) FROM turns").fetchone()[0] == 2
    finally:
        connection.close()
