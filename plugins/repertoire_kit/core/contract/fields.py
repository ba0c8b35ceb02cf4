"""The content contract as data: every front-matter field, its type and its rules.

Each field type has one handler (as each of MkDocs' `config_options` knows how to validate
itself): it reads a value, describes it as JSON Schema and says what an editor offers for it.
The validator, the editors' schemas (`authoring.json_schema`) and the snippets
(`authoring.editor_snippets`) all ask the handler, so a field declared once is checked,
described and offered the same way everywhere.
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
from ..model import RecordType
from ..settings import Settings
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
# The same characters, written for an ECMA-262 character class (JSON Schema patterns).
_CONTROL_CLASS = "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f\\ufffe\\uffff]"
_STR = "tag:yaml.org,2002:str"
_NULL = "tag:yaml.org,2002:null"
_READS_AS = {
    "tag:yaml.org,2002:bool": "a yes/no value",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
    "tag:yaml.org,2002:null": "an empty value",
}


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
    refers_to: RecordType | None = None
    url_schemes: tuple[str, ...] = ()
    item_fields: tuple[Field, ...] = ()
    example: str = ""
    # Fields that must be written whenever this one is (a review date and its reviewers).
    requires: tuple[str, ...] = ()

    @property
    def handler(self) -> FieldHandler:
        """How a value of this field is read, described and offered."""
        handler: FieldHandler = self.type.value
        return handler


@dataclass(frozen=True)
class RecordSchema:
    """The fields of one record type (entry, member, problem type, path)."""

    name: RecordType
    title: str
    fields: tuple[Field, ...]

    def field(self, name: str) -> Field | None:
        """The declaration of `name`, if the contract has it."""
        return next((f for f in self.fields if f.name == name), None)

    def references(self) -> tuple[tuple[str, RecordType], ...]:
        """(name, what it names) of every field that names another record: `steps.entry` for
        the field of each of a list of records."""
        return tuple(
            (f"{spec.name}.{item.name}" if item is not spec else spec.name, item.refers_to)
            for spec in self.fields
            for item in (spec, *spec.item_fields)
            if item.refers_to
        )


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


@dataclass(frozen=True)
class Offer:
    """What an editor offers for a value: choices (the first one inserted), a value to keep
    (`TODAY`, `THIS_YEAR` or a literal), or an example to type over. With `file_suffix`, the
    example is a folder that the file's own name and the suffix complete."""

    choices: tuple[str, ...] = ()
    keep: str = ""
    example: str = ""
    file_suffix: str | None = None


TODAY = "today"
THIS_YEAR = "this year"


@dataclass
class _Context:
    path: str
    first_line: int
    diags: Diagnostics
    # The latest date a value may hold (see `core.clock`); None: dates are not compared.
    latest: dt.date | None = None

    def pos(self, node: Node) -> Position:
        return node_position(node, self.first_line)

    def error(self, at: Node | Position, label: str, message: str, hint: str = "") -> None:
        pos = at if isinstance(at, Position) else self.pos(at)
        self.diags.error(self.path, pos, label, message, hint)


def _any_case(word: str) -> str:
    """A pattern matching `word` in any letter case (JSON Schema patterns have no flags)."""
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


class FieldHandler:
    """How one field type is read from YAML, described as JSON Schema and offered to editors.

    `shape` tells a snippet how to lay the field out: one value, a list, records or a mapping.
    """

    shape = "value"

    def read(self, node: Node, spec: Field, label: str, ctx: _Context) -> Any:
        """The value, or None after reporting why the node is not one."""
        raise NotImplementedError

    def convert(self, node: Node, spec: Field, label: str, ctx: _Context) -> Located | None:
        """The value with the position it was written at."""
        value = self.read(node, spec, label, ctx)
        return None if value is None else Located(value, ctx.pos(node))

    def json_schema(self, spec: Field, settings: Settings) -> dict[str, Any]:
        """The JSON Schema of one value (of one item, for a list)."""
        raise NotImplementedError

    def offer(self, spec: Field, settings: Settings) -> Offer:
        """An example to type over: the declared one, an id of what the field refers to (an
        entry id in the first configured kind's folder), or the type's own."""
        if spec.example:
            return Offer(example=spec.example)
        if spec.refers_to is RecordType.ENTRY:
            return Offer(example=f"{settings.kinds[0].folder}/entry-id")
        if spec.refers_to:
            return Offer(example=f"{spec.refers_to}-id")
        return self.own_offer(spec)

    def own_offer(self, spec: Field) -> Offer:
        return Offer(example=spec.description)


