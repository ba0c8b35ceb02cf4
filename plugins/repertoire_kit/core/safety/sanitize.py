"""The allowlist for contributed HTML: what Markdown and the configured extensions produce.

Rendered entries, bios, problem descriptions and path introductions pass through nh3 (the
Python binding of the ammonia sanitiser, a maintained allowlist sanitiser: hand-written regex
sanitising is the classic way to get this wrong). Anything not listed here is dropped:
scripts and their content, event handlers, inline styles (except table alignment, which the
tables extension writes), and every URL scheme but http, https and mailto (relative URLs stay).

Contributed ids and data attributes are also kept away from the theme's own hooks: Material
finds its configuration, drawers and search with ids that start with `__` (`#__config` is read
with `querySelector`, so a contributed `<p id="__config">` placed earlier in the page would be
read instead) and mounts its components on `data-md-*` attributes. Both are dropped. So is
the class `mermaid`: on any `pre.mermaid` Material loads the mermaid library from a CDN, a
script from another host that a contribution must not be able to call in.
"""

from __future__ import annotations

import nh3

URL_SCHEMES = frozenset({"http", "https", "mailto"})

_TAGS = frozenset(
    {
        "a",
        "abbr",
        "b",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "del",
        "details",
        "div",
        "dl",
        "dt",
        "em",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "ins",
        "kbd",
        "li",
        "mark",
        "nav",
        "ol",
        "p",
        "pre",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "summary",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "time",
        "tr",
        "u",
        "ul",
        "var",
        "wbr",
    }
)
_CLEAN_CONTENT = frozenset({"script", "style", "iframe", "object", "embed", "template", "noscript"})
_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading"},
    "td": {"colspan", "rowspan", "align", "style"},
    "th": {"colspan", "rowspan", "align", "scope", "style"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "time": {"datetime"},
    "abbr": {"title"},
    "col": {"span"},
    "colgroup": {"span"},
    "blockquote": {"cite"},
    "q": {"cite"},
}
# Prefixes the theme reserves for its own elements (see the module docstring).
THEME_ID_PREFIX = "__"
THEME_DATA_PREFIX = "data-md-"
# Classes that make the theme load code from another host.
REMOTE_CODE_CLASSES = frozenset({"mermaid"})


def _keep_theme_hooks_out(tag: str, attribute: str, value: str) -> str | None:
    """Drop a contributed attribute that could stand in for one of the theme's elements."""
    del tag
    if attribute == "id" and value.startswith(THEME_ID_PREFIX):
        return None
    if attribute.lower().startswith(THEME_DATA_PREFIX):
        return None
    if attribute == "class":
        kept = [name for name in value.split() if name.lower() not in REMOTE_CODE_CLASSES]
        return " ".join(kept) if kept else None
    return value


_CLEANER = nh3.Cleaner(
    tags=set(_TAGS),
    clean_content_tags=set(_CLEAN_CONTENT),
    attributes={tag: set(names) for tag, names in _ATTRIBUTES.items()},
    generic_attribute_prefixes={"data-"},
    attribute_filter=_keep_theme_hooks_out,
    url_schemes=set(URL_SCHEMES),
    link_rel=None,
    strip_comments=True,
    filter_style_properties={"text-align"},
)


def sanitize_html(html: str) -> str:
    """Contributed HTML reduced to the allowlist; deterministic for the same input."""
    return _CLEANER.clean(html)
