"""A record page's title heading, put in after conversion: its anchor and its table of contents.

The title is no longer a line of the layout that Python-Markdown converts on every record page
(`core.pages.slots`), but the page should not notice: the heading gets the id the site's `toc`
extension would have given it, and the page's table of contents gets it back as its first,
level-1 item over the headings before the body's own first level-1 heading. The theme's "Skip
to content" link (the table of contents' first item) then still leads to the title, and a
link to `#the-title` still lands there. The id is chosen after the body's: a body heading that
repeats the title keeps the plain slug and the title takes the next free one (`_1`), as the
anchor check works it out (`core.pages.anchors`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

from markdown.extensions.toc import unique
from mkdocs.structure.toc import AnchorLink, TableOfContents

Slugify = Callable[[str, str], str]

_ID = re.compile(r'\sid="([^"]*)"')


def title_anchor(title: str, page_html: str, slugify: Slugify, separator: str) -> str:
    """The id for a title heading above `page_html`: its slug, made unique among the page's
    ids as the `toc` extension makes a repeated heading's."""
    anchor = slugify(title, separator)
    if anchor and f' id="{anchor}"' not in page_html:
        return anchor  # the usual case: no need to gather the page's ids
    return str(unique(anchor, set(_ID.findall(page_html))))


def toc_with_title(toc: TableOfContents, title: str, anchor: str) -> TableOfContents:
    """`toc` under a level-1 item for the title, which holds the items before the first
    level-1 heading of the body, as a converted `# title` line would have."""
    items = list(toc)
    lead = 0
    while lead < len(items) and items[lead].level > 1:
        lead += 1
    heading = AnchorLink(html.escape(title, quote=False), anchor, 1)
    heading.children = items[:lead]
    heading.active = True  # type: ignore[attr-defined]  # as MkDocs marks its first item
    for item in items:
        item.__dict__.pop("active", None)
    return TableOfContents([heading, *items[lead:]])
