"""The navigation holds the index pages a reader starts from and never one link per record.

Material renders the whole nav into every page, so a nav listing every entry would make the
build quadratic, and every item costs every page about 100 bytes. On the built sample, the
primary nav of pages of every sort links to the starting index pages and to no entry, member,
problem type or path page; the index pages it leaves out are linked from the home page, and
the community's own pages from the community page too.
"""

from __future__ import annotations

from tests.support.crossindex_sites import PageReader, SiteFactory, build_ok, entry
from tests.support.crossindex_truth import Truth

NAV_PAGES = ["", "paths/", "problems/", "members/", "explore/", "new/", "community/"]
KIND_PAGES = ["cases/", "stories/", "tools/"]
COMMUNITY_PAGES = ["who-knows-what/", "gaps/", "due-for-review/"]


def record_urls(truth: Truth) -> set[str]:
    """Every page made from a record file."""
    urls = {e.url for e in truth.entries.values()}
    urls |= {f"members/{m}/" for m in truth.members}
    urls |= {f"problems/{p}/" for p in truth.problems}
    urls |= {f"paths/{p}/" for p in truth.paths}
    return urls


def page_urls_of_every_sort(truth: Truth) -> list[str]:
    first_entry = sorted(e.url for e in truth.published)[0]
    return [
        "",
        "problems/",
        "cases/",
        first_entry,
        f"members/{sorted(truth.members)[0]}/",
        f"problems/{sorted(truth.problems)[0]}/",
        "gaps/",
    ]


def test_primary_nav_links_to_every_index_page_and_no_record(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    records = record_urls(sample_truth)
    for url in page_urls_of_every_sort(sample_truth):
        page = sample_page(url)
        in_nav = page.links(page.primary_nav)
        assert set(NAV_PAGES) <= set(in_nav), url
        assert not set(in_nav) & (records | set(KIND_PAGES + COMMUNITY_PAGES)), url


def test_index_pages_outside_the_nav_are_linked_from_home_and_community(
    sample_page: PageReader,
) -> None:
    home = sample_page("")
    assert set(KIND_PAGES + COMMUNITY_PAGES) <= set(home.links(home.article))
    community = sample_page("community/")
    assert set(COMMUNITY_PAGES) <= set(community.links(community.article))


def test_adding_entries_leaves_the_nav_unchanged(make_site: SiteFactory) -> None:
    site = make_site()
    before = build_ok(site)("cases/")
    for n in range(3):
        site.write(entry(f"stories/story-{n}", ["sampling"], ["ann-lee"], "2024-05-01"))
    read = build_ok(site)
    after = read("cases/")
    assert after.links(after.primary_nav) == before.links(before.primary_nav)
    assert "stories/story-0/" in read("stories/").links()
