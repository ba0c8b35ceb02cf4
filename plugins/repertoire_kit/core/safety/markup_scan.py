"""Find dangerous markup in contributed Markdown, so a reviewer sees it on the pull request.

The sanitiser (`core.sanitize`) removes these constructs from the built site whatever happens;
this scan exists so that they are reported at their line instead of vanishing quietly. Link
targets are read with character references decoded, so `&#106;avascript:` and `JaVaScRiPt:` are
caught too; a tag or a link target may span lines. Code (fenced blocks, indented code blocks and
inline code spans) is skipped: showing markup there is harmless. What counts as code follows
the site's Markdown (Python-Markdown with pymdownx.superfences), and wherever the scan cannot be
sure that a part is code it reads it as text: a false alarm costs the contributor a question,
markup wrongly taken for code would be missed. Every pattern is matched without overlaps, so
the scan takes linear time whatever the input (a 1 MB line of '<a ' must not stall a build).
"""

from __future__ import annotations

import bisect
import functools
import html
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

# A line superfences may read as an opening fence: a fence after any indentation or quote marks.
_FENCE_LIKE = re.compile(r"[ \t>]*(?:`{3,}|~{3,})")
# The opening fence superfences always accepts (after its indentation): at most a language and
# the options it validates (a title, line numbers, highlighted lines). Any other fence-like line
# ends the search for code (see `_CodeFinder`).
_LINE_NUMBERS = r"\d+(?:[ \t]+\d+){0,2}"
_LINE_RANGES = r"\d+(?:-\d+)?(?:[ \t]+\d+(?:-\d+)?)*"
_FENCE_OPTION = (
    r"""[ \t]+(?:title=(?:"[^"\n]*"|'[^'\n]*')"""
    f"""|linenums=(?:"{_LINE_NUMBERS}"|'{_LINE_NUMBERS}')"""
    f"""|hl_lines=(?:"{_LINE_RANGES}"|'{_LINE_RANGES}'))"""
)
_SURE_FENCE = re.compile(r"(`{3,}|~{3,})[ \t]*(?:\.?[\w#.+-]+)?(?:" + _FENCE_OPTION + r")*[ \t]*$")
# A closing fence (after the opening fence's indentation): the opening fence exactly, not a
# longer one, then only blanks.
_FENCE_CLOSE = re.compile(r"(`{3,}|~{3,})[ \t]*$")
# A line (indented less than a code block) whose indented continuation belongs to it rather than
# being code: a list item, an admonition or details block, a tab, a footnote, a definition.
_CONTAINER = re.compile(
    r" {0,3}(?:[-*+](?:[ \t]|$)|\d+[.)](?:[ \t]|$)|!!!|\?\?\?|===[+!]?[ \t]|\[\^|:(?:[ \t]|$))"
)
# A line that may start raw HTML: a tag, closing tag, comment or declaration (tabs are expanded
# first, so a tab in front makes it indented). Python-Markdown keeps an HTML block raw up to its
# closing tag, blank and indented lines included, and the scan does not follow where that is.
# A name running on into ':', '@' or '.' is an autolink (<https://…>, <a@b.org>), never a block.
_HTML_BLOCK = re.compile(r" {0,3}<(?:[A-Za-z][A-Za-z0-9-]*(?=[\s/>\x00]|$)|[!?/])")
# What any code needs: a backtick (spans and fences), a tilde fence, an indented line (a tab
# anywhere is taken as one). Substring tests: a MULTILINE pattern would try every position.
_CODE_MARKS = ("`", "~~~", "\n    ", "\t")
# Characters Python-Markdown rewrites before reading the lines (carriage returns, STX, ETX).
_REREAD = ("\r", "\x02", "\x03")
# A tab moves to the next multiple of this many columns, as in Python-Markdown.
_TAB_SIZE = 4
_CODE_INDENT = 4
# Python-Markdown's code span: a run of backticks not escaped by a backslash, up to the next run
# of exactly as many. Pairs of backslashes before a backtick are escaped backslashes (so the
# backtick opens a span); they are masked before matching, keeping columns.
_PAIRED_BACKSLASHES = re.compile(r"(?<!\\)((?:\\{2})+)(?=`)")
_CODE_SPAN = re.compile(r"(?<!\\)(`+)(.+?)(?<!`)\1(?!`)")
_BACKTICKS = re.compile(r"`+")
# Up to this many backticks in a line, `_CODE_SPAN` itself is fast enough (see `_code_spans`).
_FEW_BACKTICKS = 32
# An HTML start tag, matched without overlaps so the scan stays linear: quoted values are taken
# whole (a quoted '>' does not end the tag, a quote does not run past its line), a tag may span
# lines, and it ends at '>' or where a new '<' starts. Group 1 is the tag's name.
_HTML_TAG = re.compile(r"""<([a-z][^\s/>"'<]*)(?:[^>"'<]|"[^"\n]*"|'[^'\n]*')*""", re.IGNORECASE)
# An attr_list block `{: #id .class key=value }` on one line. Like the tag's name, group 1 (the
# optional ':') ends where the attributes start.
_ATTR_LIST = re.compile(r"\{(:?)[^{}\n]*\}")
# One attribute inside a tag or attr_list block: its name, and whether a value follows.
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>}]*))?""")
_DANGEROUS_TAG = re.compile(
    r"<\s*(script|iframe|frame|frameset|object|embed|applet|style|link|meta|base|form|"
    r"svg|math|template)\b",
    re.IGNORECASE,
)
_SCHEMES = ("javascript", "vbscript", "data", "livescript")
# Browsers ignore control characters and spaces inside a scheme name.
_SCHEME_ALTERNATIVES = "|".join("[\\x00-\\x20]*".join(map(re.escape, s)) for s in _SCHEMES)
# Where a URL starts, with the text that start cannot do without: a Markdown link or image
# target, an autolink, an attribute value, or a reference definition (the target may be on the
# next line). One pattern per start, each beginning with its literal text, lets the regex
# engine jump from one occurrence to the next instead of trying every position; a pattern whose
# text is absent is not run at all. A target matched by several (`](<javascript:`) is reported
# once.
_URL_STARTS = (
    ("](", r"\]\(\s*<?"),
    ("<", r"<"),
    ("=", r"=\s*[\"']?"),
    ("]:", r"^[ \t]*\[[^\]\n]*\]:\s*<?"),
)
_DANGEROUS_URLS = tuple(
    (
        needed,
        re.compile(
            start + r"\s*(" + _SCHEME_ALTERNATIVES + r")[\x00-\x20]*:", re.IGNORECASE | re.MULTILINE
        ),
    )
    for needed, start in _URL_STARTS
)
# Every issue needs one of these in the body as written: a tag '<', an attr_list '{', a
# character reference '&' (which may decode into anything), or a URL start. Blanking code only
# turns text into spaces, so it cannot create one.
_ISSUE_NEEDS = ("<", "{", "&", *(needed for needed, _ in _URL_STARTS))


@dataclass(frozen=True)
class MarkupIssue:
    """One dangerous construct at a 1-based line and column of the scanned text."""

    line: int
    col: int
    message: str
    hint: str


def _decoded(line: str) -> str:
    """The line as a browser would read it: character references decoded (twice, for
    `&amp;#106;` written to survive one decoding); a decoded line break becomes a space, so the
    line numbers stay those of the file."""
    return html.unescape(html.unescape(line)).replace("\r", " ").replace("\n", " ")


def _indent(line: str) -> int:
    """Columns of leading whitespace, tabs expanded as Markdown expands them."""
    text = line.lstrip(" \t")
    prefix = line[: len(line) - len(text)]
    return len(prefix.expandtabs(_TAB_SIZE)) if "\t" in prefix else len(prefix)


def _mask(match: re.Match[str]) -> str:
    return "\0" * len(match.group(0))


def _code_spans(line: str) -> list[tuple[int, int]]:
    """Where Python-Markdown finds code spans in a line (`_CODE_SPAN`, leftmost first)."""
    probe = _PAIRED_BACKSLASHES.sub(_mask, line) if "\\" in line else line
    if line.count("`") <= _FEW_BACKTICKS:
        return [(span.start(), span.end()) for span in _CODE_SPAN.finditer(probe)]
    return _spans_by_runs(probe)


def _spans_by_runs(probe: str) -> list[tuple[int, int]]:
    """What `_CODE_SPAN` finds, computed from the runs of backticks: the regex backtracks over
    every shorter opening and takes quadratic time on a line of runs of growing length.

    At the first run that can open (not escaped by a backslash; an escaped run can still open
    from its second backtick), the longest opening wins that some later run of exactly its
    length closes; a run that no later run closes opens nothing. The search resumes after the
    closing run.
    """
    runs = [(run.start(), run.end()) for run in _BACKTICKS.finditer(probe)]
    by_length: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(runs):
        by_length.setdefault(end - start, []).append(index)
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(runs):
        start, end = runs[index]
        if start > 0 and probe[start - 1] == "\\":
            start += 1
        closing = None
        for length in range(end - start, 0, -1):
            later = by_length.get(length, [])
            position = bisect.bisect_right(later, index)
            if position < len(later):
                closing = later[position]
                break
        if closing is None:
            index += 1
            continue
        spans.append((start, runs[closing][1]))
        index = closing + 1
    return spans


def _without_spans(line: str) -> tuple[str, bool]:
    """The line with its code spans blanked (columns kept), and whether a backtick is left
    outside them (it could open a span running on into the next line; an escaped one cannot,
    but counting it too only means taking fewer spans)."""
    pieces, last = [], 0
    for start, end in _code_spans(line):
        pieces += [line[last:start], " " * (end - start)]
        last = end
    pieces.append(line[last:])
    blanked = "".join(pieces)
    return blanked, "`" in blanked


class _CodeFinder:
    """Blanks the code of a body, line by line, where the site's Markdown certainly makes code.

    Fences come first, as superfences handles them before anything else (tabs expanded). An
    opening fence with at most a language and validated options, indented by spaces, runs to
    the same fence exactly at the same indentation; every line in between must be blank or
    indented as much, or the fence is dropped there and its lines are text. Superfences also
    turns a fence back into text when the paragraph it sits in (the lines since the last blank
    one) holds an indented line before it, which may make an indented code block, or a quoted
    one, which may hold one. A fence-like line of any other form (quoted, with other options)
    or a fence never closed might swallow what follows: after such a doubt nothing is code.

    An indented line (4 columns or more) is code only in a run that starts after a blank line
    below a block that takes no indented continuation. It is text when it follows a line
    without a blank (a lazy continuation), when the block above is a list item, admonition,
    details, tab, footnote or definition (it continues them), or anywhere after a line starting
    raw HTML. The body's first line is never code, and its block is judged without its
    indentation: a record page puts the body, stripped, after a blank line under the generated
    header (`SitePages.compose_record`), while another page keeps it as written; where the two
    would differ on a fence, nothing after it is treated as code.

    Code spans are taken line by line, and only while every earlier line of the paragraph has
    its backticks paired: an unpaired one could open a span that ends on a later line, pairing
    that line's backticks differently. Raw HTML blocks are not Markdown, so after a line
    starting raw HTML no span is taken either.
    """

    def __init__(self, body: str) -> None:
        self.lines = body.split("\n")
        # Markdown splits lines at a carriage return too, and deletes the STX and ETX control
        # characters before reading anything: the lines would not be those it reads.
        self.sure = not any(char in body for char in _REREAD)
        self.markdown = True  # no line starting raw HTML yet
        self.in_code = False  # inside an indented code block
        self.after_blank = True  # the previous line is blank (the body starts a block)
        self.at_start = True  # no text yet: a record page strips the body's leading whitespace
        self.plain_block = False  # the current block takes no indented continuation
        self.spans_paired = True  # every backtick of the paragraph so far is in a span
        self.fences_kept = True  # no line of the paragraph so far may revert a fence
        self.no_fence_until = -1  # lines a dropped fence took: superfences opens none there

    def blanked(self) -> list[str]:
        """The body's lines with the code blanked."""
        result: list[str] = []
        number = 0
        while number < len(self.lines) and self.sure:
            line = placed = self.lines[number]
            if self.at_start:
                placed = line.lstrip()
                if not placed:  # whitespace a record page strips, Unicode spaces included
                    self._track_paragraph(line)
                    result.append(line)
                    number += 1
                    continue
                if placed != line and _FENCE_LIKE.match(placed):
                    self.sure = False  # a fence on a record page, maybe not on another page
                    break
            fence_end = self._fence_end(number, line) if number > self.no_fence_until else None
            if fence_end is not None:  # Markdown then reads the fence as the line it opens on
                self._read_block(line, placed)
                result += [""] * (fence_end + 1 - number)
                number = fence_end + 1
            elif self.sure:
                result.append(self._line(line, placed))
                number += 1
        return result + self.lines[len(result) :]

    def _fence_end(self, number: int, line: str) -> int | None:
        """The closing line of a fence opened here, following superfences; None when none
        opens here (or it is dropped: its lines are then text); a doubt ends all code."""
        if not _FENCE_LIKE.match(line):
            return None
        expanded = line.expandtabs(_TAB_SIZE)
        width = len(expanded) - len(expanded.lstrip(" "))
        opening = _SURE_FENCE.match(expanded, width) if self.fences_kept else None
        if opening is None:
            self.sure = False
            return None
        fence = opening.group(1)
        for later in range(number + 1, len(self.lines)):
            text = self.lines[later].expandtabs(_TAB_SIZE)
            margin = text[: min(width, len(text) - len(text.lstrip(" >")))]
            if ">" not in margin and not text.strip():
                continue
            if ">" in margin or len(margin) < width:
                self.no_fence_until = later
                return None
            closing = _FENCE_CLOSE.match(text, width)
            if closing and closing.group(1) == fence:
                return later
        self.sure = False
        return None

    def _track_paragraph(self, line: str) -> None:
        """Note a blank line (a new paragraph) or a line that may turn its fences into text."""
        if not line.strip(" \t"):
            self.fences_kept = True
        elif _indent(line) >= _CODE_INDENT or line.lstrip(" ").startswith(">"):
            self.fences_kept = False

    def _line(self, line: str, placed: str) -> str:
        """One line outside fences, with its code blanked (`placed`: the line as a record page
        has it, without its indentation if it is the body's first)."""
        if self._read_block(line, placed):
            return ""
        if "`" not in line or not (self.markdown and self.spans_paired):
            return line
        blanked, unpaired = _without_spans(line)
        self.spans_paired = not unpaired
        return blanked

    def _read_block(self, line: str, placed: str) -> bool:
        """Follow the blocks through one line; whether it is in an indented code block."""
        self._track_paragraph(line)
        if not line.strip(" \t"):
            self.after_blank, self.spans_paired = True, True
            return False
        indented = placed[0] in " \t" and _indent(placed) >= _CODE_INDENT
        if indented and (self.in_code or (self.after_blank and self.plain_block and self.markdown)):
            self.in_code, self.after_blank = True, False
            return True
        if self.in_code:  # an unindented line ends the code block and starts a paragraph
            self.in_code, self.spans_paired = False, True
        if not indented:
            self._text_line(placed)
        self.after_blank = False
        return False

    def _text_line(self, line: str) -> None:
        """Track the block a line at the margin (or a fence) starts or continues."""
        self.at_start = False
        if _HTML_BLOCK.match(line):
            self.markdown = False
        container = _CONTAINER.match(line) is not None
        self.plain_block = not container if self.after_blank else self.plain_block and not container
        self.after_blank = False


