"""The YAML loader for author files: libyaml's C parser, dates kept as the text written,
and a bank author's tricks (alias bombs, duplicate keys, odd tags) refused with a place."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import ConstructorError

from quiz.safety.terminal import shown

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_ALIAS_EXPANSION = 1_000_000
"""How many values aliases may add on top of those written out. A 500-byte "billion
laughs" file expands to 10^9; real banks that reuse a source stay far below this."""

_MERGE = "tag:yaml.org,2002:merge"


class AuthorLoader(_Base):  # type: ignore[misc, valid-type]
    """Safe loading, except that `2016-11-08` stays a string.

    Authors write dates as text and the models validate them as partial dates; PyYAML's
    timestamp resolver would instead build date objects and crash on `2016-13-01`.
    Every constructor failure (`!!bool null`, `!!timestamp x`, `!!int 0xZZ`) becomes a
    ConstructorError at the node that caused it.
    """

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ConstructorError, RecursionError):
            raise
        except Exception as error:  # noqa: BLE001 - any constructor's own bug or refusal
            raise ConstructorError(None, None, _unreadable(node, error),
                                   node.start_mark) from None


def _unreadable(node: yaml.Node, error: Exception) -> str:
    tag = node.tag.replace("tag:yaml.org,2002:", "!!")
    if "digits" in str(error):
        return f"this number is too long ({len(str(node.value))} characters)"
    return f"{shown(node.value, 40)} cannot be read as {tag}"


def _refuse_binary(loader: AuthorLoader, node: yaml.Node) -> None:
    raise ConstructorError(None, None, "binary data (!!binary) cannot be bank text; write "
                           "the text itself", node.start_mark)


AuthorLoader.add_constructor("tag:yaml.org,2002:binary", _refuse_binary)
AuthorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


class NodeProblems(ValueError):
    """Problems found in the node graph before any value is built: (mark, message) pairs."""

    def __init__(self, found: list[tuple[yaml.Mark, str]]):
        super().__init__(found[0][1])
        self.found = found


def load_yaml(text: str) -> Any:
    """Parse author YAML into plain data. Raises yaml.YAMLError for syntax and tags, and
    NodeProblems for duplicate keys, self-referring aliases and alias bombs."""
    loader = AuthorLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        # Without an anchor (`&name`) there can be no alias, so the nodes form a tree.
        inspect_nodes(node, aliases="&" in text)
        return loader.construct_document(node)
    finally:
        loader.dispose()


def inspect_nodes(root: yaml.Node, *, aliases: bool = True) -> None:
    """Find repeated keys; with aliases, also measure what they would expand to without
    expanding them (each distinct node's size is counted once and reused)."""
    if aliases:
        _measure_expansion(root)
    duplicates: list[tuple[yaml.Mark, str]] = []
    seen: set[int] = set()
    pending = [root]
    while pending:
        node = pending.pop()
        if isinstance(node, yaml.ScalarNode) or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            keys = [key.value for key, _ in node.value]
            if len(set(keys)) != len(keys):
                duplicates.extend(_repeated_keys(node))
            pending.extend(value for _, value in node.value)
            pending.extend(key for key, _ in node.value if not isinstance(key, yaml.ScalarNode))
        else:
            pending.extend(node.value)
    if duplicates:
        raise NodeProblems(duplicates)


def _measure_expansion(root: yaml.Node) -> None:
    sizes: dict[int, int] = {}
    in_progress: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            in_progress.discard(key)
            size = 1 + sum(sizes.get(id(child), 1) for child in _children(node))
            sizes[key] = size
            if size > len(sizes) + MAX_ALIAS_EXPANSION:
                node = _largest_part(node, sizes)
                raise NodeProblems([(node.start_mark, (
                    f"aliases here expand to more than {MAX_ALIAS_EXPANSION:,} values (an "
                    "alias bomb?); write the repeated parts out, or reuse them less"))])
            continue
        if key in sizes or isinstance(node, yaml.ScalarNode):
            continue
        if key in in_progress:
            raise NodeProblems([(node.start_mark, "an alias here refers to the value that "
                                                   "contains it, so it would never end")])
        in_progress.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node)
                     if not isinstance(child, yaml.ScalarNode) and id(child) not in sizes)


def _largest_part(node: yaml.Node, sizes: dict[int, int]) -> yaml.Node:
    """Point at the part that expands most, rather than at the whole document."""
    while True:
        parts = [child for child in _children(node) if id(child) in sizes]
        biggest = max(parts, key=lambda child: sizes[id(child)], default=None)
        if biggest is None or sizes[id(biggest)] <= MAX_ALIAS_EXPANSION // 2:
            return node
        node = biggest


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def _repeated_keys(node: yaml.MappingNode):
    seen: dict[tuple[str, str], yaml.Node] = {}
    for key_node, _ in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == _MERGE:
            continue
        name = (key_node.tag, key_node.value)
        first = seen.setdefault(name, key_node)
        if first is not key_node:
            yield key_node.start_mark, (
                f"duplicate key {shown(key_node.value, 40)}: it is already set on line "
                f"{first.start_mark.line + 1}; a later value would silently replace it")
