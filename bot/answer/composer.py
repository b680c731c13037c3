"""The answer stage: a question read once, retrieved (with the conversation for a follow-up), judged, rendered.

    ask → read_question → retrieve (follow-ups: merged with the question before) → Evidence
        → judge (bot/answer/judge/: ordered rules, pure) → Renderer (bot/answer/render.py)

A question that asks several things has each part judged on its own: it is answered when any part
is, and the reply says which parts the policy does not state.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from itertools import pairwise

from bot.answer.budget import Deadline, check
from bot.answer.cues import Cues, check_cues, load_cues, words_of
from bot.answer.dialogue import Turn, looks_like_follow_up, parse_history
from bot.answer.evidence import EvidenceBuilder
from bot.answer.exemplars import LEFT_OUT, Exemplars, Vote
from bot.answer.figures import gives_age, stated_figures
from bot.answer.judge import (
    ClauseEvidence,
    Evidence,
    Judgement,
    Outcome,
    Stated,
    Thresholds,
    is_off_topic,
    judge,
)
from bot.answer.judge.exemplars import needs_vote, reconsider
from bot.answer.judge.pieces import granted_to_other, lists_named, statement_kinds
from bot.answer.llm import Synthesizer
from bot.answer.model import Answer
from bot.answer.question import Question, as_follow_up, compares, inherited_occasions, long_message, read_question
from bot.answer.render import Part, Renderer
from bot.answer.templates import say
from bot.config import Settings
from bot.corpus.model import Corpus
from bot.language import detect_language, is_pinyin, is_supported_script
from bot.retrieve.fuser import Fuser
from bot.retrieve.hybrid import HybridRetriever
from bot.retrieve.results import Retrieval
from bot.text import HAN, clean, normalize, over_limit, written_as, written_in

ALL_ARTICLES = 999  # follow-ups merge two complete rankings
_TAG = re.compile(r"<[^>]{0,200}>")
_MEANINGFUL = re.compile(r"[\u4e00-\u9fff]|[a-z]{2,}", re.IGNORECASE)
#: an English sentence written as a question (with its question mark lost) or as a request
_REQUEST_EN = re.compile(
    r"^\W*(what|which|how|who|when|where|why)\b"
    r"|^\W*(is|are|was|were|do|does|did|can|could|will|would|should|may|must|has|have)\s+"
    r"(i|we|you|he|she|it|they|there|the|this|that|these|those|our|my|his|her|their|a|an|any|such)\b"
    r"|\b(like|want|wish|wishes|need|needs|hope) to (know|ask|confirm|understand|check|clarify|learn|find out)\b"
    r"|\bwondering (whether|if)\b|\b(please|kindly)\b|\b(could|can|would|will) you\b|\bgrateful (for|if|to)\b"
    r"|\b(learn|hear) (whether|if|about|how|what)\b|\bappreciate\b|\blet (me|us) know\b"
    r"|\badvise (us|me|whether|if|on)\b|\b(ask|asking|enquire|inquire|enquiring|inquiring) (whether|if|about)\b"
    r"|\bwonder (whether|if)\b|\btell (me|us)\b|\binterested in (knowing|learning|understanding|hearing)\b"
    r"|\bkeen to (know|understand|learn|hear)\b|\bseek(ing)? (clarification|guidance|advice)\b|\bwelcome (your|any)\b",
    re.I,
)
#: an English question word, or a verb before its pronoun subject ("my CTO is 62 can he still get a work permit")
_ASKS_EN = re.compile(
    r"\b(what|which|how|who|when|where|why)\b"
    r"|\b(can|could|do|does|did|will|would|should|may|must)\s+(i|we|he|she|they|you|it)\b"
    # … or a sentence that says it asks ("They would like to know whether the city pays …", "Please advise …")
    r"|\b(like|want|wish) to (know|ask|confirm|understand)\b|\bwondering (whether|if)\b"
    r"|\bplease (advise|confirm|let us know|tell us|clarify)\b",
    re.I,
)


class Answerer:
    """Turns a question (and the conversation so far) into an Answer, extractively."""

    def __init__(
        self,
        settings: Settings,
        corpus: Corpus,
        retriever: HybridRetriever,
        thresholds: Thresholds | None = None,
        synthesizer: Synthesizer | None = None,
        exemplars: Exemplars | None = None,
    ) -> None:
        self.settings = settings
        self.exemplars = exemplars
        self.corpus = corpus
        self.retriever = retriever
        self.thresholds = thresholds or Thresholds()
        self.cues: Cues = load_cues()
        self.shield = check_cues(self.cues, corpus.glossary)
        self.evidence_builder = EvidenceBuilder(corpus, self.cues)
        self.renderer = Renderer(
            corpus, self.thresholds, synthesizer, self.evidence_builder.subject_qualifiers(), self.cues.occasions
        )
        self.policy_figures = frozenset().union(
            *(stated_figures(normalize(f"{c.zh} {c.en}")) for a in corpus.articles() for c in a.clauses)
        )

    # -- entry point ----------------------------------------------------------------------
    def ask(
        self,
        question: str,
        history: Sequence[object] | None = None,
        lang: str | None = None,
        deadline: Deadline | None = None,
    ) -> Answer:
        """Answer `question`; `history` holds earlier turns, `lang` ('zh'/'en') overrides detection;
        past `deadline`, OverBudget is raised at the next stage."""
        text = clean(question)
        if lang not in ("zh", "en"):
            lang = None
        if not text:
            return self._refusal(question, lang or "en", "empty", say(lang or "en", "empty"))
        if over_limit(question, self.settings.max_question_chars):
            limit = self.settings.max_question_chars
            reply_lang = lang or detect_language(text[:limit])
            return self._refusal(question, reply_lang, "too_long", say(reply_lang, "too_long", limit=limit))
        lang = lang or detect_language(text)
        stripped = _TAG.sub(" ", text)
        if not is_supported_script(stripped):
            return self._refusal(question, lang, "unsupported_language", say(lang, "unsupported_language"))
        if not _MEANINGFUL.search(normalize(stripped)):
            return self._refusal(question, lang, "junk", say(lang, "junk"))
        read = self._read(question, stripped, lang)
        check(deadline, "reading")
        return self._answer(read, parse_history(history, self.settings.max_question_chars), stripped, deadline)

    def leans_on_earlier(self, question: str) -> bool:
        """True when `question`, asked in a conversation, would be read as a follow-up of the one before."""
        return looks_like_follow_up(normalize(_TAG.sub(" ", clean(question))), self.cues)

    def explain(self, question: str, lang: str | None = None) -> tuple[Question, Retrieval, Judgement]:
        """The reading, the retrieval and the judgement of one question (no conversation): `python -m bot explain`."""
        text = _TAG.sub(" ", clean(question))
        read = self._read(question, text, lang if lang in ("zh", "en") else detect_language(text))
        retrieval = self.retriever.retrieve(read.search, top=8, read=False)
        evidence = self.evidence(retrieval)
        whole = judge(read, evidence, self.thresholds)
        vote = self.vote(retrieval) if needs_vote(read, whole, whole, evidence) else None
        return read, retrieval, reconsider(read, whole, whole, vote, evidence, self.thresholds)

    def vote(self, retrieval: Retrieval) -> Vote | None:
        """What the labelled questions nearest the retrieved question say (None without exemplars)."""
        if self.exemplars is None or retrieval.vector is None:
            return None
        return self.exemplars.vote(retrieval.vector, LEFT_OUT.get())

    def dense_input(self, question: str) -> str:
        """The text whose vector retrieval computes for `question` asked on its own (what an exemplar is stored as)."""
        return self.retriever.dense_input(_TAG.sub(" ", clean(question)))

    def _read(self, question: str, stripped: str, lang: str) -> Question:
        """The question read once: pinyin read and sound-alike typos of policy words added for retrieval;
        what is asked read off the question as written (a pinyin-only one as read), since the words
        added for retrieval ("…补缴地价吗？ 补交地价") are no sentence of the asker's."""
        search = self.retriever.read_question(stripped)
        written = search if is_pinyin(stripped) else stripped
        return read_question(question, lang, written, search, self.cues, self.policy_figures, self.shield)

    # -- decisions ------------------------------------------------------------------------
    def _answer(self, q: Question, turns: list[Turn], stripped: str, deadline: Deadline | None) -> Answer:
        q, retrieval = self._resolve(q, turns, deadline)
        evidence = self.evidence(retrieval)
        judgement = as_judged = judge(q, evidence, self.thresholds)
        if judgement.rule in ("task", "override") and (inner := _wrapped(stripped)):
            # "请你扮演招商局局长回答:人才创业项目怎么奖励?": the role is not played, the question is answered
            asked = self._read(q.asked, inner, q.lang)
            refused = asked.task or asked.override or asked.reveal or asked.intent.invent or asked.intent.promise
            if _asks(asked, self.cues) and not refused:
                unwrapped = self._answer(asked, turns, inner, deadline)
                if not unwrapped.fallback:  # what the policy does not answer is refused with the role
                    return unwrapped
        # a claim put up to confirm ("听说…,是真的吗?") leaves the other parts asked; an order to the assistant, a
        # figure to make up or a claimed figure the policy does not hold does not; an opinion or a task asked in one
        # paragraph of a long message leaves its other asks ("…Could you confirm the amount of the reward …? We would
        # also appreciate your view on whether this reward should be booked as taxable income …")
        long_message = q.long  # (its asks lean on no other)
        task = judgement.rule == "task" and not long_message
        ordinary = not q.follow_up and not (q.intent.invent or task or judgement.rule in ("override", "claimed"))
        parts = self._parts(stripped, q.lang, deadline, q.qualifiers) if ordinary else []
        # …and given for the party the whole asks about ("认定成高企之后…？市里还额外奖励多少": no zone's reward)
        # … or the first part written as a question (yes or no, or a figure) whose own words the whole's best clause
        # nearly all has, not a scene it sets ("…老板不想一次性把土地款全压进去。想问下:能不能先租后买?"); not when the
        # question asks, up to that part, of a person the policy does not name ("Can my wife work in the zone too? …",
        # "My wife is an engineer. Can she get the R visa?"), though a later part may ("…R字签证最长能签多少年?他太太
        # 能不能一起办?": the wife is the later part's)
        marked = [p[0] for p in parts if _marked(p[0], self.cues)]
        if marked and any(s.person or s.identity for s in q.specifics):
            marked = [m for m in marked if not self._person_upto(q, stripped, m)]
        function_words = self.cues.function_words
        grounded = [
            p
            for p in parts
            if (
                _grounded(p[0], p[2], evidence, judgement, q)
                or (
                    any(p[0] is m for m in marked)
                    and _covered(
                        *p, evidence, function_words, self.cues.asking_words, self.cues.equivalents, judgement.rule
                    )
                )
                or (
                    long_message
                    and _gap_elsewhere(*p, evidence, judgement, function_words, self.cues.equivalents)
                    and not self._person_upto(q, stripped, p[0])
                )
                # … or the level the policy states it for, asked apart from the one it does not ("What does a newly
                # recognised provincial zone get? And a newly recognised national one?")
                or _level_apart(p[2], judgement)
                # … or, in a long message whose other paragraph asks an opinion or a task, the very clause the whole
                # retrieves best, for the zone level the whole names ("…Could you confirm the amount of the reward …?
                # We would also appreciate your view on whether this reward should be booked as taxable income …"); not
                # a whole off the policy's topics (an e-mail on export certificates has a part a clause on testing
                # services seems to answer), nor a short question whose other ask the policy does not answer (such a
                # question is the policy's to answer whole: "科技企业积分制怎么打分？积分高了有什么支持？")
                or (
                    judgement.rule == "task"
                    and long_message
                    and _same_clause(p[2], evidence)
                    and p[0].qualifiers == q.qualifiers
                    and not self._person_upto(q, stripped, p[0])
                )
            )
            and not (p[2].rule == "figure" and p[2].statement is not None and _granted_money(q, p[2].statement))
        ]
        # a part's figure does not overturn what the whole found of the asker's own case ("我导师72了": the
        # 65 is below them; "not high-end talent": the 65 is not theirs)
        # … unless a part of its own holds that case ("没有确认函能直接去使馆办吗?签证最长有效期几年": the letter
        # lacking is the first part's, the validity the second's)
        own_case = judgement.rule in _PART_CASE_RULES and any(p[2].rule == judgement.rule for p in parts)
        # … nor a year a part of its own asks and is answered for ("…要占到多少?到2035年又是什么目标?": 2035 is the
        # second part's, which the 2035 vision answers)
        own_year = judgement.rule == "other_year" and _year_answered(parts, q.years)
        whole_case_holds_apart = own_case or own_year
        # … nor what the whole found it asks of the policy document itself ("how long is this policy valid? when does
        # it expire": no period of a measure in it)
        of_document = judgement.missing is not None and any(
            s.document and s.id == judgement.missing.what for s in q.specifics
        )
        # a part asking the hotline, or an address the policy does not give, beside one the policy answers: the answer
        # is the other part's, the address not given is said, and every answer closes with the hotline
        if (beside := _beside_contact(judgement, parts, grounded)) is not None:
            notes = [self._part(*p) for p in parts if p[2].outcome.fallback]
            q, evidence, judgement = beside[0], beside[1], replace(beside[2], yes=False)
            check(deadline, "rendering")
            return self._render((q, evidence, judgement), retrieval, notes, as_judged)
        if judgement.outcome.fallback and not of_document and (premise := _corrected_part(parts, evidence)):
            # "The 2025 target is for national zones' R&D to reach 5% of GDP - is that right? What's the current
            # level?": the premise one part puts up is corrected, what the policy does not say of the rest is said
            notes = [self._part(*p) for p in parts if p[2].outcome.fallback]
            check(deadline, "rendering")
            return self._render(premise, retrieval, notes, as_judged)
        if judgement.rule == "other_contact" and any(
            p[2].rule == "contact" and (p is parts[0] or _HOTLINE_NAMED.search(p[0].normalized)) for p in parts
        ):
            # "招商热线是多少?另外招商局的办公地址在哪": the hotline asked is the one contact the policy gives (not a
            # number asked after a place it is of: "人才一站式服务窗口在哪里办,咨询电话是多少?")
            judgement = replace(judgement, outcome=Outcome.ANSWERED)
        # a case of the whole that holds only for some parts: money asked for the asker's own party is none of a part
        # asking no money ("Which industries …? Also, how much cash subsidy would we get?"); how to use what the zones
        # provide is none of a yes/no part asking whether its very clause provides it ("有没有人才公寓?能申请几套?")
        grounded = [
            p
            for p in grounded
            if judgement.rule not in _WHOLE_RULES
            or whole_case_holds_apart
            or _outside_the_case(p[0], p[2], judgement, evidence)
        ]
        # … of the policy document itself, only a part asking no figure ("What are the 2035 goals … and when does the
        # policy itself expire?": the goals are answered)
        grounded = [p for p in grounded if not (of_document and _asks_figure_part(p))]
        # … or, in a long message, one a clause answers as a question of its own (`_alone`)
        if judgement.outcome.fallback and (
            answered := next(iter(grounded), None) or self._alone(q, judgement, parts, deadline)
        ):
            # "Whats the max validity of the R visa? Also how much is the visa fee?": one part is answered
            whole = Part(q.written, judgement, question=q)
            alone = not grounded  # (a long message's whole, diluted, says no gap)
            # … with no "Yes —": what a part asks alone may hold a case the whole sets ("Can we still apply for
            # first purchase support this year? Is there an application window?")
            q, evidence, judgement = answered[0], answered[1], replace(answered[2], yes=False)
            others = [self._part(*p) for p in parts if p[2] is not judgement]
            # what the whole asked that no part asks alone ("…, and how many working days?"), unless it is what the
            # part answers ("能拿多少奖?要是考核结果差又会怎样?": the amount is the part's)
            gap = whole.judgement.missing.what if whole.judgement.missing else ""
            if (
                not any(p.judgement.outcome.fallback for p in others)
                and (gap not in {k.name for k in q.figures} or whole.judgement.rule == "level_left_out")
                and not own_year
                and not alone
            ):
                others.append(whole)
        else:
            # a part answered by the whole's own clause adds nothing (the same clause, not the same object: each part
            # is retrieved on its own); a part the policy does not answer is still said
            lead = judgement.lead.key if judgement.lead else None
            others = [
                self._part(*p) for p in parts if not (p[2].lead and p[2].lead.key == lead and not p[2].outcome.fallback)
            ]
        check(deadline, "rendering")
        return self._render((q, evidence, judgement), retrieval, others, as_judged)

    def _render(
        self,
        judged: tuple[Question, Evidence, Judgement],
        retrieval: Retrieval,
        notes: Sequence[Part],
        whole: Judgement,
    ) -> Answer:
        """The answer to what was judged, once the labelled questions nearest the whole (judged `whole`) have had
        their say."""
        q, evidence, judgement = judged
        vote = self.vote(retrieval) if needs_vote(q, whole, judgement, evidence) else None
        judgement = reconsider(q, whole, judgement, vote, evidence, self.thresholds)
        return self.renderer.render(q, evidence, judgement, retrieval.numbers, notes)

    def _alone(
        self,
        q: Question,
        judgement: Judgement,
        parts: list[tuple[Question, Evidence, Judgement]],
        deadline: Deadline | None,
    ) -> tuple[Question, Evidence, Judgement] | None:
        """A part of a message the policy does not answer as a whole, where no part is answered beside the whole's
        clause, answered as a question of its own: read alone (without the scene its sentence sets before it),
        retrieved alone, judged answered, by a clause that has nearly all its specific words, of which it names at
        least `_ASKED_WORDS`. A long message dilutes what it
        retrieves as a whole ("您好,我们是一家…生物医药企业,…团队最关心的是生活方面的问题。请问高新区在人才公寓等
        生活配套方面有什么安排?另外孩子入学能不能就近安排?…"), not a short one, whose parts lean on each other
        ("科技企业积分制具体怎么打分?积分高的企业能享受什么支持?"); not when the whole judged the asker's own case."""
        if judgement.rule in _WHOLE_RULES or not q.long:
            return None
        ignored = self.cues.function_words
        for part, part_evidence, judged in parts:
            if judged.outcome.fallback:
                continue
            check(deadline, "parts")
            text = part.asked
            scene, rest = _scene_and_asking(part)
            if scene and len(_named(part_evidence.specific - ignored, rest)) >= _ASKED_WORDS:
                text = rest  # "Good day. Our client is … . Is the high-tech zone involved in the Belt and Road …?"
            alone = self._read(text, text, part.lang)
            evidence = self.evidence(self.retriever.retrieve(alone.search, top=3, read=False))
            own = judge(alone, evidence, self.thresholds)
            lead = own.lead
            if (
                not own.outcome.fallback
                and lead is not None
                and sum(not w.isdigit() for w in evidence.specific - ignored) >= _ASKED_WORDS
                and evidence.covered(lead, ignored, self.cues.equivalents) >= PART_COVERAGE
            ):
                return alone, evidence, own
        return None

    def _person_upto(self, q: Question, stripped: str, part: Question) -> bool:
        """The question names, up to `part`, a person the policy does not name."""
        piece = part.asked.rstrip("?？")  # a part is a piece of `stripped` (with a question mark put back, or not)
        at = stripped.find(piece)
        upto = stripped if at < 0 else stripped[: at + len(piece)]
        return any(s.person or s.identity for s in self._read(q.asked, upto, q.lang).specifics)

    def evidence(self, retrieval: Retrieval) -> Evidence:
        """What the judge needs of a retrieval."""
        return self.evidence_builder.build(retrieval)

    def _resolve(self, q: Question, turns: list[Turn], deadline: Deadline | None) -> tuple[Question, Retrieval]:
        """Retrieve for the question alone, or, for a follow-up, merged with a retrieval of the
        question together with the last one: a follow-up with a strong topic of its own keeps it."""
        alone = self.retriever.retrieve(q.search, top=ALL_ARTICLES if turns else 8, read=False)  # read in ask()
        intent = q.intent
        if (
            not turns
            or intent.out_of_scope
            or intent.contact
            or intent.other_contact
            or not looks_like_follow_up(q.normalized, self.cues)
        ):
            return q, alone
        check(deadline, "follow-up")
        earlier_text = " ".join(turn.question for turn in turns[-2:])  # the last question may itself be a follow-up
        combined_text = f"{earlier_text} {q.search}"
        combined = self.retriever.retrieve(combined_text, top=ALL_ARTICLES)
        earlier = read_question(
            earlier_text, q.lang, earlier_text, earlier_text, self.cues, self.policy_figures, self.shield
        )
        if not self._topical(alone):  # "who handles that?", "具体金额是多少？"
            return replace(as_follow_up(q, earlier), search=combined_text), combined
        merged = replace(combined, articles=Fuser.merge(alone.articles, combined.articles))
        own = replace(
            q,
            qualifiers=q.qualifiers or earlier.qualifiers,
            occasions=inherited_occasions(q, earlier),
            follow_up=True,
            search=combined_text,
        )
        return own, merged  # a topic of its own: it asks what it asks

    def _topical(self, retrieval: Retrieval) -> bool:
        """The question names a policy topic of its own (not just a department or what it asks for)."""
        if any(t.kind != "department" for t in retrieval.terms):
            return True
        return retrieval.lexical_best >= self.thresholds.topical_floor

    def _parts(
        self, stripped: str, lang: str, deadline: Deadline | None, levels: frozenset[int] = frozenset()
    ) -> list[tuple[Question, Evidence, Judgement]]:
        """For a question that asks several things, each part that asks something, judged on its own; a part that
        names no zone level and refers back to the case told before it is of the levels the whole names (`levels`:
        "该县的省级高新区…前进了4位…请问这种情况奖励金额是多少？" asks the provincial zones' amount; not
        "我们是国家高新区内的企业。…新认定的高新区奖励多少？", where the level is where the asker is).

        A part that leans on the one before ("省级高新区呢？"), names no policy topic of its own
        ("分别叫什么？") or only sets the scene ("我们是一家新材料企业。") is left to the whole."""
        # (a long English message is split at its sentences too; one of them with no question mark asks only in the
        # form of a question or a request, not with a "which" or "whether" inside: "Hospitals usually buy through
        # tenders, which take a long time.", "Management is discussing whether to make Lianyungang our HQ.")
        sentences = lang == "en" and long_message(normalize(stripped), lang)
        pieces = self.cues.question_parts.marked(stripped, lang, sentences=sentences)
        if len(pieces) < 2:
            return []
        judged = []
        found = _HEADING.match(stripped)
        heading = f"{found.group(1)}{'：' if lang == 'zh' else ': '}" if found else ""
        asked_before = False
        scene = ""  # the pieces before the first that asks
        for piece, marked in pieces:
            check(deadline, "parts")
            normalized = normalize(piece)
            # "…？是不是也跟省级一样给100万？": it leans on the part before; the first part that asks, short as it
            # may be ("R签证停留多久 家属能办吗"; "…想来落地: 1. 重点产业里有没有生命健康这一块?"), has none before
            # it (the whole is no follow-up), though its words may point within itself ("how long can each stay be")
            if (asked_before and looks_like_follow_up(normalized, self.cues)) or compares(normalized, self.cues):
                continue
            part = self._read_part(piece, lang)
            if not _asks(part, self.cues) and marked:
                # "Reward for a zone that climbs 3+ places? And when is it paid out?": the question mark the split took
                # off is the only mark of a question the first piece has
                part = self._read_part(f"{piece}?", lang)
            if not _asks(part, self.cues) or (sentences and not marked and not _REQUEST_EN.search(piece)):
                scene = "" if asked_before else f"{scene}{piece}{'。' if lang == 'zh' else '. '}"
                continue
            first, asked_before = not asked_before, True
            retrieval = self.retriever.retrieve(part.search, top=3, read=False)
            # "我们是一个经济开发区的管委会,想创建省级高新技术产业园区。请问这个申报由谁来提交材料?…": the scene
            # names what the first part, with no topic of its own, asks of (later ones lean on the parts before); a
            # heading before a list, what every item asks of ("R visa questions: a) max validity? b) …")
            context = scene if first and scene else heading
            if context and not self._topical(retrieval) and not (part.intent.contact or part.intent.other_contact):
                part = replace(self._read_part(context + part.asked, lang), written=part.written)
                retrieval = self.retriever.retrieve(part.search, top=3, read=False)
            if not retrieval.articles or not self._topical(retrieval):
                continue
            evidence = self.evidence(retrieval)
            if is_off_topic(part, evidence, self.thresholds) and not part.intent.out_of_scope:
                continue
            if levels and not part.qualifiers and _REFERS_BACK.search(part.normalized):
                part = replace(part, qualifiers=levels)
            judged.append((part, evidence, judge(part, evidence, self.thresholds)))
        return judged

    def _read_part(self, piece: str, lang: str) -> Question:
        return read_question(
            piece, lang, piece, self.retriever.read_question(piece), self.cues, self.policy_figures, self.shield
        )

    def _part(self, part: Question, evidence: Evidence, judgement: Judgement) -> Part:
        """A judged part, with the clauses its answer quotes: its lead, then its best article's best
        clauses within `close_clause` of the best."""
        quoted: list[ClauseEvidence] = [judgement.lead] if judgement.lead is not None else []
        best = evidence.article_clauses(0)
        if best:
            quoted += [c for c in best[:2] if c.score >= self.thresholds.close_clause * best[0].score]
        return Part(part.written, judgement, tuple(dict.fromkeys(quoted)), asked=part)

    def _refusal(self, question: str, lang: str, reason: str, body: str) -> Answer:
        """An empty, overlong, unreadable or unsupported question: a polite reply and the hotline."""
        return Answer(
            question=question,
            lang=lang,
            opening=body,
            closing=say(lang, "hotline", hotline=self.corpus.hotline),
            fallback=True,
            reason=reason,
            outcome=str(Outcome.OUT_OF_SCOPE),
            resolved_question=question,
        )


