"""Read bank (and timeline) files into models, reporting every problem at file:line:col."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from quiz.content.gcpause import gc_paused
from quiz.content.guard import MAX_FILE_BYTES, GuardError, check_yaml_depth, decode_text
from quiz.content.locate import compose, dotted, find_position
from quiz.content.messages import field_names, humane_message
from quiz.content.parsing import parse, parse_json
from quiz.content.problems import LoadError, Problem, line_col
from quiz.content.reading import read_bytes

BANK_SUFFIXES = (".yaml", ".yml", ".json")

Warnings = Callable[[Any], Iterable[tuple[tuple, str]]]
RawChecks = Callable[[dict], Iterable[tuple[tuple, str]]]


@dataclass(frozen=True)
class DocumentKind:
    """A kind of file the loader understands, e.g. a bank or a timeline of events."""

    name: str
    model: type[BaseModel]
    warnings: Warnings
    raw_checks: RawChecks = lambda data: ()
    """Cross-item checks run on raw data when field errors stop the model's own checks."""


@dataclass
class Loaded:
    """A file that validated: its model and any warnings."""

    path: Path
    kind: str
    model: Any
    warnings: list[Problem] = field(default_factory=list)


def document_kinds(only: str | None = None) -> dict[str, DocumentKind]:
    """Kinds keyed by name, imported lazily: the player never pays for the timeline models."""
    kinds: dict[str, DocumentKind] = {}
    if only in (None, "bank"):
        from quiz.content.checks import bank_warnings
        from quiz.model.bank import Bank, duplicate_ids

        kinds["bank"] = DocumentKind("bank", Bank, bank_warnings, duplicate_ids)
    if only in (None, "timeline"):
        from quiz.content.checks import timeline_warnings
        from quiz.model.events import Timeline

        kinds["timeline"] = DocumentKind("timeline", Timeline, timeline_warnings)
    return kinds


def detect_kind(data: dict) -> str:
    """Which kind a top-level mapping is: a timeline has `events`; banks are the default."""
    return "timeline" if "events" in data or "actors" in data else "bank"


def load_file(path: Path | str, kind: str | None = None, *,
              max_bytes: int = MAX_FILE_BYTES) -> Loaded:
    """Load and validate one file, or raise LoadError with every problem located."""
    path = Path(path)
    shown = str(path)
    data = read_bytes(path, shown, max_bytes)
    try:
        text = decode_text(data)
    except GuardError as error:
        line, col = line_col(data.decode("latin-1"), error.offset)
        raise LoadError([Problem(shown, line, col, str(error))]) from None
    try:
        if not text.strip():
            raise GuardError("the file is empty; a bank needs at least 'id', 'title' and "
                             "'questions' (a timeline: 'id', 'title', 'sources', 'events')")
        is_json = path.suffix.lower() == ".json"
        if not is_json:
            check_yaml_depth(text)
    except GuardError as error:
        line, col = line_col(text, error.offset)
        raise LoadError([Problem(shown, line, col, str(error))]) from None
    with gc_paused():
        if is_json and kind in (None, "bank"):
            loaded = _valid_json_bank(text, shown)
            if loaded is not None:
                return loaded
        raw = parse(text, shown, is_json)
        return _validate(raw, text, shown, kind)


def _valid_json_bank(text: str, shown: str) -> Loaded | None:
    """The happy path for JSON banks: straight from text to model, with no dict between.

    Anything that fails here (bad JSON, another kind of file, an invalid bank) returns None
    and takes the slower path, which detects the kind and locates every problem.
    """
    chosen = document_kinds("bank")["bank"]
    try:
        model = chosen.model.model_validate_json(text)
    except (ValidationError, RecursionError, ValueError):
        return None
    parse_json(text, shown)  # pydantic keeps the last of two equal keys; refuse them
    return Loaded(Path(shown), chosen.name, model,
                  _located_warnings(model, text, shown, chosen))


