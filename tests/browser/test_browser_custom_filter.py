"""A community's own field as a filter of the explore page, in a real browser.

The nurses' site (tests/support/community_shape.py) shows its `shift` choice field in
explore: the page adds a select labelled as configured, with the choices' labels in their
order and live counts, and choosing one lists exactly the entries whose front matter has it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.support.browser import OpenReader, Reader, served
from tests.support.community_shape import CONFIG, FILES, SHIFT, build_nurses


@pytest.fixture(scope="module")
def nurses_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = build_nurses(tmp_path_factory.mktemp("nurses-browser") / "project")
    with served(site.site_dir) as url:
        yield url


def _entries_with(shift: str) -> list[str]:
    return sorted(
        path.removeprefix("repertoire/").removesuffix(".md") + "/"
        for path, text in FILES.items()
        if re.search(rf"^shift: {shift}$", text, re.MULTILINE)
    )


def _open(reader_factory: OpenReader, nurses_url: str, query: str = "") -> Reader:
    reader = reader_factory(site_url=nurses_url)
    reader.open("explore/" + query)
    reader.page.locator("#rep-explore[data-rep-ready='yes']").wait_for()
    return reader


def _shown(reader: Reader) -> list[str]:
    hrefs = reader.page.locator(".rep-explore-results > li > strong > a").evaluate_all(
        "links => links.map(a => a.href)"
    )
    return sorted(urlsplit(href).path.split("/", 1)[1] for href in hrefs)


def test_the_field_is_a_filter_with_its_label_and_its_choices(reader_factory, nurses_url):
    reader = _open(reader_factory, nurses_url)
    label = reader.page.locator("label[for='rep-explore-shift']").inner_text()
    assert label == SHIFT["label"]
    options = reader.page.locator("#rep-explore-shift option").evaluate_all(
        "options => options.map(o => [o.value, o.textContent])"
    )
    choices = [c if isinstance(c, dict) else {"id": c} for c in SHIFT["choices"]]
    assert [value for value, _ in options] == ["", *(c["id"] for c in choices)]
    for choice, (_, text) in zip(choices, options[1:], strict=True):
        label = choice.get("label", choice["id"])
        assert text == f"{label} ({len(_entries_with(choice['id']))})"
    assert reader.errors == []


@pytest.mark.parametrize("shift", ["night", "evening"])
def test_choosing_a_value_lists_exactly_the_entries_that_have_it(reader_factory, nurses_url, shift):
    reader = _open(reader_factory, nurses_url)
    reader.page.locator("#rep-explore-shift").select_option(shift)
    assert _shown(reader) == _entries_with(shift)
    assert f"shift={shift}" in reader.page.url
    again = _open(reader_factory, nurses_url, f"?shift={shift}")
    assert _shown(again) == _entries_with(shift)


def test_levels_are_offered_by_their_labels(reader_factory, nurses_url):
    reader = _open(reader_factory, nurses_url)
    texts = reader.page.locator("#rep-explore-level option").all_inner_texts()
    labelled = [c["label"] for c in CONFIG["levels"] if isinstance(c, dict) and "label" in c]
    used = [label for label in labelled if any(label in text for text in texts)]
    assert used, texts
