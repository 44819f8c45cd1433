"""Text to plain data: YAML through the author loader, JSON through jiter; every syntax
problem, repeated key, alias bomb or unreadable value becomes a located Problem."""

from __future__ import annotations

import json
import re
from typing import Any

import jiter
import yaml

from quiz.content.problems import LoadError, Problem, line_col
from quiz.content.yaml_loader import NodeProblems, load_yaml
from quiz.safety.terminal import shown as shown_value


def parse(text: str, shown: str, is_json: bool) -> Any:
    try:
        if is_json:
            return parse_json(text, shown)
        return load_yaml(text)
    except NodeProblems as error:
        raise LoadError([Problem(shown, mark.line + 1, mark.column + 1, message)
                         for mark, message in error.found]) from None
    except yaml.reader.ReaderError as error:
        raise LoadError([_reader_problem(error, text, shown)]) from None
    except yaml.YAMLError as error:
        raise LoadError([_yaml_problem(error, shown)]) from None
    except RecursionError:
        raise LoadError([Problem(shown, 1, 1, "the data is nested too deeply")]) from None


_JITER_PLACE = re.compile(r"^(?P<what>.*) at line (?P<line>\d+) column (?P<col>\d+)$")
_JSON_KEY_BEFORE = re.compile(r'"(?:[^"\\]|\\.)*"\s*:\s*$')
_NUMBER_BEFORE = re.compile(r"-?[0-9][0-9.eE+-]*$")


def parse_json(text: str, shown: str) -> Any:
    """JSON through jiter, which, unlike json and pydantic, refuses repeated keys."""
    try:
        return jiter.from_json(text.encode("utf-8", "surrogatepass"),
                               catch_duplicate_keys=True)
    except ValueError as error:
        found = _JITER_PLACE.match(str(error))
        if found is None:
            raise LoadError([Problem(shown, 1, 1, f"invalid JSON: {error}")]) from None
        what, line, col = found["what"], int(found["line"]), int(found["col"])
    if what.startswith("Detected duplicate key"):
        row = text.split("\n")[line - 1] if line <= text.count("\n") + 1 else ""
        key = _JSON_KEY_BEFORE.search(row[:col])
        col = key.start() + 1 if key else col
        name = what.removeprefix("Detected duplicate key ")
        message = (f"duplicate key {name}: it is already set in this object; a later value "
                   "would silently replace it")
    elif what == "recursion limit exceeded":
        message = "the data is nested too deeply"
    elif what == "number out of range":
        row = text.split("\n")[line - 1] if line <= text.count("\n") + 1 else ""
        number = _NUMBER_BEFORE.search(row[:col])
        if number:
            col = number.start() + 1
        message = "this number is too long or too large to read"
    else:
        try:
            json.loads(text)  # for its wording, which authors find plainer
        except json.JSONDecodeError as decode_error:
            line, col, what = decode_error.lineno, decode_error.colno, decode_error.msg
        except (ValueError, RecursionError):
            pass
        message = f"invalid JSON: {what}"
    raise LoadError([Problem(shown, line, col, message)])


def _reader_problem(error: yaml.reader.ReaderError, text: str, shown: str) -> Problem:
    """libyaml reports a bad character by byte offset; turn it into a line and column."""
    offset = len(text.encode("utf-8", "surrogatepass")[: error.position]
                 .decode("utf-8", "ignore"))
    line, col = line_col(text, offset)
    char = error.character
    code = f"U+{char:04X}" if isinstance(char, int) else shown_value(char)
    return Problem(shown, line, col, f"invalid YAML: the character {code} is not allowed "
                                     "here (control characters cannot be written raw)")


def _yaml_problem(error: yaml.YAMLError, shown: str) -> Problem:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = getattr(error, "problem", None) or str(error).splitlines()[0]
    context = getattr(error, "context", None)
    message = f"invalid YAML: {problem}" + (f" ({context})" if context else "")
    return Problem(shown, line, col, message)
