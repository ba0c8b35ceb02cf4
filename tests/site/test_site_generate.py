"""`repertoire generate` writes a plain MkDocs project that builds to the same cross-indexes.

On the sample, the generated project holds a mkdocs.yml (nav of index pages only, the Markdown
extensions, the plugin's stylesheet and scripts) and a docs folder with every index page and
every published record (no draft). Plain MkDocs builds it as it is, without the plugin, in
strict mode; every internal link of the built site resolves; and each built page links to
exactly the entries that the plugin's page at the same URL links to.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.support.crossindex_html import load_page
from tests.support.crossindex_truth import Truth
from tests.support.sites import Site


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def generated(sample_site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's `repertoire generate` output: the project folder."""
    out = tmp_path_factory.mktemp("generated") / "project"
    result = run(
        [sys.executable, "-m", "repertoire_kit.cli.main", "generate", str(out)], sample_site.root
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="module")
def generated_site(generated: Path) -> Path:
    """The generated project built by plain MkDocs (no plugin), strict."""
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict"], generated)
    assert result.returncode == 0, result.stderr
    return generated / "site"


def markdown_pages(folder: Path) -> dict[str, str]:
    """Docs path -> text of every Markdown file written."""
    return {
        p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(folder.rglob("*.md"))
    }


def test_generate_writes_every_index_and_every_published_record_but_no_draft(
    generated: Path,
    sample_truth: Truth,
) -> None:
    docs = generated / "docs"
    written = set(markdown_pages(docs))
    indexes = {
        "index.md",
        "problems/index.md",
        "members/index.md",
        "paths/index.md",
        "who-knows-what.md",
        "gaps.md",
        "new.md",
        "explore.md",
    } | {f"{kind}/index.md" for kind in sample_truth.kind_folders}
    assert indexes <= written
    assert {f"{e.id}.md" for e in sample_truth.published} <= written
    assert not {f"{e.id}.md" for e in sample_truth.drafts} & written
    assert {f"problems/{p}.md" for p in sample_truth.problems} <= written
    assert {f"members/{m}.md" for m in sample_truth.members} <= written
    for name in (
        "repertoire.json",
        "feed.xml",
        "explore.json",
        "assets/repertoire/repertoire.css",
        "assets/repertoire/repertoire.js",
    ):
        assert (docs / name).is_file(), name


def test_the_generated_config_has_the_index_nav_extensions_and_assets(generated: Path) -> None:
    config = yaml.safe_load((generated / "mkdocs.yml").read_text(encoding="utf-8"))
    assert "plugins" not in config
    nav_paths = [p for p in _nav_paths(config["nav"])]
    assert "problems/index.md" in nav_paths and "community.md" in nav_paths
    assert not any(p.startswith("cases/") for p in nav_paths)
    assert "assets/repertoire/repertoire.css" in config["extra_css"]
    assert config["extra_javascript"] == ["assets/repertoire/repertoire.js"]
    names = {next(iter(e)) if isinstance(e, dict) else e for e in config["markdown_extensions"]}
    assert {"attr_list", "md_in_html", "tables", "toc", "admonition"} <= names


def _nav_paths(nav: object) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, list):
        return [p for item in nav for p in _nav_paths(item)]
    if isinstance(nav, dict):
        return [p for value in nav.values() for p in _nav_paths(value)]
    return []


def test_plain_mkdocs_builds_the_generated_project_and_every_link_resolves(
    generated_site: Path,
    sample_truth: Truth,
) -> None:
    for entry in sample_truth.published:
        assert (generated_site / entry.url / "index.html").is_file(), entry.id
    broken = []
    for html in sorted(generated_site.rglob("index.html")):
        url = html.parent.relative_to(generated_site).as_posix()
        url = "" if url == "." else f"{url}/"
        page = load_page(generated_site, url)
        for target in page.links():
            path = generated_site / target
            if not (path.is_file() or (path / "index.html").is_file()):
                broken.append(f"{url} -> {target}")
    assert broken == []


def test_generated_pages_link_the_same_entries_as_the_plugin_pages(
    generated_site: Path,
    sample_site: Site,
    sample_truth: Truth,
) -> None:
    entry_urls = {e.url for e in sample_truth.entries.values()}
    compared = 0
    for html in sorted(sample_site.site_dir.rglob("index.html")):
        url = html.parent.relative_to(sample_site.site_dir).as_posix()
        url = "" if url == "." else f"{url}/"
        if not (generated_site / url / "index.html").is_file():
            continue
        in_generated = sorted(u for u in load_page(generated_site, url).links() if u in entry_urls)
        plugin_page = load_page(sample_site.site_dir, url)
        in_plugin = sorted(u for u in plugin_page.links() if u in entry_urls)
        assert in_generated == in_plugin, url
        compared += 1
    assert compared >= len(sample_truth.published) + len(sample_truth.problems) + len(
        sample_truth.members
    )
