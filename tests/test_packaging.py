"""The package says what it is: one version, its licence, its changelog and its addresses.

The version is written once, in `repertoire_kit.__version__`; the installed metadata, the
changelog's newest section and the requirements file `repertoire init` writes all follow it.
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import pytest

import repertoire_kit

# pyproject.toml is read with the standard library's reader (Python 3.11 and newer).
tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parents[1]


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_version_is_written_once():
    project = pyproject()["project"]
    assert "version" not in project and "version" in project["dynamic"]
    attr = pyproject()["tool"]["setuptools"]["dynamic"]["version"]["attr"]
    assert attr == "repertoire_kit.__version__"
    assert importlib.metadata.version("repertoire-kit") == repertoire_kit.__version__


def test_the_changelog_starts_with_this_version():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    newest = re.search(r"^## (\S+)", changelog, re.MULTILINE)
    assert newest and newest.group(1) == repertoire_kit.__version__


def test_the_metadata_names_the_licence_the_readme_and_the_addresses():
    metadata = importlib.metadata.metadata("repertoire-kit")
    assert metadata["License-Expression"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    urls = dict(url.split(", ", 1) for url in metadata.get_all("Project-URL") or [])
    assert {"Homepage", "Source", "Issues", "Changelog"} <= set(urls)
    assert "Framework :: MkDocs" in (metadata.get_all("Classifier") or [])
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert "pip install repertoire-kit" in (metadata.get_payload() or "")
