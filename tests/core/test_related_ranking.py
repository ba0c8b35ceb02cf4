"""Computed related entries follow the documented ranking exactly, whatever the repertoire.

`Indexes.related_entries` finds its candidates through a combination index instead of comparing
every pair; here it is compared with a reference that does compare every pair (written in the
simplest way, independently of `core.indexes`): on hand-built repertoires whose expected lists
are spelled out, on many random repertoires, and on pathological ones (every entry on the same
two problem types, one contributor on everything, a hub that every entry names, entries with
more labels than the combination index takes). One real build checks that an entry's footer
shows the exact ranking where a window over the newest entries would not.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
from collections.abc import Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from repertoire_kit.core.indexes.cross_indexes import (
    MAX_COMBINED_LABELS,
    Indexes,
    build_indexes,
    is_crowded,
    labels_of,
)
from repertoire_kit.core.model import Entry, Repertoire
from tests.support.crossindex_sites import (
    SiteFactory,
    build_ok,
    entry,
    member,
    merge,
    model_entry,
    problem,
)
from tests.support.related import reference_related

LIMITS = (0, 1, 2, 5, 1000)


def make_entry(
    slug: str,
    problems: Sequence[str],
    people: Sequence[str],
    day: str,
    updated: str | None = None,
    related: Sequence[str] = (),
    draft: bool = False,
) -> Entry:
    """A case record (`related` given as slugs), with `updated` when the test needs it."""
    record = model_entry(
        slug,
        tuple(problems),
        tuple(people),
        day,
        related=tuple(f"cases/{r}" for r in related),
        draft=draft,
    )
    return dataclasses.replace(record, updated=dt.date.fromisoformat(updated) if updated else None)


def indexes_of(entries: Sequence[Entry], include_drafts: bool = False) -> Indexes:
    """The indexes a build makes of these entries."""
    repertoire = Repertoire(entries={e.id: e for e in entries}, include_drafts=include_drafts)
    return build_indexes(repertoire, ("cases",))


def reference_ranking(indexes: Indexes, target: Entry, limit: int) -> list[str]:
    """The documented ranking, by comparing the target with every visible entry."""
    return reference_related(target, indexes.repertoire.published_entries(), limit)


def ranking(indexes: Indexes, target_id: str, limit: int = 5) -> list[str]:
    """What `related_entries` suggests for one entry, as slugs."""
    found = indexes.related_entries(indexes.repertoire.entries[target_id], limit)
    return [e.id.removeprefix("cases/") for e in found]


def assert_matches_reference(indexes: Indexes, limits: Sequence[int] = LIMITS) -> None:
    """Every entry (drafts included, as a preview shows them) gets the reference's ranking."""
    for target in indexes.repertoire.entries.values():
        for limit in limits:
            found = [e.id for e in indexes.related_entries(target, limit)]
            assert found == reference_ranking(indexes, target, limit), (target.id, limit)


# ----- hand-built repertoires with known answers --------------------------------------------


def test_an_old_entry_sharing_two_problem_types_beats_many_newer_sharing_one() -> None:
    newer = [make_entry(f"newer-{i:02}", ["a"], ["y"], "2024-01-01") for i in range(60)]
    indexes = indexes_of(
        [
            make_entry("target", ["a", "b"], ["x"], "2020-01-01"),
            *newer,
            make_entry("old-pair", ["a", "b"], ["z"], "2001-01-01"),
            make_entry("old-with-person", ["b"], ["x"], "2002-01-01"),
        ]
    )
    assert ranking(indexes, "cases/target") == [
        "old-pair",
        "old-with-person",
        "newer-00",
        "newer-01",
        "newer-02",
    ]


def test_tiers_go_problems_first_then_people_then_newest() -> None:
    indexes = indexes_of(
        [
            make_entry("target", ["a", "b"], ["x", "y", "z"], "2020-01-01"),
            make_entry("one-problem-three-people", ["a"], ["x", "y", "z"], "2024-01-01"),
            make_entry("two-problems-nobody", ["a", "b"], ["w"], "2000-01-01"),
            make_entry("one-problem-one-person", ["b"], ["z"], "2000-01-01"),
            make_entry("one-problem-newest", ["a"], ["w"], "2025-01-01"),
            make_entry("two-people", ["c"], ["x", "y"], "2000-01-01"),
            make_entry("one-person", ["c"], ["x"], "2025-06-01"),
            make_entry("stranger", ["c"], ["w"], "2025-06-01"),
        ]
    )
    assert ranking(indexes, "cases/target", 10) == [
        "two-problems-nobody",
        "one-problem-three-people",
        "one-problem-one-person",
        "one-problem-newest",
        "two-people",
        "one-person",
    ]


