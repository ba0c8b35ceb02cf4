"""The explore page in a real browser: every published entry, narrowed on the client by kind,
problem type (a parent takes in its sub-types), member and level, alone and combined, with
counts that follow the filters, a shareable address that restores them, and the plain listing
with links to the static index pages when JavaScript is off.

What each filter must show is computed from `repertoire.json` (see `SampleModel.matching`).
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.browser import OpenReader, Reader, SampleModel

FACETS = ("kind", "problem", "member", "level")


def open_explore(reader: Reader, query: str = "") -> None:
    reader.open("explore/" + query)
    reader.page.locator("#rep-explore[data-rep-ready='yes']").wait_for()


def shown(reader: Reader) -> list[str]:
    """Site paths of the listed entries, in order."""
    hrefs = reader.page.locator(".rep-explore-results > li > strong > a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    return [urlsplit(href).path.lstrip("/") for href in hrefs]


def expected(sample_model: SampleModel, **filters: str) -> list[str]:
    return [sample_model.path_of(e) for e in sample_model.matching(**filters)]


def choose(reader: Reader, facet: str, value: str) -> None:
    reader.page.locator(f"#rep-explore-{facet}").select_option(value)


def option_counts(reader: Reader, facet: str) -> dict[str, int]:
    """What each option of a filter says it would show, by value."""
    texts = reader.page.locator(f"#rep-explore-{facet} option").evaluate_all(
        "options => options.map(o => [o.value, o.textContent])"
    )
    return {value: int(text.rsplit("(", 1)[1].rstrip(")")) for value, text in texts}


def count_line(reader: Reader) -> str:
    """The count above the filters, without the link that jumps to the results."""
    text = reader.page.locator(".rep-explore-count").inner_text().strip()
    return text.removesuffix("See them").strip()


def test_the_count_links_to_the_results(reader: Reader) -> None:
    open_explore(reader)
    jump = reader.page.locator(".rep-explore-count a")
    assert jump.get_attribute("href") == "#rep-explore-results"
    assert reader.page.locator("#rep-explore-results li").count() > 0


def busiest(values: list[str]) -> str:
    """The most frequent value (ties by name): a filter that keeps several entries."""
    return max(sorted(set(values)), key=values.count)


def one_choice_per_facet(sample_model: SampleModel) -> dict[str, str]:
    entries = sample_model.entries
    parent = sample_model.problem_with_subtypes()
    return {
        "kind": busiest([e["kind"] for e in entries]),
        "problem": parent["id"],
        "member": busiest([m for e in entries for m in e["contributors"]]),
        "level": busiest([e["level"] for e in entries if e["level"]]),
    }


def test_lists_every_published_entry_newest_first(
    reader: Reader, sample_model: SampleModel
) -> None:
    open_explore(reader)
    assert shown(reader) == expected(sample_model)
    total = len(sample_model.entries)
    assert count_line(reader) == f"Showing {total} of {total} entries."
    assert reader.page.locator(".rep-explore-static").is_hidden()
    assert reader.errors == []


@pytest.mark.parametrize("facet", FACETS)
def test_each_filter_alone(facet: str, reader: Reader, sample_model: SampleModel) -> None:
    value = one_choice_per_facet(sample_model)[facet]
    open_explore(reader)
    choose(reader, facet, value)
    want = expected(sample_model, **{facet: value})
    assert 0 < len(want) < len(sample_model.entries)
    assert shown(reader) == want
    assert count_line(reader) == f"Showing {len(want)} of {len(sample_model.entries)} entries."


def test_a_parent_problem_type_takes_in_its_sub_types(
    reader: Reader, sample_model: SampleModel
) -> None:
    parent = sample_model.problem_with_subtypes()
    only_children = [
        e
        for e in sample_model.entries
        if parent["id"] not in e["problem_types"]
        and sample_model.covered_problems(parent["id"]).intersection(e["problem_types"])
    ]
    assert only_children, "the sample needs an entry filed only under a sub-type"
    open_explore(reader)
    choose(reader, "problem", parent["id"])
    listed = shown(reader)
    assert all(sample_model.path_of(e) in listed for e in only_children)
    assert option_counts(reader, "problem")[parent["id"]] == parent["entries_with_subtypes"]


def test_filters_combine_and_counts_follow(reader: Reader, sample_model: SampleModel) -> None:
    """Every option's count is what choosing it would show, given the other filters."""
    anchor = max(
        sorted(sample_model.entries, key=lambda e: e["id"]), key=lambda e: len(e["contributors"])
    )
    root = anchor["problem_types"][0]
    while sample_model.problem(root)["parent"]:
        root = sample_model.problem(root)["parent"]
    chosen = {"kind": anchor["kind"], "problem": root, "member": anchor["contributors"][0]}
    if anchor["level"]:
        chosen["level"] = anchor["level"]
    open_explore(reader)
    for facet, value in chosen.items():
        choose(reader, facet, value)
    want = expected(sample_model, **chosen)
    assert sample_model.path_of(anchor) in want
    assert shown(reader) == want

    for facet in FACETS:
        others = {f: v for f, v in chosen.items() if f != facet}
        counts = option_counts(reader, facet)
        assert counts[""] == len(expected(sample_model, **others)), facet
        for value, count in counts.items():
            if value:
                wanted = expected(sample_model, **others, **{facet: value})
                assert count == len(wanted), (facet, value)


