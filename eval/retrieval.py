"""The retrieval section: every system on the retrieval-answerable questions, scored and reported."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from eval.dataset import KINDS, LANGS, Question
from eval.metrics import RECALL_DEPTH, Scores, aggregate, aggregate_by
from eval.report import BarChart, Report, Section, Table
from eval.runners import SYSTEMS, TARGET_OVERHEAD_MS, LatencySample, Ranked, SystemRun, measure_latency, run_system

if TYPE_CHECKING:
    from bot.assistant import Bot

log = logging.getLogger(__name__)

PIPELINE = "pipeline"
ALL = "all"


@dataclass(frozen=True, slots=True)
class RetrievalResult:
    """The runs of every system and the pipeline's latency per language (empty when not measured)."""

    runs: tuple[SystemRun, ...]
    latency: dict[str, LatencySample]
    questions: int


def evaluate_retrieval(
    bot: Bot, questions: Sequence[Question], systems: Sequence[str] = tuple(SYSTEMS), warmup: int = 5
) -> RetrievalResult:
    """Time the pipeline, then run each of `systems` on `questions` (the retrieval-answerable ones).

    The timing comes first so that no other system's threads (torch's, for the LangChain
    recipe) are about while the pipeline is timed.
    """
    latency: dict[str, LatencySample] = {}
    if PIPELINE in systems:
        log.info("%s: timing search and question embedding on %d questions", PIPELINE, len(questions))
        latency = measure_latency(bot, questions, warmup=warmup)
    runs = tuple(run_system(name, SYSTEMS[name], bot, questions) for name in systems)
    return RetrievalResult(runs, latency, len(questions))


def scores_by_lang(run: SystemRun) -> dict[str, Scores]:
    """A system's scores per language (zh, en) and over all its questions."""
    by_lang = aggregate_by(run.ranked, lambda r: r.question.lang, lambda r: r.score)
    ordered = {lang: by_lang[lang] for lang in LANGS if lang in by_lang}
    return {**ordered, ALL: aggregate([r.score for r in run.ranked])}


def scores_by_kind(run: SystemRun) -> dict[str, Scores]:
    """A system's scores per question kind, in the documented order of kinds."""
    by_kind = aggregate_by(run.ranked, lambda r: r.question.kind, lambda r: r.score)
    return {kind: by_kind[kind] for kind in KINDS if kind in by_kind}


def misses(run: SystemRun) -> list[Ranked]:
    """The questions whose top-1 is wrong or whose top 3 lacks a gold article."""
    return [r for r in run.ranked if r.score.missed]


def retrieval_report(result: RetrievalResult, aggregates_only: bool = False) -> Report:
    """The retrieval section as a Report: tables, latency, misses (not with `aggregates_only`), JSON
    figures and the chart."""
    ran = [run for run in result.runs if not run.skipped]
    pipeline = next((run for run in ran if run.system == PIPELINE), None)
    sections = [systems_section(result)]
    if pipeline is not None:
        sections += [kinds_section(pipeline), latency_section(result.latency)]
        sections += [] if aggregates_only else [misses_section(pipeline)]
    return Report(
        title="Retrieval evaluation",
        sections=tuple(sections),
        figures=figures(result),
        chart=chart(ran) if ran else None,
    )


def systems_section(result: RetrievalResult) -> Section:
    """Systems × language: hit@1, recall@3, MRR, n; a note for each skipped system."""
    rows = [
        (run.system, lang, *_cells(scores))
        for run in result.runs
        if not run.skipped
        for lang, scores in scores_by_lang(run).items()
    ]
    notes = tuple(f"{run.system}: skipped — {run.skipped}" for run in result.runs if run.skipped)
    return Section(
        title=f"Systems × language ({result.questions} retrieval-answerable questions)",
        table=Table(("system", "lang", "hit@1", "recall@3", "MRR", "n"), tuple(rows)),
        notes=notes,
    )


