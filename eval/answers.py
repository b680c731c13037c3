"""Answer metrics: facts, first citation, fallback precision/recall, language, unsupported numbers,
answer time against embedding time, and the multi-turn dialogues."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from statistics import median
from typing import TYPE_CHECKING, Any

from bot.numerals import chinese_to_int
from bot.text import normalize
from eval.dataset import LANGS, Question
from eval.report import Report, Section, Table

if TYPE_CHECKING:
    from bot.assistant import Bot

TARGET_RATIO = 1.3
YES_PREFIXES = ("Yes —", "可以。")
OUTCOMES = ("answered", "corrected", "not_stated", "out_of_scope")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_LABELS = re.compile(r"Article \d+|第[一二三四五六七八九十\d]+条")
_MILLION = re.compile(r"(\d+(?:\.\d+)?)\s*million", re.IGNORECASE)
_WAN = re.compile(r"(\d+(?:\.\d+)?)\s*万")
_CHINESE_NUMERAL = re.compile(r"[一二三四五六七八九十]+")


def numbers_of(text: str) -> set[str]:
    """The numbers a text states: digits (thousands separators joined), N million and N万 as their values."""
    text = re.sub(r"(?<=\d),(?=\d{3})", "", normalize(text))
    found = set(_NUMBER.findall(text))
    found |= {_plain(float(n) * 1_000_000) for n in _MILLION.findall(text)}
    found |= {_plain(float(n) * 10_000) for n in _WAN.findall(text)}
    return found


def policy_numbers(policy_text: str) -> set[str]:
    """Every number the policy states, in digits or in Chinese numerals (十九 → 19)."""
    found = numbers_of(policy_text)
    for run in _CHINESE_NUMERAL.findall(policy_text):
        for size in range(min(len(run), 3), 0, -1):
            for start in range(len(run) - size + 1):
                try:
                    found.add(str(chinese_to_int(run[start : start + size])))
                except ValueError:
                    continue
    return found


def unsupported_numbers(answer: str, question: str, allowed: set[str]) -> set[str]:
    """Numbers in `answer` (citation labels and the hotline aside) found neither in the policy nor the question."""
    text = _LABELS.sub(" ", answer)
    return numbers_of(text) - allowed - numbers_of(question)


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


@dataclass(slots=True)
class AnswerRow:
    """One answered dev question and what was judged of it."""

    question: Question
    answer: dict[str, Any]
    ms: float
    embed_ms: float
    facts_ok: bool | None
    first_citation_ok: bool | None
    unsupported: set[str] = field(default_factory=set)

    @property
    def outcome(self) -> str:
        """The answer's outcome (answers from before outcomes: read off `fallback`)."""
        return str(self.answer.get("outcome") or ("not_stated" if self.answer["fallback"] else "answered"))

    @property
    def wrong_subject(self) -> bool:
        """A figure the policy states for another subject leads the answer (its opening paragraph)."""
        opening = self.answer["answer"].split("\n\n")[0]
        return not self.answer["fallback"] and any(fact in opening for fact in self.question.wrong_facts)

    @property
    def unsupported_yes(self) -> bool:
        """The answer leads with "Yes —" / "可以。" though the policy does not answer the question."""
        return self.question.fallback and self.answer["answer"].startswith(YES_PREFIXES)


def evaluate_answers(bot: Bot, questions: Sequence[Question], policy_text: str) -> list[AnswerRow]:
    """Answer every question (warm), timing the answer and the bare question embedding side by side."""
    allowed = policy_numbers(policy_text) | numbers_of(bot.corpus.hotline)
    for question in questions[:5]:
        bot.ask(question.question)
    rows = []
    for question in questions:
        started = time.perf_counter()
        answer = bot.ask(question.question).to_dict()
        ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        bot.embedder.embed_query_vector(normalize(question.question))
        embed_ms = (time.perf_counter() - started) * 1000
        text = answer["answer"]
        facts_ok = all(fact in text for fact in question.facts) if question.facts else None
        first_ok = None
        if question.retrieval_answerable:
            citations = answer["citations"]
            first_ok = bool(citations) and citations[0]["article"] in question.articles
        unsupported = unsupported_numbers(text, question.question, allowed)
        rows.append(AnswerRow(question, answer, ms, embed_ms, facts_ok, first_ok, unsupported))
    return rows


@dataclass(frozen=True, slots=True)
class AnswerScores:
    """The answer metrics of a set of rows."""

    n: int
    fact_accuracy: float
    first_citation: float
    fallback_precision: float
    fallback_recall: float
    language_match: float
    unsupported: int
    answer_ms: float
    embed_ms: float

    @property
    def ratio(self) -> float:
        """Median answer time over median embedding time."""
        return self.answer_ms / self.embed_ms if self.embed_ms else 0.0


