"""What retrieval found, turned into what the judge needs: each candidate clause with its statements."""

from __future__ import annotations

import re
from dataclasses import replace

from bot.answer.cues import Cues, words_of
from bot.answer.figures import stated_figures
from bot.answer.grams import changed_words, denied_grams, grams, negated_grams
from bot.answer.judge import ClauseEvidence, Evidence, Stated
from bot.answer.question import occasions_of, qualifiers_of, years_of
from bot.corpus.model import Corpus, Statement
from bot.retrieve.results import Retrieval
from bot.text import normalize

CANDIDATE_CLAUSES = 4  # clauses of each retrieved article the judge weighs


class EvidenceBuilder:
    """Reads every clause's statements once, as the judge compares them; then builds the Evidence of
    a retrieval without calling back into the retriever."""

    def __init__(self, corpus: Corpus, cues: Cues) -> None:
        self.cues = cues
        self.responsible_units = {d for a in corpus.articles() for d in a.departments_zh}
        self.units_of = {(a.doc, a.number): tuple(a.departments_zh) for a in corpus.articles()}
        self.parties = {s.id: s.party for d in corpus.documents for s in d.subjects}
        self.names = {s.id: f"{s.zh} {s.en}" for d in corpus.documents for s in d.subjects}
        self.issued = {d.id: d.date for d in corpus.documents}
        # each glossary term (not a department) as the judge reads it: its names and every form, lower-cased
        self.terms = {
            t.zh: (t.zh, t.en.lower(), frozenset(f.lower() for f in (*t.zh_forms, *t.en_forms)))
            for t in corpus.glossary.terms
            if t.kind != "department"
        }
        self.clauses: dict[tuple[str, int, int], tuple[tuple[Stated, ...], str, tuple[str, ...]]] = {}
        for article in corpus.articles():
            for clause in article.clauses:
                text = normalize(f"{clause.zh} {clause.en}")
                stated = tuple(
                    replace(
                        read_statement(s, self.names.get(s.subject, ""), self.parties.get(s.subject, ""), cues),
                        category=list_category(s, clause.zh, clause.en),
                    )
                    for s in clause.statements
                )
                self.clauses[(article.doc, article.number, clause.index)] = (stated, text, words_of(text))

    def subject_qualifiers(self) -> dict[str, frozenset[int]]:
        """The zone levels (exclusive qualifier groups) each subject's name holds."""
        return {subject: qualifiers_of(normalize(name), self.cues) for subject, name in self.names.items()}

    def build(self, retrieval: Retrieval) -> Evidence:
        """The Evidence of one retrieval: its best clauses (each article's first few) and its scores."""
        candidates = []
        for rank, hit in enumerate(retrieval.articles):
            for position, clause_hit in enumerate(hit.clauses[:CANDIDATE_CLAUSES]):
                key = (hit.doc, hit.article, clause_hit.clause)
                stated, text, words = self.clauses[key]
                candidates.append(
                    ClauseEvidence(
                        *key, rank, position, clause_hit.score, stated, retrieval.specific_overlap(*key), text, words
                    )
                )
        terms = retrieval.terms
        return Evidence(
            candidates=tuple(candidates),
            dense_best=retrieval.dense_best,
            lexical_best=retrieval.lexical_best,
            has_words=any(not w.isdigit() for w in retrieval.words),
            policy_terms=any(t.kind != "department" for t in terms),
            topical_terms=any(t.zh not in self.cues.place_only for t in terms),
            named_units=tuple(t.zh for t in terms if t.kind == "department" and t.zh in self.responsible_units),
            top_units=self.units_of.get((retrieval.articles[0].doc, retrieval.articles[0].article), ())
            if retrieval.articles
            else (),
            article_scores=tuple(hit.score for hit in retrieval.articles),
            cited=retrieval.cited,
            issued=self.issued.get(retrieval.articles[0].doc, "") if retrieval.articles else "",
            specific=retrieval.specific,
            terms=tuple(self.terms[t.zh] for t in terms if t.zh in self.terms),
        )


