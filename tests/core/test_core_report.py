"""The one printer of diagnostics (core.report), as plain functions.

Proves the exact text line `path:line:col: field: message (hint)`, the JSON shape, and that the
GitHub annotation format escapes every value so that a message or file name holding a newline,
`::`, `%`, `,` or `:` can never end the annotation early or start another workflow command
(checked on crafted values and, with Hypothesis, on arbitrary text that must round-trip).
"""

from __future__ import annotations

import json
import re

from hypothesis import given
from hypothesis import strategies as st

from repertoire_kit.core.diagnostics import Diagnostic, Severity
from repertoire_kit.core.report import (
    format_github,
    format_text,
    render,
    render_markdown_summary,
    summary_line,
)

TITLE = Diagnostic(
    "repertoire/cases/x.md",
    2,
    8,
    "title",
    "'NO' is read as yes/no",
    'put it in quotes: title: "NO"',
)
DATE = Diagnostic("repertoire/cases/y.md", 6, 7, "date", "'2024-02-30' is not a real date")
FILE = Diagnostic("repertoire/cases/Bad.md", 1, 1, "", "the file name is not a valid id")
DRAFT = Diagnostic(
    "repertoire/cases/z.md", 7, 11, "related[0]", "'cases/d' is a draft", severity=Severity.WARNING
)


def test_text_lines_have_the_documented_shape() -> None:
    assert format_text(TITLE) == (
        "repertoire/cases/x.md:2:8: title: 'NO' is read as yes/no (put it in quotes: title: \"NO\")"
    )
    assert format_text(DATE) == "repertoire/cases/y.md:6:7: date: '2024-02-30' is not a real date"
    assert format_text(FILE) == "repertoire/cases/Bad.md:1:1: the file name is not a valid id"
    assert format_text(DRAFT) == (
        "repertoire/cases/z.md:7:11: warning: related[0]: 'cases/d' is a draft"
    )


def test_a_text_line_stays_one_line_whatever_the_message_holds() -> None:
    sneaky = Diagnostic("repertoire/cases/x.md", 3, 1, "a\nb", "one\ntwo\rthree", "h\ni")
    assert format_text(sneaky) == "repertoire/cases/x.md:3:1: a\\nb: one\\ntwo\\rthree (h\\ni)"


def test_github_annotation_exact_form() -> None:
    assert format_github(TITLE) == (
        "::error file=repertoire/cases/x.md,line=2,col=8,title=title::"
        "'NO' is read as yes/no (put it in quotes: title: \"NO\")"
    )
    assert format_github(DRAFT).startswith(
        "::warning file=repertoire/cases/z.md,line=7,col=11,title=related[0]::"
    )
    assert format_github(FILE).startswith(
        "::error file=repertoire/cases/Bad.md,line=1,col=1,title=repertoire::"
    )


def test_github_annotation_escapes_values_that_could_inject_a_command() -> None:
    crafted = Diagnostic(
        path="repertoire/cases/a,b:c%d.md",
        line=3,
        col=5,
        field="weird,key:\n::x",
        message="bad value 'x\n::error file=evil.md::pwned' is 100% wrong, a:b",
        hint="fix::it\r\nnow",
    )
    assert format_github(crafted) == (
        "::error file=repertoire/cases/a%2Cb%3Ac%25d.md,line=3,col=5,"
        "title=weird%2Ckey%3A%0A%3A%3Ax::"
        "bad value 'x%0A::error file=evil.md::pwned' is 100%25 wrong, a:b (fix::it%0D%0Anow)"
    )


def _unescape(value: str) -> str:
    """What the Actions runner makes of an escaped value."""
    for escaped, plain in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, plain)
    return value


# Any text a contributor can get into a diagnostic, line breaks included; other control
# characters are shown spelled out (see the test below), so they do not round-trip.
_text = st.text(
    alphabet=st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc", "Cf"), include_characters="\n\r%,:"
    ),
    max_size=40,
)