class Text(FieldHandler):
    """Text; a bare value YAML would read as something else is an error. With `choices`, one
    of them."""

    def read(self, node: Node, spec: Field, label: str, ctx: _Context) -> str | None:
        if not isinstance(node, ScalarNode):
            ctx.error(node, label, f"expected text, found {describe_node(node)}")
            return None
        value = str(node.value).strip()
        if (node.tag == _NULL and node.style in (None, "")) or (node.tag == _STR and not value):
            ctx.error(node, label, "is empty", f"write a value after '{spec.name}:'")
            return None
        if node.tag != _STR:
            reads_as = _READS_AS.get(node.tag, "something other than text")
            if ":" in node.value and reads_as == "a number":
                reads_as = "a base-60 number (YAML 1.1 reads times that way)"
            ctx.error(
                node,
                label,
                f"'{node.value}' is read by YAML as {reads_as}, not as text",
                _quote_hint(label, node.value),
            )
            return None
        control = _CONTROL.search(value)
        if control:
            ctx.error(
                node,
                label,
                f"contains the invisible control character U+{ord(control.group(0)):04X}",
                "retype the value; it was probably pasted from another program",
            )
            return None
        if spec.max_length is not None and len(value) > spec.max_length:
            ctx.error(
                node,
                label,
                f"is {len(value)} characters long; at most {spec.max_length} are allowed",
                "shorten it; the full story belongs in the body",
            )
            return None
        if spec.choices and value not in spec.choices:
            ctx.error(
                node,
                label,
                f"'{value}' is not one of: {', '.join(spec.choices)}",
                did_you_mean(value, spec.choices) or f"use one of: {', '.join(spec.choices)}",
            )
            return None
        return value

    def json_schema(self, spec: Field, settings: Settings) -> dict[str, Any]:
        if spec.choices:
            return {"type": "string", "enum": list(spec.choices)}
        schema: dict[str, Any] = {
            "type": "string",
            "minLength": 1,
            "pattern": "\\S",
            "not": {"pattern": _CONTROL_CLASS},
        }
        if spec.max_length is not None:
            schema["maxLength"] = spec.max_length
        return schema

    def offer(self, spec: Field, settings: Settings) -> Offer:
        return Offer(choices=spec.choices) if spec.choices else super().offer(spec, settings)


def _quote_hint(label: str, raw: str) -> str:
    """How to write the value as text: `title: "NO"`, or `"on"` for an item of a list."""
    if label.endswith("]"):
        return f'put it in quotes: "{raw}"'
    leaf = label.rsplit(".", 1)[-1]
    return f'put it in quotes: {leaf}: "{raw}"'


class Date(FieldHandler):
    """A calendar date written YYYY-MM-DD (or a year, where allowed), checked to exist and
    not to lie in the future."""

    def __init__(self, allow_year: bool) -> None:
        self.allow_year = allow_year

    def read(self, node: Node, spec: Field, label: str, ctx: _Context) -> dt.date | int | None:
        expected = (
            "a year (YYYY) or a date (YYYY-MM-DD)" if self.allow_year else "a date (YYYY-MM-DD)"
        )
        if not isinstance(node, ScalarNode) or node.tag == _NULL:
            ctx.error(node, label, f"expected {expected}, found {describe_node(node)}")
            return None
        raw = str(node.value).strip()
        if self.allow_year and YEAR_PATTERN.match(raw):
            year = int(raw)
            return None if _in_the_future(year, node, label, ctx) else year
        if not DATE_PATTERN.match(raw):
            hint = "write it as 2019 or 2019-03-09" if self.allow_year else "write it as 2024-03-09"
            ctx.error(node, label, f"'{raw}' is not {expected}", hint)
            return None
        try:
            date = dt.date.fromisoformat(raw)
        except ValueError:
            ctx.error(node, label, f"'{raw}' is not a real date", "check the month and the day")
            return None
        return None if _in_the_future(date, node, label, ctx) else date

    def json_schema(self, spec: Field, settings: Settings) -> dict[str, Any]:
        date = {"type": "string", "pattern": DATE_PATTERN.pattern, "format": "date"}
        if not self.allow_year:
            return date
        return {
            "anyOf": [
                {"type": "integer", "minimum": 1000, "maximum": 9999},
                {"type": "string", "pattern": YEAR_PATTERN.pattern},
                date,
            ]
        }

    def offer(self, spec: Field, settings: Settings) -> Offer:
        return Offer(keep=THIS_YEAR if self.allow_year else TODAY)


