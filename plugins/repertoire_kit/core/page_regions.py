"""Telling apart, in a record page's HTML, the parts this package generated from the member's.

A record page is the panel and derived sections the templates produce around the body a member
wrote. Only the member's part needs the allowlist sanitiser: the templates escape every value
they print, and the generated index pages are already published as they render. Sanitising
just the member's part keeps the sanitiser's work proportional to what members wrote, not to
the listings around it.

The generated Markdown is wrapped in HTML comments that carry a random nonce made for each
build. A member cannot forge them (the nonce is unknown when the file is written), Markdown
passes them through untouched, and they are removed from the output, so builds stay
byte-identical. Content Markdown moves out of place, such as footnotes (placed at the end of the
page), stays outside the marks and is sanitised. If the marks do not come out in order, the
whole page is sanitised: the fallback is the safe side.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class GeneratedMarks:
    """The pair of comments around generated Markdown in one build."""

    nonce: str

    @classmethod
    def fresh(cls) -> GeneratedMarks:
        """Marks no member can predict."""
        return cls(secrets.token_hex(16))

    @property
    def start(self) -> str:
        return f"<!--repertoire-generated:{self.nonce}-->"

    @property
    def end(self) -> str:
        return f"<!--/repertoire-generated:{self.nonce}-->"

    def wrap(self, markdown: str) -> str:
        """Generated Markdown between the marks, each on its own block."""
        return f"\n{self.start}\n\n{markdown.strip()}\n\n{self.end}\n"

    def split(self, html: str) -> list[tuple[bool, str]] | None:
        """The HTML as (generated?, text) parts, without the marks; None when they are out of
        order (a start inside a generated part, an end outside one, or one missing)."""
        parts: list[tuple[bool, str]] = []
        position = 0
        while True:
            start = html.find(self.start, position)
            end = html.find(self.end, position)
            if start < 0:
                if end >= 0:
                    return None
                parts.append((False, html[position:]))
                return parts
            if 0 <= end < start:
                return None
            parts.append((False, html[position:start]))
            inner_from = start + len(self.start)
            close = html.find(self.end, inner_from)
            if close < 0 or 0 <= html.find(self.start, inner_from) < close:
                return None
            parts.append((True, html[inner_from:close]))
            position = close + len(self.end)

    def sanitize_outside(self, html: str, sanitize: Callable[[str], str]) -> str:
        """`html` with every part outside the marks passed through `sanitize`."""
        parts = self.split(html)
        if parts is None:
            return sanitize(html)
        return "".join(text if generated else sanitize(text) for generated, text in parts if text)
