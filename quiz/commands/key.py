"""`quiz key`: print answer keys as text, JSON, CSV or Markdown."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import click

from quiz.content.key import key_entries
from quiz.content.load import discover, load_bank
from quiz.content.problems import LoadError
from quiz.model.common import Source


def run_key(paths: tuple[str, ...], fmt: str) -> int:
    """Load every bank under `paths` and print one combined key; 1 if any bank is invalid."""
    entries: list[dict[str, Any]] = []
    failed = False
    files = list(discover(paths))
    if not files:
        click.echo("no bank files (.yaml, .yml, .json) found in " + ", ".join(paths), err=True)
        return 1
    for path in files:
        try:
            bank = load_bank(path)
        except LoadError as error:
            failed = True
            for problem in error.problems:
                click.echo(str(problem), err=True)
            continue
        entries.extend(key_entries(bank))
    if failed:
        return 1
    click.echo(FORMATTERS[fmt](entries), nl=False)
    return 0


def citation(source: dict[str, Any]) -> str:
    """A source record as one line, in the model's own citation format."""
    return Source.model_validate(source).citation()


def _context(entry: dict[str, Any]) -> str:
    context = entry["context"] or {}
    return " · ".join(context[k] for k in ("date", "place", "role") if k in context)


def as_json(entries: list[dict[str, Any]]) -> str:
    """One flat JSON list."""
    return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"


def as_text(entries: list[dict[str, Any]]) -> str:
    """A printable key, one block per question."""
    blocks = []
    for number, entry in enumerate(entries, 1):
        lines = [f"{number}. [{entry['id']}] {entry['prompt']}"]
        if entry["context"]:
            lines.append(f"   Context: {_context(entry)}")
        lines.append(f"   Answer: {entry['answer']}")
        if entry["explanation"]:
            lines.append(f"   Why: {entry['explanation']}")
        lines.extend(f"   Source: {citation(s)}" for s in entry["sources"])
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def as_csv(entries: list[dict[str, Any]]) -> str:
    """Spreadsheet-friendly: one row per question."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["bank", "scenario", "id", "type", "prompt", "context", "answer",
                     "explanation", "sources"])
    for entry in entries:
        writer.writerow([entry["bank"], entry["scenario"] or "", entry["id"], entry["type"],
                         entry["prompt"], _context(entry), entry["answer"],
                         entry["explanation"] or "",
                         "; ".join(citation(s) for s in entry["sources"])])
    return out.getvalue()


def _md(text: str) -> str:
    """Escape characters Markdown would otherwise treat as formatting."""
    for char in "\\`*_[]<>#|":
        text = text.replace(char, "\\" + char)
    return text


def as_markdown(entries: list[dict[str, Any]]) -> str:
    """A Markdown document with a section per question."""
    parts = ["# Answer key\n"]
    for number, entry in enumerate(entries, 1):
        parts.append(f"## {number}. {_md(entry['prompt'])}\n")
        parts.append(f"- **Id:** `{entry['id']}`")
        if entry["context"]:
            parts.append(f"- **Context:** {_md(_context(entry))}")
        parts.append(f"- **Answer:** {_md(entry['answer'])}")
        if entry["explanation"]:
            parts.append(f"- **Why:** {_md(entry['explanation'])}")
        parts.extend(f"- **Source:** {_md(citation(s))}" for s in entry["sources"])
        parts.append("")
    return "\n".join(parts)


FORMATTERS = {"json": as_json, "text": as_text, "csv": as_csv, "markdown": as_markdown}
