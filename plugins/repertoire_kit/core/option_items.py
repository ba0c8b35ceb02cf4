"""The items of the options that describe a community's shape: kinds, roles, levels, fields.

Each item is a mapping of declared keys (a role or a level may also be a bare id). The check
here is the one both front ends run (`core.options`), so a mistake gets the same words from the
build and from `repertoire check`; each problem names the item (1-based in the message) and,
where it can, the key, so that the check points at that key's line of mkdocs.yml.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .settings import RESERVED_FOLDERS, CustomType, Display
from .suggest import did_you_mean

# A problem in one item of a list option: the item (0-based), the key at fault or None, and
# the message without the option's name.
ItemProblem = tuple[int, str | None, str]

# The form of a kind's folder, a role's or a level's id (and a record's), and how to say it.
ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_RULE = "lower-case letters, digits and single hyphens"
FIELD_NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
KIND_KEYS = ("folder", "singular", "plural", "sections")
SECTION_KEYS = ("heading", "prompt")
CHOICE_KEYS = ("id", "label", "description")
FIELD_KEYS = ("name", "type", "label", "description", "choices", "required", "shown_in")
FIELD_TYPES = tuple(t.value for t in CustomType)
DISPLAYS = tuple(d.value for d in Display)
# Longest label and description an option may give (they are shown on one line).
LABEL_MAX = 80
DESCRIPTION_MAX = 200


@dataclass
class _Item:
    """The problems of one item, each with the item's number in its message."""

    index: int
    found: list[ItemProblem]

    def add(self, key: str | None, message: str) -> None:
        self.found.append((self.index, key, f"item {self.index + 1}{message}"))


def _is_text(value: object) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _keys(item: _Item, mapping: Mapping[Any, Any], allowed: tuple[str, ...], what: str) -> None:
    """Report each key the mapping may not have, with the nearest allowed one."""
    for key in mapping:
        if key not in allowed:
            hint = did_you_mean(str(key), allowed) or f"{what} has {', '.join(allowed)}"
            item.add(str(key), f": unknown key '{key}' ({hint})")


def _text(item: _Item, mapping: Mapping[Any, Any], key: str, required: bool, limit: int) -> None:
    """A key whose value is one line of text, at most `limit` characters."""
    value = mapping.get(key)
    if value is None:
        if required:
            item.add(None, f" has no '{key}'")
        return
    if not _is_text(value):
        item.add(key, f": '{key}' must be text, not {_written(value)}")
    elif len(value) > limit:
        item.add(key, f": '{key}' is {len(value)} characters long; at most {limit} are allowed")


def _pattern_id(item: _Item, key: str, value: object, pattern: re.Pattern[str], rule: str) -> bool:
    """Whether `value` is text of the form `pattern`; reported otherwise."""
    if not isinstance(value, str) or not pattern.match(value):
        item.add(key, f": '{key}' must be {rule}, not {value!r}")
        return False
    return True


def kind_problems(items: list[Any]) -> list[ItemProblem]:
    """Each kind: folder, singular, plural (text), optional sections; folders distinct and none
    of the reserved ones."""
    found: list[ItemProblem] = []
    folders: dict[str, int] = {}
    for index, raw in enumerate(items):
        item = _Item(index, found)
        if not isinstance(raw, Mapping):
            item.add(None, f" is not a mapping of {', '.join(KIND_KEYS)}")
            continue
        _keys(item, raw, KIND_KEYS, "a kind")
        for key in ("folder", "singular", "plural"):
            _text(item, raw, key, True, LABEL_MAX)
        folder = raw.get("folder")
        if _is_text(folder) and _pattern_id(item, "folder", folder, ID_PATTERN, ID_RULE):
            if folder in RESERVED_FOLDERS:
                item.add(
                    "folder",
                    f": folder '{folder}' is reserved (the site's own folders are "
                    f"{', '.join(RESERVED_FOLDERS)}); choose another name",
                )
            elif folder in folders:
                item.add("folder", f": folder '{folder}' is also item {folders[folder]}'s")
            folders.setdefault(str(folder), index + 1)
        if raw.get("sections") is not None:
            _sections(item, raw["sections"])
    return found


def _sections(item: _Item, sections: object) -> None:
    """A kind's sections: a list of headings, each text or a mapping of heading and prompt."""
    if not isinstance(sections, list) or not sections:
        item.add(
            "sections",
            f": 'sections' must be a list of headings (text, or heading and prompt), "
            f"not {sections!r}",
        )
        return
    headings: set[str] = set()
    for number, section in enumerate(sections, 1):
        where = f": section {number}"
        heading = section.get("heading") if isinstance(section, Mapping) else section
        if isinstance(section, Mapping):
            for key in section:
                if key not in SECTION_KEYS:
                    hint = did_you_mean(str(key), SECTION_KEYS) or "use heading and prompt"
                    item.add("sections", f"{where}: unknown key '{key}' ({hint})")
            prompt = section.get("prompt")
            if prompt is not None and not _is_text(prompt):
                item.add("sections", f"{where}: 'prompt' must be text, not {prompt!r}")
        if not _is_text(heading):
            item.add("sections", f"{where}: the heading must be text, not {heading!r}")
        elif heading in headings:
            item.add("sections", f"{where}: '{heading}' is listed twice")
        else:
            headings.add(str(heading))


