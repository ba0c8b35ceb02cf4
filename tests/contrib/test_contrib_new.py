"""`repertoire new` writes a file the contract accepts, and refuses what it must not write.

For every kind (case, story, tool, member, problem, path, use) the scaffold's front matter is
valid as written: an entry (a draft) passes `repertoire check`, while a member, problem type,
path or use, published at once, gets an error at each `TODO:` placeholder still in it; once
they are filled and the draft line deleted, every kind passes and is published by a real
build. It never overwrites, refuses unknown ids with a did-you-mean, quotes titles YAML would
misread, asks for missing values on a terminal, and follows the kinds configured in mkdocs.yml.
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from repertoire_kit.cli.main import main
from repertoire_kit.core import clock
from repertoire_kit.core.load.loader import load_repertoire
from repertoire_kit.core.load.project import load_project
from tests.support.contrib import REPERTOIRE, fill_placeholders
from tests.support.sites import build_env

ENTRY_ARGS = ["--problem", "sampling", "--by", "mira-kovac"]
SCAFFOLDS = {
    "case": (
        ["case", "Counting school buses", *ENTRY_ARGS],
        "repertoire/cases/counting-school-buses.md",
        ["## Context", "## The challenge", "## What we did", "## Outcome", "## Lessons"],
    ),
    "story": (
        ["story", "The auditor who came back", *ENTRY_ARGS],
        "repertoire/stories/the-auditor-who-came-back.md",
        ["## Setting", "## What happened", "## What it taught us"],
    ),
    "tool": (
        ["tool", "Walkthrough log", *ENTRY_ARGS],
        "repertoire/tools/walkthrough-log.md",
        ["## Purpose", "## When to use it", "## How to use it", "## Template"],
    ),
    "member": (["member", "Ana Lukić"], "repertoire/members/ana-lukic.md", ["name: Ana Lukić"]),
    "problem": (
        ["problem", "Procurement splitting", "--parent", "fieldwork"],
        "repertoire/problems/procurement-splitting.md",
        ["parent: fieldwork"],
    ),
    "path": (
        [
            "path",
            "Sampling in a week",
            "--entry",
            "cases/sampling-payroll-across-forty-schools",
            "--entry",
            "tools/attribute-sampling-table",
        ],
        "repertoire/paths/sampling-in-a-week.md",
        ["  - entry: cases/sampling-payroll-across-forty-schools"],
    ),
    "use": (
        ["use", "tools/attribute-sampling-table", "--by", "mira-kovac"],
        f"repertoire/uses/mira-kovac-attribute-sampling-table-{clock.today().year}.md",
        ["entry: tools/attribute-sampling-table", "member: mira-kovac"],
    ),
}


@dataclass(frozen=True)
class Outcome:
    """What `repertoire new` returned and printed."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def new(capsys) -> Callable[..., Outcome]:
    """Run `repertoire new` in-process (no terminal on stdin) on a project's mkdocs.yml."""

    def run(project, *args: str) -> Outcome:
        capsys.readouterr()
        code = main(["--config", str(project.root / "mkdocs.yml"), "new", *args])
        captured = capsys.readouterr()
        return Outcome(code, captured.out, captured.err)

    return run


