"""Cross-indexes derived from the records: by problem type, member, kind; related; gaps; uses.

Everything here is computed in a few passes over the published entries plus per-entry work
bounded by the size of its neighbourhood (entries sharing a problem type or a contributor), so
the cost grows linearly with the repertoire for a fixed number of problem types and members.
Computed related entries need more care (a neighbourhood can be the whole repertoire): see
`CombinationIndex`. Orderings are total (ties broken by id), so every listing is stable from
build to build.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import TypeVar

from ..model import Entry, Repertoire, Use

_Item = TypeVar("_Item")

# An entry with more problem types plus contributors than this is left out of the combination
# index, which would otherwise hold it in 2 ** labels lists (see `CombinationIndex`).
MAX_COMBINED_LABELS = 8


def newest_first(entry: Entry) -> tuple[int, int, str]:
    """Sort key: most recently changed first, then first shared, then id."""
    return (-entry.last_changed.toordinal(), -entry.date.toordinal(), entry.id)


def newest_use_first(use: Use) -> tuple[int, str]:
    """Sort key of uses: most recent first, then id."""
    return (-use.date.toordinal(), use.id)


_NONE: tuple[int, ...] = ()

Labels = tuple[tuple[str, ...], tuple[str, ...]]
"""Problem types and contributors, each sorted and without repeats."""

Score = tuple[int, int, int]
"""A candidate's ranking key: (-shared problem types, -shared contributors, newest-first rank)."""

LabelLists = tuple[dict[str, list[int]], dict[str, list[int]]]
"""Entry ranks, newest first, by problem type and by contributor."""


def _grouped(pairs: Iterable[tuple[str, _Item]]) -> dict[str, list[_Item]]:
    """Each item listed under its key, in the order given (keys in order of first appearance)."""
    groups: dict[str, list[_Item]] = defaultdict(list)
    for key, item in pairs:
        groups[key].append(item)
    return dict(groups)


def _most_first(counts: Counter[str], known: Container[str]) -> list[tuple[str, int]]:
    """The known ids among those counted, with their counts, most first, ties by id."""
    found = [(key, count) for key, count in counts.items() if key in known]
    return sorted(found, key=lambda item: (-item[1], item[0]))


def labels_of(entry: Entry) -> Labels:
    """The entry's problem types and contributors as sets (kept sorted so they can be keys)."""
    return tuple(sorted(set(entry.problem_types))), tuple(sorted(set(entry.contributors)))


def is_crowded(labels: Labels) -> bool:
    """Whether an entry has too many labels for the combination index."""
    problems, people = labels
    return len(problems) + len(people) > MAX_COMBINED_LABELS


def _combination_key(problem_subset: tuple[str, ...], people_subset: tuple[str, ...]) -> str:
    """One string for a pair of subsets (ids never hold these separators). A string key is
    cheaper than a pair of tuples, and strings are not followed by Python's cycle collector,
    which the build runs over everything it keeps."""
    return "\x1f".join(problem_subset) + "\x1e" + "\x1f".join(people_subset)


