"""Turn pydantic's error records into one plain sentence for an author."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel

from quiz.model.common import PARTIAL_DATE_PATTERN

_PATTERN_MEANINGS = {
    r"\S": "must not be empty",
    PARTIAL_DATE_PATTERN: "must be a date written YYYY, YYYY-MM or YYYY-MM-DD",
    r"^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$": (
        "must be an id of up to 80 letters, digits, '.', '_' or '-', starting with a letter"
        " or digit"
    ),
    r"^[^\s,][^,]{0,39}$": "must be a tag of up to 40 characters with no commas",
    r"^[A-Za-z0-9][A-Za-z0-9._-]{0,59}$": (
        "must be an event id of up to 60 letters, digits, '.', '_' or '-'"
    ),
    r"^https?://\S+$": "must be a web address starting with http:// or https://",
}


def humane_message(error: dict[str, Any], known_fields: list[str]) -> str:
    """One sentence for one pydantic error; `known_fields` feeds 'did you mean' hints."""
    kind = error["type"]
    loc = error["loc"]
    ctx = error.get("ctx") or {}
    field = str(loc[-1]) if loc else "value"
    if kind == "missing":
        return f"missing required field '{field}'"
    if kind == "extra_forbidden":
        hint = difflib.get_close_matches(field, known_fields, n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        return f"unknown field '{field}'{suggestion}"
    if kind == "union_tag_invalid":
        return (
            f"unknown question type {ctx.get('tag')!r}; "
            f"expected one of {ctx.get('expected_tags')}"
        )
    if kind == "union_tag_not_found":
        return "the question has no 'type'; add one such as 'type: single_choice'"
    if kind == "string_pattern_mismatch":
        meaning = _PATTERN_MEANINGS.get(ctx.get("pattern"))
        if meaning:
            return meaning
    if kind == "literal_error":
        allowed = re.findall(r"'([^']*)'", str(ctx.get("expected", "")))
        given = error.get("input")
        hint = difflib.get_close_matches(str(given), allowed, n=1)
        suggestion = f" (did you mean '{hint[0]}'?)" if hint else ""
        return f"{given!r} is not allowed{suggestion}; expected {ctx.get('expected')}"
    if kind in ("model_type", "model_attributes_type"):
        return "must be a mapping of fields (key: value)"
    plain = _PLAIN_TYPES.get(kind)
    if plain:
        return f"must be {plain}, not {error.get('input')!r}"
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
