"""YAML reading for the data files: libyaml's safe loader when PyYAML has it (several times faster), and a
key written twice in one mapping is an error (YAML would keep the last silently, dropping the first)."""

from __future__ import annotations

from typing import Any

import yaml

_Base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc,valid-type]
    """The safe loader, refusing duplicate keys."""


def _mapping(loader: Any, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                "while reading a mapping", node.start_mark, f"the key {key!r} is written twice", key_node.start_mark
            )
        seen.add(key)
    return dict(loader.construct_mapping(node))


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_yaml(text: str) -> Any:
    """`yaml.safe_load(text)`, with the C loader when available; a key written twice raises a YAMLError."""
    return yaml.load(text, Loader=_Loader)