@pytest.mark.parametrize("kind", sorted(SCAFFOLDS))
def test_scaffold_passes_the_check_as_written_and_once_filled(new, project, kind):
    args, written, expected_lines = SCAFFOLDS[kind]
    result = new(project, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == written
    path = project.root / written
    text = path.read_text(encoding="utf-8")
    for line in expected_lines:
        assert line in text.split("\n")
    assert "TODO:" in text, "the parts only the contributor can write are marked"
    as_written = project.check("--format", "json", written)
    reported = json.loads(as_written.stdout)
    if kind in ("case", "story", "tool"):  # a draft may keep its placeholders
        assert as_written.returncode == 0, as_written.stdout
        assert reported == []
    else:  # a member, a problem type or a path is published at once: each one is an error
        todo_lines = [n for n, line in enumerate(text.split("\n"), start=1) if "TODO:" in line]
        assert as_written.returncode == 1
        assert [d["line"] for d in reported] == todo_lines
        assert all("is a placeholder, still to be replaced" in d["message"] for d in reported)
        assert "body" in {d["field"] for d in reported}

    path.write_text(fill_placeholders(text), encoding="utf-8")
    filled = project.check()
    assert filled.returncode == 0, filled.stdout
    assert "TODO" not in path.read_text(encoding="utf-8")


def test_a_new_entry_is_dated_today_and_published_only_once_the_draft_line_goes(new, project):
    written = new(project, *SCAFFOLDS["case"][0]).stdout.strip()
    path = project.root / written
    assert f"date: {clock.today().isoformat()}" in path.read_text(encoding="utf-8")
    build = project.build("--strict")
    assert build.returncode == 0, build.stderr
    assert not (project.site_dir / "cases/counting-school-buses/index.html").exists()

    path.write_text(fill_placeholders(path.read_text(encoding="utf-8")), encoding="utf-8")
    build = project.build("--strict")
    assert build.returncode == 0, build.stderr
    page = project.html("cases/counting-school-buses/")
    assert "Counting school buses" in page and "Filled in by the contributor" in page
    assert "Counting school buses" in project.html("members/mira-kovac/")


def test_it_never_overwrites_a_file(new, project):
    first = new(project, *SCAFFOLDS["case"][0])
    path = project.root / first.stdout.strip()
    path.write_text("my own words\n", encoding="utf-8")
    again = new(project, *SCAFFOLDS["case"][0])
    assert again.returncode == 1
    assert "already exists" in again.stderr
    assert again.stdout == ""
    assert path.read_text(encoding="utf-8") == "my own words\n"


def test_a_name_taken_in_another_letter_case_is_refused(new, project):
    project.write({"repertoire/cases/Old-Notes.md": "notes\n"})
    result = new(project, "case", "Old notes", *ENTRY_ARGS)
    assert result.returncode == 1
    assert "cases/Old-Notes.md already exists" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["case", "X", "--problem", "samplng", "--by", "mira-kovac"],
            "unknown problem type 'samplng' (did you mean 'sampling'?)",
        ),
        (
            ["case", "X", "--problem", "sampling", "--by", "mira-kovak"],
            "unknown member 'mira-kovak' (did you mean 'mira-kovac'?)",
        ),
        (
            ["problem", "X", "--parent", "fieldwrk"],
            "unknown problem type 'fieldwrk' (did you mean 'fieldwork'?)",
        ),
        (
            ["path", "X", "--entry", "cases/sampling-payroll", "--entry", "tools/finding-template"],
            "unknown entry 'cases/sampling-payroll'",
        ),
        (
            ["use", "tools/atribute-sampling-table", "--by", "mira-kovac"],
            "unknown entry 'tools/atribute-sampling-table' "
            "(did you mean 'tools/attribute-sampling-table'?)",
        ),
        (
            ["use", "tools/attribute-sampling-table", "--by", "mira-kovak"],
            "unknown member 'mira-kovak' (did you mean 'mira-kovac'?)",
        ),
        (
            [
                "use",
                "tools/attribute-sampling-table",
                "--by",
                "mira-kovac",
                "--by",
                "ivan-dimitrov",
            ],
            "a use is one member's",
        ),
    ],
)
def test_unknown_ids_are_refused_with_a_suggestion_and_nothing_is_written(
    new, project, args, message
):
    before = sorted(project.root.rglob("*.md"))
    result = new(project, *args)
    assert result.returncode == 1
    assert message in result.stderr
    assert sorted(project.root.rglob("*.md")) == before


def test_a_path_cannot_lead_to_a_draft(new, project):
    new(project, *SCAFFOLDS["case"][0])  # a draft until its line is deleted
    result = new(
        project,
        "path",
        "X",
        "--entry",
        "cases/counting-school-buses",
        "--entry",
        "tools/finding-template",
    )
    assert result.returncode == 1
    assert "'cases/counting-school-buses' is a draft" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["cases", "X"], "unknown type of file 'cases' (did you mean 'case'?)"),
        (["case", "X", "--by", "mira-kovac"], "needs a problem type: add --problem ID"),
        (["case", "X", "--problem", "sampling"], "needs a member: add --by ID"),
        (
            ["path", "X", "--entry", "tools/finding-template"],
            "needs at least 2 entries: add --entry ID --entry ID",
        ),
        (["case"], "give a title"),
        (["use", "tools/finding-template"], "needs a member: add --by ID"),
        (["use"], "give the entry"),
        (["use", "tools/finding-template", "--problem", "sampling"], "--problem does not apply"),
        (["member", "X", "--problem", "sampling"], "--problem does not apply to a member"),
        (["story", "Аудит", *ENTRY_ARGS], "give one with --id"),
        (["tool", "Index", *ENTRY_ARGS], "'index' is reserved"),
    ],
)
def test_usage_problems_exit_2_when_there_is_no_terminal_to_ask_on(new, project, args, message):
    result = new(project, *args)
    assert result.returncode == 2
    assert message in result.stderr


