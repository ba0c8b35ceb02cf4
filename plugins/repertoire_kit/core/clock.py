"""What "today" is: for the check of dates, and for the pages that judge time.

The check asks whether a date is after today (a typo in the year, a month and day swapped):
the real date. What the site shows never depends on the clock: pages that judge time (an
entry due for review) take `build_day`, the newest commit's date or the newest date in the
content. SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention) stands for
the real date when it is set, so that a test or a rebuild of an old commit can fix it. A date
up to one day after today is accepted: an entry dated the day it is written, in a time zone
ahead of the machine that checks it, must pass before it is committed.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

EPOCH_VARIABLE = "SOURCE_DATE_EPOCH"
# A day's slack for time zones: the earliest zone is 14 hours ahead of UTC.
SLACK = dt.timedelta(days=1)


def epoch_day(environ: Mapping[str, str] | None = None) -> dt.date | None:
    """SOURCE_DATE_EPOCH's day (UTC) when it holds a number of seconds, else None."""
    raw = (os.environ if environ is None else environ).get(EPOCH_VARIABLE, "").strip()
    if raw.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(raw), dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            pass
    return None


def today(environ: Mapping[str, str] | None = None) -> dt.date:
    """SOURCE_DATE_EPOCH's day (UTC) when it holds a number of seconds, else the real date."""
    return epoch_day(environ) or dt.date.today()


def build_day(
    newest_commit: dt.date | None,
    newest_content: dt.date | None,
    environ: Mapping[str, str] | None = None,
) -> dt.date | None:
    """The "today" against which pages judge time (an entry due for review), never the clock.

    SOURCE_DATE_EPOCH's day when it is set; else the date of the newest commit, so that a
    build of one commit gives the same bytes whenever it runs; else (no git, no history) the
    newest date the content holds, so that output still depends only on the files. None
    when there is none of these (an empty repertoire outside git): nothing is then judged.
    """
    return epoch_day(environ) or newest_commit or newest_content


def latest_date(on: dt.date | None = None) -> dt.date:
    """The latest date a file may hold when checked on `on` (default: `today()`)."""
    return (on or today()) + SLACK
