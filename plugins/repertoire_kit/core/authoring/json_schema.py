"""JSON Schemas for editors, derived from the same field declarations as the validator.

One schema (draft 2020-12) per record type: entries, members, problem types and
curated paths. Every property, type, limit, pattern and choice comes from the `Field`
declarations in `contract.schemas` and their handlers in `contract.fields`, so a field added
to the contract appears here without anyone editing this file.

A schema sees front matter the way an editor's YAML 1.2 parser does: `2024-03-01` is a
string and `2019` a number. What YAML 1.1 reads differently (a bare `NO` or `1.10`) cannot be
told apart in JSON, so those stay with `repertoire check`; the schemas give completion,
descriptions and early errors, and the check stays the authority.
"""

from __future__ import annotations

from typing import Any

from ..contract.fields import RecordSchema, object_schema
from ..contract.schemas import record_schemas
from ..settings import Settings

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS_FOLDER = "schemas"


def schema_file_name(record: RecordSchema) -> str:
    """`entry.schema.json` and so on: the name under /schemas/ of the published site."""
    return f"{record.name}.schema.json"


def record_json_schema(record: RecordSchema, settings: Settings) -> dict[str, Any]:
    """The whole document for one record type."""
    document: dict[str, Any] = {"$schema": DRAFT}
    if settings.site_url:
        base = settings.site_url.rstrip("/")
        document["$id"] = f"{base}/{SCHEMAS_FOLDER}/{schema_file_name(record)}"
    document["title"] = f"{settings.site_name} front matter: {record.title}"
    document["description"] = (
        "Generated from the field declarations that `repertoire check` enforces; "
        "the check remains the authority."
    )
    document.update(object_schema(record.fields, settings))
    return document


def schema_documents(settings: Settings) -> dict[str, dict[str, Any]]:
    """File name → JSON Schema document, for every record type."""
    return {
        schema_file_name(record): record_json_schema(record, settings)
        for record in record_schemas(settings)
    }