def read_statement(statement: Statement, subject: str, party: str, cues: Cues) -> Stated:
    """A statement as the judge compares it: the levels its subject (named `subject`), condition and
    action name, its subject's `party`, its value read as figures, the word grams of its subject and
    condition, and the years it names."""
    condition = f"{statement.condition_zh} {statement.condition_en}"
    named = normalize(f"{subject} {statement.condition_zh} {statement.action_zh}")
    return Stated(
        statement,
        qualifiers_of(named, cues),
        party,
        _figures(statement),
        grams(normalize(f"{subject} {condition}"), pairs=True),
        years_of(f"{statement.value_zh} {statement.condition_zh}"),
        occasions_of(named, cues),
        _in_zones(statement, subject, party, cues.zone_words),
        negated_grams(normalize(condition)),
        any(word in named for word in cues.tech_enterprise_words),
        any(word in f"{subject} {statement.condition_zh}" for word in cues.enterprise_words),
        grams(normalize(f"{statement.action_zh} {statement.action_en}"), pairs=True),
        tuple(
            word
            for word in cues.institution_words
            if word in statement.action_zh or word in statement.action_en.lower()
        ),
        changed_words(normalize(condition), kept=True),
        grams(normalize(subject), pairs=True),
        bool(cues.becoming.search(normalize(f"{statement.action_zh} {statement.action_en}"))),
        denied_grams(normalize(f"{statement.action_zh} {statement.action_en}")),
        _alternatives(subject, cues.listed_subject_common),
        cues.authorities.read(normalize(f"{statement.condition_zh} {statement.action_zh}")),
        _marks(normalize(subject), cues.listed_subject_common),
        _marks(action := normalize(f"{statement.action_zh} {statement.action_en}"), cues.listed_subject_common),
        cues.access.found(action, words_of(action)),
    )


def list_category(statement: Statement, zh: str, en: str) -> str:
    """Of a list, the words of its clause just before the first of its items found there and just after the last,
    up to a pause, which name what it lists ("生命健康、…、现代农业等战略性新兴产业": 产业; not "…异地孵化等方式,拓展
    产业发展空间"); "" for other kinds. An item is found as written (an English one as whole words)."""
    if statement.kind != "list":
        return ""
    windows = []
    for items, text, span in (
        (re.split(r"[、，,;；]", statement.action_zh), normalize(zh), 14),
        (re.split(r",\s*(?:and\s+)?|;\s*", statement.action_en), normalize(en), 45),
    ):
        spans = [
            found.span()
            for item in items
            if (written := normalize(item.strip('“”"')))
            and (found := re.search(rf"(?<![a-z]){re.escape(written)}(?![a-z])", text))
        ]
        if spans:
            start, end = min(a for a, _ in spans), max(b for _, b in spans)
            windows.append(_PAUSE.split(text[max(0, start - span) : start])[-1])
            windows.append(_PAUSE.split(text[end : end + span])[0])
    return " ".join(windows)


_PAUSE = re.compile(r"[,，。;；:：.]")  # … up to the nearest pause, the list's own phrase


def _marks(text: str, common: tuple[str, ...]) -> frozenset[str]:
    """The word grams of `text` that tell its thing: no Chinese gram holding a word every subject shares (人才),
    no such English word alone (talent), no English pair of short or shared words only ("for talent"; not
    "talent apartments")."""

    def marks(gram: str) -> bool:
        if not gram.isascii():
            return not any(w in gram for w in common)
        words = gram.split()
        return any(len(w) >= 4 and w not in common for w in words) and all(len(w) >= 4 for w in words)

    return frozenset(t for t in grams(text, pairs=True) if marks(t))


def _alternatives(subject: str, common: tuple[str, ...]) -> tuple[str, ...]:
    """What tells apart the subjects a subject's Chinese name lists, when it lists more than one ("外籍高层次人才、
    急需紧缺人才" → 高层次, 急需紧缺): each name without the words they all share."""
    names = subject.split(" ", 1)[0].split("、")
    if len(names) < 2:
        return ()
    return tuple(normalize(re.sub("|".join(map(re.escape, common)), "", name)) for name in names)


def _in_zones(statement: Statement, subject: str, party: str, zone_words: tuple[str, ...]) -> bool:
    """The statement is for the high-tech zones or those in them: its subject or condition names them, or
    its action does for a subject that is no park itself ("priority land for major projects in the zones";
    not "other parks strive to become provincial high-tech zones")."""
    where = f"{subject} {statement.condition_zh}" + ("" if party == "zone" else f" {statement.action_zh}")
    return any(word in where for word in zone_words)


def _figures(statement: Statement) -> frozenset[str]:
    """A statement's value read as figures; an age or a count is written without its unit ("65", "3")."""
    if not statement.value_zh:
        return frozenset()
    if statement.kind in ("age", "count"):
        return frozenset(f"{statement.kind}:{int(n)}" for n in re.findall(r"\d+", statement.value_zh))
    return stated_figures(normalize(f"{statement.value_zh} {statement.value_en}"))
