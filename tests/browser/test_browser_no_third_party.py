"""No page makes the reader's browser contact another host, as mkdocs.yml promises.

Every page type of the built sample is opened in a fresh tab (so nothing Material cached in the
session, such as repository facts, can hide a request on a later page), the search box is used
so that the search worker and its index load, and every request the tab makes is recorded,
those the suite refuses included. A request to any host but the served site fails the test with
its URL. Material's repository facts from GitHub's API were such a request on every page until
overrides/partials/source.html.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import pytest
import yaml

from tests.support.browser import (
    EVERY_PAGE_TYPE,
    NOT_FOUND_PAGE,
    OpenReader,
    Reader,
    SampleModel,
    search,
)
from tests.support.browser import pages_by_type as pages_of_every_type
from tests.support.sites import Site

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, Request, Route

# Every page type a reader can reach; a type that yields no page of the built sample fails the
# first test.
PAGE_TYPES = EVERY_PAGE_TYPE


@pytest.fixture(scope="module")
def pages_by_type(sample_model: SampleModel, site_dir: Path) -> dict[str, list[str]]:
    """The site paths to read for each page type (see browser_support.pages_by_type)."""
    return pages_of_every_type(sample_model, site_dir)


@dataclass
class RequestLog:
    """Every request of a browser context, and how many are still open, to wait for quiet."""

    urls: list[str] = field(default_factory=list)
    in_flight: int = 0
    last_change: float = field(default_factory=time.monotonic)

    @classmethod
    def attach(cls, context: BrowserContext) -> RequestLog:
        log = cls()
        context.on("request", log._started)
        context.on("requestfinished", log._ended)
        context.on("requestfailed", log._ended)
        return log

    def wait_for_network_idle(
        self, reader: Reader, quiet_s: float = 0.5, limit_s: float = 15.0
    ) -> None:
        """Wait until no request has been open for `quiet_s`; Playwright's own networkidle
        only covers the load, not what typing into search starts afterwards."""
        deadline = time.monotonic() + limit_s
        while time.monotonic() < deadline:
            if self.in_flight <= 0 and time.monotonic() - self.last_change >= quiet_s:
                return
            reader.page.wait_for_timeout(100)  # lets Playwright deliver the pending events
        raise AssertionError(f"requests still open after {limit_s} s: {self.urls[-5:]}")

    def _started(self, request: Request) -> None:
        self.urls.append(request.url)
        self.in_flight += 1
        self.last_change = time.monotonic()

    def _ended(self, request: Request) -> None:
        self.in_flight -= 1
        self.last_change = time.monotonic()


def other_hosts(urls: list[str], base_url: str) -> list[str]:
    """The URLs that reach any host but the served site's (data: and about: reach none)."""
    site = urlsplit(base_url).netloc
    return [
        url
        for url in urls
        if not url.startswith(("data:", "about:"))
        and urlsplit(url.removeprefix("blob:")).netloc != site
    ]


def serve_from_site_root(reader: Reader, site_url: str | None) -> None:
    """Map the site's deployed root path (/repertoire/) onto the served root. The 404 page
    addresses its assets from there, since a server shows it at any missing address."""
    prefix = urlsplit(site_url or "").path.strip("/")
    if not prefix:
        return
    mounted = f"{reader.base_url}{prefix}/"

    def rewrite(route: Route, request: Request) -> None:
        route.continue_(url=reader.base_url + request.url.removeprefix(mounted))

    reader.page.route(f"{mounted}**", rewrite)


def test_every_page_type_has_pages_to_read(
    pages_by_type: dict[str, list[str]], sample_model: SampleModel, site_dir: Path
) -> None:
    """A page type the model knows and this test does not, or one the sample lost, fails."""
    assert set(sample_model.page_types()) <= set(PAGE_TYPES)
    assert set(pages_by_type) == set(PAGE_TYPES)
    for page_type, paths in pages_by_type.items():
        assert paths, f"the built sample has no {page_type} page"
        for path in paths:
            path = path.split("?", 1)[0]  # the record page's address names an entry
            built = site_dir / (path if path.endswith(".html") else path + "index.html")
            assert built.is_file(), f"{page_type}: {path} is not in the built site"
    assert len(pages_by_type["kind"]) == len(sample_model.data["kinds"])
    assert len(pages_by_type["entry"]) >= len(sample_model.data["kinds"])


@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_contacts_only_the_site(
    page_type: str,
    pages_by_type: dict[str, list[str]],
    reader_factory: OpenReader,
    sample_model: SampleModel,
    base_url: str,
) -> None:
    # One word of a title: enough for the worker to search, and quick to type.
    query = max(min(sample_model.entries, key=lambda e: e["id"])["title"].split(), key=len)
    off_site: list[str] = []
    for path in pages_by_type[page_type]:
        reader = reader_factory()
        log = RequestLog.attach(reader.page.context)
        if path == NOT_FOUND_PAGE:
            serve_from_site_root(reader, sample_model.site_url)
        reader.open(path)
        assert search(reader, query), f"{path}: search found nothing for {query!r}"
        log.wait_for_network_idle(reader)
        assert any(url.endswith("/search/search_index.json") for url in log.urls), (
            f"{path}: the search index never loaded, so the test saw less than a reader does"
        )
        off_site.extend(f"{path or '(home)'}: {url}" for url in other_hosts(log.urls, base_url))
    assert off_site == [], "requests to another host:\n" + "\n".join(off_site)


def test_the_repository_link_stays(reader: Reader, sample_site: Site) -> None:
    """The override drops only the facts: the header still links to the repository."""
    config = yaml.safe_load((sample_site.root / "mkdocs.yml").read_text(encoding="utf-8"))
    page = reader.open("")
    assert page.locator(f'a[href="{config["repo_url"]}"]').count() >= 1
