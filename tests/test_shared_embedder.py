"""SharedQueryEmbedder: repeated questions from the cache, concurrent ones in one batch, same vectors."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from bot.embed.base import Embedder, Role
from bot.embed.fake import HashEmbedder
from bot.embed.shared import SharedQueryEmbedder


class Recording(Embedder):
    """A hash embedder that records its batches and can be held up or made to fail."""

    id = "recording"

    def __init__(self) -> None:
        self.inner = HashEmbedder(64)
        self.batches: list[tuple[str, ...]] = []
        self.gate = threading.Event()
        self.gate.set()
        self.started = threading.Event()
        self.fail = False

    def embed_batch(self, texts: Sequence[str], role: Role) -> np.ndarray:
        self.started.set()
        self.gate.wait(10)
        self.batches.append(tuple(texts))
        if self.fail:
            raise RuntimeError("model failed")
        return self.inner.embed_batch(texts, role)


def test_a_repeated_question_is_embedded_once_and_gets_the_same_vector() -> None:
    inner = Recording()
    shared = SharedQueryEmbedder(inner, cache_size=4)
    first = shared.embed_query_vector("R visa")
    again = shared.embed_query_vector("R visa")
    assert inner.batches == [("R visa",)]
    assert np.array_equal(first, again) and np.array_equal(first, inner.inner.embed_query_vector("R visa"))
    assert (shared.hits, shared.misses) == (1, 1)
    with pytest.raises(ValueError):
        first[0] = 1.0  # shared with the cache: read-only


def test_the_least_recently_used_question_is_forgotten_first() -> None:
    inner = Recording()
    shared = SharedQueryEmbedder(inner, cache_size=2)
    for text in ("a", "b", "a", "c", "a", "b"):
        shared.embed_query_vector(text)
    # "b" was evicted when "c" came (a was used more recently); "a" stayed
    assert inner.batches == [("a",), ("b",), ("c",), ("b",)]


def test_no_cache_embeds_every_time() -> None:
    inner = Recording()
    shared = SharedQueryEmbedder(inner, cache_size=0)
    shared.embed_query_vector("x")
    shared.embed_query_vector("x")
    assert inner.batches == [("x",), ("x",)]


def test_questions_arriving_while_the_model_is_busy_are_embedded_together() -> None:
    inner = Recording()
    shared = SharedQueryEmbedder(inner, cache_size=0)
    inner.gate.clear()
    texts = [f"question {n}" for n in range(6)]
    with ThreadPoolExecutor(max_workers=len(texts)) as pool:
        first = pool.submit(shared.embed_query_vector, texts[0])
        assert inner.started.wait(10)  # the model is now busy with the first question
        rest = [pool.submit(shared.embed_query_vector, text) for text in texts[1:]]
        while len(shared._waiting) < len(texts) - 1:  # all five are queued behind it
            threading.Event().wait(0.01)
        inner.gate.set()
        vectors = [first.result(10)] + [future.result(10) for future in rest]
    assert inner.batches[0] == (texts[0],)
    assert sorted(inner.batches[1]) == sorted(texts[1:]) and len(inner.batches) == 2
    for text, vector in zip(texts, vectors, strict=True):
        assert np.array_equal(vector, inner.inner.embed_query_vector(text))


def test_a_model_failure_reaches_every_waiting_caller_and_the_next_call_works() -> None:
    inner = Recording()
    shared = SharedQueryEmbedder(inner, cache_size=8)
    inner.fail = True
    with pytest.raises(RuntimeError, match="model failed"):
        shared.embed_query_vector("x")
    inner.fail = False
    assert shared.embed_query_vector("x").shape == (64,)
    assert not shared._waiting


def test_many_threads_asking_overlapping_questions_all_get_their_own_vectors() -> None:
    inner = Recording()
    shared = SharedQueryEmbedder(inner, cache_size=3)
    texts = [f"q{n % 7}" for n in range(200)]
    with ThreadPoolExecutor(max_workers=16) as pool:
        vectors = list(pool.map(shared.embed_query_vector, texts))
    for text, vector in zip(texts, vectors, strict=True):
        assert np.array_equal(vector, inner.inner.embed_query_vector(text))
    embedded = [text for batch in inner.batches for text in batch]
    assert all(len(set(batch)) == len(batch) for batch in inner.batches)  # a text waits once per batch
    assert set(embedded) == set(texts) and len(embedded) <= shared.misses
    assert shared.hits + shared.misses == len(texts)


def test_passages_go_straight_to_the_model_and_the_id_is_the_models() -> None:
    inner = Recording()
    shared = SharedQueryEmbedder(inner)
    assert shared.id == "recording"
    assert np.array_equal(shared.embed_batch(["a", "b"], "passage"), inner.inner.embed_batch(["a", "b"], "passage"))
    assert inner.batches == [("a", "b")]


def test_no_more_than_max_batch_questions_go_to_the_model_at_once() -> None:
    inner = Recording()
    shared = SharedQueryEmbedder(inner, cache_size=0, max_batch=2)
    inner.gate.clear()
    texts = [f"question {n}" for n in range(6)]
    with ThreadPoolExecutor(max_workers=len(texts)) as pool:
        first = pool.submit(shared.embed_query_vector, texts[0])
        assert inner.started.wait(10)
        rest = [pool.submit(shared.embed_query_vector, text) for text in texts[1:]]
        while len(shared._waiting) < len(texts) - 1:
            threading.Event().wait(0.01)
        inner.gate.set()
        vectors = [first.result(10)] + [future.result(10) for future in rest]
    assert [len(batch) for batch in inner.batches] == [1, 2, 2, 1]
    for text, vector in zip(texts, vectors, strict=True):
        assert np.array_equal(vector, inner.inner.embed_query_vector(text))


def test_the_embedder_interface_imports_no_langchain() -> None:
    import subprocess
    import sys
    from pathlib import Path

    code = "import sys, bot.embed, bot.retrieve.hybrid; print('langchain_core' in sys.modules)"
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_langchain_adapter_embeds_passages_and_queries_with_the_embedder() -> None:
    from bot.embed.fake import HashEmbedder
    from bot.embed.langchain_adapter import LangChainEmbeddings

    embedder = HashEmbedder()
    adapter = LangChainEmbeddings(embedder)
    assert adapter.embed_documents(["land lease"]) == [embedder.embed_batch(["land lease"], "passage")[0].tolist()]
    assert adapter.embed_query("R visa") == embedder.embed_query_vector("R visa").tolist()
