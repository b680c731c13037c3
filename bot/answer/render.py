"""Composing the reply: renders a Judgement into an Answer, in the asker's language. Decides nothing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.answer.cues import Occasion
from bot.answer.gaps import GapSentences, joined, part_gap
from bot.answer.judge import ClauseEvidence, Evidence, Judgement, Outcome, Stated, Thresholds
from bot.answer.judge.pieces import pointed_statement
from bot.answer.llm import Synthesizer
from bot.answer.model import Answer, Citation
from bot.answer.question import Question
from bot.answer.templates import say
from bot.corpus.model import Article, Corpus
from bot.numerals import cited_articles, int_to_chinese
from bot.text import as_sentence, capitalized

#: the last sentence of a "not stated" sentence that leads on to the clauses quoted ("The closest provisions are:")
_LEADS_ON = re.compile(r"(?<=[.。；;])\s*[^.。；;]*[:：]\s*$")


@dataclass(frozen=True, slots=True)
class Part:
    """A part of a question that asks several things, as judged on its own."""

    text: str
    judgement: Judgement
    quoted: tuple[ClauseEvidence, ...] = ()  # the clauses its answer quotes (answered parts)
    question: Question | None = None  # the whole question, for what the whole asked and no part states
    asked: Question | None = None  # the part read on its own, for what the policy does not state of it


class Renderer:
    """Turns (question, evidence, judgement) into an Answer; every sentence comes from templates.yaml."""

    def __init__(
        self,
        corpus: Corpus,
        thresholds: Thresholds,
        synthesizer: Synthesizer | None = None,
        qualifiers: dict[str, frozenset[int]] | None = None,
        occasions: tuple[Occasion, ...] = (),
    ) -> None:
        """`qualifiers`: the zone levels (exclusive qualifier groups) each subject id names; `occasions`:
        what rewards are given for, as the cues list them."""
        self.corpus = corpus
        self.thresholds = thresholds
        self.synthesizer = synthesizer
        self.subjects = {s.id: s for d in corpus.documents for s in d.subjects}
        self.gaps = GapSentences(self.subjects, qualifiers or {}, occasions)
        self.document = corpus.documents[0]

    def render(
        self, q: Question, e: Evidence, j: Judgement, ranked: Sequence[int], parts: Sequence[Part] = ()
    ) -> Answer:
        """The Answer for judgement `j`; `ranked` are the retrieved article numbers, `parts` the other
        parts of a question that asks several things."""
        if j.rule in ("contact", "issued_on", "overview"):
            return self._of_the_document(q, j, ranked)
        if j.rule in ("responsible", "other_contact") and (q.intent.responsible or j.rule == "responsible"):
            return self._departments(q, e, j, ranked)
        if j.rule == "other_contact":
            return self._reply(q, j, ranked, say(q.lang, "contact_not_given", hotline=self.corpus.hotline))
        if j.outcome is Outcome.OUT_OF_SCOPE:
            key = {"chit_chat": "chit_chat", "task": "task", "override": "task"}.get(j.rule, "not_covered")
            return self._reply(q, j, ranked, say(q.lang, key, title=self._title(q.lang)), closing=self._hotline(q.lang))
        if j.outcome is Outcome.NOT_STATED:
            return self._not_stated(q, e, j, ranked)
        return self._answered(q, e, j, ranked, parts)

    # -- shapes -----------------------------------------------------------------------------
    def _answered(self, q: Question, e: Evidence, j: Judgement, ranked: Sequence[int], parts: Sequence[Part]) -> Answer:
        part_leads = [c for p in parts if p.judgement.outcome is Outcome.ANSWERED for c in p.quoted]
        # a figure's answer quotes what states it; an answer in general also the clause naming what the question names
        citations = self._citations(
            e,
            q.lang,
            j.lead,
            part_leads,
            naming=j.rule == "answered" and not parts,
            whole=self._titled(q, e),
            levels=q.qualifiers if len(q.qualifiers) > 1 and j.rule == "answered" else frozenset(),
        )
        if j.rule == "target_years" and j.lead is not None:  # every clause of the article that sets a target year
            citations = self._dated_clauses(j.lead, q.lang) + citations
        own = _level_statement(q, j) if j.outcome is Outcome.CORRECTED or j.rule == "figure" else None
        if own is None and j.outcome is Outcome.CORRECTED and q.stated:  # "每次最多只能停留90天吧?": the stay, alone
            own = pointed_statement(q, j.lead, j.statement, corrected=True)
        lead = (
            self._statement_line(q.lang, own or j.statement)
            if own is not None or self._lead_with_statement(j) or self._pointed(q, j)
            else _dated(q.lang, j, citations[0].text)
        )
        opening = as_sentence(lead, q.lang, capital=not j.yes)
        if j.yes:
            opening = say(q.lang, "yes_prefix") + opening
        mode = "extractive"
        if self.synthesizer and (rephrased := self.synthesizer.rephrase(q.search, q.lang, citations)):
            opening, mode = rephrased, "llm"
        if j.rule == "excluded" and j.statement is not None and j.outcome is Outcome.ANSWERED:
            # "改成商业用途，还能享受…吗？": the condition the measure is stated for answers
            # (… or which of two cases it holds for: "…和改变土地用途相比，哪种情况…？")
            template = "chosen_answered" if q.chooses else "changed_answered"
            opening = say(q.lang, template, condition=j.statement.statement.condition(q.lang))
        elif j.rule == "below_floor" and j.missing is not None:  # the floor leads, not what reaching it gives
            opening = joined(
                q.lang, say(q.lang, "below_floor", given=j.missing.what), self._statement_line(q.lang, j.statement)
            )
        elif j.outcome is Outcome.CORRECTED:
            opening = joined(q.lang, say(q.lang, "claim_differs" if j.rule == "claimed" else "corrected"), opening)
        elif q.intent.invent:
            opening = joined(q.lang, say(q.lang, "invent"), opening)
        notes = [self._part_note(q.lang, p) for p in parts if p.judgement.outcome is not Outcome.ANSWERED]
        return replace(
            self._reply(
                q,
                j,
                ranked,
                "\n\n".join([opening, *notes]),
                citations,
                sources=cited_block(q.lang, citations),
                closing=self._hotline(q.lang),
            ),
            mode=mode,
        )

    def _dated_clauses(self, lead: ClauseEvidence, lang: str) -> list[Citation]:
        """The clauses of the lead's article that set a target year, in the article's order."""
        article = self.corpus.article(lead.doc, lead.article)
        return [
            Citation.of(article, clause.index, lang)
            for clause in article.clauses
            if any(s.kind == "target_year" for s in clause.statements)
        ]

    def _of_the_document(self, q: Question, j: Judgement, ranked: Sequence[int]) -> Answer:
        """What the document itself carries: the hotline, or the date it was issued (a year put up for it
        corrected first)."""
        if j.rule == "contact":
            return self._reply(q, j, ranked, say(q.lang, "contact", hotline=self.corpus.hotline))
        if j.rule == "overview":
            return self._reply(q, j, ranked, self._overview(q.lang), closing=self._hotline(q.lang))
        dated = say(q.lang, "issued_on", title=self._title(q.lang), date=self.document.date)
        if j.outcome is Outcome.CORRECTED:
            dated = joined(q.lang, say(q.lang, "corrected"), dated)
        return self._reply(q, j, ranked, dated, closing=self._hotline(q.lang))

    def _not_stated(self, q: Question, e: Evidence, j: Judgement, ranked: Sequence[int]) -> Answer:
        """Says exactly what the policy does not state, quotes the closest clauses, gives the hotline."""
        citations = self._citations(e, q.lang, j.lead, naming=False)[:2] if e.candidates else []
        sources = cited_block(q.lang, citations) if citations else ""
        return self._reply(
            q, j, ranked, self.gaps.sentence(q, j), citations, sources=sources, closing=self._hotline(q.lang)
        )

    def _departments(self, q: Question, e: Evidence, j: Judgement, ranked: Sequence[int]) -> Answer:
        """The responsible units of the question's article, or the articles of the units it names; for an
        address or desk asked as well, also that the policy gives none of their contact details."""
        lang, named = q.lang, list(e.named_units)
        lines: list[str] = []
        citations: list[Citation] = []
        best = {c.article: c.clause for c in reversed(e.candidates)}  # each article's best retrieved clause
        for unit in named:
            articles = [a for a in self.corpus.articles() if unit in a.departments_zh]
            lines.append(say(lang, "articles_for_department", department=self._unit_name(unit, lang)))
            lines.extend(f"· {a.label(lang)}" for a in articles)
            citations.extend(Citation.of(a, best.get(a.number, 1), lang) for a in articles)
        top = e.top
        if top is not None and named and (e.policy_terms or j.outcome is Outcome.CORRECTED):
            # "签证那一条的责任单位有哪些？公安局在里面吗？": the units of the measure asked about too
            article = self.corpus.article(top.doc, top.article)
            lines.insert(0, self._units_line(article, lang))
            # … its article cited first, before those the named units are listed for
            own = Citation.of(article, best.get(article.number, 1), lang)
            citations = [own, *(c for c in citations if c.article != article.number)]
            if j.outcome is Outcome.CORRECTED:  # "第五条是市商务局牵头的吧?": it is not among them
                joined = ("、" if lang == "zh" else "; ").join(self._unit_name(u, lang) for u in named)
                lines.insert(0, say(lang, "unit_not_listed", department=joined, article=article.label(lang)))
        elif top is not None and not named:
            articles = [self.corpus.article(top.doc, top.article)]
            second = [c for c in e.candidates if c.rank == 1 and c.position == 0]
            if second and e.article_scores[1] >= self.thresholds.close_article * e.article_scores[0]:
                articles.append(self.corpus.article(second[0].doc, second[0].article))
            for article in articles:
                if line := self._units_line(article, lang):
                    lines.append(line)
                citations.append(Citation.of(article, best.get(article.number, 1), lang))
        closing = say(lang, "contact_not_given" if j.fallback else "hotline", hotline=self.corpus.hotline)
        return self._reply(
            q, j, ranked, "\n".join(lines), citations, sources=cited_block(lang, citations), closing=closing
        )

    # -- pieces ---------------------------------------------------------------------------
    def _reply(
        self,
        q: Question,
        j: Judgement,
        ranked: Sequence[int],
        opening: str,
        citations: Sequence[Citation] = (),
        sources: str = "",
        closing: str = "",
    ) -> Answer:
        return Answer(
            question=q.asked,
            lang=q.lang,
            opening=opening,
            sources=sources,
            closing=closing,
            fallback=j.fallback,
            citations=tuple(citations),
            retrieved=tuple(ranked),
            reason=_REASONS.get(j.rule, "not_specified" if j.outcome is Outcome.NOT_STATED else "answer"),
            outcome=str(j.outcome),
            resolved_question=q.search,
        )

    def _citations(
        self,
        e: Evidence,
        lang: str,
        lead: ClauseEvidence | None,
        parts: Sequence[ClauseEvidence] = (),
        naming: bool = True,
        whole: Article | None = None,
        levels: frozenset[int] = frozenset(),
    ) -> list[Citation]:
        """The clauses quoted: the lead (or the best clause), the clause of each part of a question that
        asks several things, the clauses close to the best, and a second article close to the first; and a clause
        of the best article with a word of the question none of those has ("做车联网的准入监管": the clause on 包容审慎
        and the one naming 车联网); and, for each of the zone `levels` a question answered by what a clause says (no
        figure) sets side by side, the best article's clause stating something for it ("国家高新区和省级高新区在发展
        定位上有什么不一样?")."""
        chosen: list[tuple[str, int, int]] = [lead.key] if lead is not None else []
        top = e.article_clauses(0)
        best = top[0].score if top else 0.0
        chosen += [c.key for c in top[:3] if c.score >= self.thresholds.close_clause * best]
        chosen[1:1] = [p.key for p in parts]  # after the first: each part is answered before more of the same
        scores = e.article_scores
        for rank in (1, 2):
            first = [c for c in e.candidates if c.rank == rank and c.position == 0]
            if first and len(scores) > rank and scores[rank] >= self.thresholds.close_article * scores[0]:
                chosen.append(first[0].key)
        unique = list(dict.fromkeys(chosen))[: self.thresholds.max_citations]
        if whole is not None:  # "List the basic principles": the article the question names by its title, whole
            unique = list(
                dict.fromkeys([*unique[:1], *((whole.doc, whole.number, i) for i in range(1, len(whole.clauses) + 1))])
            )
        # one more: the best article's clause with a word of the question none of those quoted has, after the
        # lead and the parts (it takes no other clause's place)
        have = set().union(*(c.shared for c in e.candidates if c.key in unique), *(p.shared for p in parts))
        more = next((c for c in top if c.key not in unique and c.shared - have), None) if naming else None
        if more is not None:
            unique.insert(min(len(unique), 1 + len(parts)), more.key)
        for level in sorted(levels):
            quoted = [c for c in top if c.key in unique]
            if not any(level in s.qualifiers for c in quoted for s in c.stated):
                own = next((c for c in top if any(level in s.qualifiers for s in c.stated)), None)
                if own is not None:
                    unique.insert(min(len(unique), 1 + len(parts)), own.key)
        return [Citation.of(self.corpus.article(doc, number), clause, lang) for doc, number, clause in unique]

    def _titled(self, q: Question, e: Evidence) -> Article | None:
        """The best article, when the question names it by its whole title or its number and asks what it holds
        ("List the basic principles", "基本原则有哪些？", "Can you summarise Article 4?"), or asks an overview of its
        topic, if short enough to quote."""
        top = e.top
        if top is None or not (_LISTS.search(q.normalized) or _OVERVIEW.search(q.normalized)):
            return None
        article = self.corpus.article(top.doc, top.article)
        cited = article.number in cited_articles(q.normalized)
        if cited and not q.figures:  # "Can you summarise Article 4 …?": whole, however long (a figure asked: its own)
            return article
        named = cited or article.title_zh in q.normalized or article.title_en.lower() in q.normalized.lower()
        # … or asks for an overview of what the best article is about ("融资这块政策都给了哪些支持？概括一下就好")
        named = named or bool(_OVERVIEW.search(q.normalized))
        return article if named and len(article.clauses) <= _WHOLE_MAX else None

    @staticmethod
    def _lead_with_statement(j: Judgement) -> bool:
        """A figure's own statement leads when its clause states figures of that kind for several
        subjects or levels ("国家高新区、省级高新区分别给予100万元、50万元"): the asker gets the one for
        whom they asked. Figures of one subject ("有效期最高10年、每次停留时间最高180日") are quoted whole."""
        if j.statement is None or j.lead is None or not j.statement.statement.value_zh:
            return False
        same = [s for s in j.lead.stated if s.kind == j.statement.kind and s.statement.value_zh]
        return len({(s.statement.subject, s.qualifiers) for s in same}) > 1

    @staticmethod
    def _pointed(q: Question, j: Judgement) -> bool:
        """A figure asked of one of the figures its clause states for one subject ("R字签证有效期最长几年？"):
        that one leads, not the clause with the other beside it."""
        return (
            j.rule.startswith("figure")
            and j.statement is not None
            and pointed_statement(q, j.lead, j.statement) is j.statement
        )

    def _statement_line(self, lang: str, stated: Stated | None) -> str:
        assert stated is not None
        statement = stated.statement
        condition = statement.condition_zh if lang == "zh" else statement.condition_en
        key = "statement_line_condition" if condition else "statement_line"
        return say(
            lang,
            key,
            subject=self.gaps.subject(lang, stated),
            value=statement.value(lang),
            action=statement.action(lang),
            condition=condition,
        )

    def _part_note(self, lang: str, part: Part) -> str:
        if part.question is not None:  # what the whole asked that no part of it answers, said as the gap it is
            return _LEADS_ON.sub("", self.gaps.sentence(part.question, part.judgement))
        j = part.judgement
        if part.asked is not None and j.outcome is Outcome.NOT_STATED and part_gap(j):
            # "…? And does a newly recognised national zone get one too?": the gap the part's own judgement found,
            # when it is whom or what occasion the policy sets the statement for
            gap = _LEADS_ON.sub("", self.gaps.sentence(part.asked, j)).strip()
            return say(lang, "part_gap", part=part.text.strip(), gap=gap)
        return say(lang, "part_not_stated", part=part.text.strip())

    def _unit_name(self, unit: str, lang: str) -> str:
        """A responsible unit's name: in English with the official Chinese one beside it."""
        return unit if lang == "zh" else f"{self.corpus.glossary.english(unit)} ({unit})"

    def _units_line(self, article: Article, lang: str) -> str:
        """'Responsible units for Article N: …', or '' for an article that names none. English names
        carry the official Chinese one, which is what an office and its signs go by."""
        if not article.departments_zh:
            return ""
        if lang == "zh":
            joined = "、".join(article.departments_zh)
        else:
            joined = "; ".join(
                f"{en} ({zh})" for en, zh in zip(article.departments_en, article.departments_zh, strict=True)
            )
        return say(lang, "responsible_for_article", label=article.label(lang), departments=joined)

    def _hotline(self, lang: str) -> str:
        return say(lang, "hotline", hotline=self.corpus.hotline)

    def _overview(self, lang: str) -> str:
        """The document's title, date and sections, each with the articles it holds."""
        document = self.document
        outline = [
            say(
                lang,
                "overview_section",
                number=int_to_chinese(section.number) if lang == "zh" else str(section.number),
                title=section.title_zh if lang == "zh" else section.title_en,
                first=numbers[0],
                last=numbers[-1],
            )
            for section in document.sections
            if (numbers := [a.number for a in document.articles if a.section == section.number])
        ]
        return say(
            lang,
            "overview",
            title=self._title(lang),
            date=document.date,
            sections=len(document.sections),
            articles=len(document.articles),
            outline=say(lang, "overview_joiner").join(outline),
        )

    def _title(self, lang: str) -> str:
        return self.document.title_zh if lang == "zh" else self.document.title_en


