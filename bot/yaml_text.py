"""YAML reading for the data files: libyaml's safe loader when PyYAML has it (several times faster)."""

from __future__ import annotations

from typing import Any

import yaml

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """`yaml.safe_load(text)`, with the C loader when available."""
    return yaml.load(text, Loader=_Loader)
