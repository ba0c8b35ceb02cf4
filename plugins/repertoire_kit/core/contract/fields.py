"""The content contract as data: every front-matter field, its type and its rules.

The validator (`convert_fields`) and the JSON Schemas for editors (`core.json_schema`) are both
derived from these declarations, so the documentation, the editor and the check cannot drift.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..clock import SLACK
from ..diagnostics import Diagnostics, Position
from ..suggest import did_you_mean
from .file_types import IMAGE_EXTENSIONS
from .yaml_reader import describe_node, mapping_items, node_position

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# An entry's file name (and so the last part of its id): collections brought in from elsewhere
# often use underscores, and nothing in a URL needs them replaced.
ENTRY_NAME_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?$")
ICON_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*(/[a-z0-9]+(-[a-z0-9]+)*)+$")
DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YEAR_PATTERN = re.compile(r"^\d{4}$")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_READS_AS = {
    "tag:yaml.org,2002:bool": "a yes/no value",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:null": "an empty value",
}


class FieldType(str, Enum):
    """The value shapes the contract knows."""

    TEXT = "text"
    DATE = "date"
    YEAR_OR_DATE = "year-or-date"
    BOOL = "bool"
    NUMBER = "number"
    CHOICE = "choice"
    ID = "id"
    ID_LIST = "id-list"
    TEXT_LIST = "text-list"
    URL = "url"
    IMAGE = "image"
    ICON = "icon"
    RECORDS = "records"
    MAPPING = "mapping"


@dataclass(frozen=True)
class Field:
    """One front-matter key: what it holds, whether it is required, and its limits."""

    name: str
    type: FieldType
    description: str
    required: bool = False
    max_length: int | None = None
    choices: tuple[str, ...] = ()
    min_items: int = 0
    refers_to: str = ""
    url_schemes: tuple[str, ...] = ()
    item_fields: tuple[Field, ...] = ()
    example: str = ""


@dataclass(frozen=True)
class RecordSchema:
    """The fields of one kind of file (entry, member, problem type, path)."""

    name: str
    title: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        """The declaration of `name`, if the contract has it."""
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class Located:
    """A converted value with the position of what the contributor wrote.

    `items` holds the position of each list element, and for lists of records the converted
    fields of each record, so that a later cross-reference check can point at the exact line.
    """

    value: Any
    pos: Position
    items: tuple[Position, ...] = ()
    records: tuple[dict[str, Located], ...] = field(default_factory=tuple)


@dataclass
class _Context:
    path: str
    first_line: int
    diags: Diagnostics
    # The latest date a value may hold (see `core.clock`); None: dates are not compared.
    latest: dt.date | None = None

    def pos(self, node: Node) -> Position:
        return node_position(node, self.first_line)

    def error(self, node: Node, label: str, message: str, hint: str = "") -> None:
        self.diags.error(self.path, self.pos(node), label, message, hint)


def _quote_hint(label: str, raw: str) -> str:
    """How to write the value as text: `title: "NO"`, or `"on"` for an item of a list."""
    if label.endswith("]"):
        return f"put it in quotes: \"{raw}\""
    leaf = label.rsplit(".", 1)[-1]
    return f"put it in quotes: {leaf}: \"{raw}\""


def _text(node: Node, spec: Field, label: str, ctx: _Context) -> str | None:
    """A text scalar; a bare value YAML would read as something else is an error."""
    if not isinstance(node, ScalarNode):
        ctx.error(node, label, f"expected text, found {describe_node(node)}")
        return None
    if node.tag == _NULL and node.style in (None, ""):
        ctx.error(node, label, "is empty", f"write a value after '{spec.name}:'")
        return None
    if node.tag != _STR:
        reads_as = _READS_AS.get(node.tag, "something other than text")
        if ":" in node.value and reads_as == "a number":
            reads_as = "a base-60 number (YAML 1.1 reads times that way)"
        ctx.error(
            node, label, f"'{node.value}' is read by YAML as {reads_as}, not as text",
            _quote_hint(label, node.value),
        )
        return None
    value = str(node.value).strip()
    if not value:
        ctx.error(node, label, "is empty", f"write a value after '{spec.name}:'")
        return None
    control = _CONTROL.search(value)
    if control:
        ctx.error(
            node, label, f"contains the invisible control character U+{ord(control.group(0)):04X}",
            "retype the value; it was probably pasted from another program",
        )
        return None
    if spec.max_length is not None and len(value) > spec.max_length:
        ctx.error(
            node, label,
            f"is {len(value)} characters long; at most {spec.max_length} are allowed",
            "shorten it; the full story belongs in the body",
        )
        return None
    return value


def _date(node: Node, label: str, ctx: _Context, allow_year: bool) -> dt.date | int | None:
    """A calendar date written YYYY-MM-DD (or a year, where allowed), checked to exist."""
    expected = "a year (YYYY) or a date (YYYY-MM-DD)" if allow_year else "a date (YYYY-MM-DD)"
    if not isinstance(node, ScalarNode) or node.tag == _NULL:
        ctx.error(node, label, f"expected {expected}, found {describe_node(node)}")
        return None
    raw = str(node.value).strip()
    if allow_year and YEAR_PATTERN.match(raw):
        year = int(raw)
        return None if _in_the_future(year, node, label, ctx) else year
    if not DATE_PATTERN.match(raw):
        hint = "write it as 2024-03-09" if not allow_year else "write it as 2019 or 2019-03-09"
        ctx.error(node, label, f"'{raw}' is not {expected}", hint)
        return None
    try:
        date = dt.date.fromisoformat(raw)
    except ValueError:
        ctx.error(node, label, f"'{raw}' is not a real date", "check the month and the day")
        return None
    return None if _in_the_future(date, node, label, ctx) else date


def _in_the_future(value: dt.date | int, node: Node, label: str, ctx: _Context) -> bool:
    """Report a date (or a year) after the latest allowed one; whether it was reported.

    Every date field goes through here, so a date field added to the contract later is
    checked too.
    """
    latest = ctx.latest
    if latest is None:
        return False
    late = value > latest.year if isinstance(value, int) else value > latest
    if late:
        today = latest - SLACK
        ctx.error(
            node, label, f"'{value}' is in the future (today is {today.isoformat()})",
            "write the date it happened; a typo in the year is the usual cause",
        )
    return late


def _bool(node: Node, label: str, ctx: _Context) -> bool | None:
    """Only `true` and `false`: YAML 1.1's yes/no/on/off are too easy to write by accident."""
    if isinstance(node, ScalarNode) and node.style in (None, "") and node.value in ("true", "false"):
        return bool(node.value == "true")
    raw = node.value if isinstance(node, ScalarNode) else describe_node(node)
    ctx.error(node, label, f"expected true or false, found '{raw}'", "write true or false")
    return None


