"""Helpers for the core tests: a small project on disk, loaded as `repertoire check` loads it.

Tests import it as `tests.support.core` (pytest runs with `--import-mode=importlib` and
the repository root on `pythonpath`); `tests/core/conftest.py` only turns `Tree` into a fixture.

The project starts as the shared MINIMAL repertoire (problem type `sampling`, member `ann-lee`,
case `cases/first-case`) written by the root conftest's `make_site`, so a test only writes the
file it is about. `entry_text` puts the required fields of a case on known lines (2 to 6), so
that expected line numbers in the tests can be read off the text.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from repertoire_kit.core.diagnostics import Diagnostic
from repertoire_kit.core.load.loader import LoadResult, load_repertoire
from repertoire_kit.core.load.project import load_project

REPO_ROOT = Path(__file__).resolve().parents[2]
BROKEN_FIXTURES = REPO_ROOT / "tests" / "fixtures" / "broken"

# A case's required fields in file order: line 1 is '---', these are lines 2 to 6.
ENTRY_FIELDS: dict[str, str] = {
    "title": "A test case",
    "summary": "A case written by a test.",
    "problem_types": "[sampling]",
    "contributors": "[ann-lee]",
    "date": "2024-03-01",
}
EXTRA_LINE = 2 + len(ENTRY_FIELDS)  # the first line of `extra` fields


def entry_text(extra: str = "", body: str = "The body.\n", **fields: str | None) -> str:
    """A case file; a field given as None is left out, `extra` lines start at EXTRA_LINE."""
    values = {**ENTRY_FIELDS, **fields}
    lines = "".join(f"{key}: {value}\n" for key, value in values.items() if value is not None)
    return f"---\n{lines}{extra}---\n{body}"


Place = tuple[str, int, int, str]  # path, line, col, field


def located(diagnostics: list[Diagnostic]) -> list[Place]:
    """(path, line, col, field) of each diagnostic, in reporting order."""
    return [(d.path, d.line, d.col, d.field) for d in diagnostics]


def load_project_dir(root: Path) -> LoadResult:
    """Load a project's repertoire the way `repertoire check` does (drafts included)."""
    project = load_project(root / "mkdocs.yml")
    return load_repertoire(project.root, project.docs_dir, project.settings)


@dataclass
class Tree:
    """A project folder holding the MINIMAL repertoire, plus what a test adds to it."""

    site: Any  # the root conftest's Site: .root, .build(), .check()

    @property
    def root(self) -> Path:
        return Path(self.site.root)

    def write(self, rel: str, text: str) -> Tree:
        """Write a text file under the repertoire folder (`rel` is docs-relative)."""
        return self.write_bytes(rel, text.encode("utf-8"))

    def write_bytes(self, rel: str, data: bytes) -> Tree:
        path = self.root / "repertoire" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return self

    def load(self) -> LoadResult:
        return load_project_dir(self.root)

    def diagnostics(self) -> list[Diagnostic]:
        """Every diagnostic, sorted as reported."""
        return list(self.load().diagnostics)

    def only(self, rel: str) -> list[Diagnostic]:
        """The diagnostics of one docs-relative file."""
        return [d for d in self.diagnostics() if d.path == f"repertoire/{rel}"]


def copy_sample_into(site: Any) -> Any:
    """Replace a throwaway site's content with a copy of the repository's sample community."""
    root = Path(site.root)
    shutil.rmtree(root / "repertoire")
    shutil.copy(REPO_ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO_ROOT / "repertoire", root / "repertoire")
    if (REPO_ROOT / "overrides").exists():
        shutil.copytree(REPO_ROOT / "overrides", root / "overrides")
    return site
