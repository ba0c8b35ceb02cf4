"""Every hostile front-matter value lands as inert text, wherever the site shows it.

One site is built with each value of `HOSTILE` in every text field (titles, summaries, names,
affiliations, link labels, tags, descriptions, problem titles, path audiences and step notes).
For every value and every place it lands (page text, headings, `<title>`, meta description,
Material's tags, the table of contents, listings, `repertoire.json`, the Atom feed, the search
index) the test reads what a reader or a program gets back and requires exactly the value:
no element, attribute, template output or Markdown markup was made from it. Finally the whole
`site/` is scanned with a real parser for anything executable from content.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import pytest

from tests.support.crossindex_html import parse_html
from tests.support.security import (
    HOSTILE,
    SITE_NAME,
    BuiltSite,
    Node,
    executable_markup,
    html_problems,
    own_text,
    slug,
    theme_hooks,
    visible_text,
)

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def article(site: BuiltSite, url: str) -> Node:
    return parse_html(site.text(url)).find("article", cls="md-content__inner")


def heading(site: BuiltSite, url: str) -> list[str]:
    """The page's h1, which must hold nothing but text and its permalink."""
    h1 = article(site, url).find("h1")
    extra = [
        n.tag
        for n in h1.children
        if isinstance(n, Node) and "headerlink" not in n.attrs.get("class", "")
    ]
    assert extra == [], f"elements made from the title: {extra}"
    return [own_text(h1)]


def labelled(site: BuiltSite, url: str, label: str) -> list[str]:
    """The text after `label` in every list item or paragraph of the page that starts with it."""
    items = article(site, url).find_all("li") + article(site, url).find_all("p")
    return [n.text()[len(label) :].strip() for n in items if n.text().startswith(label)]


def export(site: BuiltSite) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(site.text("repertoire.json"))
    return data


def exported(site: BuiltSite, section: str, record_id: str, *keys: str) -> list[str]:
    record = next(r for r in export(site)[section] if r["id"] == record_id)
    values: list[str] = []
    for key in keys:
        value = record
        for part in key.split("."):
            value = value[int(part)] if part.isdigit() else value[part]
        values.append(value)
    return values


def feed_entry(site: BuiltSite, key: str) -> ET.Element:
    root = ET.fromstring(site.text("feed.xml").encode("utf-8"))
    url = f"https://example.org/test/cases/{slug(key)}/"
    return next(e for e in root.iter(f"{ATOM}entry") if e.findtext(f"{ATOM}id") == url)


def search_doc(site: BuiltSite, location: str) -> dict[str, Any]:
    index = json.loads(site.text("search/search_index.json"))
    doc: dict[str, Any] = next(d for d in index["docs"] if d["location"] == location)
    return doc


def feed_texts(site: BuiltSite, key: str) -> list[str]:
    """Title, summary and author name of a hostile case's feed entry."""
    entry = feed_entry(site, key)
    author = entry.find(f"{ATOM}author")
    assert author is not None
    return [
        entry.findtext(f"{ATOM}title") or "",
        entry.findtext(f"{ATOM}summary") or "",
        author.findtext(f"{ATOM}name") or "",
    ]


# Where a value lands: a name and a function giving every string a reader gets there.
Landing = Callable[[BuiltSite, str], list[str]]
LANDINGS: dict[str, Landing] = {
    "entry page h1": lambda s, k: heading(s, f"cases/{slug(k)}/"),
    "entry page <title>": lambda s, k: [
        parse_html(s.text(f"cases/{slug(k)}/")).find("title").text().removesuffix(f" - {SITE_NAME}")
    ],
    "entry meta description": lambda s, k: [
        parse_html(s.text(f"cases/{slug(k)}/")).find("meta", name="description").attrs["content"]
    ],
    "entry tags (Material tags plugin)": lambda s, k: [
        n.text() for n in parse_html(s.text(f"cases/{slug(k)}/")).find("nav", cls="md-tags").iter()
    ],
    "entry in the kind listing": lambda s, k: [
        a.text()
        for a in article(s, "cases/").find_all("a")
        if a.attrs.get("href") in (f"{slug(k)}/", f"../cases/{slug(k)}/")
    ],
    "problem and member links on the entry": lambda s, k: [
        a.text()
        for a in article(s, f"cases/{slug(k)}/").find_all("a")
        if a.attrs.get("href") in (f"../../problems/{slug(k)}/", f"../../members/{slug(k)}/")
    ],
    "member page h1": lambda s, k: heading(s, f"members/{slug(k)}/"),
    "member affiliation": lambda s, k: labelled(s, f"members/{slug(k)}/", "Affiliation:"),
    "member link label": lambda s, k: labelled(s, f"members/{slug(k)}/", "Links:"),
    "member in the members index": lambda s, k: [
        a.text()
        for a in article(s, "members/").find_all("a")
        if a.attrs.get("href") in (f"{slug(k)}/", f"../members/{slug(k)}/")
    ],
    "problem page h1": lambda s, k: heading(s, f"problems/{slug(k)}/"),
    "problem summary": lambda s, k: [article(s, f"problems/{slug(k)}/").find("strong").text()],
    "path page h1": lambda s, k: heading(s, f"paths/{slug(k)}/"),
    "path audience": lambda s, k: labelled(s, f"paths/{slug(k)}/", "For:"),
    "path step notes": lambda s, k: labelled(s, f"paths/{slug(k)}/", "Why this step:"),
    "path step heading in the TOC": lambda s, k: [
        span.text().removeprefix("1. ")
        for span in parse_html(s.text(f"paths/{slug(k)}/"))
        .find("nav", cls="md-nav--secondary")
        .find_all("span")
        if span.text().startswith("1. ")
    ],
    "repertoire.json entry": lambda s, k: exported(
        s, "entries", f"cases/{slug(k)}", "title", "summary", "tags.0"
    ),
    "repertoire.json member": lambda s, k: exported(
        s, "members", slug(k), "name", "affiliation", "links.0.label"
    ),
    "repertoire.json problem type": lambda s, k: exported(
        s, "problem_types", slug(k), "title", "summary"
    ),
    "repertoire.json path": lambda s, k: exported(
        s, "paths", slug(k), "title", "summary", "audience", "steps.0.note", "steps.1.note"
    ),
    "feed.xml title, summary and author": feed_texts,
    "search index title and tags": lambda s, k: [
        visible_text(search_doc(s, f"cases/{slug(k)}/")["title"]),
        *[visible_text(t) for t in search_doc(s, f"cases/{slug(k)}/")["tags"]],
    ],
}


