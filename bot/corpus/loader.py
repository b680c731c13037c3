"""Load every document of corpus/ (raw Chinese + English translation) and the glossary."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from bot.corpus.glossary import Glossary
from bot.corpus.model import Corpus, Document, Subject
from bot.corpus.parser import PolicyParser, canonical
from bot.corpus.questions import attach_questions
from bot.corpus.statements import attach_statements
from bot.corpus.translation import Translation, read_yaml
from bot.errors import CorpusError

META_FILE = "meta.yaml"
GLOSSARY_FILE = "glossary.tsv"


def load_corpus(corpus_dir: Path) -> Corpus:
    """Read every `corpus_dir/*/meta.yaml` document and `corpus_dir/glossary.tsv`.

    Returns a Corpus whose fingerprint changes whenever any of those files changes.
    Raises CorpusError naming the document, article and clause on any inconsistency.
    """
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus_dir}")
    glossary = Glossary.load(corpus_dir / GLOSSARY_FILE)
    meta_files = sorted(corpus_dir.glob(f"*/{META_FILE}"))
    if not meta_files:
        raise CorpusError(f"{corpus_dir}: no documents (folders with a {META_FILE})")
    documents = tuple(load_document(meta, glossary) for meta in meta_files)
    ids = [d.id for d in documents]
    if len(set(ids)) != len(ids):
        raise CorpusError(f"{corpus_dir}: two documents share an id: {sorted(ids)}")
    return Corpus(documents, glossary, fingerprint(corpus_dir))


def load_document(meta_path: Path, glossary: Glossary) -> Document:
    """Read one document folder: meta.yaml, its source text and its translation."""
    meta = _meta(meta_path)
    folder = meta_path.parent
    source = folder / str(meta.get("text", "source.zh.txt"))
    if not source.exists():
        raise CorpusError(f"{folder.name}: source text {source.name} not found")
    doc_id = str(meta["id"])
    parsed = PolicyParser(doc_id).parse(source.read_text(encoding="utf-8"))
    translation = Translation.load(folder / str(meta.get("translation", "translation.en.yaml")))
    if translation.data.get("doc") not in (None, doc_id):
        raise CorpusError(f"{translation.source}: is for document {translation.data['doc']!r}, not {doc_id!r}")
    articles = translation.articles(parsed, glossary)
    questions = folder / str(meta.get("questions", "questions.yaml"))
    if questions.exists():
        articles = attach_questions(articles, questions, doc_id)
    elif "questions" in meta:
        raise CorpusError(f"{folder.name}: questions file {questions.name} not found")
    statements = folder / str(meta.get("statements", "statements.yaml"))
    subjects: tuple[Subject, ...] = ()
    if statements.exists():
        attached = attach_statements(articles, statements, doc_id)
        articles, subjects = attached.articles, attached.subjects
    elif "statements" in meta:
        raise CorpusError(f"{folder.name}: statements file {statements.name} not found")
    hotline = canonical(str(meta.get("hotline") or parsed.hotline))
    if parsed.hotline and meta.get("hotline") and canonical(parsed.hotline) != hotline:
        raise CorpusError(f"{doc_id}: hotline in meta.yaml ({hotline}) differs from the text ({parsed.hotline})")
    return Document(
        id=doc_id,
        title_zh=str(meta.get("title", "")),
        title_en=translation.title,
        date=str(meta.get("date", "")),
        source=str(meta.get("source", "")),
        hotline=hotline,
        sections=translation.sections(parsed.sections),
        articles=articles,
        subjects=subjects,
    )


def _meta(path: Path) -> dict[str, Any]:
    data = read_yaml(path, f"{path.parent.name}/{path.name}")
    if not isinstance(data, dict) or not data.get("id"):
        raise CorpusError(f"{path.parent.name}/{path.name}: needs at least an 'id'")
    return data


def fingerprint(corpus_dir: Path) -> str:
    """sha256 over the names and bytes of every file in the corpus folder."""
    digest = hashlib.sha256()
    for path in sorted(p for p in corpus_dir.rglob("*") if p.is_file()):
        content = path.read_bytes()
        digest.update(f"{path.relative_to(corpus_dir).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:16]
