"""The allowlist for contributed HTML: what Markdown and the configured extensions produce.

Rendered entries, bios, problem descriptions and path introductions pass through nh3 (the
Python binding of the ammonia sanitiser, a maintained allowlist sanitiser: hand-written regex
sanitising is the classic way to get this wrong). Anything not listed here is dropped:
scripts and their content, event handlers, inline styles (except table alignment, which the
tables extension writes), and every URL scheme but http, https and mailto (relative URLs stay).
"""

from __future__ import annotations

import nh3

URL_SCHEMES = frozenset({"http", "https", "mailto"})

_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4",
    "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "nav", "ol", "p", "pre", "q", "s",
    "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
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


def sanitize_html(html: str) -> str:
    """Contributed HTML reduced to the allowlist; deterministic for the same input."""
    return nh3.clean(
        html,
        tags=set(_TAGS),
        clean_content_tags=set(_CLEAN_CONTENT),
        attributes={tag: set(names) for tag, names in _ATTRIBUTES.items()},
        generic_attribute_prefixes={"data-"},
        url_schemes=set(URL_SCHEMES),
        link_rel=None,
        strip_comments=True,
        filter_style_properties={"text-align"},
    )