def _in_the_future(value: dt.date | int, node: Node, label: str, ctx: _Context) -> bool:
    """Report a date (or a year) after the latest allowed one; whether it was reported."""
    latest = ctx.latest
    if latest is None:
        return False
    late = value > latest.year if isinstance(value, int) else value > latest
    if late:
        today = latest - SLACK
        ctx.error(
            node,
            label,
            f"'{value}' is in the future (today is {today.isoformat()})",
            "write the date it happened; a typo in the year is the usual cause",
        )
    return late


class Bool(FieldHandler):
    """Only `true` and `false`: YAML 1.1's yes/no/on/off are too easy to write by accident."""

    def read(self, node: Node, spec: Field, label: str, ctx: _Context) -> bool | None:
        if (
            isinstance(node, ScalarNode)
            and node.style in (None, "")
            and node.value in ("true", "false")
        ):
            return bool(node.value == "true")
        raw = node.value if isinstance(node, ScalarNode) else describe_node(node)
        ctx.error(node, label, f"expected true or false, found '{raw}'", "write true or false")
        return None

    def json_schema(self, spec: Field, settings: Settings) -> dict[str, Any]:
        return {"type": "boolean"}

    def offer(self, spec: Field, settings: Settings) -> Offer:
        return Offer(choices=("true", "false"))


class Number(FieldHandler):
    def read(self, node: Node, spec: Field, label: str, ctx: _Context) -> float | None:
        if isinstance(node, ScalarNode) and node.tag in (
            "tag:yaml.org,2002:int",
            "tag:yaml.org,2002:float",
        ):
            try:
                return float(node.value)
            except ValueError:
                pass
        ctx.error(node, label, "expected a number")
        return None

    def json_schema(self, spec: Field, settings: Settings) -> dict[str, Any]:
        return {"type": "number"}

    def offer(self, spec: Field, settings: Settings) -> Offer:
        return Offer(keep="1")


class Id(Text):
    """The id of a record: an entry's is its kind folder and file name, checked against the
    site later; every other id has the form of `ID_PATTERN`."""

    def read(self, node: Node, spec: Field, label: str, ctx: _Context) -> str | None:
        value = super().read(node, spec, label, ctx)
        if value is None or spec.refers_to is RecordType.ENTRY or ID_PATTERN.match(value):
            return value
        ctx.error(
            node,
            label,
            f"'{value}' is not a valid id",
            "ids use lower-case letters, digits and single hyphens, like 'first-steps'",
        )
        return None

    def json_schema(self, spec: Field, settings: Settings) -> dict[str, Any]:
        if spec.refers_to is not RecordType.ENTRY:
            return {"type": "string", "pattern": ID_PATTERN.pattern}
        folders = "|".join(re.escape(kind.folder) for kind in settings.kinds)
        return {
            "type": "string",
            "pattern": f"^({folders})/{ENTRY_NAME_PATTERN.pattern.lstrip('^')}",
        }

    def own_offer(self, spec: Field) -> Offer:
        return Offer(example=f"{spec.name}-id")


