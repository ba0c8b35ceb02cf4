"""Shared fixtures: throwaway sites built through the real `mkdocs build`, and the sample.

`make_site` writes a tiny project from a {path: text} mapping; `sample_site` builds the
repository's own sample community once per session. The helpers they use are in
tests/support/sites.py: tests import helpers from tests/support, never from a conftest.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from tests.support.sites import BASE_CONFIG, MINIMAL, ROOT, Site


@pytest.fixture
def make_site(tmp_path: Path):
    """Create a site from files; `options` is YAML text appended under the plugin."""

    def factory(
        files: dict[str, str] | None = None,
        options: str = "",
        config: str = "",
        base: dict[str, str] | None = None,
    ) -> Site:
        site = Site(tmp_path / "project")
        site.root.mkdir(parents=True, exist_ok=True)
        indented = textwrap.indent(textwrap.dedent(options).strip(), " " * 6)
        option_text = ":\n" + indented if options else ""
        (site.root / "mkdocs.yml").write_text(
            BASE_CONFIG.format(options=option_text) + config, encoding="utf-8"
        )
        site.write(dict(MINIMAL if base is None else base))
        site.write(files or {})
        return site

    return factory


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The repository's sample community, copied and built once (strict) per test session."""
    root = tmp_path_factory.mktemp("sample") / "project"
    root.mkdir()
    for name in ("mkdocs.yml",):
        shutil.copy(ROOT / name, root / name)
    shutil.copytree(ROOT / "repertoire", root / "repertoire")
    if (ROOT / "overrides").exists():
        shutil.copytree(ROOT / "overrides", root / "overrides")
    site = Site(root)
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    return site
