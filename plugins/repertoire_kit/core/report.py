"""One printer for diagnostics: plain text, GitHub workflow annotations, or JSON.

The GitHub format escapes every value the way the runner's command parser expects, so that a
message quoting a contributor's text (newlines, `::`, `%`, `,`, `:`) can never start or alter
another workflow command. In every format meant for people, control characters (ANSI escapes,
backspace, bidirectional overrides) are shown as `\\xNN`/`\\uNNNN`, so a quoted key cannot
erase, recolour or reorder the line that reports it in a terminal or a CI log.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Literal

from .diagnostics import Diagnostic

Format = Literal["text", "github", "json"]
FORMATS: tuple[Format, ...] = ("text", "github", "json")
# C0 controls but tab and line breaks, DEL, C1 controls, and the invisible marks that reorder
# text. A tab is harmless and may be part of a quoted value such as 'java<TAB>script:'.
_INVISIBLE = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)

# What a Markdown table cell must not hold as it is: markup, the column bar, line breaks.
_CELL = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", "|": "\\|", "\r": " ", "\n": " ", "`": "&#96;"}
)


def _visible(text: str) -> str:
    """Control and direction characters spelled out, never sent raw to a terminal or a log."""
    return _INVISIBLE.sub(
        lambda m: (
            f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 0x100 else f"\\u{ord(m.group(0)):04x}"
        ),
        text,
    )


def format_text(diagnostic: Diagnostic) -> str:
    """`path:line:col: field: message (hint)` on one line, as compilers print it."""
    where = f"{diagnostic.path}:{diagnostic.line}:{diagnostic.col}"
    label = "" if diagnostic.severity.value == "error" else f"{diagnostic.severity.value}: "
    field_part = f"{diagnostic.field}: " if diagnostic.field else ""
    hint = f" ({diagnostic.hint})" if diagnostic.hint else ""
    text = f"{where}: {label}{field_part}{diagnostic.message}{hint}"
    return _one_line(text)


def _one_line(text: str) -> str:
    """Keep one diagnostic on one line whatever the quoted content holds."""
    return _visible(text).replace("\r", "\\r").replace("\n", "\\n")


def _escape_data(value: str) -> str:
    """Escape a workflow command's message part."""
    return _visible(value).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    """Escape a workflow command's property value (file, title, ...)."""
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostic: Diagnostic) -> str:
    """A `::error file=…,line=…,col=…,title=…::message` annotation line."""
    title = _escape_property(diagnostic.field or "repertoire")
    message = diagnostic.message + (f" ({diagnostic.hint})" if diagnostic.hint else "")
    properties = (
        f"file={_escape_property(diagnostic.path)},line={diagnostic.line},col={diagnostic.col},"
        f"title={title}"
    )
    return f"::{diagnostic.severity.value} {properties}::{_escape_data(message)}"


def summary_line(diagnostics: list[Diagnostic]) -> str:
    """A closing count that says at once whether the check passed."""
    errors = sum(1 for d in diagnostics if d.severity.value == "error")
    warnings = len(diagnostics) - errors
    if not diagnostics:
        return "repertoire check: no problems found"
    parts = [f"{errors or 'no'} error{'s' if errors != 1 else ''}"]
    if warnings:
        parts.append(f"{warnings} warning{'s' if warnings != 1 else ''}")
    return f"repertoire check: {', '.join(parts)}"


def render(diagnostics: Iterable[Diagnostic], fmt: Format) -> str:
    """All diagnostics in one format; github gives the annotations, then the full text list."""
    items = list(diagnostics)
    if fmt == "json":
        return json.dumps([d.to_dict() for d in items], indent=2, ensure_ascii=False) + "\n"
    lines: list[str] = []
    if fmt == "github":
        lines.extend(format_github(d) for d in items)
    lines.extend(format_text(d) for d in items)
    lines.append(summary_line(items))
    return "\n".join(lines) + "\n"


def render_markdown_summary(diagnostics: Iterable[Diagnostic]) -> str:
    """A Markdown table for `$GITHUB_STEP_SUMMARY`: GitHub shows only ten annotations a step."""
    items = list(diagnostics)
    if not items:
        return "### Repertoire check\n\nNo problems found.\n"

    def cell(text: str) -> str:
        return _visible(text).translate(_CELL)

    rows = [
        "### Repertoire check",
        "",
        summary_line(items),
        "",
        "| where | field | problem | how to fix |",
        "|---|---|---|---|",
    ]
    for d in items:
        rows.append(
            f"| {cell(d.path)}:{d.line}:{d.col} | {cell(d.field)} | {cell(d.message)} "
            f"| {cell(d.hint)} |"
        )
    return "\n".join(rows) + "\n"
