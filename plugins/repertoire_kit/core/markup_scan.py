"""Find dangerous markup in contributed Markdown, so a reviewer sees it on the pull request.

The sanitiser (`core.sanitize`) removes these constructs from the built site whatever happens;
this scan exists so that they are reported at their line instead of vanishing quietly. Link
targets are read with character references decoded, so `&#106;avascript:` and `JaVaScRiPt:` are
caught too; a tag or a link target may span lines. Code (fenced blocks and inline code spans)
is skipped: showing markup there is harmless. Every pattern is matched without overlaps, so the
scan takes linear time whatever the input (a 1 MB line of '<a ' must not stall a build).
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
# An HTML start tag, matched without overlaps so the scan stays linear: quoted values are taken
# whole (a quoted '>' does not end the tag, a quote does not run past its line), a tag may span
# lines, and it ends at '>' or where a new '<' starts.
_HTML_TAG = re.compile(r"""<[a-z][^\s/>"'<]*(?:[^>"'<]|"[^"\n]*"|'[^'\n]*')*""", re.IGNORECASE)
# An attr_list block `{: #id .class key=value }` on one line.
_ATTR_LIST = re.compile(r"\{[^{}\n]*\}")
# One attribute inside a tag or attr_list block: its name, and whether a value follows.
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)(\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>}]*))?""")
_DANGEROUS_TAG = re.compile(
    r"<\s*(script|iframe|frame|frameset|object|embed|applet|style|link|meta|base|form|"
    r"svg|math|template)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"<[a-z][^\s/>\"'<]*|\{:?", re.IGNORECASE)
_SCHEMES = ("javascript", "vbscript", "data", "livescript")
# Where a URL starts: a Markdown link or image target, an autolink, an attribute value, or a
# reference definition (the target may be on the next line). Browsers ignore control characters
# and spaces inside a scheme name.
_URL_START = r"(?:\]\(\s*<?|<|=\s*[\"']?|^[ \t]*\[[^\]\n]*\]:\s*<?)\s*"
_SCHEME_ALTERNATIVES = "|".join("[\\x00-\\x20]*".join(map(re.escape, s)) for s in _SCHEMES)
_DANGEROUS_URL = re.compile(
    _URL_START + r"(" + _SCHEME_ALTERNATIVES + r")[\x00-\x20]*:", re.IGNORECASE | re.MULTILINE
)


@dataclass(frozen=True)
class Finding:
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


def _without_code(body: str) -> list[str]:
    """The body's lines with fenced blocks and inline code spans blanked (columns kept)."""
    lines: list[str] = []
    fence: str | None = None
    for raw in body.split("\n"):
        opened = _FENCE_OPEN.match(raw)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            lines.append("")
            continue
        if opened:
            fence = opened.group(1)
            lines.append("")
            continue
        lines.append(_CODE_SPAN.sub(lambda m: " " * len(m.group(0)), raw))
    return lines


class _Locator:
    """Turns an offset into text made of the body's lines joined by '\\n' into line and column."""

    def __init__(self, text: str, first_line: int) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.first_line = first_line

    def __call__(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return self.first_line + index, offset - self.starts[index] + 1


def _attribute_findings(block: re.Match[str], locate: _Locator) -> list[Finding]:
    """Event handlers and inline styles among the attributes of one tag or attr_list block."""
    findings: list[Finding] = []
    name_end = _NAME.match(block.group(0))
    offset = block.start() + (name_end.end() if name_end else 0)
    for attribute in _ATTRIBUTE.finditer(block.group(0), offset - block.start()):
        name = attribute.group(1).lower()
        value = (attribute.group(2) or "").split("=", 1)[-1].strip().strip("\"'")
        if name.startswith("#__") or (name == "id" and value.startswith("__")) \
                or name.startswith("data-md-"):
            findings.append(Finding(
                *locate(block.start() + attribute.start(1)),
                f"'{attribute.group(0).strip()}' is reserved for the site's theme",
                "remove it; ids starting with __ and data-md-* attributes configure the theme",
            ))
            continue
        if attribute.group(2) is None:
            continue
        if len(name) > 2 and name.startswith("on") and name[2:].isalpha():
            findings.append(Finding(
                *locate(block.start() + attribute.start(1)),
                f"event handler attribute '{name}' is not allowed",
                "remove it; pages cannot run scripts from content",
            ))
        elif name == "style":
            findings.append(Finding(
                *locate(block.start()), "inline style attributes are not allowed",
                "remove style=…; the site's theme handles presentation",
            ))
    return findings


def scan_markdown(body: str, first_line: int = 1) -> list[Finding]:
    """Every dangerous construct in a Markdown body, with its file line.

    Tags and attributes are looked for in the text as written (a browser does not decode
    `&lt;script&gt;` into a tag); link targets in the text as a browser decodes it. Both keep
    the file's line structure, and a construct may span lines.
    """
    lines = _without_code(body)
    written = "\n".join(lines)
    decoded = "\n".join(_decoded(line) for line in lines)
    at_written, at_decoded = _Locator(written, first_line), _Locator(decoded, first_line)
    findings: list[Finding] = []
    for match in _DANGEROUS_TAG.finditer(written):
        findings.append(Finding(
            *at_written(match.start()), f"raw <{match.group(1).lower()}> is not allowed",
            "remove it; write the content in Markdown (the site drops this markup)",
        ))
    for block in (*_HTML_TAG.finditer(written), *_ATTR_LIST.finditer(written)):
        findings.extend(_attribute_findings(block, at_written))
    for match in _DANGEROUS_URL.finditer(decoded):
        scheme = re.sub(r"[\x00-\x20]", "", match.group(1)).lower()
        findings.append(Finding(
            *at_decoded(match.start(1)), f"'{scheme}:' links are not allowed",
            "link with https://, mailto: or a relative path",
        ))
    return sorted(findings, key=lambda f: (f.line, f.col))
