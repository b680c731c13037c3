"""The assistant's own sentences, in both languages, from data/templates.yaml."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from bot.yaml_text import load_yaml


@lru_cache(maxsize=1)
def _templates() -> dict[str, dict[str, Any]]:
    text = resources.files("bot.data").joinpath("templates.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, Any]] = load_yaml(text)
    return data


def say(lang: str, key: str, **values: object) -> str:
    """The template `key` in `lang` ('zh' or 'en'), filled with `values`."""
    template = _templates()["zh" if lang == "zh" else "en"][key]
    return str(template).format(**values)


def figure_name(lang: str, kind: str) -> str:
    """What a figure kind is called in `lang` (金额 / amount …)."""
    return str(_templates()["zh" if lang == "zh" else "en"]["figures"][kind])
