"""What the judge works on and decides: the evidence from retrieval, the statements as compared, the outcome."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from bot.answer.authorities import Authority
from bot.answer.cues import CueList
from bot.answer.question import Question
from bot.corpus.model import Statement
from bot.text import written_as

PERMISSIVE = frozenset({"permission", "support"})  # kinds of statement a "Yes —" may rest on
PROVIDERS = frozenset({"zone", "government"})  # parties that carry out measures for others
RULE_KINDS = frozenset({"age", "period", "amount"})  # figures that hold now: a limit, a validity, a reward
GRANTOR_PARTIES = frozenset({"zone", "government"})  # money stated for these is no money for a company or person
FIRST_TARGET_YEAR = "2024"  # years before it are the policy's own past (it dates from 2023), not targets
TARGET_KINDS = frozenset({"percentage", "count", "target_year", "goal"})  # what a zone is to reach, not where it is
# the kind of figure (as the cues name it) each kind of valued statement holds
FIGURE_OF = {"amount": "money", "percentage": "percent", "period": "duration", "age": "age", "count": "count"}
FIGURE_OF |= {"target_year": "date"}


class Outcome(StrEnum):
    """What the policy does for a question."""

    ANSWERED = "answered"  # it states what is asked, for whom it is asked
    CORRECTED = "corrected"  # the question's premise is contradicted: say what it states instead
    NOT_STATED = "not_stated"  # it touches the topic but does not state what is asked
    OUT_OF_SCOPE = "out_of_scope"  # nothing in it is about the question

    @property
    def fallback(self) -> bool:
        """True when the asker is handed to the hotline."""
        return self in (Outcome.NOT_STATED, Outcome.OUT_OF_SCOPE)


@dataclass(frozen=True, slots=True)
class Stated:
    """A statement as the judge compares it: with the qualifiers (national, provincial) its subject
    and condition name, its subject's party and its value read as figures ("money:1000000")."""

    statement: Statement
    qualifiers: frozenset[int] = frozenset()
    party: str = ""
    figures: frozenset[str] = frozenset()
    terms: frozenset[str] = frozenset()  # word grams of its subject and condition (what an asker may lack)
    years: frozenset[str] = frozenset()  # the years its value and condition name ("2025")
    occasions: frozenset[int] = frozenset()  # what a reward is for (newly recognised, moving up the ranking …)
    in_zones: bool = False  # its subject, action or condition names the high-tech zones
    negated: frozenset[str] = frozenset()  # word grams of what its condition says is not done ("not changing …")
    for_tech: bool = False  # it is for technology-based or high-tech enterprises (its subject, action or condition)
    for_enterprises: bool = False  # its subject or condition names enterprises ("working in zone enterprises")
    action_terms: frozenset[str] = frozenset()  # word grams of its action (what it permits or gives)
    institutions: tuple[str, ...] = ()  # the kinds of institution its action is for ("新型研发机构")
    kept: frozenset[str] = frozenset()  # word grams and words of what its condition keeps unchanged ("土地用途")
    subject_terms: frozenset[str] = frozenset()  # word grams of its subject's name ("境外高端人才 overseas …")
    becoming: bool = False  # its action is to become something ("争创省级以上高新区"): for those not yet it
    denied: frozenset[str] = frozenset()  # word grams of what its action says is not charged ("不再增收土地价款")
    alternatives: tuple[str, ...] = ()  # what tells apart the subjects its subject's name lists (高层次, 急需紧缺)
    authorities: frozenset[Authority] = frozenset()  # the bodies its condition and action name ("省级科技行政部门")
    subject_marks: frozenset[str] = frozenset()  # its subject's word grams but those all subjects share (人才)
    action_marks: frozenset[str] = frozenset()  # … and its action's ("完善人才公寓": 才公, 公寓 …)
    applies: bool = False  # its action is itself to apply for something ("申报建设自贸试验区联动创新发展区")
    category: str = ""  # of a list, the clause's words around it, which name what it lists ("…等战略性新兴产业")

    @property
    def kind(self) -> str:
        """The statement's kind."""
        return self.statement.kind

    @property
    def gives_money(self) -> bool:
        """The statement gives a sum or funds something."""
        return self.statement.kind == "amount" or self.statement.funding


