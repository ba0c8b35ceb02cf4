"""Checks that need the whole repertoire: ids that must exist, cycles, dates in order.

They run on what each file wrote (`Written`), not only on the records that loaded, so that a
file with an impossible date and an unknown member id gets both errors in one run. Which
fields name other records comes from their declarations (`Field.refers_to`), so a new
reference field is checked without a line here. References to a record that failed to load
are not reported again (its own file already has an error); references to ids nobody wrote
get a did-you-mean.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostics, Position
from ..model import RecordType, Repertoire
from ..settings import Settings
from ..suggest import did_you_mean
from .fields import Located, RecordSchema


@dataclass(frozen=True)
class Written:
    """The fields of one record file that converted, whether or not the record loaded."""

    record_id: str
    record_type: RecordType
    path: str
    fields: dict[str, Located]

    def value(self, name: str, default: Any = None) -> Any:
        located = self.fields.get(name)
        return default if located is None else located.value

    def position(self, name: str) -> Position:
        """Where a field was written; line 1 when unknown."""
        located = self.fields.get(name)
        return Position(1) if located is None else located.pos

    def references(self, name: str) -> Iterator[tuple[str, Position, str]]:
        """(id, position, label) of each id written in a reference field: `steps.entry` for
        the field of each of a list of records."""
        outer, _, inner = name.partition(".")
        located = self.fields.get(outer)
        if located is None:
            return
        if inner:
            for index, record in enumerate(located.records):
                if inner in record:
                    yield record[inner].value, record[inner].pos, f"{outer}[{index}].{inner}"
        elif isinstance(located.value, tuple):
            for index, ref in enumerate(located.value):
                yield ref, located.items[index], f"{name}[{index}]"
        else:
            yield located.value, located.pos, name


def check_references(
    repertoire: Repertoire,
    written: Iterable[Written],
    schemas: Mapping[RecordType, RecordSchema],
    broken: Mapping[RecordType, set[str]],
    docs_dir: Path,
    diags: Diagnostics,
    settings: Settings,
    shown_prefix: str = "",
) -> None:
    """Report every dangling or inconsistent reference in the repertoire's files.

    `broken` holds, by record type, the ids of records that exist but failed to load:
    references to them are not errors, and misspellings of them are suggested.
    `shown_prefix` is the docs folder as paths are printed (`repertoire/`), so that a hint
    naming a file to add writes it the same way.
    """
    ids = _Ids(repertoire, broken, shown_prefix, settings.kinds[0].folder)
    for record in written:
        for name, refers_to in schemas[record.record_type].references():
            seen: set[str] = {record.record_id}  # the field's own rule reports these
            for ref, pos, label in record.references(name):
                if ref not in seen and not ids.exists(refers_to, ref):
                    ids.report_unknown(diags, record.path, pos, label, refers_to, ref)
                seen.add(ref)
        _RULES[record.record_type](record, ids, docs_dir, diags)
    _check_parent_cycles(repertoire, diags)


@dataclass(frozen=True)
class _Ids:
    """Which ids exist, by record type: the records that loaded and those whose file is
    broken."""

    repertoire: Repertoire
    broken: Mapping[RecordType, set[str]]
    shown_prefix: str
    entry_folder: str  # the folder a hint suggests for an entry id without one

    def exists(self, record_type: RecordType, ref: str) -> bool:
        broken = self.broken.get(record_type, ())
        return ref in self.repertoire.records(record_type) or ref in broken

    def report_unknown(
        self,
        diags: Diagnostics,
        path: str,
        pos: Position,
        field: str,
        record_type: RecordType,
        wrong: str,
    ) -> None:
        """An id that names nothing: suggest the closest one, or the file to add."""
        known = set(self.repertoire.records(record_type)) | self.broken.get(record_type, set())
        folder = record_type.folder or (
            wrong.split("/", 1)[0] if "/" in wrong else self.entry_folder
        )
        diags.error(
            path,
            pos,
            field,
            f"unknown {record_type.noun} '{wrong}'",
            did_you_mean(wrong, sorted(known))
            or f"add {self.shown_prefix}{folder}/{wrong.rsplit('/', 1)[-1]}.md,"
            " or use an existing id",
        )


def _check_entry(record: Written, ids: _Ids, docs_dir: Path, diags: Diagnostics) -> None:
    """Not related to itself; a draft named by a published entry is only a warning; updated
    and reviewed not before date."""
    is_draft = bool(record.value("draft", False))
    for ref, pos, label in record.references("related"):
        entry = ids.repertoire.entries.get(ref)
        if ref == record.record_id:
            diags.error(
                record.path,
                pos,
                label,
                "an entry cannot be related to itself",
                "remove it from the list",
            )
        elif entry is not None and entry.draft and not is_draft:
            diags.warning(
                record.path,
                pos,
                label,
                f"'{ref}' is a draft; the link is left out until it is published",
            )
    date: dt.date | None = record.value("date")
    for later, meaning in _LATER_DATES.items():
        value: dt.date | None = record.value(later)
        if date is not None and value is not None and value < date:
            diags.error(
                record.path,
                record.position(later),
                later,
                f"{later} ({value}) is before date ({date})",
                f"{meaning}; it cannot be before it was first shared",
            )


# An entry's dates that come after its `date`, and what each one means.
_LATER_DATES = {
    "updated": "updated is when the entry was last revised",
    "reviewed": "reviewed is when members confirmed the entry still holds",
}


def _check_parent(record: Written, ids: _Ids, docs_dir: Path, diags: Diagnostics) -> None:
    if record.value("parent") == record.record_id:
        diags.error(
            record.path,
            record.position("parent"),
            "parent",
            "a problem type cannot be its own parent",
            "remove the line, or name a broader problem type",
        )


def _check_parent_cycles(repertoire: Repertoire, diags: Diagnostics) -> None:
    """Follow each loaded problem type's parents; report each cycle once."""
    problems = repertoire.problems
    done: set[str] = set()
    for start in sorted(problems):
        chain: dict[str, int] = {}  # each problem type walked through, and its place on the walk
        current: str | None = start
        while current is not None and current in problems and current not in done:
            if current in chain:
                cycle = list(chain)[chain[current] :]
                if len(cycle) > 1:
                    _report_cycle(cycle, repertoire, diags)
                break
            chain[current] = len(chain)
            current = problems[current].parent
        done.update(chain)