#: a heading before a list of questions ("R visa questions: a) …", "考核方面：(1)…"): what comes before the first colon,
#: asking nothing itself (not a greeting, "您好：", "Hi team:", nor a time, "10:30")
_HEADING = re.compile(
    r"^\s*(?!您好|你好|尊敬|领导|各位|dear\b|hi\b|hello\b|hey\b|to\b)([^:：?？。!！\d]{2,40}?)\s*[:：]", re.IGNORECASE
)


def _wrapped(text: str) -> str:
    """The question a role or a tone is asked around ("请你扮演招商局局长用很热情的语气回答:…?", "Pretend you are a
    tour guide, but tell me: …?"); "" when there is none (whether it asks something, `_asks` says)."""
    found = next((m for pattern in _ROLE_WRAPPERS if (m := pattern.search(text))), None)
    inner = found.group("q").strip() if found else ""
    # … not the role itself after the colon ("Let's role-play: you're the zone's Party secretary. Off the record, …")
    return "" if _ROLE_IN.search(inner) else inner


#: a role or tone asked for, then what is asked after a colon or "but tell me"
_ROLE_WRAPPERS = (
    re.compile(
        r"^.{0,40}?(扮演|假装|以.{1,10}的(口吻|语气|身份)|用.{0,10}(语气|口吻))[^:：]{0,30}[:：]\s*(?P<q>.{4,})$"
    ),
    re.compile(
        r"^.{0,60}?\b(pretend|act as|role-?play|you are now|in the (voice|style|tone) of|in an? \w+ tone)\b[^:]{0,60}?"
        r"(:|\bbut (just )?tell me\b:?)\s*(?P<q>.{8,})$",
        re.IGNORECASE,
    ),
)
_ROLE_IN = re.compile(r"\byou('re| are| were)\b|\boff the record\b|扮演|假装|你是|你现在是|私下")


