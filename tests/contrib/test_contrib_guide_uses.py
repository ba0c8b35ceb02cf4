"""CONTRIBUTING.md's smallest contribution, recording a use, works as the guide says.

A new member follows the section's words: their member file (the guide's step 1 example) and
the use example, saved under the file name the guide gives; `repertoire check` passes, and the
build shows the use on the entry's page and the member's profile. The command the section
quotes writes a use file that the check accepts once its `TODO:` lines are written. The
section comes before the step-by-step guide to a first entry.
"""

from __future__ import annotations

import re
import shlex
import subprocess

from tests.support.contrib import REPERTOIRE, fill_placeholders
from tests.support.sites import ROOT

GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
HEADING = "## The smallest contribution: record a use"
STEP_1 = "## Step 1: add yourself as a member"
FENCE = re.compile(r"^( *)```(\w*)\n(.*?)^\1```", re.MULTILINE | re.DOTALL)


def section(heading: str) -> str:
    start = GUIDE.index(f"{heading}\n")
    following = re.compile(r"^## ", re.MULTILINE).search(GUIDE, start + len(heading))
    return GUIDE[start : following.start() if following else len(GUIDE)]


def blocks(text: str, language: str) -> list[str]:
    """The fenced blocks of one language, de-indented (list items indent them)."""
    return [
        "\n".join(line[len(indent) :] for line in body.split("\n"))
        for indent, lang, body in FENCE.findall(text)
        if lang == language
    ]


def test_recording_a_use_comes_before_a_first_entry() -> None:
    assert GUIDE.index(HEADING) < GUIDE.index("## Step 2: add an entry")


def test_the_guides_use_passes_the_check_and_shows_on_the_site(project) -> None:
    [member] = blocks(section(STEP_1), "yaml")
    text = section(HEADING)
    [use] = blocks(text, "markdown")
    file_name = re.search(r"such as `([a-z0-9-]+\.md)`", text).group(1)
    project.write(
        {
            "repertoire/members/ana-lukic.md": member,
            f"repertoire/uses/{file_name}": use,
        }
    )
    check = project.check()
    assert check.stdout.strip() == "repertoire check: no problems found", check.stdout
    build = project.build("--strict")
    assert build.returncode == 0, build.stderr
    entry = re.search(r"^entry: (\S+)$", use, re.MULTILINE).group(1)
    summary = re.search(r"^summary: (.+)$", use, re.MULTILINE).group(1)
    use_url = f"uses/{file_name.removesuffix('.md')}/"
    assert use_url in project.html(f"{entry}/")
    assert summary in project.html(use_url)
    assert use_url.removeprefix("uses/") in project.html("members/ana-lukic/")


def test_the_command_it_quotes_starts_a_use_the_check_accepts_once_written(project) -> None:
    [command] = re.findall(r"`(\.venv/bin/repertoire new use [^`]+)`", section(HEADING))
    project.write({"repertoire/members/ana-lukic.md": blocks(section(STEP_1), "yaml")[0]})
    result = subprocess.run(
        [*REPERTOIRE, *shlex.split(command)[1:]],
        cwd=project.root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    path = project.root / result.stdout.strip()
    assert path.parent.name == "uses"
    assert project.check().returncode == 1  # its TODO: lines are refused until written
    path.write_text(fill_placeholders(path.read_text(encoding="utf-8")), encoding="utf-8")
    check = project.check()
    assert check.stdout.strip() == "repertoire check: no problems found", check.stdout
