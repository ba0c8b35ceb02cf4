"""Every link and image target a contributed body writes, with its line and column.

Read the way the site's Markdown reads them: inline links and images (`[text](target)`,
`![alt](target)`, `<target>` in angle brackets, balanced parentheses), reference-style links
(`[text][label]`, `[text][]`, and the `[label]: target` definitions they use) and raw HTML
(`<a href>`, `<img src>`). Code (fences, indented blocks, spans) and HTML comments are
skipped, as they never make a link. Brackets are paired in one pass with a stack, paragraph
breaks are looked up by bisection and a target is read for at most 2,048 characters, so the
scan takes linear time whatever the input.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..safety.markup_scan import Locator, html_attributes, text_without_code


@dataclass(frozen=True)
class LinkTarget:
    """One target as written, and how the site treats it.

    `raw_html` targets (`<a href>`, `<img src>`) reach the browser as written; Markdown ones are
    rewritten by MkDocs when they name a file of the docs folder.
    """

    target: str
    line: int
    col: int
    image: bool = False
    raw_html: bool = False

    @property
    def what(self) -> str:
        """How a message names it: 'the link', 'the image', 'the raw HTML link', ..."""
        what = "image" if self.image else "link"
        return f"the raw HTML {what}" if self.raw_html else f"the {what}"


@dataclass(frozen=True)
class MissingReference:
    """A `[text][label]` whose label no `[label]: target` line defines."""

    label: str
    line: int
    col: int


@dataclass(frozen=True)
class BodyLinks:
    """The targets of one body, and the references it uses without defining them."""

    targets: tuple[LinkTarget, ...]
    missing: tuple[MissingReference, ...]
    labels: tuple[str, ...]  # the defined labels, for did-you-mean


# A blank line: a link's text and its parts cannot span paragraphs.
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
# A reference definition, as Python-Markdown's ReferenceProcessor reads it (one line here).
_DEFINITION = re.compile(r"^[ ]{0,3}\[([^\[\]\n]*)\]:[ \t]*\n?[ \t]*(\S+)", re.MULTILINE)
# What ends a link target written without angle brackets (a title may follow it).
_BLANKS = " \t\n"
# A target is read this far at most: every '(' in a long line of '[](' would otherwise scan
# the rest of the line again.
_MAX_TARGET = 2048
# A target without parentheses or backslashes, and what may follow one.
_PLAIN_TARGET = re.compile(r"[^\s()\\<]{0,2048}")
_ENDS_TARGET = frozenset(" \t\n)")
# Up to this length, a span is searched for a paragraph break directly.
_SHORT_SPAN = 512


def _without_comments(text: str) -> str:
    """The text with HTML comments blanked (line breaks kept): Markdown leaves a commented-out
    link as raw HTML, never a link. A comment never closed is text to Python-Markdown."""
    if "<!--" not in text:
        return text
    pieces: list[str] = []
    position = 0
    while True:
        start = text.find("<!--", position)
        close = text.find("-->", start + 4) if start >= 0 else -1
        if close < 0:
            break
        end = close + 3
        pieces += [text[position:start], re.sub(r"[^\n]", " ", text[start:end])]
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def _label(text: str) -> str:
    """A reference label as Python-Markdown compares them: case and spacing ignored."""
    return " ".join(text.split()).lower()


def _brackets(text: str) -> list[int]:
    """The offsets of every '[' and ']' not escaped by a backslash, in order. Found with
    `str.find`, which skips the text between them far faster than a pattern does."""
    found: list[int] = []
    for char in "[]":
        at = text.find(char)
        while at >= 0:
            backslashes = 0
            while at - backslashes > 0 and text[at - backslashes - 1] == "\\":
                backslashes += 1
            if backslashes % 2 == 0:
                found.append(at)
            at = text.find(char, at + 1)
    return sorted(found)


def _inline_target(text: str, start: int, locate: Locator) -> tuple[tuple[str, int] | None, int]:
    """The target of an inline link whose '(' is just before `start` and where it begins (None
    when there is none), and how far the text was read for it."""
    at = start
    while at < len(text) and text[at] in _BLANKS:
        at += 1
    if at < len(text) and text[at] == "<":
        line_end = locate.line_end(at)
        close = text.find(">", at + 1, line_end)
        if close < 0:
            return None, line_end
        return (text[at + 1 : close], at + 1), close
    plain = _PLAIN_TARGET.match(text, at)  # most targets: no parentheses, no escapes
    if plain and plain.end() < len(text) and text[plain.end()] in _ENDS_TARGET:
        end = plain.end()
        return ((text[at:end], at) if end > at else None), end
    depth, end, limit = 0, at, min(len(text), at + _MAX_TARGET)
    while end < limit:
        char = text[end]
        if char == "\\":
            end += 2
            continue
        if char in _BLANKS:
            break
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                break
            depth -= 1
        end += 1
    if end >= limit and limit < len(text):
        return None, end  # longer than any address: not a link target worth following
    end = min(end, len(text))
    return ((text[at:end], at) if end > at else None), end


def find_links(body: str, first_line: int = 1) -> BodyLinks:
    """Every link and image target of a body, and its undefined references, in file order."""
    if not ("](" in body or "][" in body or "]:" in body or "<" in body):
        return BodyLinks((), (), ())
    text = _without_comments(text_without_code(body))
    locate = Locator(text, first_line)
    targets: list[LinkTarget] = []
    definitions = (
        {
            _label(m.group(1)): m
            for m in _DEFINITION.finditer(text)
            if not m.group(1).startswith("^")
        }
        if "]:" in text
        else {}
    )
    for match in definitions.values():
        target = match.group(2)
        offset = match.start(2) + (1 if target.startswith("<") else 0)
        targets.append(LinkTarget(target.removeprefix("<").removesuffix(">"), *locate(offset)))
    missing: list[MissingReference] = []
    opened: list[int] = []
    labels_at: set[int] = set()  # where the `[label]` part of a full reference starts
    blanks: list[int] = []

    def across_paragraphs(start: int, end: int) -> bool:
        if end - start < _SHORT_SPAN:  # a link's text: searched directly
            return _BLANK_LINE.search(text, start, end) is not None
        if not blanks:  # long spans (nested brackets): every break found once, then bisected
            blanks.extend(m.start() for m in _BLANK_LINE.finditer(text))
            blanks.append(len(text))
        index = bisect.bisect_left(blanks, start)
        return blanks[index] < end

    read_to = 0  # brackets inside a target already read are part of it, not links
    for at in _brackets(text) if ("](" in text or "][" in text) else ():
        if at < read_to:
            continue
        if text[at] == "[":
            opened.append(at)
            continue
        if not opened:
            continue
        start, end = opened.pop(), at + 1
        if start in labels_at or across_paragraphs(start, end):
            continue  # the label of a full reference, or not one paragraph
        follows = text[end : end + 1]
        image = start > 0 and text[start - 1] == "!"
        if follows == "(":
            found, read_to = _inline_target(text, end + 1, locate)
            if found is not None:
                targets.append(LinkTarget(found[0], *locate(found[1]), image=image))
        elif follows == "[":
            close = text.find("]", end + 1)
            if close < 0 or across_paragraphs(end, close):
                continue
            labels_at.add(end)
            written = text[end + 1 : close] or text[start + 1 : end - 1]
            if written.startswith("^"):
                continue
            if _label(written) not in definitions:
                missing.append(MissingReference(written, *locate(start)))
    for attribute in html_attributes(text):
        if (attribute.tag, attribute.name) in (("a", "href"), ("img", "src")):
            targets.append(
                LinkTarget(
                    attribute.value,
                    *locate(attribute.offset),
                    image=attribute.tag == "img",
                    raw_html=True,
                )
            )
    targets.sort(key=lambda t: (t.line, t.col))
    return BodyLinks(tuple(targets), tuple(missing), tuple(sorted(definitions)))
