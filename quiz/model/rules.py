"""Rules several question types share: distinct values, in range, and distinct once folded,
each refused as a located error."""

from __future__ import annotations

from pydantic_core import PydanticCustomError

from quiz.safety.terminal import shown


def first_duplicate(values: list[str]) -> tuple[int, int] | None:
    """(repeat, first) positions of the first value that repeats an earlier one, if any."""
    # One casefold over the joined text is far cheaper than one per value.
    joined = "\x00".join(values).casefold()
    keys = joined.split("\x00")
    if len(keys) != len(values):  # a value held a NUL itself
        keys = [value.casefold() for value in values]
    if " ".join(joined.split()) != joined or " \x00" in joined or "\x00 " in joined:
        keys = [" ".join(key.split()) for key in keys]  # odd spacing somewhere: tidy each
    if len(set(keys)) == len(keys):
        return None
    seen: dict[str, int] = {}
    for index, key in enumerate(keys):
        if key in seen:
            return index, seen[key]
        seen[key] = index
    return None


def check_unique(values: list[str], field: str, what: str) -> None:
    duplicate = first_duplicate(values)
    if duplicate:
        index, first = duplicate
        raise PydanticCustomError(
            "duplicate_" + what,
            "{what} {index} repeats {what} {first} ({text})",
            {"what": what, "index": index, "first": first, "text": shown(values[index]),
             "at": (field, index)},
        )


def check_index(index: int, choices: list[str], at: tuple) -> None:
    if not 0 <= index < len(choices):
        raise PydanticCustomError(
            "answer_out_of_range",
            "answer {index} is out of range: choices are numbered 0 to {last}",
            {"index": index, "last": len(choices) - 1, "at": at},
        )


def check_folded_unique(keys: list[str], at, what: str, texts: list[str]) -> None:
    """Refuse a value that is empty, or the same as an earlier one, once folded."""
    seen: dict[str, int] = {}
    for index, key in enumerate(keys):
        if not key:
            raise PydanticCustomError(
                "empty_" + what.replace(" ", "_"),
                "{what} {index} is empty once spaces are trimmed and Unicode is folded",
                {"what": what, "index": index, "at": at(index)})
        if key in seen:
            raise PydanticCustomError(
                "duplicate_" + what.replace(" ", "_"),
                "{what} {index} repeats {what} {first} ({text}) once spaces, case and "
                "Unicode forms are set aside",
                {"what": what, "index": index, "first": seen[key],
                 "text": shown(texts[index]), "at": at(index)})
        seen[key] = index
