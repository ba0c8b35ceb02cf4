"""The sample builds with ProperDocs (the maintained fork of MkDocs 1.x) exactly as with MkDocs.

MkDocs 1.x is unmaintained and 2.0 drops plugins; this proves the plugin is not tied to the
`mkdocs` distribution: ProperDocs finds it through the same entry point and produces the same
pages and the same export.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.sites import ROOT, build_env


def _pages(site_dir: Path) -> set[str]:
    return {p.relative_to(site_dir).as_posix() for p in site_dir.rglob("index.html")}


def test_sample_builds_with_properdocs_like_with_mkdocs(sample_site, tmp_path):
    pytest.importorskip(
        "properdocs", reason="properdocs is in requirements-dev.lock; run make test"
    )
    project = tmp_path / "project"
    shutil.copytree(sample_site.root / "repertoire", project / "repertoire")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml"],
        cwd=project,
        capture_output=True,
        text=True,
        env=build_env(),
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    site_dir = project / "site"
    assert _pages(site_dir) == _pages(sample_site.site_dir)
    plugin_export = (sample_site.site_dir / "repertoire.json").read_bytes()
    assert (site_dir / "repertoire.json").read_bytes() == plugin_export
    entry = (site_dir / "cases/sampling-payroll-across-forty-schools/index.html").read_text()
    assert 'class="rep-panel"' in entry and "Elena Moraru" in entry
