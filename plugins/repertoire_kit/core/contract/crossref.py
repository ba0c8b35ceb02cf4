"""Checks that need the whole repertoire: ids that must exist, cycles, dates in order.

They run on what each file wrote (`Written`), not only on the records that loaded, so that a
file with an impossible date and an unknown member id gets both errors in one run. References
to a record that failed to load are not reported again (its own file already has an error);
references to ids nobody wrote get a did-you-mean.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..diagnostics import Diagnostics, Position
from ..model import Repertoire
from ..suggest import did_you_mean
from .fields import Located


@dataclass(frozen=True)
class Written:
    """The fields of one record file that converted, whether or not the record loaded."""

    record_id: str
    schema: str  # "entry", "member", "problem" or "path"
    path: str
    fields: dict[str, Located]

    def value(self, name: str, default: Any = None) -> Any:
        located = self.fields.get(name)
        return default if located is None else located.value

    def position(self, name: str, index: int | None = None) -> Position:
        """Where a field (or one item of a list field) was written; line 1 when unknown."""
        located = self.fields.get(name)
        if located is None:
            return Position(1)
        if index is not None and index < len(located.items):
            return located.items[index]
        return located.pos


def check_references(
    repertoire: Repertoire, written: Iterable[Written], broken: Mapping[str, set[str]],
    docs_dir: Path, diags: Diagnostics, shown_prefix: str = "",
) -> None:
    """Report every dangling or inconsistent reference in the repertoire's files.

    `broken` holds, by schema name ("entry", "member", ...), the ids of records that exist but
    failed to load: references to them are not errors, and misspellings of them are suggested.
    `shown_prefix` is the docs folder as paths are printed (`repertoire/`), so that a hint
    naming a file to add writes it the same way.
    """
    ids = _Ids(repertoire, broken, shown_prefix)
    for record in written:
        if record.schema == "entry":
            _check_entry(record, ids, diags)
        elif record.schema == "member":
            _check_avatar(record, docs_dir, diags)
        elif record.schema == "problem":
            _check_parent(record, ids, diags)
        elif record.schema == "path":
            _check_steps(record, ids, diags)
    _check_parent_cycles(repertoire, diags)


@dataclass(frozen=True)
class _Ids:
    """Which ids exist, by schema: the records that loaded and those whose file is broken."""

    repertoire: Repertoire
    broken: Mapping[str, set[str]]
    shown_prefix: str = ""

    def loaded(self, schema: str) -> dict[str, Any]:
        records: dict[str, dict[str, Any]] = {
            "entry": self.repertoire.entries, "member": self.repertoire.members,
            "problem": self.repertoire.problems, "path": self.repertoire.paths,
        }
        return records[schema]

    def is_broken(self, schema: str, ref: str) -> bool:
        return ref in self.broken.get(schema, set())

    def exists(self, schema: str, ref: str) -> bool:
        return ref in self.loaded(schema) or self.is_broken(schema, ref)

    def known(self, schema: str) -> list[str]:
        """Every id a reference may name, for did-you-mean."""
        return sorted(set(self.loaded(schema)) | self.broken.get(schema, set()))


def _unknown(
    diags: Diagnostics, path: str, pos: Position, field: str, what: str,
    wrong: str, ids: _Ids, schema: str, folder: str,
) -> None:
    """An id that names nothing: suggest the closest one, or how to create it."""
    suggestion = did_you_mean(wrong, ids.known(schema))
    file_name = f"{ids.shown_prefix}{folder}/{wrong.rsplit('/', 1)[-1]}.md"
    diags.error(
        path, pos, field, f"unknown {what} '{wrong}'",
        suggestion or f"add {file_name}, or use an existing id",
    )


def _check_entry(record: Written, ids: _Ids, diags: Diagnostics) -> None:
    for field_name, schema, what, folder in (
        ("problem_types", "problem", "problem type", "problems"),
        ("contributors", "member", "member", "members"),
    ):
        for index, ref in enumerate(record.value(field_name, ())):
            if not ids.exists(schema, ref):
                _unknown(diags, record.path, record.position(field_name, index),
                         f"{field_name}[{index}]", what, ref, ids, schema, folder)
    entries = ids.repertoire.entries
    is_draft = bool(record.value("draft", False))
    for index, ref in enumerate(record.value("related", ())):
        pos = record.position("related", index)
        label = f"related[{index}]"
        if ref == record.record_id:
            diags.error(record.path, pos, label, "an entry cannot be related to itself",
                        "remove it from the list")
        elif ids.is_broken("entry", ref):
            continue
        elif ref not in entries:
            _unknown(diags, record.path, pos, label, "entry", ref,
                     ids, "entry", ref.split("/", 1)[0] if "/" in ref else "cases")
        elif entries[ref].draft and not is_draft:
            diags.warning(
                record.path, pos, label,
                f"'{ref}' is a draft; the link is left out until it is published",
            )
    date: dt.date | None = record.value("date")
    updated: dt.date | None = record.value("updated")
    if date is not None and updated is not None and updated < date:
        diags.error(
            record.path, record.position("updated"), "updated",
            f"updated ({updated}) is before date ({date})",
            "updated is when the entry was last revised; it cannot be before it was first shared",
        )


def _check_parent(record: Written, ids: _Ids, diags: Diagnostics) -> None:
    parent: str | None = record.value("parent")
    if parent is None:
        return
    pos = record.position("parent")
    if parent == record.record_id:
        diags.error(record.path, pos, "parent", "a problem type cannot be its own parent",
                    "remove the line, or name a broader problem type")
    elif not ids.exists("problem", parent):
        _unknown(diags, record.path, pos, "parent", "problem type",
                 parent, ids, "problem", "problems")


def _check_parent_cycles(repertoire: Repertoire, diags: Diagnostics) -> None:
    """Follow each loaded problem type's parents; report each cycle once."""
    problems = repertoire.problems
    done: set[str] = set()
    for start in sorted(problems):
        chain: list[str] = []
        index_of: dict[str, int] = {}
        current: str | None = start
        while current is not None and current in problems and current not in done:
            if current in index_of:
                cycle = chain[index_of[current]:]
                if len(cycle) > 1:
                    _report_cycle(cycle, repertoire, diags)
                break
            index_of[current] = len(chain)
            chain.append(current)
            current = problems[current].parent
        done.update(chain)


