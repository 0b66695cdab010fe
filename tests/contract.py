"""Validation of command output against the shipped JSON Schema (the contract)."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

import jsonschema

from newsctl.schema import document_schema

ENVELOPE_KEYS = ["schema_version", "command", "version", "options", "documents"]


@cache
def document_validator() -> jsonschema.Draft202012Validator:
    schema = document_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def validate_document(document: dict[str, Any]) -> None:
    document_validator().validate(document)


def validate_json_output(text: str) -> dict[str, Any]:
    """Parse `-f json` output, check the envelope and every DOCUMENT; return it."""
    data = json.loads(text)
    assert list(data) == ENVELOPE_KEYS
    assert data["schema_version"] == 1
    for document in data["documents"]:
        validate_document(document)
    return data


def validate_jsonl_output(text: str) -> list[dict[str, Any]]:
    documents = [json.loads(line) for line in text.splitlines()]
    for document in documents:
        validate_document(document)
    return documents
