"""Our own words: no run of eight words from a source article appears in the timeline or
a shipped bank, outside the articles' own titles (which citations must quote). Words are
compared without punctuation, so `US-led` and `US led` are one run."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT.parent / "shared" / "seed-articles"
RUN = 8
"""Eight words in a row: long enough that a shared run is a copied phrase, not a name."""
SHIPPED = [ROOT / "seeds" / "china-rok-defence.yaml", *sorted((ROOT / "questions").glob("*.yaml"))]


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _runs(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _texts(node, key: str = ""):
    """(field, text) for every string in a YAML document but source titles, which a
    citation must quote as printed."""
    if isinstance(node, str):
        yield key, node
    elif isinstance(node, dict):
        for name, value in node.items():
            if not (name == "title" and "outlet" in node):
                yield from _texts(value, str(name))
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value, key)


@pytest.mark.skipif(not ARTICLES.is_dir(), reason="the source articles are not beside the repo")
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_no_sentence_of_an_article_is_copied(path):
    copied = set()
    for article in ARTICLES.glob("0*.txt"):
        copied |= _runs(_words(article.read_text(encoding="utf-8")))
    found = [f"{field}: …{' '.join(run)}…" for field, text in _texts(yaml.safe_load(
        path.read_text(encoding="utf-8"))) for run in sorted(_runs(_words(text)) & copied)]
    assert not found, f"{path.name} copies article wording:\n" + "\n".join(found)
