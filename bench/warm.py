"""Warm in-process latency: an answer against embedding the question alone, and against the LangChain recipe."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bench.figures import TARGETS, Check, Section, Timings
from bot.text import normalize

if TYPE_CHECKING:
    from bot.assistant import Bot


def wall_ms(call: Callable[[str], object], text: str) -> float:
    """Wall time of `call(text)` in milliseconds."""
    started = time.perf_counter()
    call(text)
    return (time.perf_counter() - started) * 1000


def measure_warm(bot: Bot, questions: Sequence[str], warmup: int) -> Section:
    """Bot.ask and embed_query_vector on each question in turn (so both see the same load), after a warm-up.

    The embedding is timed on the normalized question, the text retrieval embeds, prepared beforehand.
    """
    section = Section("warm", "Warm latency in-process: Bot().ask against the bare question embedding")
    texts = [normalize(q) for q in questions]
    for question, text in zip(questions[:warmup], texts[:warmup], strict=True):
        bot.ask(question)
        bot.embedder.embed_query_vector(text)
    answer_ms, embed_ms = [], []
    for question, text in zip(questions, texts, strict=True):
        answer_ms.append(wall_ms(bot.ask, question))
        embed_ms.append(wall_ms(bot.embedder.embed_query_vector, text))
    answer, embed = Timings.of(answer_ms), Timings.of(embed_ms)
    ratio = answer.p50 / embed.p50 if embed.p50 else float("inf")
    overhead = statistics.median(a - e for a, e in zip(answer_ms, embed_ms, strict=True))
    section.row("answer (Bot.ask)", answer.brief())
    section.row("question embedding alone", embed.brief())
    section.row("p50 answer / p50 embedding", f"{ratio:.2f}×")
    section.row("median of (answer − embedding)", f"{overhead:.1f} ms")
    section.checks.append(
        Check(f"warm p50 ≤ {TARGETS.warm_ratio}× embedding", f"{ratio:.2f}×", ratio <= TARGETS.warm_ratio)
    )
    section.data = {
        "questions": len(questions),
        "warmup": warmup,
        "embedder": bot.embedder.id,
        "answer_ms": answer.to_dict(),
        "embed_ms": embed.to_dict(),
        "ratio_p50": round(ratio, 3),
        "median_overhead_ms": round(overhead, 2),
    }
    return section


def measure_recipe(bot: Bot, questions: Sequence[str], warmup: int) -> Section:
    """The plain LangChain recipe (eval.runners.langchain_recipe) beside Bot.ask and Bot.search, per question."""
    from eval.runners import SystemUnavailable, langchain_recipe

    section = Section("recipe", "Against the LangChain recipe: Chroma + all-MiniLM-L6-v2, similarity_search k=5")
    try:
        recipe = langchain_recipe(bot)
    except SystemUnavailable as exc:
        section.notes.append(f"skipped: {exc}")
        section.data = {"skipped": str(exc)}
        return section
    systems: dict[str, Callable[[str], object]] = {"recipe": recipe, "answer": bot.ask, "search": bot.search}
    for question in questions[:warmup]:
        for run in systems.values():
            run(question)
    samples: dict[str, list[float]] = {name: [] for name in systems}
    for question in questions:
        for name, run in systems.items():
            samples[name].append(wall_ms(run, question))
    timings = {name: Timings.of(values) for name, values in samples.items()}
    section.row("LangChain recipe (similarity_search)", timings["recipe"].brief())
    section.row("ours: Bot.ask (whole answer)", timings["answer"].brief())
    section.row("ours: Bot.search (retrieval only)", timings["search"].brief())
    section.notes.append("measured after the recipe loaded torch into this process, so ours is timed again here")
    section.data = {name: t.to_dict() for name, t in timings.items()}
    return section
