"""Map a pydantic error location onto the line and column of the author's file."""

from __future__ import annotations

from collections.abc import Sequence

import yaml

from quiz.content.yaml_loader import AuthorLoader
from quiz.model.common import dotted

__all__ = ["compose", "dotted", "find_position"]

Location = tuple[int | str, ...]


def compose(text: str) -> yaml.Node | None:
    """The node tree with positions; built only when there is something to report."""
    try:
        return yaml.compose(text, Loader=AuthorLoader)
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


def find_position(root: yaml.Node | None, loc: Sequence[int | str], *, key: bool = False):
    """1-based (line, col) of the node at `loc`.

    Segments that are not keys in the file (a discriminated union's tag, a missing field)
    are skipped, so a missing field points at the mapping that lacks it.  With `key`,
    point at the last key rather than its value (for unknown fields).
    """
    node = root
    key_node = None
    for segment in loc:
        if isinstance(node, yaml.MappingNode):
            pair = _lookup(node, segment)
            if pair is None:
                continue
            key_node, node = pair
        elif isinstance(node, yaml.SequenceNode) and isinstance(segment, int):
            if not 0 <= segment < len(node.value):
                break
            key_node, node = None, node.value[segment]
        else:
            break
    target = key_node if key and key_node is not None else node
    if target is None:
        return 1, 1
    return target.start_mark.line + 1, target.start_mark.column + 1


def _lookup(node: yaml.MappingNode, segment: int | str):
    wanted = str(segment)
    for key_node, value_node in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.value == wanted:
            return key_node, value_node
    return None
