"""The output-safety helpers: terminal text, CSV cells and Markdown, against any text."""

from __future__ import annotations

import csv
import io
import re

from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from quiz.safety.markdown import md_block, md_inline
from quiz.safety.spreadsheet import csv_cell, csv_text
from quiz.safety.terminal import json_text, one_line, shown, visible

RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
HOSTILE = ["\x1b]52;c;cHduZWQ=\x07", "\x1b]0;PWNED\x07", "\x1b[2J", "\x1b]8;;http://x\x1b\\",
           "\x1b[31m", "\u009b2J", "\x07", "\x7f", "\r", "\x00", "\udcff"]
any_text = st.text(alphabet=st.characters(codec=None), max_size=60) | st.lists(
    st.sampled_from(HOSTILE + ["a", " ", "\n", "\t", "-", "=", "1.", "#", "&"]),
    max_size=12).map("".join)


@given(any_text)
def test_visible_leaves_no_raw_control_and_keeps_the_rest(text):
    shown_text = visible(text)
    assert not RAW_CONTROL.search(shown_text)
    if not RAW_CONTROL.search(text):
        assert shown_text == text
    assert "\n" not in one_line(text) and not RAW_CONTROL.search(one_line(text))


def test_each_escape_sequence_is_shown_not_sent():
    assert visible("a\x1b]0;PWNED\x07b") == "a\\x1b]0;PWNED\\x07b"
    assert visible("\u009b2J") == "\\x9b2J"
    assert visible("tab\tand\nline") == "tab\tand\nline"
    assert one_line("two\nlines\r") == "two\\nlines\\r"


def test_shown_values_are_short_whatever_their_size():
    bomb: list = ["lol"]
    for _ in range(40):
        bomb = [bomb] * 9
    assert len(shown(bomb)) < 100
    assert "digits" in shown(10**5000)
    assert shown("x" * 10_000).endswith("…") and len(shown("x" * 10_000)) < 100
    assert shown("\x1b[2J") == "'\\x1b[2J'"


def test_json_text_escapes_what_json_leaves_raw():
    assert json_text(["\u009b\x7f\x1b"]) == '["\\u009b\\u007f\\u001b"]'
    assert json_text(["한국어 “quotes”"]) == '["한국어 “quotes”"]'


@given(any_text)
def test_a_csv_cell_is_never_a_formula_nor_a_broken_row(text):
    document = csv_text(["a", "b"], [[text, "end"]])
    (header, row) = list(csv.reader(io.StringIO(document)))
    assert row[1] == "end"
    cell = row[0]
    assert not RAW_CONTROL.search(cell.replace("\t", "")) and "\r" not in cell
    if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
        assert re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", cell)


def test_csv_cells_follow_owasp():
    assert [csv_cell(v) for v in ["=1+2", "+1", "-2+3", "@SUM(A1)", "\t=x", "\r=x", "-5",
                                  "+2.5", 7, None]] == [
        "'=1+2", "+1", "'-2+3", "'@SUM(A1)", "'\t=x", "'\n=x", "-5", "+2.5", 7, None]
    assert csv_text(["x"], [["a\rb"]]) == 'x\n"a\nb"\n'


MD = MarkdownIt("commonmark")


def _blocks(document: str) -> list[str]:
    return [token.type for token in MD.parse(document) if token.nesting != 0
            or token.type in ("hr", "code_block", "fence", "html_block")]


@given(any_text)
def test_markdown_text_stays_in_its_heading_and_list_item(text):
    document = (f"## 1. {md_inline(text)}\n\n- **Answer:** {md_block(text)}\n"
                f"- **Why:** {md_block(text)}\n")
    blocks = _blocks(document)
    assert blocks[:2] == ["heading_open", "heading_close"]
    assert blocks.count("heading_open") == 1 and blocks.count("bullet_list_open") == 1
    assert blocks.count("list_item_open") == 2
    assert not {"hr", "code_block", "fence", "html_block", "ordered_list_open",
                "blockquote_open", "table_open"} & set(blocks)
    assert not RAW_CONTROL.search(document)


def test_markdown_escapes_block_markers_and_entities():
    assert md_inline("Title\n---") == "Title ---"
    assert md_inline("- x") == "\\- x"
    assert md_block("x\n\n- y\n1. z\n&copy;") == "x\n\n  \\- y\n  1\\. z\n  \\&copy;"
