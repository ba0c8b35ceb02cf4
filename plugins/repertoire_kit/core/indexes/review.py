"""Which entries are due for review, oldest first, and whom to ask to review each.

An entry stays current for a number of months (the `review_months` option) after it was last
confirmed: the latest of its `date`, `updated` and `reviewed`. From the day that many months
later it is due. "Today" is given (see `clock.build_day`), never read from the clock, so a
build's due list depends only on its commit and content.

The suggested reviewers of a due entry are the members who know its problems best and did
not write it: by the number of published entries they contributed plus the uses they
recorded on its problem types (sub-types included, as "people to ask" counts them), most
first, ties by member id. Its own contributors are left out (a review is a second pair of
eyes), and so are members whose role is the alumni role (they have moved on).
"""

from __future__ import annotations

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
    months: int
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
        return ReviewSchedule(today, months, ())
    due = [
        (add_months(entry.last_confirmed, months), entry)
        for entry in indexes.entries
        if add_months(entry.last_confirmed, months) <= today
    ]
    due.sort(key=lambda item: (item[0], item[1].id))
    return ReviewSchedule(
        today,
        months,
        tuple(
            DueEntry(entry, since, suggested_reviewers(indexes, entry, alumni_role))
            for since, entry in due
        ),
    )


def suggested_reviewers(
    indexes: Indexes, entry: Entry, alumni_role: str, limit: int = SUGGESTED_REVIEWERS
) -> tuple[tuple[str, int], ...]:
    """Up to `limit` members by entries plus uses on the entry's problem types (and their
    sub-types), most first, ties by id; never its contributors, alumni, or members with
    nothing there."""
    scope: set[str] = set()
    for problem_id in entry.problem_types:
        if problem_id in indexes.repertoire.problems:
            scope.add(problem_id)
            scope.update(indexes.descendants(problem_id))
    entries = {e.id: e for p in scope for e in indexes.by_problem.get(p, [])}
    uses = {u.id: u for p in scope for u in indexes.uses_by_problem.get(p, [])}
    counts: Counter[str] = Counter()
    for other in entries.values():
        counts.update(set(other.contributors))
    counts.update(use.member for use in uses.values())
    members = indexes.repertoire.members
    authors = set(entry.contributors)
    eligible = [
        (member_id, count)
        for member_id, count in counts.items()
        if member_id in members
        and member_id not in authors
        and members[member_id].role != alumni_role
    ]
    eligible.sort(key=lambda item: (-item[1], item[0]))
    return tuple(eligible[:limit])