def _number(node: Node, label: str, ctx: _Context) -> float | None:
    if isinstance(node, ScalarNode) and node.tag in (
        "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
    ):
        try:
            return float(node.value)
        except ValueError:
            pass
    ctx.error(node, label, "expected a number")
    return None


def _choice(node: Node, spec: Field, label: str, ctx: _Context) -> str | None:
    value = _text(node, spec, label, ctx)
    if value is None:
        return None
    if value not in spec.choices:
        suggestion = did_you_mean(value, spec.choices)
        ctx.error(
            node, label, f"'{value}' is not one of: {', '.join(spec.choices)}",
            suggestion or f"use one of: {', '.join(spec.choices)}",
        )
        return None
    return value


def _id(node: Node, spec: Field, label: str, ctx: _Context) -> str | None:
    value = _text(node, spec, label, ctx)
    if value is None:
        return None
    pattern = ID_PATTERN if spec.refers_to != "entry" else None
    if pattern and not pattern.match(value):
        ctx.error(
            node, label, f"'{value}' is not a valid id",
            "ids use lower-case letters, digits and single hyphens, like 'risk-assessment'",
        )
        return None
    return value


def _url(node: Node, spec: Field, label: str, ctx: _Context) -> str | None:
    value = _text(node, spec, label, ctx)
    if value is None:
        return None
    scheme = value.split(":", 1)[0].lower() if ":" in value else ""
    if scheme not in spec.url_schemes or any(ch.isspace() for ch in value):
        allowed = " or ".join(f"{s}:" for s in spec.url_schemes)
        ctx.error(node, label, f"'{value}' is not an allowed link", f"links must start with {allowed}")
        return None
    return value


