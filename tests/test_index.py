"""The Chroma index: built when missing, reused when current, rebuilt when the corpus or embedder changes."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.config import Settings
from bot.corpus import load_corpus
from bot.embed.fake import HashEmbedder
from bot.store.chroma_store import VectorIndex
from bot.store.units import corpus_units

pytestmark = pytest.mark.integration


def _index(tmp_path: Path, corpus_dir: Path, dim: int = 64) -> VectorIndex:
    settings = Settings.from_env({"BOT_INDEX_DIR": str(tmp_path / "index"), "BOT_CORPUS_DIR": str(corpus_dir)})
    return VectorIndex(settings, HashEmbedder(dim), load_corpus(corpus_dir))


def test_index_is_built_once_then_reused(tmp_path: Path, corpus_copy: Path) -> None:
    assert _index(tmp_path, corpus_copy).ensure() is True
    again = _index(tmp_path, corpus_copy)
    assert again.ensure() is False
    keys, scores = again.scores(HashEmbedder(64).embed_query_vector("R visa"))
    assert len(keys) == len(corpus_units(again.corpus)) == len(scores)


def test_index_holds_clauses_and_articles_in_both_languages_with_metadata(tmp_path: Path, corpus_copy: Path) -> None:
    index = _index(tmp_path, corpus_copy)
    index.ensure()
    hits = index.search(HashEmbedder(64).embed_query_vector("R字签证"), k=400)
    assert {h.lang for h in hits} == {"zh", "en"}
    assert {h.clause for h in hits if h.article == 5} == set(range(0, 12))
    assert {h.article for h in hits} == set(range(1, 27))


def test_a_changed_corpus_rebuilds_the_index(
    tmp_path: Path, corpus_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    _index(tmp_path, corpus_copy).ensure()
    meta = corpus_copy / "lyg-hitech-2023" / "meta.yaml"
    meta.write_text(meta.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="bot.store"):
        assert _index(tmp_path, corpus_copy).ensure() is True
    assert "corpus changed" in caplog.text


def test_another_embedder_rebuilds_the_index(tmp_path: Path, corpus_copy: Path) -> None:
    _index(tmp_path, corpus_copy, dim=64).ensure()
    assert _index(tmp_path, corpus_copy, dim=32).ensure() is True


def test_index_command_builds_and_reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from bot.__main__ import main

    monkeypatch.setenv("BOT_EMBEDDER", "hash")
    monkeypatch.setenv("BOT_INDEX_DIR", str(tmp_path / "cli-index"))
    assert main(["index"]) == 0
    assert "index built" in capsys.readouterr().out
    assert main(["index"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_a_replaced_vector_snapshot_is_logged_and_not_used(
    tmp_path: Path, corpus_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    built = _index(tmp_path, corpus_copy)
    built.ensure()
    snapshot = tmp_path / "index" / "chroma" / "vectors.npz"
    other = tmp_path / "other"  # another index's snapshot copied over this one
    _index(other, corpus_copy, dim=32).ensure()
    snapshot.write_bytes((other / "index" / "chroma" / "vectors.npz").read_bytes())
    again = _index(tmp_path, corpus_copy)
    with caplog.at_level(logging.INFO, logger="bot.store"):
        again.ensure()
    assert "does not match the store" in caplog.text
    assert again.identity == built.identity  # the store's own vectors, not the copied ones
