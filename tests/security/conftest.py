"""Fixtures of the security suite: a site seeded with hostile front matter, built once.

Every hostile value of `HOSTILE` is planted in every text field of a record of each type: one
case, one member, one problem type and one curated path per value, all linked together, so a
single build shows where each value lands. Front-matter hostility is valid data (the contract
accepts any text), so this site must build; hostile bodies are refused by the check and are
tested separately. The site enables Material's tags plugin and the repository's Markdown
extensions, so tags and the extensions' output are covered too.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import BASE_CONFIG, MINIMAL, Site
from tests.security.security_support import HOSTILE, MARKDOWN_EXTENSIONS, MARKDOWN_SETTINGS

SITE_NAME = "Test Exchange"


def slug(key: str) -> str:
    """The record id used for one hostile value."""
    return "hostile-" + key.replace("_", "-")


def front_matter_file(fields: dict[str, Any], body: str) -> str:
    """A record file; PyYAML writes the values, so they arrive exactly as given."""
    return f"---\n{yaml.safe_dump(fields, sort_keys=False, allow_unicode=True)}---\n{body}"


def hostile_records() -> dict[str, str]:
    """Per hostile value: a problem type, a member, a case and a path carrying it everywhere."""
    files: dict[str, str] = {}
    for key, value in HOSTILE.items():
        name = slug(key)
        files[f"repertoire/problems/{name}.md"] = front_matter_file(
            {"title": value, "summary": value}, "What this problem is.\n"
        )
        files[f"repertoire/members/{name}.md"] = front_matter_file(
            {
                "name": value,
                "affiliation": value,
                "role": "member",
                "links": [{"label": value, "url": 'https://example.org/?q=<x>&y="z"'}],
            },
            "A member who audits.\n",
        )
        files[f"repertoire/cases/{name}.md"] = front_matter_file(
            {
                "title": value,
                "summary": value,
                "problem_types": [name],
                "contributors": [name],
                "date": "2024-03-01",
                "tags": [value],
                "description": value,
            },
            "## Context\n\nWhat happened.\n",
        )
        files[f"repertoire/paths/{name}.md"] = front_matter_file(
            {
                "title": value,
                "summary": value,
                "audience": value,
                "steps": [
                    {"entry": f"cases/{name}", "note": value},
                    {"entry": "cases/first-case", "note": value},
                ],
            },
            "Follow these steps.\n",
        )
    return files


def hostile_config() -> str:
    """BASE_CONFIG with Material's tags plugin and the repository's Markdown extensions."""
    config = BASE_CONFIG.format(options="").replace("  - search\n", "  - search\n  - tags\n")
    extensions = [
        {name: MARKDOWN_SETTINGS[name]} if name in MARKDOWN_SETTINGS else name
        for name in MARKDOWN_EXTENSIONS
    ]
    return config + yaml.safe_dump({"markdown_extensions": extensions}, sort_keys=False)


@dataclass(frozen=True)
class BuiltSite:
    """A built site and the text of its files."""

    site: Site

    def text(self, rel: str) -> str:
        path = self.site.site_dir / rel
        if rel == "" or rel.endswith("/"):
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    @property
    def site_dir(self) -> Path:
        return self.site.site_dir


def new_site(
    factory: pytest.TempPathFactory, name: str, files: dict[str, str], config: str | None = None
) -> Site:
    """A project folder outside any test's tmp_path, for builds shared by several tests."""
    root = factory.mktemp(name) / "project"
    root.mkdir()
    (root / "mkdocs.yml").write_text(config or BASE_CONFIG.format(options=""), encoding="utf-8")
    return Site(root).write(files)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The front-matter-hostile site, built once with `mkdocs build --strict`."""
    site = new_site(tmp_path_factory, "hostile", {**MINIMAL, **hostile_records()}, hostile_config())
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    return BuiltSite(site)