@dataclass(frozen=True, slots=True)
class ClauseEvidence:
    """A retrieved clause: where it ranks, what it states, and which of the question's specific words it has."""

    doc: str
    article: int
    clause: int
    rank: int  # of its article in the ranking (0 = best)
    position: int  # of the clause within its article's retrieved clauses (0 = best)
    score: float
    stated: tuple[Stated, ...] = ()
    shared: frozenset[str] = frozenset()
    text: str = ""  # Chinese and English, normalized: what its words are matched in
    words: tuple[str, ...] = ()  # the English words of `text`, as cues are matched

    @property
    def key(self) -> tuple[str, int, int]:
        """(doc, article, clause)."""
        return (self.doc, self.article, self.clause)

    def mentions(self, cues: CueList) -> bool:
        """True when the clause's text has any of `cues` (Chinese as substrings, English as words)."""
        return cues.found(self.text, self.words)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What retrieval found, reduced to what the judge needs."""

    candidates: tuple[ClauseEvidence, ...]  # the best clauses of the best articles, best first
    dense_best: float = 0.0
    lexical_best: float = 0.0
    has_words: bool = True  # the question has lexical words of its own (not only digits)
    policy_terms: bool = False  # it names a policy term (glossary, not a department)
    topical_terms: bool = False  # it names a glossary term other than the place (连云港, 高新区 …)
    named_units: tuple[str, ...] = ()  # responsible units it names
    top_units: tuple[str, ...] = ()  # the responsible units of the best article
    article_scores: tuple[float, ...] = ()  # the fused score of each retrieved article, best first
    cited: bool = False  # the question cites an article by its number
    issued: str = ""  # the date the policy was issued ("2023-11-28")
    specific: frozenset[str] = frozenset()  # the question's specific words, of which a clause's `shared` are some
    # the glossary terms it names (not departments): each one's Chinese and English names, then every form of it,
    # lower-cased ("碳化硅" is written 第三代半导体 in the policy)
    terms: tuple[tuple[str, str, frozenset[str]], ...] = ()

    def covered(
        self,
        clause: ClauseEvidence,
        ignored: frozenset[str] = frozenset(),
        equivalents: Mapping[str, tuple[str, ...]] | None = None,
    ) -> float:
        """The share of the question's specific words, but `ignored` ones and numbers, that `clause` has: among its
        words, or written in it (a Chinese word inside a longer one, "容缺受理" of "容缺受理制"; an English stem
        beginning one of its words), itself or one of its `equivalents` ("purchas" → "transfer"). 1.0 when there
        are none."""
        words = [w for w in self.specific if w not in ignored and not w.isdigit()]
        if not words:
            return 1.0
        return sum(w in clause.shared or written_as(w, clause.text, clause.words, equivalents) for w in words) / len(
            words
        )

    @property
    def top(self) -> ClauseEvidence | None:
        """The best clause of the best article."""
        return self.candidates[0] if self.candidates else None

    def article_clauses(self, rank: int = 0) -> tuple[ClauseEvidence, ...]:
        """The retrieved clauses of the article at `rank`, best first."""
        return tuple(c for c in self.candidates if c.rank == rank)


@dataclass(frozen=True, slots=True)
class Thresholds:
    """Calibrated thresholds on retrieval evidence (eval/README.md has the calibration)."""

    dense_floor: float = 0.80  # best raw cosine below this …
    lexical_floor: float = 0.30  # … and best BM25 coverage below this: not in the policy
    dense_strong: float = 0.86  # a question sharing no word with the policy needs at least this cosine
    lexical_thin: float = 0.15  # a question naming no policy term whose words the policy hardly has (BM25
    dense_thin: float = 0.82  # coverage below this) needs at least this cosine ("can I sue my employer?")
    chit_chat_floor: float = 0.5
    chit_chat_max_chars: int = 50  # small talk is short: "您好，我们是…公司，…这些政策上支持吗？" asks
    topical_floor: float = 0.5  # a follow-up with this much lexical evidence has a topic of its own
    close_article: float = 0.92  # a second article this close to the first is cited too
    close_clause: float = 0.85  # further clauses of the first article this close are cited
    max_citations: int = 4
    # the labelled questions nearest a question (`bot.answer.exemplars`): a default answer is declined when at least
    # this share of the few nearest are questions the policy does not answer (measured in eval/README.md, session 49)
    exemplar_decline: float = 0.8


@dataclass(frozen=True, slots=True)
class Missing:
    """What the policy does not state: `kind` names the shape of the gap, `what` fills the sentence."""

    kind: str  # figure, subject, specific, benefit, party, party_support, contact, current_state, promise, claim, task,
    # topic, approver …
    what: str = ""  # a figure kind, a Specific id, a party …
    asked: str = ""  # for a subject gap: whom the question asks about


@dataclass(frozen=True, slots=True)
class Judgement:
    """The decision on one question and what it rests on."""

    outcome: Outcome
    rule: str
    lead: ClauseEvidence | None = None  # the clause the answer leads with
    statement: Stated | None = None  # the statement that answers (or the closest one, as context)
    missing: Missing | None = None
    yes: bool = False  # lead with "Yes —"
    trace: tuple[str, ...] = field(default=(), compare=False)  # the rules checked before the deciding one

    @property
    def fallback(self) -> bool:
        """True when the asker is handed to the hotline."""
        return self.outcome.fallback

    def to_dict(self) -> dict[str, object]:
        """What `python -m bot explain` prints of the judgement."""
        out: dict[str, object] = {"outcome": str(self.outcome), "rule": self.rule, "checked": list(self.trace)}
        if self.lead is not None:
            out["lead"] = {"article": self.lead.article, "clause": self.lead.clause}
        if self.statement is not None:
            out["statement"] = self.statement.statement.to_dict()
        if self.missing is not None:
            out["missing"] = {"kind": self.missing.kind, "what": self.missing.what, "asked": self.missing.asked}
        if self.yes:
            out["yes"] = True
        return out


Rule = Callable[[Question, Evidence, Thresholds], Judgement | None]
