"""The small pieces of HTML that fragments print: a link, a list of links, a date, lines.

Fragments call them as `h.a(link)`, `h.links(links)`, `h.date(value)` and `h.lines(text)`.
They are plain functions rather than Jinja macros because they are printed tens of thousands
of times a build (every listed entry has a date and several links), and a macro call costs
Jinja about ten times as much as a function call. Every value is HTML-escaped; a `Link` whose
`url` is None (its page is not published) prints as its label alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from markupsafe import Markup, escape


class LinkLike(Protocol):
    label: str
    url: str | None


def a(link: LinkLike) -> Markup:
    """A link, or its label alone when it leads nowhere."""
    if link.url:
        return Markup(f'<a href="{escape(link.url)}">{escape(link.label)}</a>')
    return escape(link.label)


def links(items: Iterable[LinkLike], separator: str = ", ") -> Markup:
    """Links joined by `separator`."""
    return escape(separator).join(a(link) for link in items)


def date(value: object) -> Markup:
    """A date (an ISO date, or a year) as a `<time>` element, kept on one line by the CSS."""
    return Markup(f"<time>{escape(value)}</time>")


def lines(text: str) -> Markup:
    """Text whose line breaks must survive as they are (a file shown in `<pre>` or held in an
    attribute): escaped, each newline as `&#10;`, so that a fragment never has a blank line
    in its source (blank lines would end a raw HTML block in Markdown, and `fragment` drops
    them)."""
    return Markup(str(escape(text)).replace("\n", "&#10;"))
