"""Nothing is lost: every valid entry of the sample is published everywhere it belongs, and an
invalid one stops the build with its diagnostic instead of vanishing.

The expected places are computed from the records the core loads from the sample (never
hard-coded): an entry must be linked from its kind page, from each of its problem types' pages,
from each contributor's page, and listed in `repertoire.json`. Drafts are held back on purpose
and must appear nowhere. Breaking one entry of a copy of the sample makes `mkdocs build` fail
with exactly the diagnostics `repertoire check` gives, and writes no site.
"""

from __future__ import annotations

import posixpath
import shutil
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest

from repertoire_kit.core.load.loader import load_repertoire
from repertoire_kit.core.load.project import load_project
from repertoire_kit.core.model import Entry
from repertoire_kit.core.report import format_text
from tests.support.crossindex_html import parse_html
from tests.support.sites import ROOT, Site


def sample_entries(site: Site) -> list[Entry]:
    project = load_project(site.root / "mkdocs.yml", include_drafts=True)
    result = load_repertoire(project.root, project.docs_dir, project.settings)
    assert not result.diagnostics.has_errors
    return sorted(result.repertoire.entries.values(), key=lambda e: e.id)


def page_url(docs_path: str) -> str:
    return docs_path.removesuffix("index.md").removesuffix(".md") + (
        "" if docs_path.endswith("index.md") else "/"
    )


@cache
def linked_urls(site_dir: Path, url: str) -> frozenset[str]:
    """Site-relative URLs the article of a page links to."""
    html = (site_dir / url / "index.html").read_text(encoding="utf-8")
    article = parse_html(html).find("article", cls="md-content__inner")
    targets = set()
    for anchor in article.find_all("a"):
        href = anchor.attrs.get("href", "")
        if href and "://" not in href and not href.startswith(("#", "mailto:")):
            targets.add(
                posixpath.normpath(posixpath.join(url, href.split("#")[0])).lstrip("./") + "/"
            )
    return frozenset(targets)


def places(entry: Entry) -> list[str]:
    """Every page that must link to an entry."""
    return (
        [f"{entry.kind.folder}/"]
        + [f"problems/{p}/" for p in entry.problem_types]
        + [f"members/{m}/" for m in entry.contributors]
    )


def test_every_published_entry_is_linked_from_every_page_it_belongs_to(sample_site: Site) -> None:
    entries = [e for e in sample_entries(sample_site) if not e.draft]
    assert len(entries) > 20
    missing = [
        (entry.id, place)
        for entry in entries
        for place in places(entry)
        if page_url(entry.source.docs_path) not in linked_urls(sample_site.site_dir, place)
    ]
    assert missing == []


def test_every_published_entry_is_exported(sample_site: Site) -> None:
    entries = sample_entries(sample_site)
    exported = {e["id"]: e for e in sample_site.json()["entries"]}
    assert sorted(exported) == sorted(e.id for e in entries if not e.draft)
    assert all(
        exported[e.id]["title"] == e.title
        and exported[e.id]["problem_types"] == list(e.problem_types)
        for e in entries
        if not e.draft
    )


def test_drafts_are_held_back_everywhere(sample_site: Site) -> None:
    drafts = [e for e in sample_entries(sample_site) if e.draft]
    assert drafts
    for draft in drafts:
        assert not (sample_site.site_dir / page_url(draft.source.docs_path)).exists()
        assert all(
            page_url(draft.source.docs_path) not in linked_urls(sample_site.site_dir, p)
            for p in places(draft)
        )


@pytest.mark.parametrize(
    "field, broken",
    [
        (
            "summary",
            lambda text: "\n".join(
                line for line in text.split("\n") if not line.startswith("summary:")
            ),
        ),
        ("date", lambda text: text.replace("\ndate: ", "\ndate: 2024-02-30 # was ", 1)),
        (
            "contributors",
            lambda text: text.replace("\ncontributors: [", "\ncontributors: [nobody-at-all, ", 1),
        ),
    ],
)
def test_an_invalid_entry_stops_the_build_with_its_diagnostic(
    tmp_path: Path, field: str, broken: Callable[[str], str]
) -> None:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "repertoire", project / "repertoire")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    if (ROOT / "overrides").exists():
        shutil.copytree(ROOT / "overrides", project / "overrides")
    victim = min((project / "repertoire" / "cases").glob("*.md"))
    original = victim.read_text(encoding="utf-8")
    victim.write_text(broken(original), encoding="utf-8")
    assert victim.read_text(encoding="utf-8") != original
    loaded = load_project(project / "mkdocs.yml")
    expected = [
        format_text(d)
        for d in load_repertoire(loaded.root, loaded.docs_dir, loaded.settings).diagnostics
    ]
    assert expected and all(
        line.startswith(f"repertoire/cases/{victim.name}:") for line in expected
    )
    assert any(f": {field}" in line for line in expected)
    site = Site(project)
    result = site.build()
    assert result.returncode != 0
    assert [line for line in expected if line not in result.stderr] == []
    assert not (project / "site" / "index.html").exists()
