"""Diagnostics as values: every problem the repertoire has, located and explained.

Validation never raises on user input; it appends a `Diagnostic` to a `Diagnostics`
collection so that one run reports every problem of the whole repertoire at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How bad a problem is: errors stop the build, warnings are only reported."""

    ERROR = "error"
    WARNING = "warning"


# The `field` of a problem with the file itself (name, place, encoding, size), not a key in it.
FILE_FIELD = "file"


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem at one place of one file.

    `path` is relative to the project root (where mkdocs.yml lives) and uses `/`, so that it
    matches what a pull request shows; `line` and `col` are 1-based.
    """

    path: str
    line: int
    col: int
    field: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    def to_dict(self) -> dict[str, object]:
        """The documented JSON shape of a diagnostic."""
        return {**asdict(self), "severity": self.severity.value}


@dataclass(frozen=True)
class Position:
    """A place in a file, 1-based, as shown to people."""

    line: int
    col: int = 1


@dataclass
class Diagnostics:
    """Collects diagnostics while loading; sorted by path, line and column when read."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(
        self, path: str, pos: Position, field_name: str, message: str, hint: str = ""
    ) -> None:
        """Record an error that stops the build."""
        self.items.append(Diagnostic(path, pos.line, pos.col, field_name, message, hint))

    def file_error(self, path: str, message: str, hint: str = "") -> None:
        """Record an error about a file as a whole (at its first line)."""
        self.error(path, Position(1), FILE_FIELD, message, hint)

    def warning(
        self, path: str, pos: Position, field_name: str, message: str, hint: str = ""
    ) -> None:
        """Record a problem worth fixing that does not stop the build."""
        self.items.append(
            Diagnostic(path, pos.line, pos.col, field_name, message, hint, Severity.WARNING)
        )

    @property
    def has_errors(self) -> bool:
        """Whether anything found must stop a build."""
        return any(d.severity is Severity.ERROR for d in self.items)

    def sorted(self) -> list[Diagnostic]:
        """Every diagnostic once, in path, line, column order (stable for the same input)."""
        return sorted(set(self.items))

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.sorted())

    def __len__(self) -> int:
        """How many diagnostics iterating yields: each once."""
        return len(set(self.items))
