"""The brute-force reference for computed related entries: the one oracle both the core test
(`tests/core/test_related_ranking.py`) and the built-site test (`tests/site/
test_site_entry_pages.py`) compare with.

It compares the target with every candidate, as documented: entries already connected (the
target itself, the ones it names, the ones naming it) are left out; the rest that share a
problem type or a contributor rank by shared problem types, then shared contributors, then
newest change, then newest date, then id.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Protocol


class Ranked(Protocol):
    """What the reference reads of an entry: the model's `Entry` and a test's own reading."""

    @property
    def id(self) -> str: ...
    @property
    def problem_types(self) -> tuple[str, ...]: ...
    @property
    def contributors(self) -> tuple[str, ...]: ...
    @property
    def related(self) -> tuple[str, ...]: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def updated(self) -> dt.date | None: ...


def reference_related(target: Ranked, candidates: Iterable[Ranked], limit: int) -> list[str]:
    """The ids of at most `limit` computed suggestions for `target`, best first."""
    pool = list(candidates)
    left_out = {target.id, *target.related, *(e.id for e in pool if target.id in e.related)}
    scored = []
    for other in pool:
        problems = len(set(other.problem_types) & set(target.problem_types))
        people = len(set(other.contributors) & set(target.contributors))
        if other.id in left_out or not (problems or people):
            continue
        changed = other.updated or other.date
        scored.append(
            (
                (-problems, -people, -changed.toordinal(), -other.date.toordinal(), other.id),
                other.id,
            )
        )
    return [entry_id for _, entry_id in sorted(scored)[:limit]]
