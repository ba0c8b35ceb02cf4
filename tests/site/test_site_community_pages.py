"""Who knows what, gaps, what's new and the Atom feed, on purpose-built sites.

A small repertoire is arranged so that every gap list has known members (an empty sub-type, a
problem type missing two kinds and resting on one person, a member who has only a draft, a
path that touches one branch), and the pages must show exactly those. What's new is ordered by
last change and cut at `new_limit`; the feed is valid Atom with absolute links from `site_url`
and titles escaped by the serialiser, never dropped or mangled.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tests.support.crossindex_html import Page
from tests.support.crossindex_sites import (
    PageReader,
    SiteFactory,
    build_ok,
    entry,
    member,
    merge,
    path,
    problem,
)
from tests.support.crossindex_truth import Truth
from tests.support.sites import Site

ATOM = "{http://www.w3.org/2005/Atom}"
SITE_URL = "https://example.org/test/"

COMMUNITY = merge(
    problem("planning"),
    problem("scoping", parent="planning"),
    problem("universe", parent="planning"),
    problem("ethics"),
    problem("quiet-topic"),
    member("ann", "Ann Lee"),
    member("bob", "Bob Marr"),
    member("carl", "Carl Nye"),
    member("dora", "Dora Ostrova"),
    entry("cases/c1-case", ["scoping"], ["ann"], "2024-01-01"),
    entry("stories/c1-story", ["scoping"], ["bob"], "2024-02-01"),
    entry("tools/c1-tool", ["scoping"], ["ann"], "2024-03-01"),
    entry("stories/q-story", ["ethics"], ["ann"], "2024-04-01"),
    entry("cases/q-draft", ["ethics"], ["dora"], "2024-05-01", draft=True),
    path("first-steps", ["cases/c1-case", "tools/c1-tool"]),
)
# Tree order: roots by title (Ethics, Planning, Quiet topic), children under their parent.
TREE = ["ethics", "planning", "scoping", "universe", "quiet-topic"]


def problem_url(problem_id: str) -> str:
    return f"problems/{problem_id}/"


def member_url(member_id: str) -> str:
    return f"members/{member_id}/"


def section_links(page: Page, heading: str) -> list[str]:
    section = page.section(heading)
    assert section is not None, f"no section {heading!r} on {page.url}"
    return [u for node in section.nodes for u in page.links(node)]


def section_rows(page: Page, heading: str) -> list[tuple[list[str], str]]:
    """Each table row of a section as (the links in it, the text of its last cell)."""
    section = page.section(heading)
    assert section is not None, f"no section {heading!r} on {page.url}"
    return [
        ([u for cell in cells for u in page.links(cell)], cells[-1].text())
        for table in section.find_all("table")
        for cells in page.table_rows(table)
    ]


def test_gaps_page_lists_each_gap_exactly(make_site: SiteFactory) -> None:
    page = build_ok(make_site(COMMUNITY, base={}))("gaps/")
    assert section_links(page, "Problem types with no entries") == [
        problem_url("universe"),
        problem_url("quiet-topic"),
    ]
    assert section_rows(page, "Problem types missing a kind") == [
        ([problem_url("ethics")], "cases, tools")
    ]
    assert section_rows(page, "Problem types resting on one contributor") == [
        ([problem_url("ethics"), member_url("ann")], "Ann Lee")
    ]
    assert section_links(page, "Problem types no curated path touches") == [
        problem_url(p) for p in ("ethics", "universe", "quiet-topic")
    ]
    # Dora's only entry is a draft: not published, so she has not contributed yet.
    assert section_links(page, "Members who have not contributed yet") == [
        member_url("carl"),
        member_url("dora"),
    ]


def test_gaps_page_says_so_when_nothing_is_missing(make_site: SiteFactory) -> None:
    files = merge(
        problem("alpha"),
        member("ann"),
        member("bob"),
        entry("cases/a-case", ["alpha"], ["ann", "bob"], "2024-01-01"),
        entry("stories/a-story", ["alpha"], ["ann"], "2024-01-01"),
        entry("tools/a-tool", ["alpha"], ["bob"], "2024-01-01"),
        path("all-of-it", ["cases/a-case", "tools/a-tool"]),
        {
            f"repertoire/uses/bob-{name}.md": (
                f"---\nentry: {kind}/{name}\nmember: bob\ndate: 2024-02-01\nsummary: Used.\n---\n"
            )
            for kind, name in (("cases", "a-case"), ("stories", "a-story"), ("tools", "a-tool"))
        },
    )
    page = build_ok(make_site(files, base={}))("gaps/")
    assert {s.heading: " ".join(n.text() for n in s.nodes) for s in page.sections(2)} == {
        "Problem types with no entries": "Every problem type has at least one entry.",
        "Problem types missing a kind": "Every problem type with entries has every kind.",
        "Problem types resting on one contributor": (
            "No problem type rests on a single contributor."
        ),
        "Problem types no curated path touches": "The curated paths touch every problem type.",
        "Members who have not contributed yet": "Every member has contributed.",
        "Entries no one has used yet": "Every entry has been used at least once.",
    }


def test_gaps_name_a_missing_kind_by_its_configured_plural(make_site: SiteFactory) -> None:
    files = merge(
        problem("alpha"), member("ann"), entry("cases/a-case", ["alpha"], ["ann"], "2024-01-01")
    )
    options = """
    kinds:
      - {folder: cases, singular: case, plural: cases}
      - {folder: methods, singular: method, plural: techniques}
    """
    page = build_ok(make_site(files, base={}, options=options))("gaps/")
    assert section_rows(page, "Problem types missing a kind") == [
        ([problem_url("alpha")], "techniques")
    ]


def test_who_knows_what_names_the_people_to_ask_most_first(make_site: SiteFactory) -> None:
    page = build_ok(make_site(COMMUNITY, base={}))("who-knows-what/")
    section = page.section("People to ask, by problem type")
    assert section is not None
    shown = {}
    for item in section.find_all("li"):
        links = page.links(item)
        counts = [int(n) for n in re.findall(r"\((\d+)\)", item.text())]
        shown[links[0]] = list(zip(links[1:], counts, strict=True))
        if not counts:
            assert "nobody yet" in item.text()
    assert list(shown) == [problem_url(p) for p in TREE]
    assert shown == {
        problem_url("ethics"): [(member_url("ann"), 1)],
        problem_url("planning"): [(member_url("ann"), 2), (member_url("bob"), 1)],
        problem_url("scoping"): [(member_url("ann"), 2), (member_url("bob"), 1)],
        problem_url("universe"): [],
        problem_url("quiet-topic"): [],
    }


def test_who_knows_what_matrix_counts_sub_types_in_their_parent(make_site: SiteFactory) -> None:
    """One table per top-level problem type with any contributor, its columns the type and
    its sub-types, its rows only the members who contributed there."""
    page = build_ok(make_site(COMMUNITY, base={}))("who-knows-what/")
    assert page.matrix() == {
        problem_url("ethics"): (
            [problem_url("ethics")],
            {member_url("ann"): {problem_url("ethics"): 1}},
        ),
        problem_url("planning"): (
            [problem_url(p) for p in ("planning", "scoping", "universe")],
            {
                member_url("ann"): {problem_url("planning"): 2, problem_url("scoping"): 2},
                member_url("bob"): {problem_url("planning"): 1, problem_url("scoping"): 1},
            },
        ),
    }


# ----- what's new and the feed -----------------------------------------------------------------

ODD_TITLE = 'Fish & <chips> "quoted" {{ 7*7 }} *not bold*'
NEWS = merge(
    problem("alpha"),
    member("ann", "Ann & <Co>"),
    entry("cases/revised", ["alpha"], ["ann"], "2023-01-01", updated="2025-05-01"),
    entry("stories/recent", ["alpha"], ["ann"], "2025-03-01", title=ODD_TITLE),
    entry("tools/middle", ["alpha"], ["ann"], "2024-06-01"),
    entry("cases/old", ["alpha"], ["ann"], "2022-01-01"),
    entry("stories/hidden-draft", ["alpha"], ["ann"], "2025-06-01", draft=True),
)
NEWEST = ["cases/revised/", "stories/recent/", "tools/middle/"]


def test_whats_new_orders_by_last_change_and_stops_at_new_limit(make_site: SiteFactory) -> None:
    page = build_ok(make_site(NEWS, base={}, options="new_limit: 3"))("new/")
    assert page.entry_items(page.article.elements()) == NEWEST
    assert ODD_TITLE in page.article.text()


def test_whats_new_and_feed_default_to_twenty_entries(
    sample_truth: Truth,
    sample_page: PageReader,
    sample_site: Site,
) -> None:
    newest = sorted(sample_truth.published, key=lambda e: e.newest_first_key())[:20]
    assert len(sample_truth.published) > 20, "the sample must be larger than the default limit"
    page = sample_page("new/")
    assert page.entry_items(page.article.elements()) == [e.url for e in newest]
    feed = ET.parse(sample_site.site_dir / "feed.xml").getroot()
    assert len(feed.findall(f"{ATOM}entry")) == 20


def test_feed_is_valid_atom_with_absolute_links_and_escaped_titles(make_site: SiteFactory) -> None:
    site = make_site(NEWS, base={}, options="new_limit: 3")
    build_ok(site)
    raw = (site.site_dir / "feed.xml").read_bytes()
    feed = ET.fromstring(raw)
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id") == f"{SITE_URL}new/"
    links = {link.attrib["rel"]: link.attrib["href"] for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": f"{SITE_URL}feed.xml", "alternate": f"{SITE_URL}new/"}
    assert feed.findtext(f"{ATOM}updated") == "2025-05-01T00:00:00Z"
    items = feed.findall(f"{ATOM}entry")
    assert [item.find(f"{ATOM}link").attrib["href"] for item in items] == [
        SITE_URL + u for u in NEWEST
    ]
    assert [item.findtext(f"{ATOM}id") for item in items] == [SITE_URL + u for u in NEWEST]
    assert [item.findtext(f"{ATOM}updated") for item in items] == [
        "2025-05-01T00:00:00Z",
        "2025-03-01T00:00:00Z",
        "2024-06-01T00:00:00Z",
    ]
    assert items[1].findtext(f"{ATOM}title") == ODD_TITLE
    assert items[1].findtext(f"{ATOM}author/{ATOM}name") == "Ann & <Co>"
    assert b"&lt;chips&gt;" in raw and b"Fish &amp;" in raw
    assert b"hidden-draft" not in raw
