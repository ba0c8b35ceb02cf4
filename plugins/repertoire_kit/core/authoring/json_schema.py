"""JSON Schemas for editors, derived from the same field declarations as the validator.

One schema (draft 2020-12) per kind of front matter: entries, members, problem types and
curated paths. Every property, type, limit, pattern and choice comes from the `Field`
declarations in `core.schemas` and the patterns in `core.fields`, so a field added to the
contract appears here without anyone editing this file.

A schema sees front matter the way an editor's YAML 1.2 parser does: `2024-03-01` is a
string and `2019` a number. What YAML 1.1 reads differently (a bare `NO` or `1.10`) cannot be
told apart in JSON, so those stay with `repertoire check`; the schemas give completion,
descriptions and early errors, and the check stays the authority.
"""

from __future__ import annotations

import re
from typing import Any

from ..contract.fields import (
    DATE_PATTERN,
    ENTRY_NAME_PATTERN,
    ICON_PATTERN,
    ID_PATTERN,
    YEAR_PATTERN,
    Field,
    FieldType,
    RecordSchema,
)
from ..contract.file_types import IMAGE_EXTENSIONS
from ..contract.schemas import record_schemas
from ..settings import Settings

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMAS_FOLDER = "schemas"
# The characters `fields._CONTROL` rejects, written for an ECMA-262 character class.
_CONTROL_CLASS = "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\ufffe\\uffff]"
def schema_file_name(record: RecordSchema) -> str:
    """`entry.schema.json` and so on: the name under /schemas/ of the published site."""
    return f"{record.name}.schema.json"


def _any_case(word: str) -> str:
    """A pattern matching `word` in any letter case (JSON Schema patterns have no flags)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


def _entry_id_pattern(settings: Settings) -> str:
    """An entry id: a configured kind folder, a slash, and an entry's file name."""
    folders = "|".join(re.escape(kind.folder) for kind in settings.kinds)
    return f"^({folders})/{ENTRY_NAME_PATTERN.pattern.lstrip('^')}"


def _text(spec: Field) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "string", "minLength": 1, "pattern": "\\S",
        "not": {"pattern": _CONTROL_CLASS},
    }
    if spec.max_length is not None:
        schema["maxLength"] = spec.max_length
    return schema


def _id(spec: Field, settings: Settings) -> dict[str, Any]:
    pattern = _entry_id_pattern(settings) if spec.refers_to == "entry" else ID_PATTERN.pattern
    return {"type": "string", "pattern": pattern}


def _url(spec: Field) -> dict[str, Any]:
    schemes = "|".join(_any_case(scheme) for scheme in spec.url_schemes)
    return {"type": "string", "pattern": f"^({schemes}):\\S*$"}


def _image() -> dict[str, Any]:
    extensions = "|".join(_any_case(ext) for ext in IMAGE_EXTENSIONS)
    inside_docs = f"^(?![/\\\\])(?!(.*/)?\\.\\.(/|$))[^:]*\\.({extensions})$"
    return {
        "type": "string",
        "anyOf": [{"pattern": f"^{_any_case('https')}://\\S+$"}, {"pattern": inside_docs}],
    }


def _date() -> dict[str, Any]:
    return {"type": "string", "pattern": DATE_PATTERN.pattern, "format": "date"}


def _year_or_date() -> dict[str, Any]:
    year = YEAR_PATTERN.pattern
    return {
        "anyOf": [
            {"type": "integer", "minimum": 1000, "maximum": 9999},
            {"type": "string", "pattern": year},
            _date(),
        ],
    }


def _object(fields: tuple[Field, ...], settings: Settings) -> dict[str, Any]:
    """A mapping of declared fields: nothing else allowed, the required ones required."""
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {spec.name: field_schema(spec, settings) for spec in fields},
        "additionalProperties": False,
    }
    required = [spec.name for spec in fields if spec.required]
    if required:
        schema["required"] = required
    return schema


def _scalar(spec: Field, settings: Settings) -> dict[str, Any]:
    """The schema of one value of a scalar field (also used for list items)."""
    if spec.choices:
        return {"type": "string", "enum": list(spec.choices)}
    kind = spec.type
    if kind in (FieldType.ID, FieldType.ID_LIST):
        return _id(spec, settings)
    if kind is FieldType.DATE:
        return _date()
    if kind is FieldType.YEAR_OR_DATE:
        return _year_or_date()
    if kind is FieldType.BOOL:
        return {"type": "boolean"}
    if kind is FieldType.NUMBER:
        return {"type": "number"}
    if kind is FieldType.URL:
        return _url(spec)
    if kind is FieldType.IMAGE:
        return _image()
    if kind is FieldType.ICON:
        return {"type": "string", "pattern": ICON_PATTERN.pattern}
    return _text(spec)


def field_schema(spec: Field, settings: Settings) -> dict[str, Any]:
    """The JSON Schema of one declared field, with its description for editor tooltips."""
    kind = spec.type
    schema: dict[str, Any]
    if kind in (FieldType.ID_LIST, FieldType.TEXT_LIST):
        schema = {"type": "array", "items": _scalar(spec, settings), "uniqueItems": True}
    elif kind is FieldType.RECORDS:
        schema = {"type": "array", "items": _object(spec.item_fields, settings)}
    elif kind is FieldType.MAPPING:
        schema = _object(spec.item_fields, settings)
    else:
        schema = _scalar(spec, settings)
    if spec.min_items and schema.get("type") == "array":
        schema["minItems"] = spec.min_items
    schema["description"] = spec.description
    if spec.example:
        schema["examples"] = [spec.example]
    return schema


def record_json_schema(record: RecordSchema, settings: Settings) -> dict[str, Any]:
    """The whole document for one kind of front matter."""
    document: dict[str, Any] = {"$schema": DRAFT}
    if settings.site_url:
        base = settings.site_url.rstrip("/")
        document["$id"] = f"{base}/{SCHEMAS_FOLDER}/{schema_file_name(record)}"
    document["title"] = f"{settings.site_name} front matter: {record.title}"
    document["description"] = (
        "Generated from the field declarations that `repertoire check` enforces; "
        "the check remains the authority."
    )
    document.update(_object(record.fields, settings))
    return document


def schema_documents(settings: Settings) -> dict[str, dict[str, Any]]:
    """File name → JSON Schema document, for every kind of front matter."""
    return {
        schema_file_name(record): record_json_schema(record, settings)
        for record in record_schemas(settings)
    }
