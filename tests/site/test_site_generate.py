"""`repertoire generate` writes the same indexes as plain Markdown that plain MkDocs builds.

On the sample, the generated folder holds every index page and every published record (no
draft); a configuration with only `site_name` and `docs_dir` (no plugins, the default theme)
builds it with exit 0, even in strict mode (so no generated link is broken); and each
generated Markdown page links to exactly the entries that the plugin's page at the same URL
links to.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Site
from tests.site.crossindex_html import load_page, markdown_link_targets, url_of_docs_path
from tests.site.crossindex_truth import Truth

PLAIN_CONFIG = "site_name: Plain Exchange\ndocs_dir: {docs}\n"


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(scope="module")
def generated(sample_site, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample's `repertoire generate` output folder."""
    out = tmp_path_factory.mktemp("generated") / "docs"
    result = run(
        [sys.executable, "-m", "repertoire_kit.cli.main", "generate", str(out)], sample_site.root
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return out


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
    written = set(markdown_pages(generated))
    indexes = {
        "index.md",
        "problems/index.md",
        "members/index.md",
        "paths/index.md",
        "who-knows-what.md",
        "gaps.md",
        "new.md",
    } | {f"{kind}/index.md" for kind in sample_truth.kind_folders}
    assert indexes <= written
    assert {f"{e.id}.md" for e in sample_truth.published} <= written
    assert not {f"{e.id}.md" for e in sample_truth.drafts} & written
    assert {f"problems/{p}.md" for p in sample_truth.problems} <= written
    assert {f"members/{m}.md" for m in sample_truth.members} <= written
    assert (generated / "repertoire.json").is_file() and (generated / "feed.xml").is_file()


def test_plain_mkdocs_builds_the_generated_folder(
    generated: Path,
    sample_truth: Truth,
    tmp_path: Path,
) -> None:
    (tmp_path / "mkdocs.yml").write_text(PLAIN_CONFIG.format(docs=generated), encoding="utf-8")
    result = run([sys.executable, "-m", "mkdocs", "build", "--strict"], tmp_path)
    assert result.returncode == 0, result.stderr
    for entry in sample_truth.published:
        assert (tmp_path / "site" / entry.url / "index.html").is_file(), entry.id


def test_generated_markdown_links_the_same_entries_as_the_plugin_pages(
    generated: Path,
    sample_site: Site,
    sample_truth: Truth,
) -> None:
    entry_urls = {e.url for e in sample_truth.entries.values()}
    compared = 0
    for docs_path, text in markdown_pages(generated).items():
        url = url_of_docs_path(docs_path)
        if not (sample_site.site_dir / url / "index.html").is_file():
            continue
        in_markdown = sorted(u for u in markdown_link_targets(text, docs_path) if u in entry_urls)
        plugin_page = load_page(sample_site.site_dir, url)
        in_plugin = sorted(u for u in plugin_page.links() if u in entry_urls)
        assert in_markdown == in_plugin, docs_path
        compared += 1
    assert compared >= len(sample_truth.published) + len(sample_truth.problems) + len(
        sample_truth.members
    )
