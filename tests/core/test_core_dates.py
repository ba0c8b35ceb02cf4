"""Dates in the future are errors, in every date field, and "today" can be fixed.

"Today" is the real date, or SOURCE_DATE_EPOCH's day when it is set; a date up to one day
later is accepted (an entry dated the day it is written, in a time zone ahead of the checking
machine). Proved on the clock as plain functions, on the loader with a fixed day, and through
`repertoire check` in a subprocess whose SOURCE_DATE_EPOCH fixes the day. What the site shows
does not depend on the day: a build on two different days gives the same page.
"""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from repertoire_kit.core import clock
from repertoire_kit.core.load.loader import load_repertoire
from repertoire_kit.core.load.project import load_project
from tests.support.core import EXTRA_LINE, Tree, entry_text, located
from tests.support.sites import REPERTOIRE, build_env

CASE = "cases/new-case.md"
CASE_PATH = f"repertoire/{CASE}"
TODAY = dt.date(2024, 6, 10)
# 2024-06-10 12:00 UTC.
EPOCH = "1718020800"


def load_on(tree: Tree, today: dt.date) -> list[tuple[str, int, int, str]]:
    project = load_project(tree.root / "mkdocs.yml")
    result = load_repertoire(project.root, project.docs_dir, project.settings, today=today)
    return located(list(result.diagnostics))


def test_today_is_source_date_epoch_when_set_and_the_real_date_otherwise() -> None:
    assert clock.today({"SOURCE_DATE_EPOCH": EPOCH}) == TODAY
    assert clock.today({}) == dt.date.today()
    assert clock.today({"SOURCE_DATE_EPOCH": "not a number"}) == dt.date.today()
    assert clock.latest_date(TODAY) == dt.date(2024, 6, 11)


@pytest.mark.parametrize(
    ("rel", "text", "place"),
    [
        (CASE, entry_text(date="2024-06-12"), (6, 7, "date")),
        (CASE, entry_text(extra="updated: 2025-06-01\n"), (EXTRA_LINE, 10, "updated")),
        (
            "members/bob-stone.md",
            "---\nname: Bob Stone\njoined: 2025\n---\nBob.\n",
            (3, 9, "joined"),
        ),
        (
            "members/bob-stone.md",
            "---\nname: Bob Stone\njoined: 2024-07-01\n---\nBob.\n",
            (3, 9, "joined"),
        ),
    ],
    ids=["date", "updated", "joined-year", "joined-date"],
)
def test_a_date_after_tomorrow_is_an_error_in_every_date_field(
    tree: Tree, rel: str, text: str, place: tuple[int, int, str]
) -> None:
    tree.write(rel, text)
    assert load_on(tree, TODAY) == [(f"repertoire/{rel}", *place)]
    project = load_project(tree.root / "mkdocs.yml")
    [diagnostic] = load_repertoire(
        project.root, project.docs_dir, project.settings, today=TODAY
    ).diagnostics
    assert diagnostic.message.endswith("is in the future (today is 2024-06-10)")
    assert "typo in the year" in diagnostic.hint


def test_today_and_tomorrow_are_accepted_for_time_zones(tree: Tree) -> None:
    tree.write(CASE, entry_text(date="2024-06-10", extra="updated: 2024-06-11\n"))
    tree.write("members/bob-stone.md", "---\nname: Bob Stone\njoined: 2024\n---\nBob.\n")
    assert load_on(tree, TODAY) == []


def test_a_record_dated_in_the_future_is_not_published(tree: Tree) -> None:
    tree.write(CASE, entry_text(date="2030-01-01"))
    project = load_project(tree.root / "mkdocs.yml")
    result = load_repertoire(project.root, project.docs_dir, project.settings, today=TODAY)
    assert "cases/new-case" not in result.repertoire.entries
    assert "cases/new-case" in result.broken


def check_on(tree: Tree, epoch: str) -> subprocess.CompletedProcess[str]:
    """`repertoire check` in a subprocess whose SOURCE_DATE_EPOCH is `epoch`."""
    return subprocess.run(
        [*REPERTOIRE, "check"],
        cwd=tree.root,
        capture_output=True,
        text=True,
        env={**build_env(), "SOURCE_DATE_EPOCH": epoch},
        timeout=120,
    )


def test_check_and_build_take_today_from_source_date_epoch(tree: Tree) -> None:
    tree.write(CASE, entry_text(date="2024-06-12"))
    expected = f"{CASE_PATH}:6:7: date: '2024-06-12' is in the future (today is 2024-06-10)"
    early = check_on(tree, EPOCH)
    assert early.returncode == 1
    assert expected in early.stdout
    assert check_on(tree, str(int(EPOCH) + 2 * 86_400)).returncode == 0
    build = tree.site.build(env={**build_env(), "SOURCE_DATE_EPOCH": EPOCH})
    assert build.returncode != 0
    assert expected in build.stderr


def test_what_the_site_shows_does_not_depend_on_the_day(tree: Tree) -> None:
    tree.write(CASE, entry_text(date="2024-06-01"))
    pages = []
    for epoch in (int(EPOCH), int(EPOCH) + 400 * 86_400):
        build = tree.site.build(env={**build_env(), "SOURCE_DATE_EPOCH": str(epoch)})
        assert build.returncode == 0, build.stderr
        pages.append(tree.site.html("cases/new-case/"))
    assert pages[0] == pages[1]
