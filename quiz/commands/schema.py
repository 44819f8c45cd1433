"""`quiz schema`: the JSON Schema that documents every field of a file format."""

from __future__ import annotations

import json


def schema_for(kind: str) -> dict:
    """The JSON Schema for one document kind, with a title and the field docstrings."""
    from quiz.content.load import document_kinds

    model = document_kinds()[kind].model
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return schema


def schema_text(kind: str) -> str:
    """The schema as stable, pretty JSON text ending in a newline."""
    return json.dumps(schema_for(kind), indent=2, ensure_ascii=False) + "\n"
