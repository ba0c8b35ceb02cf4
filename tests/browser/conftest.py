"""Fixtures of the browser suite: the built sample served on 127.0.0.1, and headless Chromium.

The sample is built once per session (strict) by the shared `sample_site` fixture and served by
a small threaded `http.server` on a free loopback port (`tests.support.browser.served`).
Playwright drives Debian's `chromium` through `executable_path`; nothing is downloaded. Every
request the pages make to another host (web fonts, the repository's API) is refused in the
browser, so the suite stays on this machine.

Where Playwright or Chromium is missing the browser tests are skipped with the reason; when the
`CI` variable is set they fail instead, so a CI machine can never pass by running nothing.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

from tests.support.browser import DESKTOP, OpenReader, Reader, SampleModel, served
from tests.support.sites import Site

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable() -> str | None:
    """Debian's Chromium, or the one named by REPERTOIRE_CHROMIUM."""
    named = os.environ.get("REPERTOIRE_CHROMIUM")
    if named:
        return named if Path(named).is_file() else None
    return shutil.which("chromium") or shutil.which("chromium-browser")


def missing_browser(reason: str) -> NoReturn:
    """Skip on a developer's machine; fail loudly in CI."""
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


@pytest.fixture(scope="session")
def sample_model(sample_site: Site) -> SampleModel:
    """The sample's exported data."""
    return SampleModel(json.loads((sample_site.site_dir / "repertoire.json").read_text("utf-8")))


@pytest.fixture(scope="session")
def site_dir(sample_site: Site) -> Path:
    """The built sample's output folder."""
    return sample_site.site_dir


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The built sample, served on a free loopback port for the whole session."""
    with served(site_dir) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium per test module (Playwright gives it a fresh profile).

    Module scope, not session: Playwright's sync API cannot start while another instance runs
    in the same thread, so this one must be gone before other folders' browser tests start.
    """
    try:
        from playwright.sync_api import Error as PlaywrightError
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing_browser("Playwright for Python is not installed (make test installs it)")
    executable = chromium_executable()
    if executable is None:
        missing_browser("no chromium executable (install Debian's: apt-get install chromium)")
    with sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(
                executable_path=executable, headless=True, args=CHROMIUM_FLAGS
            )
        except PlaywrightError as error:
            missing_browser(f"{executable} would not start: {error}")
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's browser script, from the PyPI package that ships it (never a CDN)."""
    try:
        script = resources.files("axe_playwright_python").joinpath("axe.min.js")
        return script.read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError):
        missing_browser("axe-core is not installed (axe-playwright-python; make test installs it)")


@pytest.fixture
def reader_factory(browser: Browser, base_url: str) -> Iterator[OpenReader]:
    """Open a reader's tab: desktop width, light scheme and the sample unless told otherwise."""
    contexts: list[BrowserContext] = []

    def open_reader(
        viewport: dict[str, int] | None = None,
        color_scheme: str = "light",
        javascript: bool = True,
        site_url: str | None = None,
    ) -> Reader:
        """`site_url` is another served site's base URL (see `served`); the sample's if None."""
        context = browser.new_context(
            viewport=viewport or DESKTOP,
            color_scheme=color_scheme,  # type: ignore[arg-type]
            java_script_enabled=javascript,
            reduced_motion="reduce",
        )
        contexts.append(context)
        return Reader.attach(context, site_url or base_url)

    yield open_reader
    for context in contexts:
        context.close()


@pytest.fixture
def reader(reader_factory: OpenReader) -> Reader:
    """A reader at desktop width in the light scheme."""
    return reader_factory()