def test_the_example_in_the_message_is_an_entry_of_this_site(new, project):
    refused = new(project, "use")
    example = refused.stderr.split("repertoire new use ")[1].split()[0]
    assert not example.startswith("cases/some-")
    written = new(project, "use", example, "--by", "mira-kovac")
    assert written.returncode == 0, written.stderr


def test_an_id_can_be_given_when_the_title_makes_none(new, project):
    result = new(project, "story", "Аудит на выезде", *ENTRY_ARGS, "--id", "audit-on-the-road")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "repertoire/stories/audit-on-the-road.md"
    assert project.check().returncode == 0


@pytest.mark.parametrize(
    "title",
    [
        "Scoping: the first audit",
        'The "independent" chair',
        "NO",
        "1.10",
        "12:30",
        "2024-01-01",
        "# not a comment",
        "It's [not] a list",
        "- not a list item",
        "@home & *away*",
        "%TAG",
    ],
)
def test_titles_yaml_would_misread_are_quoted_and_read_back_unchanged(new, project, title):
    result = new(
        project,
        "case",
        title,
        *ENTRY_ARGS,
        "--id",
        "tricky-title",
        "--summary",
        f"About {title}: all of it",
    )
    assert result.returncode == 0, result.stderr
    config = load_project(project.root / "mkdocs.yml")
    loaded = load_repertoire(config.root, config.docs_dir, config.settings)
    assert not loaded.diagnostics.has_errors, list(loaded.diagnostics)
    entry = loaded.repertoire.entries["cases/tricky-title"]
    assert entry.title == title
    assert entry.summary == f"About {title}: all of it"


def test_a_value_that_breaks_the_contract_is_refused_before_writing(new, project):
    result = new(project, "case", "Short", *ENTRY_ARGS, "--summary", "x" * 300)
    assert result.returncode == 1
    assert "summary: is 300 characters long; at most 280 are allowed" in result.stderr
    assert not (project.root / "repertoire/cases/short.md").exists()


def test_configured_kinds_are_the_kinds_it_knows(new, project):
    config = project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "  - repertoire\n",
            "  - repertoire:\n      kinds:\n"
            "        - {folder: cases, singular: case, plural: cases}\n"
            "        - {folder: stories, singular: story, plural: stories}\n"
            "        - {folder: tools, singular: tool, plural: tools}\n"
            "        - {folder: guides, singular: guide, plural: guides}\n",
        ),
        encoding="utf-8",
    )
    result = new(project, "guide", "Reading a budget", *ENTRY_ARGS)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "repertoire/guides/reading-a-budget.md"
    path = project.root / "repertoire/guides/reading-a-budget.md"
    path.write_text(fill_placeholders(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert project.check().returncode == 0


def _run_on_terminal(project, args: list[str], answers: list[str]) -> tuple[int, str, str]:
    """Run `repertoire new` with a pseudo-terminal as stdin, typing `answers` line by line."""
    controller, terminal = pty.openpty()
    try:
        process = subprocess.Popen(
            [*REPERTOIRE, "new", *args],
            cwd=project.root,
            stdin=terminal,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=build_env(),
        )
        os.close(terminal)
        for answer in answers:
            os.write(controller, f"{answer}\n".encode())
        out, err = process.communicate(timeout=120)
    finally:
        os.close(controller)
    return process.returncode, out.decode(), err.decode()


def test_on_a_terminal_it_asks_for_what_is_missing_until_the_ids_are_known(project):
    code, out, err = _run_on_terminal(
        project,
        ["story"],
        [
            "A night at the archive",
            "samplng",
            "sampling fieldwork",
            "mira-kovac",
            "One night, one archive and the invoice nobody could find.",
        ],
    )
    assert code == 0, err
    assert "unknown problem type 'samplng' (did you mean 'sampling'?)" in err
    assert out.strip() == "repertoire/stories/a-night-at-the-archive.md"
    text = (project.root / out.strip()).read_text(encoding="utf-8")
    assert "problem_types: [sampling, fieldwork]" in text
    assert "contributors: [mira-kovac]" in text
    assert "summary: One night, one archive and the invoice nobody could find." in text
    assert project.check().returncode == 0
