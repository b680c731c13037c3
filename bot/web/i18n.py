"""The interface's strings in both languages (data/ui.yaml) and the choice of interface language."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from bot.yaml_text import load_yaml

LANGS = ("zh", "en")
#: The interface language when the browser names neither Chinese nor English preferences at all.
DEFAULT_LANG = "zh"


@dataclass(frozen=True, slots=True)
class UiText:
    """The interface strings of one language."""

    lang: str
    strings: dict[str, Any]

    def __getitem__(self, key: str) -> str:
        return str(self.strings[key])

    def fill(self, key: str, **values: object) -> str:
        """The string `key` with `values` filled in."""
        return self[key].format(**values)

    @property
    def examples(self) -> list[str]:
        """Example questions in this language."""
        return [str(example) for example in self.strings["examples"]]


@lru_cache(maxsize=1)
def _catalog() -> dict[str, dict[str, Any]]:
    text = resources.files("bot.data").joinpath("ui.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, Any]] = load_yaml(text)
    missing = set(data["zh"]) ^ set(data["en"])
    if missing:
        raise KeyError(f"ui.yaml: keys not in both languages: {', '.join(sorted(missing))}")
    return data


def ui_text(lang: str) -> UiText:
    """The strings of `lang` ('zh' or 'en'; anything else gets English)."""
    lang = lang if lang in LANGS else "en"
    return UiText(lang, _catalog()[lang])


def pick_lang(browser_language: str | None = None, accept_language: str | None = None) -> str:
    """The interface language for a browser: its navigator.language first, then Accept-Language.

    Chinese in any variant gives 'zh'; any other named language gives 'en'; nothing at all gives
    the default ('zh').
    """
    if browser_language and browser_language.strip():
        return "zh" if browser_language.strip().lower().startswith("zh") else "en"
    ranked = _ranked_languages(accept_language or "")
    if not ranked:
        return DEFAULT_LANG
    return "zh" if ranked[0].startswith("zh") else "en"


def _ranked_languages(header: str) -> list[str]:
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        tag, _, params = part.strip().partition(";")
        if not tag or tag == "*":
            continue
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0:
            weighted.append((-quality, position, tag.lower()))
    return [tag for _, _, tag in sorted(weighted)]
