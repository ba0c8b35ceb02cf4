"""What the browser tests know about the built sample, and the reader's browser tab.

`SampleModel` reads the sample's `repertoire.json`: the tests never hard-code a slug of the
sample community, they pick their pages (an entry in two paths, a problem type with sub-types,
...) and compute what the explore filters should show from the export, so the sample can grow
without breaking them. `Reader` is one tab that records every console error, uncaught
exception and failed response, and refuses requests to any host but this machine.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext, ConsoleMessage, Page, Request, Response, Route

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
LOOPBACK = {"127.0.0.1", "localhost"}


# Horizontal overflow of the document, and which elements stick out past the right edge (boxes
# that scroll on their own, such as wide tables and the matrix, may).
MEASURE_OVERFLOW = """() => {
  const width = window.innerWidth;
  const scroller = document.scrollingElement;
  const culprits = [];
  for (const node of document.querySelectorAll("body *")) {
    const box = node.getBoundingClientRect();
    if (box.width && box.right > width + 1 && !node.closest(
        ".md-typeset__scrollwrap, .rep-matrix, .rep-table-scroll, .highlight, "
        + ".md-sidebar, .md-search, .md-nav")) {
      const classes = node.className && typeof node.className === "string"
        ? "." + node.className.trim().split(/\\s+/).join(".") : "";
      culprits.push(node.tagName.toLowerCase() + classes + " right=" + Math.round(box.right));
    }
    if (culprits.length >= 5) break;
  }
  return {scrollWidth: scroller.scrollWidth, innerWidth: width, culprits};
}"""


class _QuietHandler(SimpleHTTPRequestHandler):
    """Serves a built site without logging every request to stderr."""

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        pass


@contextmanager
def served(directory: Path) -> Iterator[str]:
    """A built site served on a free loopback port while the block runs: its base URL.

    The sample is served so for the whole session; modules that build a site of their own (a
    paginated one, a large synthetic one) serve it the same way."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, name=f"site-{directory.name}", daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def site_relative(url: str, site_url: str | None) -> str:
    """The path of an exported URL below the site root (`""` for the home page)."""
    if site_url and url.startswith(site_url.rstrip("/") + "/"):
        return url[len(site_url.rstrip("/")) + 1 :]
    return url.lstrip("/")


def newest_first_key(entry: dict[str, Any]) -> tuple[str, str, str]:
    """The listing order of the site: last changed, then first shared (both newest first), id."""
    changed = entry["updated"] or entry["date"]
    return (_descending(changed), _descending(entry["date"]), entry["id"])


def _descending(iso_date: str) -> str:
    # ISO dates sort as text; flipping each digit turns ascending order into descending.
    return iso_date.translate(str.maketrans("0123456789", "9876543210"))


