"""The app behind Debian's nginx on loopback, and the chat page's side doors, over real HTTP.

nginx runs deploy/nginx.conf on 127.0.0.1 (one replica in its upstreams) and forwards to the app with
`X-Forwarded-For $proxy_add_x_forwarded_for`;
the app trusts only 127.0.0.1 (BOT_TRUSTED_PROXIES). Two clients come from 127.0.0.2 and 127.0.0.3
(all of 127/8 is loopback on Linux), so nginx sees two addresses.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator

import httpx
import pytest
from web_helpers import AppServer

from bench.services import Nginx

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def proxied(web_server: AppServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An app allowing 3 requests a minute per client, trusting 127.0.0.1, behind nginx: nginx's URL."""
    base = tmp_path_factory.mktemp("proxied")
    shutil.copytree(web_server.index_dir / "chroma", base / "index" / "chroma")
    app = AppServer(base / "index", {"BOT_RATE_LIMIT_PER_MINUTE": "3", "BOT_TRUSTED_PROXIES": "127.0.0.1"})
    app.start()
    try:
        with Nginx(base / "nginx", [f"127.0.0.1:{app.port}"]) as nginx:  # deploy/nginx.conf, one replica
            yield nginx.url
    finally:
        app.stop()


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