# asking what a part of the policy holds: "有哪些", "list", "what are"
_LISTS = re.compile(
    r"哪些|哪几|有什么|是什么|列出|列一下|概括|总结|讲讲|说说|讲了|讲的|说了|说的|讲什么|说什么|大白话|解释|解读|什么意思"
    r"|\b(what|which)\s+(\w+\s+){0,2}\w+s\s+(does|do|did)\b"  # "what basic principles does it set out"
    r"|\blist\b|\bwhat are\b|\bwhich are\b|\benumerate\b|\bsummar(y|i[sz]e)\b|\bexplain\b|\bplain (english|words)\b"
    r"|\bin short\b|\bin a nutshell\b|\bsay\b|\bsays\b|\bmean\b|\bmeans\b|\bbreak (it )?down\b|\bgist\b"
)
_WHOLE_MAX = 6  # the most clauses an article quoted whole may have
# a request for an overview of a topic: the best article, whole, answers it when short enough
_OVERVIEW = re.compile(
    r"概括|概览|归纳|总结一下|总结下|梳理一下|盘点一下"
    r"|\bsummar(y|i[sz]e)\b|\boverview\b|\bin a nutshell\b|\bbullet points?\b"
)

# a condition that is only the year a target is for ("到2025年", "by 2025"): said in the article's first sentence
_YEAR_ONLY = re.compile(r"^(?:到|至)?(20\d\d)年?$|^by (20\d\d)$", re.IGNORECASE)