def test_newest_means_last_change_then_first_shared_then_id() -> None:
    indexes = indexes_of(
        [
            make_entry("target", ["a"], ["x"], "2020-01-01"),
            make_entry("revised-late", ["a"], ["y"], "2001-01-01", updated="2024-05-01"),
            make_entry("shared-later", ["a"], ["y"], "2023-01-01", updated="2024-05-01"),
            make_entry("bravo", ["a"], ["y"], "2024-05-01"),
            make_entry("alpha", ["a"], ["y"], "2024-05-01"),
            make_entry("older", ["a"], ["y"], "2024-04-30"),
        ]
    )
    assert ranking(indexes, "cases/target", 10) == [
        "alpha",
        "bravo",
        "shared-later",
        "revised-late",
        "older",
    ]


def test_entries_already_listed_and_drafts_leave_room_for_the_next_ones() -> None:
    indexes = indexes_of(
        [
            make_entry("target", ["a", "b"], ["x"], "2020-01-01", related=["named"]),
            make_entry("named", ["a", "b"], ["x"], "2024-01-01"),
            make_entry("citing", ["a", "b"], ["x"], "2024-01-01", related=["target"]),
            make_entry("draft", ["a", "b"], ["x"], "2024-01-01", draft=True),
            make_entry("pair", ["a", "b"], ["y"], "2000-01-01"),
            make_entry("single", ["a"], ["y"], "2000-01-01"),
        ]
    )
    assert ranking(indexes, "cases/target") == ["pair", "single"]
    assert ranking(indexes, "cases/target", 1) == ["pair"]
    assert ranking(indexes, "cases/target", 0) == []
    previewed = indexes_of(list(indexes.repertoire.entries.values()), include_drafts=True)
    assert ranking(previewed, "cases/target") == ["draft", "pair", "single"]


def test_entries_with_more_labels_than_the_index_takes_are_ranked_the_same_way() -> None:
    many = [f"p{i}" for i in range(MAX_COMBINED_LABELS)]
    entries = [
        make_entry("crowded-target", many, ["x"], "2020-01-01"),
        make_entry("crowded-twin", many, ["y"], "2001-01-01"),
        make_entry("small-three", many[:3], ["y"], "2024-01-01"),
        make_entry("small-one-person", many[:1], ["x"], "2002-01-01"),
        make_entry("small-one", many[-1:], ["y"], "2024-01-01"),
        make_entry("small-target", many[:2], ["x"], "2019-01-01"),
    ]
    indexes = indexes_of(entries)
    assert [is_crowded(labels_of(e)) for e in entries] == [True, True, False, False, False, False]
    assert ranking(indexes, "cases/crowded-target") == [
        "crowded-twin",
        "small-three",
        "small-target",
        "small-one-person",
        "small-one",
    ]
    assert ranking(indexes, "cases/small-target") == [
        "crowded-target",
        "small-three",
        "crowded-twin",
        "small-one-person",
    ]
    assert_matches_reference(indexes)


# ----- random and pathological repertoires ---------------------------------------------------


@st.composite
def repertoires(draw: st.DrawFn) -> Indexes:
    """Small repertoires over few labels and few dates, so ties and overlaps are common."""
    count = draw(st.integers(1, 25))
    problem_pool = [f"p{i}" for i in range(draw(st.integers(1, 5)))]
    if draw(st.booleans()):  # room for entries with more labels than the combination index takes
        problem_pool += [f"q{i}" for i in range(MAX_COMBINED_LABELS)]
    people_pool = [f"m{i}" for i in range(draw(st.integers(1, 5)))]
    slugs = [f"e{i:02}" for i in range(count)]
    entries = []
    for slug in slugs:
        problems = draw(st.lists(st.sampled_from(problem_pool), min_size=1, unique=True))
        people = draw(st.lists(st.sampled_from(people_pool), min_size=1, max_size=3, unique=True))
        day = dt.date(2020, 1, 1) + dt.timedelta(days=draw(st.integers(0, 3)))
        updated = day + dt.timedelta(days=draw(st.integers(0, 2))) if draw(st.booleans()) else None
        related = draw(st.lists(st.sampled_from(slugs), max_size=3, unique=True))
        entries.append(
            make_entry(
                slug,
                problems,
                people,
                day.isoformat(),
                updated.isoformat() if updated else None,
                related,
                draft=draw(st.integers(0, 5)) == 0,
            )
        )
    return indexes_of(entries, include_drafts=draw(st.booleans()))


