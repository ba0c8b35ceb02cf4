"""The anchors (`#…`) each page of the site has: heading ids, explicit ids, and generated ones.

A record page is composed as the generated header, the contributor's body, then the generated
sections (*Connected entries*, *Contributions (3)*, ...); the site's `toc` extension numbers
repeated headings across all of them (`context`, `context_1`). Its title heading is put above
the converted page and takes its id last, once every other id is taken (see
`mkdocs_adapter.title_heading`). So a page's heading ids are computed over that whole
sequence, with the title at its end, by Python-Markdown itself (`site_markdown.HeadingIds`).
Explicit ids count too: `{: #id }` attribute lists, `id=` and `<a name=>` in raw HTML, and
footnotes.

What the generated parts hold comes from one function, `generated_anchors`, which composes the
page through the build's own layouts; anchors are only worked out for pages that some link
points into.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..model import Repertoire
from ..safety.escape import markdown_text
from ..safety.markup_scan import html_attributes, lines_without_code
from ..settings import Settings
from . import urls
from .site import SitePages
from .site_markdown import HeadingIds, footnote_ids
from .slots import Composed
from .templating import Templates

# An ATX heading: '#' at the margin, or at the margin of a container's content (admonition,
# list item: four spaces in), or inside a quote. Code is blanked before this is matched.
_ATX = re.compile(r"^(?:(?: {4})*|(?:[ ]{0,3}>[ ]?)+)#{1,6}")
_SETEXT_UNDERLINE = re.compile(r"^(?:=+|-+)[ ]*$")
_ATTR_LIST = re.compile(r"\{:?[^{}\n]*\}")
_FOOTNOTE = re.compile(r"^\[\^([^\]\n]+)\]:", re.MULTILINE)
_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\[\]\n]*\]:", re.MULTILINE)
# Stands for the member's body while a record page's layout is composed for its headings.
_BODY = "repertoire-body-stands-here"
_HEADING_LINE = re.compile(r"^#{1,6} .*$", re.MULTILINE)
_FRAGMENT_ID = re.compile(r'\sid="([^"]+)"')


@dataclass(frozen=True)
class GeneratedHeadings:
    """What the templates put around a page's own Markdown: heading lines before and after
    it, in page order, and ids set on generated elements (not headings)."""

    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()


class GeneratedContext:
    """What the generated parts of pages are made from: the records as a build publishes
    them (drafts left out unless the site publishes drafts), composed through the build's own
    layouts, and only if a link points into a generated part."""

    def __init__(self, repertoire: Repertoire, settings: Settings) -> None:
        self.settings = settings
        self.repertoire = replace(repertoire, include_drafts=settings.drafts_published)

    @functools.cached_property
    def pages(self) -> SitePages:
        return SitePages(
            self.repertoire,
            self.settings,
            Templates(),
            use_directory_urls=self.settings.use_directory_urls,
        )


def generated_anchors(docs_path: str, site: GeneratedContext) -> GeneratedHeadings:
    """THE SEAM between the anchor check and the page layer: the headings and ids that the
    layouts add to the page at `docs_path`, composed by `SitePages` exactly as the build
    composes them (so a change to a layout needs no change here): the heading lines of the
    layout's Markdown before and after the member's body, and the ids of its HTML fragments.
    """
    pages = site.pages
    generated = pages.generated_page(docs_path)
    if generated is not None:
        return _headings(pages.compose_generated(generated), body=False)
    composed = (
        pages.compose_home(_BODY)
        if docs_path == urls.HOME
        else pages.compose_record(docs_path, _BODY)
    )
    return GeneratedHeadings() if composed is None else _headings(composed, body=True)


def _headings(composed: Composed, body: bool) -> GeneratedHeadings:
    """The heading lines of a composed page around the body's place, and the fragments' ids."""
    before, _, after = composed.markdown.partition(_BODY) if body else (composed.markdown, "", "")
    ids = tuple(
        found for fragment in composed.rendered() for found in _FRAGMENT_ID.findall(fragment)
    )
    title = () if composed.heading is None else (f"# {markdown_text(composed.heading)}",)
    return GeneratedHeadings(
        tuple(_HEADING_LINE.findall(before)), (*_HEADING_LINE.findall(after), *title), ids
    )


@dataclass(frozen=True)
class BodyAnchors:
    """What a body contributes to its page's anchors."""

    heading_blocks: tuple[str, ...]  # each heading as a Markdown block, in order
    reserved_blocks: tuple[str, ...]  # paragraphs carrying attribute-list ids, which toc skips
    ids: frozenset[str]  # explicit ids: attribute lists, raw HTML, footnotes


def body_anchors(body: str) -> BodyAnchors:
    """The headings and explicit ids of a body, code left out."""
    lines = lines_without_code(body)
    written = body.split("\n")  # a heading's code spans are part of its text (and id)
    headings: list[str] = []
    definitions: list[str] = []
    previous_blank = True
    for number, line in enumerate(lines):
        if _ATX.match(line):
            headings.append(written[number].lstrip(" "))
        elif (
            line.strip()
            and previous_blank
            and number + 1 < len(lines)
            and _SETEXT_UNDERLINE.match(lines[number + 1])
        ):
            headings.append(f"{written[number]}\n{lines[number + 1]}")
        elif _DEFINITION.match(line):
            definitions.append(line)
        previous_blank = not line.strip()
    if any("][" in heading for heading in headings):  # reference links need their definitions
        headings += definitions
    text = "\n".join(lines)
    listed = {
        token[1:]
        for attributes in _ATTR_LIST.findall(text)
        for token in attributes.strip("{}:").split()
        if token.startswith("#") and len(token) > 1
    }
    ids = set(listed)
    for attribute in html_attributes(text):
        if attribute.name == "id" or (attribute.tag == "a" and attribute.name == "name"):
            ids.add(attribute.value)
    ids.update(footnote_ids(_FOOTNOTE.findall(text)))
    reserved = tuple(
        f"x\n{{: #{name} }}" for name in sorted(listed) if re.fullmatch(r"[\w-]+", name)
    )
    return BodyAnchors(tuple(headings), reserved, frozenset(ids))


class PageAnchors:
    """The anchors of every page a link points into, each worked out once."""

    def __init__(
        self,
        bodies: Mapping[str, str],
        site: GeneratedContext,
        unknown: frozenset[str] = frozenset(),
    ) -> None:
        self.bodies = bodies
        self.site = site
        self.unknown = unknown  # pages whose anchors cannot be known (records that failed)
        self.heading_ids = HeadingIds(site.settings.toc_separator)
        self._found: dict[str, frozenset[str] | None] = {}

    def of(self, docs_path: str) -> frozenset[str] | None:
        """The anchors of the page at `docs_path`, or None when they are not checked there
        (not a Markdown page, a record that failed to load, ids made by a custom slugify)."""
        if docs_path not in self._found:
            self._found[docs_path] = self._work_out(docs_path)
        return self._found[docs_path]

    def _work_out(self, docs_path: str) -> frozenset[str] | None:
        if (
            not docs_path.endswith(".md")
            or docs_path in self.unknown
            or self.site.settings.custom_slugify
        ):
            return None
        generated = generated_anchors(docs_path, self.site)
        body = self.bodies.get(docs_path)
        own = body_anchors(body) if body is not None else BodyAnchors((), (), frozenset())
        blocks = (*own.reserved_blocks, *generated.before, *own.heading_blocks, *generated.after)
        return frozenset((*self.heading_ids.ids(blocks), *own.ids, *generated.ids))
