"""On the built sample, every cross-index lists exactly what the Markdown files say it should.

The expectations come from `crossindex_truth` (PyYAML over the files, no package code): which
published entries belong to each problem type (a problem page lists the entries of the type
and of all its sub-types), each member and each kind. The tests find exactly those entries on
/problems/<id>/, /members/<id>/, the kind pages and in repertoire.json; every count shown
anywhere (problem tree, sub-types, member directory and profiles, who-knows-what, home page,
JSON, section headings) agrees; and the draft entries appear nowhere: no page, no listing, no
link, no JSON, feed, search or sitemap.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from tests.support.crossindex_html import Page, load_page, resolve
from tests.support.crossindex_sites import PageReader
from tests.support.crossindex_truth import Truth
from tests.support.sites import Site

SITE_URL = "https://example.org/repertoire/"
KIND_SINGULAR = {"cases": "case", "stories": "story", "tools": "tool"}
_COUNTED = re.compile(r"^(?P<label>.+) \((?P<count>\d+)\)$")


def counted_heading(text: str) -> tuple[str, int] | None:
    """'Cases (3)' -> ('Cases', 3)."""
    match = _COUNTED.match(text)
    return (match["label"], int(match["count"])) if match else None


def kind_sections(page: Page, level: int) -> dict[str, tuple[int, list[str]]]:
    """Kind folder -> (count in the heading, entry URLs listed) for each 'Kinds (n)' heading."""
    found: dict[str, tuple[int, list[str]]] = {}
    for section in page.sections(level):
        counted = counted_heading(section.heading)
        if counted and counted[0].lower() in KIND_SINGULAR:
            found[counted[0].lower()] = (counted[1], page.entry_items(section.nodes))
    return found


def expected_kind_sections(truth: Truth, ids: set[str]) -> dict[str, tuple[int, list[str]]]:
    """The kind sections a page listing `ids` must show, newest first, empty kinds left out."""
    return {
        kind: (
            len(members),
            [
                e.url
                for e in sorted(
                    (truth.entries[i] for i in members), key=lambda e: e.newest_first_key()
                )
            ],
        )
        for kind, members in truth.by_kind(ids).items()
        if members
    }


def entry_urls(truth: Truth) -> set[str]:
    return {e.url for e in truth.entries.values()}


def test_the_sample_has_what_these_tests_need(sample_truth: Truth) -> None:
    """Guard: a sample without drafts, sub-types or empty problem types would prove little."""
    assert sample_truth.drafts
    assert any(fm.get("parent") for fm in sample_truth.problems.values())
    assert any(not sample_truth.under_problem(p) for p in sample_truth.problems)
    assert any(not sample_truth.of_member(m) for m in sample_truth.members)


def test_problem_pages_list_the_entries_of_the_type_and_of_all_its_subtypes(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    for problem_id in sample_truth.problems:
        page = sample_page(f"problems/{problem_id}/")
        expected = sample_truth.under_problem(problem_id)
        assert kind_sections(page, 2) == expected_kind_sections(sample_truth, expected), problem_id
        listed = {
            u for u in page.entry_items(page.article.elements()) if u in entry_urls(sample_truth)
        }
        assert listed == {sample_truth.entries[i].url for i in expected}, problem_id
        if not expected:
            assert "No entries on this problem type yet." in page.article.text(), problem_id
            assert "gaps/" in page.links(), problem_id


def test_problem_pages_show_subtypes_with_counts_that_include_their_own_subtypes(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    for problem_id in sample_truth.problems:
        children = {p for p, fm in sample_truth.problems.items() if fm.get("parent") == problem_id}
        section = sample_page(f"problems/{problem_id}/").section("Sub-types")
        if not children:
            assert section is None, problem_id
            continue
        assert section is not None, problem_id
        shown = {}
        for item in section.find_all("li"):
            anchor = item.find("a")
            count = re.search(r"\((\d+)\)", item.text())
            assert count, item.text()
            shown[resolve(f"problems/{problem_id}/", anchor.attrs["href"])] = int(count[1])
        assert shown == {f"problems/{c}/": len(sample_truth.under_problem(c)) for c in children}


def test_member_pages_list_exactly_their_published_contributions(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    for member_id in sample_truth.members:
        page = sample_page(f"members/{member_id}/")
        mine = sample_truth.of_member(member_id)
        heading = page.section(lambda text: text.startswith("Contributions"))
        assert heading is not None and counted_heading(heading.heading) == (
            "Contributions",
            len(mine),
        )
        assert kind_sections(page, 3) == expected_kind_sections(sample_truth, mine), member_id


def test_member_pages_count_the_problem_types_worked_on(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    for member_id in sample_truth.members:
        page = sample_page(f"members/{member_id}/")
        expected = {
            f"problems/{p}/": n for p, n in sample_truth.member_problem_counts(member_id).items()
        }
        section = page.section("Problem types worked on")
        if not expected:
            assert section is None, member_id
            continue
        assert section is not None, member_id
        shown = {}
        for item in section.find_all("li"):
            target = resolve(page.url, item.find("a").attrs["href"])
            shown[target] = int(item.text().rsplit(":", 1)[1])
        assert shown == expected, member_id


def test_member_pages_name_the_people_they_contributed_with(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    assert any(len(e.contributors) > 1 for e in sample_truth.published)
    for member_id in sample_truth.members:
        partners = Counter(
            other
            for entry_id in sample_truth.of_member(member_id)
            for other in sample_truth.entries[entry_id].contributors
            if other != member_id
        )
        page = sample_page(f"members/{member_id}/")
        section = page.section("Contributed with")
        shown = {}
        for item in section.find_all("li") if section else []:
            count = re.search(r": (\d+) shared entr(y|ies)$", item.text())
            assert count, item.text()
            shown[page.links(item)[0]] = int(count[1])
        assert shown == {f"members/{m}/": n for m, n in partners.items()}, member_id


@pytest.mark.parametrize("kind", sorted(KIND_SINGULAR))
def test_kind_pages_list_every_published_entry_of_the_kind_newest_first(
    kind: str,
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    page = sample_page(f"{kind}/")
    expected = [e.url for e in sample_truth.of_kind(kind)]
    assert expected, "the sample has entries of every default kind"
    assert page.entry_items(page.article.elements()) == expected
    assert f"{len(expected)} {kind}, newest first" in page.article.text()


def test_kind_listings_show_date_summary_problem_types_and_contributors(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    for kind in sample_truth.kind_folders:
        page = sample_page(f"{kind}/")
        items = {
            resolve(page.url, li.find("a").attrs["href"]): li
            for li in page.article.find("ul", "rep-entries").find_all("li")
        }
        for entry in sample_truth.of_kind(kind):
            item = items[entry.url]
            assert entry.last_changed.isoformat() in item.text() and entry.summary in item.text(), (
                entry.id
            )
            assert page.links(item)[1:] == [f"problems/{p}/" for p in entry.problem_types] + [
                f"members/{m}/" for m in entry.contributors
            ], entry.id


def test_every_published_entry_is_reachable_from_its_kind_page_and_has_a_page(
    sample_truth: Truth,
    sample_site: Site,
    sample_page: PageReader,
) -> None:
    for entry in sample_truth.published:
        assert entry.url in sample_page(f"{entry.kind}/").links(), entry.id
        assert (sample_site.site_dir / entry.url / "index.html").is_file(), entry.id


def test_repertoire_json_holds_exactly_the_published_records_with_their_fields(
    sample_truth: Truth,
    sample_site: Site,
) -> None:
    export = sample_site.json()
    by_id = {e["id"]: e for e in export["entries"]}
    assert [e["id"] for e in export["entries"]] == sorted(e.id for e in sample_truth.published)
    for entry in sample_truth.published:
        exported = by_id[entry.id]
        assert exported["url"] == SITE_URL + entry.url
        assert exported["kind"] == KIND_SINGULAR[entry.kind]
        assert exported["title"] == entry.title
        assert exported["problem_types"] == list(entry.problem_types)
        assert exported["contributors"] == list(entry.contributors)
        assert exported["date"] == entry.date.isoformat()
        assert exported["updated"] == (entry.updated.isoformat() if entry.updated else None)
        visible = [
            r
            for r in entry.related
            if r in sample_truth.entries and not sample_truth.entries[r].draft
        ]
        assert exported["related"] == visible


def test_repertoire_json_counts_agree_with_the_markdown(
    sample_truth: Truth,
    sample_site: Site,
) -> None:
    export = sample_site.json()
    members = {m["id"]: m for m in export["members"]}
    assert set(members) == set(sample_truth.members)
    for member_id in sample_truth.members:
        assert members[member_id]["contributions"] == len(sample_truth.of_member(member_id)), (
            member_id
        )
        assert members[member_id]["url"] == f"{SITE_URL}members/{member_id}/"
    problems = {p["id"]: p for p in export["problem_types"]}
    assert set(problems) == set(sample_truth.problems)
    for problem_id, fm in sample_truth.problems.items():
        direct = {e.id for e in sample_truth.published if problem_id in e.problem_types}
        assert problems[problem_id]["entries"] == len(direct), problem_id
        assert problems[problem_id]["entries_with_subtypes"] == len(
            sample_truth.under_problem(problem_id)
        )
        assert problems[problem_id]["parent"] == fm.get("parent")
        children = {
            p for p, other in sample_truth.problems.items() if other.get("parent") == problem_id
        }
        assert set(problems[problem_id]["children"]) == children


def test_problem_tree_counts_agree_with_the_markdown(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    page = sample_page("problems/")
    table = page.article.find("table")
    header = [th.text().lower() for th in table.find("thead").find_all("th")][1:]
    assert header == list(sample_truth.kind_folders)
    rows = {}
    for cells in page.table_rows(table):
        target = resolve(page.url, cells[0].find("a").attrs["href"])
        assert target not in rows, f"{target} appears twice in the tree"
        rows[target] = {
            kind: int(cell.text()) for kind, cell in zip(header, cells[1:], strict=True)
        }
    assert rows == {
        f"problems/{p}/": {
            k: len(ids) for k, ids in sample_truth.by_kind(sample_truth.under_problem(p)).items()
        }
        for p in sample_truth.problems
    }


def test_member_directory_counts_agree_with_the_markdown(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    page = sample_page("members/")
    assert f"{len(sample_truth.members)} members." in page.article.text()
    counts: dict[str, int] = {}
    for section in page.sections(2):
        rows = [row for table in section.find_all("table") for row in page.table_rows(table)]
        counted = counted_heading(section.heading)
        assert counted and counted[1] == len(rows), section.heading
        for cells in rows:
            target = resolve(page.url, cells[0].find("a").attrs["href"])
            assert target not in counts, f"{target} listed twice"
            counts[target] = int(cells[-1].text())
    assert counts == {f"members/{m}/": len(sample_truth.of_member(m)) for m in sample_truth.members}


def test_home_page_counts_agree_with_the_markdown(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    page = sample_page("")
    glance = page.section("The repertoire at a glance")
    assert glance is not None
    table = next(n for n in glance.nodes if n.tag == "table")
    shown = {
        resolve("", cells[0].find("a").attrs["href"]): int(cells[1].text())
        for cells in page.table_rows(table)
    }
    expected = {f"{kind}/": len(sample_truth.of_kind(kind)) for kind in sample_truth.kind_folders}
    expected |= {
        "problems/": len(sample_truth.problems),
        "members/": len(sample_truth.members),
        "paths/": len(sample_truth.paths),
    }
    assert shown == expected


def test_who_knows_what_matrix_agrees_with_the_markdown(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    groups = sample_page("who-knows-what/").matrix()
    shown: dict[tuple[str, str], int] = {}
    for root, (columns, rows) in groups.items():
        problem_id = root.split("/")[1]
        assert sorted(columns) == sorted(
            f"problems/{p}/" for p in {problem_id} | sample_truth.subtypes(problem_id)
        ), root
        assert all(rows.values()), f"{root} shows a member with no entries there"
        for member, counts in rows.items():
            for column, n in counts.items():
                shown[member, column] = n
    expected = {
        (f"members/{m}/", f"problems/{p}/"): n
        for p in sample_truth.problems
        for m, n in sample_truth.people_under(p).items()
        if m in sample_truth.members
    }
    assert shown == expected


# ----- drafts ----------------------------------------------------------------------------------


def _all_pages(sample_site) -> list[Page]:
    pages = []
    for path in sorted(sample_site.site_dir.rglob("*.html")):
        rel = path.relative_to(sample_site.site_dir).as_posix()
        url = rel[: -len("index.html")] if rel.endswith("index.html") else rel
        pages.append(load_page(sample_site.site_dir, url))
    return pages


def test_drafts_have_no_page_and_no_link_anywhere(sample_truth: Truth, sample_site: Site) -> None:
    drafts = {e.url for e in sample_truth.drafts}
    for url in drafts:
        assert not (sample_site.site_dir / url).exists(), url
    for page in _all_pages(sample_site):
        linked = {resolve(page.url, a.attrs.get("href", "")) for a in page.root.find_all("a")}
        assert not linked & drafts, page.url


def test_draft_titles_appear_in_no_page(sample_truth: Truth, sample_site: Site) -> None:
    titles = [e.title for e in sample_truth.drafts]
    for path in sample_site.site_dir.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        assert not [t for t in titles if t in text], path


def test_drafts_are_not_in_the_json_feed_search_index_or_sitemap(
    sample_truth: Truth,
    sample_site: Site,
) -> None:
    draft_ids = {e.id for e in sample_truth.drafts}
    draft_urls = {SITE_URL + e.url for e in sample_truth.drafts}
    export = sample_site.json()
    mentioned = {e["id"] for e in export["entries"]} | {
        r for e in export["entries"] for r in e["related"]
    }
    mentioned |= {s["entry"] for p in export.get("paths", []) for s in p["steps"]}
    assert not mentioned & draft_ids
    assert not [
        t
        for t in (e.title for e in sample_truth.drafts)
        if t in json.dumps(export, ensure_ascii=False)
    ]

    feed = ET.parse(sample_site.site_dir / "feed.xml").getroot()
    feed_links = {link.attrib["href"] for link in feed.iter("{http://www.w3.org/2005/Atom}link")}
    assert feed_links and not feed_links & draft_urls

    search = sample_site.json("search/search_index.json")
    locations = {doc["location"].split("#")[0] for doc in search["docs"]}
    assert not locations & {e.url for e in sample_truth.drafts}
    search_text = json.dumps(search, ensure_ascii=False)
    assert not [e.title for e in sample_truth.drafts if e.title in search_text]

    sitemap = ET.parse(sample_site.site_dir / "sitemap.xml").getroot()
    locs = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert locs and not locs & draft_urls


def test_entries_a_draft_names_do_not_list_it_as_referencing_them(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    named = {
        target
        for e in sample_truth.drafts
        for target in e.related
        if target in sample_truth.entries
    }
    assert named, "the sample's draft names related entries"
    drafts = {e.url for e in sample_truth.drafts}
    for target in named:
        page = sample_page(sample_truth.entries[target].url)
        assert not set(page.links()) & drafts, target


def test_no_listing_shows_an_entry_twice(sample_truth: Truth, sample_page: PageReader) -> None:
    urls = [f"problems/{p}/" for p in sample_truth.problems] + [
        f"{k}/" for k in sample_truth.kind_folders
    ]
    for url in urls:
        page = sample_page(url)
        listed = Counter(page.entry_items(page.article.elements()))
        assert not [u for u, n in listed.items() if n > 1], url
