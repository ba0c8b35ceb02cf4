"""`repertoire init` starts a new community's site that builds, checks and publishes as written.

A steward runs `repertoire init DIR --name NAME` in an empty folder: `mkdocs build --strict`
passes there at once, and `repertoire check` reports only what init asks them to replace (the
placeholder `site_url` and each example, as warnings); once they have, the check is clean. A
folder that is not empty is refused and left as it was. The new site carries this repository's
setup (the Markdown extensions, the theme override that keeps GitHub's API out of readers'
browsers, the pinned tools) and a CONTRIBUTING.md from the same template as this repository's
own, which is kept in step with it (`UPDATE_GOLDEN=1` rewrites CONTRIBUTING.md).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from repertoire_kit.core import contributing_guide
from repertoire_kit.core.authoring.starter import EXAMPLE_MARK, PLACEHOLDER_SITE_URL
from tests.support.contrib import run_cli, validate_for_github, workflow_findings
from tests.support.sites import ROOT, Site

NAME = 'Night Nurses: the "Third Shift" Circle'


@pytest.fixture(scope="module")
def started(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """A site written by `repertoire init` (never changed by the tests that share it)."""
    parent = tmp_path_factory.mktemp("init")
    result = run_cli(parent, "init", "circle", "--name", NAME)
    assert result.returncode == 0, result.stderr
    return Site(parent / "circle")


def copy_of(site: Site, tmp_path: Path) -> Site:
    copy = Site(tmp_path / "copy")
    for path in site.root.rglob("*"):
        if path.is_file() and "site" not in path.relative_to(site.root).parts[:1]:
            target = copy.root / path.relative_to(site.root)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    return copy


def config(site: Site) -> dict:
    return yaml.safe_load((site.root / "mkdocs.yml").read_text(encoding="utf-8"))


def test_the_new_site_builds_strictly_as_written(started):
    build = started.build("--strict")
    assert build.returncode == 0, build.stderr
    home = started.html("")
    assert "Night Nurses: the &#34;Third Shift&#34; Circle" in home or (
        "Night Nurses: the &quot;Third Shift&quot; Circle" in home
    )
    for url in ("cases/example-case/", "members/example-member/", "paths/a-first-tour/"):
        assert started.html(url)
    # No page asks GitHub's API for the repository's facts (overrides/partials/source.html).
    assert 'data-md-component="source"' not in home


def test_check_reports_only_what_init_asks_to_replace(started):
    check = started.check()
    assert check.returncode == 0, check.stdout
    lines = check.stdout.strip().splitlines()
    problems, summary = lines[:-1], lines[-1]
    examples = sorted(
        path.relative_to(started.root).as_posix()
        for path in (started.root / "repertoire").rglob("*.md")
        if EXAMPLE_MARK in path.read_text(encoding="utf-8")
    )
    assert len(examples) == 7  # home, problem type, member, three entries, path
    assert all(": warning: " in line for line in problems), problems
    assert sorted(line.split(":")[0] for line in problems) == sorted(["mkdocs.yml", *examples])
    assert any("site_url" in line and PLACEHOLDER_SITE_URL in line for line in problems)
    assert summary.endswith(f"{len(examples) + 1} warnings")


def test_once_the_steward_has_replaced_everything_the_check_is_clean(started, tmp_path):
    site = copy_of(started, tmp_path)
    config_file = site.root / "mkdocs.yml"
    config_file.write_text(
        config_file.read_text(encoding="utf-8").replace(
            PLACEHOLDER_SITE_URL, "https://circle.example.org/"
        ),
        encoding="utf-8",
    )
    for path in (site.root / "repertoire").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        kept = [line for line in text.splitlines(True) if not line.startswith(EXAMPLE_MARK)]
        path.write_text("".join(kept), encoding="utf-8")
    check = site.check()
    assert check.stdout.strip() == "repertoire check: no problems found", check.stdout
    assert site.build("--strict").returncode == 0, site.last.stderr if site.last else ""


def test_a_folder_that_is_not_empty_is_refused_and_left_as_it_was(tmp_path):
    folder = tmp_path / "existing"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    result = run_cli(tmp_path, "init", "existing", "--name", "Circle")
    assert result.returncode == 2
    assert "not empty" in result.stderr and "nothing was written" in result.stderr
    assert [p.name for p in folder.rglob("*")] == ["notes.txt"]
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_a_file_in_the_way_is_refused(tmp_path):
    (tmp_path / "taken").write_text("", encoding="utf-8")
    result = run_cli(tmp_path, "init", "taken")
    assert result.returncode == 2
    assert "not a folder" in result.stderr


def test_the_new_site_has_this_repositorys_setup(started):
    ours, theirs = config(Site(ROOT)), config(started)
    assert theirs["markdown_extensions"] == ours["markdown_extensions"]
    assert theirs["theme"]["custom_dir"] == "overrides"
    assert theirs["theme"]["font"] is False
    assert "repertoire" in theirs["plugins"]
    assert theirs["site_name"] == NAME
    for rel in ("overrides/partials/source.html",):
        assert (started.root / rel).read_bytes() == (ROOT / rel).read_bytes()
    assert (started.root / ".gitignore").read_text(encoding="utf-8").startswith(".venv/")


def pins(text: str) -> dict[str, str]:
    found = re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)$", text, re.MULTILINE)
    return {name.lower(): version for name, version in found}


def test_the_requirements_are_the_pinned_lock_and_the_kit(started):
    theirs = pins((started.root / "requirements.txt").read_text(encoding="utf-8"))
    ours = pins((ROOT / "requirements.lock").read_text(encoding="utf-8"))
    from repertoire_kit import __version__

    assert theirs == {**ours, "repertoire-kit": __version__}


def test_the_workflows_need_no_makefile_and_pin_every_action(started):
    workflows = started.root / ".github" / "workflows"
    check = yaml.safe_load((workflows / "check.yml").read_text(encoding="utf-8"))
    publish = yaml.safe_load((workflows / "publish.yml").read_text(encoding="utf-8"))
    for workflow in (check, publish):
        assert workflow["permissions"] == {"contents": "read"}
        for job in workflow["jobs"].values():
            for step in job["steps"]:
                if "uses" in step:
                    assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", step["uses"]), step
                assert "make" not in step.get("run", "").split()
    runs = [step.get("run", "") for step in check["jobs"]["check"]["steps"]]
    assert "repertoire check --format github" in runs
    assert any("repertoire build --strict" in run for run in runs)
    assert publish["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert any("--strict" in step.get("run", "") for step in publish["jobs"]["build"]["steps"])


def test_the_readme_gives_the_sites_own_commands(started):
    readme = (started.root / "README.md").read_text(encoding="utf-8")
    assert readme.startswith(f"# {NAME}\n")
    assert "pip install -r requirements.txt" in readme
    assert ".venv/bin/repertoire serve" in readme
    assert "make " not in readme


def test_contributing_is_the_same_guide_with_the_communitys_name(started):
    theirs = (started.root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert theirs == contributing_guide(NAME)
    assert theirs.startswith(f"# Contributing to {NAME}\n")
    # What needs this repository's Makefile, tests or editor tooling is left out.
    for absent in ("make serve", "### Run the tests", "## Help from your editor", "pre-commit"):
        assert absent not in theirs
    assert "## Step 1: add yourself as a member" in theirs


def test_this_repositorys_contributing_guide_comes_from_the_same_template():
    site_name = config(Site(ROOT))["site_name"]
    examples = yaml.safe_load((ROOT / "contributing-examples.yml").read_text(encoding="utf-8"))
    expected = contributing_guide(site_name, kit=True, examples=examples)
    path = ROOT / "CONTRIBUTING.md"
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(expected, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == expected, (
        "CONTRIBUTING.md is generated from plugins/repertoire_kit/templates/starter/"
        "CONTRIBUTING.md: edit the template, then run this test with UPDATE_GOLDEN=1"
    )


def test_the_stewards_guide_is_built_and_listed_with_the_reference_pages(sample_site):
    guide = sample_site.html("reference/starting-a-repertoire/")
    assert "repertoire init" in guide
    home = sample_site.html("")
    assert 'href="reference/starting-a-repertoire/"' in home
    assert 'href="reference/content-contract/"' in home


def test_the_new_sites_workflows_are_valid_for_github_and_pass_zizmor(started):
    workflows = started.root / ".github" / "workflows"
    checked = validate_for_github("github-workflows", *sorted(workflows.glob("*.yml")))
    assert checked.returncode == 0, checked.stdout + checked.stderr
    audited = workflow_findings(workflows)
    assert audited.returncode == 0, audited.stdout + audited.stderr