def _grounded(asked: Question, part: Judgement, whole: Evidence, judged: Judgement, whole_q: Question) -> bool:
    """A part answers the question on its own: a statement of the kind of figure it asks for, in the
    article the whole question is about, or, when the whole asked for a figure its best article does
    not hold, in one of its best three (a part alone lacks the rest of the question's context); or a
    yes/no part the best clause answers when the whole lacks only a figure or a specific of another part
    ("Does the policy support listing on the STAR Market, and is there a cash bonus?"), if it asks of the policy."""
    lead = part.lead
    if lead is None or whole.top is None:
        return False
    # … or a part asking who issues something ("Who issues the confirmation letter? And how much does the visa
    # cost?"): the body the whole's own clause names answers it, the fee is the other part's
    # … or a yes/no part asking of the very thing a list of its clause names ("工业用地可以先租后让吗?租金大概多少":
    # 先租后让 is one of the ways of supplying land the clause lists)
    # (not one asking whether there is a specific figure or rule: "政策对投资强度有没有具体要求?")
    of_the_policy = (
        asked.intent.yes_no
        and not asked.exact
        and (_names_item(asked, lead) or bool(_OF_THE_POLICY.search(asked.normalized)))
    )
    # (a part asking who issues or approves, of a clause naming the body, is answered though no rule on units read
    # it: "Who actually issues the confirmation letter for the R visa? …")
    names_issuer = part.rule == "answered" and asked.issuing and any(s.authorities for s in lead.stated)
    if (part.rule == "answered" and of_the_policy) or (
        (part.rule == "issuer" or names_issuer) and not asked.intent.yes_no
    ):
        return judged.rule in _OTHER_PART_RULES and lead.key == whole.top.key
    # … or a part asking which things a clause lists ("有哪些供地方式?", "Which leading industries …?") or what the
    # policy itself provides ("孵化器在这个政策里有啥支持?"), not yes or no, answered by the clause the whole is about,
    # where the whole lacks what another part asks (a rent, a time, a subsidy rate)
    wh_part = _wh_part(asked, part)
    if wh_part and (_lists_asked(asked, lead) or _OF_THE_POLICY.search(asked.normalized)):
        return judged.rule in _WH_PART_RULES and lead.article == whole.top.article
    # … a figure the part itself gives is none it asks ("When is the RMB 1 million … paid": a date, not the sum)
    return (
        part.rule == "figure"
        and _asks_figure(asked)
        and _figure_grounded(lead, whole.top, part, whole, judged, whole_q)
    )


