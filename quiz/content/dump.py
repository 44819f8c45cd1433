"""Write models back out as tidy YAML or JSON that loads to an equal model."""

from __future__ import annotations

import json
import os
from pathlib import Path

import yaml
from pydantic import BaseModel

SCHEMA_COMMENT = "# yaml-language-server: $schema={schema}\n"
SCHEMA = Path(__file__).resolve().parents[2] / "docs" / "bank.schema.json"


def schema_reference(target: Path | str) -> str:
    """How a bank written to `target` should name the schema: relative to the folder the
    file really lands in (through symlinks), as editors resolve it; an absolute file URL
    when no relative path exists; the bare name if the schema is not installed."""
    if not SCHEMA.exists():
        return "bank.schema.json"
    folder = Path(os.path.realpath(target)).parent
    try:
        return Path(os.path.relpath(SCHEMA, folder)).as_posix()
    except ValueError:  # another drive on Windows
        return SCHEMA.as_uri()


class _TidyDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Block style, with long and multi-line text written as readable literal blocks.
    libyaml's emitter writes the same text as PyYAML's, six times faster."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value and value == value.strip() and "\t" not in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_TidyDumper.add_representer(str, _represent_text)


def model_data(model: BaseModel) -> dict:
    """Plain data for a model, leaving out unset optional fields and defaults."""
    data = model.model_dump(mode="json", by_alias=True, exclude_none=True, exclude_defaults=True)
    return _type_after_id(data)


def _type_after_id(value):
    """Readers look for a question's `type` next to its `id`, not after its tags."""
    if isinstance(value, list):
        return [_type_after_id(item) for item in value]
    if not isinstance(value, dict):
        return value
    tidy = {key: _type_after_id(item) for key, item in value.items()}
    if "id" in tidy and "type" in tidy:
        head = {"id": tidy.pop("id"), "type": tidy.pop("type")}
        tidy = head | tidy
    return tidy


def to_yaml(model: BaseModel, *, schema: str | None = None) -> str:
    """YAML text for a model; with `schema`, a first line pointing editors at it."""
    body = yaml.dump(model_data(model), Dumper=_TidyDumper, sort_keys=False,
                     allow_unicode=True, width=100)
    return (SCHEMA_COMMENT.format(schema=schema) if schema else "") + body


def to_json(model: BaseModel) -> str:
    """Pretty JSON text for a model."""
    return json.dumps(model_data(model), indent=2, ensure_ascii=False) + "\n"
