"""The members' guide `repertoire init` writes names the new site's own records.

Its examples link to a tool, a member and another case and list problem types: in a new site
those are the records init wrote (never the sample community's `sampling` or `mira-kovac`,
which the new site does not have), so a member who follows the guide's links or copies its ids
lands on pages that exist.
"""

from __future__ import annotations

import re

import pytest

from tests.support.contrib import run_cli
from tests.support.sites import Site

SAMPLE_WORDS = ("sampling", "payroll", "mira-kovac", "finding-template", "attribute-sampling")


@pytest.fixture(scope="module")
def guide(tmp_path_factory: pytest.TempPathFactory) -> tuple[Site, str]:
    parent = tmp_path_factory.mktemp("init-guide")
    result = run_cli(parent, "init", "circle", "--name", "The Circle")
    assert result.returncode == 0, result.stderr
    site = Site(parent / "circle")
    return site, (site.root / "CONTRIBUTING.md").read_text(encoding="utf-8")


def test_no_id_of_the_sample_community_is_left(guide):
    _, text = guide
    for word in SAMPLE_WORDS:
        assert word not in text.lower(), word


def test_every_record_a_link_of_the_guide_names_exists_in_the_new_site(guide):
    site, text = guide
    linked = set(re.findall(r"\]\(\.\./((?:tools|members|cases|stories)/[a-z0-9-]+)\.md", text))
    linked |= set(re.findall(r"^entry: ((?:tools|cases|stories)/[a-z0-9-]+)$", text, re.MULTILINE))
    assert linked
    for record in linked:
        assert (site.root / "repertoire" / f"{record}.md").is_file(), record


def test_the_problem_types_and_members_of_its_examples_exist(guide):
    site, text = guide
    [problems] = re.findall(r"^   problem_types: \[(.+)\]$", text, re.MULTILINE)
    for problem in problems.split(", "):
        assert (site.root / "repertoire/problems" / f"{problem}.md").is_file(), problem
    [co_authors] = re.findall(r"^     `\[ana-lukic, ([a-z-]+)\]`", text, re.MULTILINE)
    assert (site.root / "repertoire/members" / f"{co_authors}.md").is_file()