def _level_apart(part: Judgement, whole: Judgement) -> bool:
    """A part answered by the very statement the whole found stated for one of the levels it asks and not for
    another (`level_left_out`)."""
    return (
        whole.rule == "level_left_out"
        and not part.outcome.fallback
        and part.statement is not None
        and part.statement == whole.statement
    )


def _same_clause(part: Judgement, whole: Evidence) -> bool:
    """A part answered by the clause the whole question retrieves best: read alone and as a whole, the same."""
    return (
        not part.outcome.fallback and part.lead is not None and whole.top is not None and part.lead.key == whole.top.key
    )


def _gap_elsewhere(
    asked: Question,
    part_evidence: Evidence,
    part: Judgement,
    whole: Evidence,
    judged: Judgement,
    ignored: frozenset[str],
    equivalents: Mapping[str, tuple[str, ...]] | None,
) -> bool:
    """A part a clause answers on its own terms, having at least `GAP_COVERAGE` of its specific words, where what the
    whole lacks is not the part's to ask ("…the zone offer leasing, or leasing first and buying later? And what is the
    current land price per mu?": the price is the other ask's; "…有没有什么简化做法?…医疗器械注册证省药监局一般要审
    多久?": the registration is the other ask's). The clause may be of an article outside the two the whole retrieves
    best, with `FAR_GAP_COVERAGE` of the words: an e-mail's asks are each of their own, and the whole retrieves what
    its scene and other asks are about ("第三代半导体是不是重点培育的产业？…设备有没有补贴？": article 12 answers,
    the whole retrieves article 16 on partner parks)."""
    lead, missing = part.lead, judged.missing
    if part.outcome.fallback or lead is None or whole.top is None or missing is None:
        return False
    if judged.rule not in _OTHER_PART_RULES and judged.rule not in _ELSEWHERE_RULES:
        return False
    # (a clause outside the two articles the whole retrieves best must have more of the part's words, of a part
    # naming at least `_FAR_WORDS`: one word of two is no match)
    near = lead.article in {c.article for c in whole.candidates if c.rank < _NEAR_ARTICLES}
    if not near and len(part_evidence.specific - ignored) < _FAR_WORDS:
        return False
    coverage = _gap_coverage(asked.lang, near, lead.key == whole.top.key)
    if missing.kind == "specific":
        elsewhere = not any(s.id == missing.what for s in asked.specifics)
    elif missing.kind == "figure":
        elsewhere = missing.what not in {k.name for k in asked.figures} and not asked.named_unstated
    elif missing.kind == "promise":  # "…Is private investment in park development encouraged? And would the
        elsewhere = not asked.intent.promise  # government guarantee a minimum return?": the guarantee is the other's
    elif missing.kind == "current_state":  # "…leasing first? And what is the typical price per mu right now?"
        elsewhere = not asked.intent.current_state
    elif missing.kind == "measure":  # "Does the zone support HQ projects? … would an HQ qualify for a subsidy?"
        elsewhere = not (asked.access or asked.procedure)
    elif missing.kind == "contact":  # "What is the zone doing on living conditions? Is there an English-speaking
        elsewhere = not (asked.intent.contact or asked.intent.other_contact)  # hospital nearby?"
    else:
        elsewhere = missing.kind == "benefit" and not (asked.benefit or asked.benefit_asked)
    # (the share of its words last: the checks before it cost nothing)
    return elsewhere and _share_covered(asked, part_evidence, lead, ignored, equivalents) >= coverage


