"""Extractive answers: pick the clauses that answer, lead with the best one, cite, or fall back."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.answer.cues import FigureKind, load_cues, words_of
from bot.answer.dialogue import Turn, looks_like_follow_up, parse_history
from bot.answer.figures import stated_figures
from bot.answer.intent import Intent, read_intent
from bot.answer.llm import Synthesizer
from bot.answer.model import Answer, Citation
from bot.answer.templates import figure_name, say
from bot.config import Settings
from bot.corpus.model import Article, Corpus
from bot.language import detect_language, is_pinyin, is_supported_script
from bot.retrieve.hybrid import ArticleHit, ClauseHit, HybridRetriever, Retrieval
from bot.text import clean, normalize

ALL_ARTICLES = 999  # follow-ups merge two complete rankings
_TAG = re.compile(r"<[^>]{0,200}>")
_MEANINGFUL = re.compile(r"[\u4e00-\u9fff]|[a-z]{2,}", re.IGNORECASE)
_PERMISSIVE_ZH = re.compile(r"可|允许|支持|鼓励|给予|优先|享受")
_NEGATION_ZH = re.compile(r"不|无|未|禁止|限制")
_MODAL_EN = ("can", "could", "may", "is it possible", "are we allowed", "am i allowed", "is there")
_MODAL_ZH = ("可以", "能否", "能不能", "可不可以", "可否", "是否可以", "能")


@dataclass(frozen=True, slots=True)
class Evidence:
    """Calibrated thresholds on retrieval evidence (see eval/README.md for the calibration)."""

    dense_floor: float = 0.80  # best raw cosine below this …
    lexical_floor: float = 0.30  # … and best BM25 coverage below this: not in the policy
    dense_strong: float = 0.86  # a question sharing no word with the policy needs at least this cosine
    chit_chat_floor: float = 0.5
    topical_floor: float = 0.5  # a follow-up with this much lexical evidence has a topic of its own
    close_article: float = 0.92  # a second article this close to the first is cited too
    close_clause: float = 0.85  # further clauses of the first article this close are cited
    max_citations: int = 4


def _merge_rankings(alone: list[ArticleHit], combined: list[ArticleHit]) -> list[ArticleHit]:
    """Rank articles and their clauses by the sum of both rankings' scores, each relative to its best."""
    articles: dict[tuple[str, int], float] = {}
    clauses: dict[tuple[str, int], dict[int, float]] = {}
    for ranking in (alone, combined):
        top = ranking[0].score if ranking and ranking[0].score > 0 else 1.0
        for hit in ranking:
            key = (hit.doc, hit.article)
            articles[key] = articles.get(key, 0.0) + hit.score / top
            best = hit.clauses[0].score if hit.clauses and hit.clauses[0].score > 0 else 1.0
            for clause in hit.clauses:
                per_article = clauses.setdefault(key, {})
                per_article[clause.clause] = per_article.get(clause.clause, 0.0) + clause.score / best
    return [
        ArticleHit(
            doc=key[0],
            article=key[1],
            score=articles[key],
            clauses=tuple(ClauseHit(c, v) for c, v in sorted(clauses.get(key, {}).items(), key=lambda p: -p[1])),
        )
        for key in sorted(articles, key=lambda key: -articles[key])
    ]