def kinds_section(run: SystemRun) -> Section:
    """One system's scores per question kind."""
    rows = tuple((kind, *_cells(scores)) for kind, scores in scores_by_kind(run).items())
    return Section(title=f"{run.system} by kind", table=Table(("kind", "hit@1", "recall@3", "MRR", "n"), rows))


def latency_section(latency: dict[str, LatencySample]) -> Section:
    """The pipeline's median search time beside the median question-embedding time, per language."""
    return Section(title=f"{PIPELINE} latency (median wall time, warm)", notes=tuple(latency_lines(latency)))


def latency_lines(latency: dict[str, LatencySample]) -> list[str]:
    """One line per language: search, embed, the difference and whether it meets the target."""
    return [
        f"{lang}: search {s.search_ms:.1f} ms, embed {s.embed_ms:.1f} ms, difference {s.overhead_ms:+.1f} ms "
        f"(target ≤ +{TARGET_OVERHEAD_MS:.0f} ms: {'met' if s.within_target else 'NOT met'}); "
        f"per-question difference {s.paired_ms:+.1f} ms; n={s.n}"
        for lang, s in latency.items()
    ]


def misses_section(run: SystemRun) -> Section:
    """The questions a system missed at hit@1 or recall@3, with gold and top 3."""
    rows = tuple(
        (
            r.question.id,
            r.question.kind,
            _missed_at(r),
            _numbers(r.question.articles),
            _numbers(r.numbers[:RECALL_DEPTH]),
            r.question.question,
        )
        for r in misses(run)
    )
    return Section(
        title=f"{run.system} misses ({len(rows)}: wrong top-1 or a gold article outside the top 3)",
        table=Table(("id", "kind", "missed", "gold", "top-3", "question"), rows),
    )


def figures(result: RetrievalResult) -> dict[str, Any]:
    """The machine-readable results: per system the scores and each question's ranking; the latency."""
    return {
        "questions": result.questions,
        "systems": {run.system: _system_figures(run) for run in result.runs},
        "latency": {
            "target_overhead_ms": TARGET_OVERHEAD_MS,
            **{
                lang: {
                    "n": s.n,
                    "search_ms": round(s.search_ms, 2),
                    "embed_ms": round(s.embed_ms, 2),
                    "overhead_ms": round(s.overhead_ms, 2),
                    "paired_overhead_ms": round(s.paired_ms, 2),
                    "within_target": s.within_target,
                }
                for lang, s in result.latency.items()
            },
        },
    }


def chart(runs: Sequence[SystemRun]) -> BarChart:
    """hit@1, recall@3 and MRR per system, one bar per language."""
    by_lang = [scores_by_lang(run) for run in runs]
    panels = {
        metric: {lang: [getattr(s[lang], attribute) if lang in s else 0.0 for s in by_lang] for lang in LANGS}
        for metric, attribute in (("hit@1", "hit_at_1"), ("recall@3", "recall_at_3"), ("MRR", "mrr"))
    }
    return BarChart("Retrieval per system and language", tuple(run.system for run in runs), panels)


def _system_figures(run: SystemRun) -> dict[str, Any]:
    if run.skipped:
        return {"skipped": run.skipped}
    return {
        "by_lang": {lang: s.to_dict() for lang, s in scores_by_lang(run).items()},
        "by_kind": {kind: s.to_dict() for kind, s in scores_by_kind(run).items()},
        "rankings": [
            {
                "id": r.question.id,
                "lang": r.question.lang,
                "kind": r.question.kind,
                "gold": list(r.question.articles),
                "retrieved": list(r.numbers),
            }
            for r in run.ranked
        ],
    }


def _cells(scores: Scores) -> tuple[str, str, str, str]:
    return f"{scores.hit_at_1:.3f}", f"{scores.recall_at_3:.3f}", f"{scores.mrr:.3f}", str(scores.n)


def _missed_at(ranked: Ranked) -> str:
    score = ranked.score
    return ",".join(name for name, missed in (("@1", score.hit_at_1 < 1), ("@3", score.recall_at_3 < 1)) if missed)


def _numbers(numbers: Sequence[int]) -> str:
    return ",".join(map(str, numbers))
