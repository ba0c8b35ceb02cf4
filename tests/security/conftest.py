"""Fixtures of the security suite: a site seeded with hostile front matter, built once.

Every hostile value of `HOSTILE` is planted in every text field of a record of each type: one
case, one member, one problem type and one curated path per value, all linked together, so a
single build shows where each value lands. Front-matter hostility is valid data (the contract
accepts any text), so this site must build; hostile bodies are refused by the check and are
tested separately. The site enables Material's tags plugin and the repository's Markdown
extensions, so tags and the extensions' output are covered too.
"""

from __future__ import annotations

import pytest

from tests.support.security import BuiltSite, hostile_config, hostile_records, new_site
from tests.support.sites import MINIMAL


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The front-matter-hostile site, built once with `mkdocs build --strict`."""
    site = new_site(tmp_path_factory, "hostile", {**MINIMAL, **hostile_records()}, hostile_config())
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    return BuiltSite(site)