def _report_cycle(cycle: list[str], repertoire: Repertoire, diags: Diagnostics) -> None:
    """One error for a parent cycle, on the alphabetically first member of it."""
    first = min(cycle)
    start = cycle.index(first)
    ordered = cycle[start:] + cycle[:start]
    problem = repertoire.problems[first]
    diags.error(
        problem.source.path, problem.source.position("parent"), "parent",
        "problem types form a cycle: " + " → ".join(ordered + [first]),
        "a problem type's parent must be broader; remove one of these parent links",
    )


def _check_steps(record: Written, ids: _Ids, diags: Diagnostics) -> None:
    steps = record.fields.get("steps")
    if steps is None:
        return
    seen: dict[str, int] = {}
    for index, step in enumerate(steps.records):
        entry_id = step["entry"].value
        pos = step["entry"].pos
        label = f"steps[{index}].entry"
        if entry_id in seen:
            diags.error(record.path, pos, label,
                        f"'{entry_id}' is already step {seen[entry_id] + 1} of this path",
                        "each entry appears once in a path")
            continue
        seen[entry_id] = index
        if ids.is_broken("entry", entry_id):
            continue
        entry = ids.repertoire.entries.get(entry_id)
        if entry is None:
            _unknown(diags, record.path, pos, label, "entry", entry_id,
                     ids, "entry", entry_id.split("/", 1)[0] if "/" in entry_id else "cases")
        elif entry.draft:
            diags.error(record.path, pos, label, f"'{entry_id}' is a draft",
                        "paths can only point at published entries")


def _check_avatar(record: Written, docs_dir: Path, diags: Diagnostics) -> None:
    avatar: str | None = record.value("avatar")
    if avatar and not avatar.lower().startswith("https://") and not (docs_dir / avatar).is_file():
        diags.error(record.path, record.position("avatar"), "avatar",
                    f"no image at {avatar} in the docs folder",
                    "add the image there, or give an https:// URL")
