"""The JSON Schema of the output contract's DOCUMENT, put together from
document.schema.json (what every DOCUMENT has) and one fragment per analyzer
(NAME.json: its `properties` and `$defs`), in registry order."""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files
from typing import Any


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(files("newsctl.schema").joinpath(name).read_text(encoding="utf-8"))
    return data


@cache
def document_schema() -> dict[str, Any]:
    """The whole schema. Fragment properties go before `error`, which stays last."""
    from newsctl.analyzers.registry import SPECS
    from newsctl.blocks import KIND_ORDER

    schema = _load("document.schema.json")
    schema["$defs"]["block"]["properties"]["kind"]["enum"] = list(KIND_ORDER)
    properties: dict[str, Any] = schema["properties"]
    error = properties.pop("error")
    for spec in SPECS:
        if spec.schema is None:
            continue
        fragment = _load(f"{spec.schema}.json")
        properties.update(fragment.get("properties", {}))
        schema["$defs"].update(fragment.get("$defs", {}))
    properties["error"] = error
    return schema


def schema_text() -> str:
    """`newsctl schema`'s output."""
    return json.dumps(document_schema(), indent=2, ensure_ascii=False) + "\n"