def _image(node: Node, spec: Field, label: str, ctx: _Context) -> str | None:
    """An https URL or a path to an image inside the docs folder (checked by the loader)."""
    value = _text(node, spec, label, ctx)
    if value is None:
        return None
    if value.lower().startswith("https://"):
        return value
    if ":" in value or value.startswith(("/", "\\")) or ".." in value.split("/"):
        ctx.error(
            node, label, f"'{value}' is not an https URL or a path inside the docs folder",
            "use https://… or a path such as assets/avatars/name.jpg",
        )
        return None
    if not value.lower().endswith(tuple(f".{ext}" for ext in IMAGE_EXTENSIONS)):
        ctx.error(node, label, f"'{value}' is not an image file",
                  "use a " + ", ".join(f".{ext}" for ext in IMAGE_EXTENSIONS) + " file")
        return None
    return value


def _icon(node: Node, spec: Field, label: str, ctx: _Context) -> str | None:
    value = _text(node, spec, label, ctx)
    if value is None:
        return None
    if not ICON_PATTERN.match(value):
        ctx.error(
            node, label, f"'{value}' is not an icon name",
            "use a Material icon name such as material/lightbulb",
        )
        return None
    return value


def _list(node: Node, spec: Field, label: str, ctx: _Context) -> Located | None:
    """A list of ids or text; a single bare value gets a hint to wrap it in brackets."""
    if not isinstance(node, SequenceNode):
        if isinstance(node, ScalarNode) and node.tag != _NULL:
            ctx.error(
                node, label, f"expected a list, found the single value '{node.value}'",
                f"write it as a list: {spec.name}: [{node.value}]",
            )
        else:
            ctx.error(node, label, f"expected a list, found {describe_node(node)}")
        return None
    values: list[Any] = []
    positions: list[Position] = []
    ok = True
    for index, item in enumerate(node.value):
        item_label = f"{label}[{index}]"
        if spec.type is FieldType.ID_LIST:
            value = _id(item, spec, item_label, ctx)
        elif spec.choices:
            value = _choice(item, spec, item_label, ctx)
        else:
            value = _text(item, spec, item_label, ctx)
        if value is None:
            ok = False
            continue
        if value in values:
            ctx.error(item, item_label, f"'{value}' is listed twice", "remove the repeat")
            ok = False
            continue
        values.append(value)
        positions.append(ctx.pos(item))
    if ok and len(values) < spec.min_items:
        ctx.error(
            node, label, f"needs at least {spec.min_items} item{'s' if spec.min_items > 1 else ''}",
        )
        return None
    if not ok:
        return None
    return Located(tuple(values), ctx.pos(node), tuple(positions))


def _records(node: Node, spec: Field, label: str, ctx: _Context) -> Located | None:
    """A list of small mappings such as links or path steps."""
    if not isinstance(node, SequenceNode):
        ctx.error(
            node, label, f"expected a list of entries each with {_field_names(spec)}, "
            f"found {describe_node(node)}",
            f"start each item with '- {spec.item_fields[0].name}: …'",
        )
        return None
    records: list[dict[str, Located]] = []
    ok = True
    for index, item in enumerate(node.value):
        item_label = f"{label}[{index}]"
        if not isinstance(item, MappingNode):
            ctx.error(
                item, item_label, f"expected {_field_names(spec)}, found {describe_node(item)}",
                f"write '- {spec.item_fields[0].name}: …' with the other fields indented below it",
            )
            ok = False
            continue
        converted = convert_mapping(item, spec.item_fields, item_label, ctx)
        if converted is None:
            ok = False
            continue
        records.append(converted)
    if ok and len(records) < spec.min_items:
        ctx.error(node, label, f"needs at least {spec.min_items} items, found {len(records)}")
        return None
    if not ok:
        return None
    values = tuple({k: v.value for k, v in record.items()} for record in records)
    positions = tuple(ctx.pos(item) for item in node.value)
    return Located(values, ctx.pos(node), positions, tuple(records))


def _field_names(spec: Field) -> str:
    return ", ".join(f"'{f.name}'" for f in spec.item_fields)


