"""What GIFT keeps in `//` comments: Moodle's `[id:…]` and `[tag:…]`, categories as tags,
and our own `// quiz: {…}` metadata, which restores what our export could not say in GIFT."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from quiz.content.interchange.shared import slug

# Moodle's extract_idnumber_and_tags_from_comment: `\]` is an escaped `]`, and neither
# token spans a line or holds a control character; tags also leave out < > and `.
_ID = re.compile(r"\[id:((?:\\\]|[^\]\x00-\x1f\x7f])+)\]")
_TAG = re.compile(r"\[tag:((?:\\\]|[^\]<>`\x00-\x1f\x7f])*)\]")
_ID_FORM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
TAG_LENGTH = 40
_CATEGORY_ROOTS = ("$course$/", "$system$/", "$module$/", "$coursecategory$/", "top/")

Warn = Callable[[str], None]


def comment_metadata(comments: list[str], warn: Warn) -> dict:
    """Id, tags and `quiz:` extras from the comments written in a question's paragraph."""
    meta: dict = {"tags": []}
    text = "\n".join(comments)
    for comment in comments:
        if comment.startswith("quiz:"):
            try:
                extra = json.loads(comment.removeprefix("quiz:"))
            except ValueError:
                warn("a `// quiz:` comment is not valid JSON; it was ignored")
                continue
            if isinstance(extra, dict):
                meta.update({k: v for k, v in extra.items() if k not in ("tags", "bank")})
    found = _ID.search(text)
    if found:
        wanted = found.group(1).replace("\\]", "]").strip()
        meta["id"] = wanted if _ID_FORM.fullmatch(wanted) else slug(wanted, "")
        if meta["id"] != wanted:
            became = repr(meta["id"]) if meta["id"] else "a numbered id"
            warn(f"the id {wanted!r} holds characters an id cannot have; it became {became}")
    for raw in _TAG.findall(text):
        tag = as_tag(raw.replace("\\]", "]").strip(), "tag", warn)
        if tag:
            meta["tags"].append(tag)
    return meta


def as_tag(text: str, what: str, warn: Warn) -> str:
    """A tag as our model holds it: no commas, at most 40 characters; changes are said."""
    tag = text.replace(",", ";")
    if len(tag) > TAG_LENGTH:
        tag = tag[:TAG_LENGTH].rstrip()
        warn(f"the {what} {text!r} is longer than {TAG_LENGTH} characters; it was cut to "
             f"{tag!r}")
    elif tag != text:
        warn(f"the {what} {text!r} holds commas, which tags cannot; it became {tag!r}")
    return tag


def category_tag(path: str, warn: Warn) -> str | None:
    """A `$CATEGORY:` path as a tag; the course's top category means no tag at all. A long
    path keeps its deepest levels that fit, and says so."""
    for prefix in _CATEGORY_ROOTS:
        path = path.removeprefix(prefix)
    path = path.strip()
    if path in ("", "top"):
        return None
    levels = path.replace(",", ";").split("/")
    kept = levels[-1]
    for level in reversed(levels[:-1]):
        if len(level) + 1 + len(kept) > TAG_LENGTH:
            break
        kept = f"{level}/{kept}"
    if kept != path:
        tag = as_tag(kept, "category", lambda _: None)
        warn(f"the category {path!r} is longer than a tag's {TAG_LENGTH} characters; its "
             f"questions are tagged {tag!r}")
        return tag
    return as_tag(kept, "category", warn)


def bank_metadata(comments: list[str]) -> dict | None:
    """Our export's `// quiz: {"bank": {…}}` header: the bank's id, title and the rest."""
    for comment in comments:
        if comment.startswith("quiz:"):
            try:
                extra = json.loads(comment.removeprefix("quiz:"))
            except ValueError:
                continue
            if isinstance(extra, dict) and isinstance(extra.get("bank"), dict):
                return extra["bank"]
    return None


def apply_metadata(data: dict, meta: dict, category: str | None) -> None:
    """Restore what our own export keeps in comments, and undo what it added to the
    visible text for Moodle's benefit (the scenario line and the source lines)."""
    from quiz.content.key import context_text
    from quiz.model.common import Source
    from quiz.model.questions import Context

    tags = ([category] if category else []) + meta.get("tags", [])
    if tags:
        data["tags"] = list(dict.fromkeys(tags))
    context = meta.get("context")
    if isinstance(context, dict):
        try:
            prefix = context_text(Context.model_validate(context)) + "\n\n"
        except ValueError:
            prefix = None
        if prefix and data["prompt"].startswith(prefix):
            data["prompt"] = data["prompt"][len(prefix):]
        data["context"] = context
    sources = meta.get("sources")
    if isinstance(sources, list) and sources:
        try:
            lines = "".join(f"\nSource: {Source.model_validate(s).citation()}" for s in sources)
        except ValueError:
            lines = None
        explanation = data.get("explanation", "")
        if lines and (explanation == lines.lstrip("\n") or explanation.endswith(lines)):
            explanation = explanation[:-len(lines)].rstrip("\n") if explanation.endswith(
                lines) else ""
            if explanation:
                data["explanation"] = explanation
            else:
                data.pop("explanation", None)
        data["sources"] = sources
    if meta.get("type") == "multiple_select" and data["type"] == "single_choice":
        data["type"], data["answers"] = "multiple_select", [data.pop("answer")]
    only = {"unit": "numeric", "case_sensitive": "short_answer"}
    for key in ("difficulty", "points", "time_limit", "unit", "case_sensitive"):
        if key in meta and only.get(key, data["type"]) == data["type"]:
            data[key] = meta[key]
