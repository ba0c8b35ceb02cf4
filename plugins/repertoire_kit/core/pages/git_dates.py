"""When each file of the docs folder was last committed, read from git in one pass.

A page says when it was last changed. The history is the best witness, but only when all of
it is there: in a shallow clone (CI's default checkout) the oldest commit present appears to
have touched every file, so every page would claim that date. Then, and whenever git or a
repository is missing, nothing is returned and pages fall back to the front matter's
`updated` or `date`.

One `git log` walks the history once and the first (newest) commit naming a file gives its
date, so the cost does not grow with one process per page. The walk follows the first parent,
so a change merged from a pull request is dated by the merge, the day it reached the branch.

The date of the commit being built (`newest_commit_date`) is the "today" of the pages that
judge time (see `clock.build_day`): it is the same whenever that commit is built.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from collections.abc import Mapping
from pathlib import Path

from ..model import Entry

GIT_TIMEOUT_SECONDS = 60
_RECORD = "\x1e"  # starts each commit in the log output; never part of a date or a path


def _git(folder: Path, *args: str) -> str | None:
    """Run git in `folder`; None when git is missing, fails, or the folder is no repository."""
    if not folder.is_dir():
        return None
    try:
        completed = subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            timeout=GIT_TIMEOUT_SECONDS,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if completed.returncode != 0:
        return None
    return completed.stdout.decode("utf-8", errors="surrogateescape")


def has_full_history(folder: Path) -> bool:
    """Whether `folder` is inside a git work tree whose history is complete (not shallow)."""
    answer = _git(folder, "rev-parse", "--is-inside-work-tree", "--is-shallow-repository")
    return answer is not None and answer.split() == ["true", "false"]


def parse_log(output: str) -> dict[str, dt.date]:
    """Path → date of its newest commit, from `git log --format=<RS>%cI --name-only -z`.

    The log lists the newest commit first, so the first date seen for a path is kept.
    """
    dates: dict[str, dt.date] = {}
    for record in output.split(_RECORD):
        fields = record.split("\0")
        if not fields[0].strip():
            continue
        committed = dt.datetime.fromisoformat(fields[0].strip()).date()
        for name in fields[1:]:
            path = name.strip("\n")
            if path and path not in dates:
                dates[path] = committed
    return dates


def last_commit_dates(docs_dir: Path) -> dict[str, dt.date]:
    """Docs-relative path (with `/`) → the date of the last commit that changed the file.

    Empty when the folder is not in a git work tree, git is not installed, or the clone is
    shallow: a partial history would give wrong dates, and no date is better than a wrong one.
    Files never committed are absent, so they also fall back to their front matter.
    """
    if not has_full_history(docs_dir):
        return {}
    log = ("log", "--first-parent", "--relative", f"--format={_RECORD}%cI", "--name-only", "-z")
    output = _git(docs_dir, "-c", "core.quotepath=off", *log, "--", ".")
    return parse_log(output) if output else {}


def newest_commit_date(folder: Path) -> dt.date | None:
    """The date of the commit checked out (HEAD) in the repository holding `folder`; None
    without git or a repository. A shallow clone still has it, so CI gets the same day."""
    output = _git(folder, "log", "-1", "--format=%cI", "HEAD")
    try:
        return dt.datetime.fromisoformat(output.strip()).date() if output else None
    except ValueError:
        return None


def last_updated(entry: Entry, commit_dates: Mapping[str, dt.date]) -> dt.date:
    """When an entry was last changed: its last commit, or `updated`/`date` without history.

    When both are known the later one wins, so the page never shows a date older than the
    `updated` its contributor wrote (a commit can carry an earlier date than the edit).
    """
    return max(commit_dates.get(entry.source.docs_path, entry.last_changed), entry.last_changed)
