"""Slots: where the HTML fragments of a generated page go once its Markdown is converted.

A layout's Markdown carries one token per fragment, alone in its paragraph. The engine
converts the page (the member's body, the headings), the sanitiser cleans that HTML, each
token's paragraph becomes an empty marker (`mark`), and once the theme has rendered the page
each marker is replaced by its fragment (`fill_marked`). A fragment is rendered only then, so
a build never holds every page's fragments at once. Generated listings are thus never parsed
as Markdown, never pass the sanitiser (their values are escaped by the templates), and never
reach the search index. Tokens carry a random nonce made for each build, so a member cannot
write one into a body; they never reach the output, so builds stay byte-identical.
`Composed.inline` puts the fragments straight into the Markdown instead, as raw HTML blocks,
for engines that run no plugin.

A record page's title heading and summary are not in its Markdown either: `mark` puts them,
escaped, at the top of the converted page, where the search indexer reads them with the page.
Python-Markdown costs about 65 µs for every block it converts, however short, and these were
two blocks on each of thousands of record pages (about 3 % of a build). The MkDocs adapter
gives the heading the id and the table of contents item the `toc` extension would have
(`mkdocs_adapter.title_heading`); `inline` writes both as the Markdown they were.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from html import escape
from typing import Any

from ..safety.escape import markdown_text


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
class Fragment:
    """A fragment still to render: its template and the view it prints."""

    name: str
    context: Mapping[str, Any]


@dataclass(frozen=True)
class Composed:
    """A page's Markdown with slot tokens, and the fragments that fill them; `render` makes a
    fragment's HTML for this page. A record page's `heading` (its title) and `summary` go
    above the Markdown's content."""

    markdown: str
    fragments: tuple[Fragment, ...]
    tokens: SlotTokens
    render: Callable[[Fragment], str]
    heading: str | None = None
    summary: str | None = None

    def rendered(self) -> tuple[str, ...]:
        """The HTML of every fragment, in slot order."""
        return tuple(self.render(fragment) for fragment in self.fragments)

    def with_links_from(self, rewrite: Callable[[str], str], markdown: str) -> Composed:
        """The same page with `markdown` and every fragment's HTML passed through `rewrite`."""
        render = self.render
        return replace(self, markdown=markdown, render=lambda fragment: rewrite(render(fragment)))

    def mark(self, html: str, heading_id: str | None = None) -> str:
        """The converted page under its heading (with `heading_id`) and summary, with each
        token's paragraph replaced by an empty marker element.

        A marker holds no text, so a search indexer reading the page in between indexes none
        of the generated parts and no token. A token that is not alone in a paragraph (a
        member's unclosed HTML block swallowed it) is removed and its marker appended, so
        nothing generated is lost or misplaced inside the member's markup.
        """
        tail = []
        for number in range(len(self.fragments)):
            token = self.tokens.token(number)
            paragraph = f"<p>{token}</p>"
            if paragraph in html:
                html = html.replace(paragraph, self._marker(number), 1)
            else:
                html = html.replace(token, "")
                tail.append(self._marker(number))
        if tail:
            html += "\n".join(tail)
        top = ""
        if self.heading is not None:
            anchor = "" if heading_id is None else f' id="{escape(heading_id)}"'
            top = f"<h1{anchor}>{escape(self.heading, quote=False)}</h1>\n"
        if self.summary:
            top += f'<p class="rep-summary">{escape(self.summary, quote=False)}</p>\n'
        return top + html

    def fill_marked(self, html: str) -> str:
        """HTML (a page's content, or the whole page) with every marker replaced by its
        fragment."""
        for number, fragment in enumerate(self.rendered()):
            html = html.replace(self._marker(number), fragment, 1)
        return html

    def fill(self, html: str) -> str:
        """The converted page with the fragments in place of the tokens."""
        return self.fill_marked(self.mark(html))

    def _marker(self, number: int) -> str:
        return f'<div data-repertoire-slot="{self.tokens.nonce}-{number}"></div>'

    def inline(self) -> str:
        """The Markdown under its heading and summary, with each fragment in place of its
        token, as a raw HTML block."""
        markdown = self.markdown
        if self.summary:
            markdown = f"{markdown_text(self.summary)}\n{{: .rep-summary }}\n\n{markdown}"
        if self.heading is not None:
            markdown = f"# {markdown_text(self.heading)}\n\n{markdown}"
        for number, fragment in enumerate(self.rendered()):
            markdown = markdown.replace(self.tokens.token(number), f"\n{fragment}\n", 1)
        return markdown
