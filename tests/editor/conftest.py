"""Fixtures of the editor tests: the project's npm packages, and remark run as the editor runs it.

VS Code's remark extension and `remark-cli` share one engine and one configuration file, so
running `remark-cli` over a folder holding the project's `.remarkrc.mjs` and `schemas/` shows
what a contributor sees in the Problems panel. The packages of `package-lock.json` are installed
once per session in a temporary folder (never in the repository); each project links to them.
Without node and npm these tests are skipped, except when CI is set: there they must run.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import pytest

from tests.support.editor import EditorMessage
from tests.support.sites import ROOT

NPM_FILES = ("package.json", "package-lock.json")
REMARK_CONFIG = ".remarkrc.mjs"
SCHEMAS = "schemas"
MIN_NODE = 18  # what the locked packages declare they need


@dataclass(frozen=True)
class RemarkProject:
    """A folder with the project's remark configuration and the installed packages."""

    root: Path
    node: str

    def write(self, files: dict[str, str]) -> RemarkProject:
        for rel, text in files.items():
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return self

    def remark(self, *paths: str) -> tuple[int, list[EditorMessage]]:
        """Run remark-cli on `paths` (relative to the root); exit code and every message."""
        cli = self.root / "node_modules" / "remark-cli" / "cli.js"
        result = subprocess.run(
            [self.node, str(cli), *paths, "--no-stdout", "--no-color", "--report", "json"],
            cwd=self.root,
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "NODE_NO_WARNINGS": "1"},
        )
        try:
            report = json.loads(result.stderr)
        except json.JSONDecodeError:
            pytest.fail(f"remark did not report JSON (exit {result.returncode}):\n{result.stderr}")
        messages = [
            EditorMessage(
                file["path"],
                message.get("line") or 0,
                message.get("column") or 0,
                message["reason"],
                message.get("fatal") is True,
            )
            for file in report
            for message in file["messages"]
        ]
        return result.returncode, messages


def _unavailable(missing: str) -> NoReturn:
    """Skip, naming what is missing; when CI is set, fail instead: there it must run."""
    why = (
        f"{missing}: the editor's front-matter checks (remark) cannot run; install Node.js "
        f"{MIN_NODE} or later to run these tests"
    )
    if os.environ.get("CI"):
        pytest.fail(f"{why} (CI is set, so this is a failure, not a skip)")
    pytest.skip(why)


def _tool(name: str) -> str:
    """The path of node or npm, if installed."""
    found = shutil.which(name)
    if found is None:
        _unavailable(f"`{name}` is not installed")
    return found


def _check_node_version(node: str) -> None:
    """An older node installs the lock but cannot load the packages: say so instead."""
    version = subprocess.run([node, "--version"], capture_output=True, text=True).stdout.strip()
    major = re.match(r"v(\d+)\.", version)
    if major is None or int(major.group(1)) < MIN_NODE:
        _unavailable(f"node {version or '(unknown version)'} is too old")


@pytest.fixture(scope="session")
def node_modules(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The packages of package-lock.json, installed with `npm ci` once per session."""
    npm = _tool("npm")
    _check_node_version(_tool("node"))
    folder = tmp_path_factory.mktemp("npm")
    for name in NPM_FILES:
        shutil.copy(ROOT / name, folder / name)
    result = subprocess.run(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"npm ci failed:\n{result.stdout}\n{result.stderr}"
    return folder / "node_modules"


@pytest.fixture
def remark_project(node_modules: Path, tmp_path: Path):
    """A project at `root` (default: a new folder) with the repository's `.remarkrc.mjs`, the
    committed `schemas/` unless `schemas` is False (the caller writes its own), and the
    session's packages linked in."""

    def factory(root: Path | None = None, schemas: bool = True) -> RemarkProject:
        root = root or tmp_path / "remark-project"
        root.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / REMARK_CONFIG, root / REMARK_CONFIG)
        if schemas:
            shutil.copytree(ROOT / SCHEMAS, root / SCHEMAS)
        (root / "node_modules").symlink_to(node_modules, target_is_directory=True)
        return RemarkProject(root, _tool("node"))

    return factory
