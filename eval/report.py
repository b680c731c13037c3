"""Report building blocks shared by every evaluation section: tables, charts, and the files written.

A section (retrieval today, answers later) turns its results into a `Report`; `render_text`
prints it and `write_reports` writes `<name>.md`, `<name>.json` and `<name>.png` for each.
"""

from __future__ import annotations

import html
import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.assistant import Bot

REPORTS_DIR = Path(__file__).resolve().parent / "reports"


@dataclass(frozen=True, slots=True)
class RunInfo:
    """What a run evaluated: when, on which corpus, with which embedder, from which questions."""

    date: str
    corpus_fingerprint: str
    embedder: str
    questions: str

    @classmethod
    def of(cls, bot: Bot, questions: Path) -> RunInfo:
        """The run info of an evaluation of `bot` on the questions file `questions`."""
        return cls(
            date=datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
            corpus_fingerprint=bot.corpus.fingerprint,
            embedder=bot.embedder.id,
            questions=display_path(questions),
        )


@dataclass(frozen=True, slots=True)
class Table:
    """Rows of cells under a header; the last column may be free text (left unpadded)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    def to_text(self) -> str:
        """Aligned plain-text columns."""
        widths = [max(len(row[i]) for row in (self.header, *self.rows)) for i in range(len(self.header))]
        widths[-1] = 0  # free text (questions) is not padded
        return "\n".join(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
            for row in (self.header, *self.rows)
        )

    def to_markdown(self) -> str:
        """A GitHub-flavoured markdown table."""
        lines = [_md_row(self.header), "|" + "---|" * len(self.header)]
        return "\n".join(lines + [_md_row(row) for row in self.rows])


@dataclass(frozen=True, slots=True)
class Section:
    """A titled part of a report: notes (lines of text) and an optional table."""

    title: str
    table: Table | None = None
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class BarChart:
    """A grouped bar chart: one panel per metric, a group of bars per x label, one bar per series."""

    title: str
    groups: tuple[str, ...]
    panels: Mapping[str, Mapping[str, Sequence[float]]]  # panel → series → one value per group


@dataclass(frozen=True)
class Report:
    """One section's results, ready to print and to write (under the name it has in `write_reports`).

    `figures` is the machine-readable form (written as JSON beside the markdown).
    """

    title: str
    sections: tuple[Section, ...]
    figures: dict[str, Any] = field(default_factory=dict)
    chart: BarChart | None = None


def render_text(report: Report) -> str:
    """The report as plain text for the terminal."""
    parts = [f"== {report.title} =="]
    for section in report.sections:
        parts.append(f"\n-- {section.title} --")
        parts.extend(section.notes)
        if section.table is not None:
            parts.append(section.table.to_text())
    return "\n".join(parts)


def render_markdown(report: Report, run: RunInfo, chart_file: str | None = None) -> str:
    """The report as markdown, headed by the run info, with the chart image when there is one."""
    parts = [
        f"# {report.title}",
        "",
        f"- date: {run.date}",
        f"- corpus fingerprint: `{run.corpus_fingerprint}`",
        f"- embedder: `{run.embedder}`",
        f"- questions: `{run.questions}`",
    ]
    if chart_file:
        parts += ["", f"![{report.title}]({chart_file})"]
    for section in report.sections:
        parts += ["", f"## {section.title}"]
        for note in section.notes:
            parts += ["", note]
        if section.table is not None:
            parts += ["", section.table.to_markdown()]
    return "\n".join(parts) + "\n"


def write_reports(reports: Mapping[str, Report], run: RunInfo, out_dir: Path = REPORTS_DIR) -> list[Path]:
    """Write `<name>.md`, `<name>.json` (and `<name>.png` when the report has a chart) for each report."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, report in reports.items():
        chart_file = None
        if report.chart is not None:
            chart_path = out_dir / f"{name}.png"
            draw_bar_chart(report.chart, chart_path)
            written.append(chart_path)
            chart_file = chart_path.name
        markdown = out_dir / f"{name}.md"
        markdown.write_text(render_markdown(report, run, chart_file), encoding="utf-8")
        figures = out_dir / f"{name}.json"
        figures.write_text(to_json({"run": asdict(run), **report.figures}) + "\n", encoding="utf-8")
        written += [markdown, figures]
    return written


def draw_bar_chart(chart: BarChart, path: Path) -> None:
    """Draw `chart` to a PNG at `path` (matplotlib, Agg backend: no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    figure, axes = plt.subplots(1, len(chart.panels), figsize=(4.5 * len(chart.panels), 4), sharey=True, squeeze=False)
    positions = np.arange(len(chart.groups))
    for axis, (panel, series) in zip(axes[0], chart.panels.items(), strict=True):
        width = 0.8 / max(len(series), 1)
        for i, (label, values) in enumerate(series.items()):
            bars = axis.bar(positions + (i - (len(series) - 1) / 2) * width, values, width, label=label)
            axis.bar_label(bars, fmt="%.2f", fontsize=7)
        axis.set_title(panel)
        axis.set_xticks(positions, chart.groups, rotation=20, ha="right")
        axis.set_ylim(0, 1.08)
        axis.grid(axis="y", alpha=0.3)
    handles, labels = axes[0][0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="upper right", ncols=len(labels))
    figure.suptitle(chart.title)
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def display_path(path: Path) -> str:
    """`path` relative to the working directory when it lies inside it, else absolute."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def to_json(value: object, level: int = 0) -> str:
    """JSON indented by level, with flat values (scalars, lists of scalars, records of those) kept on one line."""
    if _flat_record(value):
        return json.dumps(value, ensure_ascii=False)
    pad = " " * (level + 1)
    if isinstance(value, dict):
        items = [
            f"{pad}{json.dumps(str(key), ensure_ascii=False)}: {to_json(item, level + 1)}"
            for key, item in value.items()
        ]
        opening, closing = "{", "}"
    elif isinstance(value, list | tuple):
        items = [pad + to_json(item, level + 1) for item in value]
        opening, closing = "[", "]"
    else:  # pragma: no cover - every scalar is flat
        raise TypeError(f"cannot write {type(value).__name__} as JSON")
    return f"{opening}\n" + ",\n".join(items) + f"\n{' ' * level}{closing}"


def _flat(value: object) -> bool:
    """A scalar or a list of scalars."""
    if isinstance(value, list | tuple):
        return all(not isinstance(item, list | tuple | dict) for item in value)
    return not isinstance(value, dict)


def _flat_record(value: object) -> bool:
    """Flat, or a dict whose values are all flat."""
    return all(_flat(item) for item in value.values()) if isinstance(value, dict) else _flat(value)


def _md_row(cells: Sequence[str]) -> str:
    """One markdown table row; cells are shown as text (HTML in a question is not markup, a pipe no column)."""
    return "| " + " | ".join(html.escape(cell, quote=False).replace("|", "\\|") for cell in cells) + " |"