@dataclass(frozen=True)
class SampleModel:
    """The exported data of the built sample, with the look-ups the tests need."""

    data: dict[str, Any]

    @property
    def site_url(self) -> str | None:
        url = self.data["site"]["url"]
        return str(url) if url else None

    def path_of(self, record: dict[str, Any]) -> str:
        """The site-relative path of an exported record's page."""
        return site_relative(record["url"], self.site_url)

    @property
    def entries(self) -> list[dict[str, Any]]:
        return list(self.data["entries"])

    def entry(self, entry_id: str) -> dict[str, Any]:
        return next(e for e in self.entries if e["id"] == entry_id)

    def problem(self, problem_id: str) -> dict[str, Any]:
        return next(p for p in self.data["problem_types"] if p["id"] == problem_id)

    def member(self, member_id: str) -> dict[str, Any]:
        return next(m for m in self.data["members"] if m["id"] == member_id)

    def path(self, path_id: str) -> dict[str, Any]:
        return next(p for p in self.data["paths"] if p["id"] == path_id)

    def covered_problems(self, problem_id: str) -> set[str]:
        """A problem type and every sub-type below it."""
        found: set[str] = set()
        stack = [problem_id]
        while stack:
            current = stack.pop()
            if current not in found:
                found.add(current)
                stack.extend(self.problem(current)["children"])
        return found

    def matching(
        self, kind: str = "", problem: str = "", member: str = "", level: str = ""
    ) -> list[dict[str, Any]]:
        """The entries the explore page must show for these filters, in listing order."""
        covered = self.covered_problems(problem) if problem else set()
        chosen = [
            e
            for e in self.entries
            if (not kind or e["kind"] == kind)
            and (not problem or covered.intersection(e["problem_types"]))
            and (not member or member in e["contributors"])
            and (not level or e["level"] == level)
        ]
        return sorted(chosen, key=newest_first_key)

    # ----- representative pages ------------------------------------------------------------

    def entry_in_most_paths(self) -> dict[str, Any]:
        """An entry that several paths share, so its page carries more than one pager."""

        def paths_holding(entry: dict[str, Any]) -> int:
            return sum(entry["id"] in [s["entry"] for s in p["steps"]] for p in self.data["paths"])

        return max(sorted(self.entries, key=lambda e: e["id"]), key=paths_holding)

    def problem_with_subtypes(self) -> dict[str, Any]:
        """The problem type whose sub-types hold the most entries."""
        parents = [p for p in self.data["problem_types"] if p["children"]]
        return max(sorted(parents, key=lambda p: p["id"]), key=lambda p: p["entries_with_subtypes"])

    def busiest_member(self) -> dict[str, Any]:
        members = sorted(self.data["members"], key=lambda m: m["id"])
        return max(members, key=lambda m: m["contributions"])

    def first_path(self) -> dict[str, Any]:
        return min(self.data["paths"], key=lambda p: p["id"])

    def first_due_entry(self) -> dict[str, Any]:
        """The first entry (by id) due for review: its page shows the review notice."""
        return min((e for e in self.entries if e["due_for_review"]), key=lambda e: e["id"])

    def page_types(self) -> dict[str, str]:
        """One page of every type a reader meets, by name: its site-relative path."""
        kinds = self.data["kinds"]
        return {
            "home": "",
            "entry": self.path_of(self.entry_in_most_paths()),
            "problem-type": self.path_of(self.problem_with_subtypes()),
            "member": self.path_of(self.busiest_member()),
            "path": self.path_of(self.first_path()),
            "paths": "paths/",
            "problem-types": "problems/",
            "members": "members/",
            "kind": site_relative(kinds[0]["url"], self.site_url),
            "explore": "explore/",
            "who-knows-what": "who-knows-what/",
            "gaps": "gaps/",
            "whats-new": "new/",
            "community": "community/",
            "due-for-review": "due-for-review/",
            "due-entry": self.path_of(self.first_due_entry()),
            "record-use": f"record-use/?entry={self.entry_in_most_paths()['id']}",
        }


# Every page type a reader can reach: those SampleModel.page_types() knows, plus the reference
# pages and the not-found page, which it does not model.
EVERY_PAGE_TYPE = (
    "home",
    "kind",
    "entry",
    "member",
    "problem-type",
    "path",
    "paths",
    "members",
    "problem-types",
    "who-knows-what",
    "gaps",
    "whats-new",
    "explore",
    "community",
    "due-for-review",
    "due-entry",
    "record-use",
    "reference",
    "not-found",
)
NOT_FOUND_PAGE = "404.html"
# The page types SampleModel.page_types() knows (every one but the reference and 404 pages).
MODELLED_PAGE_TYPES = tuple(t for t in EVERY_PAGE_TYPE if t not in ("reference", "not-found"))


