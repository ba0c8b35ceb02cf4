"""Uses beyond their own pages: problem pages, listings, who knows what, gaps, the feed and
the explore data, on a tiny site built with `mkdocs build`.

Every expectation is computed here from the files written (read back with `yaml.safe_load`):
which uses are published (not drafts, not of a draft entry), which problem types an entry
counts under (its own and their ancestors), and the feed's newest items by date.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import Any

import pytest
import yaml

from tests.support.crossindex_html import Page, load_page
from tests.support.crossindex_sites import entry, member, merge, problem, use
from tests.support.sites import BASE_CONFIG, Site

ATOM = "{http://www.w3.org/2005/Atom}"
NEW_LIMIT = 5
FILES = merge(
    problem("planning"),
    problem("scoping", parent="planning"),
    problem("ethics"),
    member("ann", "Ann Lee"),
    member("bo", "Bo Ng"),
    member("cy", "Cy Ode"),
    entry("cases/plan-case", ["planning"], ["ann"], "2024-01-10"),
    entry("tools/scope-tool", ["scoping"], ["ann", "bo"], "2024-02-10"),
    entry("stories/ethics-story", ["ethics"], ["bo"], "2024-03-10"),
    entry("cases/both", ["scoping", "ethics"], ["cy"], "2024-04-10"),
    entry("cases/hidden", ["planning"], ["ann"], "2024-05-10", draft=True),
    use("bo-plan", "cases/plan-case", "bo", "2024-06-01", outcome="adopted"),
    use("cy-plan", "cases/plan-case", "cy", "2024-06-15"),
    use("cy-scope", "tools/scope-tool", "cy", "2024-07-01"),
    use("ann-scope", "tools/scope-tool", "ann", "2024-01-20"),
    use("cy-scope-again", "tools/scope-tool", "cy", "2024-08-01"),
    use("ann-both", "cases/both", "ann", "2024-04-20"),
    use("bo-draft", "stories/ethics-story", "bo", "2024-09-01", draft=True),
    use("ann-hidden", "cases/hidden", "ann", "2024-09-10"),
)


def front(text: str) -> dict[str, Any]:
    return yaml.safe_load(text.split("---\n")[1])


def records(folder: str) -> dict[str, dict[str, Any]]:
    """id → front matter of the records written under repertoire/<folder>/ (entries: all
    kinds, by 'kind/name')."""
    found = {}
    for path, text in FILES.items():
        parts = path.removeprefix("repertoire/").removesuffix(".md").split("/")
        if len(parts) == 2 and (parts[0] == folder or (folder == "*" and parts[0] in KINDS)):
            found[parts[1] if folder != "*" else "/".join(parts)] = front(text)
    return found


KINDS = ("cases", "stories", "tools")
ENTRIES = {e: fm for e, fm in records("*").items() if not fm.get("draft")}
PROBLEMS = records("problems")
MEMBERS = records("members")
USES = {
    u: fm for u, fm in records("uses").items() if not fm.get("draft") and fm["entry"] in ENTRIES
}


def with_ancestors(problem_id: str) -> set[str]:
    found = {problem_id}
    while PROBLEMS[problem_id].get("parent"):
        problem_id = PROBLEMS[problem_id]["parent"]
        found.add(problem_id)
    return found


def under(problem_id: str) -> set[str]:
    """Entries on a problem type or any of its sub-types."""
    return {
        e
        for e, fm in ENTRIES.items()
        if any(problem_id in with_ancestors(p) for p in fm["problem_types"])
    }


def newest_first(uses: dict[str, dict[str, Any]]) -> list[str]:
    return sorted(uses, key=lambda u: (-uses[u]["date"].toordinal(), u))


def use_count(entry_id: str) -> int:
    return sum(fm["entry"] == entry_id for fm in USES.values())


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = Site(tmp_path_factory.mktemp("uses-everywhere") / "project")
    built.root.mkdir(parents=True)
    (built.root / "mkdocs.yml").write_text(
        BASE_CONFIG.format(options=f":\n      new_limit: {NEW_LIMIT}"), encoding="utf-8"
    )
    built.write(FILES)
    result = built.build()  # not strict: the use of a draft entry is (rightly) a warning
    assert result.returncode == 0, result.stderr
    assert "ann-hidden.md" in result.stderr
    return built


def page(site: Site, url: str) -> Page:
    return load_page(site.site_dir, url)


def test_the_fixture_has_what_the_tests_need() -> None:
    assert len(USES) == 6 and "bo-draft" not in USES and "ann-hidden" not in USES
    assert max(use_count(e) for e in ENTRIES) > 1 and min(use_count(e) for e in ENTRIES) == 0


@pytest.mark.parametrize("problem_id", ["planning", "scoping", "ethics"])
def test_problem_pages_show_the_newest_uses_of_their_entries(site: Site, problem_id: str) -> None:
    shown = page(site, f"problems/{problem_id}/")
    mine = {u: fm for u, fm in USES.items() if fm["entry"] in under(problem_id)}
    want = newest_first(mine)[:5]
    section = shown.section("Recently applied")
    assert section is not None
    (listing,) = [n for n in section.nodes if n.tag == "ul"]
    items = [li for li in listing.elements() if li.tag == "li"]
    assert [li.attrs["id"] for li in items] == [f"use-{u}" for u in want]
    for li, use_id in zip(items, want, strict=True):
        fm = mine[use_id]
        title = ENTRIES[fm["entry"]]["title"]
        assert li.text().startswith(f"{MEMBERS[fm['member']]['name']} applied {title}")
        assert shown.links(li)[:2] == [f"members/{fm['member']}/", f"{fm['entry']}/"]


def test_listings_say_how_often_each_entry_was_used(site: Site) -> None:
    for url in ("problems/planning/", "problems/ethics/", "cases/", "new/"):
        shown = page(site, url)
        for item in shown.article.find_all("ul", "rep-entries"):
            for li in item.elements():
                if li.tag != "li":
                    continue
                entry_id = shown.links(li)[0].rstrip("/")
                count = use_count(entry_id)
                said = re.search(r"used (once|\d+ times)", li.text())
                if not count:
                    assert said is None, (url, entry_id)
                    continue
                assert said is not None, (url, entry_id)
                assert said[1] == ("once" if count == 1 else f"{count} times")


def test_gaps_count_the_entries_no_one_has_used(site: Site) -> None:
    shown = page(site, "gaps/")
    section = shown.section("Entries no one has used yet")
    assert section is not None
    unused = [e for e in ENTRIES if not use_count(e)]
    text = " ".join(n.text() for n in section.nodes)
    assert f"{len(unused)} of {len(ENTRIES)} entries have no recorded use" in text
    (table,) = [n for n in section.nodes if n.tag == "table"]
    rows = {
        shown.links(cells[0])[0]: (int(cells[1].text()), int(cells[2].text()))
        for cells in shown.table_rows(table)
    }
    assert rows == {
        f"{kind}/": (
            sum(e.startswith(f"{kind}/") for e in unused),
            sum(e.startswith(f"{kind}/") for e in ENTRIES),
        )
        for kind in KINDS
        if any(e.startswith(f"{kind}/") for e in ENTRIES)
    }


def test_who_knows_what_tells_writing_from_applying(site: Site) -> None:
    shown = page(site, "who-knows-what/")
    wrote: Counter[tuple[str, str]] = Counter()
    applied: Counter[tuple[str, str]] = Counter()
    for fm in ENTRIES.values():
        reached = set().union(*(with_ancestors(p) for p in fm["problem_types"]))
        for person in fm["contributors"]:
            wrote.update((f"members/{person}/", f"problems/{p}/") for p in reached)
    for fm in USES.values():
        problems = ENTRIES[fm["entry"]]["problem_types"]
        reached = set().union(*(with_ancestors(p) for p in problems))
        applied.update((f"members/{fm['member']}/", f"problems/{p}/") for p in reached)
    cells = {
        (m, c): counts
        for _, (_, rows) in shown.matrix_cells().items()
        for m, row in rows.items()
        for c, counts in row.items()
    }
    assert cells == {key: (wrote[key], applied[key]) for key in wrote.keys() | applied.keys()}
    # Cy wrote on scoping and ethics only, but applied an entry on planning itself: a row
    # of their own in the planning table, with nothing written there.
    assert cells[("members/cy/", "problems/planning/")][1] > 0
    article = shown.article
    marks = article.find_all("span", "rep-applied")
    assert marks and all(m.find("span", "rep-sr").text().strip() == "applied" for m in marks)


def test_people_to_ask_add_who_applied_the_entries(site: Site) -> None:
    shown = page(site, "who-knows-what/")
    section = shown.section("People to ask, by problem type")
    assert section is not None
    for li in section.find_all("li"):
        problem_url = shown.links(li)[0]
        problem_id = problem_url.split("/")[1]
        counts = Counter(fm["member"] for fm in USES.values() if fm["entry"] in under(problem_id))
        text = li.text()
        if not counts:
            assert "applied by" not in text
            continue
        after = text.split("applied by", 1)[1]
        want = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        assert after.strip() == ", ".join(f"{MEMBERS[m]['name']} ({n})" for m, n in want)


def test_the_feed_has_uses_as_items_merged_by_date(site: Site) -> None:
    feed = ET.parse(site.site_dir / "feed.xml").getroot()
    items = feed.findall(f"{ATOM}entry")
    base = "https://example.org/test/"
    dated = [(fm["date"], f"{base}{e}/") for e, fm in ENTRIES.items()]
    dated += [(fm["date"], f"{base}uses/{u}/") for u, fm in USES.items()]
    assert len({day for day, _ in dated}) == len(dated), "distinct dates keep the order total"
    want = [url for _, url in sorted(dated, reverse=True)[:NEW_LIMIT]]
    assert [item.findtext(f"{ATOM}id") for item in items] == want
    for item in items:
        url = item.findtext(f"{ATOM}id") or ""
        if "/uses/" not in url:
            continue
        fm = USES[url.rstrip("/").rsplit("/", 1)[1]]
        name = MEMBERS[fm["member"]]["name"]
        assert item.findtext(f"{ATOM}title") == f"{name} used {ENTRIES[fm['entry']]['title']}"
        assert item.findtext(f"{ATOM}summary") == fm["summary"]
        assert item.findtext(f"{ATOM}updated") == f"{fm['date'].isoformat()}T00:00:00Z"
        assert item.find(f"{ATOM}category").attrib["term"] == "use"  # type: ignore[union-attr]
        assert item.findtext(f"{ATOM}author/{ATOM}name") == name
    newest = max(day for day, _ in dated)
    assert feed.findtext(f"{ATOM}updated") == f"{newest.isoformat()}T00:00:00Z"


def test_the_explore_data_counts_each_entrys_uses(site: Site) -> None:
    explore = site.json("explore.json")
    shown = {e["url"]: e["uses"] for e in explore["entries"]}
    assert shown == {f"{e}/": use_count(e) for e in ENTRIES}
