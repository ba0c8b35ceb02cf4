"""The repertoire as plain values: entries, members, problem types, paths and uses.

Records are immutable once loaded; cross-indexes are derived from them (`core.indexes`) and
never stored back, so a record means exactly what its file says.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .diagnostics import Position
from .settings import MEMBERS_DIR, PATHS_DIR, PROBLEMS_DIR, USES_DIR, Kind


class RecordType(str, Enum):
    """The sorts of record file; a field's `refers_to` names one of them."""

    ENTRY = "entry"
    MEMBER = "member"
    PROBLEM = "problem"
    PATH = "path"
    USE = "use"

    def __str__(self) -> str:
        return self.value

    @property
    def noun(self) -> str:
        """How a message names one record of this type."""
        return "problem type" if self is RecordType.PROBLEM else self.value

    @property
    def folder(self) -> str | None:
        """The folder its files live in; None for entries, whose folders are the kinds'."""
        return _FOLDERS.get(self)


_FOLDERS = {
    RecordType.MEMBER: MEMBERS_DIR,
    RecordType.PROBLEM: PROBLEMS_DIR,
    RecordType.PATH: PATHS_DIR,
    RecordType.USE: USES_DIR,
}


@dataclass(frozen=True)
class Source:
    """Where a record came from: project-relative path, docs-relative path, body and lines."""

    path: str
    docs_path: str
    body: str
    body_first_line: int
    positions: dict[str, Position] = field(default_factory=dict, compare=False)

    def position(self, field_name: str) -> Position:
        """The line of a field; line 1 when unknown."""
        return self.positions.get(field_name, Position(1))


@dataclass(frozen=True)
class Entry:
    """A case, story or tool."""

    id: str
    kind: Kind
    title: str
    summary: str
    problem_types: tuple[str, ...]
    contributors: tuple[str, ...]
    date: dt.date
    source: Source
    updated: dt.date | None = None
    # When members (`reviewed_by`) last confirmed that it still holds; both or neither.
    reviewed: dt.date | None = None
    reviewed_by: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    level: str | None = None
    tags: tuple[str, ...] = ()
    draft: bool = False
    theme: dict[str, Any] = field(default_factory=dict, compare=False)
    # The community's own fields (`fields` in the plugin options) this entry fills, as
    # (name, value) in the order configured; a list of choices is a tuple.
    custom: tuple[tuple[str, Any], ...] = ()

    def custom_value(self, name: str) -> Any:
        """The value of one custom field, or None when the entry leaves it out."""
        return next((value for key, value in self.custom if key == name), None)

    @property
    def last_changed(self) -> dt.date:
        """The newest of `date` and `updated`, for 'what's new' ordering."""
        return self.updated or self.date

    @property
    def last_confirmed(self) -> dt.date:
        """The newest of `date`, `updated` and `reviewed`: when the entry was last known to
        hold, from which it stays current for the `review_months` option."""
        return max(d for d in (self.date, self.updated, self.reviewed) if d is not None)


@dataclass(frozen=True)
class Link:
    """A labelled link on a member profile (https or mailto only)."""

    label: str
    url: str


@dataclass(frozen=True)
class Member:
    """A member of the community; the bio is the body of their file."""

    id: str
    name: str
    source: Source
    affiliation: str | None = None
    role: str | None = None
    joined: dt.date | int | None = None
    links: tuple[Link, ...] = ()
    avatar: str | None = None
    theme: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class ProblemType:
    """A kind of problem practitioners meet; may sit under a broader one."""

    id: str
    title: str
    source: Source
    summary: str | None = None
    parent: str | None = None
    theme: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Step:
    """One stop on a curated path: the entry to read and the steward's note about it."""

    entry: str
    note: str


@dataclass(frozen=True)
class CuratedPath:
    """A curated, ordered route through the repertoire for newcomers."""

    id: str
    title: str
    summary: str
    audience: str
    steps: tuple[Step, ...]
    source: Source
    theme: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Use:
    """One time a member applied an entry in their work; the body, if any, tells the story."""

    id: str
    entry: str
    member: str
    date: dt.date
    summary: str
    source: Source
    context: str | None = None
    outcome: str | None = None
    draft: bool = False
    theme: dict[str, Any] = field(default_factory=dict, compare=False)


@dataclass
class Repertoire:
    """Everything loaded from the docs folder, keyed by id, in a stable order.

    Drafts are kept (so that they are validated and can be previewed); `published_entries`
    is what listings show.
    """

    entries: dict[str, Entry] = field(default_factory=dict)
    members: dict[str, Member] = field(default_factory=dict)
    problems: dict[str, ProblemType] = field(default_factory=dict)
    paths: dict[str, CuratedPath] = field(default_factory=dict)
    uses: dict[str, Use] = field(default_factory=dict)
    include_drafts: bool = False

    def records(self, record_type: RecordType) -> dict[str, Any]:
        """The loaded records of one type, by id."""
        by_type: dict[RecordType, dict[str, Any]] = {
            RecordType.ENTRY: self.entries,
            RecordType.MEMBER: self.members,
            RecordType.PROBLEM: self.problems,
            RecordType.PATH: self.paths,
            RecordType.USE: self.uses,
        }
        return by_type[record_type]

    def published_entries(self) -> list[Entry]:
        """Entries a reader may see, in id order."""
        return [e for e in self.entries.values() if self.include_drafts or not e.draft]

    def published_uses(self) -> list[Use]:
        """Uses a reader may see, in id order: neither the use nor its entry a draft."""
        return [
            use
            for use in self.uses.values()
            if (self.include_drafts or not use.draft) and self.is_visible(use.entry)
        ]

    def is_visible(self, entry_id: str) -> bool:
        """Whether an entry is shown in this build."""
        entry = self.entries.get(entry_id)
        return entry is not None and (self.include_drafts or not entry.draft)
