"""Which entries are due for review, oldest first, and whom to ask to review each.

An entry stays current for a number of months (the `review_months` option) after it was last
confirmed: the latest of its `date`, `updated` and `reviewed`. From the day that many months
later it is due. "Today" is given (see `clock.build_day`), never read from the clock, so a
build's due list depends only on its commit and content.

The suggested reviewers of a due entry are the members who know its problems best and did
not write it: by the number of published entries they contributed plus the uses they
recorded on each of its problem types (sub-types included, as "people to ask" counts them),
added up, most first, ties by member id (see `ReviewerFinder`). Its own contributors are left
out (a review is a second pair of eyes), and so are members whose role is the alumni role
(they have moved on).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from ..model import Entry, Repertoire
from .cross_indexes import Indexes

SUGGESTED_REVIEWERS = 3
"""How many reviewers a due entry suggests: enough to find one who has time, few enough to
read at a glance."""


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later; the month's last day when it is shorter (31 Jan + 1 month
    is 28 or 29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def newest_content_date(repertoire: Repertoire) -> dt.date | None:
    """The newest date any entry (date, updated, reviewed) or use holds: "today" for a build
    with neither git nor SOURCE_DATE_EPOCH, so its output never depends on when it runs."""
    dates = [entry.last_confirmed for entry in repertoire.entries.values()]
    dates += [use.date for use in repertoire.uses.values()]
    return max(dates, default=None)


@dataclass(frozen=True)
class DueEntry:
    """An entry past its time: when it became due and whom to ask, as (member id, entries
    plus uses on its problem types), most first."""

    entry: Entry
    due_since: dt.date
    reviewers: tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class ReviewSchedule:
    """The due entries of one build, oldest first (ties by id), judged on `today`."""

    today: dt.date | None
    due: tuple[DueEntry, ...]
    _by_id: dict[str, DueEntry] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        self._by_id.update((due.entry.id, due) for due in self.due)

    def of(self, entry_id: str) -> DueEntry | None:
        """The entry's place on the list, if it is due."""
        return self._by_id.get(entry_id)


def review_schedule(
    indexes: Indexes, today: dt.date | None, months: int, alumni_role: str
) -> ReviewSchedule:
    """Every published entry due on `today`, oldest first, with its suggested reviewers."""
    if today is None:
        return ReviewSchedule(today, ())
    since = {entry.id: add_months(entry.last_confirmed, months) for entry in indexes.entries}
    due = sorted(
        (e for e in indexes.entries if since[e.id] <= today), key=lambda e: (since[e.id], e.id)
    )
    reviewers = ReviewerFinder(indexes, alumni_role)
    return ReviewSchedule(today, tuple(DueEntry(e, since[e.id], reviewers.suggest(e)) for e in due))


class ReviewerFinder:
    """Suggested reviewers, found without adding up every member's standing for every entry.

    A member's standing on a problem type is the number of published entries they
    contributed plus the published uses they recorded on it or its sub-types, each entry and
    use once. On an entry it is the sum over the entry's problem types (a type below another
    of them is left out, being counted in it already), so a member who knows two of its
    problems stands higher than one who knows one.

    Each problem type's members are ranked once (most first, ties by id). An entry's best few
    are then found by the threshold algorithm (Fagin et al.): walk its types' rankings row by
    row, add up the standings of each member met, and stop once the last of the best few
    stands strictly higher than any member not yet met could (the sum of the current row);
    "strictly", so that a member with an equal sum and a smaller id is never missed. At 5,000
    entries an entry reads a few rows instead of every member (the whole schedule takes about
    0.25 s there, against 4 s for a count over every neighbour of every due entry).
    """

    def __init__(self, indexes: Indexes, alumni_role: str) -> None:
        self.indexes = indexes
        self.alumni_role = alumni_role
        self._standings: dict[str, dict[str, int]] = {}
        self._rankings: dict[str, list[tuple[str, int]]] = {}

    def suggest(
        self, entry: Entry, limit: int = SUGGESTED_REVIEWERS
    ) -> tuple[tuple[str, int], ...]:
        """Up to `limit` members, most entries and uses first, ties by id; never the entry's
        contributors, alumni, members without a file or members with nothing there."""
        problems = self._broadest(entry)
        standings = [self._standing(p) for p in problems]
        rankings = [self._ranking(p) for p in problems]
        members = self.indexes.repertoire.members
        authors = set(entry.contributors)
        scored: set[str] = set()
        best: list[tuple[int, str]] = []  # (-standing, member id), at most `limit`, best first
        for row in range(max((len(r) for r in rankings), default=0)):
            bound = 0
            for ranking in rankings:
                if row >= len(ranking):
                    continue
                member_id, count = ranking[row]
                bound += count
                if member_id in scored or member_id in authors:
                    continue
                scored.add(member_id)
                member = members.get(member_id)
                if member is None or member.role == self.alumni_role:
                    continue
                total = sum(s.get(member_id, 0) for s in standings)
                if len(best) < limit or (-total, member_id) < best[-1]:
                    bisect.insort(best, (-total, member_id))
                    del best[limit:]
            if len(best) == limit and -best[-1][0] > bound:
                break
        return tuple((member_id, -negated) for negated, member_id in best)

    def _broadest(self, entry: Entry) -> tuple[str, ...]:
        """The entry's known problem types, less those below another of them, sorted."""
        known = {p for p in entry.problem_types if p in self.indexes.repertoire.problems}
        return tuple(sorted(p for p in known if not known.intersection(self.indexes.ancestors(p))))

    def _ranking(self, problem_id: str) -> list[tuple[str, int]]:
        """A problem type's members with their standing, most first, ties by id."""
        ranking = self._rankings.get(problem_id)
        if ranking is None:
            ordered = sorted((-n, m) for m, n in self._standing(problem_id).items())
            ranking = self._rankings[problem_id] = [(m, -n) for n, m in ordered]
        return ranking

    def _standing(self, problem_id: str) -> dict[str, int]:
        """Member -> entries plus uses on a problem type and its sub-types, each once."""
        counts = self._standings.get(problem_id)
        if counts is None:
            found: Counter[str] = Counter()
            for other in self.indexes.entries_under(problem_id):
                found.update(set(other.contributors))
            scope = [problem_id, *self.indexes.descendants(problem_id)]
            uses = {u.id: u for p in scope for u in self.indexes.uses_by_problem.get(p, [])}
            found.update(use.member for use in uses.values())
            counts = self._standings[problem_id] = dict(found)
        return counts
