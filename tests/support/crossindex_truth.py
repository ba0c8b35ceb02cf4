"""What the indexes should contain, computed straight from the Markdown files.

Deliberately independent of the package: the front matter is split and read with
`yaml.safe_load` here, and every expectation (which entries a problem type, member or kind
page lists, and the counts) is derived with plain set arithmetic. If the package's loader or
indexes go wrong, these do not go wrong with them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DEFAULT_KIND_FOLDERS = ("cases", "stories", "tools")


@dataclass(frozen=True)
class TruthEntry:
    """An entry as its file states it."""

    id: str
    kind: str
    title: str
    summary: str
    problem_types: tuple[str, ...]
    contributors: tuple[str, ...]
    date: dt.date
    updated: dt.date | None
    related: tuple[str, ...]
    level: str | None
    draft: bool

    @property
    def url(self) -> str:
        return f"{self.id}/"

    @property
    def last_changed(self) -> dt.date:
        return self.updated or self.date

    def newest_first_key(self) -> tuple[int, int, str]:
        return (-self.last_changed.toordinal(), -self.date.toordinal(), self.id)


@dataclass
class Truth:
    """The sample's records and the listings derived from them."""

    entries: dict[str, TruthEntry] = field(default_factory=dict)
    members: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: dict[str, dict[str, Any]] = field(default_factory=dict)
    paths: dict[str, dict[str, Any]] = field(default_factory=dict)
    kind_folders: tuple[str, ...] = DEFAULT_KIND_FOLDERS

    @property
    def published(self) -> list[TruthEntry]:
        return [e for e in self.entries.values() if not e.draft]

    @property
    def drafts(self) -> list[TruthEntry]:
        return [e for e in self.entries.values() if e.draft]

    def subtypes(self, problem_id: str) -> set[str]:
        """Every problem type below `problem_id`, at any depth."""
        below: set[str] = set()
        frontier = {problem_id}
        while frontier:
            frontier = {
                p for p, fm in self.problems.items() if fm.get("parent") in frontier
            } - below
            below |= frontier
        return below

    def under_problem(self, problem_id: str) -> set[str]:
        """Published entry ids filed under the type or any of its sub-types."""
        scope = {problem_id} | self.subtypes(problem_id)
        return {e.id for e in self.published if scope & set(e.problem_types)}

    def of_member(self, member_id: str) -> set[str]:
        return {e.id for e in self.published if member_id in e.contributors}

    def of_kind(self, folder: str) -> list[TruthEntry]:
        """Published entries of a kind, newest first."""
        return sorted(
            (e for e in self.published if e.kind == folder), key=TruthEntry.newest_first_key
        )

    def by_kind(self, ids: set[str]) -> dict[str, set[str]]:
        """Split entry ids by kind folder (every kind present)."""
        split: dict[str, set[str]] = {k: set() for k in self.kind_folders}
        for entry_id in ids:
            split[self.entries[entry_id].kind].add(entry_id)
        return split

    def member_problem_counts(self, member_id: str) -> dict[str, int]:
        """Problem types a member's published entries name directly, with counts."""
        counts: dict[str, int] = {}
        for entry_id in self.of_member(member_id):
            for problem_id in self.entries[entry_id].problem_types:
                counts[problem_id] = counts.get(problem_id, 0) + 1
        return counts

    def people_under(self, problem_id: str) -> dict[str, int]:
        """Members by number of published entries under a problem type (sub-types included)."""
        counts: dict[str, int] = {}
        for entry_id in self.under_problem(problem_id):
            for member_id in self.entries[entry_id].contributors:
                counts[member_id] = counts.get(member_id, 0) + 1
        return counts

    def referencing(self, entry_id: str) -> set[str]:
        """Published entries that name `entry_id` in `related`."""
        return {e.id for e in self.published if entry_id in e.related and e.id != entry_id}


def read_front_matter(path: Path) -> dict[str, Any]:
    """The YAML between the opening and closing `---` lines of a Markdown file."""
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    assert lines and lines[0].strip() == "---", f"{path} has no front matter"
    end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    data = yaml.safe_load("\n".join(lines[1:end]))
    return data if isinstance(data, dict) else {}


def _records(folder: Path) -> dict[str, dict[str, Any]]:
    if not folder.is_dir():
        return {}
    return {
        path.stem: read_front_matter(path)
        for path in sorted(folder.glob("*.md"))
        if path.stem.lower() not in ("index", "readme")
    }


def read_truth(docs_dir: Path, kind_folders: tuple[str, ...] = DEFAULT_KIND_FOLDERS) -> Truth:
    """Read every record of a docs folder with PyYAML alone."""
    truth = Truth(kind_folders=kind_folders)
    for folder in kind_folders:
        for stem, fm in _records(docs_dir / folder).items():
            entry_id = f"{folder}/{stem}"
            truth.entries[entry_id] = TruthEntry(
                id=entry_id,
                kind=folder,
                title=str(fm["title"]),
                summary=" ".join(str(fm["summary"]).split()),
                problem_types=tuple(fm.get("problem_types") or ()),
                contributors=tuple(fm.get("contributors") or ()),
                date=fm["date"],
                updated=fm.get("updated"),
                related=tuple(fm.get("related") or ()),
                level=fm.get("level"),
                draft=bool(fm.get("draft", False)),
            )
    truth.members = _records(docs_dir / "members")
    truth.problems = _records(docs_dir / "problems")
    truth.paths = _records(docs_dir / "paths")
    return truth
