"""Theme partials that are the same on many pages, rendered once per folder.

Material renders its navigation into every page through a tree of Jinja macros, and the
header's palette toggles, search box, repository link and logo, and the style sheets, fonts,
scripts and translations of the page skeleton, through partials and blocks that read only the
configuration. Together that is about a tenth of the build of a repertoire. What they
render depends on the page only through its links, which are relative to the page's folder,
and, for the navigation, through which item is active. So:

- the logo, palette, search and repository partials and those blocks are rendered once per
  folder;
- the navigation is rendered once per folder for the pages it does not list (every entry,
  member and problem page), where nothing in it is active; pages it lists (the index pages,
  where an item is active and the integrated table of contents may show) get it rendered as
  usual.

The partial that is found (a site's override in `custom_dir` included) is the one cached. A
site whose overrides of these partials show something of the page itself switches this off
with the plugin option `cache_theme_partials: false`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from typing import Any

import jinja2

PER_FOLDER = (
    "partials/logo.html",
    "partials/palette.html",
    "partials/search.html",
    "partials/source.html",
)
OUTSIDE_NAV = ("partials/nav.html",)
PER_FOLDER_BLOCKS = {"base.html": ("styles", "libs", "fonts", "analytics", "config", "scripts")}
"""Blocks of the theme's page skeleton that read only the configuration (style sheets, fonts,
the scripts and the translations in `#__config`); a site's `main.html` that overrides one
of them is not cached, only what it gets from `super()`."""

RenderFunction = Callable[[Any], Iterator[str]]


def link_base(url: str, nav_urls: frozenset[str]) -> str | None:
    """A key shared by exactly the pages whose relative links to the navigation's pages (and
    to the site's assets) are the same text, or None where the page must render its own.

    With file URLs (`cases/a.html`) that is every page of the same folder. With directory
    URLs (`cases/a/`) a page's links start from its own folder, and siblings (`cases/b/`)
    reach everything outside their own folders in the same way: the key is the parent
    folder, unless the navigation lists a page at or below the page's own folder (the home
    page, the index pages, a maintainer's pages).
    """
    if url and not url.endswith("/"):
        return "file:" + posixpath.dirname(url)
    if not url or any(target.startswith(url) for target in nav_urls):
        return None
    return "directory:" + posixpath.dirname(url.rstrip("/"))


def cache_theme_partials(env: jinja2.Environment, nav_urls: frozenset[str]) -> None:
    """Make the theme's page-independent partials render once per folder.

    `nav_urls` holds the URLs of the pages the navigation lists. Each partial's (and block's)
    compiled render function is wrapped; one the theme does not have is skipped.
    """
    for name in (*PER_FOLDER, *OUTSIDE_NAV):
        try:
            template = env.get_template(name)
        except jinja2.TemplateNotFound:
            continue
        template.root_render_func = _cached(
            _original(template.root_render_func), nav_urls, outside_nav_only=name in OUTSIDE_NAV
        )
    for name, blocks in PER_FOLDER_BLOCKS.items():
        try:
            template = env.get_template(name)
        except jinja2.TemplateNotFound:
            continue
        for block in blocks:
            if block in template.blocks:
                template.blocks[block] = _cached(_original(template.blocks[block]), nav_urls, False)


def _original(function: RenderFunction) -> RenderFunction:
    """The theme's own render function, also when a previous build (a `serve` rebuild on the
    same environment) wrapped it already: each build starts with an empty cache."""
    return getattr(function, "__wrapped__", function)


def _cached(
    original: RenderFunction, nav_urls: frozenset[str], outside_nav_only: bool
) -> RenderFunction:
    rendered: dict[str, str] = {}

    def render(context: Any) -> Iterator[str]:
        page = context.get("page")
        key = None if page is None else link_base(page.url, nav_urls)
        if key is None or (outside_nav_only and page.url in nav_urls):
            yield from original(context)
            return
        text = rendered.get(key)
        if text is None:
            text = rendered[key] = "".join(original(context))
        yield text

    render.__wrapped__ = original  # type: ignore[attr-defined]
    return render
