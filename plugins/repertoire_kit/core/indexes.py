"""Cross-indexes derived from the records: by problem type, member, kind; related; gaps.

Everything here is computed in one pass over the published entries plus per-entry work bounded
by the size of its neighbourhood (entries sharing a problem type or a contributor), so the cost
grows linearly with the repertoire for a fixed number of problem types and members. Orderings
are total (ties broken by id), so every listing is stable from build to build.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .model import Entry, Repertoire


# How many of the most recent entries of each shared problem type and contributor are
# considered as computed related entries (see `Indexes.related_entries`).
RELATED_WINDOW = 40


def newest_first(entry: Entry) -> tuple[int, int, str]:
    """Sort key: most recently changed first, then first shared, then id."""
    return (-entry.last_changed.toordinal(), -entry.date.toordinal(), entry.id)


@dataclass
class Indexes:
    """Every derived view of a repertoire that the generated pages need."""

    repertoire: Repertoire
    entries: list[Entry] = field(default_factory=list)
    by_kind: dict[str, list[Entry]] = field(default_factory=dict)
    by_problem: dict[str, list[Entry]] = field(default_factory=dict)
    by_member: dict[str, list[Entry]] = field(default_factory=dict)
    children: dict[str, list[str]] = field(default_factory=dict)
    referenced_by: dict[str, list[Entry]] = field(default_factory=dict)
    paths_by_entry: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    _under: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _matrix: dict[str, Counter[str]] | None = field(default=None, repr=False)

    def roots(self) -> list[str]:
        """Problem types without a parent, by title."""
        problems = self.repertoire.problems
        return self._by_title([p for p, v in problems.items() if v.parent not in problems])

    def _by_title(self, ids: list[str]) -> list[str]:
        problems = self.repertoire.problems
        return sorted(ids, key=lambda p: (problems[p].title.casefold(), p))

    def tree(self) -> list[tuple[str, int]]:
        """Every problem type once, in tree order with its depth (0 for roots).

        A parent cycle is an error, but `mkdocs serve` keeps going: its members have no root,
        so they are shown as roots after the others rather than dropped.
        """
        ordered: list[tuple[str, int]] = []
        seen: set[str] = set()

        def visit(problem_id: str, depth: int) -> None:
            if problem_id in seen:
                return
            seen.add(problem_id)
            ordered.append((problem_id, depth))
            for child in self.children.get(problem_id, []):
                visit(child, depth + 1)

        for root in self.roots():
            visit(root, 0)
        for orphan in self._by_title([p for p in self.repertoire.problems if p not in seen]):
            visit(orphan, 0)
        return ordered

    def descendants(self, problem_id: str) -> list[str]:
        """All sub-types below a problem type, depth first, each once (even in a cycle)."""
        found: list[str] = []
        seen = {problem_id}
        stack = list(reversed(self.children.get(problem_id, [])))
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            found.append(current)
            stack.extend(reversed(self.children.get(current, [])))
        return found

    def ancestors(self, problem_id: str) -> list[str]:
        """Broader problem types, nearest first."""
        problems = self.repertoire.problems
        chain: list[str] = []
        current = problems[problem_id].parent if problem_id in problems else None
        while current in problems and current not in chain and current != problem_id:
            chain.append(current)
            current = problems[current].parent
        return chain

    def entries_under(self, problem_id: str) -> list[Entry]:
        """Entries of a problem type and of all its sub-types, newest first, each once."""
        cached = self._under.get(problem_id)
        if cached is None:
            seen: dict[str, Entry] = {}
            for pid in [problem_id, *self.descendants(problem_id)]:
                for entry in self.by_problem.get(pid, []):
                    seen.setdefault(entry.id, entry)
            cached = self._under[problem_id] = sorted(seen.values(), key=newest_first)
        return cached

    def contributions_matrix(self) -> dict[str, Counter[str]]:
        """member → problem type → entries (sub-types counted in their ancestors)."""
        if self._matrix is None:
            matrix: dict[str, Counter[str]] = defaultdict(Counter)
            for entry in self.entries:
                reached: set[str] = set()
                for problem_id in entry.problem_types:
                    if problem_id in self.repertoire.problems:
                        reached.add(problem_id)
                        reached.update(self.ancestors(problem_id))
                for member_id in entry.contributors:
                    matrix[member_id].update(reached)
            self._matrix = dict(matrix)
        return self._matrix

    def member_problems(self, member_id: str) -> list[tuple[str, int]]:
        """The problem types a member has contributed on, with counts, most first."""
        counts: Counter[str] = Counter()
        for entry in self.by_member.get(member_id, []):
            counts.update(p for p in entry.problem_types if p in self.repertoire.problems)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def collaborators(self, member_id: str) -> list[tuple[str, int]]:
        """Members who co-contributed with this one, with the number of shared entries."""
        counts: Counter[str] = Counter()
        for entry in self.by_member.get(member_id, []):
            counts.update(m for m in entry.contributors if m != member_id and m in self.repertoire.members)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def people_to_ask(self, problem_id: str) -> list[tuple[str, int]]:
        """Members by number of entries on a problem type (with its sub-types), most first."""
        counts: Counter[str] = Counter()
        for entry in self.entries_under(problem_id):
            counts.update(m for m in entry.contributors if m in self.repertoire.members)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def related_entries(self, entry: Entry, limit: int) -> list[Entry]:
        """Entries most like this one, found through the inverted indexes, never all pairs.

        Ranked by shared problem types, then shared contributors, then newest. Entries the
        page already lists (named in `related`, or naming this one) are left out, so the
        suggestions add something. Candidates are the `RELATED_WINDOW` most recent entries of
        each shared problem type and of each shared contributor (the lists are newest first):
        without that bound a repertoire that grows on a fixed set of problem types would make
        this quadratic, and a suggestion older than hundreds of others on the same problems
        is rarely the useful one.
        """
        shared_problems: Counter[str] = Counter()
        shared_people: Counter[str] = Counter()
        for problem_id in entry.problem_types:
            shared_problems.update(e.id for e in self.by_problem.get(problem_id, [])[:RELATED_WINDOW])
        for member_id in entry.contributors:
            shared_people.update(e.id for e in self.by_member.get(member_id, [])[:RELATED_WINDOW])
        excluded = {entry.id, *entry.related, *(e.id for e in self.referenced_by.get(entry.id, []))}
        candidates = (set(shared_problems) | set(shared_people)) - excluded
        entries = self.repertoire.entries
        ranked = heapq.nsmallest(
            limit, candidates,
            key=lambda cid: (-shared_problems[cid], -shared_people[cid], *newest_first(entries[cid])),
        )
        return [entries[cid] for cid in ranked]

    def kind_counts(self, entries: list[Entry]) -> dict[str, int]:
        """How many of the given entries are of each configured kind (every kind present)."""
        counts = {kind: 0 for kind in self.by_kind}
        for entry in entries:
            counts[entry.kind.folder] = counts.get(entry.kind.folder, 0) + 1
        return counts


def build_indexes(repertoire: Repertoire, kind_folders: tuple[str, ...]) -> Indexes:
    """Derive every index from the published entries in one pass."""
    published = sorted(repertoire.published_entries(), key=newest_first)
    indexes = Indexes(repertoire=repertoire, entries=published)
    indexes.by_kind = {folder: [] for folder in kind_folders}
    by_problem: dict[str, list[Entry]] = defaultdict(list)
    by_member: dict[str, list[Entry]] = defaultdict(list)
    referenced_by: dict[str, list[Entry]] = defaultdict(list)
    for entry in published:
        indexes.by_kind.setdefault(entry.kind.folder, []).append(entry)
        for problem_id in entry.problem_types:
            by_problem[problem_id].append(entry)
        for member_id in entry.contributors:
            by_member[member_id].append(entry)
        for target in entry.related:
            if target != entry.id:
                referenced_by[target].append(entry)
    indexes.by_problem = dict(by_problem)
    indexes.by_member = dict(by_member)
    indexes.referenced_by = dict(referenced_by)
    children: dict[str, list[str]] = defaultdict(list)
    for problem in repertoire.problems.values():
        if problem.parent in repertoire.problems and problem.parent != problem.id:
            children[problem.parent].append(problem.id)
    indexes.children = {p: indexes._by_title(c) for p, c in children.items()}
    paths_by_entry: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for path in sorted(repertoire.paths.values(), key=lambda p: (p.title.casefold(), p.id)):
        for index, step in enumerate(path.steps):
            paths_by_entry[step.entry].append((path.id, index))
    indexes.paths_by_entry = dict(paths_by_entry)
    return indexes