def _level_statement(q: Question, j: Judgement) -> Stated | None:
    """A figure asked or a premise corrected for the one zone level the question names, where the
    clause states figures for several ("国家高新区…前进5位以上才奖励100万,对吧": the national zones' 100万元
    and its 3 places, not the provincial 50万元)."""
    if j.lead is None or len(q.qualifiers) != 1:
        return None
    valued = [s for s in j.lead.stated if s.statement.value_zh]
    if len({s.qualifiers for s in valued if s.qualifiers}) < 2:
        return None
    mine = [s for s in valued if s.qualifiers == q.qualifiers]
    kind = j.statement.kind if j.statement is not None else ""
    return next((s for s in mine if s.kind == kind), next(iter(mine), None))


def _dated(lang: str, j: Judgement, text: str) -> str:
    """The quoted clause with the year its target is for, when only the article's first sentence says it
    ("高新区规上企业中的高新技术企业数占比超过45%" is a target for 2025: "到2025年，…")."""
    stated = j.statement
    if stated is None or j.lead is None or stated not in j.lead.stated:
        return text
    condition = stated.statement.condition_zh if lang == "zh" else stated.statement.condition_en
    year = _YEAR_ONLY.match(condition.strip())
    if year is None or (year.group(1) or year.group(2)) in text:
        return text
    if lang == "zh":
        return f"{condition.strip()}，{text}"
    rest = text[:1].lower() + text[1:] if text[1:2].islower() else text
    return f"{capitalized(condition.strip())}, {rest}"


def cited_block(lang: str, citations: Sequence[Citation]) -> str:
    """The "Based on:" block: each article's label, then its quoted clauses."""
    lines = [say(lang, "cited_heading")]
    for label in dict.fromkeys(c.label for c in citations):
        lines.append(label)
        lines.extend(f"  · {c.text}" for c in citations if c.label == label)  # verbatim: quoted as the policy says
    return "\n".join(lines)


# the reason each rule gives (the `reason` field kept from before outcomes: the staff console and logs read it)
_REASONS = {
    "task": "out_of_scope",
    "override": "out_of_scope",
    "off_topic": "out_of_scope",
    "chit_chat": "chit_chat",
    "contact": "contact",
    "other_contact": "contact_not_given",
    "responsible": "department",
}
