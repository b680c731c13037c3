"""python -m eval.same_answers write|check [FILE]: are the answers the same as before a change?

`write` answers every question of every set in eval/ (the dev set and each held-out set) and stores a
fingerprint of each answer's JSON (the line `python -m bot ask --json --file` prints, without its
latency); `check` answers them again and names every question whose answer differs (exit code 1).
For refactors that must not change behaviour: write before, check after.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parent
DEFAULT_FILE = EVAL_DIR / "reports" / "answer_fingerprints.json"
NOT_QUESTION_SETS = {"bank.jsonl", "dialogues.jsonl", "rewordings.jsonl"}
#: Fields added to the answer JSON after fingerprints were written: left out while they hold this value.
ADDED_LATER = {"corrected_by_staff": False}


def question_sets() -> list[Path]:
    """The JSONL question sets in eval/: the dev set and the held-out sets."""
    return sorted(p for p in EVAL_DIR.glob("*.jsonl") if p.name not in NOT_QUESTION_SETS)


def fingerprint(answer: dict[str, object]) -> str:
    """A short digest of an answer's JSON (fields added later left out while they hold their default)."""
    answer = {k: v for k, v in answer.items() if k not in ADDED_LATER or ADDED_LATER[k] != v}
    return hashlib.sha256(json.dumps(answer, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


def fingerprints(sets: list[Path]) -> dict[str, dict[str, str]]:
    """{set name: {question id: fingerprint}} of every question of `sets`, answered now."""
    from bot.assistant import Bot

    bot = Bot()
    found: dict[str, dict[str, str]] = {}
    for path in sets:
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        with bot.leaving_out(path.stem):  # (a set's own questions have no vote on its answers)
            found[path.name] = {str(row["id"]): fingerprint(bot.ask(row["question"]).to_dict()) for row in rows}
    return found


def differences(before: dict[str, dict[str, str]], now: dict[str, dict[str, str]]) -> list[str]:
    """'set: id' of every question answered differently (or missing on either side)."""
    changed = []
    for name in sorted(set(before) | set(now)):
        old, new = before.get(name, {}), now.get(name, {})
        changed += [f"{name}: {qid}" for qid in sorted(set(old) | set(new)) if old.get(qid) != new.get(qid)]
    return changed


def main(argv: list[str] | None = None) -> int:
    """Write or check the fingerprints; returns the exit code."""
    cli = argparse.ArgumentParser(prog="python -m eval.same_answers", description=__doc__.splitlines()[0])
    cli.add_argument("action", choices=("write", "check"))
    cli.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE, help="default: %(default)s")
    args = cli.parse_args(argv)
    now = fingerprints(question_sets())
    total = sum(len(v) for v in now.values())
    if args.action == "write":
        args.file.parent.mkdir(parents=True, exist_ok=True)
        args.file.write_text(json.dumps(now, indent=0, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote the fingerprints of {total} answers ({len(now)} sets) to {args.file}")
        return 0
    changed = differences(json.loads(args.file.read_text(encoding="utf-8")), now)
    print(f"{total - len(changed)} of {total} answers the same; {len(changed)} differ")
    for line in changed:
        print(f"  {line}")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