def _written(value: object) -> str:
    """A value as the message shows it, with why YAML read it so when it is not text."""
    reads_as = {bool: "a yes/no value", int: "a number", float: "a number"}.get(type(value))
    if reads_as is None and hasattr(value, "isoformat"):
        reads_as = "a date"
    if reads_as:
        return f"{value!r} (YAML reads it as {reads_as}; put it in quotes)"
    return repr(value)


def choice_problems(items: list[Any]) -> list[ItemProblem]:
    """Each role or level: an id, or a mapping of id, label and description; ids distinct."""
    found: list[ItemProblem] = []
    _choices(items, found)
    return found


def _choices(items: list[Any], found: list[ItemProblem], field: _Item | None = None) -> None:
    """Choices written as ids or mappings: each an item of its own, or all of them the
    `choices` of one custom `field`, where a problem names the choice."""
    seen: set[str] = set()
    for index, raw in enumerate(items):
        item = field or _Item(index, found)
        place = f", choice {index + 1}" if field else ""
        key = "choices" if field else None
        choice_id = raw.get("id") if isinstance(raw, Mapping) else raw
        if isinstance(raw, Mapping):
            for name in raw:
                if name not in CHOICE_KEYS:
                    hint = did_you_mean(str(name), CHOICE_KEYS) or "use id, label, description"
                    item.add(key or str(name), f"{place}: unknown key '{name}' ({hint})")
            for name, limit in (("label", LABEL_MAX), ("description", DESCRIPTION_MAX)):
                value = raw.get(name)
                if value is not None and (not _is_text(value) or len(value) > limit):
                    item.add(
                        key or name,
                        f"{place}: '{name}' must be text of at most {limit} characters, "
                        f"not {value!r}",
                    )
        if choice_id is None:
            item.add(key, f"{place} has no 'id'")
        elif not isinstance(choice_id, str) or not ID_PATTERN.match(choice_id):
            item.add(
                key or ("id" if isinstance(raw, Mapping) else None),
                f"{place}: the id must be {ID_RULE}, not {_written(choice_id)}",
            )
        elif choice_id in seen:
            item.add(key, f"{place}: '{choice_id}' is listed twice")
        else:
            seen.add(choice_id)


def field_problems(items: list[Any], taken: tuple[str, ...]) -> list[ItemProblem]:
    """Each custom field: a name none of the built-in fields (`taken`) has, a type, choices
    for a choice type (and only then), whether it is required, and where it is shown."""
    found: list[ItemProblem] = []
    names: dict[str, int] = {}
    for index, raw in enumerate(items):
        item = _Item(index, found)
        if not isinstance(raw, Mapping):
            item.add(None, f" is not a mapping of {', '.join(FIELD_KEYS)}")
            continue
        _keys(item, raw, FIELD_KEYS, "a field")
        name = raw.get("name")
        if name is None:
            item.add(None, " has no 'name'")
        elif _pattern_id(
            item, "name", name, FIELD_NAME_PATTERN, "lower-case letters, digits and underscores"
        ):
            if name in taken:
                item.add(
                    "name",
                    f": '{name}' is taken by a built-in field or filter; choose another name",
                )
            elif name in names:
                item.add("name", f": '{name}' is also item {names[name]}'s")
            names.setdefault(name, index + 1)
        field_type = raw.get("type")
        if field_type is None:
            item.add(None, f" has no 'type' (one of {', '.join(FIELD_TYPES)})")
        elif field_type not in FIELD_TYPES:
            hint = did_you_mean(str(field_type), FIELD_TYPES) or f"use {', '.join(FIELD_TYPES)}"
            item.add(
                "type", f": type {field_type!r} is not one of {', '.join(FIELD_TYPES)} ({hint})"
            )
        _text(item, raw, "label", False, LABEL_MAX)
        _text(item, raw, "description", False, DESCRIPTION_MAX)
        choices = raw.get("choices")
        has_choices = field_type in (CustomType.CHOICE.value, CustomType.CHOICES.value)
        if has_choices and not choices:
            item.add(None, f": a field of type '{field_type}' needs 'choices' (a list of ids)")
        elif choices is not None and not has_choices and field_type in FIELD_TYPES:
            item.add(
                "choices",
                f": only a choice or choices field has 'choices', not a {field_type} field",
            )
        elif choices is not None and not isinstance(choices, list):
            item.add("choices", f": 'choices' must be a list of ids, not {choices!r}")
        elif isinstance(choices, list):
            _choices(choices, found, item)
        required = raw.get("required")
        if required is not None and not isinstance(required, bool):
            item.add("required", f": 'required' must be true or false, not {required!r}")
        shown_in = raw.get("shown_in")
        if shown_in is not None:
            places = shown_in if isinstance(shown_in, list) else [shown_in]
            for place in places:
                if place not in DISPLAYS:
                    hint = did_you_mean(str(place), DISPLAYS) or f"use {', '.join(DISPLAYS)}"
                    item.add(
                        "shown_in",
                        f": shown_in {place!r} is not one of {', '.join(DISPLAYS)} ({hint})",
                    )
            if not isinstance(shown_in, list) and shown_in in DISPLAYS:
                item.add("shown_in", f": 'shown_in' must be a list, such as [{shown_in}]")
    return found
