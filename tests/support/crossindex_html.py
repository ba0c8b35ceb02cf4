"""Reading built pages back: a tiny DOM over the stdlib HTML parser, and page-level helpers.

The cross-index tests assert on what a reader sees, so they read the HTML MkDocs wrote rather
than the Markdown the plugin produced. This module is the one place that knows how: a tree of
`Node`s, the links of a region resolved to site-relative URLs ("cases/x/"), the sections of an
article cut at its headings, and the entry items of a listing (the first link of each item of
a `rep-entries` or `rep-connected` list, the shape every generated entry list has).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_BASE = "http://site.invalid/"
_FENCED_CODE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_INLINE_CODE = re.compile(r"`[^`\n]*`")


@dataclass
class Node:
    """An element with its attributes and children (elements or text)."""

    tag: str
    attrs: dict[str, str]
    parent: Node | None = field(default=None, repr=False)
    children: list[Node | str] = field(default_factory=list, repr=False)

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    def text(self) -> str:
        """The visible text below this node, whitespace collapsed."""
        parts: list[str] = []

        def collect(node: Node) -> None:
            for child in node.children:
                if isinstance(child, str):
                    parts.append(child)
                else:
                    collect(child)

        collect(self)
        return re.sub(r"\s+", " ", "".join(parts)).strip()

    def iter(self) -> Iterator[Node]:
        """Every element below this one, in document order."""
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> list[Node]:
        """Elements below this one with the tag, the class `cls` among their classes, and
        exactly the attribute values `attrs`."""
        return [
            n
            for n in self.iter()
            if (tag is None or n.tag == tag)
            and (cls is None or cls in n.classes)
            and all(n.attrs.get(name) == value for name, value in attrs.items())
        ]

    def find(self, tag: str | None = None, cls: str | None = None, **attrs: str) -> Node:
        """The first matching element; a clear failure when there is none."""
        found = self.find_all(tag, cls, **attrs)
        if not found:
            raise AssertionError(
                f"no <{tag or '*'}> with class {cls!r} and {attrs} below <{self.tag}>"
            )
        return found[0]

    def elements(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node)]


class _TreeBuilder(HTMLParser):
    """Builds `Node`s; tolerates unclosed elements the way browsers do (close to the match)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.stack: list[Node] = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Node:
    """The document tree of an HTML text."""
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def resolve(page_url: str, href: str) -> str | None:
    """A link's target as a site-relative URL without fragment ('cases/x/'), or None if external.

    `page_url` is the site-relative URL of the page the link is on ('' for the home page).
    """
    absolute = urljoin(_BASE + page_url, href)
    if not absolute.startswith(_BASE):
        return None
    path = unquote(urlsplit(absolute).path).lstrip("/")
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path


@dataclass
class Section:
    """A heading and the elements after it, up to the next heading of the same or higher rank."""

    heading: str
    level: int
    nodes: list[Node]

    def find_all(self, tag: str) -> list[Node]:
        """Every `tag` element in the section, at any depth."""
        return [
            n
            for node in self.nodes
            for n in ([node] if node.tag == tag else []) + node.find_all(tag)
        ]


