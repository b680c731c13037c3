"""The assistant: corpus + index + retrieval + answering, wired from one Settings."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING, Any

from bot.answer.suggest import follow_ups
from bot.config import Settings
from bot.corpus import Corpus, load_corpus
from bot.embed import Embedder, make_embedder
from bot.embed.shared import SharedQueryEmbedder
from bot.retrieve.channels import channel_scores
from bot.retrieve.hybrid import HybridRetriever
from bot.retrieve.results import Retrieval
from bot.store.chroma_store import VectorIndex

if TYPE_CHECKING:
    import numpy as np

    from bot.answer.budget import Deadline
    from bot.answer.composer import Answerer
    from bot.answer.exemplars import Exemplars
    from bot.answer.model import Answer
    from bot.corrections.book import CorrectionBook
    from bot.corrections.store import CorrectionStore

#: Replies that never take a correction: the question could not be read at all.
_UNREAD = frozenset({"empty", "too_long", "junk", "unsupported_language"})

log = logging.getLogger(__name__)


class Bot:
    """Answers questions about the policies in the corpus.

    Parameters: `settings` (default: read from the environment), `embedder` (default: the one
    the settings name), `chat_model` (a LangChain chat model for optional synthesis; default: the
    one BOT_LLM names, none when off), `progress` (show a progress bar when the index has to be built).

    A Bot may be asked from many threads at once: the embedder is wrapped so that concurrent
    questions share model runs (and repeated ones reuse their vectors); the rest is read-only.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        embedder: Embedder | None = None,
        chat_model: object | None = None,
        progress: bool = False,
    ) -> None:
        self.settings = settings or Settings.from_env()
        self.chat_model = chat_model
        self.corpus: Corpus = load_corpus(self.settings.corpus_dir)
        embedder = embedder or make_embedder(self.settings.embedder)
        if not isinstance(embedder, SharedQueryEmbedder):
            embedder = SharedQueryEmbedder(embedder, self.settings.query_cache_size)
        self.embedder: SharedQueryEmbedder = embedder
        self.index = VectorIndex(self.settings, self.embedder, self.corpus, progress=progress)
        try:
            self.index.ensure()
        except Exception as exc:  # a Chroma server may be down at start-up; retrieval copes
            log.warning("vector index not available at start-up (%s); starting with lexical retrieval", exc)
        self.retriever = HybridRetriever(self.corpus, self.embedder, self.index)
        self.corrections: CorrectionBook | None = None

    def use_corrections(self, store: CorrectionStore, threshold: float | None = None) -> CorrectionBook:
        """Apply the staff corrections of `store` to every answer from now on (reloaded when they change)."""
        from bot.corrections.book import CorrectionBook

        self.corrections = CorrectionBook(store, self.question_vector, threshold or self.settings.correction_threshold)
        return self.corrections

    def question_vector(self, question: str) -> np.ndarray:
        """A question's vector as retrieval computes it (so a question embedded for retrieval is not embedded
        again when it is matched against the corrections)."""
        return self.retriever.question_vector(question)

    def search(self, question: str, top: int = 8) -> Retrieval:
        """Ranked articles for `question`, each with its best clauses."""
        return self.retriever.retrieve(question, top=top)

    @cached_property
    def answerer(self) -> Answerer:
        """The answer stage (built on first use: the CLI's search and corpus commands never need it)."""
        from bot.answer.composer import Answerer
        from bot.answer.llm import Synthesizer, make_chat_model

        model = self.chat_model if self.chat_model is not None else make_chat_model(self.settings)
        synthesizer = Synthesizer(model, self.corpus.hotline) if model is not None else None
        return Answerer(
            self.settings, self.corpus, self.retriever, synthesizer=synthesizer, exemplars=self._exemplars()
        )

    def _exemplars(self) -> Exemplars | None:
        """The labelled questions whose vote has the last word, when on and stored for this bot's embedder."""
        from bot.answer.exemplars import Exemplars

        if not self.settings.exemplars:
            return None
        exemplars = Exemplars.load()
        if exemplars is None:
            log.warning("no exemplars file: answering without the vote (python -m eval.exemplars build)")
        elif exemplars.embedder_id != self.embedder.id:
            log.warning(
                "exemplars are of %s, not of %s: answering without their vote", exemplars.embedder_id, self.embedder.id
            )
            return None
        return exemplars

    @contextmanager
    def leaving_out(self, *sets: str) -> Iterator[None]:
        """Within the block (in this thread or task only), the labelled questions of `sets` (eval set names:
        "holdout12") have no vote, so that a set is measured without its own questions."""
        from bot.answer.exemplars import LEFT_OUT

        token = LEFT_OUT.set(LEFT_OUT.get() | frozenset(sets))
        try:
            yield
        finally:
            LEFT_OUT.reset(token)

    def prepare(self) -> None:
        """Build every stage now (the answer stage and its chat model are otherwise built on first use), so
        that a bad setting stops a server's start-up instead of failing its first question."""
        _ = self.answerer

    def explain(self, question: str, lang: str | None = None) -> dict[str, Any]:
        """How `question` is read, which clauses retrieval found (with each channel's score) and how
        it is judged, as a JSON-ready dict (`python -m bot explain`)."""
        reading, retrieval, judgement = self.answerer.explain(question, lang)
        channels = self.retriever.channels(reading.search, read=False)
        slot_of = self.retriever.slots.index_of
        clauses = []
        for hit in retrieval.articles[:3]:
            article = self.corpus.article(hit.doc, hit.article)
            for clause_hit in hit.clauses[:3]:
                at = slot_of[(hit.doc, hit.article, clause_hit.clause)]
                clauses.append(
                    {
                        "article": hit.article,
                        "clause": clause_hit.clause,
                        "score": round(clause_hit.score, 4),
                        "channels": channel_scores(channels, at),
                        "statements": [s.to_dict() for s in article.clause(clause_hit.clause).statements],
                    }
                )
        vote = self.answerer.vote(retrieval)
        voted = {"vote": {"near": vote.near, "wide": vote.wide}} if vote is not None else {}
        return {"reading": reading.to_dict(), "clauses": clauses, **voted, "judgement": judgement.to_dict()}

    def ask(
        self,
        question: str,
        history: Sequence[object] | None = None,
        lang: str | None = None,
        deadline: Deadline | None = None,
        corrections: bool = True,
    ) -> Answer:
        """Answer `question` (with the conversation so far in `history`); returns an Answer.
        With a `deadline`, a question still being answered when it passes raises OverBudget. A staff
        correction for the question (or a close rewording of it) changes the answer unless `corrections`
        is false; a follow-up in a conversation is not matched against them on its own words."""
        answer = self.answerer.ask(question, history=history, lang=lang, deadline=deadline)
        if answer.reason in _UNREAD:
            return answer
        if corrections and self.corrections is not None and not (history and self.answerer.leans_on_earlier(question)):
            answer = self.corrections.correct(question, answer, self.corpus)
        return replace(answer, suggestions=follow_ups(answer.citations, self.corpus, answer.lang, question))
