"""Bilingual investment-promotion assistant for the Lianyungang high-tech zones policy.

from bot import Bot
Bot().ask("What is the age limit for a work permit?").to_dict()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.assistant import Bot
    from bot.config import Settings

__all__ = ["Bot", "Settings"]


def __getattr__(name: str) -> Any:
    # Imported lazily so `import bot` stays light (the CLI and tools import submodules directly).
    if name == "Bot":
        from bot.assistant import Bot

        return Bot
    if name == "Settings":
        from bot.config import Settings

        return Settings
    raise AttributeError(name)
