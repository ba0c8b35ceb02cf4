"""The community's growth in numbers: what the "community at a glance" page draws.

Counted from the published entries and uses only (what a reader can see), over continuous
periods (a quarter or a year with nothing in it is a zero, not a gap in the axis), so the
pictures show pauses as well as busy times. A member *contributes* in a year when they are a
contributor of an entry first shared that year or recorded a use that year: recording a use is
the smallest contribution a member can make. Every list is in a total order, so the figures are
the same from build to build.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .cross_indexes import Indexes

MOST_USED = 10
"""How many entries the "most used" picture shows."""


@dataclass(frozen=True, order=True)
class Quarter:
    """A calendar quarter; orders by time."""

    year: int
    number: int

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    def __str__(self) -> str:
        return f"{self.year} Q{self.number}"


@dataclass(frozen=True)
class YearOfMembers:
    """How many members contributed in a year, and how many of them for the first time."""

    year: int
    contributing: int
    first_time: int


@dataclass(frozen=True)
class Coverage:
    """A problem type (with its depth in the tree) and its entries per kind, sub-types
    included, in the configured order of the kinds."""

    problem_id: str
    depth: int
    counts: tuple[int, ...]


@dataclass(frozen=True)
class CommunityStats:
    """Every figure of the community page; `entries_by_quarter` and `coverage` count the kinds
    in the order `community_stats` was given them."""

    entries_by_quarter: tuple[tuple[Quarter, tuple[int, ...]], ...]
    members_by_year: tuple[YearOfMembers, ...]
    uses_by_quarter: tuple[tuple[Quarter, int], ...]
    coverage: tuple[Coverage, ...]
    most_used: tuple[tuple[str, int], ...]


def quarters_between(first: Quarter, last: Quarter) -> list[Quarter]:
    """Every quarter from `first` to `last`, both included."""
    # Each quarter by its count since the start of year 0, which steps by one.
    start, end = (4 * quarter.year + quarter.number - 1 for quarter in (first, last))
    return [Quarter(index // 4, index % 4 + 1) for index in range(start, end + 1)]


def _per_quarter(days: Iterable[dt.date]) -> dict[Quarter, int]:
    counts = Counter(Quarter.of(day) for day in days)
    if not counts:
        return {}
    return {q: counts[q] for q in quarters_between(min(counts), max(counts))}


def community_stats(indexes: Indexes, kinds: tuple[str, ...]) -> CommunityStats:
    """Count every figure of the community page from the indexes."""
    repertoire = indexes.repertoire
    by_kind: dict[Quarter, Counter[str]] = defaultdict(Counter)
    for entry in indexes.entries:
        by_kind[Quarter.of(entry.date)][entry.kind.folder] += 1
    entry_quarters = _per_quarter(entry.date for entry in indexes.entries)
    entries_by_quarter = tuple(
        (q, tuple(by_kind[q][kind] for kind in kinds)) for q in entry_quarters
    )
    uses_by_quarter = tuple(_per_quarter(use.date for use in indexes.uses).items())

    years: dict[str, set[int]] = defaultdict(set)
    for entry in indexes.entries:
        for member_id in entry.contributors:
            years[member_id].add(entry.date.year)
    for use in indexes.uses:
        years[use.member].add(use.date.year)
    active = {m: y for m, y in years.items() if m in repertoire.members}
    members_by_year: tuple[YearOfMembers, ...] = ()
    if active:
        every_year = set().union(*active.values())
        members_by_year = tuple(
            YearOfMembers(
                year,
                sum(1 for y in active.values() if year in y),
                sum(1 for y in active.values() if min(y) == year),
            )
            for year in range(min(every_year), max(every_year) + 1)
        )

    entries = repertoire.entries
    most_used = sorted(
        ((entry_id, len(uses)) for entry_id, uses in indexes.uses_by_entry.items()),
        key=lambda item: (-item[1], entries[item[0]].title.casefold(), item[0]),
    )[:MOST_USED]
    return CommunityStats(
        entries_by_quarter=entries_by_quarter,
        members_by_year=members_by_year,
        uses_by_quarter=uses_by_quarter,
        coverage=tuple(_coverage(indexes, kinds)),
        most_used=tuple(most_used),
    )


def _coverage(indexes: Indexes, kinds: tuple[str, ...]) -> Iterable[Coverage]:
    """Each problem type in tree order with its entries per kind (sub-types included)."""
    for problem_id, depth in indexes.tree():
        counts = indexes.kind_counts(indexes.entries_under(problem_id))
        yield Coverage(problem_id, depth, tuple(counts.get(kind, 0) for kind in kinds))