class Url(Text):
    """A link whose scheme is one of the field's `url_schemes`."""

    def read(self, node: Node, spec: Field, label: str, ctx: _Context) -> str | None:
        value = super().read(node, spec, label, ctx)
        if value is None:
            return None
        scheme = value.split(":", 1)[0].lower() if ":" in value else ""
        if scheme not in spec.url_schemes or any(ch.isspace() for ch in value):
            allowed = " or ".join(f"{s}:" for s in spec.url_schemes)
            ctx.error(
                node, label, f"'{value}' is not an allowed link", f"links must start with {allowed}"
            )
            return None
        return value

    def json_schema(self, spec: Field, settings: Settings) -> dict[str, Any]:
        schemes = "|".join(_any_case(scheme) for scheme in spec.url_schemes)
        return {"type": "string", "pattern": f"^({schemes}):\\S*$"}

    def own_offer(self, spec: Field) -> Offer:
        scheme = spec.url_schemes[0]
        address = "//example.org" if scheme.startswith("http") else "name@example.org"
        return Offer(example=f"{scheme}:{address}")


class Image(Text):
    """An https URL or a path to an image inside the docs folder (checked by the loader)."""

    def read(self, node: Node, spec: Field, label: str, ctx: _Context) -> str | None:
        value = super().read(node, spec, label, ctx)
        if value is None or value.lower().startswith("https://"):
            return value
        if ":" in value or value.startswith(("/", "\\")) or ".." in value.split("/"):
            ctx.error(
                node,
                label,
                f"'{value}' is not an https URL or a path inside the docs folder",
                "use https://… or a path such as assets/avatars/name.jpg",
            )
            return None
        if not value.lower().endswith(tuple(f".{ext}" for ext in IMAGE_EXTENSIONS)):
            ctx.error(
                node,
                label,
                f"'{value}' is not an image file",
                "use a " + ", ".join(f".{ext}" for ext in IMAGE_EXTENSIONS) + " file",
            )
            return None
        return value

    def json_schema(self, spec: Field, settings: Settings) -> dict[str, Any]:
        extensions = "|".join(_any_case(ext) for ext in IMAGE_EXTENSIONS)
        inside_docs = f"^(?![/\\\\])(?!(.*/)?\\.\\.(/|$))[^:]*\\.({extensions})$"
        return {
            "type": "string",
            "anyOf": [{"pattern": f"^{_any_case('https')}://\\S+$"}, {"pattern": inside_docs}],
        }

    def own_offer(self, spec: Field) -> Offer:
        return Offer(example=f"assets/{spec.name}s/", file_suffix=".jpg")


class Icon(Text):
    def read(self, node: Node, spec: Field, label: str, ctx: _Context) -> str | None:
        value = super().read(node, spec, label, ctx)
        if value is None or ICON_PATTERN.match(value):
            return value
        ctx.error(
            node,
            label,
            f"'{value}' is not an icon name",
            "use a Material icon name such as material/lightbulb",
        )
        return None

    def json_schema(self, spec: Field, settings: Settings) -> dict[str, Any]:
        return {"type": "string", "pattern": ICON_PATTERN.pattern}


class ListOf(FieldHandler):
    """A list of distinct values of one type; a single bare value gets a hint to wrap it in
    brackets. With `singular_example`, an item with no example of its own is offered the
    field's name in the singular (`tags: [tag]`)."""

    shape = "list"

    def __init__(self, item: FieldHandler, singular_example: bool = False) -> None:
        self.item = item
        self.singular_example = singular_example

    def convert(self, node: Node, spec: Field, label: str, ctx: _Context) -> Located | None:
        if not isinstance(node, SequenceNode):
            if isinstance(node, ScalarNode) and node.tag != _NULL:
                ctx.error(
                    node,
                    label,
                    f"expected a list, found the single value '{node.value}'",
                    f"write it as a list: {spec.name}: [{node.value}]",
                )
            else:
                ctx.error(node, label, f"expected a list, found {describe_node(node)}")
            return None
        values: list[Any] = []
        positions: list[Position] = []
        for index, item in enumerate(node.value):
            item_label = f"{label}[{index}]"
            value = self.item.read(item, spec, item_label, ctx)
            if value in values:
                ctx.error(item, item_label, f"'{value}' is listed twice", "remove the repeat")
            elif value is not None:
                values.append(value)
                positions.append(ctx.pos(item))
        if len(values) < len(node.value):  # an item was reported
            return None
        if len(values) < spec.min_items:
            plural = "s" if spec.min_items > 1 else ""
            ctx.error(node, label, f"needs at least {spec.min_items} item{plural}")
            return None
        return Located(tuple(values), ctx.pos(node), tuple(positions))

    def json_schema(self, spec: Field, settings: Settings) -> dict[str, Any]:
        return {
            "type": "array",
            "items": self.item.json_schema(spec, settings),
            "uniqueItems": True,
        }

    def offer(self, spec: Field, settings: Settings) -> Offer:
        return self.item.offer(spec, settings) if spec.choices else super().offer(spec, settings)

    def own_offer(self, spec: Field) -> Offer:
        if self.singular_example:
            return Offer(example=spec.name.removesuffix("s"))
        return self.item.own_offer(spec)


