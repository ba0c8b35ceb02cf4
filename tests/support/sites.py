"""Throwaway sites built through the real `mkdocs build`, shared by every test folder.

`Site` is a project folder: `site.build()` runs MkDocs in a subprocess exactly as a maintainer
would, and `site.html(...)` / `site.json(...)` read back what it wrote. The fixtures that make
them (`make_site`, `sample_site`) are in tests/conftest.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = [sys.executable, "-m", "mkdocs"]
REPERTOIRE = [sys.executable, "-m", "repertoire_kit.cli.main"]
# SOURCE_DATE_EPOCH of every build and check in a session: fixed, so that builds compare byte
# for byte, and taken at the start of the session, because it also stands for "today" when
# dates are checked (a file dated the day it is written must pass).
SESSION_EPOCH = int(time.time())
# In-process checks (the core tests load projects directly) see the same "today".
os.environ.setdefault("SOURCE_DATE_EPOCH", str(SESSION_EPOCH))

BASE_CONFIG = """\
site_name: Test Exchange
site_url: https://example.org/test/
docs_dir: repertoire
theme:
  name: material
plugins:
  - search
  - repertoire{options}
"""

# The smallest valid repertoire: one problem type, one member, one case.
MINIMAL: dict[str, str] = {
    "repertoire/index.md": "# Home\n\nWelcome.\n",
    "repertoire/problems/sampling.md": (
        "---\ntitle: Sampling\nsummary: Choosing what to test.\n---\nHow to choose.\n"
    ),
    "repertoire/members/ann-lee.md": "---\nname: Ann Lee\nrole: member\n---\nAnn audits schools.\n",
    "repertoire/cases/first-case.md": (
        "---\ntitle: First case\nsummary: A first case.\nproblem_types: [sampling]\n"
        "contributors: [ann-lee]\ndate: 2024-03-01\n---\n## Context\n\nSome context.\n"
    ),
}


def build_env() -> dict[str, str]:
    """The environment for a reproducible, quiet build."""
    env = dict(os.environ)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env.setdefault("SOURCE_DATE_EPOCH", str(SESSION_EPOCH))
    return env


@dataclass
class Site:
    """A throwaway project folder with helpers to build it and read the output."""

    root: Path
    last: subprocess.CompletedProcess[str] | None = field(default=None, repr=False)

    def write(self, files: dict[str, str]) -> Site:
        for rel, text in files.items():
            path = self.root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            text = textwrap.dedent(text) if text.startswith("\n") else text
            path.write_text(text, encoding="utf-8")
        return self

    def remove(self, rel: str) -> None:
        (self.root / rel).unlink()

    def build(
        self, *args: str, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        """Run `mkdocs build` here; the result keeps stdout/stderr for assertions."""
        self.last = subprocess.run(
            [*MKDOCS, "build", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env=env or build_env(),
            timeout=300,
        )
        return self.last

    def serve_build(self) -> subprocess.CompletedProcess[str]:
        """Build as `mkdocs serve` does (problems logged, pages still written, drafts shown),
        without starting a server: the plugin is told the command, as MkDocs' CLI does."""
        script = (
            "from mkdocs.commands.build import build\n"
            "from mkdocs.config import load_config\n"
            "config = load_config('mkdocs.yml')\n"
            "config.plugins.on_startup(command='serve', dirty=False)\n"
            "build(config)\n"
        )
        self.last = subprocess.run(
            [sys.executable, "-c", script],
            cwd=self.root,
            capture_output=True,
            text=True,
            env=build_env(),
            timeout=300,
        )
        return self.last

    def check(self, *args: str) -> subprocess.CompletedProcess[str]:
        """Run `repertoire check` here."""
        return subprocess.run(
            [*REPERTOIRE, "check", *args],
            cwd=self.root,
            capture_output=True,
            text=True,
            env=build_env(),
            timeout=300,
        )

    @property
    def site_dir(self) -> Path:
        return self.root / "site"

    def html(self, url_path: str) -> str:
        """The HTML of a built page by its URL path, e.g. 'cases/first-case/'."""
        path = self.site_dir / url_path
        if url_path == "" or url_path.endswith("/"):
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    def json(self, rel: str = "repertoire.json") -> Any:
        return json.loads((self.site_dir / rel).read_text(encoding="utf-8"))
