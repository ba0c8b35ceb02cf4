"""Changing the problem type an entry names changes every index that depends on it, in one rebuild.

The same project is built, one entry's `problem_types` is edited, and it is built again: the
old problem page (and its parent) stop listing the entry, the new ones list it, and
repertoire.json, the problem tree counts, the member's problem counts, who-knows-what, the
gaps and the entry's own panel all follow. Nothing else changes.
"""

from __future__ import annotations

import re
from typing import Any

from tests.support.crossindex_sites import (
    PageReader,
    SiteFactory,
    build_ok,
    entry,
    member,
    merge,
    problem,
)

PROBLEMS = ("fieldwork", "sampling", "people", "interviews")
FILES = merge(
    problem("fieldwork"),
    problem("sampling", parent="fieldwork"),
    problem("people"),
    problem("interviews", parent="people"),
    member("ann", "Ann Lee"),
    member("bob", "Bob Marr"),
    entry("cases/moving", ["sampling"], ["ann"], "2024-01-01"),
    entry("stories/staying", ["sampling"], ["bob"], "2023-01-01"),
)
MOVING = "repertoire/cases/moving.md"


def snapshot(read: PageReader, export: dict[str, Any]) -> dict[str, Any]:
    """Every index view that depends on which problem type an entry names."""
    view: dict[str, Any] = {}
    for problem_id in PROBLEMS:
        page = read(f"problems/{problem_id}/")
        view[f"page {problem_id}"] = page.entry_items(page.article.elements())
    tree = read("problems/")
    view["tree"] = {
        tree.links(cells[0])[0]: [c.text() for c in cells[1:]]
        for cells in tree.table_rows(tree.article.find("table"))
    }
    ann = read("members/ann/").section("Problem types worked on")
    view["ann worked on"] = [li.text() for li in ann.find_all("li")] if ann else []
    who = read("who-knows-what/").section("People to ask, by problem type")
    view["people to ask"] = [re.sub(r"\s+", " ", li.text()) for li in who.find_all("li")]
    gaps = read("gaps/").section("Problem types with no entries")
    view["empty"] = [u for node in gaps.nodes for u in read("gaps/").links(node)]
    moving = read("cases/moving/")
    view["panel"] = [
        u
        for u in moving.links(moving.article.find("div", "rep-panel"))
        if u.startswith("problems/")
    ]
    view["json entry"] = next(
        e["problem_types"] for e in export["entries"] if e["id"] == "cases/moving"
    )
    view["json counts"] = {
        p["id"]: (p["entries"], p["entries_with_subtypes"]) for p in export["problem_types"]
    }
    return view


def test_renaming_the_problem_type_of_one_entry_updates_every_index(make_site: SiteFactory) -> None:
    site = make_site(FILES, base={})
    before = snapshot(build_ok(site), site.json())
    text = (site.root / MOVING).read_text(encoding="utf-8")
    site.write({MOVING: text.replace("- sampling", "- interviews")})
    after = snapshot(build_ok(site), site.json())

    assert (
        before["page sampling"] == before["page fieldwork"] == ["cases/moving/", "stories/staying/"]
    )
    assert after["page sampling"] == after["page fieldwork"] == ["stories/staying/"]
    assert before["page interviews"] == before["page people"] == []
    assert after["page interviews"] == after["page people"] == ["cases/moving/"]
    assert before["tree"] == {
        "problems/fieldwork/": ["1", "1", "0"],
        "problems/sampling/": ["1", "1", "0"],
        "problems/people/": ["0", "0", "0"],
        "problems/interviews/": ["0", "0", "0"],
    }
    assert after["tree"] == {
        "problems/fieldwork/": ["0", "1", "0"],
        "problems/sampling/": ["0", "1", "0"],
        "problems/people/": ["1", "0", "0"],
        "problems/interviews/": ["1", "0", "0"],
    }
    assert (before["ann worked on"], after["ann worked on"]) == (["Sampling: 1"], ["Interviews: 1"])
    assert before["people to ask"] == [
        "Fieldwork: Ann Lee (1), Bob Marr (1)",
        "Sampling: Ann Lee (1), Bob Marr (1)",
        "People: nobody yet",
        "Interviews: nobody yet",
    ]
    assert after["people to ask"] == [
        "Fieldwork: Bob Marr (1)",
        "Sampling: Bob Marr (1)",
        "People: Ann Lee (1)",
        "Interviews: Ann Lee (1)",
    ]
    assert (before["empty"], after["empty"]) == (["problems/people/", "problems/interviews/"], [])
    assert (before["panel"], after["panel"]) == (["problems/sampling/"], ["problems/interviews/"])
    assert (before["json entry"], after["json entry"]) == (["sampling"], ["interviews"])
    assert before["json counts"] == {
        "fieldwork": (0, 2),
        "sampling": (2, 2),
        "people": (0, 0),
        "interviews": (0, 0),
    }
    assert after["json counts"] == {
        "fieldwork": (0, 1),
        "sampling": (1, 1),
        "people": (0, 1),
        "interviews": (1, 1),
    }


def test_renaming_a_problem_type_file_moves_its_page_and_listings(make_site: SiteFactory) -> None:
    site = make_site(FILES, base={})
    build_ok(site)
    site.remove("repertoire/problems/interviews.md")
    site.write(problem("hearing-auditees", "Interviews", parent="people"))
    text = (site.root / MOVING).read_text(encoding="utf-8")
    site.write({MOVING: text.replace("- sampling", "- hearing-auditees")})
    read = build_ok(site)
    assert not (site.site_dir / "problems" / "interviews").exists()
    page = read("problems/hearing-auditees/")
    assert page.entry_items(page.article.elements()) == ["cases/moving/"]
    assert "problems/hearing-auditees/" in read("problems/").links()
    assert "problems/interviews/" not in read("problems/").links()
    assert {p["id"] for p in site.json()["problem_types"]} == {
        "fieldwork",
        "sampling",
        "people",
        "hearing-auditees",
    }