class Answerer:
    """Turns a question (and the conversation so far) into an Answer, extractively."""

    def __init__(
        self,
        settings: Settings,
        corpus: Corpus,
        retriever: HybridRetriever,
        evidence: Evidence | None = None,
        synthesizer: Synthesizer | None = None,
    ) -> None:
        self.settings = settings
        self.synthesizer = synthesizer
        self.corpus = corpus
        self.retriever = retriever
        self.evidence = evidence or Evidence()
        self.cues = load_cues()
        self.document = corpus.documents[0]
        self.responsible_units = {d for a in corpus.articles() for d in a.departments_zh}
        self.policy_figures = frozenset().union(
            *(stated_figures(normalize(f"{c.zh} {c.en}")) for a in corpus.articles() for c in a.clauses)
        )

    # -- entry point ----------------------------------------------------------------------
    def ask(self, question: str, history: Sequence[object] | None = None, lang: str | None = None) -> Answer:
        """Answer `question`; `history` holds earlier turns, `lang` ('zh'/'en') overrides detection."""
        started = time.perf_counter()
        text = clean(question)
        if lang not in ("zh", "en"):
            lang = None
        if not text:
            return self._reply(question, lang or "en", say(lang or "en", "empty"), True, "empty")
        if len(text) > self.settings.max_question_chars:
            limit = self.settings.max_question_chars
            return self._reply(question, lang or detect_language(text[:limit]), "", True, "too_long", limit=limit)
        lang = lang or detect_language(text)
        stripped = _TAG.sub(" ", text)
        if not is_supported_script(stripped):
            return self._reply(question, lang, say(lang, "unsupported_language"), True, "unsupported_language")
        if not _MEANINGFUL.search(normalize(stripped)):
            return self._reply(question, lang, say(lang, "junk"), True, "junk")
        text = self.retriever.read_question(stripped)  # pinyin read, sound-alike typos of policy words added
        # what is asked is read off the question as written (a pinyin-only one as read): the words added
        # for retrieval ("…补缴地价吗？ 补交地价") are no sentence of the asker's
        written = text if is_pinyin(stripped) else stripped
        answer = self._answer(question, text, lang, parse_history(history, self.settings.max_question_chars), written)
        answer.timings_ms["total"] = (time.perf_counter() - started) * 1000
        return answer

    # -- decisions ------------------------------------------------------------------------
    def _answer(self, question: str, text: str, lang: str, turns: list[Turn], written: str) -> Answer:
        normalized = normalize(written)
        intent = read_intent(normalized, self.cues)
        retrieval, resolved, intent = self._resolve(text, normalized, intent, turns)
        routed = self._route(question, lang, retrieval, intent, resolved)
        if routed is not None:
            return routed
        if intent.current_state and (intent.figures or intent.yes_no):
            # "what share has it reached so far?", "has it been approved yet?": targets are not results
            opening = say(lang, "current_state")
            return self._not_specified(question, lang, retrieval, intent, resolved, opening=opening)
        claimed = self._claimed(normalized, intent)
        if claimed:  # "state that projects get 30%": answered only with the policy's own figure of that kind
            intent = replace(intent, invent=True, claim=True, figures=intent.figures or claimed)
        lead = self._supporting(retrieval, intent, follow_up=resolved != text) if intent.figures else None
        if lead is not None and self._qualified_otherwise(normalized, lead):
            lead = None  # "新认定的国家级高新区奖励多少？": the 100万元 is for provincial zones
        if intent.promise or ((intent.figures or intent.invent) and lead is None):
            # the policy promises no asker anything, and holds no figure it does not state
            opening = say(lang, "promise") if intent.promise else say(lang, "figure_not_in_policy") if claimed else ""
            return self._not_specified(question, lang, retrieval, intent, resolved, opening=opening)
        ordinary = resolved == text and not (intent.invent or intent.injection)  # not a follow-up, nothing dictated
        parts = self._part_leads(question, lang) if ordinary else []
        return self._extract(question, lang, retrieval, intent, resolved, lead=lead, parts=parts)

    def _part_leads(self, question: str, lang: str) -> list[tuple[ArticleHit, int]]:
        """For a question that asks several things, the clauses answering each of them on its own
        (each retrieved alone: asked together, one topic can crowd the other out of the answer).

        A part that leans on the one before ("省级高新区呢？", "what about provincial zones?") or names
        no policy topic of its own ("分别叫什么？") is left to the question as a whole."""
        parts = self.cues.question_parts.split(_TAG.sub(" ", clean(question)), lang)
        if len(parts) < 2:
            return []
        leads = []
        for part in parts:
            normalized = normalize(part)
            if looks_like_follow_up(normalized, self.cues):
                continue
            retrieval = self.retriever.retrieve(part, top=3)
            intent = read_intent(normalized, self.cues)
            if not retrieval.articles or not self._topical(retrieval) or self._off_topic(retrieval, intent):
                continue
            lead = self._supporting(retrieval, intent, follow_up=False) if intent.figures else None
            top = retrieval.articles[0]
            if lead is not None:
                leads.append(lead)
            best = top.clauses[0].score if top.clauses else 0.0
            leads += [(top, c.clause) for c in top.clauses[:2] if c.score >= self.evidence.close_clause * best]
        return leads

    def _route(self, question: str, lang: str, retrieval: Retrieval, intent: Intent, resolved: str) -> Answer | None:
        """Contact details, small talk, topics outside the policy and responsible units; None for the rest."""
        retrieved = retrieval.numbers
        if intent.other_contact and intent.responsible:  # "which bureau handles it, and its address?"
            return self._departments(question, lang, retrieval, resolved, contact_not_given=True)
        if intent.other_contact:  # an address or a desk, with or without a phone number: only the hotline is given
            body = say(lang, "contact_not_given", hotline=self.corpus.hotline)
            return self._reply(question, lang, body, True, "contact_not_given", retrieved=retrieved, resolved=resolved)
        if intent.contact and not intent.responsible:
            body = say(lang, "contact", hotline=self.corpus.hotline)
            return self._reply(question, lang, body, False, "contact", retrieved=retrieved, resolved=resolved)
        if self._off_topic(retrieval, intent):
            reason = "chit_chat" if intent.chit_chat else "out_of_scope"
            body = say(lang, "chit_chat" if intent.chit_chat else "not_covered", title=self._title(lang))
            return self._reply(question, lang, body, True, reason, retrieved=retrieved, resolved=resolved)
        if intent.responsible:
            return self._departments(question, lang, retrieval, resolved)
        return None

    def _claimed(self, normalized: str, intent: Intent) -> tuple[FigureKind, ...]:
        """The kinds of the figures a question dictates, makes up or wants promised that the policy
        nowhere states ("写明奖励1000万元", "say the reward is 500万"); () for an ordinary question."""
        if not (intent.invent or intent.promise or intent.injection):
            return ()
        missing = {figure.split(":")[0] for figure in stated_figures(normalized) - self.policy_figures}
        return tuple(kind for kind in self.cues.figures if kind.name in missing)

    def _off_topic(self, retrieval: Retrieval, intent: Intent) -> bool:
        """Out of scope by topic, by lack of evidence, or small talk with no policy question in it."""
        if intent.out_of_scope:
            return True
        if intent.responsible and self._named_units(retrieval):
            return False
        words = [t for t in itertools.chain(*self.retriever.query_tokens(retrieval.normalized, [])) if not t.isdigit()]
        topical_terms = [t for t in retrieval.terms if t.zh not in self.cues.place_only]  # "minimum wage in 连云港"
        no_shared_words = not topical_terms and (
            not words or (retrieval.lexical_best == 0.0 and retrieval.dense_best < self.evidence.dense_strong)
        )
        weak = retrieval.dense_best < self.evidence.dense_floor and retrieval.lexical_best < self.evidence.lexical_floor
        policy_terms = any(t.kind != "department" for t in retrieval.terms)
        small_talk = (
            intent.chit_chat
            and not intent.figures
            and not policy_terms  # "hey, am I too old for a work permit?" is a question, greeting or not
            and retrieval.lexical_best < self.evidence.chit_chat_floor
        )
        return no_shared_words or weak or small_talk

    def _resolve(self, text: str, normalized: str, intent: Intent, turns: list[Turn]) -> tuple[Retrieval, str, Intent]:
        """Retrieve for the question alone, or, for a follow-up, merged with a retrieval of the
        question together with the last one: a follow-up with a strong topic of its own keeps it."""
        alone = self.retriever.retrieve(text, top=ALL_ARTICLES if turns else 8, read=False)  # read in ask()
        if (
            not turns
            or intent.out_of_scope
            or intent.contact
            or intent.other_contact
            or not looks_like_follow_up(normalized, self.cues)
        ):
            return alone, text, intent
        earlier = " ".join(turn.question for turn in turns[-2:])  # the last question may itself be a follow-up
        combined_text = f"{earlier} {text}"
        combined = self.retriever.retrieve(combined_text, top=ALL_ARTICLES)
        merged_intent = intent.merged_with(read_intent(normalize(earlier), self.cues))
        if not self._topical(alone):
            return combined, combined_text, merged_intent  # "who handles that?", "具体金额是多少？"
        merged = replace(combined, articles=_merge_rankings(alone.articles, combined.articles))
        return merged, combined_text, intent  # a topic of its own: it asks what it asks

    def _topical(self, retrieval: Retrieval) -> bool:
        """The question names a policy topic of its own (not just a department or what it asks for)."""
        if any(t.kind != "department" for t in retrieval.terms):
            return True
        return retrieval.lexical_best >= self.evidence.topical_floor

    # -- answer shapes --------------------------------------------------------------------
    def _extract(
        self,
        question: str,
        lang: str,
        retrieval: Retrieval,
        intent: Intent,
        resolved: str,
        lead: tuple[ArticleHit, int] | None = None,
        parts: Sequence[tuple[ArticleHit, int]] = (),
    ) -> Answer:
        citations = self._citations(retrieval, lang, lead, parts)
        first = citations[0]
        opening = first.text
        if intent.yes_no and self._modal(retrieval.normalized, lang) and self._permissive(first.text_zh):
            opening = say(lang, "yes_prefix") + opening
        elif lang == "en":
            opening = opening[:1].upper() + opening[1:]
        mode = "extractive"
        if self.synthesizer and (rephrased := self.synthesizer.rephrase(resolved, lang, citations)):
            opening, mode = rephrased, "llm"
        if intent.invent:  # a figure the asker stated differs from the policy's, or was asked to be made up
            caveat = say(lang, "claim_differs" if intent.claim else "invent")
            opening = f"{caveat}{'' if lang == 'zh' else ' '}{opening}"
        body = "\n\n".join(
            [opening, self._cited_block(lang, citations), say(lang, "hotline", hotline=self.corpus.hotline)]
        )
        answer = self._reply(
            question, lang, body, False, "answer", citations=citations, retrieved=retrieval.numbers, resolved=resolved
        )
        return replace(answer, mode=mode)

    def _not_specified(
        self, question: str, lang: str, retrieval: Retrieval, intent: Intent, resolved: str, opening: str = ""
    ) -> Answer:
        """A fallback that quotes the closest provisions: the policy does not give what was asked."""
        citations = self._citations(retrieval, lang, None)[:2]
        figure = figure_name(lang, intent.figures[0].name if intent.figures else "count")
        opening = opening or say(lang, "not_specified", figure=figure)
        if intent.invent and not intent.claim:  # a claim's opening already says the policy has no such figure
            opening = f"{say(lang, 'invent')}{'' if lang == 'zh' else ' '}{opening}"
        body = "\n\n".join(
            [
                opening,
                self._cited_block(lang, citations),
                say(lang, "hotline", hotline=self.corpus.hotline),
            ]
        )
        return self._reply(
            question,
            lang,
            body,
            True,
            "not_specified",
            citations=citations,
            retrieved=retrieval.numbers,
            resolved=resolved,
        )

    def _departments(
        self, question: str, lang: str, retrieval: Retrieval, resolved: str, contact_not_given: bool = False
    ) -> Answer:
        """The responsible units of the question's article, or the articles of the units it names; with
        `contact_not_given`, also that the policy gives none of their contact details (a fallback)."""
        named = self._named_units(retrieval)
        hits = {h.article: h for h in retrieval.articles}
        lines: list[str] = []
        citations: list[Citation] = []
        if named:
            for unit in named:
                articles = [a for a in self.corpus.articles() if unit in a.departments_zh]
                unit_name = unit if lang == "zh" else f"{self.corpus.glossary.english(unit)} ({unit})"
                lines.append(say(lang, "articles_for_department", department=unit_name))
                lines.extend(f"· {a.label(lang)}" for a in articles)
                citations.extend(self._best_clause(a, hits.get(a.number), lang) for a in articles)
        if named and any(t.kind != "department" for t in retrieval.terms):
            # "签证那一条的责任单位有哪些？公安局在里面吗？": the units of the measure asked about too
            top = retrieval.articles[0]
            lines.insert(0, self._units_line(self.corpus.article(top.doc, top.article), lang))
        elif not named:
            top = retrieval.articles[0]
            articles = [self.corpus.article(top.doc, top.article)]
            articles += [
                self.corpus.article(h.doc, h.article)
                for h in retrieval.articles[1:2]
                if h.score >= self.evidence.close_article * top.score
            ]
            for article in articles:
                if line := self._units_line(article, lang):
                    lines.append(line)
                citations.append(self._best_clause(article, hits.get(article.number), lang))
        closing = say(lang, "contact_not_given" if contact_not_given else "hotline", hotline=self.corpus.hotline)
        body = "\n".join(lines) + "\n\n" + self._cited_block(lang, citations) + "\n\n" + closing
        return self._reply(
            question,
            lang,
            body,
            contact_not_given,
            "contact_not_given" if contact_not_given else "department",
            citations=citations,
            retrieved=retrieval.numbers,
            resolved=resolved,
        )

    # -- pieces ---------------------------------------------------------------------------
    @staticmethod
    def _units_line(article: Article, lang: str) -> str:
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

    def _named_units(self, retrieval: Retrieval) -> list[str]:
        return [t.zh for t in retrieval.terms if t.kind == "department" and t.zh in self.responsible_units]

    def _supporting(self, retrieval: Retrieval, intent: Intent, follow_up: bool) -> tuple[ArticleHit, int] | None:
        """The clause that answers a request for a figure: it holds a figure of the asked kind and is
        either the best match of the best article or shares a specific word with the question
        (always required when the question asks to make figures up, and then only in the best article).

        A kind of figure the question itself states ("when is the deadline for the RMB 1 million
        reward?") is not what it asks for, unless it states every kind it names."""
        asked = [k for k in intent.figures if not k.clause.search(retrieval.normalized)] or intent.figures
        top = retrieval.articles[0]
        on_topic = (
            self.retriever.specific_overlap(retrieval, top.doc, top.article, top.clauses[0].clause)
            if top.clauses
            else set()
        )
        # asked to guess, only the best article's clauses can hold the figure: another article sharing a
        # word ("IP insurance subsidy" → the IP-pilot county rewards) is about something else
        for rank, hit in enumerate(retrieval.articles[: 1 if intent.invent else 3]):
            article = self.corpus.article(hit.doc, hit.article)
            for position, clause_hit in enumerate(hit.clauses[:4]):
                clause = article.clause(clause_hit.clause)
                if not any(k.clause.search(clause.zh) or k.clause.search(clause.en) for k in asked):
                    continue
                if rank == 0 and position == 0 and not intent.invent and not follow_up:
                    return hit, clause_hit.clause
                shared = self.retriever.specific_overlap(retrieval, hit.doc, hit.article, clause.index)
                # a clause sharing only some of the words the best match shares ("IP" of "IP insurance")
                # is about something broader or beside the point
                if shared and not shared < on_topic:
                    return hit, clause_hit.clause
        return None

    def _qualified_otherwise(self, normalized: str, lead: tuple[ArticleHit, int]) -> bool:
        """True when the question names one of a set of exclusive qualifiers (national, provincial)
        and the clause holding the figure names only another."""
        hit, index = lead
        clause = self.corpus.article(hit.doc, hit.article).clause(index)
        text = normalize(f"{clause.zh} {clause.en}")
        groups = self.cues.exclusive_qualifiers
        asked_words, named_words = words_of(normalized), words_of(text)
        asked = {i for i, group in enumerate(groups) if group.found(normalized, asked_words)}
        named = {i for i, group in enumerate(groups) if group.found(text, named_words)}
        return bool(asked) and bool(named) and not asked & named

    def _citations(
        self,
        retrieval: Retrieval,
        lang: str,
        lead: tuple[ArticleHit, int] | None,
        parts: Sequence[tuple[ArticleHit, int]] = (),
    ) -> list[Citation]:
        """The clauses quoted: the lead (or the best clause), the clause of each part of a question
        that asks several things, the clauses close to the best, and a second article close to the first."""
        top = retrieval.articles[0]
        chosen: list[tuple[ArticleHit, int]] = []
        if lead is not None:
            chosen.append(lead)
        best = top.clauses[0].score if top.clauses else 0.0
        for clause_hit in top.clauses[:3]:
            if clause_hit.score >= self.evidence.close_clause * best:
                chosen.append((top, clause_hit.clause))
        chosen[1:1] = parts  # after the first: each part is answered before more of the same
        for hit in retrieval.articles[1:3]:
            if hit.score >= self.evidence.close_article * top.score and hit.clauses:
                chosen.append((hit, hit.clauses[0].clause))
        unique = list(dict.fromkeys((h.doc, h.article, c) for h, c in chosen))[: self.evidence.max_citations]
        return [self._citation(self.corpus.article(doc, number), clause, lang) for doc, number, clause in unique]

    def _best_clause(self, article: Article, hit: ArticleHit | None, lang: str) -> Citation:
        index = hit.clauses[0].clause if hit and hit.clauses else 1
        return self._citation(article, index, lang)

    @staticmethod
    def _citation(article: Article, index: int, lang: str) -> Citation:
        clause = article.clause(index)
        return Citation(
            doc=article.doc,
            article=article.number,
            title=article.title_zh if lang == "zh" else article.title_en,
            clause=index,
            text=clause.zh if lang == "zh" else clause.en,
            text_zh=clause.zh,
            label=article.label(lang),
        )

    def _cited_block(self, lang: str, citations: Sequence[Citation]) -> str:
        lines = [say(lang, "cited_heading")]
        for label in dict.fromkeys(c.label for c in citations):
            lines.append(label)
            lines.extend(f"  · {c.text}" for c in citations if c.label == label)
        return "\n".join(lines)

    def _modal(self, normalized: str, lang: str) -> bool:
        if lang == "zh":
            return any(m in normalized for m in _MODAL_ZH)
        joined = " ".join(words_of(normalized))
        return joined.startswith(_MODAL_EN)

    @staticmethod
    def _permissive(text_zh: str) -> bool:
        return bool(_PERMISSIVE_ZH.search(text_zh)) and not _NEGATION_ZH.search(text_zh)

    def _title(self, lang: str) -> str:
        return self.document.title_zh if lang == "zh" else self.document.title_en

    def _reply(
        self,
        question: str,
        lang: str,
        body: str,
        fallback: bool,
        reason: str,
        *,
        citations: Sequence[Citation] = (),
        retrieved: Sequence[int] = (),
        resolved: str = "",
        limit: int = 0,
    ) -> Answer:
        if reason == "too_long":
            body = say(lang, "too_long", limit=limit)
        if fallback and reason not in ("not_specified", "contact_not_given"):  # these name the hotline already
            body = f"{body}\n\n{say(lang, 'hotline', hotline=self.corpus.hotline)}"
        return Answer(
            question=question,
            lang=lang,
            text=body,
            fallback=fallback,
            citations=tuple(citations),
            retrieved=tuple(retrieved),
            reason=reason,
            resolved_question=resolved or question,
        )
