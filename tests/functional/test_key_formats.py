"""`quiz key` output that other tools open: spreadsheet cells are never formulas, and
Markdown text stays in its heading and its list item."""

from __future__ import annotations

import csv
import io

import yaml
from click.testing import CliRunner
from markdown_it import MarkdownIt

from quiz.cli import main

SOURCE = {"outlet": "@Outlet", "title": "=HYPERLINK(\"http://evil\")", "date": "2016"}
BANK = {
    "id": "formulas", "title": "Formulas",
    "questions": [
        {"id": "q1", "type": "single_choice", "prompt": "=1+2\n---\n# not a heading",
         "choices": ["@SUM(A1:A9)", "+cmd|' /C calc'!A0"], "answer": 0,
         "explanation": "- starts a list\n1. and a numbered one\n\nafter a blank line"
                        " & <b>html</b> &copy;\n    indented code?",
         "sources": [SOURCE]},
        {"id": "q2", "type": "numeric", "prompt": "\t=tab first", "answer": -5,
         "explanation": "-2+3", "sources": [SOURCE]},
    ],
}


def key(tmp_path, fmt: str) -> str:
    path = tmp_path / "bank.yaml"
    path.write_text(yaml.safe_dump(BANK, sort_keys=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["key", str(path), "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.output


def test_csv_cells_are_never_formulas(tmp_path):
    rows = list(csv.DictReader(io.StringIO(key(tmp_path, "csv"))))
    assert [row["prompt"] for row in rows] == ["'=1+2\n---\n# not a heading", "'\t=tab first"]
    assert rows[0]["answer"] == "'@SUM(A1:A9)"
    assert rows[1]["answer"] == "-5"  # a plain number stays a number
    assert rows[1]["explanation"] == "'-2+3"
    assert rows[0]["sources"].startswith("'@Outlet")
    for row in rows:
        for cell in row.values():
            assert cell[:1] not in ("=", "+", "@", "\t", "\r") and "\r" not in cell
            assert not (cell.startswith("-") and cell != "-5")


def _text(inline) -> str:
    """What a reader sees of an inline token: its text, line breaks as spaces."""
    return "".join(child.content if child.type == "text" else " "
                   for child in inline.children if child.type in ("text", "softbreak"))


def test_markdown_keeps_each_question_in_one_heading_and_one_list(tmp_path):
    document = key(tmp_path, "markdown")
    tokens = MarkdownIt("commonmark").parse(document)
    headings = [_text(tokens[i + 1]) for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Answer key", "1. =1+2 --- # not a heading", "2. =tab first"]
    kinds = {t.type for t in tokens}
    assert not kinds & {"hr", "ordered_list_open", "code_block", "html_block", "html_inline"}
    assert [t.type for t in tokens].count("bullet_list_open") == 2  # one list per question
    why = next(_text(t) for t in tokens if t.type == "inline" and "starts a list" in t.content)
    assert why == "Why: - starts a list 1. and a numbered one"
    after = next(_text(t) for t in tokens if t.type == "inline" and "blank line" in t.content)
    assert after == "after a blank line & <b>html</b> &copy; indented code?"
