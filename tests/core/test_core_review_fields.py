"""The review fields of an entry as `repertoire check` reads them: `reviewed` and `reviewed_by`.

A broken review is reported at its path, line and column with the field and a hint: a
reviewer who is not a member (with the closest member id), a review date in the future (after
SOURCE_DATE_EPOCH's day plus the day of slack) or before the entry's `date`, and either field
without the other (they go together: a date nobody vouches for, or reviewers without a day,
cannot say how current an entry is). A correct review loads onto the entry, and the
`review_months` option is checked like the other counts, by the check and by the build alike.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from typing import Any

import pytest

from repertoire_kit.core import clock
from tests.support.core import EXTRA_LINE, Tree, entry_text, located

CASE = "cases/reviewed-case.md"
CASE_PATH = f"repertoire/{CASE}"
REVIEWER = "---\nname: Bo Ng\nrole: member\n---\nBo.\n"


def today() -> dt.date:
    """The day the check judges the future by (the session's SOURCE_DATE_EPOCH)."""
    return clock.today(os.environ)


def write_review(tree: Tree, lines: str) -> None:
    tree.write("members/bo-ng.md", REVIEWER)
    tree.write(CASE, entry_text(extra=lines))


def test_a_correct_review_loads_onto_the_entry(tree: Tree) -> None:
    write_review(tree, "reviewed: 2025-04-02\nreviewed_by: [bo-ng, ann-lee]\n")
    result = tree.load()
    assert list(result.diagnostics) == []
    entry = result.repertoire.entries["cases/reviewed-case"]
    assert entry.reviewed == dt.date(2025, 4, 2)
    assert entry.reviewed_by == ("bo-ng", "ann-lee")
    assert entry.last_confirmed == dt.date(2025, 4, 2)


def test_an_unknown_reviewer_is_reported_at_its_item_with_the_closest_member(tree: Tree) -> None:
    write_review(tree, "reviewed: 2025-04-02\nreviewed_by: [bo-ng, ann-le]\n")
    (problem,) = tree.only(CASE)
    # `reviewed_by: [bo-ng, ann-le]`: the second item starts at column 22.
    assert located([problem]) == [(CASE_PATH, EXTRA_LINE + 1, 22, "reviewed_by[1]")]
    assert problem.message == "unknown member 'ann-le'"
    assert problem.hint == "did you mean 'ann-lee'?"


def test_a_review_in_the_future_is_reported_at_its_line(tree: Tree) -> None:
    future = today() + dt.timedelta(days=3)
    write_review(tree, f"reviewed: {future.isoformat()}\nreviewed_by: [bo-ng]\n")
    (problem,) = tree.only(CASE)
    assert located([problem]) == [(CASE_PATH, EXTRA_LINE, 11, "reviewed")]
    assert "is in the future" in problem.message


def test_a_review_before_the_entry_was_shared_is_reported_at_its_line(tree: Tree) -> None:
    write_review(tree, "reviewed: 2023-12-31\nreviewed_by: [bo-ng]\n")  # date is 2024-03-01
    (problem,) = tree.only(CASE)
    assert located([problem]) == [(CASE_PATH, EXTRA_LINE, 11, "reviewed")]
    assert problem.message == "reviewed (2023-12-31) is before date (2024-03-01)"
    assert problem.hint


@pytest.mark.parametrize(
    ("lines", "field", "other"),
    [
        ("reviewed: 2025-04-02\n", "reviewed", "reviewed_by"),
        ("reviewed_by: [bo-ng]\n", "reviewed_by", "reviewed"),
    ],
)
def test_either_review_field_without_the_other_is_an_error(
    tree: Tree, lines: str, field: str, other: str
) -> None:
    write_review(tree, lines)
    (problem,) = tree.only(CASE)
    assert located([problem]) == [(CASE_PATH, EXTRA_LINE, 1, field)]
    assert problem.message == f"'{field}' needs '{other}' beside it"
    assert problem.hint == f"add a line '{other}: …', or remove '{field}'"


def test_an_empty_reviewer_list_is_an_error(tree: Tree) -> None:
    write_review(tree, "reviewed: 2025-04-02\nreviewed_by: []\n")
    problems = tree.only(CASE)
    assert [p.field for p in problems] == ["reviewed_by"]
    assert problems[0].line == EXTRA_LINE + 1


@pytest.mark.parametrize("value", ["0", "-3", "two", "true"])
def test_review_months_must_be_a_whole_number_of_at_least_one(
    make_site: Callable[..., Any], value: str
) -> None:
    site = make_site(options=f"review_months: {value}")
    checked = site.check()
    built = site.build()
    assert checked.returncode != 0 and built.returncode != 0
    assert "review_months must be" in checked.stdout + checked.stderr
    # The build says the same thing about the option as the check (one declaration).
    message = next(
        line.split("repertoire: ", 1)[1]
        for line in (checked.stdout + checked.stderr).splitlines()
        if "review_months must be" in line
    )
    assert message in built.stdout + built.stderr
