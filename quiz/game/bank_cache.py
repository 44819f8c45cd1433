"""A cache of validated banks as JSON, so a start skips re-parsing unchanged YAML files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pydantic import ValidationError

from quiz import __version__
from quiz.content.atomic import write_text_atomic
from quiz.content.load import load_bank
from quiz.model.bank import Bank


def _stamp(path: Path) -> list:
    """What must match for a cached copy to stand in for the file."""
    stat = path.stat()
    return [str(path.resolve()), stat.st_size, stat.st_mtime_ns, __version__]


def cached_load_bank(path: Path, folder: Path | None) -> Bank:
    """Load a bank, through the cache when one is given. A stale, damaged or unwritable
    cache only costs the time of a normal load; invalid banks still raise LoadError."""
    if folder is None:
        return load_bank(path)
    try:
        stamp = _stamp(path)
    except OSError:
        return load_bank(path)  # gone or unreadable: the loader says which, with the path
    entry = folder / (hashlib.sha1(stamp[0].encode()).hexdigest() + ".json")
    try:
        saved = json.loads(entry.read_text(encoding="utf-8"))
        if saved.get("stamp") == stamp:
            return Bank.model_validate(saved["bank"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError, ValidationError):
        pass
    bank = load_bank(path)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = bank.model_dump(mode="json", by_alias=True)
        write_text_atomic(entry, json.dumps({"stamp": stamp, "bank": data}))
    except OSError:
        pass  # a read-only data folder just means no cache
    return bank


def cached_titles(folder: Path) -> dict[str, tuple[str, dict[str, str]]]:
    """Bank id → (title, chapter id → title) for every bank the cache holds, so history
    can name banks played from any file. Read as plain JSON; damaged entries are skipped."""
    titles: dict[str, tuple[str, dict[str, str]]] = {}
    for entry in sorted(folder.glob("*.json")) if folder.is_dir() else []:
        try:
            bank = json.loads(entry.read_text(encoding="utf-8"))["bank"]
            chapters = {s["id"]: str(s["title"]) for s in bank.get("scenarios", [])}
            titles.setdefault(str(bank["id"]), (str(bank["title"]), chapters))
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            continue
    return titles
