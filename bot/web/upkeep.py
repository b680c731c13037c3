"""Keeping the conversation database well: checked (and healed) at start-up, purged after its
retention period, checkpointed at shutdown, and copied consistently while in use.

For SQLite (the default); other databases have their own tools, so these do nothing for them
beyond the purge, which is plain SQL.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

_SIDECARS = ("-wal", "-shm")


def sqlite_path(url: str) -> Path | None:
    """The file of an SQLite URL, or None (another database, or in memory)."""
    parsed = make_url(url)
    database = parsed.database or ""
    if parsed.get_backend_name() != "sqlite" or database in ("", ":memory:"):
        return None
    return Path(database).expanduser()


def quick_check(path: Path) -> str:
    """SQLite's `PRAGMA quick_check` of the file: "ok", or what is wrong."""
    try:
        connection = sqlite3.connect(path, timeout=10)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    found = "; ".join(str(row[0]) for row in rows[:5])
    return "ok" if found == "ok" else found or "no answer"


def heal(url: str, now: datetime | None = None) -> Path | None:
    """Check the SQLite database of `url`; when it is damaged, move it (and its WAL) aside so that a fresh
    one is started, logging both names. Returns where the damaged file went (None: nothing to do)."""
    path = sqlite_path(url)
    if path is None or not path.exists():
        return None
    verdict = quick_check(path)
    if verdict == "ok":
        return None
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%SZ")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", *_SIDECARS):
        source = Path(f"{path}{suffix}")
        if source.exists():
            source.rename(Path(f"{aside}{suffix}"))
    log.error("conversation database %s is damaged (%s); moved to %s, starting a fresh one", path, verdict, aside)
    return aside


def checkpoint(url: str) -> None:
    """Fold SQLite's write-ahead log into the database file, so the file alone holds every row."""
    path = sqlite_path(url)
    if path is None or not path.exists():
        return
    connection = sqlite3.connect(path, timeout=10)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def backup(url: str, destination: Path) -> Path:
    """A consistent copy of the SQLite database of `url` at `destination` (SQLite's online backup:
    safe while the app writes). ValueError for another database, FileExistsError for an existing file."""
    path = sqlite_path(url)
    if path is None:
        raise ValueError("backup copies SQLite databases; use your database's own tools for others")
    if not path.exists():
        raise ValueError(f"there is no database at {path} yet")
    if destination.exists():
        raise FileExistsError(f"{destination} exists; choose a new file")
    destination.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(path, timeout=30)
    target = sqlite3.connect(destination)
    try:
        with target:
            source.backup(target)
    finally:
        target.close()
        source.close()
    return destination


def note_in_use(record: Path, name: str, identity: str, where: str) -> bool:
    """Log which `name` ("conversation database", "vector index") is in use at `where`, by its `identity`,
    and warn when it is not the one used at the last start, as `record` (a small JSON file) remembers:
    a database restored from a backup or a vector store copied in is then visible in the log.
    Returns True when it was replaced."""
    try:
        seen = json.loads(record.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        seen = {}
    last = seen.get(name) if isinstance(seen, dict) else None
    replaced = bool(last) and last != identity
    if replaced:
        log.warning("%s at %s was replaced since the last start (was %s, now %s)", name, where, last, identity)
    else:
        log.info("%s at %s: %s", name, where, identity)
    try:
        record.parent.mkdir(parents=True, exist_ok=True)
        partial = record.with_name(f".{record.name}.partial")
        partial.write_text(json.dumps({**(seen if isinstance(seen, dict) else {}), name: identity}), encoding="utf-8")
        partial.replace(record)
    except OSError as exc:  # a read-only index folder: the note is lost, nothing else
        log.warning("could not write %s (%s)", record, exc)
    return replaced