def score(rows: Sequence[AnswerRow]) -> AnswerScores:
    """Aggregate answer metrics."""
    facts = [r.facts_ok for r in rows if r.facts_ok is not None]
    firsts = [r.first_citation_ok for r in rows if r.first_citation_ok is not None]
    predicted = [r for r in rows if r.answer["fallback"]]
    expected = [r for r in rows if r.question.fallback]
    true_positive = sum(1 for r in predicted if r.question.fallback)
    return AnswerScores(
        n=len(rows),
        fact_accuracy=sum(facts) / len(facts) if facts else 1.0,
        first_citation=sum(firsts) / len(firsts) if firsts else 1.0,
        fallback_precision=true_positive / len(predicted) if predicted else 1.0,
        fallback_recall=true_positive / len(expected) if expected else 1.0,
        language_match=sum(r.answer["lang"] == r.question.lang for r in rows) / len(rows) if rows else 1.0,
        unsupported=sum(1 for r in rows if r.unsupported),
        answer_ms=median(r.ms for r in rows) if rows else 0.0,
        embed_ms=median(r.embed_ms for r in rows) if rows else 0.0,
    )


@dataclass(frozen=True, slots=True)
class TurnResult:
    """A follow-up turn of a dev dialogue and whether it was answered right."""

    dialogue: str
    turn: int
    question: str
    ok: bool
    detail: str


def evaluate_dialogues(bot: Bot, path: Path) -> list[TurnResult]:
    """Play each dialogue with its earlier questions as history; judge every follow-up turn."""
    results = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        dialogue = json.loads(line)
        history: list[str] = []
        for index, turn in enumerate(dialogue["turns"]):
            answer = bot.ask(turn["question"], history=history)
            history.append(turn["question"])
            if index == 0:
                continue
            cited = [c.article for c in answer.citations]
            fallback_ok = answer.fallback == turn["fallback"]
            article_ok = turn["fallback"] or not turn["articles"] or (bool(cited) and cited[0] in turn["articles"])
            facts_ok = all(fact in answer.text for fact in turn["facts"])
            detail = f"gold {turn['articles']} fallback={turn['fallback']} → {answer.reason} {cited[:3]}"
            results.append(
                TurnResult(dialogue["id"], index, turn["question"], fallback_ok and article_ok and facts_ok, detail)
            )
    return results


@dataclass(frozen=True, slots=True)
class OutcomeScores:
    """Per-outcome precision and recall over the questions labelled with an outcome, the confusion
    between gold and given outcomes, and the two costliest errors counted."""

    n: int
    precision: dict[str, float]
    recall: dict[str, float]
    confusion: dict[tuple[str, str], int]
    wrong_subject: int  # a figure for another subject leads the answer
    unsupported_yes: int  # "Yes —" on a question the policy does not answer


def score_outcomes(rows: Sequence[AnswerRow]) -> OutcomeScores:
    """Outcome metrics of the rows whose question has a gold outcome (the counts use every row)."""
    labelled = [r for r in rows if r.question.outcome is not None]
    confusion = {(g, a): 0 for g in OUTCOMES for a in OUTCOMES}
    for r in labelled:
        confusion[(str(r.question.outcome), r.outcome)] += 1
    precision, recall = {}, {}
    for o in OUTCOMES:
        given = sum(confusion[(g, o)] for g in OUTCOMES)
        gold = sum(confusion[(o, a)] for a in OUTCOMES)
        precision[o] = confusion[(o, o)] / given if given else 1.0
        recall[o] = confusion[(o, o)] / gold if gold else 1.0
    return OutcomeScores(
        n=len(labelled),
        precision=precision,
        recall=recall,
        confusion=confusion,
        wrong_subject=sum(r.wrong_subject for r in rows),
        unsupported_yes=sum(r.unsupported_yes for r in rows),
    )


def outcome_sections(rows: Sequence[AnswerRow]) -> tuple[Section, ...]:
    """The outcome table per language and each language's confusion table (empty without labels)."""
    by_lang = {lang: score_outcomes([r for r in rows if r.question.lang == lang]) for lang in LANGS}
    header = ("lang", *(f"{o} P/R" for o in OUTCOMES), "wrong-subject", "yes-unanswerable", "n")
    table = Table(
        header,
        tuple(
            (
                lang,
                *(f"{s.precision[o]:.3f}/{s.recall[o]:.3f}" for o in OUTCOMES),
                str(s.wrong_subject),
                str(s.unsupported_yes),
                str(s.n),
            )
            for lang, s in by_lang.items()
        ),
    )
    sections = [
        Section("Outcomes per language (targets: wrong-subject 0, yes-unanswerable 0)", table),
    ]
    for lang, s in by_lang.items():
        if s.n:
            cells = tuple((g, *(str(s.confusion[(g, a)]) for a in OUTCOMES)) for g in OUTCOMES)
            sections.append(
                Section(
                    f"Confusion ({lang}): gold outcome (rows) → answer's (columns)", Table(("gold", *OUTCOMES), cells)
                )
            )
    return tuple(sections)


