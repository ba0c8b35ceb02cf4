"""Two builds of the same sample are byte-identical, and dates in the output come from content.

The sample is copied into two different temporary folders and built (strict) with different time
zones, locales and hash seeds but the same SOURCE_DATE_EPOCH; every file of the two `site/`
trees must have the same bytes (the gzipped sitemap included). The sitemap's `lastmod` of an
entry page is the entry's last change (`updated`, else `date`), not the build day; other pages
carry the SOURCE_DATE_EPOCH day.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from repertoire_kit.core.load.loader import load_repertoire
from repertoire_kit.core.load.project import load_project
from tests.support.sites import MKDOCS, ROOT, SESSION_EPOCH, build_env

# Not a fixed day: SOURCE_DATE_EPOCH is also "today" for the check of dates, and the sample's
# dates must not be in its future.
EPOCH = SESSION_EPOCH
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ENVIRONMENTS = {
    "kiritimati": {
        "TZ": "Pacific/Kiritimati",
        "LC_ALL": "C.UTF-8",
        "LANG": "C.UTF-8",
        "PYTHONHASHSEED": "1",
    },
    "adak": {"TZ": "America/Adak", "LC_ALL": "POSIX", "LANG": "de_DE.UTF-8", "PYTHONHASHSEED": "2"},
}


def copy_sample(destination: Path) -> Path:
    destination.mkdir(parents=True)
    shutil.copy(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    for folder in ("repertoire", "overrides"):
        if (ROOT / folder).exists():
            shutil.copytree(ROOT / folder, destination / folder)
    return destination


def build(project: Path, overrides: dict[str, str]) -> Path:
    env = build_env() | overrides | {"SOURCE_DATE_EPOCH": str(EPOCH)}
    result = subprocess.run(
        [*MKDOCS, "build", "--strict"],
        cwd=project,
        capture_output=True,
        check=False,
        text=True,
        env=env,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    return project / "site"


def tree_bytes(site_dir: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site_dir).as_posix(): p.read_bytes()
        for p in sorted(site_dir.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return {
        name: build(
            copy_sample(tmp_path_factory.mktemp(f"determinism-{name}") / "nested" / "project"), env
        )
        for name, env in ENVIRONMENTS.items()
    }


def test_two_builds_in_different_places_zones_and_locales_are_byte_identical(
    two_builds: dict[str, Path],
) -> None:
    first, second = (tree_bytes(site) for site in two_builds.values())
    assert len(first) > 100
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_sitemap_dates_come_from_entries_not_the_build(two_builds: dict[str, Path]) -> None:
    site_dir = two_builds["kiritimati"]
    project = load_project(site_dir.parent / "mkdocs.yml", include_drafts=False)
    repertoire = load_repertoire(project.root, project.docs_dir, project.settings).repertoire
    entry_days = {
        f"{project.settings.site_url}{entry.id}/": entry.last_changed.isoformat()
        for entry in repertoire.published_entries()
    }
    root = ET.fromstring((site_dir / "sitemap.xml").read_bytes())
    lastmod = {
        u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod")
        for u in root.iter(f"{SITEMAP}url")
    }
    assert {url: lastmod.get(url) for url in entry_days} == entry_days
    epoch_day = dt.datetime.fromtimestamp(EPOCH, dt.timezone.utc).date().isoformat()
    assert {day for url, day in lastmod.items() if url not in entry_days} == {epoch_day}
