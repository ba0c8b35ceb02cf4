"""The placeholders `repertoire new` writes, found wherever they are left.

`repertoire new` (and the editor's snippets) mark every gap only the contributor can fill with
`TODO:` (`skeletons.placeholder`): a front-matter value that starts with it, or a body line that
does. A draft may keep them; a published record may not, or the gap goes live. Members, problem
types and paths are never drafts, so theirs are errors at once. Code blocks and code spans are
left alone: a tool may show a template with `TODO:` in it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from ..diagnostics import Position
from ..safety.markup_scan import lines_without_code
from .fields import PLACEHOLDER, Located

TODO = PLACEHOLDER
# A body line starting with the marker, also inside a quote or after a list marker.
_BODY_MARKER = re.compile(r"^[ \t>]*(?:[-*+][ \t]+|\d+[.)][ \t]+)?(" + re.escape(TODO) + ")")
_SHOWN = 60


@dataclass(frozen=True)
class Placeholder:
    """A placeholder left in a file: the field (or "body"), where, and its text."""

    field: str
    pos: Position
    text: str

    @property
    def shown(self) -> str:
        """The placeholder as a message quotes it, shortened."""
        one_line = " ".join(self.text.split())
        return one_line if len(one_line) <= _SHOWN else one_line[: _SHOWN - 1] + "…"


def is_placeholder(value: object) -> bool:
    """Whether a value is one `repertoire new` wrote and nobody replaced."""
    return isinstance(value, str) and value.startswith(TODO)


def field_placeholders(fields: Mapping[str, Located], where: str = "") -> Iterator[Placeholder]:
    """Every placeholder among converted front-matter values, lists and records included."""
    for name, located in fields.items():
        label = f"{where}.{name}" if where else name
        value = located.value
        if is_placeholder(value):
            yield Placeholder(label, located.pos, value)
        elif located.records:
            for index, record in enumerate(located.records):
                yield from field_placeholders(record, f"{label}[{index}]")
        elif isinstance(value, tuple):
            for index, item in enumerate(value):
                if is_placeholder(item) and index < len(located.items):
                    yield Placeholder(f"{label}[{index}]", located.items[index], item)


def body_placeholders(body: str, first_line: int) -> Iterator[Placeholder]:
    """Every body line, outside code, that starts with the placeholder marker."""
    if TODO not in body:
        return
    for number, line in enumerate(lines_without_code(body)):
        match = _BODY_MARKER.match(line)
        if match:
            yield Placeholder(
                "body", Position(first_line + number, match.start(1) + 1), line[match.start(1) :]
            )
