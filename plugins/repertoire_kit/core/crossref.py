"""Checks that need the whole repertoire: ids that must exist, cycles, dates in order.

References to a record that failed to load are not reported again (its own file already has
an error); references to ids nobody wrote get a did-you-mean.
"""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostics, Position
from .model import Entry, Repertoire
from .suggest import did_you_mean


def check_references(
    repertoire: Repertoire, broken: set[str], docs_dir: Path, diags: Diagnostics
) -> None:
    """Report every dangling or inconsistent reference of the loaded records."""
    for entry in repertoire.entries.values():
        _check_entry(entry, repertoire, broken, diags)
    _check_problem_parents(repertoire, broken, diags)
    _check_paths(repertoire, broken, diags)
    _check_avatars(repertoire, docs_dir, diags)


def _unknown(
    diags: Diagnostics, path: str, pos: Position, field: str, what: str,
    wrong: str, known: list[str], folder: str,
) -> None:
    """An id that names nothing: suggest the closest one, or how to create it."""
    suggestion = did_you_mean(wrong, known)
    diags.error(
        path, pos, field, f"unknown {what} '{wrong}'",
        suggestion or f"add {folder}/{wrong.rsplit('/', 1)[-1]}.md, or use an existing id",
    )


def _check_entry(entry: Entry, repertoire: Repertoire, broken: set[str], diags: Diagnostics) -> None:
    source = entry.source
    for field_name, ids, known, what, folder in (
        ("problem_types", entry.problem_types, repertoire.problems, "problem type", "problems"),
        ("contributors", entry.contributors, repertoire.members, "member", "members"),
    ):
        for index, ref in enumerate(ids):
            if ref in known or ref in broken:
                continue
            pos = source.position(field_name, index)
            _unknown(diags, source.path, pos, f"{field_name}[{index}]", what, ref,
                     list(known), folder)
    for index, ref in enumerate(entry.related):
        pos = source.position("related", index)
        label = f"related[{index}]"
        if ref == entry.id:
            diags.error(source.path, pos, label, "an entry cannot be related to itself",
                        "remove it from the list")
        elif ref in broken:
            continue
        elif ref not in repertoire.entries:
            _unknown(diags, source.path, pos, label, "entry", ref,
                     list(repertoire.entries), ref.split("/", 1)[0] if "/" in ref else "cases")
        elif repertoire.entries[ref].draft and not entry.draft:
            diags.warning(
                source.path, pos, label, f"'{ref}' is a draft; the link is left out until it is published",
            )
    if entry.updated is not None and entry.updated < entry.date:
        diags.error(
            source.path, source.position("updated"), "updated",
            f"updated ({entry.updated}) is before date ({entry.date})",
            "updated is when the entry was last revised; it cannot be before it was first shared",
        )


def _check_problem_parents(repertoire: Repertoire, broken: set[str], diags: Diagnostics) -> None:
    problems = repertoire.problems
    for problem in problems.values():
        parent = problem.parent
        if parent is None or parent in broken:
            continue
        pos = problem.source.position("parent")
        if parent == problem.id:
            diags.error(problem.source.path, pos, "parent", "a problem type cannot be its own parent")
        elif parent not in problems:
            _unknown(diags, problem.source.path, pos, "parent", "problem type",
                     parent, list(problems), "problems")
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


def _check_paths(repertoire: Repertoire, broken: set[str], diags: Diagnostics) -> None:
    for path in repertoire.paths.values():
        source = path.source
        seen: dict[str, int] = {}
        for index, step in enumerate(path.steps):
            pos = source.position("steps.entry", index)
            label = f"steps[{index}].entry"
            if step.entry in seen:
                diags.error(source.path, pos, label,
                            f"'{step.entry}' is already step {seen[step.entry] + 1} of this path",
                            "each entry appears once in a path")
                continue
            seen[step.entry] = index
            if step.entry in broken:
                continue
            entry = repertoire.entries.get(step.entry)
            if entry is None:
                _unknown(diags, source.path, pos, label, "entry", step.entry,
                         list(repertoire.entries), "cases")
            elif entry.draft:
                diags.error(source.path, pos, label, f"'{step.entry}' is a draft",
                            "paths can only point at published entries")


def _check_avatars(repertoire: Repertoire, docs_dir: Path, diags: Diagnostics) -> None:
    for member in repertoire.members.values():
        avatar = member.avatar
        if avatar and not avatar.lower().startswith("https://") and not (docs_dir / avatar).is_file():
            diags.error(member.source.path, member.source.position("avatar"), "avatar",
                        f"no image at {avatar} in the docs folder",
                        "add the image there, or give an https:// URL")
