"""Fixtures of the contribution tests: a writable copy of the sample project, and the CLI.

`project` copies mkdocs.yml, the sample repertoire and overrides/ into a temporary folder, so a
test can add files with `repertoire new`, run `repertoire check` and build, exactly as a
contributor would in their clone.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.sites import ROOT, Site


@pytest.fixture
def project(tmp_path: Path) -> Site:
    """A private copy of the sample project (a `Site`, so `.check()` and `.build()` work)."""
    root = tmp_path / "project"
    root.mkdir()
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "repertoire", root / "repertoire")
    if (ROOT / "overrides").exists():
        shutil.copytree(ROOT / "overrides", root / "overrides")
    return Site(root)
