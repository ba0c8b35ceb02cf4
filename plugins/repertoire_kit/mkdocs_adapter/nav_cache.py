"""The theme's navigation rendered once per folder instead of once per page.

Material renders the whole navigation into every page through a tree of Jinja macros, about a
tenth of the build of a repertoire whose entries it does not list. For a page that is not in
the navigation, nothing in it is active, so what Material renders depends only on where the
page is: its links are relative to the page's folder. Every entry page of `cases/` therefore
gets the same navigation, and this module renders it once per folder and reuses the text.
Pages that are in the navigation (the index pages, where an item is active and the integrated
table of contents may show) are rendered by the theme as usual.

The cached text has the template's indentation folded (each run of white space that holds a
line break becomes one line break), which changes no rendering: the navigation holds no
`<pre>`. A site whose own `partials/nav.html` shows something of the page itself switches the
cache off with the plugin option `cache_navigation: false`.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from typing import Any

import jinja2

NAV_TEMPLATE = "partials/nav.html"
_INDENTATION = re.compile(r"\s*\n\s*")

RenderFunction = Callable[[Any], Iterator[str]]


def page_folder(url: str) -> str:
    """The folder a page's links are relative to: `cases/` for `cases/a/` or `cases/a.html`."""
    return posixpath.dirname(url.rstrip("/"))


def cache_navigation(env: jinja2.Environment, pages_in_nav: frozenset[str]) -> None:
    """Make the theme's navigation partial render once per folder for pages outside the nav.

    `pages_in_nav` holds the source paths of the pages the navigation lists. The partial's
    compiled render function is wrapped, so a site's own override of it is what gets cached.
    """
    template = env.get_template(NAV_TEMPLATE)
    original: RenderFunction = template.root_render_func
    rendered: dict[str, str] = {}

    def render(context: Any) -> Iterator[str]:
        page = context.get("page")
        if page is None or page.file.src_uri in pages_in_nav:
            yield from original(context)
            return
        folder = page_folder(page.url)
        text = rendered.get(folder)
        if text is None:
            text = rendered[folder] = _INDENTATION.sub("\n", "".join(original(context)))
        yield text

    template.root_render_func = render