def _gap_coverage(lang: str, near: bool, same_clause: bool) -> float:
    """The share of a part's words its clause must have (see `_gap_elsewhere`): less when the part alone retrieves the
    very clause the whole does best, more for a clause outside the whole's best articles."""
    if same_clause:
        return SAME_CLAUSE_GAP_COVERAGE[lang]
    return GAP_COVERAGE[lang] if near else FAR_GAP_COVERAGE


#: besides those, what a long message's whole may lack that another of its asks asks: a promise, how things stand
#: now, how to get what a clause only provides, a contact the policy does not give
_ELSEWHERE_RULES = frozenset({"promise", "current_state", "measure_only", "other_contact"})

#: a part referring back to the case the message told ("这种情况…", "in that case …")
_REFERS_BACK = re.compile(
    r"这种情况|这个情况|此种情况|该情况|这种|这样的话|这样|上述|\bin (this|that|such a|which) case\b|\bthis situation\b"
    r"|\bthat situation\b|\bin this scenario\b"
)

#: a part may be answered by a clause of this many of the whole's best articles
_NEAR_ARTICLES = 2

#: the share of a part's specific words its clause must have for the part to be answered on its own terms
PART_COVERAGE = 0.75

#: … or, in a long message whose other asks hold what the whole lacks, this share (see `_gap_elsewhere`)
#: (English asks hold fewer specific words: the policy's common ones, "provincial", "zone", "support", are none)
GAP_COVERAGE = {"zh": 0.35, "en": 0.25}

#: … or this share, when the part alone retrieves the very clause the whole retrieves best ("…容积率会提高,土地用途不变
#: …。请问这种情况要不要再交土地出让金?另外…大概多长时间?": its words refer back to the case the message told)
SAME_CLAUSE_GAP_COVERAGE = {"zh": 0.3, "en": 0.25}

#: … or this share, for a clause of an article outside the whole's best two (an e-mail's ask of its own)
FAR_GAP_COVERAGE = 0.5
_FAR_WORDS = 3

#: … or the share of all its words, when the clause has nearly all of what it asks about (after its asking words)
PART_FOCUS_COVERAGE = 0.4