def _report_cycle(cycle: list[str], repertoire: Repertoire, diags: Diagnostics) -> None:
    """One error for a parent cycle, on the alphabetically first member of it."""
    first = min(cycle)
    start = cycle.index(first)
    ordered = cycle[start:] + cycle[:start]
    problem = repertoire.problems[first]
    diags.error(
        problem.source.path,
        problem.source.position("parent"),
        "parent",
        "problem types form a cycle: " + " → ".join(ordered + [first]),
        "a problem type's parent must be broader; remove one of these parent links",
    )


def _check_steps(record: Written, ids: _Ids, docs_dir: Path, diags: Diagnostics) -> None:
    """Each entry once, and none of them a draft."""
    seen: dict[str, int] = {}
    for index, (entry_id, pos, label) in enumerate(record.references("steps.entry")):
        if entry_id in seen:
            diags.error(
                record.path,
                pos,
                label,
                f"'{entry_id}' is already step {seen[entry_id] + 1} of this path",
                "each entry appears once in a path",
            )
            continue
        seen[entry_id] = index
        entry = ids.repertoire.entries.get(entry_id)
        if entry is not None and entry.draft:
            diags.error(
                record.path,
                pos,
                label,
                f"'{entry_id}' is a draft",
                "paths can only point at published entries",
            )


def _check_avatar(record: Written, ids: _Ids, docs_dir: Path, diags: Diagnostics) -> None:
    avatar: str | None = record.value("avatar")
    if avatar and not avatar.lower().startswith("https://") and not (docs_dir / avatar).is_file():
        diags.error(
            record.path,
            record.position("avatar"),
            "avatar",
            f"no image at {avatar} in the docs folder",
            "add the image there, or give an https:// URL",
        )


def _check_use(record: Written, ids: _Ids, docs_dir: Path, diags: Diagnostics) -> None:
    """A use of a draft entry is left out until the entry is published, like a link to it."""
    entry_id: str | None = record.value("entry")
    entry = ids.repertoire.entries.get(entry_id) if entry_id else None
    if entry is not None and entry.draft and not record.value("draft", False):
        diags.warning(
            record.path,
            record.position("entry"),
            "entry",
            f"'{entry_id}' is a draft; this use is left out until it is published",
        )


# The rules of each record type besides its references existing.
_RULES = {
    RecordType.ENTRY: _check_entry,
    RecordType.MEMBER: _check_avatar,
    RecordType.PROBLEM: _check_parent,
    RecordType.PATH: _check_steps,
    RecordType.USE: _check_use,
}
