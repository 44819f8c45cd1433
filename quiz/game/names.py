"""Names a player reads instead of ids: tags, banks and chapters, and counted nouns."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.game.library import Library

ALL_BANKS = "*"
"""The bank id a history row carries for a review of every loaded bank."""

UNTAGGED = "untagged"
"""The tag a question without tags is counted under."""

KIND_TAGS = {
    "who": "Who did it",
    "what": "What happened",
    "when": "Dates",
    "where": "Places",
    "how-many": "Numbers",
    "cause": "Causes",
    "outlet": "Which outlet reported it",
    "said": "Who said what",
    "true-false": "True or false",
    "order": "Order of events",
    UNTAGGED: "Untagged questions",
}
"""The tags `quiz generate` gives each kind of question, in words."""


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """`1 question`, `0 questions`, `3 problems`."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def humanized(tag: str) -> str:
    """A tag without a name of its own: `source-criticism` → `Source criticism`."""
    words = tag.replace("_", " ").replace("-", " ").split()
    text = " ".join(words) or tag
    return text[:1].upper() + text[1:]


def tag_name(tag: str, names: dict[str, str] | None = None) -> str:
    """A bank's own name for a tag, else the name of a generated question kind, else the
    tag with its dashes as spaces."""
    if names and tag in names:
        return names[tag]
    return KIND_TAGS.get(tag) or humanized(tag)


def tag_names(library: Library) -> dict[str, str]:
    """Every loaded bank's tag names together; the first bank to name a tag wins."""
    merged: dict[str, str] = {}
    for bank in library.banks:
        for tag, name in bank.tag_names.items():
            merged.setdefault(tag, name)
    return merged


Titles = dict[str, tuple[str, dict[str, str]]]
"""Bank id → (the bank's title, chapter id → chapter title)."""


def titles_of(library: Library | None) -> Titles:
    return {bank.id: (bank.title, {s.id: s.title for s in bank.scenarios})
            for bank in (library.banks if library else [])}


def place_title(library: Library | Titles | None, bank_id: str,
                chapter_id: str | None) -> str:
    """A chapter's title, else its bank's title; the ids themselves when not loaded."""
    if bank_id == ALL_BANKS:
        return "All banks"
    titles = library if isinstance(library, dict) else titles_of(library)
    if bank_id not in titles:
        return f"{bank_id} / {chapter_id}" if chapter_id else bank_id
    title, chapters = titles[bank_id]
    if chapter_id:
        return chapters.get(chapter_id, chapter_id)
    return title


def short_title(title: str) -> str:
    """The part of a title before its subtitle: `Hotlines and THAAD: China…` → `Hotlines
    and THAAD`. Chapter titles keep their number: `Chapter 1 · Opening channels`."""
    head, colon, _tail = title.partition(": ")
    return head if colon and len(head) >= 8 else title