def _subsets(items: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Every subset of sorted items, the empty one included, each sorted."""
    return [subset for size in range(len(items) + 1) for subset in combinations(items, size)]


class CombinationIndex:
    """Exact computed related entries in bounded work per entry, never comparing every pair.

    For every published entry with problem types P and contributors M and every S ⊆ P, T ⊆ M
    not both empty, the entry is in the list of (S, T); lists are newest first (entries are
    numbered by rank in that order). The candidates of an entry with P and M are then taken
    tier by tier in the order of the ranking key: sharing sp problem types and sm contributors,
    from (|P|, |M|) down to (0, 1). A tier merges, newest first, the lists of every (S, T) with
    S ⊆ P, |S| = sp, T ⊆ M, |T| = sm: together they hold exactly the entries sharing at least
    sp problem types and sm contributors. Any of those sharing more belongs to an earlier tier,
    which was read to its end (or the places would already be full), so it has been chosen or
    left out already: an entry first met in a tier shares exactly that tier, and entries are met
    newest first. The walk stops when the places are full, so each list is read only past the
    entries chosen or left out: at most 2 ** (|P| + |M|) lists × (limit + left out) steps per
    entry, however many entries share its problem types.

    An entry with more than MAX_COMBINED_LABELS labels ("crowded") would need 2 ** labels lists,
    so it is not put in them. As a candidate it is scored by counting through per-label lists
    of crowded entries only; as the entry being ranked it gets the plain count over the lists of
    its problem types and contributors. Both are exact, and cost the size of that neighbourhood,
    which is small while crowded entries are rare (none in the sample or a realistic
    repertoire).
    """

    def __init__(self, entries: list[Entry]) -> None:
        self.order = sorted(entries, key=newest_first)
        self.rank = {entry.id: rank for rank, entry in enumerate(self.order)}
        labels = [labels_of(entry) for entry in self.order]
        crowded = [rank for rank, entry_labels in enumerate(labels) if is_crowded(entry_labels)]
        self.everyone = _label_lists(labels, range(len(labels)))
        self.crowded = _label_lists(labels, crowded)
        lists: dict[str, list[int]] = {}
        for rank, (problems, people) in enumerate(labels):
            if is_crowded(labels[rank]):
                continue
            people_subsets = _subsets(people)
            for problem_subset in _subsets(problems):
                for people_subset in people_subsets:
                    key = _combination_key(problem_subset, people_subset)
                    found = lists.get(key)
                    if found is None:
                        found = lists[key] = []
                    found.append(rank)
        lists.pop(_combination_key((), ()), None)
        self.lists = lists

    def ranked(self, entry: Entry, excluded: set[str], limit: int) -> list[Entry]:
        """The `limit` best candidates for an entry, best first; `excluded` ids never appear."""
        if limit <= 0:
            return []
        labels = labels_of(entry)
        left_out = {self.rank[entry_id] for entry_id in excluded if entry_id in self.rank}
        if is_crowded(labels):
            scores = self._counted(labels, self.everyone, left_out)
        else:
            scores = self._walked(labels, left_out, limit)
            scores += self._counted(labels, self.crowded, left_out)
        return [self.order[score[2]] for score in heapq.nsmallest(limit, scores)]

    def _walked(self, labels: Labels, left_out: set[int], limit: int) -> list[Score]:
        """The best uncrowded candidates, read tier by tier from the combination lists."""
        problems, people = labels
        seen = set(left_out)
        found: list[Score] = []
        for shared_problems in range(len(problems), -1, -1):
            for shared_people in range(len(people), -1, -1):
                if shared_problems == shared_people == 0:
                    break
                tier = [
                    self.lists.get(_combination_key(problem_subset, people_subset), _NONE)
                    for problem_subset in combinations(problems, shared_problems)
                    for people_subset in combinations(people, shared_people)
                ]
                for rank in heapq.merge(*tier):
                    if rank in seen:
                        continue
                    seen.add(rank)
                    found.append((-shared_problems, -shared_people, rank))
                    if len(found) == limit:
                        return found
        return found

    @staticmethod
    def _counted(labels: Labels, label_lists: LabelLists, left_out: set[int]) -> list[Score]:
        """Every candidate in these per-label lists, scored by counting its shared labels."""
        problems, people = labels
        by_problem, by_member = label_lists
        shared_problems = Counter(rank for p in problems for rank in by_problem.get(p, ()))
        shared_people = Counter(rank for m in people for rank in by_member.get(m, ()))
        return [
            (-shared_problems[rank], -shared_people[rank], rank)
            for rank in shared_problems.keys() | shared_people.keys()
            if rank not in left_out
        ]


def _label_lists(labels: list[Labels], ranks: Sequence[int]) -> LabelLists:
    """The ranks of these entries by problem type and by contributor."""
    return (
        _grouped((problem_id, rank) for rank in ranks for problem_id in labels[rank][0]),
        _grouped((member_id, rank) for rank in ranks for member_id in labels[rank][1]),
    )


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
    # Published uses (of published entries), newest first; by entry, member and the entry's
    # problem types (as written, sub-types not counted in their ancestors).
    uses: list[Use] = field(default_factory=list)
    uses_by_entry: dict[str, list[Use]] = field(default_factory=dict)
    uses_by_member: dict[str, list[Use]] = field(default_factory=dict)
    uses_by_problem: dict[str, list[Use]] = field(default_factory=dict)
    _under: dict[str, list[Entry]] = field(default_factory=dict, repr=False)
    _matrix: dict[str, Counter[str]] | None = field(default=None, repr=False)
    _uses_matrix: dict[str, Counter[str]] | None = field(default=None, repr=False)
    _tree: list[tuple[str, int]] | None = field(default=None, repr=False)
    _combinations: CombinationIndex | None = field(default=None, repr=False)

    def roots(self) -> list[str]:
        """Problem types without a parent, by title."""
        problems = self.repertoire.problems
        return self._by_title([p for p, v in problems.items() if v.parent not in problems])

    def _by_title(self, ids: list[str]) -> list[str]:
        problems = self.repertoire.problems
        return sorted(ids, key=lambda p: (problems[p].title.casefold(), p))

    def tree(self) -> list[tuple[str, int]]:
        """Every problem type once, in tree order with its depth (0 for roots); computed once
        (several pages, and every row of the who-knows-what table, walk it).

        A parent cycle is an error, but `mkdocs serve` keeps going: its members have no root,
        so they are shown as roots after the others rather than dropped.
        """
        if self._tree is not None:
            return self._tree
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
        self._tree = ordered
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
                reached = self.problems_reached(entry)
                for member_id in entry.contributors:
                    matrix[member_id].update(reached)
            self._matrix = dict(matrix)
        return self._matrix

    def uses_matrix(self) -> dict[str, Counter[str]]:
        """member → problem type → uses they recorded of entries there (sub-types counted in
        their ancestors, as in `contributions_matrix`): who has *applied* what, beside who
        wrote it."""
        if self._uses_matrix is None:
            matrix: dict[str, Counter[str]] = defaultdict(Counter)
            for use in self.uses:
                matrix[use.member].update(self.problems_reached(self.repertoire.entries[use.entry]))
            self._uses_matrix = dict(matrix)
        return self._uses_matrix

    def problems_reached(self, entry: Entry) -> set[str]:
        """The known problem types of an entry and all their ancestors."""
        reached: set[str] = set()
        for problem_id in entry.problem_types:
            if problem_id in self.repertoire.problems:
                reached.add(problem_id)
                reached.update(self.ancestors(problem_id))
        return reached

    def applied_under(self, problem_id: str) -> list[tuple[str, int]]:
        """Members by number of uses they recorded on a problem type (with its sub-types),
        most first."""
        entries = self.entries_under(problem_id)
        counts = Counter(u.member for e in entries for u in self.uses_by_entry.get(e.id, ()))
        return _most_first(counts, self.repertoire.members)

    def member_problems(self, member_id: str) -> list[tuple[str, int]]:
        """The problem types a member has contributed on, with counts, most first."""
        counts = Counter(p for e in self.by_member.get(member_id, []) for p in e.problem_types)
        return _most_first(counts, self.repertoire.problems)

    def collaborators(self, member_id: str) -> list[tuple[str, int]]:
        """Members who co-contributed with this one, with the number of shared entries."""
        counts = Counter(m for e in self.by_member.get(member_id, []) for m in e.contributors)
        counts.pop(member_id, None)
        return _most_first(counts, self.repertoire.members)

    def people_to_ask(self, problem_id: str) -> list[tuple[str, int]]:
        """Members by number of entries on a problem type (with its sub-types), most first."""
        counts = Counter(m for e in self.entries_under(problem_id) for m in e.contributors)
        return _most_first(counts, self.repertoire.members)

    def related_entries(self, entry: Entry, limit: int) -> list[Entry]:
        """Entries most like this one, exactly ranked, found without comparing every pair.

        Ranked by shared problem types, then shared contributors, then newest (`newest_first`).
        Entries the page already lists (named in `related`, or naming this one) are left out,
        so the suggestions add something. The combination index is built on first use.
        """
        if self._combinations is None:
            self._combinations = CombinationIndex(self.entries)
        excluded = {entry.id, *entry.related, *(e.id for e in self.referenced_by.get(entry.id, []))}
        return self._combinations.ranked(entry, excluded, limit)

    def kind_counts(self, entries: list[Entry]) -> dict[str, int]:
        """How many of the given entries are of each configured kind (every kind present)."""
        counts = {kind: 0 for kind in self.by_kind}
        for entry in entries:
            counts[entry.kind.folder] = counts.get(entry.kind.folder, 0) + 1
        return counts


def build_indexes(repertoire: Repertoire, kind_folders: tuple[str, ...]) -> Indexes:
    """Derive every index from the published entries and uses, each list in their order."""
    published = sorted(repertoire.published_entries(), key=newest_first)
    problems, entries = repertoire.problems, repertoire.entries
    uses = sorted(repertoire.published_uses(), key=newest_use_first)
    indexes = Indexes(
        repertoire=repertoire,
        entries=published,
        by_kind={folder: [] for folder in kind_folders},
        by_problem=_grouped((p, entry) for entry in published for p in entry.problem_types),
        by_member=_grouped((m, entry) for entry in published for m in entry.contributors),
        referenced_by=_grouped(
            (target, entry) for entry in published for target in entry.related if target != entry.id
        ),
        paths_by_entry=_grouped(
            (step.entry, (path.id, index))
            for path in sorted(repertoire.paths.values(), key=lambda p: (p.title.casefold(), p.id))
            for index, step in enumerate(path.steps)
        ),
        uses=uses,
        uses_by_entry=_grouped((use.entry, use) for use in uses),
        uses_by_member=_grouped((use.member, use) for use in uses),
        uses_by_problem=_grouped(
            (p, use) for use in uses for p in dict.fromkeys(entries[use.entry].problem_types)
        ),
    )
    for entry in published:
        indexes.by_kind.setdefault(entry.kind.folder, []).append(entry)
    children = _grouped(
        (problem.parent, problem.id)
        for problem in problems.values()
        if problem.parent in problems and problem.parent != problem.id
    )
    indexes.children = {p: indexes._by_title(c) for p, c in children.items()}
    return indexes
