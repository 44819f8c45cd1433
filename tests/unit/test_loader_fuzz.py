"""Random structured banks, valid and slightly broken, through the loader: it returns a bank
or raises its own located LoadError, never anything else, and never lets a control
character through. `HYPOTHESIS_PROFILE=thorough` runs 2,000 examples."""

from __future__ import annotations

import json
import re

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from quiz.content.load import load_file
from quiz.content.problems import LoadError
from quiz.model.bank import Bank
from tests.strategies import ALL_KINDS, bank

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

HOSTILE_TEXT = st.sampled_from([
    "", " ", "\u200b\u200b", "\u202e", "\x1b]0;PWNED\x07", "\x1b]52;c;aGk=\x07", "\x1b[2J",
    "\u009b2J", "\x7f", "\x00", "[bold]x[/]", "[@click=app.quit]x[/]", "x" * 25_000, "\ud800",
    "Se\u200boul", "=HYPERLINK(1)", "- item\n---\n# h", "\r", "tab\there", "é" * 5,
])
HOSTILE_VALUE = st.one_of(
    HOSTILE_TEXT, st.none(), st.booleans(),
    st.sampled_from([float("nan"), float("inf"), -1.0, 0, 10**30, 10**400, -(10**50), 1e308]),
    st.lists(HOSTILE_TEXT, max_size=3), st.dictionaries(HOSTILE_TEXT, HOSTILE_TEXT, max_size=2),
)
KEYS = st.sampled_from(["id", "type", "prompt", "choices", "answer", "answers", "items",
                        "tolerance", "unit", "sources", "context", "tags", "points",
                        "time_limit", "explanation", "difficulty", "title", "questions",
                        "scenarios", "briefing", "outlet", "date", "url", "$schema",
                        "\x1b[2Jitems", "promt", "x" * 300])


def _containers(data) -> list:
    """Every distinct dict and list inside the data, the data included (shared and
    self-containing parts are visited once)."""
    found, seen, pending = [], set(), [data]
    while pending:
        item = pending.pop()
        if isinstance(item, (dict, list)) and id(item) not in seen:
            seen.add(id(item))
            found.append(item)
            pending.extend(item.values() if isinstance(item, dict) else item)
    return found


@st.composite
def broken_bank(draw) -> dict:
    """A valid bank with up to four structured faults: fields removed, added or given a
    hostile value, question types swapped, and parts shared (which YAML writes as
    aliases, nested a few levels to probe the expansion limit)."""
    data = draw(bank(ALL_KINDS))
    for _ in range(draw(st.integers(0, 4))):
        target = draw(st.sampled_from(_containers(data)))
        action = draw(st.sampled_from(["drop", "add", "set", "type", "share", "nest"]))
        if isinstance(target, dict):
            key = draw(st.sampled_from(sorted(target))) if target else draw(KEYS)
            if action == "drop":
                target.pop(key, None)
            elif action == "add":
                target[draw(KEYS)] = draw(HOSTILE_VALUE)
            elif action == "type":
                target["type"] = draw(st.sampled_from(
                    ["single_choice", "ordering", "numeric", "true_false", "short_answer",
                     "matching", "essay"]))
            elif action in ("share", "nest"):
                shared = target
                for _ in range(draw(st.integers(1, 7)) if action == "nest" else 1):
                    shared = [shared] * draw(st.integers(2, 9))
                target[key] = shared
            else:
                target[key] = draw(HOSTILE_VALUE)
        elif target:
            index = draw(st.integers(0, len(target) - 1))
            if action == "drop":
                del target[index]
            elif action == "share":
                target.append(target[index])
            else:
                target[index] = draw(HOSTILE_VALUE)
    return data


def _text_fault(text: str, fault: str, where: int) -> str:
    """A slip an author (or an attacker) makes in the text itself."""
    lines = text.split("\n")
    where %= max(len(lines), 1)
    line = lines[where]
    simple = re.match(r"^(\s*)(- )?([A-Za-z_$]+): (.+)$", line)
    if fault == "repeat key" and simple:
        indent = simple.group(1) + ("  " if simple.group(2) else "")
        lines.insert(where + 1, f"{indent}{simple.group(3)}: {simple.group(4)}")
    elif fault == "tag" and simple:
        lines[where] = line.replace(": ", ": " + ["!!bool null ", "!!timestamp x ", "!!int ",
                                                  "!!binary ", "!!float ", "!!set "][where % 6]
                                    + "#", 1)
    elif fault == "raw control":
        lines[where] = line + "\x1b[2J"
    elif fault == "cut":
        return text[: len(text) * (where % 10) // 10]
    return "\n".join(lines)


FAULTS = st.sampled_from(["none", "repeat key", "tag", "raw control", "cut"])


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow,
                                                 HealthCheck.data_too_large])
@given(data=broken_bank(), suffix=st.sampled_from([".yaml", ".json"]), fault=FAULTS,
       where=st.integers(0, 10_000))
def test_load_file_returns_a_bank_or_its_own_located_error(tmp_path, data, suffix, fault,
                                                           where):
    if suffix == ".json":
        try:
            text = json.dumps(data, ensure_ascii=False)
        except (ValueError, RecursionError):
            return
    else:
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if fault == "repeat key" and suffix == ".json":
        starts = [match.end() for match in re.finditer(r"\{(?=\")", text)]
        at = starts[where % len(starts)] if starts else 0
        text = text[:at] + '"id": "again", ' + text[at:]
    elif fault != "none":
        text = _text_fault(text, fault, where)
    path = tmp_path / ("b" + suffix)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    try:
        loaded = load_file(path)
    except LoadError as error:
        event("refused with located problems")
        assert error.problems
        for problem in error.problems:
            assert problem.line >= 1 and problem.col >= 1
            assert problem.path == str(path)
            assert len(problem.message) < 600, problem.message[:200]
            assert not RAW_CONTROL.search(str(problem)), str(problem)[:200]
            assert "\n" not in str(problem)
        return
    event("loaded")
    assert isinstance(loaded.model, Bank)
    for value in _strings(loaded.model.model_dump()):
        assert not RAW_CONTROL.search(value.replace("\t", "").replace("\n", "")), value


def _strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(key)
            yield from _strings(value)
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value)
