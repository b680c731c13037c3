"""Shared fixtures: offline environment, the real corpus, a deterministic embedder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parent.parent
CORPUS_DIR = ROOT / "corpus"
DATA_DIR = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each test gets its own index folder and no stray BOT_* settings."""
    for name in list(os.environ):
        if name.startswith("BOT_"):
            monkeypatch.delenv(name)
    monkeypatch.setenv("BOT_INDEX_DIR", str(tmp_path / "index"))


@pytest.fixture(scope="session")
def corpus():  # type: ignore[no-untyped-def]
    from bot.corpus import load_corpus

    return load_corpus(CORPUS_DIR)


@pytest.fixture()
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of corpus/ for tests that corrupt it."""
    import shutil

    target = tmp_path / "corpus"
    shutil.copytree(CORPUS_DIR, target)
    return target
