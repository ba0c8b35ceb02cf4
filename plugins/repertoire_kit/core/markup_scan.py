"""Find dangerous markup in contributed Markdown, so a reviewer sees it on the pull request.

The sanitiser (`core.sanitize`) removes these constructs from the built site whatever happens;
this scan exists so that they are reported at their line instead of vanishing quietly. It
decodes character references first, so `&#106;avascript:` and `JaVaScRiPt:` are caught too.
Code (fenced blocks and inline code spans) is skipped: showing markup there is harmless.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

_FENCE_OPEN = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1")
_DANGEROUS_TAG = re.compile(
    r"<\s*(script|iframe|frame|frameset|object|embed|applet|style|link|meta|base|form|"
    r"svg|math|template)\b",
    re.IGNORECASE,
)
# An on…= attribute inside an HTML tag or an attr_list `{: … }` block (not in prose).
_EVENT_ATTRIBUTE = re.compile(
    r"(?:<[a-z][^>]*?[\s\"'/]|\{:?\s*(?:[^}]*?[\s\"'])?)(on[a-z]+)\s*=", re.IGNORECASE
)
_STYLE_ATTRIBUTE = re.compile(r"(?:<[^>]*\s|\{[^}]*)style\s*=", re.IGNORECASE)
_SCHEMES = ("javascript", "vbscript", "data", "livescript")
# Where a URL starts: a Markdown link or image target, an autolink, an attribute value, or a
# reference definition. Browsers ignore control characters and spaces inside a scheme name.
_URL_START = r"(?:\]\(\s*<?|<|=\s*[\"']?|^\s*\[[^\]]*\]:\s*<?)\s*"
_SCHEME_ALTERNATIVES = "|".join("[\\x00-\\x20]*".join(map(re.escape, s)) for s in _SCHEMES)
_DANGEROUS_URL = re.compile(
    _URL_START + r"(" + _SCHEME_ALTERNATIVES + r")[\x00-\x20]*:", re.IGNORECASE
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
    `&amp;#106;` written to survive one decoding)."""
    return html.unescape(html.unescape(line))


def scan_markdown(body: str, first_line: int = 1) -> list[Finding]:
    """Every dangerous construct in a Markdown body, with its file line."""
    findings: list[Finding] = []
    fence: str | None = None
    for offset, raw in enumerate(body.split("\n")):
        line_no = first_line + offset
        opened = _FENCE_OPEN.match(raw)
        if fence is not None:
            if opened and opened.group(1)[0] == fence[0] and len(opened.group(1)) >= len(fence):
                fence = None
            continue
        if opened:
            fence = opened.group(1)
            continue
        visible = _CODE_SPAN.sub(lambda m: " " * len(m.group(0)), raw)
        text = _decoded(visible)
        for match in _DANGEROUS_TAG.finditer(text):
            findings.append(Finding(
                line_no, match.start() + 1, f"raw <{match.group(1).lower()}> is not allowed",
                "remove it; write the content in Markdown (the site drops this markup)",
            ))
        for match in _EVENT_ATTRIBUTE.finditer(text):
            findings.append(Finding(
                line_no, match.start(1) + 1,
                f"event handler attribute '{match.group(1).lower()}' is not allowed",
                "remove it; pages cannot run scripts from content",
            ))
        for match in _STYLE_ATTRIBUTE.finditer(text):
            findings.append(Finding(
                line_no, match.start() + 1, "inline style attributes are not allowed",
                "remove style=…; the site's theme handles presentation",
            ))
        for match in _DANGEROUS_URL.finditer(text):
            scheme = re.sub(r"[\x00-\x20]", "", match.group(1)).lower()
            findings.append(Finding(
                line_no, match.start(1) + 1, f"'{scheme}:' links are not allowed",
                "link with https://, mailto: or a relative path",
            ))
    return findings
