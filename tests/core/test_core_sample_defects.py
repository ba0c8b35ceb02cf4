"""The issue's "done when": defects injected into a copy of the real sample are all reported.

A copy of the sample community (repertoire/, mkdocs.yml, overrides/) gets eleven defects of
different classes, each in a different file across all five folders, at lines the test works
out from the text it edits. `repertoire check` must report exactly those problems at their
path:line:col and exit 1, and `mkdocs build` on the same copy must fail and log every one of
them. The untouched copy must pass with "no problems found".

Which files are edited is chosen from the sample itself (first files in name order, a problem
type that has a parent), so the test keeps working when the sample's content changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from repertoire_kit.core.report import format_text
from tests.support.core import copy_sample_into, load_project_dir

Expected = tuple[str, int, int, str]  # path, line, col, field


@dataclass
class SampleCopy:
    """A copy of the sample whose files the test edits, remembering what it broke."""

    site: Any
    expected: list[Expected] = field(default_factory=list)
    hints: dict[Expected, str] = field(default_factory=dict)

    @property
    def docs(self) -> Path:
        return Path(self.site.root) / "repertoire"

    def names(self, folder: str) -> list[str]:
        return sorted(p.stem for p in (self.docs / folder).glob("*.md") if p.stem != "index")

    def front_matter(self, rel: str) -> dict[str, Any]:
        """The file's fields, read with PyYAML alone (independently of the code under test)."""
        text = (self.docs / rel).read_text(encoding="utf-8")
        return yaml.safe_load(text.split("---\n")[1]) or {}

    def lines(self, rel: str) -> list[str]:
        return (self.docs / rel).read_text(encoding="utf-8").split("\n")

    def save(self, rel: str, lines: list[str]) -> None:
        (self.docs / rel).write_text("\n".join(lines), encoding="utf-8")

    def closing_fence(self, rel: str) -> int:
        """The 0-based index of the front matter's closing '---'."""
        return self.lines(rel).index("---", 1)

    def set_field(self, rel: str, key: str, line_text: str) -> int:
        """Replace the `key:` line (or add one before the closing fence); its 1-based line."""
        lines = self.lines(rel)
        end = lines.index("---", 1)
        index = next((i for i in range(1, end) if lines[i].startswith(f"{key}:")), end)
        if index == end:
            lines.insert(end, line_text)
        else:
            lines[index] = line_text
        self.save(rel, lines)
        return index + 1

    def append_line(self, rel: str, line_text: str) -> int:
        lines = self.lines(rel)
        while lines and lines[-1] == "":
            lines.pop()
        lines += ["", line_text, ""]
        self.save(rel, lines)
        return len(lines) - 1

    def expect(self, rel: str, line: int, col: int, field_name: str, hint: str = "") -> None:
        item = (f"repertoire/{rel}", line, col, field_name)
        self.expected.append(item)
        if hint:
            self.hints[item] = hint