def _convert(node: Node, spec: Field, label: str, ctx: _Context) -> Located | None:
    """Dispatch one value to the converter of its declared type."""
    kind = spec.type
    if kind in (FieldType.ID_LIST, FieldType.TEXT_LIST):
        return _list(node, spec, label, ctx)
    if kind is FieldType.RECORDS:
        return _records(node, spec, label, ctx)
    if kind is FieldType.MAPPING:
        if not isinstance(node, MappingNode):
            ctx.error(node, label, f"expected {_field_names(spec)}, found {describe_node(node)}")
            return None
        converted = convert_mapping(node, spec.item_fields, label, ctx)
        if converted is None:
            return None
        return Located({k: v.value for k, v in converted.items()}, ctx.pos(node))
    value: Any
    if kind is FieldType.TEXT:
        value = _text(node, spec, label, ctx)
    elif kind is FieldType.DATE:
        value = _date(node, label, ctx, allow_year=False)
    elif kind is FieldType.YEAR_OR_DATE:
        value = _date(node, label, ctx, allow_year=True)
    elif kind is FieldType.BOOL:
        value = _bool(node, label, ctx)
    elif kind is FieldType.NUMBER:
        value = _number(node, label, ctx)
    elif kind is FieldType.CHOICE:
        value = _choice(node, spec, label, ctx)
    elif kind is FieldType.ID:
        value = _id(node, spec, label, ctx)
    elif kind is FieldType.URL:
        value = _url(node, spec, label, ctx)
    elif kind is FieldType.IMAGE:
        value = _image(node, spec, label, ctx)
    else:
        value = _icon(node, spec, label, ctx)
    return None if value is None else Located(value, ctx.pos(node))


def convert_mapping(
    node: MappingNode, specs: tuple[Field, ...], where: str, ctx: _Context
) -> dict[str, Located] | None:
    """Convert every field of a mapping; unknown keys get a did-you-mean; None on any error."""
    result, ok = _convert_mapping_parts(node, specs, where, ctx)
    return result if ok else None


def _convert_mapping_parts(
    node: MappingNode, specs: tuple[Field, ...], where: str, ctx: _Context
) -> tuple[dict[str, Located], bool]:
    """The fields that converted, and whether every field did (all problems are reported)."""
    by_name = {spec.name: spec for spec in specs}
    result: dict[str, Located] = {}
    present: set[str] = set()
    items = mapping_items(node, ctx.path, ctx.first_line, ctx.diags, where)
    ok = len(items) == len(node.value)  # a repeated or non-text key was reported and skipped
    for key, value_node, key_pos in items:
        present.add(key)
        label = f"{where}.{key}" if where else key
        spec = by_name.get(key)
        if spec is None:
            suggestion = did_you_mean(key, by_name)
            ctx.diags.error(
                ctx.path, key_pos, label, f"unknown field '{key}'",
                suggestion or f"the fields here are: {', '.join(sorted(by_name))}",
            )
            ok = False
            continue
        converted = _convert(value_node, spec, label, ctx)
        if converted is None:
            ok = False
            continue
        result[key] = converted
    missing = [spec.name for spec in specs if spec.required and spec.name not in present]
    for name in missing:
        label = f"{where}.{name}" if where else name
        ctx.diags.error(
            ctx.path, ctx.pos(node) if where else Position(ctx.first_line - 1), label,
            f"required field '{name}' is missing", f"add a line '{name}: …'",
        )
        ok = False
    return result, ok


def convert_fields(
    root: MappingNode, schema: RecordSchema, path: str, first_line: int, diags: Diagnostics,
    latest: dt.date | None = None,
) -> dict[str, Located] | None:
    """Validate a whole front-matter mapping against a record schema.

    Returns the converted fields, or None when anything was wrong (every problem is reported).
    With `latest`, a date after it is an error (see `core.clock`).
    """
    return convert_mapping(root, schema.fields, "", _Context(path, first_line, diags, latest))


def convert_fields_partial(
    root: MappingNode, schema: RecordSchema, path: str, first_line: int, diags: Diagnostics,
    latest: dt.date | None = None,
) -> tuple[dict[str, Located], bool]:
    """Like `convert_fields`, but keep the fields that did convert when others did not.

    The loader checks the references of a file with other errors too, so that one run reports
    an unknown member id and an impossible date of the same file together.
    """
    return _convert_mapping_parts(
        root, schema.fields, "", _Context(path, first_line, diags, latest)
    )
