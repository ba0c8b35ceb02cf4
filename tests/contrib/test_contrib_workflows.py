"""The GitHub files are valid, least-privileged, and run what the project promises.

Workflows, issue forms and Dependabot settings validate against the schemas GitHub's own
formats are published with (vendored by check-jsonschema, so no network is needed; actionlint
cannot be installed from PyPI here: its package downloads a binary while building). On top of
the schema: no `pull_request_target`, no secrets, read-only tokens except for the one job that
deploys, the Pages actions with a non-cancelling concurrency group, and a full-history checkout
for publishing. The check step's own command is run on a broken copy of the sample and must
annotate the line and write the job summary.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import yaml

from tests.support.contrib import REPERTOIRE, validate_for_github, workflow_findings
from tests.support.sites import ROOT, build_env

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
ISSUE_FORMS = sorted(p for p in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")


def load(path: Path) -> dict[str, Any]:
    """A workflow as data; PyYAML reads the `on:` key as True, so it is renamed back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def workflow(name: str) -> dict[str, Any]:
    return load(GITHUB / "workflows" / name)


def steps(job: dict[str, Any]) -> list[dict[str, Any]]:
    return list(job.get("steps", []))


def uses(job: dict[str, Any]) -> list[str]:
    """The actions a job uses, without their versions."""
    return [step["uses"].split("@", 1)[0] for step in steps(job) if "uses" in step]


def test_the_workflows_and_forms_are_valid_for_github():
    assert [p.name for p in WORKFLOWS] == ["check.yml", "publish.yml", "release.yml"]
    for schema, paths in (
        ("github-workflows", WORKFLOWS),
        ("github-issue-forms", ISSUE_FORMS),
        ("github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
        ("dependabot", [GITHUB / "dependabot.yml"]),
    ):
        result = validate_for_github(schema, *paths)
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_validation_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo hi\n        shell-script: bash\n",
        encoding="utf-8",
    )
    assert validate_for_github("github-workflows", broken).returncode == 1


PRIVILEGED_ACTIONS = {
    "actions/deploy-pages",
    "actions/download-artifact",
    "pypa/gh-action-pypi-publish",
}


def test_no_workflow_runs_untrusted_code_with_privileges():
    for path in WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        assert "pull_request_target" not in text, path.name
        assert "secrets." not in text, path.name
        data = load(path)
        assert data["permissions"] == {"contents": "read"}, path.name
        for name, job in data["jobs"].items():
            granted = job.get("permissions", {})
            if any(level == "write" for level in granted.values()):
                # A job that can write runs no repository code: no checkout, no shell, only
                # the actions that deploy or publish what a read-only job built.
                assert set(uses(job)) <= PRIVILEGED_ACTIONS, (path.name, name)
                assert not any("run" in step for step in steps(job))
        for job in data["jobs"].values():
            for step in steps(job):
                if step.get("uses", "").startswith("actions/checkout@"):
                    assert step.get("with", {}).get("persist-credentials") is False