@pytest.mark.parametrize("key", sorted(HOSTILE))
@pytest.mark.parametrize("landing", sorted(LANDINGS))
def test_a_hostile_value_reads_back_exactly_as_written(
    hostile_site: BuiltSite, landing: str, key: str
) -> None:
    found = LANDINGS[landing](hostile_site, key)
    assert found, f"{key} does not appear at all in {landing}"
    assert found == [HOSTILE[key]] * len(found)


@pytest.mark.parametrize("key", ["script", "attribute_break", "title_break"])
def test_html_escaping_is_visible_in_the_raw_head(hostile_site: BuiltSite, key: str) -> None:
    """The exact bytes of `<title>` and the meta description: escaped once, never twice."""
    raw = hostile_site.text(f"cases/{slug(key)}/")
    escaped = (
        HOSTILE[key]
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&#x27;")
    )
    assert f"<title>{escaped} - {SITE_NAME}</title>" in raw
    assert f'<meta name="description" content="{escaped}">' in raw


def test_template_syntax_in_values_is_never_evaluated(hostile_site: BuiltSite) -> None:
    page = hostile_site.text(f"cases/{slug('jinja_expression')}/")
    assert heading(hostile_site, f"cases/{slug('jinja_expression')}/") == ["{{ 7*7 }} {{ config }}"]
    assert "49" not in visible_text(page.split("<article", 1)[1].split("</article>", 1)[0])


def test_export_and_feed_bytes_are_inert_when_pasted_into_html(hostile_site: BuiltSite) -> None:
    export_text = hostile_site.text("repertoire.json")
    assert [c for c in "<>&" if c in export_text] == []
    assert "\\u003cscript\\u003ealert('PWN')\\u003c/script\\u003e" in export_text
    feed = hostile_site.text("feed.xml")
    assert "<script" not in feed
    assert "&lt;script&gt;alert('PWN')&lt;/script&gt;" in feed


def test_sitemap_lists_only_urls(hostile_site: BuiltSite) -> None:
    root = ET.fromstring(hostile_site.text("sitemap.xml").encode("utf-8"))
    locations = [loc.text or "" for loc in root.iter(f"{SITEMAP}loc")]
    assert f"https://example.org/test/cases/{slug('script')}/" in locations
    assert all(
        loc.startswith("https://example.org/test/") and "PWN" not in loc for loc in locations
    )


def test_no_executable_markup_anywhere_in_the_hostile_site(hostile_site: BuiltSite) -> None:
    """HTML, JSON (search index, export, schemas), the feed, the sitemap and every asset."""
    assert executable_markup(hostile_site.site_dir) == []


def test_no_contributed_element_shadows_a_theme_hook(hostile_site: BuiltSite) -> None:
    pages = sorted(hostile_site.site_dir.rglob("index.html"))
    assert pages
    assert [
        (p.name, theme_hooks(p.read_text(encoding="utf-8")))
        for p in pages
        if theme_hooks(p.read_text(encoding="utf-8"))
    ] == []


SCANNER_MUST_FIND: dict[str, str] = {
    "script from content": "<p>x</p><script>alert('PWN')</script>",
    "event handler": '<img src="x.png" onerror="x">',
    "javascript href split by a tab": '<a href="java\tscript:alert(1)">x</a>',
    "entity-encoded javascript": '<a href="&#106;avascript:alert(1)">x</a>',
    "data src": '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    "vbscript": '<a href=" VBScript:x">x</a>',
    "refresh to content": '<meta http-equiv="refresh" content="0;url=PWN">',
}


@pytest.mark.parametrize("name", sorted(SCANNER_MUST_FIND))
def test_the_scanner_finds_planted_markup(name: str) -> None:
    """The site-wide scan above can fail: it sees each kind of executable markup."""
    assert html_problems(SCANNER_MUST_FIND[name], name) != []
