"""`repertoire check` as a maintainer and a CI job run it.

Proves the three output formats on a real project (text lines of the documented shape, JSON
with exactly the documented keys, GitHub annotations followed by the text list), the Markdown
summary file, the exit codes (0 clean or warnings only, 1 errors, 2 usage: unknown option,
unknown format, no mkdocs.yml, a file that does not exist), and that naming files limits the
report (and the exit code) to those files while references are still checked against the
whole repertoire.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from repertoire_kit.cli.main import main
from tests.support.core import EXTRA_LINE, Tree, entry_text

TEXT_LINE = re.compile(
    r"^(?P<path>repertoire/[^:]+):(?P<line>\d+):(?P<col>\d+): "
    r"(?:warning: )?(?:(?P<field>[a-z_\[\]0-9. ]+): )?(?P<message>.+?)(?: \((?P<hint>.+)\))?$"
)
BAD_TITLE = "repertoire/cases/bad-title.md"
BAD_DATE = "repertoire/stories/bad-date.md"
BAD_MEMBER = "repertoire/members/bob-stone.md"


@pytest.fixture
def broken(tree: Tree, monkeypatch: pytest.MonkeyPatch) -> Tree:
    """MINIMAL with three broken files, and the working directory set to the project."""
    tree.write("cases/bad-title.md", entry_text(title="NO"))
    tree.write("stories/bad-date.md", entry_text(date="2024-02-30", contributors="[bob-ston]"))
    tree.write(
        "members/bob-stone.md", "---\nname: Bob\nlinks:\n  - label: x\n    url: http://b\n---\n"
    )
    monkeypatch.chdir(tree.root)
    return tree


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run the command in this process; (exit code, stdout, stderr)."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_format_lines_have_the_documented_shape(broken: Tree, capsys) -> None:
    code, out, _ = run(capsys, "check")
    assert code == 1
    *lines, summary = out.splitlines()
    assert summary == "repertoire check: 4 errors"
    parsed = [TEXT_LINE.match(line) for line in lines]
    assert all(parsed), lines
    assert [(m["path"], int(m["line"]), int(m["col"]), m["field"]) for m in parsed] == [
        (BAD_TITLE, 2, 8, "title"),
        (BAD_MEMBER, 5, 10, "links[0].url"),
        (BAD_DATE, 5, 16, "contributors[0]"),
        (BAD_DATE, 6, 7, "date"),
    ]
    assert lines[0] == (
        f"{BAD_TITLE}:2:8: title: 'NO' is read by YAML as a yes/no value, not as text "
        '(put it in quotes: title: "NO")'
    )


def test_json_format_has_exactly_the_documented_keys(broken: Tree, capsys) -> None:
    code, out, _ = run(capsys, "check", "--format", "json")
    assert code == 1
    items = json.loads(out)
    assert {tuple(sorted(item)) for item in items} == {
        ("col", "field", "hint", "line", "message", "path", "severity")
    }
    assert items[2] == {
        "path": BAD_DATE,
        "line": 5,
        "col": 16,
        "field": "contributors[0]",
        "message": "unknown member 'bob-ston'",
        "hint": "did you mean 'bob-stone'?",
        "severity": "error",
    }


def test_github_format_annotates_then_lists_the_text(broken: Tree, capsys) -> None:
    _, text, _ = run(capsys, "check")
    code, out, _ = run(capsys, "check", "--format", "github")
    assert code == 1
    lines = out.splitlines()
    assert lines[:4] == [
        f"::error file={BAD_TITLE},line=2,col=8,title=title::'NO' is read by YAML as a yes/no "
        'value, not as text (put it in quotes: title: "NO")',
        f"::error file={BAD_MEMBER},line=5,col=10,title=links[0].url::'http://b' is not an "
        "allowed link (links must start with https: or mailto:)",
        f"::error file={BAD_DATE},line=5,col=16,title=contributors[0]::unknown member "
        "'bob-ston' (did you mean 'bob-stone'?)",
        f"::error file={BAD_DATE},line=6,col=7,title=date::'2024-02-30' is not a real date "
        "(check the month and the day)",
    ]
    assert lines[4:] == text.splitlines()


def test_summary_option_appends_a_markdown_table(broken: Tree, capsys, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    code, _, _ = run(capsys, "check", "--summary", str(summary))
    assert code == 1
    written = summary.read_text(encoding="utf-8").splitlines()
    assert written[:2] == ["earlier step", "### Repertoire check"]
    assert "| where | field | problem | how to fix |" in written
    rows = [row for row in written if row.startswith("| repertoire/")]
    assert [row.split(" | ")[0] for row in rows] == [
        f"| {BAD_TITLE}:2:8",
        f"| {BAD_MEMBER}:5:10",
        f"| {BAD_DATE}:5:16",
        f"| {BAD_DATE}:6:7",
    ]


def test_github_format_writes_the_step_summary_from_the_environment(
    broken: Tree, capsys, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "step-summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run(capsys, "check", "--format", "github")
    assert f"| {BAD_TITLE}:2:8 | title |" in summary.read_text(encoding="utf-8")


def test_naming_files_limits_the_report_to_them(broken: Tree, capsys) -> None:
    code, out, _ = run(capsys, "check", BAD_DATE, BAD_TITLE)
    assert code == 1
    paths = [line.split(":", 1)[0] for line in out.splitlines()[:-1]]
    assert paths == [BAD_TITLE, BAD_DATE, BAD_DATE]
    assert out.splitlines()[-1] == "repertoire check: 3 errors"


def test_naming_only_clean_files_exits_0_though_others_are_broken(broken: Tree, capsys) -> None:
    code, out, _ = run(
        capsys, "check", "repertoire/cases/first-case.md", "repertoire/members/ann-lee.md"
    )
    assert (code, out) == (0, "repertoire check: no problems found\n")


def test_a_named_file_is_still_checked_against_the_whole_repertoire(broken: Tree, capsys) -> None:
    broken.write("cases/refers.md", entry_text(extra="related: [cases/first-case]\n"))
    code, out, _ = run(capsys, "check", "repertoire/cases/refers.md")
    assert (code, out) == (0, "repertoire check: no problems found\n")


def test_naming_files_from_another_folder_with_config(
    broken: Tree, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(broken.root / "repertoire" / "cases")
    code, out, _ = run(capsys, "--config", "../../mkdocs.yml", "check", "bad-title.md")
    assert code == 1
    assert out.splitlines()[0].startswith(f"{BAD_TITLE}:2:8: title: ")
    assert out.splitlines()[-1] == "repertoire check: 1 error"


def test_a_docs_folder_argument_is_checked_like_the_default(broken: Tree, capsys) -> None:
    _, default, _ = run(capsys, "check")
    code, out, _ = run(capsys, "check", "repertoire")
    assert (code, out) == (1, default)


def test_clean_project_exits_0(tree: Tree, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tree.root)
    assert run(capsys, "check") == (0, "repertoire check: no problems found\n", "")


def test_warnings_alone_exit_0(tree: Tree, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    tree.write("cases/unfinished.md", entry_text(extra="draft: true\n"))
    tree.write("cases/refers.md", entry_text(extra="related: [cases/unfinished]\n"))
    monkeypatch.chdir(tree.root)
    code, out, _ = run(capsys, "check")
    assert code == 0
    assert out.splitlines() == [
        f"repertoire/cases/refers.md:{EXTRA_LINE}:11: warning: related[0]: 'cases/unfinished' is "
        "a draft; the link is left out until it is published",
        "repertoire check: no errors, 1 warning",
    ]


@pytest.mark.parametrize(
    "argv",
    [("check", "--bogus"), ("check", "--format", "xml"), ("frobnicate",), ()],
    ids=["unknown-option", "unknown-format", "unknown-command", "no-command"],
)
def test_usage_errors_exit_2(
    tree: Tree, capsys, monkeypatch: pytest.MonkeyPatch, argv: tuple[str, ...]
) -> None:
    monkeypatch.chdir(tree.root)
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert "usage:" in err


def test_no_mkdocs_yml_exits_2(tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check")
    assert (code, out) == (2, "")
    assert "mkdocs.yml" in err


def test_a_file_that_does_not_exist_exits_2(broken: Tree, capsys) -> None:
    code, out, err = run(capsys, "check", "repertoire/cases/nope.md")
    assert (code, out) == (2, "")
    assert "no such file: repertoire/cases/nope.md" in err


def test_a_malformed_mkdocs_yml_exits_2(
    tree: Tree, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tree.root / "mkdocs.yml").write_text("site_name: [unclosed\n", encoding="utf-8")
    monkeypatch.chdir(tree.root)
    code, out, err = run(capsys, "check")
    assert (code, out) == (2, "")
    assert "not valid YAML" in err


def test_plugin_options_in_the_mapping_form_of_plugins_are_read(
    tree: Tree, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tree.root / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: repertoire\nplugins:\n  search: {}\n"
        "  repertoire:\n    roles: [chair, member]\n",
        encoding="utf-8",
    )
    tree.write("members/ann-lee.md", "---\nname: Ann Lee\nrole: chair\n---\nAnn.\n")
    monkeypatch.chdir(tree.root)
    assert run(capsys, "check")[0] == 0


def test_the_installed_command_exits_1_on_errors_and_2_on_usage(broken: Tree) -> None:
    result = broken.site.check()
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "repertoire check: 4 errors"
    assert broken.site.check("--nope").returncode == 2