def test_pull_requests_are_checked_tested_built_and_previewed():
    data = workflow("check.yml")
    assert set(data["on"]) == {"pull_request", "workflow_dispatch"}
    [job] = data["jobs"].values()
    commands = [step.get("run", "") for step in steps(job)]
    assert ".venv/bin/repertoire check --format github" in commands
    assert "make test" in commands and "make build" in commands
    assert "actions/upload-artifact" in uses(job)
    upload = next(s for s in steps(job) if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "site/"


def test_main_is_published_to_pages_with_full_history_and_no_race():
    data = workflow("publish.yml")
    assert data["on"]["push"] == {"branches": ["main"]}
    assert "workflow_dispatch" in data["on"]
    assert data["concurrency"]["cancel-in-progress"] is False
    build, deploy = data["jobs"]["build"], data["jobs"]["deploy"]
    checkout = next(s for s in steps(build) if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert "actions/configure-pages" in uses(build)
    assert "actions/upload-pages-artifact" in uses(build)
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"


def test_the_make_targets_the_workflows_call_exist_and_build_strictly():
    targets = {
        word
        for path in WORKFLOWS
        for job in load(path)["jobs"].values()
        for step in steps(job)
        for word in re.findall(r"^make (\S+)", step.get("run", ""), re.MULTILINE)
    }
    assert targets >= {"test", "build"}
    for target in targets:
        dry_run = subprocess.run(
            ["make", "-n", "-C", str(ROOT), target], capture_output=True, text=True, timeout=60
        )
        assert dry_run.returncode == 0, dry_run.stderr
    build = subprocess.run(
        ["make", "-n", "-C", str(ROOT), "build"], capture_output=True, text=True, timeout=60
    ).stdout
    # `repertoire build` is `mkdocs build` without Material's banner (cli/engine.py).
    assert re.search(r"(mkdocs|repertoire) build --strict", build), build


def test_the_check_step_annotates_the_line_and_writes_the_summary(project, tmp_path):
    project.write(
        {
            "repertoire/cases/broken.md": (
                "---\ntitle: Broken\nsummary: One typo.\nproblem_types: [sampling]\n"
                "contributors: [mira-kovak]\ndate: 2024-03-01\n---\nBody.\n"
            )
        }
    )
    [job] = workflow("check.yml")["jobs"].values()
    [command] = [s["run"] for s in steps(job) if "repertoire check" in s.get("run", "")]
    arguments = command.split()[1:]
    summary = tmp_path / "summary.md"
    env = {**build_env(), "GITHUB_STEP_SUMMARY": str(summary)}
    result = subprocess.run(
        [*REPERTOIRE, *arguments],
        cwd=project.root,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stdout.startswith(
        "::error file=repertoire/cases/broken.md,line=5,col=16,title=contributors[0]::"
        "unknown member 'mira-kovak' (did you mean 'mira-kovac'?)"
    )
    assert "mira-kovak" in summary.read_text(encoding="utf-8")


def test_the_pull_request_template_asks_for_a_maintainer_on_build_changes():
    template = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    checklist = [line for line in template.splitlines() if line.startswith("- [ ]")]
    assert 4 <= len(checklist) <= 8
    review_line = next(line for line in checklist if "maintainer" in line)
    for path in ("mkdocs.yml", "overrides/", "plugins/"):
        assert path in review_line


def test_the_issue_forms_cover_entries_problem_types_and_the_site():
    names = {yaml.safe_load(p.read_text(encoding="utf-8"))["name"] for p in ISSUE_FORMS}
    assert names == {"Propose an entry", "Suggest a problem type", "Report a problem with the site"}


def test_links_to_the_repository_agree_with_mkdocs_yml():
    repo_url = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["repo_url"]
    config = yaml.safe_load((GITHUB / "ISSUE_TEMPLATE" / "config.yml").read_text(encoding="utf-8"))
    for link in config["contact_links"]:
        assert link["url"].startswith(repo_url + "/")
    site_guide = (ROOT / "repertoire" / "reference" / "contributing.md").read_text(encoding="utf-8")
    for url in re.findall(r"https://github\.com/[^\s)]+", site_guide):
        assert url.startswith(repo_url), url


def test_the_workflows_pass_zizmor_with_no_findings():
    """Every action pinned to a commit, no excessive permissions, no template injection."""
    result = workflow_findings(GITHUB / "workflows")
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_catches_an_action_pinned_by_tag(tmp_path):
    text = (GITHUB / "workflows" / "check.yml").read_text(encoding="utf-8")
    unpinned = re.sub(r"actions/checkout@[0-9a-f]{40}[^\n]*", "actions/checkout@v5", text)
    assert unpinned != text
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    (folder / "check.yml").write_text(unpinned, encoding="utf-8")
    result = workflow_findings(folder)
    assert result.returncode != 0 and "unpinned-uses" in result.stdout + result.stderr


def test_a_release_is_built_on_a_version_tag_and_published_without_a_token():
    release = workflow("release.yml")
    assert release["on"] == {"push": {"tags": ["v*"]}}
    assert release["permissions"] == {"contents": "read"}
    build, publish = release["jobs"]["build"], release["jobs"]["publish"]
    assert "permissions" not in build  # read-only, from the workflow
    assert publish["needs"] == "build"
    assert publish["permissions"] == {"id-token": "write"}
    assert publish["environment"]["name"] == "pypi"
    assert uses(publish) == ["actions/download-artifact", "pypa/gh-action-pypi-publish"]
    assert "with" not in steps(publish)[-1]  # trusted publishing: no password, no token
    text = (GITHUB / "workflows" / "release.yml").read_text(encoding="utf-8")
    assert "secrets." not in text
    assert "twine check --strict" in text and "GITHUB_REF_NAME" in text