def _covered(
    asked: Question,
    part_evidence: Evidence,
    part: Judgement,
    whole: Evidence,
    ignored: frozenset[str] = frozenset(),
    asking_words: re.Pattern[str] | None = None,
    equivalents: Mapping[str, tuple[str, ...]] | None = None,
    whole_rule: str = "",
) -> bool:
    """A part that asks yes or no, or for a figure, answered by the very clause the whole question is about, which
    has nearly all its specific words ("量子计算算不算政策里说的前瞻性产业?区块链初创公司入驻能免房租吗?": the
    first part is the clause's own list; "有没有人才贷?" names a loan the clause on talent finance does not); or
    nearly all the words of what it asks about (after its asking words) and some of the rest, which only set the
    scene ("我们厂想在自己的工业用地上加盖一栋生产车间,这种情况要不要补交土地价款?": the clause is on land price,
    not on workshops; "排名进位奖励要园区自己申报吗?" asks of applying, which the clause on the reward does not
    state)."""
    lead = part.lead
    # (not a part putting up for confirmation a figure the policy nowhere states: "… - is that 10% of the amount?";
    # not the asker's own age or revenue: "Our engineer is 62. Can his work permit still be processed?")
    put_up = _FIGURE_CONFIRMED.search(asked.normalized) and any(
        not f.startswith("age:") for f in asked.unheld & stated_figures(asked.given)
    )
    if lead is None or whole.top is None or part.outcome is not Outcome.ANSWERED or put_up:
        return False
    # … or by another clause of the best two articles, when the part's words are nearly all its own ("1)政策有没有
    # 说支持科技型企业去科创板上市?2)…贷款贴息比例是多少?": listing is the article's last clause, the whole's best
    # clause is on loans)
    # (not a figure; of the second article only a part asking which things its clause lists: "认定以后有没有奖励?"
    # is no question the ranking reward answers)
    same = lead.key == whole.top.key
    near = lead.article == whole.top.article or (
        _lists_asked(asked, lead) and lead.article in {c.article for c in whole.candidates if c.rank < _NEAR_ARTICLES}
    )
    if not (same or (near and part.rule != "figure")):
        return False
    # … or a part asking who does what a duty the clause states names its doer for ("申报由谁来提交材料?": "由所在县区
    # …按要求提交材料"; "Who submits the application materials?"), where the whole lacks what another part asks
    if part.rule == "answered" and not asked.intent.yes_no and _ASKS_WHO.search(asked.normalized):
        return same and whole_rule in _OTHER_PART_RULES and _names_doer(asked, part_evidence, lead, equivalents)
    # … or a part asking what or which, when the clause has nearly all its specific words and the whole lacks what
    # another part asks (`whole_rule`: "骨干企业牵头可以建哪些创新平台?另外建成后有一次性补助吗")
    # … not how to get or apply for it, its particular items, exact figures or money, nor who, where, when or how
    # something is reckoned: a clause that names a thing seldom says these of it
    # … money only where the clause states a sum for the party asked ("Reward for a provincial zone that climbs 3+
    # places? And when is it paid out?")
    wh_part = _wh_part(asked, part) and not (
        asked.access
        or asked.procedure
        or asked.counted
        or (asked.benefit and not _states_sum(asked, lead))
        or _WHO_WHERE_HOW.search(asked.normalized)
    )
    if wh_part and whole_rule not in _OTHER_PART_RULES:
        return False
    if not (wh_part or (part.rule == "answered" and asked.intent.yes_no and not asked.exact) or part.rule == "figure"):
        return False
    focused = asking_words if same and not wh_part else None
    return _words_covered(asked, part_evidence, lead, ignored, focused, equivalents)


def _share_covered(
    asked: Question,
    part_evidence: Evidence,
    lead: ClauseEvidence,
    ignored: frozenset[str],
    equivalents: Mapping[str, tuple[str, ...]] | None,
) -> float:
    """The share of the part's specific words the clause has; words only of the sentences that set the scene
    before it asks ("We're a Shenzhen AI company considering a regional HQ … . What kind of headquarters base does
    the zone support?") are none it asks, where the clause lacks them (where it has them, they count)."""
    scene = _scene_words(asked, part_evidence)
    share = part_evidence.covered(lead, ignored, equivalents)
    if scene:
        share = max(share, part_evidence.covered(lead, ignored | scene, equivalents))
    return share


def _words_covered(
    asked: Question,
    part_evidence: Evidence,
    lead: ClauseEvidence,
    ignored: frozenset[str],
    asking_words: re.Pattern[str] | None,
    equivalents: Mapping[str, tuple[str, ...]] | None,
) -> bool:
    """The clause has nearly all the part's specific words, or, given `asking_words`, nearly all of what it asks
    about (after its asking words) and some of the rest (see `_covered`)."""
    specific = part_evidence.specific
    share = _share_covered(asked, part_evidence, lead, ignored, equivalents)
    if asking_words is None:
        return share >= PART_COVERAGE

    def of_about(about: frozenset[str]) -> float:
        """The share of what it asks about that the clause has."""
        return part_evidence.covered(lead, ignored | (specific - about), equivalents)

    about = _named(specific, asked_about(asked.normalized, asking_words, words=specific))
    # … none of what it asks about after its asking words, where it names some ("工作许可年龄放宽到65岁,对工资有没有
    # 要求": 要求; "排名前进3位的奖励要园区自己申报吗": 申报), is no part the clause answers, though it has the rest
    if about - ignored and of_about(about) == 0:
        return False
    if share >= PART_COVERAGE:
        return True
    # "…science park. Is that supported?": the sentence before says what "that" is (not when the sentence that asks
    # names words of its own: "认定外籍高层次人才,对年薪有没有要求")
    if not about and not _named(specific, _asked_sentence(asked.normalized)):
        about = _named(specific, asked_about(asked.normalized, asking_words, 1, specific))
    return bool(about) and of_about(about) >= PART_COVERAGE and share >= PART_FOCUS_COVERAGE


def _names_doer(
    asked: Question,
    evidence: Evidence,
    clause: ClauseEvidence,
    equivalents: Mapping[str, tuple[str, ...]] | None = None,
) -> bool:
    """A duty the clause states has in its action the first of the question's specific words after its "who" (what
    is done: "由谁来提交材料", "材料由谁来报", "who submits …"), itself or an equivalent, and at least `_DOER_WORDS` of
    them all: the question asks who does it, the duty names who ("所在县区按要求提交材料"); not "Who publishes the
    list …?" of a duty to set up a list system."""
    found = _ASKS_WHO.search(asked.normalized)
    if found is None:
        return False
    after = asked.normalized[found.end() :]
    placed = [(_position(after, w), w) for w in evidence.specific]
    words = [w for at, w in sorted(placed) if at >= 0 and not w.isdigit()]
    if not words:
        return False
    for s in clause.stated:
        if s.kind == "obligation":
            action = normalize(f"{s.statement.action_zh} {s.statement.action_en}")
            action_words = words_of(action)
            named = [w for w in evidence.specific if written_as(w, action, action_words, equivalents)]
            if written_as(words[0], action, action_words, equivalents) and len(named) >= _DOER_WORDS:
                return True
    return False


def _position(text: str, word: str) -> int:
    """Where in `text` a Chinese word, or an English word beginning with the stem `word`, first is (-1: nowhere)."""
    if HAN.match(word):
        return text.find(word)
    found = re.search(rf"\b{re.escape(word)}", text)
    return found.start() if found else -1


#: a figure put up to be confirmed ("is that 10% of the amount", "是不是按10%")
_FIGURE_CONFIRMED = re.compile(r"\b(is|was) (that|it|this)\b|是不是|就是|对吗|对吧|没错吧|\bright\b|\bcorrect\b")
#: a question for who does something
_ASKS_WHO = re.compile(r"谁|\bwho\b|\bwhich (department|body|authority|agency|office|government|level)\b")
#: … whose action words a duty names at least so many of
_DOER_WORDS = 2


def _scene_and_asking(asked: Question, back: int = 0) -> tuple[str, str]:
    """The question's sentences before the first that asks (a question mark, or a question word), and those from
    it on (with the `back` sentences before it); no scene when the first asks (or none does)."""
    sentences = [s for s in _SENTENCE_ENDS.split(asked.normalized) if s.strip()]
    first = max(next((i for i, s in enumerate(sentences) if _asks_text(s, asked.lang)), 0) - back, 0)
    return " ".join(sentences[:first]), " ".join(sentences[first:])


