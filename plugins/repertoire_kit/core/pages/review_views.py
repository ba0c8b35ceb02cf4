"""What the "Due for review" page and a due entry's notice show, built from the schedule.

The schedule (`indexes.review`) decides which entries are due and whom to ask; this module
only turns it into typed views with links, and says on which day the build judged time
(`schedule_for`), so that the page, the notices and `repertoire.json` agree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..clock import build_day
from ..indexes.cross_indexes import Indexes
from ..indexes.review import DueEntry, ReviewSchedule, newest_content_date, review_schedule
from ..settings import ALUMNI_ROLE, Settings
from .views import Counted, EntryItem, ViewBuilder


def schedule_for(
    indexes: Indexes, settings: Settings, newest_commit: dt.date | None
) -> ReviewSchedule:
    """The due entries of this build, judged on `clock.build_day` (SOURCE_DATE_EPOCH, else the
    newest commit, else the newest date in the content; never the wall clock)."""
    today = build_day(newest_commit, newest_content_date(indexes.repertoire))
    return review_schedule(indexes, today, settings.review_months, ALUMNI_ROLE)


@dataclass(frozen=True)
class DueItem:
    """A due entry as the page and its notice show it: when it was last confirmed, since when
    it is due, and whom to ask (with their entries plus uses on its problem types)."""

    entry: EntryItem
    last_confirmed: str
    due_since: str
    reviewers: tuple[Counted, ...]


def due_item(views: ViewBuilder, due: DueEntry) -> DueItem:
    """The view of one due entry."""
    return DueItem(
        entry=views.entry(due.entry),
        last_confirmed=due.entry.last_confirmed.isoformat(),
        due_since=due.due_since.isoformat(),
        reviewers=tuple(Counted(views.member_link(m), n) for m, n in due.reviewers),
    )
