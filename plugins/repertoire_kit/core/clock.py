"""What "today" is for the check of dates: the real date, or SOURCE_DATE_EPOCH's when set.

Only the check asks: a date after today is a mistake (a typo in the year, a month and day
swapped). What the site shows never depends on the clock; pages print the dates the files
hold. SOURCE_DATE_EPOCH (seconds since 1970, the reproducible-builds convention) stands for
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


def today(environ: Mapping[str, str] | None = None) -> dt.date:
    """SOURCE_DATE_EPOCH's day (UTC) when it holds a number of seconds, else the real date."""
    raw = (os.environ if environ is None else environ).get(EPOCH_VARIABLE, "").strip()
    if raw.isdigit():
        try:
            return dt.datetime.fromtimestamp(int(raw), dt.timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            pass
    return dt.date.today()


def latest_date(on: dt.date | None = None) -> dt.date:
    """The latest date a file may hold when checked on `on` (default: `today()`)."""
    return (on or today()) + SLACK
