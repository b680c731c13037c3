"""The policy corpus: raw Chinese text, English translation, glossary."""

from bot.corpus.glossary import Glossary, Term
from bot.corpus.loader import load_corpus
from bot.corpus.model import Article, Clause, Corpus, Document, Section

__all__ = ["Article", "Clause", "Corpus", "Document", "Glossary", "Section", "Term", "load_corpus"]
