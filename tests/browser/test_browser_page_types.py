"""Every page type a reader meets, in a real browser: it loads without a console error or a
failed request, it fits a 375 px phone screen without sideways scrolling, and a screenshot of it
at desktop and phone width is left in test-artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import pytest

from tests.support.browser import (
    DESKTOP,
    MEASURE_OVERFLOW,
    MODELLED_PAGE_TYPES,
    PHONE,
    OpenReader,
    Reader,
    SampleModel,
)

PAGE_TYPES = MODELLED_PAGE_TYPES


def test_the_sample_has_every_page_type(sample_model: SampleModel) -> None:
    """The parametrised tests below cover exactly the page types the model knows."""
    assert set(sample_model.page_types()) == set(PAGE_TYPES)


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_loads_without_errors_at_desktop_width(
    page_type: str, reader_factory: OpenReader, sample_model: SampleModel
) -> None:
    reader = reader_factory(viewport=DESKTOP)
    page = reader.open(sample_model.page_types()[page_type])
    assert page.locator("article h1").count() == 1, f"{page_type}: no single page title"
    reader.screenshot(f"{page_type}-desktop")
    assert reader.errors == []


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_fits_a_phone_screen(
    page_type: str, reader_factory: OpenReader, sample_model: SampleModel
) -> None:
    """At 375 px the page never scrolls sideways; wide tables scroll inside their own box."""
    reader = reader_factory(viewport=PHONE)
    page = reader.open(sample_model.page_types()[page_type])
    reader.screenshot(f"{page_type}-phone")
    measured = page.evaluate(MEASURE_OVERFLOW)
    assert measured["scrollWidth"] <= measured["innerWidth"], measured
    assert reader.errors == []


def test_pages_load_no_styles_or_fonts_from_other_hosts(reader: Reader) -> None:
    reader.open("")
    assert not [url for url in reader.blocked if "font" in url or url.endswith(".css")]