def answers_report(rows: Sequence[AnswerRow], turns: Sequence[TurnResult], aggregates_only: bool = False) -> Report:
    """The answer section: metrics per language, outcomes, failures (not with `aggregates_only`:
    a blind set is measured before anyone reads its misses), and the dialogue turns."""
    by_lang = {lang: score([r for r in rows if r.question.lang == lang]) for lang in LANGS}
    by_lang["all"] = score(rows)
    header = ("lang", "facts", "first-cite", "fb-prec", "fb-recall", "lang-match", "unsupported", "answer/embed", "n")
    table = Table(header, tuple((lang, *_cells(s)) for lang, s in by_lang.items()))
    ok_turns = sum(t.ok for t in turns)
    outcomes = {lang: score_outcomes([r for r in rows if r.question.lang == lang]) for lang in LANGS}
    failures = () if aggregates_only else (Section("Answer failures", _failures(rows)),)
    sections = (
        Section(
            "Answers per language (targets: facts ≥ 0.95, fallback P/R ≥ 0.95, lang 1.00, unsupported 0, "
            f"median answer ≤ {TARGET_RATIO}× embedding)",
            table,
        ),
        *outcome_sections(rows),
        *failures,
        Section(
            f"Dialogues: {ok_turns}/{len(turns)} follow-up turns right"
            + (f" ({ok_turns / len(turns):.3f})" if turns else ""),
            Table(
                ("dialogue", "turn", "detail", "question"),
                tuple((t.dialogue, str(t.turn), t.detail, t.question) for t in turns if not t.ok),
            ),
        ),
    )
    figures = {
        "by_lang": {lang: {**_figures(s)} for lang, s in by_lang.items()},
        "outcomes": {lang: _outcome_figures(s) for lang, s in outcomes.items()},
        "dialogues": {"turns": len(turns), "correct": ok_turns},
        "unsupported": {r.question.id: sorted(r.unsupported) for r in rows if r.unsupported},
    }
    return Report(title="Answer evaluation", sections=sections, figures=figures)


def _cells(s: AnswerScores) -> tuple[str, ...]:
    return (
        f"{s.fact_accuracy:.3f}",
        f"{s.first_citation:.3f}",
        f"{s.fallback_precision:.3f}",
        f"{s.fallback_recall:.3f}",
        f"{s.language_match:.3f}",
        str(s.unsupported),
        f"{s.answer_ms:.1f}/{s.embed_ms:.1f} ms = {s.ratio:.2f}×",
        str(s.n),
    )


def _figures(s: AnswerScores) -> dict[str, Any]:
    return {
        "n": s.n,
        "fact_accuracy": round(s.fact_accuracy, 4),
        "first_citation_precision": round(s.first_citation, 4),
        "fallback_precision": round(s.fallback_precision, 4),
        "fallback_recall": round(s.fallback_recall, 4),
        "language_match": round(s.language_match, 4),
        "unsupported_numbers": s.unsupported,
        "median_answer_ms": round(s.answer_ms, 2),
        "median_embed_ms": round(s.embed_ms, 2),
        "ratio": round(s.ratio, 3),
    }


def _outcome_figures(s: OutcomeScores) -> dict[str, Any]:
    return {
        "n": s.n,
        "precision": {o: round(v, 4) for o, v in s.precision.items()},
        "recall": {o: round(v, 4) for o, v in s.recall.items()},
        "confusion": {f"{g}->{a}": n for (g, a), n in s.confusion.items() if n},
        "wrong_subject": s.wrong_subject,
        "unsupported_yes": s.unsupported_yes,
    }


def _failures(rows: Sequence[AnswerRow]) -> Table:
    failed = []
    for r in rows:
        if problems := _problems(r):
            failed.append((r.question.id, r.question.kind, "; ".join(problems), r.question.question))
    return Table(("id", "kind", "problem", "question"), tuple(failed))


def _problems(r: AnswerRow) -> list[str]:
    """What is wrong with one answer, in words."""
    problems = []
    if r.facts_ok is False:
        problems.append(f"facts {list(r.question.facts)}")
    if r.first_citation_ok is False:
        cited = [c["article"] for c in r.answer["citations"]][:3]
        problems.append(f"first citation {cited} not in {list(r.question.articles)}")
    if r.answer["fallback"] != r.question.fallback:
        problems.append(f"fallback {r.answer['fallback']} ({r.answer.get('reason')}), expected {r.question.fallback}")
    elif r.question.outcome is not None and r.outcome != r.question.outcome:
        problems.append(f"outcome {r.outcome}, expected {r.question.outcome}")
    if r.wrong_subject:
        problems.append("a figure for another subject leads")
    if r.unsupported_yes:
        problems.append("'Yes' on a question the policy does not answer")
    if r.answer["lang"] != r.question.lang:
        problems.append(f"lang {r.answer['lang']}")
    if r.unsupported:
        problems.append(f"unsupported numbers {sorted(r.unsupported)}")
    return problems
