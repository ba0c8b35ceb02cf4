"""Fixtures of the cross-index tests: the sample's independent truth and a reader of its pages."""

from __future__ import annotations

from functools import lru_cache

import pytest

from tests.support.crossindex_html import load_page
from tests.support.crossindex_sites import PageReader
from tests.support.crossindex_truth import Truth, read_truth
from tests.support.sites import Site


@pytest.fixture(scope="session")
def sample_truth(sample_site: Site) -> Truth:
    """The sample's records read from its Markdown with PyYAML alone."""
    return read_truth(sample_site.root / "repertoire")


@pytest.fixture(scope="session")
def sample_page(sample_site: Site) -> PageReader:
    """A page of the built sample by URL ('problems/sampling/'), parsed once."""
    return lru_cache(maxsize=None)(lambda url: load_page(sample_site.site_dir, url))
