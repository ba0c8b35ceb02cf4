"""Helpers shared by the contribution tests: running the CLI, filling placeholders, YAML 1.2.

`fill_placeholders` does what a contributor is told to do with a scaffold: write real text
wherever a line says `TODO:` and delete the `draft: true` line. `load_yaml12` reads front
matter the way an editor's YAML 1.2 parser does, which is what a JSON Schema is applied to.
`validate_for_github` checks files against the schemas GitHub publishes (vendored by
check-jsonschema, no network) and `workflow_findings` audits workflows with zizmor offline.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

from tests.support.sites import build_env

REPERTOIRE = [sys.executable, "-m", "repertoire_kit.cli.main"]
CHECK_JSONSCHEMA = [sys.executable, "-m", "check_jsonschema"]
ZIZMOR = Path(sys.executable).with_name("zizmor")
# Inside a quoted YAML value ('TODO: …') or alone on a body line.
_QUOTED_TODO = re.compile(r"""(['"])TODO:[^'"]*\1""")
_BODY_TODO = re.compile(r"^TODO:.*$", re.MULTILINE)
_DRAFT_LINE = re.compile(r"^draft: true.*\n", re.MULTILINE)


def run_cli(root: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run `repertoire ARGS` in `root` with no terminal on stdin."""
    return subprocess.run(
        [*REPERTOIRE, *args],
        cwd=root,
        capture_output=True,
        text=True,
        input=stdin,
        env=build_env(),
        timeout=120,
    )


def fill_placeholders(text: str) -> str:
    """Replace every `TODO:` with real text and publish the entry (drop `draft: true`)."""
    text = _QUOTED_TODO.sub('"Filled in by the contributor."', text)
    text = _BODY_TODO.sub("Filled in by the contributor, in plain words.", text)
    return _DRAFT_LINE.sub("", text)


def front_matter_text(path: Path) -> str:
    """The YAML between the first two `---` lines of a Markdown file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    end = lines.index("---", 1)
    return "\n".join(lines[1:end])


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2 core-schema scalars, as editors read them: `NO` and `2024-01-01` stay text."""


Yaml12Loader.yaml_implicit_resolvers = {}
for _tag, _pattern, _first in (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("null", r"^(?:~|null|Null|NULL|)$", "~nN"),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
):
    Yaml12Loader.add_implicit_resolver(
        f"tag:yaml.org,2002:{_tag}", re.compile(_pattern), list(_first) + [""] * (_tag == "null")
    )


def load_yaml12(text: str) -> Any:
    """Parse YAML text with YAML 1.2 core-schema scalars."""
    return yaml.load(text, Loader=Yaml12Loader)


def git(cwd: Path, *args: str, date: str = "") -> str:
    """Run git with a fixed identity; `date` sets both author and committer dates."""
    env = dict(os.environ)
    env.update(
        {
            "GIT_AUTHOR_NAME": "Test",
            "GIT_AUTHOR_EMAIL": "test@example.org",
            "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.org",
            "GIT_CONFIG_NOSYSTEM": "1",
            "HOME": str(cwd),
        }
    )
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date
    completed = subprocess.run(
        ["git", *args], cwd=cwd, capture_output=True, text=True, env=env, check=True, timeout=60
    )
    return completed.stdout


def validate_for_github(schema: str, *paths: Path) -> subprocess.CompletedProcess[str]:
    """Validate files against one of GitHub's schemas (`github-workflows`, `dependabot`, …)."""
    command = [*CHECK_JSONSCHEMA, "--builtin-schema", f"vendor.{schema}", *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)


def workflow_findings(folder: Path) -> subprocess.CompletedProcess[str]:
    """zizmor's audit of a folder of workflows, offline (exit 0: no findings)."""
    command = [str(ZIZMOR), "--offline", "--no-progress", "--format", "plain", str(folder)]
    return subprocess.run(command, capture_output=True, text=True, timeout=120)
