"""Turn pydantic's error records into one plain sentence for an author."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel

from quiz.model.common import (
    NO_CONTROL,
    PARTIAL_DATE_PATTERN,
    TAG_PATTERN,
    TEXT_PATTERN,
    URL_PATTERN,
)
from quiz.safety.terminal import shown

_PATTERN_MEANINGS = {
    PARTIAL_DATE_PATTERN: "must be a date written YYYY, YYYY-MM or YYYY-MM-DD",
    r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$": (
        "must be an id of up to 80 letters, digits, '.', '_' or '-', starting with a letter"
        " or digit"
    ),
    TAG_PATTERN: (
        "must be a tag of up to 40 characters, starting with a visible one, with no commas"
        " and no control characters"
    ),
    r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$": (
        "must be an event id of up to 60 letters, digits, '.', '_' or '-'"
    ),
    URL_PATTERN: (
        "must be a web address starting with http:// or https://, with no spaces or"
        " invisible characters"
    ),
}
_CONTROL = re.compile(NO_CONTROL.replace("[^", "[", 1))


def text_problem(value: object) -> str:
    """Why a value fails the Text pattern: a control character, nothing, or nothing visible."""
    if not isinstance(value, str):
        return "must be text"
    control = _CONTROL.search(value)
    if control:
        return (f"contains the control character U+{ord(control.group()):04X} at character "
                f"{control.start() + 1}; remove it (control characters can drive the "
                "player's terminal)")
    if not value.strip():
        return "must not be empty"
    first = next((char for char in value if not char.isspace()), " ")
    return (f"holds only invisible characters (such as U+{ord(first):04X}); write some "
            "visible text")


def humane_message(error: dict[str, Any], known_fields: list[str]) -> str:
    """One sentence for one pydantic error; `known_fields` feeds 'did you mean' hints.
    Anything echoed from the file is quoted, escaped and cut short."""
    kind = error["type"]
    loc = error["loc"]
    ctx = error.get("ctx") or {}
    field = loc[-1] if loc else "value"
    if kind == "missing":
        return f"missing required field {shown(field)}"
    if kind == "extra_forbidden":
        others = [name for name in known_fields if name != field]
        hint = difflib.get_close_matches(str(field)[:100], others, n=1)
        suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
        return f"unknown field {shown(field, 40)}{suggestion}"
    if kind == "union_tag_invalid":
        return (
            f"unknown question type {shown(ctx.get('tag'), 40)}; "
            f"expected one of {ctx.get('expected_tags')}"
        )
    if kind == "union_tag_not_found":
        return "the question has no 'type'; add one such as 'type: single_choice'"
    if kind == "string_pattern_mismatch":
        pattern = ctx.get("pattern")
        if pattern == TEXT_PATTERN:
            return text_problem(error.get("input"))
        if pattern in _PATTERN_MEANINGS:
            return _PATTERN_MEANINGS[pattern]
        if not _CONTROL.search(str(error.get("input"))):
            return error["msg"]
        return "must not contain control characters"
    if kind == "string_unicode":
        return "holds a character that is not valid Unicode text (a lone surrogate)"
    if kind == "finite_number":
        return f"must be a finite number, not {shown(error.get('input'))}"
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        given = error.get("input")
        hint = difflib.get_close_matches(str(given)[:100], allowed, n=1)
        suggestion = f" (did you mean {hint[0]!r}?)" if hint else ""
        return f"{shown(given, 40)} is not allowed{suggestion}; expected {ctx.get('expected')}"
    if kind in ("model_type", "model_attributes_type"):
        return "must be a mapping of fields (key: value)"
    plain = _PLAIN_TYPES.get(kind)
    if plain:
        return f"must be {plain}, not {shown(error.get('input'))}"
    return error["msg"]


_PLAIN_TYPES = {
    "bool_type": "true or false", "bool_parsing": "true or false",
    "int_type": "a whole number", "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number", "float_parsing": "a number",
    "list_type": "a list (one '- item' per line, or [a, b])",
    "string_type": "text",
}


def field_names(model: type[BaseModel]) -> list[str]:
    """Every field name and alias reachable from a model, for typo suggestions."""
    names: set[str] = set()
    pending: list[type[BaseModel]] = [model]
    seen: set[type] = set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        for name, info in current.model_fields.items():
            names.add(info.alias or name)
            pending.extend(_models_in(info.annotation))
    return sorted(names)


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    found = []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        found.append(annotation)
    for arg in getattr(annotation, "__args__", ()) or ():
        found.extend(_models_in(arg))
    metadata = getattr(annotation, "__metadata__", None)
    if metadata is not None:
        found.extend(_models_in(annotation.__origin__))
    return found
