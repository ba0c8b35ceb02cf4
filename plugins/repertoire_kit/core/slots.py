"""Slots: where the HTML fragments of a generated page go once its Markdown is converted.

A layout's Markdown carries one token per fragment, alone in its paragraph. The engine
converts the page (the member's body, the headings), the sanitiser cleans that HTML, and only
then is each token's paragraph replaced by its fragment: generated listings are never parsed
as Markdown and never pass the sanitiser (their values are escaped by the templates). Tokens
carry a random nonce made for each build, so a member cannot write one into a body; they never
reach the output, so builds stay byte-identical. `Composed.inline` puts the fragments straight
into the Markdown instead, as raw HTML blocks, for engines that run no plugin.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass


@dataclass(frozen=True)
class SlotTokens:
    """The tokens of one build."""

    nonce: str

    @classmethod
    def fresh(cls) -> SlotTokens:
        """Tokens no member can predict (letters and digits only: inert in any Markdown)."""
        return cls(secrets.token_hex(12))

    def token(self, number: int) -> str:
        return f"repertoireslot{self.nonce}n{number}x"


@dataclass(frozen=True)
class Composed:
    """A page's Markdown with slot tokens, and the fragments that fill them."""

    markdown: str
    fragments: tuple[str, ...]
    tokens: SlotTokens

    def fill(self, html: str) -> str:
        """The converted page with every token's paragraph replaced by its fragment.

        A token that is not alone in a paragraph (a member's unclosed HTML block swallowed
        it) is removed and its fragment appended, so nothing generated is lost or misplaced
        inside the member's markup.
        """
        tail = []
        for number, fragment in enumerate(self.fragments):
            token = self.tokens.token(number)
            paragraph = f"<p>{token}</p>"
            if paragraph in html:
                html = html.replace(paragraph, fragment, 1)
            else:
                html = html.replace(token, "")
                tail.append(fragment)
        return html + "\n".join(tail) if tail else html

    def inline(self) -> str:
        """The Markdown with each fragment in place of its token, as a raw HTML block."""
        markdown = self.markdown
        for number, fragment in enumerate(self.fragments):
            markdown = markdown.replace(self.tokens.token(number), f"\n{fragment}\n", 1)
        return markdown