class Records(FieldHandler):
    """A list of small mappings such as links or path steps."""

    shape = "records"

    def convert(self, node: Node, spec: Field, label: str, ctx: _Context) -> Located | None:
        if not isinstance(node, SequenceNode):
            ctx.error(
                node,
                label,
                f"expected a list of entries each with {_field_names(spec)}, "
                f"found {describe_node(node)}",
                f"start each item with '- {spec.item_fields[0].name}: …'",
            )
            return None
        records: list[dict[str, Located]] = []
        for index, item in enumerate(node.value):
            item_label = f"{label}[{index}]"
            if not isinstance(item, MappingNode):
                ctx.error(
                    item,
                    item_label,
                    f"expected {_field_names(spec)}, found {describe_node(item)}",
                    f"write '- {spec.item_fields[0].name}: …' with the other fields indented "
                    "below it",
                )
                continue
            converted, complete = convert_mapping(item, spec.item_fields, item_label, ctx)
            if complete:
                records.append(converted)
        if len(records) < len(node.value):  # an item was reported
            return None
        if len(records) < spec.min_items:
            ctx.error(node, label, f"needs at least {spec.min_items} items, found {len(records)}")
            return None
        values = tuple({k: v.value for k, v in record.items()} for record in records)
        positions = tuple(ctx.pos(item) for item in node.value)
        return Located(values, ctx.pos(node), positions, tuple(records))

    def json_schema(self, spec: Field, settings: Settings) -> dict[str, Any]:
        return {"type": "array", "items": object_schema(spec.item_fields, settings)}


class Mapping(FieldHandler):
    """A mapping of declared fields, such as Material's `search`."""

    shape = "mapping"

    def read(self, node: Node, spec: Field, label: str, ctx: _Context) -> Any:
        if not isinstance(node, MappingNode):
            ctx.error(node, label, f"expected {_field_names(spec)}, found {describe_node(node)}")
            return None
        converted, complete = convert_mapping(node, spec.item_fields, label, ctx)
        return {k: v.value for k, v in converted.items()} if complete else None

    def json_schema(self, spec: Field, settings: Settings) -> dict[str, Any]:
        return object_schema(spec.item_fields, settings)


def _field_names(spec: Field) -> str:
    return ", ".join(f"'{f.name}'" for f in spec.item_fields)


class FieldType(Enum):
    """The value shapes the contract knows, each with the handler that reads and describes it."""

    TEXT = Text()
    CHOICE = Text()  # text with `choices`
    DATE = Date(allow_year=False)
    YEAR_OR_DATE = Date(allow_year=True)
    BOOL = Bool()
    NUMBER = Number()
    ID = Id()
    ID_LIST = ListOf(Id())
    TEXT_LIST = ListOf(Text(), singular_example=True)
    URL = Url()
    IMAGE = Image()
    ICON = Icon()
    RECORDS = Records()
    MAPPING = Mapping()


def field_schema(spec: Field, settings: Settings) -> dict[str, Any]:
    """The JSON Schema of one declared field, with its description for editor tooltips."""
    schema = spec.handler.json_schema(spec, settings)
    if spec.min_items and schema.get("type") == "array":
        schema["minItems"] = spec.min_items
    schema["description"] = spec.description
    if spec.example:
        schema["examples"] = [spec.example]
    return schema


