"""The theme's page around the content, with its template indentation folded.

Material's templates indent their output for readability, and that indentation is a tenth of
every page the site ships (about 3 MB of a 1,000-entry repertoire). Around the page's content,
each run of white space that starts with a line break becomes
one line break. In HTML any such run renders as one space, so nothing a reader sees changes;
the content itself (members' code blocks among it) is left exactly as it is, and so is any
part of the page around it that holds a `<pre>` or a `<textarea>`.
"""

from __future__ import annotations

import re

_INDENTATION = re.compile(r"\n\s+")
_KEEP_WHITE_SPACE = ("<pre", "<textarea")
_PROBE = 256
"""How much of the content is searched for (a long needle costs more; the rest is compared)."""


def fold_chrome(page_html: str, content: str) -> str:
    """A finished page with the indentation folded around its `content` (the page's own
    HTML), or around its `<article>` if the theme changed the content on the way."""
    start = page_html.find(content[:_PROBE]) if content else -1
    end = start + len(content)
    if start < 0 or not page_html.startswith(content, start):
        start = page_html.find("<article")
        end = page_html.rfind("</article>")
    if start < 0 or end < start:
        return _fold(page_html)
    return _fold(page_html[:start]) + page_html[start:end] + _fold(page_html[end:])


def _fold(html: str) -> str:
    if any(tag in html for tag in _KEEP_WHITE_SPACE):
        return html
    return _INDENTATION.sub("\n", html)
