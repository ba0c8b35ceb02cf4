"""What the repertoire is missing: the steward's to-do list, derived from the indexes."""

from __future__ import annotations

from dataclasses import dataclass, field

from .cross_indexes import Indexes


@dataclass(frozen=True)
class Gaps:
    """Each list is in problem-tree order (members by name).

    `missing_kinds` pairs a problem type with the folders of the kinds it lacks, in the
    configured order; templates name them (a kind nobody has used yet is known only from the
    settings, not from any entry). `unused` is, per kind folder in the configured order, the
    published entries nobody has recorded a use of, and all of them: (folder, unused, total).
    """

    empty: list[str]
    missing_kinds: list[tuple[str, list[str]]]
    single_contributor: list[tuple[str, str]]
    untouched_by_paths: list[str]
    quiet_members: list[str]
    unused: list[tuple[str, int, int]] = field(default_factory=list)


def find_gaps(indexes: Indexes) -> Gaps:
    """Compute every gap list from the published entries and the curated paths."""
    repertoire = indexes.repertoire
    tree = [problem_id for problem_id, _ in indexes.tree()]
    kinds = list(indexes.by_kind)
    empty: list[str] = []
    missing: list[tuple[str, list[str]]] = []
    single: list[tuple[str, str]] = []
    for problem_id in tree:
        under = indexes.entries_under(problem_id)
        if not under:
            empty.append(problem_id)
            continue
        counts = indexes.kind_counts(under)
        absent = [k for k in kinds if counts.get(k, 0) == 0]
        if absent:
            missing.append((problem_id, absent))
        people = indexes.people_to_ask(problem_id)
        if len(people) == 1:
            single.append((problem_id, people[0][0]))
    touched: set[str] = set()
    for path in repertoire.paths.values():
        for step in path.steps:
            if step.entry in repertoire.entries:
                touched |= indexes.problems_reached(repertoire.entries[step.entry])
    quiet = sorted(
        (m for m in repertoire.members.values() if m.id not in indexes.by_member),
        key=lambda m: (m.name.casefold(), m.id),
    )
    return Gaps(
        empty=empty,
        missing_kinds=missing,
        single_contributor=single,
        untouched_by_paths=[p for p in tree if p not in touched],
        quiet_members=[m.id for m in quiet],
        unused=[
            (kind, sum(e.id not in indexes.uses_by_entry for e in entries), len(entries))
            for kind, entries in indexes.by_kind.items()
        ],
    )