def _scene_words(asked: Question, evidence: Evidence) -> frozenset[str]:
    """The question's specific words the sentences from its first that asks (a question mark, a question word) on do
    not have: those of the scene it sets before. When the asking sentences name fewer than `_ASKED_WORDS`, the
    sentence just before says what they ask of ("…is having access to pilot-scale facilities. Does the zone provide
    anything like that?"), and the scene is what comes before that; none when that names too few as well
    ("…science park. Is that supported?": the scene says what is asked)."""
    for back in (0, 1):
        scene, rest = _scene_and_asking(asked, back)
        if not scene:
            return frozenset()
        rest_words = words_of(rest)
        own = {w for w in evidence.specific if written_in(w, rest, rest_words)}
        if len(own) >= _ASKED_WORDS:
            return evidence.specific - own  # the question's words are the scene's where not the rest's
    return frozenset()


def _asks_text(sentence: str, lang: str) -> bool:
    """A sentence written as a question: a question mark, or a question word."""
    if "?" in sentence:
        return True
    if lang == "en":  # (not a relative clause: "…our head of metrology, who is 63, to run the team")
        sentence = _RELATIVE.sub(",", sentence)
        return bool(_ASKS_EN.search(sentence) or _YES_NO_EN.match(sentence.strip()))
    return bool(_ASKS_ZH.search(sentence))


#: a relative clause's pronoun after a comma ("…, who is 63,", "…, which we export")
_RELATIVE = re.compile(r",\s*(?:who|whom|whose|which|where)\b", re.I)
#: where a sentence ends (not a comma: "对于研发中心,有没有补贴?" asks of what its first clause names)
_SENTENCE_ENDS = re.compile(r"(?<=[。!;])|(?<=[.?])\s+")
#: an English sentence opening as a yes/no question
_YES_NO_EN = re.compile(
    r"^(is|are|am|was|were|do|does|did|can|could|will|would|should|may|must|have|has)\b"
    r"(?!\s+(?:like|love|appreciate|welcome|be grateful)\b)"  # "(…and) would like to second our head of …"
)
#: a Chinese question word
_ASKS_ZH = re.compile(
    r"吗|呢|什么|多少|几|哪|谁|怎|如何|是否|能否|可否|有没有|能不能|是不是|可不可以|要不要|请问|想问|想了解|想咨询|请教|麻烦告知"
)
#: at least this many specific words of its own make the sentences that ask a question without the scene
_ASKED_WORDS = 2


def _granted_money(asked: Question, stated: Stated) -> bool:
    """Money the statement gives a party other than the one the question asks for (a zone's target is no money:
    "高企占比的目标是多少?这个目标对我们企业申报高企认定有没有名额上的照顾?")."""
    return stated.gives_money and granted_to_other(asked, stated)


def _states_sum(asked: Question, clause: ClauseEvidence) -> bool:
    """The clause states a sum of money for the party the question asks about."""
    return any(s.kind == "amount" and not granted_to_other(asked, s) for s in clause.stated)


def _wh_part(asked: Question, part: Judgement) -> bool:
    """A part answered on its own that asks what or which (not yes or no, nor particular items or exact figures)."""
    return part.rule == "answered" and not (asked.intent.yes_no or asked.particulars or asked.exact)


#: a question for a person, a body, a place, a time, the way something is reckoned or sized, a list of items,
#: what one gets or how one gets it, or a limit
_WHO_WHERE_HOW = re.compile(
    r"\b(who|whom|whose|where|when|calculat\w*|comput\w*|scor\w*|how (big|large|much|many)|list|get (you|us|me))\b"
    r"|\bhow (can|do|could|does) (we|i|one|they|he|she) (get|obtain)\b|\bhow to (get|obtain)\b"
    r"|谁|哪里|哪儿|在哪|哪个|哪家|哪一级|什么时候|何时|几时|多久|地址|认定|计算|怎么算|怎么排|多大|多少|列出|列举"
    r"|(怎样|怎么|如何)才能|(怎样|怎么|如何)(拿到|取得|获得)|上限|下限|最高|最低|\bmaxim\w*|\bminim\w*"
)


def asked_about(text: str, asking_words: re.Pattern[str], back: int = 0, words: frozenset[str] = frozenset()) -> str:
    """What a question asks about: its last sentence's words after the last of its asking words, up to a closing
    particle ("…,这种情况要不要补交土地价款?" → "补交土地价款"; "If the ratio goes up, do we pay more land price?" →
    "pay more land price"); the whole sentence when it has none; with `back`, of the sentence so many before; not an
    asking word that begins one of the question's `words` ("有没有要求": 要 of 要求)."""
    sentence = _asked_sentence(text, back)
    found = [
        m
        for m in asking_words.finditer(sentence)
        if not any(len(w) > len(m.group()) and sentence.startswith(w, m.start()) for w in words)
    ]
    return sentence[found[-1].end() :].strip() if found else sentence


def _asked_sentence(text: str, back: int = 0) -> str:
    """A question's last sentence (not one only asking whether the one before is so), or, with `back`, the sentence so
    many before."""
    sentences = [s.strip() for s in _SENTENCES.split(_CLOSING.sub("", text.strip())) if s.strip()]
    if len(sentences) > 1 and _CONFIRMING.match(sentences[-1]):  # "…建科创中心,是真的吗?": the one before is asked
        sentences.pop()
    return sentences[-1 - back] if len(sentences) > back else ""


def _named(words: frozenset[str], text: str) -> frozenset[str]:
    """Those of `words` written in `text`."""
    text_words = words_of(text)
    return frozenset(w for w in words if written_in(w, text, text_words))


_CLOSING = re.compile(r"[吗吧呢么嘛]?\s*[?？]?\s*$")
#: a sentence that only asks whether the one before is so ("是真的吗", "对吧", "is that right")
_CONFIRMING = re.compile(
    r"^(是不是|是|这|那)?(真的|对的|对|这样|这样的|没错|准确)?(吗|吧)?$"
    r"|^(is (that|this|it) (true|right|correct|so)|right|true|correct)$",
    re.IGNORECASE,
)
_SENTENCES = re.compile(r"[,，;；。]|[.:!?](?=\s)")


def _figure_grounded(
    lead: ClauseEvidence, top: ClauseEvidence, part: Judgement, whole: Evidence, judged: Judgement, whole_q: Question
) -> bool:
    """A part's figure answers: in the article the whole is about (`top`, its best clause), or, when the whole asked
    for a figure its best article does not hold, in one of its best three."""
    if judged.rule == "figure_absent":
        # …and about the kind of party the whole question is about: "人才创业项目…比例是多少？最高能奖多少钱？"
        # is no question about the zones' reward its second part finds alone
        parties = {s.party for s in top.stated if s.party}
        party = part.statement.party if part.statement is not None else ""
        same_party = lead.article == top.article or not parties or not party or party in parties
        # …and of the kind of figure the whole asks: "今年专项资金一共多少亿?国家和省级各分多少" asks money, no share
        wanted = {k.statement for k in statement_kinds(whole_q)} - {"any", "value"}
        if wanted and part.statement is not None and part.statement.kind not in wanted:
            return False
        # …and naming something its clause has ("…大赛外国团队能参加吗,一等奖奖金多少": no zone's reward is a prize)
        return same_party and bool(lead.shared) and lead.article in {c.article for c in whole.candidates if c.rank < 3}
    return lead.article == top.article


