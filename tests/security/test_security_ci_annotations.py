"""A diagnostic that quotes contributed text can never inject a GitHub workflow command.

The runner reads a command from any output line that starts with `::`; inside one, `,` ends a
property, `::` ends the properties and a line end ends the command. `format_github` must keep
each diagnostic on one line and escape those characters so that what the runner decodes is the
original text. The test decodes each annotation the way the runner does and requires exactly
the original path, line, column, title and message back. The last test runs the real
`repertoire check --format github` on files whose name and front matter carry commands.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from repertoire_kit.core.diagnostics import Diagnostic, Severity
from repertoire_kit.core.report import format_github, render, render_markdown_summary
from tests.support.sites import Site

_RUNNER_LINE_ENDS = re.compile(r"\r\n|\r|\n")
_COMMAND = re.compile(r"^::(?P<name>[a-z-]+)(?: (?P<properties>.*?))?::(?P<message>.*)$", re.DOTALL)


def _unescape_data(value: str) -> str:
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(value: str) -> str:
    return _unescape_data(value.replace("%3A", ":").replace("%2C", ","))


def runner_reads(output: str) -> list[tuple[str, dict[str, str], str]]:
    """The workflow commands a runner would execute from this output, decoded."""
    commands = []
    for line in _RUNNER_LINE_ENDS.split(output):
        match = _COMMAND.match(line.strip())
        if not match:
            continue
        properties = dict(
            item.split("=", 1) for item in (match["properties"] or "").split(",") if "=" in item
        )
        commands.append(
            (
                match["name"],
                {k: _unescape_property(v) for k, v in properties.items()},
                _unescape_data(match["message"]),
            )
        )
    return commands


HOSTILE_TEXT: dict[str, str] = {
    "newline then a command": "bad value\n::error file=x.md,line=1::injected",
    "carriage return then a command": "bad value\r::warning::injected",
    "stop-commands": "x\n::stop-commands::token",
    "double colon": "a::b::c",
    "percent escapes": "100% %0A %25 %3A",
    "comma and colon": "a,b:c, title=forged",
    "set-output": "\n::set-output name=x::y",
    "add-mask": "\n::add-mask::secret",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_TEXT))
@pytest.mark.parametrize("placed_in", ["message", "hint", "field", "path"])
def test_an_annotation_decodes_to_exactly_the_original(name: str, placed_in: str) -> None:
    text = HOSTILE_TEXT[name]
    values = {
        "path": "repertoire/cases/x.md",
        "field": "title",
        "message": "is wrong",
        "hint": "fix it",
    }
    values[placed_in] = text
    diagnostic = Diagnostic(
        values["path"], 3, 7, values["field"], values["message"], values["hint"]
    )
    line = format_github(diagnostic)
    assert _RUNNER_LINE_ENDS.split(line) == [line]
    assert runner_reads(line) == [
        (
            "error",
            {
                "file": values["path"],
                "line": "3",
                "col": "7",
                "title": values["field"],
            },
            f"{values['message']} ({values['hint']})",
        )
    ]


def test_warnings_are_annotated_as_warnings() -> None:
    diagnostic = Diagnostic("repertoire/x.md", 1, 1, "", "a\n::error::b", severity=Severity.WARNING)
    assert runner_reads(render([diagnostic], "github")) == [
        (
            "warning",
            {"file": "repertoire/x.md", "line": "1", "col": "1", "title": "repertoire"},
            "a\n::error::b",
        )
    ]


def test_the_text_lines_of_github_output_start_no_command() -> None:
    diagnostics = [Diagnostic("repertoire/x.md", 1, 1, "f", text) for text in HOSTILE_TEXT.values()]
    output = render(diagnostics, "github")
    assert len(runner_reads(output)) == len(diagnostics)


def test_the_step_summary_table_keeps_one_row_per_diagnostic() -> None:
    diagnostics = [
        Diagnostic("repertoire/x.md", 1, 1, "f|g", f"{text} | <script>x</script>")
        for text in HOSTILE_TEXT.values()
    ]
    table = [
        line
        for line in render_markdown_summary(diagnostics).splitlines()
        if line.startswith("| repertoire/")
    ]
    assert len(table) == len(diagnostics)
    assert all(
        len(re.findall(r"(?<!\\)\|", line)) == 5 and "<script>" not in line for line in table
    )


def test_check_in_github_format_cannot_be_made_to_run_commands(
    make_site: Callable[..., Site],
) -> None:
    site = make_site()
    odd_name = "a\n::error file=forged.md::injected.md"
    (site.root / "repertoire" / "cases" / odd_name).write_text(
        "---\ntitle: x\n---\n", encoding="utf-8"
    )
    (site.root / "repertoire" / "cases" / "field.md").write_text(
        "---\ntitle: T\nsummary: S.\nproblem_types: [sampling]\ncontributors: [ann-lee]\n"
        'date: 2024-03-01\n"x\\n::error::injected, title=forged": 1\n---\nBody.\n',
        encoding="utf-8",
    )
    result = site.check("--format", "github")
    assert result.returncode == 1
    commands = runner_reads(result.stdout)
    assert [(c[1]["file"], c[1]["title"]) for c in commands] == [
        (f"repertoire/cases/{odd_name}", "file"),
        ("repertoire/cases/field.md", "x\n::error::injected, title=forged"),
    ]
    assert all(c[0] == "error" and "injected" not in c[1].get("line", "") for c in commands)
    assert not any(Path(c[1]["file"]).name == "forged.md" for c in commands)


def test_text_output_carries_no_terminal_control_characters() -> None:
    name = "\x1b[2K\x1b[32mall good\x1b[0m\x08"
    diagnostic = Diagnostic("repertoire/members/bo.md", 3, 1, name, f"unknown field '{name}'")
    printed = render([diagnostic], "github")
    assert re.findall(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]", printed) == []
