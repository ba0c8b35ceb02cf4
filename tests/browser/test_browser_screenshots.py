"""Screenshots for people to look at (issue 11, "Done when"): every page type of the sample at
375 px and at 1280 px, and the who-knows-what page of a synthetic repertoire of 300 members and
60 problem types, light and dark.

Off by default: set REPERTOIRE_SCREENSHOTS to a folder to make them, for example

    REPERTOIRE_SCREENSHOTS=test-artifacts .venv/bin/python -m pytest \
        tests/browser/test_browser_screenshots.py -q

Files are named `<width>-<page>.png` (`375-entry.png`, `1280-who-knows-what-synthetic.png`,
`-dark` for the dark scheme); a page taller than 4,000 px keeps only its first 4,000, so that
each file stays small, and the synthetic page gets a second picture from its matrices down
(`...-synthetic-matrix.png`). The synthetic repertoire is generated and built here (about a
minute), only when asked for.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.support.browser import (
    DESKTOP,
    PHONE,
    ROOT,
    OpenReader,
    SampleModel,
    pages_by_type,
    served,
)
from tests.support.sites import Site

FOLDER = os.environ.get("REPERTOIRE_SCREENSHOTS", "")
pytestmark = pytest.mark.skipif(
    not FOLDER, reason="screenshots are made only when REPERTOIRE_SCREENSHOTS names a folder"
)

WIDTHS = {"375": PHONE, "1280": DESKTOP}
MAX_HEIGHT = 4000
# The synthetic community of issue 11: 300 members, 10 areas of 5 sub-types (60 problem
# types), and enough entries (1,500) that most members have contributed somewhere.
SYNTHETIC_SHAPE = {"entries": 1500, "members": 300, "problem_areas": 10, "subtypes_per_area": 5}


def folder() -> Path:
    """The target folder, relative to the repository root unless absolute."""
    target = Path(FOLDER)
    return target if target.is_absolute() else ROOT / target


def named_pages(model: SampleModel, site_dir: Path) -> dict[str, str]:
    """One page of every type, by the name its screenshot gets: kind indexes by their folder
    (`cases`), the rest by page type, with the entry of most paths for "entry"."""
    by_type = pages_by_type(model, site_dir)
    names = {"problem-type": "problem", "problem-types": "problems", "whats-new": "new"}
    pages: dict[str, str] = {}
    for page_type, paths in by_type.items():
        if page_type == "not-found":
            continue
        if page_type == "kind":
            pages.update({path.strip("/").split("/")[-1]: path for path in paths})
        else:
            pages[names.get(page_type, page_type)] = paths[0]
    return pages


def synthetic_module() -> ModuleType:
    """scripts/synthetic.py, imported by path as scripts/bench does."""
    spec = importlib.util.spec_from_file_location(
        "synthetic_for_screenshots", ROOT / "scripts" / "synthetic.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The synthetic 300 × 60 repertoire, generated, built with its own mkdocs.yml and served."""
    synthetic = synthetic_module()
    shape = synthetic.Shape(**SYNTHETIC_SHAPE)
    assert shape.problem_types == 60
    site = Site(synthetic.write_project(tmp_path_factory.mktemp("synthetic") / "project", shape))
    result = site.build()
    assert result.returncode == 0, result.stderr
    with served(site.site_dir) as url:
        yield url


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_of_every_page_type(
    width: str,
    reader_factory: OpenReader,
    sample_model: SampleModel,
    site_dir: Path,
) -> None:
    reader = reader_factory(viewport=WIDTHS[width])
    for name, site_path in named_pages(sample_model, site_dir).items():
        page = reader.open(site_path)
        if name == "explore":
            page.locator("#rep-explore[data-rep-ready='yes']").wait_for()
        shot = reader.screenshot(f"{width}-{name}", folder=folder(), max_height=MAX_HEIGHT)
        assert shot.stat().st_size > 0
    dark = reader_factory(viewport=WIDTHS[width], color_scheme="dark")
    dark.open("who-knows-what/")
    dark.screenshot(f"{width}-who-knows-what-dark", folder=folder(), max_height=MAX_HEIGHT)
    assert reader.errors == [] and dark.errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_screenshots_of_who_knows_what_at_300_members_and_60_problem_types(
    width: str,
    reader_factory: OpenReader,
    synthetic_url: str,
) -> None:
    """The page from its top (the people to ask), and from the matrices' heading down, since
    at this size the list of people to ask alone is longer than one picture."""
    for scheme, suffix in (("light", ""), ("dark", "-dark")):
        reader = reader_factory(viewport=WIDTHS[width], color_scheme=scheme, site_url=synthetic_url)
        page = reader.open("who-knows-what/")
        name = f"{width}-who-knows-what-synthetic"
        reader.screenshot(f"{name}{suffix}", folder=folder(), max_height=MAX_HEIGHT)
        heading = page.get_by_role("heading", name="Members and problem types")
        top = int(heading.evaluate("h => h.getBoundingClientRect().top + window.scrollY")) - 16
        reader.screenshot(f"{name}-matrix{suffix}", folder=folder(), max_height=MAX_HEIGHT, top=top)
        assert reader.errors == []