def _lists_asked(asked: Question, clause: ClauseEvidence) -> bool:
    """A "which …?" question the clause lists the members of: its words name what the list is of ("有哪些供地方式?"
    against "…等供应方式", "Which leading industries …?" against "…industries such as")."""
    if not asked.listing:
        return False
    if lists_named(asked, clause) or any(_enumerates(clause.text, w) for w in asked.listing):
        return True
    for s in clause.stated:
        if s.kind == "list":
            kind = s.category.split("等")[-1]  # "推行产业用地灵活选择 等供应方式 such as": 供应方式 such as
            if any(a + b in asked.normalized for a, b in pairwise(kind) if HAN.match(a) and HAN.match(b)):
                return True
    return False


def _enumerates(text: str, word: str) -> bool:
    """The clause's text names members of what `word` names, in a list of its own ("发行双创孵化债、小微企业债等债券",
    "…incubation bonds, small and micro enterprise bonds and other bonds")."""
    if HAN.match(word):
        return re.search(r"、[^,，。;；]{1,20}等" + re.escape(word), text) is not None
    # (a few words may come between: "supply methods for industrial land, such as …")
    listed = rf"\band other {re.escape(word)}|\b{re.escape(word)}\w*(?: [\w-]+){{0,4}},? such as\b"
    return re.search(listed, text) is not None


def _names_item(asked: Question, clause: ClauseEvidence) -> bool:
    """The question names one of the items a list the clause states ("长期租赁、租让结合、先租后让…")."""
    for s in clause.stated:
        if s.kind == "list":
            items = s.statement.action_zh.split("、") + s.statement.action_en.lower().split(", ")
            if any(len(item) >= 3 and item in asked.normalized for item in items):
                return True
    return False


#: a yes/no part that asks what the policy itself says or does ("政策里有没有提到…", "Does the policy support …"); a
#: yes/no part about the world ("有没有现成的标准厂房可以租？") is no question a clause answers on its own
_OF_THE_POLICY = re.compile(r"政策|文件|\bpolicy\b|\bpolicies\b")

#: what the whole lacks that another part asks: a figure, a benefit (for the asker's own party too) or a specific
#: ("…? How much is the rent?"; "Which industries …? Also, how much cash subsidy would we get?")
_OTHER_PART_RULES = frozenset({"never_stated", "benefit", "specific", "figure_absent", "party"})

#: … and what a whole may lack besides, beside a part asking what the policy provides: how things stand now, money
#: for what the clause only supports
_WH_PART_RULES = _OTHER_PART_RULES | {"current_state", "measure_only"}

#: the rules that judge the asker's own case (their age, subject, condition, party, place, business, employer),
#: a year the whole asks about that holds for every part ("有没有2030年的目标？比如R&D占比到时候要多少？"), or the
#: thing the whole asks how to use: its parts ask of that thing ("Talent apartments: how do we apply, and how long
#: can we stay?" asks the apartment's stay, not the R visa's 180 days)
_WHOLE_RULES = frozenset(
    {"beyond_limit", "excluded", "unmet", "party", "outside", "other_business", "employer", "other_year"}
    | {"measure_only"}
)


#: of those, the rules on a case one part may state alone (a condition lacking or changed, an age); who the asker is,
#: where, and what the whole asks how to use hold for every part
_PART_CASE_RULES = frozenset({"beyond_limit", "excluded", "unmet"})


def _asks(part: Question, cues: Cues) -> bool:
    """The part asks something (not only sets the scene: "我们是一家新材料企业。", "我是英国人，61岁，在…上班。":
    a figure it gives of itself is no question)."""
    intent = part.intent
    return _asks_figure(part) or intent.responsible or intent.contact or _marked(part, cues)


def _asks_figure_part(part: tuple[Question, Evidence, Judgement]) -> bool:
    """A judged part that asks a figure, or is answered with one."""
    return part[2].rule == "figure" or _asks_figure(part[0])


def _asks_figure(part: Question) -> bool:
    """The part asks a kind of figure it does not give itself ("61岁" gives an age, it asks none; "When is the RMB 1
    million … paid" asks a date); a figure of the policy's it quotes before it asks is none it gives ("The policy
    says … an R visa for up to 10 years. How long can each stay be?" asks a duration)."""
    asking = stated_figures(_scene_and_asking(part)[1])
    given = {f.split(":")[0] for f in part.stated if f in part.unheld or f in asking}
    if gives_age(part.normalized):  # "首批派驻三名工程师，年龄都在四十岁左右": an age in words is one given too
        given.add("age")
    return any(kind.name not in given for kind in part.figures)


_CONTACTS = frozenset({"contact", "other_contact"})
#: a number asked that names the investment hotline itself
_HOTLINE_NAMED = re.compile(r"招商|热线|\bhotline\b|\binvestment\b")


def _beside_contact(
    whole: Judgement, parts: Sequence[tuple[Question, Evidence, Judgement]], grounded: Sequence[object]
) -> tuple[Question, Evidence, Judgement] | None:
    """The part answering a message whose whole asks the hotline or an address ("1.生命健康是不是主导方向 2.招商电话是
    多少?"; "…是哪些部门负责落实的?另外外国专家局在哪里办公?"): any part answered beside the hotline; beside an address,
    one asking the responsible units or answered on its own terms (`grounded`: "Where is the one-stop talent service
    centre?" is no question the clause naming the service answers)."""
    if whole.rule not in _CONTACTS:
        return None
    return next(
        (
            p
            for p in parts
            if p[2].outcome is Outcome.ANSWERED
            and p[2].rule not in _CONTACTS
            and (whole.rule == "contact" or p[2].rule == "responsible" or any(p is g for g in grounded))
        ),
        None,
    )


def _corrected_part(
    parts: Sequence[tuple[Question, Evidence, Judgement]], whole: Evidence
) -> tuple[Question, Evidence, Judgement] | None:
    """A part whose premise the article the whole question is about contradicts."""
    top = whole.top
    return next(
        (
            p
            for p in parts
            if p[2].outcome is Outcome.CORRECTED
            and p[2].lead is not None
            and top is not None
            and p[2].lead.article == top.article
        ),
        None,
    )


def _year_answered(parts: Sequence[tuple[Question, Evidence, Judgement]], years: frozenset[str]) -> bool:
    """Every year the whole names (`years`) is named by a part answered for it, and no part is judged for a year the
    policy sets nothing for ("…到2030年呢?" is a follow-up no part holds: its year stays the whole's)."""
    answered = {year for p in parts if p[2].outcome is Outcome.ANSWERED for year in p[0].years}
    return bool(years) and years <= answered and not any(p[2].rule == "other_year" for p in parts)


def _outside_the_case(part: Question, judged: Judgement, whole: Judgement, evidence: Evidence) -> bool:
    """The whole's case (`whole.rule`) does not hold for this part: the asker's own party asking money holds only for
    a part asking money; what the whole asks how to use holds for no yes/no part asking of its very clause."""
    if whole.rule == "party":
        return not (part.benefit or any(kind.name == "money" for kind in part.figures))
    if whole.rule == "measure_only":
        top = evidence.top
        same = judged.lead is not None and top is not None and judged.lead.key == top.key
        return same and part.intent.yes_no and not (part.access or part.procedure)
    return False


def _marked(part: Question, cues: Cues) -> bool:
    """The part is written as a question: yes or no, a question mark or a question word ("前期投入很大,老板不想一次性
    把土地款全压进去" names a payment but asks nothing)."""
    if part.intent.yes_no or "?" in part.normalized:
        return True
    if part.lang == "en":
        return bool(_ASKS_EN.search(part.normalized)) or cues.question_markers_en.found(
            part.normalized, words_of(part.normalized)
        )
    return any(marker in part.normalized for marker in cues.question_markers_zh)
