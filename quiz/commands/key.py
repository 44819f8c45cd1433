"""`quiz key`: print answer keys as text, JSON, CSV or Markdown."""

from __future__ import annotations

from typing import Any

import click

from quiz.commands.output import USAGE, missing_inputs, no_bank_files
from quiz.content.key import key_entries
from quiz.content.load import discover, load_bank
from quiz.content.problems import LoadError
from quiz.model.common import Source
from quiz.safety.markdown import md_block, md_inline
from quiz.safety.spreadsheet import csv_text
from quiz.safety.terminal import json_text, visible


def run_key(paths: tuple[str, ...], fmt: str) -> int:
    """Load every bank under `paths` and print one combined key; 1 if any bank is invalid."""
    if missing_inputs(paths):
        return USAGE
    entries: list[dict[str, Any]] = []
    failed = False
    files = list(discover(paths))
    if not files:
        no_bank_files(", ".join(paths))
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
    """A source record as one line, in the model's own citation format (the record comes
    from a validated bank, so it is not validated again)."""
    return Source.model_construct(**source).citation()


def _context(entry: dict[str, Any]) -> str:
    context = entry["context"] or {}
    return " · ".join(context[k] for k in ("date", "place", "role") if k in context)


def as_json(entries: list[dict[str, Any]]) -> str:
    """One flat JSON list."""
    return json_text(entries, indent=2) + "\n"


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
    return visible("\n\n".join(blocks) + "\n")


def as_csv(entries: list[dict[str, Any]]) -> str:
    """Spreadsheet-friendly: one row per question, every cell defused."""
    return csv_text(
        ["bank", "scenario", "id", "type", "prompt", "context", "answer", "explanation",
         "sources"],
        ([entry["bank"], entry["scenario"] or "", entry["id"], entry["type"],
          entry["prompt"], _context(entry), entry["answer"], entry["explanation"] or "",
          "; ".join(citation(s) for s in entry["sources"])] for entry in entries))


def as_markdown(entries: list[dict[str, Any]]) -> str:
    """A Markdown document with a section per question."""
    parts = ["# Answer key\n"]
    for number, entry in enumerate(entries, 1):
        parts.append(f"## {number}. {md_inline(entry['prompt'])}\n")
        parts.append(f"- **Id:** `{entry['id']}`")
        if entry["context"]:
            parts.append(f"- **Context:** {md_block(_context(entry))}")
        parts.append(f"- **Answer:** {md_block(entry['answer'])}")
        if entry["explanation"]:
            parts.append(f"- **Why:** {md_block(entry['explanation'])}")
        parts.extend(f"- **Source:** {md_block(citation(s))}" for s in entry["sources"])
        parts.append("")
    return "\n".join(parts)


FORMATTERS = {"json": as_json, "text": as_text, "csv": as_csv, "markdown": as_markdown}
