"""A newcomer's way through the sample in a real browser, and the site search.

The journey follows links the way a person clicks them: home, a path from "Start here", its
first step, the pager's "Next", a problem type from the entry's panel, a member to ask, and
back. Search is Material's own box, typed into with the keyboard: it must find an entry by a
word that only its body contains, and by the name of its problem type.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import OpenReader, Reader, SampleModel, search
from tests.support.sites import Site

FIRST_PATH_LINK = (
    "xpath=//h2[@id='start-here']/following-sibling::*//a[contains(@href, 'paths/')]"
    "[not(contains(@class, 'headerlink'))]"
)


def heading(reader: Reader) -> str:
    return reader.page.locator("article h1").first.inner_text().replace("¶", "").strip()


def test_newcomer_walks_from_home_through_a_path_to_a_member_and_back(
    reader: Reader, sample_model: SampleModel
) -> None:
    page = reader.open("")

    page.locator(FIRST_PATH_LINK).first.click()
    path_id = reader.site_path.rstrip("/").rsplit("/", 1)[-1]
    path = sample_model.path(path_id)
    assert reader.site_path == sample_model.path_of(path)
    assert heading(reader) == path["title"]
    first, second = (sample_model.entry(step["entry"]) for step in path["steps"][:2])

    page.locator('h3:has(+ .rep-step[data-step="1"]) a').first.click()
    assert reader.site_path == sample_model.path_of(first)
    assert heading(reader) == first["title"]

    pager = page.locator(".rep-pager").filter(
        has=page.locator(f'a[href$="{sample_model.path_of(path)}"]')
    )
    assert pager.count() == 1, "the first step's page has no pager for its path"
    pager.get_by_role("link", name=re.compile(r"^Next:")).click()
    assert reader.site_path == sample_model.path_of(second)
    assert heading(reader) == second["title"]

    page.locator('.rep-panel a[href*="problems/"]').first.click()
    problem = sample_model.problem(second["problem_types"][0])
    assert reader.site_path == sample_model.path_of(problem)
    assert heading(reader) == problem["title"]

    page.locator("#people-to-ask + ul a").first.click()
    member = sample_model.member(reader.site_path.rstrip("/").rsplit("/", 1)[-1])
    assert heading(reader) == member["name"]
    assert sample_model.covered_problems(problem["id"]).intersection(
        problem_id
        for entry in sample_model.entries
        if member["id"] in entry["contributors"]
        for problem_id in entry["problem_types"]
    ), "the member offered as someone to ask never wrote on this problem"

    page.go_back()
    assert reader.site_path == sample_model.path_of(problem)
    assert heading(reader) == problem["title"]
    page.go_back()
    assert reader.site_path == sample_model.path_of(second)
    assert reader.errors == []


def _body_words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{8,}", text)}


def word_only_in_one_body(docs_dir: Path, sample_model: SampleModel) -> tuple[str, dict[str, Any]]:
    """A long word that one entry's body has and no other page, title or summary does."""
    bodies: dict[str, set[str]] = {}
    for source in sorted(docs_dir.rglob("*.md")):
        parts = source.read_text(encoding="utf-8").split("\n---\n", 1)
        bodies[source.relative_to(docs_dir).with_suffix("").as_posix()] = _body_words(parts[-1])
    for entry in sorted(sample_model.entries, key=lambda e: e["id"]):
        shown_elsewhere = _body_words(entry["title"] + " " + entry["summary"])
        others = set().union(*(words for doc, words in bodies.items() if doc != entry["id"]))
        unique = sorted(bodies[entry["id"]] - others - shown_elsewhere)
        if unique:
            return unique[0], entry
    raise AssertionError("no entry of the sample has a word of its own")


def test_search_finds_an_entry_by_a_word_from_its_body(
    reader: Reader, sample_model: SampleModel, sample_site: Site
) -> None:
    word, entry = word_only_in_one_body(sample_site.root / "repertoire", sample_model)
    reader.open("")
    found = search(reader, word)
    assert sample_model.path_of(entry) in found, (word, found)
    assert reader.errors == []


def test_search_finds_entries_by_their_problem_type_name(
    reader: Reader, sample_model: SampleModel
) -> None:
    problem = max(
        sorted(sample_model.data["problem_types"], key=lambda p: p["id"]),
        key=lambda p: p["entries"],
    )
    expected = {
        sample_model.path_of(e) for e in sample_model.entries if problem["id"] in e["problem_types"]
    }
    reader.open("")
    found = search(reader, problem["title"])
    assert expected.intersection(found), (problem["title"], found)
    assert reader.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_palette_follows_the_readers_system_setting(
    scheme: str, reader_factory: OpenReader
) -> None:
    """The accessibility checks of both schemes rely on this switch."""
    reader = reader_factory(color_scheme=scheme)
    page = reader.open("")
    expected = "slate" if scheme == "dark" else "default"
    assert page.locator("body").get_attribute("data-md-color-scheme") == expected
