"""Listings are bounded and search finds the page that says it.

Kind and problem-type listings paginate with plain links (`page_size`, `problem_page_size`):
the pages together list every entry once, newest first. In the search index, a phrase from an
entry's summary is found on that entry's page only: panels, pagers and listings stay out of the
index, and the listing pages are indexed by their title and introduction.
"""

from __future__ import annotations

import html
import json
import re

from tests.support.crossindex_html import Page
from tests.support.crossindex_sites import (
    PageReader,
    SiteFactory,
    build_ok,
    entry,
    member,
    merge,
    problem,
)
from tests.support.crossindex_truth import Truth
from tests.support.sites import Site

CASES = [f"cases/case-{n}" for n in range(1, 6)]
PAGINATED = merge(
    problem("alpha"),
    member("ann"),
    *(entry(case, ["alpha"], ["ann"], f"2024-0{n}-01") for n, case in enumerate(CASES, start=1)),
)
NEWEST_FIRST = [f"{case}/" for case in reversed(CASES)]


def pager_links(page: Page) -> list[str]:
    nav = page.article.find("nav", "rep-pagination")
    return [link for link in page.links(nav)]


def test_kind_listing_paginates_with_plain_links(make_site: SiteFactory) -> None:
    read = build_ok(make_site(PAGINATED, base={}, options="page_size: 2"))
    pages = [read("cases/"), read("cases/page/2/"), read("cases/page/3/")]
    listed = [u for page in pages for u in page.entry_items(page.article.elements())]
    assert listed == NEWEST_FIRST
    assert [len(page.entry_items(page.article.elements())) for page in pages] == [2, 2, 1]
    assert set(pager_links(pages[0])) == {"cases/page/2/", "cases/page/3/"}
    assert "cases/" in pager_links(pages[2])
    assert "5 cases, newest first." in pages[1].article.text()


def test_problem_listing_paginates_below_the_problem_page(make_site: SiteFactory) -> None:
    read = build_ok(make_site(PAGINATED, base={}, options="problem_page_size: 2"))
    pages = [
        read("problems/alpha/"),
        read("problems/alpha/page/2/"),
        read("problems/alpha/page/3/"),
    ]
    listed = [u for page in pages for u in page.entry_items(page.article.elements())]
    assert listed == NEWEST_FIRST
    assert pages[0].section("Cases (5)") is not None
    assert "problems/alpha/" in pages[1].links()
    assert pages[0].section("People to ask") is not None


def test_a_long_listing_links_the_ends_and_the_nearby_pages(make_site: SiteFactory) -> None:
    twelve = [f"cases/case-{n:02}" for n in range(1, 13)]
    content = merge(
        problem("alpha"),
        member("ann"),
        *(entry(case, ["alpha"], ["ann"], f"2024-{n:02}-01") for n, case in enumerate(twelve, 1)),
    )
    read = build_ok(make_site(content, base={}, options="page_size: 1"))
    sixth = read("cases/page/6/")
    linked = {"cases/"} | {f"cases/page/{n}/" for n in (4, 5, 7, 8, 12)}
    assert set(pager_links(sixth)) == linked
    gaps = sixth.article.find("nav", "rep-pagination").find_all("span", "rep-pagination-gap")
    assert len(gaps) == 2


def test_a_listing_that_fits_has_no_pager(make_site: SiteFactory) -> None:
    read = build_ok(make_site(PAGINATED, base={}))
    assert read("cases/").article.find_all("nav", "rep-pagination") == []


def _search_docs(site: Site) -> list[dict[str, str]]:
    index = json.loads((site.site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    return list(index["docs"])


def _plain(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def test_a_summary_phrase_is_found_only_on_its_own_entry_page(
    sample_site: Site, sample_truth: Truth
) -> None:
    docs = [
        (d["location"], _plain(d["title"] + " " + d["text"])) for d in _search_docs(sample_site)
    ]
    for target in sample_truth.published:
        phrase = " ".join(target.summary.split()[:8])
        found = {location.split("#")[0] for location, text in docs if phrase in text}
        assert found == {target.url}, (target.id, phrase, found)


def test_listing_pages_are_indexed_by_title_and_introduction(sample_site: Site) -> None:
    by_location = {d["location"]: _plain(d["text"]) for d in _search_docs(sample_site)}
    assert "newest first" in by_location["cases/"]
    assert "Summary" not in by_location["cases/"]
    assert not [loc for loc in by_location if loc.startswith("cases/#")]
    assert not [loc for loc in by_location if loc.startswith(("new/#", "explore/#"))]


def test_entry_listing_pages_carry_no_listing_when_read_by_search(sample_page: PageReader) -> None:
    """The explore page holds no entry list of its own: its data comes from explore.json."""
    assert sample_page("explore/").entry_items(sample_page("explore/").article.elements()) == []