@given(
    path=_text,
    field=_text.filter(bool),
    message=_text,
    hint=_text,
    line=st.integers(1, 10_000),
    col=st.integers(1, 500),
)
def test_any_text_yields_one_annotation_that_round_trips(
    path: str, field: str, message: str, hint: str, line: int, col: int
) -> None:
    annotation = format_github(Diagnostic(path, line, col, field, message, hint))
    assert "\n" not in annotation and "\r" not in annotation
    assert annotation.startswith("::error ")
    properties, separator, data = annotation[len("::error ") :].partition("::")
    assert separator == "::"
    pairs = [item.split("=", 1) for item in properties.split(",")]
    assert [key for key, _ in pairs] == ["file", "line", "col", "title"]
    values = {key: _unescape(value) for key, value in pairs}
    assert values == {"file": path, "line": str(line), "col": str(col), "title": field}
    assert _unescape(data) == message + (f" ({hint})" if hint else "")


def test_control_and_direction_characters_never_reach_the_output_raw() -> None:
    name = "\x1b[2K\x1b[32mall good\x1b[0m\x08\x7f\u202e"
    sneaky = Diagnostic("repertoire/members/bo.md", 3, 1, name, f"unknown field '{name}'")
    spelled = "\\x1b[2K\\x1b[32mall good\\x1b[0m\\x08\\x7f\\u202e"
    assert format_text(sneaky) == (
        f"repertoire/members/bo.md:3:1: {spelled}: unknown field '{spelled}'"
    )
    assert format_github(sneaky) == (
        f"::error file=repertoire/members/bo.md,line=3,col=1,title={spelled}::"
        f"unknown field '{spelled}'"
    )
    for fmt in ("text", "github"):
        assert re.findall(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", render([sneaky], fmt)) == []
    assert spelled in render_markdown_summary([sneaky])


def test_json_has_exactly_the_documented_keys() -> None:
    items = json.loads(render([TITLE, DRAFT], "json"))
    assert [sorted(item) for item in items] == [
        sorted(["path", "line", "col", "field", "message", "hint", "severity"])
    ] * 2
    assert items[0] == {
        "path": "repertoire/cases/x.md",
        "line": 2,
        "col": 8,
        "field": "title",
        "message": "'NO' is read as yes/no",
        "hint": 'put it in quotes: title: "NO"',
        "severity": "error",
    }
    assert items[1]["severity"] == "warning"
    assert json.loads(render([], "json")) == []


def test_github_format_gives_annotations_then_the_text_list_then_the_count() -> None:
    lines = render([TITLE, DATE], "github").splitlines()
    assert lines == [
        format_github(TITLE),
        format_github(DATE),
        format_text(TITLE),
        format_text(DATE),
        "repertoire check: 2 errors",
    ]


def test_summary_line_counts_errors_and_warnings() -> None:
    assert summary_line([]) == "repertoire check: no problems found"
    assert summary_line([TITLE]) == "repertoire check: 1 error"
    assert summary_line([TITLE, DATE, DRAFT]) == "repertoire check: 2 errors, 1 warning"
    assert summary_line([DRAFT]) == "repertoire check: no errors, 1 warning"
    assert render([], "text") == "repertoire check: no problems found\n"


def test_markdown_summary_is_a_table_with_cells_escaped() -> None:
    piped = Diagnostic("repertoire/cases/p.md", 4, 2, "tags[0]", "a | b <b>\r\nc", "use `x`")
    table = render_markdown_summary([TITLE, piped])
    assert table.splitlines() == [
        "### Repertoire check",
        "",
        "repertoire check: 2 errors",
        "",
        "| where | field | problem | how to fix |",
        "|---|---|---|---|",
        "| repertoire/cases/x.md:2:8 | title | 'NO' is read as yes/no "
        '| put it in quotes: title: "NO" |',
        "| repertoire/cases/p.md:4:2 | tags[0] | a \\| b &lt;b&gt;  c | use &#96;x&#96; |",
    ]
    assert render_markdown_summary([]) == "### Repertoire check\n\nNo problems found.\n"
