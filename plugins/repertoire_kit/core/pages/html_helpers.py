"""The small pieces of HTML that every fragment prints: a link, a list of links, a date.

Fragments call them as `h.a(link)`, `h.links(links)` and `h.date(value)`. They are plain
functions rather than Jinja macros because they are printed tens of thousands of times a
build (every listed entry has a date and several links), and a macro call costs Jinja about
ten times as much as a function call. Every value is HTML-escaped; a `Link` whose `url` is
None (its page is not published) prints as its label alone.
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