def test_the_address_keeps_the_filters_and_restores_them(
    reader: Reader, reader_factory: OpenReader, sample_model: SampleModel
) -> None:
    choices = one_choice_per_facet(sample_model)
    chosen = {"kind": choices["kind"], "problem": choices["problem"]}
    open_explore(reader)
    for facet, value in chosen.items():
        choose(reader, facet, value)
    query = parse_qs(urlsplit(reader.page.url).query)
    assert query == {facet: [value] for facet, value in chosen.items()}

    shared = reader_factory()
    open_explore(shared, "?" + urlsplit(reader.page.url).query)
    for facet in FACETS:
        assert shared.page.locator(f"#rep-explore-{facet}").input_value() == chosen.get(facet, "")
    assert shown(shared) == expected(sample_model, **chosen) == shown(reader)

    shared.page.get_by_role("button", name="Clear filters").click()
    assert urlsplit(shared.page.url).query == ""
    assert shown(shared) == expected(sample_model)
    assert reader.errors == shared.errors == []


def most_used_first(sample_model: SampleModel, **filters: str) -> list[str]:
    """The entries as "Most used first" lists them: by uses recorded in the export's `uses`
    list, then in listing order (newest first)."""
    uses = Counter(u["entry"] for u in sample_model.data["uses"])
    ordered = sorted(sample_model.matching(**filters), key=lambda e: -uses[e["id"]])
    return [sample_model.path_of(e) for e in ordered]


def test_most_used_first_orders_by_recorded_uses_and_the_address_keeps_it(
    reader: Reader, reader_factory: OpenReader, sample_model: SampleModel
) -> None:
    open_explore(reader)
    reader.page.locator("#rep-explore-sort").select_option("used")
    want = most_used_first(sample_model)
    assert want != expected(sample_model), "the sample's uses must change the order"
    assert shown(reader) == want
    assert parse_qs(urlsplit(reader.page.url).query) == {"sort": ["used"]}
    uses = Counter(u["entry"] for u in sample_model.data["uses"])
    top = sample_model.entry(max(sorted(uses), key=uses.__getitem__))
    first = reader.page.locator(".rep-explore-results > li").first.inner_text()
    said = "used once" if uses[top["id"]] == 1 else f"used {uses[top['id']]} times"
    assert first.startswith(top["title"]) and said in first

    kind = one_choice_per_facet(sample_model)["kind"]
    shared = reader_factory()
    open_explore(shared, f"?kind={kind}&sort=used")
    assert shared.page.locator("#rep-explore-sort").input_value() == "used"
    assert shown(shared) == most_used_first(sample_model, kind=kind)
    shared.page.get_by_role("button", name="Clear filters").click()
    assert parse_qs(urlsplit(shared.page.url).query) == {"sort": ["used"]}
    assert reader.errors == shared.errors == []


def test_an_unknown_value_in_the_address_means_any(
    reader: Reader, sample_model: SampleModel
) -> None:
    open_explore(reader, "?kind=no-such-kind&member=nobody")
    assert reader.page.locator("#rep-explore-kind").input_value() == ""
    assert shown(reader) == expected(sample_model)


def test_without_javascript_the_page_leads_to_the_plain_listings(
    reader_factory: OpenReader, sample_model: SampleModel
) -> None:
    """The page carries no copy of every entry (its data is explore.json): without the script
    it links to the listings by problem type, member and kind."""
    reader = reader_factory(javascript=False)
    page = reader.open("explore/")
    assert page.locator(".rep-explore-filters").count() == 0
    assert page.locator("#rep-explore li").count() == 0
    intro_links = {
        urlsplit(h).path.lstrip("/")
        for h in page.locator("#rep-explore > p a").evaluate_all("ls => ls.map(a => a.href)")
    }
    kinds: list[dict[str, Any]] = sample_model.data["kinds"]
    assert {"problems/", "members/", *(f"{k['folder']}/" for k in kinds)} <= intro_links


def test_the_script_does_nothing_on_other_pages(reader: Reader, sample_model: SampleModel) -> None:
    """explore.js is on every page; away from /explore/ it must not even fetch the data."""
    requested: list[str] = []
    reader.page.on("request", lambda request: requested.append(request.url))
    for site_path in ("", sample_model.page_types()["entry"], "problems/"):
        reader.open(site_path)
        assert reader.page.locator(".rep-explore-filters").count() == 0
    assert not [url for url in requested if url.endswith("repertoire.json")]
    assert reader.errors == []
