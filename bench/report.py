"""The printed table and the JSON file of a benchmark run."""

from __future__ import annotations

import json
import os
import platform
import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.figures import Section

RESULTS_DIR = Path(__file__).resolve().parent / "results"
#: When other processes take more than this share of the machine's CPU during the run (or a section of it),
#: its figures are not to be taken at face value. (The load average lags by minutes and counts the run itself.)
BUSY_SHARE = 0.10


@dataclass(slots=True)
class RunInfo:
    """Where and when the run happened, and how busy the machine was."""

    started: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    cores: int = field(default_factory=lambda: os.cpu_count() or 1)
    load_before: tuple[float, float, float] = field(default_factory=os.getloadavg)
    load_after: tuple[float, float, float] = (0.0, 0.0, 0.0)
    seconds: float = 0.0
    foreign_share: float = 0.0  # of the machine's CPU, used by other processes during the run

    def busy(self) -> bool:
        """True when other processes took more than BUSY_SHARE of the CPU during the run."""
        return self.foreign_share > BUSY_SHARE

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "started": self.started,
            "seconds": round(self.seconds, 1),
            "python": sys.version.split()[0],
            "platform": platform.platform(),
            "cores": self.cores,
            "load_before": [round(x, 2) for x in self.load_before],
            "load_after": [round(x, 2) for x in self.load_after],
            "other_processes_cpu_share": round(self.foreign_share, 3),
            "busy": self.busy(),
        }


def _load(values: tuple[float, float, float]) -> str:
    return " ".join(f"{v:.2f}" for v in values)


def render(info: RunInfo, sections: list[Section]) -> str:
    """The table: each section's rows, then every target with its measured value and verdict."""
    width = max((len(label) for s in sections for label, _ in s.rows), default=20) + 2
    lines = [
        f"bench · {info.started} · {info.cores} cores · {info.seconds:.0f} s",
        f"load average {_load(info.load_before)} before, {_load(info.load_after)} after (the run's own work included);"
        f" other processes took {info.foreign_share:.0%} of the CPU during the run",
    ]
    if info.busy():
        lines.append("!! the machine was busy: figures are pessimistic")
    for section in sections:
        lines += ["", section.title]
        lines += [f"  {label:<{width}}{value}" for label, value in section.rows]
        lines += [f"  note: {note}" for note in section.notes]
    checks = [check for section in sections for check in section.checks]
    if checks:
        target_width = max(len(c.target) for c in checks) + 2
        measured_width = max(len(c.measured) for c in checks) + 2
        lines += ["", "Targets"]
        lines += [f"  {c.target:<{target_width}}{c.measured:<{measured_width}}{c.verdict}" for c in checks]
    return "\n".join(lines)


def write_json(path: Path, info: RunInfo, sections: list[Section]) -> None:
    """Write the run's figures to `path` (its folder is created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {"run": info.to_dict(), **{section.name: section.to_dict() for section in sections}}
    path.write_text(json.dumps(body, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
