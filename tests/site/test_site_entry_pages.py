"""Entry pages show their panel and one list of connected entries, ranked as documented.

On the sample, every published entry's panel (kind, linked problem types and contributors,
dates, level) and its "Connected entries" are checked against an independent reading of the
files. The list holds each entry once, saying how it is connected: the `related` ids in order
("named here"), the entries naming it ("names this entry"), then at most `related_limit`
computed entries ("shares ..."), by shared problem types, then shared contributors, then
newest; none already listed. The ranking is also tested on
a purpose-built site and on `core.indexes.related_entries` as a plain function.
"""

from __future__ import annotations

import datetime as dt

from repertoire_kit.core.model import Entry
from tests.support.crossindex_html import Page
from tests.support.crossindex_sites import (
    PageReader,
    SiteFactory,
    build_ok,
    entry,
    member,
    merge,
    model_entry,
    model_indexes,
    path,
    problem,
    record,
    use,
)
from tests.support.crossindex_truth import Truth, TruthEntry
from tests.support.related import reference_related

HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
KIND_TITLES = {"cases": "Case", "stories": "Story", "tools": "Tool"}
CONNECTED = "Connected entries"
RELATED, REFERENCED_BY, SIMILAR = "named here", "names this entry", "shares"


def connected(page: Page) -> list[tuple[str, str]]:
    """(entry URL, how it is connected) for each item of the connected entries, in order."""
    section = page.section(CONNECTED)
    if section is None:
        return []
    items = [li for li in section.find_all("li")]
    return [(page.entry_items([li])[0], li.find("span", "rep-how").text().lower()) for li in items]


def listed(page: Page, how: str) -> list[str]:
    """The connected entries whose connection names `how`, in page order."""
    return [url for url, said in connected(page) if how in said]


def expected_similar(truth: Truth, target: TruthEntry, limit: int) -> list[str]:
    """The computed suggestions, ranked by the brute-force reference (as URLs)."""
    return [f"{entry_id}/" for entry_id in reference_related(target, truth.published, limit)]


# ----- the sample ------------------------------------------------------------------------------


