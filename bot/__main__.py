"""Command line: python -m bot corpus|index|search|ask|explain|db."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.errors import BotError, InvalidQuestion
from bot.questions import jsonl_objects


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = Settings.from_env()
        return int(args.run(settings, args) or 0)
    except BotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # piped into head
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="command")

    corpus = commands.add_parser("corpus", help="print the corpus (table of contents, or --json)")
    corpus.add_argument("--json", action="store_true", help="a JSON list of articles")
    corpus.set_defaults(run=_corpus)

    index = commands.add_parser("index", help="build the vector index if it is missing or stale")
    index.add_argument("--rebuild", action="store_true", help="rebuild even if it is current")
    index.set_defaults(run=_index)

    for name, run, help_text in (
        ("search", _search, "ranked articles for a question"),
        ("ask", _ask, "answer a question"),
    ):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("question", nargs="?", help="the question (or use --file)")
        sub.add_argument("--file", type=Path, help="a JSONL file of {id, question, …}; one JSON line out per line")
        sub.add_argument("--json", action="store_true", help="print JSON")
        sub.add_argument("--lang", choices=["zh", "en"], help="answer language (default: the question's)")
        sub.set_defaults(run=run)
        if name == "ask":
            sub.add_argument("--no-corrections", action="store_true", help="leave the staff corrections out")
    explain = commands.add_parser("explain", help="how a question is read, retrieved and judged")
    explain.add_argument("question", help="the question")
    explain.add_argument("--json", action="store_true", help="print JSON")
    explain.add_argument("--lang", choices=["zh", "en"], help="the question's language (default: detected)")
    explain.set_defaults(run=_explain)

    fixes = commands.add_parser("corrections", help="staff corrections: list, export, import, remove")
    fixes.add_argument("action", choices=["list", "export", "import", "remove"])
    fixes.add_argument("target", nargs="?", help="export/import: a JSONL file (export: default stdout); remove: the id")
    fixes.add_argument("--author", default="", help="import/remove: who does it (default: staff)")
    fixes.set_defaults(run=_corrections)

    db = commands.add_parser("db", help="the conversation database: check, purge, backup")
    actions = db.add_subparsers(required=True, metavar="action")
    check = actions.add_parser("check", help="quick_check the database (a damaged one is moved aside)")
    check.set_defaults(run=_db_check)
    purge = actions.add_parser("purge", help="delete conversations older than the retention period")
    purge.add_argument("--days", type=int, help="days to keep (default: BOT_RETENTION_DAYS)")
    purge.set_defaults(run=_db_purge)
    backup = actions.add_parser("backup", help="a consistent copy of the SQLite database, safe while it is in use")
    backup.add_argument("destination", type=Path, help="the new file")
    backup.set_defaults(run=_db_backup)
    return parser


def _corpus(settings: Settings, args: argparse.Namespace) -> None:
    from bot.corpus import load_corpus

    corpus = load_corpus(settings.corpus_dir)
    if args.json:
        print(json.dumps([a.to_dict() for a in corpus.articles()], ensure_ascii=False, indent=1))
        return
    for document in corpus.documents:
        print(f"{document.title_zh}\n{document.title_en}\n{document.date} · hotline {document.hotline} · {document.id}")
        for section in document.sections:
            print(f"\n{section.number}. {section.title_zh} / {section.title_en}")
            for article in (a for a in document.articles if a.section == section.number):
                print(f"  {article.number:>2}. {article.title_zh} / {article.title_en}")
                if article.departments_en:
                    print(f"      responsible: {', '.join(article.departments_zh)}")


def _index(settings: Settings, args: argparse.Namespace) -> None:
    from bot.corpus import load_corpus
    from bot.embed import make_embedder
    from bot.store.chroma_store import VectorIndex

    corpus = load_corpus(settings.corpus_dir)
    index = VectorIndex(settings, make_embedder(settings.embedder), corpus, progress=True)
    started = time.perf_counter()
    if args.rebuild:
        index.rebuild()
        built = True
    else:
        built = index.ensure()
    state = "built" if built else "up to date"
    print(f"index {state} at {index.location} ({time.perf_counter() - started:.1f} s)")


def _questions(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    """The questions to run: one from the command line, or one per line of --file.

    A line that is not a JSON object with a string "question" yields an item with an "error".
    """
    if args.file is None:
        if args.question is None:
            raise InvalidQuestion("give a question or --file")
        yield {"id": 1, "question": args.question, "history": None}
        return
    try:
        raw = args.file.read_bytes()
    except OSError as exc:
        raise InvalidQuestion(f"cannot read {args.file}: {exc.strerror or exc}") from exc
    for number, row in jsonl_objects(raw.decode("utf-8", errors="replace").splitlines()):
        yield _item(number, row)


def _item(number: int, row: dict[str, Any] | ValueError) -> dict[str, Any]:
    if isinstance(row, json.JSONDecodeError):
        return {"id": number, "error": f"line {number} is not JSON: {row.msg}"}
    if isinstance(row, ValueError) or not isinstance(row.get("question"), str):
        return {"id": number, "error": f"line {number} needs a JSON object with a string 'question'"}
    history = row.get("history")
    item_id = row.get("id", number)
    return {
        "id": item_id if isinstance(item_id, str | int) else number,
        # lone surrogates (from \udcxx escapes) cannot be printed; they become "?"
        "question": row["question"].encode("utf-8", "replace").decode("utf-8"),
        "history": history if isinstance(history, list) else None,
    }


def _report_error(item: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print(json.dumps({"id": item["id"], "error": item["error"]}, ensure_ascii=False))
    else:
        print(f"error: {item['error']}", file=sys.stderr)


def _search(settings: Settings, args: argparse.Namespace) -> None:
    from bot.assistant import Bot
    from bot.language import detect_language

    bot = Bot(settings, progress=not args.json)
    for item in _questions(args):
        if "error" in item:
            _report_error(item, args.json)
            continue
        started = time.perf_counter()
        result = bot.search(item["question"])
        latency = (time.perf_counter() - started) * 1000
        lang = detect_language(item["question"])
        if args.json:
            clauses = [
                {"article": hit.article, "clause": c.clause, "score": round(c.score, 4)}
                for hit in result.articles[:5]
                for c in hit.clauses[:2]
            ]
            row = {"id": item["id"], "question": item["question"], "lang": lang, "retrieved": result.numbers}
            print(json.dumps(row | {"clauses": clauses, "latency_ms": round(latency, 2)}, ensure_ascii=False))
            continue
        print(f"{item['question']}  [{lang}, {latency:.1f} ms]")
        for rank, hit in enumerate(result.articles[:5], start=1):
            article = bot.corpus.article(hit.doc, hit.article)
            print(f"  {rank}. {article.label(lang)}  ({hit.score:.3f})")
            for c in hit.clauses[:2]:
                clause = article.clause(c.clause)
                print(f"       [{c.clause}] {(clause.zh if lang == 'zh' else clause.en)[:100]}")


def _ask(settings: Settings, args: argparse.Namespace) -> None:
    from bot.assistant import Bot
    from bot.corrections.store import open_existing

    bot = Bot(settings, progress=not args.json)
    if not args.no_corrections and (store := open_existing(settings.database_url)) is not None:
        bot.use_corrections(store)
    for item in _questions(args):
        if "error" in item:
            _report_error(item, args.json)
            continue
        started = time.perf_counter()
        answer = bot.ask(item["question"], history=item["history"], lang=args.lang)
        latency = (time.perf_counter() - started) * 1000
        if args.json:
            out = {"id": item["id"], "question": item["question"]} | answer.to_dict()
            print(json.dumps(out | {"latency_ms": round(latency, 2)}, ensure_ascii=False))
        else:
            print(answer.text)
            print()


def _corrections(settings: Settings, args: argparse.Namespace) -> int:
    from bot.corrections.desk import exported
    from bot.corrections.store import CorrectionStore

    store = CorrectionStore(settings.database_url)
    if args.action == "list":
        for c in store.all():
            where = f"article {c.draft.article}" + (f".{c.draft.clause}" if c.draft.clause else "")
            print(f"{c.id}\t{c.draft.action}\t{where if c.draft.article else '-'}\t{c.updated_by}\t{c.draft.question}")
    elif args.action == "remove":
        if not (args.target or "").isdigit():
            raise BotError("remove needs the id of the correction (python -m bot corrections list)")
        store.remove(int(args.target), args.author)
        print(f"removed correction {args.target}")
    elif args.action == "export" and args.target:
        Path(args.target).write_text(exported(store), encoding="utf-8")
    elif args.action == "export":
        print(exported(store), end="")
    else:
        from bot.assistant import Bot
        from bot.corrections.desk import CorrectionDesk

        if not args.target:
            raise BotError("import needs the JSONL file to read")
        text = Path(args.target).read_text(encoding="utf-8")
        counts = CorrectionDesk(Bot(settings), store, settings.max_question_chars).import_(text, args.author)
        print(f"imported: {counts['created']} created, {counts['updated']} updated")
    return 0


def _db_check(settings: Settings, args: argparse.Namespace) -> int:
    from bot.web import upkeep

    url = settings.database_url
    aside = upkeep.heal(url)
    print(f"damaged: moved to {aside}" if aside else f"ok: {url}")
    return 1 if aside else 0


def _db_purge(settings: Settings, args: argparse.Namespace) -> int:
    from bot.web.store import ConversationStore

    days = settings.retention_days if args.days is None else args.days
    if days <= 0:
        raise InvalidQuestion("give --days N (at least 1) or set BOT_RETENTION_DAYS")
    store = ConversationStore(settings.database_url)
    try:
        print(f"purged {store.purge(days)} turns older than {days} days")
    finally:
        store.close()
    return 0


def _db_backup(settings: Settings, args: argparse.Namespace) -> int:
    from bot.web import upkeep

    try:
        print(f"copied to {upkeep.backup(settings.database_url, args.destination)}")
    except (ValueError, FileExistsError) as exc:
        raise InvalidQuestion(str(exc)) from exc
    return 0


def _explain(settings: Settings, args: argparse.Namespace) -> None:
    from bot.assistant import Bot

    bot = Bot(settings, progress=not args.json)
    report = bot.explain(args.question, lang=args.lang)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
        return
    reading, judgement = report["reading"], report["judgement"]
    print(f"question: {args.question}")
    print("reading:")
    for key, value in reading.items():
        if value not in ((), [], "", False, None) or key == "asks":
            print(f"  {key}: {value}")
    print("top clauses (fused score; channels):")
    for row in report["clauses"]:
        channels = "  ".join(f"{name} {value:.3f}" for name, value in row["channels"].items())
        print(f"  {row['article']:>2}.{row['clause']:<2} {row['score']:.3f}  {channels}")
        lang = reading["lang"]
        for statement in row["statements"]:
            value = f" = {statement['value'][lang]}" if "value" in statement else ""
            print(f"         · {statement['kind']}{value} for {statement['subject']}: {statement['action'][lang]}")
    if report.get("vote"):
        vote = report["vote"]
        print(
            f"nearest labelled questions the policy does not answer: {vote['near']:.0%} of the nearest 5, "
            f"{vote['wide']:.0%} of the nearest 20 (at 80% of the 5 they decline an answer no rule doubted)"
        )
    print("judgement:")
    print(f"  outcome: {judgement['outcome']}  (rule: {judgement['rule']})")
    print(f"  checked before it: {', '.join(judgement['checked']) or '-'}")
    for key in ("lead", "statement", "missing", "yes"):
        if key in judgement:
            print(f"  {key}: {judgement[key]}")


if __name__ == "__main__":
    sys.exit(main())