def _validate(raw: Any, text: str, shown: str, kind: str | None) -> Loaded:
    if not isinstance(raw, dict):
        found = "nothing" if raw is None else f"a {_yaml_type(raw)}"
        raise LoadError([Problem(shown, 1, 1, f"the top level must be a mapping of fields "
                                              f"(key: value), but this file holds {found}")])
    name = kind or detect_kind(raw)
    chosen = document_kinds(name)[name]
    try:
        model = chosen.model.model_validate(raw)
    except ValidationError as error:
        raise LoadError(_located_errors(error, raw, text, shown, chosen)) from None
    except RecursionError:
        raise LoadError([Problem(shown, 1, 1, "the data is nested too deeply")]) from None
    except (ValueError, TypeError, OverflowError) as error:  # a value no check foresaw
        raise LoadError([Problem(shown, 1, 1, f"a value cannot be read: {error}")]) from None
    return Loaded(Path(shown), chosen.name, model,
                  _located_warnings(model, text, shown, chosen))


def _yaml_type(value: Any) -> str:
    names = {list: "list", str: "piece of text", int: "number", float: "number", bool: "boolean"}
    return names.get(type(value), type(value).__name__)


def _located_errors(error: ValidationError, raw: dict, text: str, shown: str,
                    kind: DocumentKind) -> list[Problem]:
    root = compose(text)
    known = field_names(kind.model)
    problems: dict[tuple, Problem] = {}
    for item in error.errors(include_url=False):
        loc = _full_location(item)
        message = humane_message(item, known)
        problem = _problem_at(root, loc, message, shown, key=item["type"] == "extra_forbidden")
        problems.setdefault((problem.line, problem.col, problem.message), problem)
    for loc, message in kind.raw_checks(raw):
        problem = _problem_at(root, loc, message, shown)
        problems.setdefault((problem.line, problem.col, problem.message), problem)
    return list(problems.values())


def _full_location(item: dict) -> tuple:
    """pydantic's location, extended by the `at` our own validators attach."""
    loc = tuple(item["loc"])
    if item["type"] == "union_tag_invalid":
        return loc + ("type",)
    at = (item.get("ctx") or {}).get("at")
    if isinstance(at, tuple):
        return loc + at
    if isinstance(at, int):
        return loc + (at,)
    return loc


def _problem_at(root, loc: tuple, message: str, shown: str, *, key: bool = False,
                severity: str = "error") -> Problem:
    line, col = find_position(root, loc, key=key)
    where = dotted(_without_tags(loc))
    return Problem(shown, line, col, f"{where}: {message}" if where else message, severity)


def _without_tags(loc: tuple) -> tuple:
    from quiz.model.questions import QUESTION_TYPES

    return tuple(part for part in loc if part not in QUESTION_TYPES)


def _located_warnings(model: Any, text: str, shown: str, kind: DocumentKind) -> list[Problem]:
    found = list(kind.warnings(model))
    if not found:
        return []
    root = compose(text)
    return sorted(_problem_at(root, loc, message, shown, severity="warning")
                  for loc, message in found)


def discover(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files to load: given files as they are, folders searched recursively for banks.

    A folder that cannot be opened is yielded itself, so loading it reports the reason
    instead of its banks silently going missing. Hidden files and folders are skipped.
    """
    for path in map(Path, paths):
        if path.is_dir():
            yield from _bank_files(path)
        else:
            yield path


def _bank_files(folder: Path) -> list[Path]:
    found: list[Path] = []
    visited: set[tuple[int, int]] = set()

    def unreadable(error: OSError) -> None:
        found.append(Path(error.filename) if error.filename else folder)

    for root, folders, files in os.walk(folder, onerror=unreadable, followlinks=True):
        try:
            info = os.stat(root)
        except OSError:
            continue
        if (info.st_dev, info.st_ino) in visited:  # a symlink back up the tree
            folders.clear()
            continue
        visited.add((info.st_dev, info.st_ino))
        folders[:] = sorted(name for name in folders if not name.startswith("."))
        found.extend(path for name in files
                     if not name.startswith(".") and Path(name).suffix.lower() in BANK_SUFFIXES
                     and (path := Path(root, name)).is_file())
    return sorted(found)


def load_bank(path: Path | str):
    """Load one bank file, raising LoadError with located problems."""
    return load_file(path, "bank").model


def load_timeline(path: Path | str):
    """Load one timeline (seed) file, raising LoadError with located problems."""
    return load_file(path, "timeline").model