@functools.lru_cache(maxsize=4)
def lines_without_code(body: str) -> tuple[str, ...]:
    """The body's lines with fenced blocks, indented code blocks and inline code spans blanked
    (columns kept), wherever the site's Markdown certainly makes them code.

    Every check of a body reads it (this scan, links, placeholders, headings), one after the
    other: the last few bodies are kept, so each is blanked once.
    """
    if not any(mark in body for mark in _CODE_MARKS) and not body.startswith(" " * _CODE_INDENT):
        return tuple(body.split("\n"))  # nothing can be code: no fence, span or indented line
    return tuple(_CodeFinder(body).blanked())


@functools.lru_cache(maxsize=4)
def text_without_code(body: str) -> str:
    """`lines_without_code` joined by '\\n' (same line and column numbers as the body)."""
    return "\n".join(lines_without_code(body))


class Locator:
    """Turns an offset into text made of the body's lines joined by '\\n' into line and column.

    The line starts are found on first use: most bodies have nothing to locate."""

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.first_line = first_line

    @functools.cached_property
    def starts(self) -> list[int]:
        """Where each line starts, and one past the end: the running sum of the line lengths,
        at C speed."""
        return [0, *itertools.accumulate(len(line) + 1 for line in self.text.split("\n"))]

    def __call__(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.first_line + index, offset - self.starts[index] + 1

    def line_end(self, offset: int) -> int:
        """Where the line holding `offset` ends: its '\\n', or the end of the text."""
        return self.starts[bisect.bisect_right(self.starts, offset)] - 1


@dataclass(frozen=True)
class Attribute:
    """One attribute of a raw HTML tag: the tag, the name, the value as a browser reads it
    (quotes taken off, character references decoded) and the offset where the value starts."""

    tag: str
    name: str
    value: str
    offset: int


def html_attributes(text: str) -> Iterator[Attribute]:
    """Every attribute with a value of every raw HTML start tag in `text` (code blanked), read
    with the same patterns as the dangerous-markup scan."""
    if "<" not in text:
        return
    for block in _HTML_TAG.finditer(text):
        tag = block.group(1).lower()
        for attribute in _ATTRIBUTE.finditer(text, block.end(1), block.end()):
            written = attribute.group(2)
            if written is None:
                continue
            raw = written.split("=", 1)[1].lstrip()
            quoted = raw[:1] in ("'", '"')
            value = raw[1:-1] if quoted and len(raw) > 1 and raw[-1] == raw[0] else raw
            start = attribute.end(2) - len(raw) + (1 if quoted else 0)
            yield Attribute(tag, attribute.group(1).lower(), html.unescape(value), start)


def _attribute_issues(block: re.Match[str], locate: Locator) -> list[MarkupIssue]:
    """Event handlers and inline styles among the attributes of one tag or attr_list block."""
    issues: list[MarkupIssue] = []
    for attribute in _ATTRIBUTE.finditer(block.string, block.end(1), block.end()):
        name = attribute.group(1).lower()
        value = (attribute.group(2) or "").split("=", 1)[-1].strip().strip("\"'")
        offset = attribute.start(1)
        if name.startswith(("#__", "data-md-")) or (name == "id" and value.startswith("__")):
            message = f"'{attribute.group(0).strip()}' is reserved for the site's theme"
            hint = "remove it; ids starting with __ and data-md-* attributes configure the theme"
        elif attribute.group(2) is None:
            continue
        elif len(name) > 2 and name.startswith("on") and name[2:].isalpha():
            message = f"event handler attribute '{name}' is not allowed"
            hint = "remove it; pages cannot run scripts from content"
        elif name == "style":
            offset = block.start()
            message = "inline style attributes are not allowed"
            hint = "remove style=…; the site's theme handles presentation"
        else:
            continue
        issues.append(MarkupIssue(*locate(offset), message, hint))
    return issues


def scan_markdown(body: str, first_line: int = 1) -> list[MarkupIssue]:
    """Every dangerous construct in a Markdown body, with its file line.

    Tags and attributes are looked for in the text as written (a browser does not decode
    `&lt;script&gt;` into a tag); link targets in the text as a browser decodes it. Both keep
    the file's line structure, and a construct may span lines.
    """
    if not any(needed in body for needed in _ISSUE_NEEDS):
        return []
    lines = lines_without_code(body)
    written = text_without_code(body)
    at_written = at_decoded = Locator(written, first_line)
    decoded = written
    if "&" in written or "\r" in written:  # otherwise decoding changes nothing
        decoded = "\n".join(
            _decoded(line) if "&" in line or "\r" in line else line for line in lines
        )
        at_decoded = Locator(decoded, first_line)
    issues: list[MarkupIssue] = []
    if "<" in written:
        for match in _DANGEROUS_TAG.finditer(written):
            issues.append(
                MarkupIssue(
                    *at_written(match.start()),
                    f"raw <{match.group(1).lower()}> is not allowed",
                    "remove it; write the content in Markdown (the site drops this markup)",
                )
            )
        for block in _HTML_TAG.finditer(written):
            issues.extend(_attribute_issues(block, at_written))
    if "{" in written:
        for block in _ATTR_LIST.finditer(written):
            issues.extend(_attribute_issues(block, at_written))
    schemes: dict[int, str] = {}
    for needed, pattern in _DANGEROUS_URLS:
        if needed in decoded:
            for match in pattern.finditer(decoded):
                schemes.setdefault(match.start(1), match.group(1))
    for offset, written_scheme in schemes.items():
        scheme = re.sub(r"[\x00-\x20]", "", written_scheme).lower()
        issues.append(
            MarkupIssue(
                *at_decoded(offset),
                f"'{scheme}:' links are not allowed",
                "link with https://, mailto: or a relative path",
            )
        )
    return sorted(issues, key=lambda f: (f.line, f.col))