def pages_by_type(model: SampleModel, site_dir: Path) -> dict[str, list[str]]:
    """The site paths to read for each of EVERY_PAGE_TYPE, taken from the export and the built
    site so that they follow the sample: every kind's index, one entry of each kind, the first
    reference page."""
    pages = {name: [path] for name, path in model.page_types().items()}
    pages["kind"] = [site_relative(kind["url"], model.site_url) for kind in model.data["kinds"]]
    for kind in model.data["kinds"]:
        of_kind = sorted(
            (e for e in model.entries if e["kind"] == kind["singular"]), key=lambda e: e["id"]
        )
        pages["entry"].extend(model.path_of(entry) for entry in of_kind[:1])
    pages["entry"] = list(dict.fromkeys(pages["entry"]))
    pages["reference"] = [
        page.parent.relative_to(site_dir).as_posix() + "/"
        for page in sorted(site_dir.glob("reference/*/index.html"))[:1]
    ]
    pages["not-found"] = [NOT_FOUND_PAGE]
    return pages


@dataclass
class Reader:
    """One browser tab of a reader, recording every error the pages raise."""

    page: Page
    base_url: str
    errors: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    @classmethod
    def attach(cls, context: BrowserContext, base_url: str) -> Reader:
        """A new tab in `context` whose errors are recorded and whose off-site requests fail."""
        reader = cls(context.new_page(), base_url)
        context.route("**/*", reader._route)
        reader.page.on("console", reader._on_console)
        reader.page.on("pageerror", reader._on_page_error)
        reader.page.on("response", reader._on_response)
        return reader

    def open(self, site_path: str) -> Page:
        """Go to a page by its site-relative path and wait until it has settled."""
        self.page.goto(self.base_url + site_path, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def reload(self) -> Page:
        self.page.reload(wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page

    @property
    def site_path(self) -> str:
        """Where the tab is, relative to the site root, without query or fragment."""
        return urlsplit(self.page.url).path.lstrip("/")

    def screenshot(
        self, name: str, folder: Path = SCREENSHOTS, max_height: int | None = None, top: int = 0
    ) -> Path:
        """A full-page picture for people to look at, in test-artifacts/screenshots/ unless
        told otherwise. `max_height` keeps at most that much of a very long page, so that the
        file stays small enough to keep, from `top` (px from the top of the page) down."""
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{name}.png"
        height = self.page.evaluate("document.scrollingElement.scrollHeight") - top
        if top == 0 and (max_height is None or height <= max_height):
            self.page.screenshot(path=str(target), full_page=True)
        else:
            width = self.page.evaluate("window.innerWidth")
            clip = {"x": 0, "y": top, "width": width, "height": min(height, max_height or height)}
            self.page.screenshot(path=str(target), full_page=True, clip=clip)  # type: ignore[arg-type]
        return target

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        source = message.location.get("url", "")
        if any(source.startswith(url) for url in self.blocked):
            return  # the refusal of an off-site request we made on purpose
        self.errors.append(f"console error on {self.page.url}: {message.text} ({source})")

    def _on_page_error(self, error: Exception) -> None:
        self.errors.append(f"uncaught exception on {self.page.url}: {error}")

    def _on_response(self, response: Response) -> None:
        if response.status >= 400:
            self.errors.append(f"HTTP {response.status} for {response.url} (page {self.page.url})")

    def _route(self, route: Route, request: Request) -> None:
        host = urlsplit(request.url).hostname or ""
        if request.url.startswith(("data:", "blob:")) or host in LOOPBACK:
            route.continue_()
        else:
            self.blocked.append(request.url)
            route.abort("blockedbyclient")


def search(reader: Reader, query: str) -> list[str]:
    """Type into Material's search box; the site paths of the pages it lists."""
    page = reader.page
    page.locator("label.md-search__icon, input.md-search__input").first.wait_for()
    page.keyboard.press("/")  # Material's shortcut: focuses the search box
    page.keyboard.type(query)
    page.locator(".md-search-result__item").first.wait_for()
    links = page.locator(".md-search-result__item > a.md-search-result__link")
    hrefs = (a.get_attribute("href") or "" for a in links.all())
    return [urlsplit(href).path.lstrip("/") for href in hrefs]


OpenReader = Callable[..., Reader]
