"""Asking the site's own Markdown (Python-Markdown) what it makes of a body.

Two answers are needed that a hand-written rule would get subtly wrong: the id each heading
gets (the `toc` extension's slugify over the rendered heading text, de-duplicated with `_1`,
`_2`), and whether a raw HTML block is never closed (Python-Markdown then keeps everything after
it, to the end of the page, inside that block). Both are computed by Python-Markdown's own
classes, on just the lines that matter, so they cost a fraction of a conversion. Python-Markdown
is imported on first use: most runs of `repertoire check` never need it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

# Up to this many '<' in a body, Python-Markdown's own reader decides (see unclosed_html_block).
_READER_TAGS = 1000
# A line that may open a raw HTML block: a tag at the margin (up to three spaces in). A name
# running on into ':', '@' or '.' is an autolink (<https://…>), never a block.
_BLOCK_START = re.compile(r"^ {0,3}<([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)", re.MULTILINE)


def _toc_slugify() -> Any:
    from markdown.extensions.toc import slugify

    return slugify


def is_toc_slugify(function: object) -> bool:
    """Whether `function` is the `toc` extension's own slugify (the one mkdocs.yml gets by
    default), so that heading ids can be computed here."""
    return function is _toc_slugify()


def slug(text: str, separator: str = "-") -> str:
    """Text as the `toc` extension's slugify makes it into an id (case, accents and
    punctuation dropped): two texts with the same slug read as the same heading."""
    return str(_toc_slugify()(text, separator))


class HeadingIds:
    """A reusable Markdown converter with `toc` and `attr_list`, for heading ids only (made
    on first use)."""

    def __init__(self, separator: str = "-") -> None:
        self.separator = separator

    @functools.cached_property
    def _converter(self) -> Any:
        """Markdown with the extensions that decide heading ids, given as objects: by name,
        Python-Markdown would search the installed packages' entry points for them."""
        import markdown
        from markdown.extensions.attr_list import AttrListExtension
        from markdown.extensions.toc import TocExtension

        toc = TocExtension(separator=self.separator)
        return markdown.Markdown(extensions=[toc, AttrListExtension()])

    def ids(self, blocks: Sequence[str]) -> list[str]:
        """The ids of the headings in `blocks` (Markdown blocks: heading lines, and paragraphs
        whose attribute lists reserve ids), in document order, as the site's toc gives them."""
        converter = self._converter
        converter.reset()
        converter.convert("\n\n".join(blocks))
        found: list[str] = []
        stack: list[dict[str, Any]] = list(reversed(converter.toc_tokens))
        while stack:
            token = stack.pop()
            found.append(str(token["id"]))
            stack.extend(reversed(token.get("children", [])))
        return found


@dataclass(frozen=True)
class UnclosedBlock:
    """A raw HTML block the site's Markdown never closes: its tag and where it opens."""

    tag: str
    line: int  # 1-based, in the text given
    col: int


@functools.lru_cache(maxsize=1)
def _watcher_class() -> Any:
    """Python-Markdown's raw-HTML reader (with md_in_html, as the site has it), noting where
    the outermost block opens."""
    from markdown.extensions.md_in_html import HTMLExtractorExtra

    class BlockWatcher(HTMLExtractorExtra):  # type: ignore[misc]
        def __init__(self, md: Any) -> None:
            self.opened: tuple[str, int, int] | None = None
            super().__init__(md)

        def handle_starttag(self, tag: str, attrs: Any) -> None:
            outside = not self.inraw and not self.mdstack
            super().handle_starttag(tag, attrs)
            if outside and (self.inraw or self.mdstack):
                line, offset = self.getpos()
                self.opened = (tag, line, offset + 1)

        @property
        def still_open(self) -> bool:
            return bool(self.inraw or self.mdstack)

    return BlockWatcher


@functools.lru_cache(maxsize=1)
def _reader_markdown() -> Any:
    """A bare Markdown instance: the reader needs only its block-level tags and its stash."""
    import markdown

    return markdown.Markdown()


def unclosed_html_block(text: str) -> UnclosedBlock | None:
    """The raw HTML block still open at the end of `text` (a body with its code blanked), if
    any: Python-Markdown would take everything after it, to the end of the page, into it.

    Python-Markdown's reader (Python's HTMLParser) takes quadratic time on some runs of '<'
    (a block holding thousands of unfinished tags), and so would the build. With more than
    `_READER_TAGS` of them, a block counts as unclosed when no closing tag of its name follows
    it anywhere: linear, and the same answer on any real page.
    """
    md = _reader_markdown()
    starts = [m for m in _BLOCK_START.finditer(text) if md.is_block_level(m.group(1).lower())]
    if not starts:
        return None
    if text.count("<") > _READER_TAGS:
        return _unclosed_by_name(text, starts)
    md.reset()
    watcher = _watcher_class()(md)
    watcher.feed(text)
    if not watcher.still_open or watcher.opened is None:
        return None
    tag, line, col = watcher.opened
    return UnclosedBlock(tag, line, col)


def _unclosed_by_name(text: str, starts: list[re.Match[str]]) -> UnclosedBlock | None:
    """The first block-level tag at a line start that no `</tag` follows."""
    last_close: dict[str, int] = {}
    for start in starts:
        tag = start.group(1).lower()
        if tag not in last_close:
            last_close[tag] = text.lower().rfind(f"</{tag}")
        if last_close[tag] < start.end():
            line = text.count("\n", 0, start.start()) + 1
            column = start.start(1) - text.rfind("\n", 0, start.start()) - 1
            return UnclosedBlock(tag, line, column)
    return None


def footnote_ids(labels: Iterable[str]) -> set[str]:
    """The ids the footnotes extension gives a note and its first reference."""
    return {prefix + label for label in labels for prefix in ("fn:", "fnref:")}
