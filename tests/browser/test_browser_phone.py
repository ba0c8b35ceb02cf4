"""A reader on a 375 px phone (issue 11, item 7), in Chromium.

No page of any type scrolls sideways; the who-knows-what matrix scrolls inside its own box and
keeps its member column (and its header row) in view; dates never break inside the value; the
path's Done box, the listing pager and the "N more" of the people to ask are tap targets of at
least 24 × 24 px (WCAG 2.5.8); after a filter on the explore page the count, with its link to
the results, is on the first screen; on the home page "at a glance" starts within the second.

The sample has no listing long enough to paginate and no problem type with more than seven
people to ask, so a small site built here, with `page_size: 3` and nine members on one problem
type, stands in for those two.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.browser import (
    EVERY_PAGE_TYPE,
    MEASURE_OVERFLOW,
    PHONE,
    OpenReader,
    Reader,
    SampleModel,
    pages_by_type,
    served,
)
from tests.support.crossindex_sites import entry, member, merge, problem
from tests.support.sites import BASE_CONFIG, Site

# The not-found page is Material's own and addressed from the deployed root (see
# test_browser_no_third_party); every other type is read here.
PHONE_PAGE_TYPES = tuple(t for t in EVERY_PAGE_TYPE if t != "not-found")
# Page types whose listings or panels show dates, so the date test cannot pass on nothing.
DATED_PAGE_TYPES = {"home", "kind", "entry", "member", "problem-type", "whats-new", "explore"}
TAP_TARGET_PX = 24

# Every rendered <time> in the article that takes more than one line box: a broken date.
BROKEN_DATES = """() => [...document.querySelectorAll("article time")].flatMap(time => {
  const rects = time.getClientRects();
  if (rects.length <= 1) return [];
  const lineHeight = parseFloat(getComputedStyle(time).lineHeight);
  if (Math.abs(time.getBoundingClientRect().height - lineHeight) < 1) return [];
  return [time.textContent + " in: "
          + (time.closest("li, p, td, dd") || time).textContent.trim().slice(0, 80)];
})"""

# Scroll every matrix as far as it goes (sideways, and down where `down` is set); then, for
# each, whether its first row's member cell and its header row are still inside the box and
# painted on top (the element at their centre is theirs, not a cell that slid under them).
SCROLL_MATRICES = """(down) => [...document.querySelectorAll(".rep-matrix")].map(matrix => {
  matrix.scrollIntoView({block: "start"});
  window.scrollBy(0, -document.querySelector(".md-header").offsetHeight);  // from under the header
  const wide = matrix.scrollWidth > matrix.clientWidth + 1;
  const tall = matrix.scrollHeight > matrix.clientHeight + 1;
  matrix.scrollLeft = 100000;
  if (down) matrix.scrollTop = 100000;
  const box = matrix.getBoundingClientRect();
  const inView = (cell) => {
    const b = cell.getBoundingClientRect();
    const inside = b.left >= box.left - 1 && b.right <= box.right + 1
      && b.top >= box.top - 1 && b.bottom <= box.bottom + 1;
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return inside && hit !== null && cell.contains(hit);
  };
  const rows = matrix.querySelectorAll("tbody tr");
  const lastVisible = down ? rows[rows.length - 1] : rows[0];
  return {
    label: matrix.getAttribute("aria-label"), wide, tall,
    left: matrix.scrollLeft, top: matrix.scrollTop,
    member: inView(lastVisible.querySelector("th.rep-matrix-member")),
    corner: inView(matrix.querySelector("thead th.rep-matrix-member")),
  };
})"""


def open_settled(reader: Reader, site_path: str) -> None:
    """Open a page and wait for what our scripts add (explore's results are built by script)."""
    page = reader.open(site_path)
    if site_path == "explore/":
        page.locator("#rep-explore[data-rep-ready='yes']").wait_for()


def box_of(reader: Reader, selector: str) -> list[dict[str, float]]:
    """The bounding boxes of every element matching `selector`, in page order."""
    return list(
        reader.page.locator(selector).evaluate_all(
            "nodes => nodes.map(n => { const b = n.getBoundingClientRect();"
            " return {width: b.width, height: b.height, top: b.top, bottom: b.bottom,"
            " text: n.textContent.trim()}; })"
        )
    )


def too_small(boxes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [b for b in boxes if b["width"] < TAP_TARGET_PX or b["height"] < TAP_TARGET_PX]


@pytest.fixture(scope="module")
def phone_pages(sample_model: SampleModel, site_dir: Path) -> dict[str, list[str]]:
    return pages_by_type(sample_model, site_dir)


@pytest.fixture(scope="module")
def phone_reader(browser: Any, base_url: str) -> Iterator[Reader]:
    """One phone tab for the read-only page checks: opening a page is most of their cost."""
    context = browser.new_context(viewport=PHONE, reduced_motion="reduce")
    try:
        yield Reader.attach(context, base_url)
    finally:
        context.close()


# ----- every page type ----------------------------------------------------------------------


@pytest.mark.parametrize("page_type", PHONE_PAGE_TYPES)
def test_no_page_scrolls_sideways_on_a_phone(
    page_type: str,
    phone_pages: dict[str, list[str]],
    phone_reader: Reader,
) -> None:
    """At 375 px the document is never wider than the screen; wide tables scroll in a box."""
    assert phone_pages[page_type], f"the sample has no {page_type} page"
    for site_path in phone_pages[page_type]:
        open_settled(phone_reader, site_path)
        measured = phone_reader.page.evaluate(MEASURE_OVERFLOW)
        assert measured["scrollWidth"] <= measured["innerWidth"], (site_path or "(home)", measured)
    assert phone_reader.errors == []


@pytest.mark.parametrize("page_type", PHONE_PAGE_TYPES)
def test_dates_never_break_inside_the_value(
    page_type: str,
    phone_pages: dict[str, list[str]],
    phone_reader: Reader,
) -> None:
    """Every date in the article sits on one line (the issue saw `2026-11-` / `26`)."""
    dates = 0
    for site_path in phone_pages[page_type]:
        open_settled(phone_reader, site_path)
        assert phone_reader.page.evaluate(BROKEN_DATES) == [], site_path or "(home)"
        dates += phone_reader.page.locator("article time").count()
    if page_type in DATED_PAGE_TYPES:
        assert dates > 0, f"{page_type}: no <time> to check; the dates are not marked up"


# ----- who knows what -----------------------------------------------------------------------


def test_a_matrix_scrolled_sideways_keeps_its_member_column(reader_factory: OpenReader) -> None:
    reader = reader_factory(viewport=PHONE)
    reader.open("who-knows-what/")
    matrices = reader.page.evaluate(SCROLL_MATRICES, False)
    wide = [m for m in matrices if m["wide"]]
    assert wide, "no matrix of the sample is wider than a phone: the test would prove nothing"
    for matrix in wide:
        assert matrix["left"] > 0, matrix
        assert matrix["member"], f"member column scrolled out of view: {matrix}"
    assert reader.errors == []


def test_a_tall_matrix_keeps_its_header_row_and_member_column(reader_factory: OpenReader) -> None:
    """A group of many members scrolls down inside its box (at most about two thirds of the
    screen); the header row and the member column stay. A short screen makes the sample's
    groups tall enough."""
    reader = reader_factory(viewport={"width": PHONE["width"], "height": 320})
    reader.open("who-knows-what/")
    matrices = reader.page.evaluate(SCROLL_MATRICES, True)
    tall = [m for m in matrices if m["tall"]]
    assert tall, "no matrix scrolls down at 375 × 320: the box has no height limit"
    for matrix in tall:
        assert matrix["top"] > 0, matrix
        assert matrix["corner"] and matrix["member"], f"scrolled out of view: {matrix}"


# ----- tap targets --------------------------------------------------------------------------


def test_the_done_box_is_a_big_enough_target(
    reader_factory: OpenReader,
    sample_model: SampleModel,
) -> None:
    """The label holds the box and its word, so the label is the target: it is measured, and
    a tap on its far end (away from the box) ticks the step and is kept in localStorage."""
    path = sample_model.first_path()
    reader = reader_factory(viewport=PHONE)
    reader.open(sample_model.path_of(path))
    labels = reader.page.locator("label.rep-progress")
    assert labels.count() == len(path["steps"])
    assert too_small(box_of(reader, "label.rep-progress")) == []
    assert too_small(box_of(reader, "input.rep-progress-box")) == [], "the box itself is tiny"

    first = labels.first
    size = first.bounding_box()
    assert size is not None
    first.click(position={"x": size["width"] - 2, "y": size["height"] / 2})
    assert first.locator("input.rep-progress-box").is_checked()
    stored = reader.page.evaluate(f"localStorage.getItem('repertoire:path:{path['id']}')")
    assert stored is not None and path["steps"][0]["entry"] in stored
    assert reader.errors == []


MEMBERS = [f"member-{n}" for n in range(1, 10)]
SMALL_SITE = merge(
    problem("alpha", "Alpha work"),
    *(member(m) for m in MEMBERS),
    *(
        entry(f"cases/case-{n}", ["alpha"], [m], f"2024-01-{n:02d}")
        for n, m in enumerate(MEMBERS, 1)
    ),
    entry("cases/case-10", ["alpha"], [MEMBERS[0]], "2024-02-01"),
)


@pytest.fixture(scope="module")
def small_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Ten cases on one problem type by nine members, three to a listing page, served."""
    site = Site(tmp_path_factory.mktemp("phone-small") / "project")
    site.root.mkdir()
    (site.root / "mkdocs.yml").write_text(
        BASE_CONFIG.format(options=":\n      page_size: 3"), encoding="utf-8"
    )
    site.write(SMALL_SITE)
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    with served(site.site_dir) as url:
        yield url


def test_pagination_links_are_big_enough_targets(
    reader_factory: OpenReader,
    small_site_url: str,
) -> None:
    reader = reader_factory(viewport=PHONE, site_url=small_site_url)
    reader.open("cases/page/2/")  # a middle page: newer, older and every number
    links = box_of(reader, "nav.rep-pagination a")
    assert len(links) >= 4, links
    assert too_small(links) == []
    assert reader.errors == []


def test_more_people_to_ask_unfold_from_a_big_enough_target(
    reader_factory: OpenReader,
    small_site_url: str,
) -> None:
    """Nine people on one problem type: five are listed and the other four fold away."""
    reader = reader_factory(viewport=PHONE, site_url=small_site_url)
    page = reader.open("who-knows-what/")
    summary = page.locator("ul.rep-ask details.rep-ask-more > summary")
    assert summary.count() == 1
    assert summary.inner_text().strip() == "and 4 more"
    assert too_small(box_of(reader, "ul.rep-ask details.rep-ask-more > summary")) == []
    folded = page.locator("ul.rep-ask details.rep-ask-more a")
    assert folded.count() == 4 and not folded.first.is_visible()
    summary.click()
    assert folded.first.is_visible()
    assert reader.errors == []


# ----- the first screens --------------------------------------------------------------------


def test_after_a_filter_the_count_is_on_the_first_screen(
    reader_factory: OpenReader,
    sample_model: SampleModel,
) -> None:
    reader = reader_factory(viewport=PHONE)
    open_settled(reader, "explore/")
    page = reader.page
    page.locator("#rep-explore-kind").select_option(sample_model.data["kinds"][0]["singular"])
    count = page.locator(".rep-explore-count")
    assert count.locator("a").get_attribute("href") == "#rep-explore-results"
    box = count.bounding_box()
    assert box is not None
    assert page.evaluate("window.scrollY") == 0
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], box


def test_at_a_glance_starts_within_the_second_screen(reader_factory: OpenReader) -> None:
    """The path cards above it are compact enough (they filled 1,150 px before issue 11)."""
    reader = reader_factory(viewport=PHONE)
    page = reader.open("")
    heading = page.get_by_role("heading", name="The repertoire at a glance")
    top = heading.evaluate("h => h.getBoundingClientRect().top + window.scrollY")
    assert top < 2 * PHONE["height"], top