def object_schema(fields: tuple[Field, ...], settings: Settings) -> dict[str, Any]:
    """A mapping of declared fields: nothing else allowed, the required ones required."""
    schema: dict[str, Any] = {
        "type": "object",
        "properties": {spec.name: field_schema(spec, settings) for spec in fields},
        "additionalProperties": False,
    }
    required = [spec.name for spec in fields if spec.required]
    if required:
        schema["required"] = required
    # "A needs B" as "no field is written without its companions": only `not`, `anyOf` and
    # `required`, which draft-07 editors read alike (`dependentRequired` they would ignore).
    lone = [
        {"required": [spec.name], "not": {"required": [other]}}
        for spec in fields
        for other in spec.requires
    ]
    if lone:
        schema["not"] = {"anyOf": lone}
    return schema


def convert_mapping(
    node: MappingNode, specs: tuple[Field, ...], where: str, ctx: _Context
) -> tuple[dict[str, Located], bool]:
    """The fields of a mapping that converted, and whether every field did; every problem is
    reported, and an unknown key gets a did-you-mean."""
    by_name = {spec.name: spec for spec in specs}
    result: dict[str, Located] = {}
    present: dict[str, Position] = {}
    items = mapping_items(node, ctx.path, ctx.first_line, ctx.diags, where)
    for key, value_node, key_pos in items:
        present[key] = key_pos
        label = f"{where}.{key}" if where else key
        spec = by_name.get(key)
        if spec is None:
            ctx.error(
                key_pos,
                label,
                f"unknown field '{key}'",
                did_you_mean(key, by_name) or f"the fields here are: {', '.join(sorted(by_name))}",
            )
        elif _unfilled(value_node, spec):
            ctx.error(
                value_node,
                label,
                f"'{value_node.value}' is a placeholder, still to be replaced",
                "write what it asks for in its place",
            )
        else:
            converted = spec.handler.convert(value_node, spec, label, ctx)
            if converted is not None:
                result[key] = converted
    # Each key that did not convert was reported: unknown, repeated, not text or its value wrong.
    ok = len(result) == len(node.value)
    for spec in specs:
        label = f"{where}.{spec.name}" if where else spec.name
        if spec.name not in present:
            if spec.required:
                ctx.error(
                    node if where else Position(ctx.first_line - 1),
                    label,
                    f"required field '{spec.name}' is missing",
                    f"add a line '{spec.name}: …'",
                )
                ok = False
            continue
        # A written field whose companions (`Field.requires`) are not: reported at its own line.
        for other in spec.requires:
            if other not in present:
                ctx.error(
                    present[spec.name],
                    label,
                    f"'{spec.name}' needs '{other}' beside it",
                    f"add a line '{other}: …', or remove '{spec.name}'",
                )
                ok = False
    return result, ok


PLACEHOLDER = "TODO:"
"""What a skeleton (`authoring.skeletons`) writes where only the contributor can fill in."""


def _unfilled(node: Node, spec: Field) -> bool:
    """A placeholder left in a field that takes something other than free text (an id, a
    date, one of some choices): said as a placeholder rather than as a malformed value. Free
    text keeps its placeholders until the placeholder check, which lets a draft keep them
    (`contract.placeholders`)."""
    free_text = type(spec.handler) is Text and not spec.choices
    return (
        not free_text
        and isinstance(node, ScalarNode)
        and isinstance(node.value, str)
        and node.value.startswith(PLACEHOLDER)
    )


def convert_fields(
    root: MappingNode,
    schema: RecordSchema,
    path: str,
    first_line: int,
    diags: Diagnostics,
    latest: dt.date | None = None,
) -> dict[str, Located] | None:
    """Validate a whole front-matter mapping against a record schema.

    Returns the converted fields, or None when anything was wrong (every problem is reported).
    With `latest`, a date after it is an error (see `core.clock`).
    """
    fields, complete = convert_fields_partial(root, schema, path, first_line, diags, latest)
    return fields if complete else None


def convert_fields_partial(
    root: MappingNode,
    schema: RecordSchema,
    path: str,
    first_line: int,
    diags: Diagnostics,
    latest: dt.date | None = None,
) -> tuple[dict[str, Located], bool]:
    """Like `convert_fields`, but keep the fields that did convert when others did not.

    The loader checks the references of a file with other errors too, so that one run reports
    an unknown member id and an impossible date of the same file together.
    """
    return convert_mapping(root, schema.fields, "", _Context(path, first_line, diags, latest))