@dataclass
class Page:
    """A built page: its URL, its tree, and the regions the tests look at."""

    url: str
    root: Node

    @property
    def title(self) -> str:
        return self.root.find("title").text()

    @property
    def article(self) -> Node:
        return self.root.find("article", "md-content__inner")

    @property
    def primary_nav(self) -> Node:
        return self.root.find("nav", "md-nav--primary")

    def links(self, region: Node | None = None) -> list[str]:
        """Site-relative targets of every internal link in a region (default: the article)."""
        found = []
        for anchor in (region or self.article).find_all("a"):
            target = resolve(self.url, anchor.attrs.get("href", ""))
            if target is not None and "headerlink" not in anchor.classes:
                found.append(target)
        return found

    def sections(self, level: int = 2) -> list[Section]:
        """The article's sections under headings of `level`; deeper headings stay inside,
        higher ones end a section without starting one."""
        sections: list[Section] = []
        current: Section | None = None
        for node in self.article.elements():
            rank = int(node.tag[1]) if node.tag in _HEADINGS else None
            if rank is not None and rank < level:
                current = None
            elif rank == level:
                current = Section(_heading_text(node), rank, [])
                sections.append(current)
            elif current is not None:
                current.nodes.append(node)
        return sections

    def section(self, heading: str | Callable[[str], bool], level: int = 2) -> Section | None:
        """The first section whose heading equals `heading` (or satisfies it)."""
        match = heading if callable(heading) else (lambda text: text == heading)
        return next((s for s in self.sections(level) if match(s.heading)), None)

    def entry_items(self, nodes: list[Node]) -> list[str]:
        """The entries a generated listing shows, in order: each item's first link."""
        found: list[str] = []
        for node in nodes:
            for anchor in [node, *node.iter()]:
                if anchor.tag == "a" and _is_entry_item(anchor):
                    target = resolve(self.url, anchor.attrs.get("href", ""))
                    if target is not None:
                        found.append(target)
        return found

    def matrix(self) -> dict[str, tuple[list[str], dict[str, dict[str, int]]]]:
        """The who-knows-what groups: top-level problem URL -> (column URLs, member URL ->
        {column URL: entries written} for the cells with any), members who only applied
        entries left out (see `matrix_cells`)."""
        groups = {}
        for root, (columns, rows) in self.matrix_cells().items():
            written = {
                member: {c: wrote for c, (wrote, _) in cells.items() if wrote}
                for member, cells in rows.items()
            }
            groups[root] = (columns, {m: cells for m, cells in written.items() if cells})
        return groups

    def matrix_cells(self) -> dict[str, tuple[list[str], dict[str, dict[str, tuple[int, int]]]]]:
        """The who-knows-what groups: top-level problem URL -> (column URLs, member URL ->
        {column URL: (entries written, uses applied)} for the non-empty cells). A cell reads
        "3", "3 applied ✓2" or "applied ✓2" (the word for screen readers, the mark shown)."""
        groups = {}
        for group in self.article.find_all("section", "rep-matrix-group"):
            root = self.links(group.find("p", "rep-matrix-title"))[0]
            table = group.find("table")
            columns = [self.links(th)[0] for th in table.find("thead").find_all("th")[1:]]
            rows: dict[str, dict[str, tuple[int, int]]] = {}
            for row in table.find("tbody").find_all("tr"):
                member = self.links(row.find("th"))[0]
                cells = {}
                for column, td in zip(columns, row.find_all("td"), strict=True):
                    text = " ".join(td.text().split())
                    if not text:
                        continue
                    shape = re.fullmatch(r"(\d+)?\s*(?:applied ✓(\d+))?", text)
                    assert shape is not None and any(shape.groups()), text
                    cells[column] = (int(shape[1] or 0), int(shape[2] or 0))
                rows[member] = cells
            groups[root] = (columns, rows)
        return groups

    def table_rows(self, table: Node) -> list[list[Node]]:
        """The body rows of a table as lists of cells."""
        return [row.find_all("td") for row in table.find("tbody").find_all("tr")]


_ENTRY_LISTS = frozenset({"rep-entries", "rep-connected"})


def _is_entry_item(anchor: Node) -> bool:
    item = anchor.parent
    return (
        item is not None
        and item.tag == "li"
        and item.elements()[0] is anchor
        and item.parent is not None
        and bool(item.parent.classes & _ENTRY_LISTS)
    )


def _heading_text(node: Node) -> str:
    """A heading's text without the permalink sign."""
    return node.text().rstrip("¶").strip()


def load_page(site_dir: Path, url: str) -> Page:
    """The built page at a site-relative URL ('' for home, 'cases/' or 'cases/x/')."""
    path = site_dir / url / "index.html" if url == "" or url.endswith("/") else site_dir / url
    return Page(url, parse_html(path.read_text(encoding="utf-8")))


def url_of_docs_path(docs_path: str) -> str:
    """The URL MkDocs gives a Markdown file with directory URLs ('cases/x.md' -> 'cases/x/')."""
    stem = docs_path[: -len(".md")] if docs_path.endswith(".md") else docs_path
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return f"{stem}/"


def markdown_link_targets(markdown: str, docs_path: str) -> list[str]:
    """Site-relative URLs of the `[text](target.md)` links of a Markdown page (code left out)."""
    without_code = _INLINE_CODE.sub("", _FENCED_CODE.sub("", markdown))
    found = []
    for target in re.findall(r"\]\(([^)\s]+)\)", without_code):
        if "://" in target or target.startswith(("mailto:", "#")):
            continue
        joined = posixpath.normpath(
            posixpath.join(posixpath.dirname(docs_path), unquote(target.split("#")[0]))
        )
        found.append(url_of_docs_path(joined))
    return found