def test_every_entry_panel_shows_kind_problem_types_contributors_dates_and_level(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    for target in sample_truth.published:
        page = sample_page(target.url)
        panel = page.article.find("div", "rep-panel")
        items = [li.text() for li in panel.find_all("li")]
        assert items[0] == KIND_TITLES[target.kind], target.id
        problem_links = [u for u in page.links(panel) if u.startswith("problems/")]
        contributors = next(li for li in panel.find_all("li") if li.text().startswith("Contrib"))
        member_links = [u for u in page.links(contributors) if u.startswith("members/")]
        assert problem_links == [f"problems/{p}/" for p in target.problem_types], target.id
        assert member_links == [f"members/{m}/" for m in target.contributors], target.id
        dates = next(text for text in items if text.startswith("Shared:"))
        # The sample copy is no git repository, so the last change is `updated` (else `date`).
        expected_dates = f"Shared: {target.date.isoformat()}"
        if target.last_changed != target.date:
            expected_dates += f" · Last updated: {target.last_changed.isoformat()}"
        assert dates == expected_dates, target.id
        level = [text for text in items if text.startswith("Level:")]
        assert level == ([f"Level: {target.level}"] if target.level else []), target.id


def test_related_entries_list_the_named_ids_in_order(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    assert any(e.related for e in sample_truth.published)
    for target in sample_truth.published:
        visible = [
            sample_truth.entries[r].url for r in target.related if not sample_truth.entries[r].draft
        ]
        assert listed(sample_page(target.url), RELATED) == visible, target.id


def test_referenced_by_lists_every_published_entry_naming_this_one(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    for target in sample_truth.published:
        expected = {sample_truth.entries[i].url for i in sample_truth.referencing(target.id)}
        shown = listed(sample_page(target.url), REFERENCED_BY)
        assert len(shown) == len(set(shown)) and set(shown) == expected, target.id


def test_computed_suggestions_match_an_independent_ranking(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    for target in sample_truth.published:
        shown = listed(sample_page(target.url), SIMILAR)
        assert len(shown) <= 5
        assert shown == expected_similar(sample_truth, target, 5), target.id


def test_no_entry_page_lists_an_entry_twice_outside_a_path_pager(
    sample_truth: Truth,
    sample_page: PageReader,
) -> None:
    for target in sample_truth.published:
        page = sample_page(target.url)
        listed_urls = [u for u in page.entry_items(page.article.elements())]
        assert len(listed_urls) == len(set(listed_urls)), target.id
        assert target.url not in listed_urls, target.id


# ----- a purpose-built site --------------------------------------------------------------------

RANKING_SITE = merge(
    problem("alpha"),
    problem("beta"),
    problem("gamma"),
    member("xena"),
    member("yuri"),
    member("zoe"),
    entry("cases/target", ["alpha", "beta"], ["xena"], "2024-01-01", related=["tools/named"]),
    # Expected order: both problems; one problem + the contributor; one problem, newer first;
    # only the contributor; then the limit cuts the older contributor-only entry.
    entry("stories/both-problems", ["alpha", "beta"], ["yuri"], "2020-01-01"),
    entry("stories/problem-and-person", ["alpha"], ["xena"], "2020-01-01"),
    entry("tools/one-problem-newer", ["beta"], ["zoe"], "2023-06-01"),
    entry("cases/one-problem-older", ["alpha"], ["yuri"], "2022-01-01", updated="2022-02-01"),
    entry("stories/person-only", ["gamma"], ["xena"], "2021-01-01"),
    entry("tools/person-only-older", ["gamma"], ["xena"], "2019-01-01"),
    entry("cases/unrelated", ["gamma"], ["zoe"], "2025-01-01"),
    entry("tools/named", ["alpha", "beta"], ["xena"], "2024-02-01"),
    entry(
        "stories/cites-target", ["alpha", "beta"], ["xena"], "2024-03-01", related=["cases/target"]
    ),
    entry("cases/draft-twin", ["alpha", "beta"], ["xena"], "2024-04-01", draft=True),
)
RANKED = [
    "stories/both-problems/",
    "stories/problem-and-person/",
    "tools/one-problem-newer/",
    "cases/one-problem-older/",
    "stories/person-only/",
]


def test_suggestions_rank_by_problems_then_people_then_newest_and_stop_at_five(
    make_site: SiteFactory,
) -> None:
    page = build_ok(make_site(RANKING_SITE, base={}))("cases/target/")
    assert listed(page, RELATED) == ["tools/named/"]
    assert listed(page, REFERENCED_BY) == ["stories/cites-target/"]
    assert listed(page, SIMILAR) == RANKED


def test_related_limit_option_caps_the_suggestions(make_site: SiteFactory) -> None:
    page = build_ok(make_site(RANKING_SITE, base={}, options="related_limit: 2"))("cases/target/")
    assert listed(page, SIMILAR) == RANKED[:2]


def test_an_entry_sharing_nothing_has_no_suggestions_section(make_site: SiteFactory) -> None:
    files = merge(
        problem("alpha"),
        problem("beta"),
        member("xena"),
        member("yuri"),
        entry("cases/alone", ["alpha"], ["xena"], "2024-01-01"),
        entry("cases/elsewhere", ["beta"], ["yuri"], "2024-01-01"),
    )
    page = build_ok(make_site(files, base={}))("cases/alone/")
    assert page.section(CONNECTED) is None


def test_every_record_page_shows_its_title_as_its_first_heading(make_site: SiteFactory) -> None:
    """The title heading is the page's own, put above the converted body: one `h1`, first in
    the article, also when a body has a level-1 heading of its own, and in the page's title."""
    body = record(
        {
            "title": "Counting <b>cash</b>",
            "summary": "How we counted.",
            "problem_types": ["alpha"],
            "contributors": ["xena"],
            "date": dt.date(2024, 1, 1),
        },
        "# Background\n\nWhat happened.\n",
    )
    files = merge(
        problem("alpha", title="Alpha checks"),
        member("xena", name="Xena Ward"),
        {"repertoire/cases/counting.md": body},
        entry("tools/tally-sheet", ["alpha"], ["xena"], "2024-01-02"),
        path("first-steps", ["cases/counting", "tools/tally-sheet"]),
        use("xena-counting", "cases/counting", "xena", "2024-02-01"),
    )
    read = build_ok(make_site(files, base={}))
    expected = {
        "cases/counting/": "Counting <b>cash</b>",
        "problems/alpha/": "Alpha checks",
        "members/xena/": "Xena Ward",
        "paths/first-steps/": "First steps",
        "uses/xena-counting/": "Xena Ward used Counting <b>cash</b>",
    }
    for url, title in expected.items():
        page = read(url)
        headings = [n for n in page.article.find_all() if n.tag in HEADING_TAGS]
        assert headings[0].tag == "h1" and headings[0].text() == title, url
        assert page.title.startswith(title), url
    assert [h.text() for h in read("cases/counting/").article.find_all("h1")] == [
        "Counting <b>cash</b>",
        "Background",
    ]


def test_a_related_draft_is_left_out_of_the_page_and_the_export(make_site: SiteFactory) -> None:
    files = merge(
        problem("alpha"),
        member("xena"),
        entry(
            "cases/public",
            ["alpha"],
            ["xena"],
            "2024-01-01",
            related=["stories/unfinished", "tools/finished"],
        ),
        entry("stories/unfinished", ["alpha"], ["xena"], "2024-02-01", draft=True),
        entry("tools/finished", ["alpha"], ["xena"], "2024-03-01"),
    )
    site = make_site(files, base={})
    page = build_ok(site)("cases/public/")
    assert "'stories/unfinished' is a draft" in (site.last.stderr if site.last else "")
    assert listed(page, RELATED) == ["tools/finished/"]
    assert "stories/unfinished/" not in page.links()
    exported = {e["id"]: e["related"] for e in site.json()["entries"]}
    assert exported == {"cases/public": ["tools/finished"], "tools/finished": []}


# ----- the core function -----------------------------------------------------------------------


def ranked_ids(entries: list[Entry], target_id: str, limit: int) -> list[str]:
    indexes = model_indexes(entries)
    return [e.id for e in indexes.related_entries(indexes.repertoire.entries[target_id], limit)]


def test_related_entries_ranks_problems_over_people_over_recency() -> None:
    entries = [
        model_entry("target", ("a", "b"), ("x",), "2024-01-01"),
        model_entry("person-new", ("c",), ("x",), "2024-06-01"),
        model_entry("problem-old", ("a",), ("y",), "2001-01-01"),
        model_entry("problem-person", ("b",), ("x",), "2000-01-01"),
        model_entry("two-problems", ("a", "b"), ("y",), "1999-01-01"),
    ]
    assert ranked_ids(entries, "cases/target", 10) == [
        "cases/two-problems",
        "cases/problem-person",
        "cases/problem-old",
        "cases/person-new",
    ]
    assert ranked_ids(entries, "cases/target", 1) == ["cases/two-problems"]
    assert ranked_ids(entries, "cases/target", 0) == []


def test_related_entries_breaks_full_ties_by_id_and_counts_no_stranger() -> None:
    entries = [
        model_entry("target", ("a",), ("x",), "2024-01-01"),
        model_entry("zulu", ("a",), ("y",), "2020-01-01"),
        model_entry("alpha", ("a",), ("y",), "2020-01-01"),
        model_entry("stranger", ("q",), ("z",), "2024-01-01"),
    ]
    assert ranked_ids(entries, "cases/target", 5) == ["cases/alpha", "cases/zulu"]


def test_related_entries_leaves_out_itself_drafts_and_entries_already_listed() -> None:
    entries = [
        model_entry("target", ("a",), ("x",), "2024-01-01", related=("cases/named",)),
        model_entry("named", ("a",), ("x",), "2024-01-01"),
        model_entry("citing", ("a",), ("x",), "2024-01-01", related=("cases/target",)),
        model_entry("draft", ("a",), ("x",), "2024-01-01", draft=True),
        model_entry("other", ("a",), ("y",), "2020-01-01"),
    ]
    assert ranked_ids(entries, "cases/target", 5) == ["cases/other"]
