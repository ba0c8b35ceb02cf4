"""Suggested reviewers against brute force, on seeded random repertoires with many ties.

`ReviewerFinder` stops walking the problem types' rankings early (the threshold algorithm);
here every entry of a few random repertoires (a problem tree, alumni, members without a
file, drafts, uses, entries on a type and its sub-type) gets the reviewers a plain count over
every member gives: the sum over the entry's broadest problem types of the published entries
and uses on each (sub-types included), not its contributors, not alumni, most first, ties by
id. Small counts make ties common, which is where stopping early could go wrong. Also the
month arithmetic of "due" against `dateutil`, and the order of the due list.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter

import pytest
from dateutil.relativedelta import relativedelta

from repertoire_kit.core.indexes.cross_indexes import build_indexes
from repertoire_kit.core.indexes.review import (
    ReviewerFinder,
    add_months,
    review_schedule,
)
from repertoire_kit.core.model import Entry, Member, ProblemType, Repertoire, Source, Use
from repertoire_kit.core.settings import DEFAULT_KINDS

ALUMNI = "alumni"
KIND_FOLDERS = tuple(k.folder for k in DEFAULT_KINDS)


def source(path: str) -> Source:
    return Source(path=path, docs_path=path, body="Text.", body_first_line=1)


def random_repertoire(seed: int) -> Repertoire:
    rng = random.Random(seed)
    problems = {}
    for index in range(12):
        parent = f"p{rng.randrange(index)}" if index and rng.random() < 0.6 else None
        problems[f"p{index}"] = ProblemType(
            f"p{index}", f"P{index}", source(f"p{index}"), None, parent
        )
    members = {
        f"m{index:02d}": Member(
            f"m{index:02d}",
            f"M{index}",
            source(f"m{index}"),
            role=rng.choice(["member", "core", "steward", ALUMNI]),
        )
        for index in range(25)
    }
    people = [*members, "ghost"]  # "ghost" has no member file
    entries = {}
    start = dt.date(2018, 1, 1)
    for index in range(150):
        kind = DEFAULT_KINDS[index % 3]
        entry_id = f"{kind.folder}/e{index:03d}"
        date = start + dt.timedelta(days=rng.randrange(2500))
        reviewed = date + dt.timedelta(days=rng.randrange(900)) if rng.random() < 0.3 else None
        entries[entry_id] = Entry(
            id=entry_id,
            kind=kind,
            title=f"E{index}",
            summary="S.",
            problem_types=tuple(rng.sample(sorted(problems), rng.randint(1, 3))),
            contributors=tuple(rng.sample(people, rng.randint(1, 3))),
            date=date,
            source=source(f"{entry_id}.md"),
            reviewed=reviewed,
            reviewed_by=("m00",) if reviewed else (),
            draft=rng.random() < 0.05,
        )
    uses = {}
    for index in range(120):
        use_id = f"u{index:03d}"
        uses[use_id] = Use(
            id=use_id,
            entry=rng.choice(sorted(entries)),
            member=rng.choice(people),
            date=start,
            summary="Used.",
            source=source(f"uses/{use_id}.md"),
            draft=rng.random() < 0.05,
        )
    return Repertoire(entries=entries, members=members, problems=problems, uses=uses)


def below(problem: str, root: str, repertoire: Repertoire) -> bool:
    """Whether `problem` is `root` or one of its sub-types (parents followed upwards)."""
    seen = set()
    current: str | None = problem
    while current is not None and current not in seen:
        if current == root:
            return True
        seen.add(current)
        parent = repertoire.problems[current].parent if current in repertoire.problems else None
        current = parent
    return False


def brute_force(repertoire: Repertoire, entry: Entry) -> tuple[tuple[str, int], ...]:
    published = [e for e in repertoire.entries.values() if not e.draft]
    visible = {e.id: e for e in published}
    written = [p for p in entry.problem_types if p in repertoire.problems]
    roots = [p for p in written if not any(q != p and below(p, q, repertoire) for q in written)]
    counts: Counter[str] = Counter()
    for root in roots:
        for other in published:
            if any(below(p, root, repertoire) for p in other.problem_types):
                counts.update(set(other.contributors))
        for use in repertoire.uses.values():
            used = visible.get(use.entry)
            if (
                not use.draft
                and used
                and any(below(p, root, repertoire) for p in used.problem_types)
            ):
                counts[use.member] += 1
    eligible = [
        (m, n)
        for m, n in counts.items()
        if m in repertoire.members
        and m not in entry.contributors
        and repertoire.members[m].role != ALUMNI
    ]
    return tuple(sorted(eligible, key=lambda item: (-item[1], item[0]))[:3])


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_the_early_stopping_walk_finds_what_brute_force_finds(seed: int) -> None:
    repertoire = random_repertoire(seed)
    indexes = build_indexes(repertoire, KIND_FOLDERS)
    finder = ReviewerFinder(indexes, ALUMNI)
    for entry in indexes.entries:
        assert finder.suggest(entry) == brute_force(repertoire, entry), entry.id


@pytest.mark.parametrize("seed", [5, 6])
def test_the_due_list_is_every_published_entry_past_its_months_oldest_first(seed: int) -> None:
    repertoire = random_repertoire(seed)
    indexes = build_indexes(repertoire, KIND_FOLDERS)
    today = dt.date(2024, 7, 1)
    schedule = review_schedule(indexes, today, 18, ALUMNI)
    expected = sorted(
        (max(d for d in (e.date, e.updated, e.reviewed) if d) + relativedelta(months=18), e.id)
        for e in repertoire.entries.values()
        if not e.draft
    )
    due = [(since, entry_id) for since, entry_id in expected if since <= today]
    assert [(d.due_since, d.entry.id) for d in schedule.due] == due
    assert all(schedule.of(entry_id) is not None for _, entry_id in due)


def test_months_are_added_as_calendar_months() -> None:
    day = dt.date(2019, 1, 1)
    while day < dt.date(2021, 1, 1):
        for months in (1, 11, 12, 24, 25):
            assert add_months(day, months) == day + relativedelta(months=months), (day, months)
        day += dt.timedelta(days=1)