def inject_defects(copy: SampleCopy) -> None:
    """Eleven defects of different classes, in eleven different files."""
    cases, stories, tools = copy.names("cases"), copy.names("stories"), copy.names("tools")
    members, problems = copy.names("members"), copy.names("problems")

    rel = f"cases/{cases[0]}.md"  # a bare NO where text is expected
    copy.expect(
        rel, copy.set_field(rel, "title", "title: NO"), 8, "title", 'put it in quotes: title: "NO"'
    )

    rel = f"cases/{cases[1]}.md"  # a misspelt member id
    contributor = copy.front_matter(rel)["contributors"][0]
    copy.expect(
        rel,
        copy.set_field(rel, "contributors", f"contributors: [{contributor[:-1]}]"),
        16,
        "contributors[0]",
        f"'{contributor}'",
    )

    rel = f"cases/{cases[2]}.md"  # updated before date
    copy.expect(rel, copy.set_field(rel, "updated", "updated: 1999-12-31"), 10, "updated")

    rel = f"stories/{stories[0]}.md"  # an impossible date
    copy.expect(rel, copy.set_field(rel, "date", "date: 2023-02-29"), 7, "date")

    rel = f"stories/{stories[1]}.md"  # related to itself
    line = copy.set_field(rel, "related", f"related: [stories/{stories[1]}]")
    copy.expect(rel, line, 11, "related[0]")

    rel = f"tools/{tools[0]}.md"  # a misspelt key, so a required one is missing too
    summary = copy.front_matter(rel)["summary"]
    line = copy.set_field(rel, "summary", f"sumary: {json.dumps(summary)}")
    copy.expect(rel, 1, 1, "summary")
    copy.expect(rel, line, 1, "sumary", "did you mean 'summary'?")

    rel = f"tools/{tools[1]}.md"  # dangerous markup in the body
    copy.expect(rel, copy.append_line(rel, "<script>alert(1)</script>"), 1, "body")

    rel = f"members/{members[0]}.md"  # an avatar that is not there
    line = copy.set_field(rel, "avatar", "avatar: assets/avatars/nobody.png")
    copy.expect(rel, line, 9, "avatar")

    rel = f"members/{members[1]}.md"  # a YAML syntax error
    copy.expect(rel, copy.set_field(rel, "name", "name: Broken: name"), 13, "name")

    # A parent cycle: a problem type's parent is made its child's child.
    child = next(p for p in problems if copy.front_matter(f"problems/{p}.md").get("parent"))
    parent = copy.front_matter(f"problems/{child}.md")["parent"]
    parent_line = copy.set_field(f"problems/{parent}.md", "parent", f"parent: {child}")
    first = min(child, parent)
    line = (
        parent_line
        if first == parent
        else copy.lines(f"problems/{child}.md").index(f"parent: {parent}") + 1
    )
    copy.expect(f"problems/{first}.md", line, 9, "parent")

    rel = f"problems/{next(p for p in problems if p not in (child, parent))}.md"  # a duplicate key
    lines = copy.lines(rel)
    end = copy.closing_fence(rel)
    copy.save(rel, lines[:end] + ["title: The same title again"] + lines[end:])
    copy.expect(rel, end + 1, 1, "title", "keep one of them")


@pytest.fixture
def sample_copy(make_site) -> SampleCopy:
    return SampleCopy(copy_sample_into(make_site()))


def test_the_clean_sample_has_no_problems(sample_copy: SampleCopy) -> None:
    check = sample_copy.site.check()
    assert check.returncode == 0, check.stdout
    assert check.stdout == "repertoire check: no problems found\n"


def test_injected_defects_are_each_reported_and_fail_check_and_build(
    sample_copy: SampleCopy,
) -> None:
    inject_defects(sample_copy)
    assert len({path for path, *_ in sample_copy.expected}) == 11

    check = sample_copy.site.check("--format", "json")
    assert check.returncode == 1, check.stderr
    reported = json.loads(check.stdout)
    assert [(d["path"], d["line"], d["col"], d["field"]) for d in reported] == sorted(
        sample_copy.expected
    )
    for item in reported:
        key = (item["path"], item["line"], item["col"], item["field"])
        assert sample_copy.hints.get(key, "") in item["hint"]

    text = sample_copy.site.check()
    assert text.returncode == 1
    for path, line, col, field_name in sample_copy.expected:
        assert f"{path}:{line}:{col}: {field_name}: " in text.stdout

    build = sample_copy.site.build()
    assert build.returncode != 0
    for diagnostic in load_project_dir(Path(sample_copy.site.root)).diagnostics:
        assert format_text(diagnostic) in build.stderr
    assert f"the repertoire has {len(reported)} problems" in build.stderr


def test_strict_or_not_the_build_fails_on_one_defect(sample_copy: SampleCopy) -> None:
    rel = f"cases/{sample_copy.names('cases')[0]}.md"
    line = sample_copy.set_field(rel, "date", "date: 2024-02-30")
    expected = f"repertoire/{rel}:{line}:7: date: '2024-02-30' is not a real date"
    for args in ((), ("--strict",)):
        build = sample_copy.site.build(*args)
        assert build.returncode != 0
        assert expected in build.stderr
