"""Every internal link of the built sample resolves: each href and src in every HTML file of
site/, relative or absolute under site_url, points at a file that exists, and each #fragment at
an element id in that file. MkDocs validates Markdown links only; this also covers the raw HTML
of templates, the theme's own links and the generated pages. No browser is needed.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.support.browser import SampleModel

LINKING_ATTRIBUTES = {
    "a": "href",
    "area": "href",
    "link": "href",
    "img": "src",
    "script": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
}
NOT_LINKS = ("mailto:", "tel:", "javascript:", "data:")


@dataclass
class ParsedPage:
    """The ids a page defines and the links it makes, with their line numbers."""

    ids: set[str] = field(default_factory=set)
    links: list[tuple[int, str]] = field(default_factory=list)


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parsed = ParsedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        anchors = [values.get("id"), values.get("name") if tag == "a" else None]
        self.parsed.ids.update(anchor for anchor in anchors if anchor)
        attribute = LINKING_ATTRIBUTES.get(tag)
        if attribute and values.get(attribute) is not None:
            self.parsed.links.append((self.getpos()[0], values[attribute] or ""))


def parse_page(path: Path) -> ParsedPage:
    collector = _LinkCollector()
    collector.feed(path.read_text(encoding="utf-8"))
    collector.close()
    return collector.parsed


@dataclass(frozen=True)
class SiteLinks:
    """Resolves links of the built site against its files, the way a browser would."""

    site_dir: Path
    site_url: str  # ends with "/"

    def page_url(self, html_file: Path) -> str:
        return self.site_url + html_file.relative_to(self.site_dir).as_posix()

    def target(self, page_url: str, link: str) -> tuple[str, str] | None:
        """(URL path, fragment) of an internal link, or None for a link to another site.

        A full URL or an absolute path outside site_url's path is another site on the same
        host (a forum, say); a relative link that climbs out of the site stays internal, and
        so is reported as broken.
        """
        parts = urlsplit(urljoin(page_url, link))
        site = urlsplit(self.site_url)
        if (parts.scheme, parts.netloc) != (site.scheme, site.netloc):
            return None
        written = urlsplit(link)
        rooted = written.scheme or written.path.startswith("/")
        if rooted and not parts.path.startswith(site.path):
            return None
        return parts.path, unquote(parts.fragment)

    def file_for(self, url_path: str) -> Path | None:
        """The file a URL path serves, as a static server maps it; None if there is none."""
        base = urlsplit(self.site_url).path
        if not url_path.startswith(base):
            return None
        relative = unquote(url_path[len(base) :])
        candidate = self.site_dir / posixpath.normpath(relative or ".")
        if relative.endswith("/") or candidate.is_dir():
            candidate = candidate / "index.html"
        return candidate if candidate.is_file() else None


def broken_links(site_dir: Path, site_url: str) -> list[str]:
    """Every link of every page that does not resolve, as `page:line: link (why)`."""
    resolver = SiteLinks(site_dir, site_url.rstrip("/") + "/")
    pages = {path: parse_page(path) for path in sorted(site_dir.rglob("*.html"))}
    problems: list[str] = []
    for page, parsed in pages.items():
        here = resolver.page_url(page)
        for line, link in parsed.links:
            if not link.strip() or link.startswith(NOT_LINKS):
                continue
            resolved = resolver.target(here, link)
            if resolved is None:
                continue
            url_path, fragment = resolved
            target = resolver.file_for(url_path)
            where = f"{page.relative_to(site_dir)}:{line}: {link}"
            if target is None:
                problems.append(f"{where} (no such file)")
            elif fragment and target.suffix == ".html" and fragment not in pages[target].ids:
                problems.append(f"{where} (no element with id {fragment!r})")
    return problems


def test_every_internal_link_and_anchor_resolves(site_dir: Path, sample_model: SampleModel) -> None:
    site_url = sample_model.site_url or "http://site.invalid/"
    problems = broken_links(site_dir, site_url)
    assert not problems, "\n" + "\n".join(problems)


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    """A hand-made site with one good and several broken links of each sort."""
    pages = {
        "index.html": (
            '<a href="a/">ok</a><a href="a/#here">ok</a><a href="#top" id="top">ok</a>'
            '<a href="/base/a/index.html">ok</a><a href="https://example.org/base/a/">ok</a>'
            '<a href="https://elsewhere.example/">off site</a>'
            '<a href="mailto:x@example.org">mail</a>'
            '<img src="missing.png"><a href="a/#nowhere">bad</a><a href="/other/">other site</a>'
            '<a href="https://example.org/forum/">other site</a><a href="../up/">climbs out</a>'
        ),
        "a/index.html": '<h2 id="here">Here</h2><a href="../b/">bad</a>',
    }
    for name, text in pages.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_the_checker_reports_each_kind_of_broken_link(tiny_site: Path) -> None:
    """The check above could not pass by finding nothing: here it must find exactly these."""
    assert broken_links(tiny_site, "https://example.org/base/") == [
        "a/index.html:1: ../b/ (no such file)",
        "index.html:1: missing.png (no such file)",
        "index.html:1: a/#nowhere (no element with id 'nowhere')",
        "index.html:1: ../up/ (no such file)",
    ]