@settings(max_examples=300, deadline=None)
@given(indexes=repertoires())
def test_random_repertoires_rank_exactly_as_comparing_every_pair(indexes: Indexes) -> None:
    assert_matches_reference(indexes)


def seeded_entries(
    count: int,
    seed: int,
    problems: Sequence[str],
    people: Sequence[str],
    fixed_problems: Sequence[str] = (),
    fixed_people: Sequence[str] = (),
    cite_hub: float = 0.0,
) -> list[Entry]:
    """`count` entries over the given labels (each always has the fixed ones), few dates."""
    rng = random.Random(seed)
    entries = []
    for index in range(count):
        own_problems = {*fixed_problems, *rng.sample(problems, rng.randint(1, 2))}
        own_people = {*fixed_people, *rng.sample(people, rng.randint(1, 2))}
        day = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(60))
        related = [f"e{rng.randrange(count)}" for _ in range(rng.randint(0, 2))]
        if rng.random() < cite_hub:
            related.append("e0")
        entries.append(
            make_entry(
                f"e{index}",
                sorted(own_problems),
                sorted(own_people),
                day.isoformat(),
                related=sorted(set(related) - {f"e{index}"}),
                draft=rng.random() < 0.05,
            )
        )
    return entries


def test_every_entry_on_the_same_two_problem_types() -> None:
    entries = seeded_entries(
        300, 1, ["c", "d"], [f"m{i}" for i in range(20)], fixed_problems=["a", "b"]
    )
    assert_matches_reference(indexes_of(entries), limits=(1, 5, 40))


def test_one_contributor_on_every_entry() -> None:
    entries = seeded_entries(
        300,
        2,
        [f"p{i}" for i in range(30)],
        [f"m{i}" for i in range(30)],
        fixed_people=["prolific"],
    )
    assert_matches_reference(indexes_of(entries), limits=(1, 5, 40))


def test_a_hub_that_most_entries_name_is_left_out_of_their_suggestions() -> None:
    entries = seeded_entries(300, 3, ["a", "b", "c"], ["x", "y", "z"], cite_hub=0.8)
    indexes = indexes_of(entries)
    assert len(indexes.referenced_by["cases/e0"]) > 200
    assert_matches_reference(indexes, limits=(1, 5, 40))


def test_many_entries_with_more_labels_than_the_index_takes() -> None:
    wide = ["a", "b", "c", *(f"p{i}" for i in range(MAX_COMBINED_LABELS))]
    entries = seeded_entries(150, 4, ["a", "b", "c"], ["x", "y"])
    entries += [
        make_entry(
            f"wide{i}",
            random.Random(i).sample(wide, MAX_COMBINED_LABELS),
            ["x"],
            f"2016-01-{1 + i % 28:02}",
        )
        for i in range(60)
    ]
    indexes = indexes_of(entries)
    assert sum(is_crowded(labels_of(e)) for e in entries) == 60
    assert_matches_reference(indexes, limits=(1, 5, 40))


# ----- a real build -----------------------------------------------------------------------------


def test_the_footer_shows_the_exact_ranking_past_the_newest_entries(
    make_site: SiteFactory,
) -> None:
    newer = [entry(f"stories/newer-{i:02}", ["alpha"], ["yuri"], "2024-01-01") for i in range(45)]
    files = merge(
        problem("alpha"),
        problem("beta"),
        member("xena"),
        member("yuri"),
        entry("cases/target", ["alpha", "beta"], ["xena"], "2023-01-01"),
        *newer,
        entry("tools/old-pair", ["alpha", "beta"], ["yuri"], "2001-01-01"),
        entry("tools/old-with-person", ["beta"], ["xena"], "2002-01-01"),
    )
    page = build_ok(make_site(files, base={}))("cases/target/")
    section = page.section("Connected entries")
    assert section is not None
    assert page.entry_items(section.nodes) == [
        "tools/old-pair/",
        "tools/old-with-person/",
        "stories/newer-00/",
        "stories/newer-01/",
        "stories/newer-02/",
    ]
