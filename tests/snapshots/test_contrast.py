"""Every word on the learner's screens meets WCAG AA contrast (4.5:1) in the default theme,
measured on the snapshots themselves: each text run against the cell colour behind it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

SNAPSHOTS = Path(__file__).parent / "__snapshots__" / "test_screens"
TYPED = Path(__file__).parent / "__snapshots__" / "test_typed_screens"
MODALS = {"test_help_fits", "test_source_view", "test_leave_dialog"}
"""Screens behind a dialog are dimmed on purpose (an inactive interface, which WCAG
exempts); the dialogs themselves are checked in the snapshots that show them alone."""
AA = 4.5

CLASS = re.compile(r"\.(terminal-r\d+) \{ fill: (#[0-9a-f]{6})")
RECT = re.compile(r'<rect fill="(#[0-9a-f]{6})" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"')
TEXT = re.compile(r'<text class="(terminal-r\d+)" x="([\d.]+)" y="[\d.]+" textLength="([\d.]+)"'
                  r' clip-path="url\(#terminal-line-(\d+)\)">([^<]*)</text>')
ROW_TOP, ROW_HEIGHT = 1.5, 24.4


def luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def low_contrast_runs(svg: str) -> list[tuple[str, str, str, float]]:
    """(text, colour, background, ratio) for each worded run below AA."""
    colours = dict(CLASS.findall(svg))
    backgrounds: dict[int, list[tuple[float, float, str]]] = {}
    for fill, x, y, width in RECT.findall(svg):
        row = round((float(y) - ROW_TOP) / ROW_HEIGHT)
        backgrounds.setdefault(row, []).append((float(x), float(x) + float(width), fill))
    found = []
    for css_class, x, length, row, text in TEXT.findall(svg):
        text = html.unescape(text)
        if not re.search(r"[A-Za-z0-9]", text) or css_class not in colours:
            continue
        start, end = float(x), float(x) + float(length)
        for left, right, fill in backgrounds.get(int(row), []):
            if left < end and right > start:
                ratio = contrast(colours[css_class], fill)
                if ratio < AA:
                    found.append((text.strip(), colours[css_class], fill, round(ratio, 2)))
    return found


SCREENS = sorted(p for folder in (SNAPSHOTS, TYPED) for p in folder.glob("*.svg")
                 if p.stem not in MODALS)


def test_the_snapshots_are_there():
    assert len(SCREENS) >= 8


@pytest.mark.parametrize("snapshot", SCREENS, ids=lambda p: p.stem)
def test_text_meets_wcag_aa(snapshot):
    assert low_contrast_runs(snapshot.read_text(encoding="utf-8")) == []


def test_the_check_finds_low_contrast():
    svg = ('<style>.terminal-r1 { fill: #444444 }</style>'
           '<rect fill="#121212" x="0" y="1.5" width="100" height="24.65"/>'
           '<text class="terminal-r1" x="0" y="20" textLength="50"'
           ' clip-path="url(#terminal-line-0)">dim</text>')
    assert low_contrast_runs(svg) == [("dim", "#444444", "#121212", 1.92)]
