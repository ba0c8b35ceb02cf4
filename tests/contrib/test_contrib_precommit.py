"""The pre-commit hook runs `repertoire check` on the Markdown files being committed.

The real `pre-commit run --files` is used in a throwaway git repository holding a copy of the
sample and the project's `.pre-commit-config.yaml`: a typo in a member id fails the hook with
the check's own line, and the fixed file passes. The hook manifest offered to other
repositories is validated by pre-commit itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.contrib import git
from tests.support.sites import ROOT, build_env

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
HOOKED_FILE = "repertoire/cases/a-case.md"
CASE = (
    "---\ntitle: A case\nsummary: One case.\nproblem_types: [sampling]\n"
    "contributors: [{member}]\ndate: 2024-03-01\n---\nBody.\n"
)


def pre_commit(root: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run pre-commit in `root`, keeping its cache in `home` (never the user's)."""
    env = {**build_env(), "PRE_COMMIT_HOME": str(home)}
    return subprocess.run(
        [*PRE_COMMIT, *args], cwd=root, capture_output=True, text=True, env=env, timeout=300
    )


def test_the_hook_fails_on_a_broken_file_and_passes_once_it_is_fixed(project, tmp_path):
    shutil.copy(ROOT / ".pre-commit-config.yaml", project.root / ".pre-commit-config.yaml")
    # The hook runs the project's own .venv, as in a contributor's clone after `make`.
    os.symlink(sys.prefix, project.root / ".venv")
    git(project.root, "init", "-q")
    case = project.root / "repertoire/cases/a-case.md"
    case.write_text(CASE.format(member="mira-kovak"), encoding="utf-8")
    git(project.root, "add", "repertoire", ".pre-commit-config.yaml")

    failed = pre_commit(project.root, tmp_path / "home", "run", "--files", HOOKED_FILE)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert (
        "repertoire/cases/a-case.md:5:16: contributors[0]: unknown member 'mira-kovak' "
        "(did you mean 'mira-kovac'?)"
    ) in failed.stdout

    case.write_text(CASE.format(member="mira-kovac"), encoding="utf-8")
    git(project.root, "add", "repertoire/cases/a-case.md")
    passed = pre_commit(project.root, tmp_path / "home", "run", "--files", HOOKED_FILE)
    assert passed.returncode == 0, passed.stdout + passed.stderr


def test_the_hook_manifest_and_config_are_valid(tmp_path):
    manifest = pre_commit(ROOT, tmp_path, "validate-manifest", str(ROOT / ".pre-commit-hooks.yaml"))
    assert manifest.returncode == 0, manifest.stdout + manifest.stderr
    config = pre_commit(ROOT, tmp_path, "validate-config", str(ROOT / ".pre-commit-config.yaml"))
    assert config.returncode == 0, config.stdout + config.stderr
