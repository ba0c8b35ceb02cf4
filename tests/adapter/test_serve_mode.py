"""While serving, problems are logged and shown on their page; drafts are previewed.

`mkdocs serve` cannot be asserted on from outside without a server, so this drives the same
code path in-process: the plugin is told the command is `serve` (as MkDocs' CLI does through
`on_startup`) and the site is built with MkDocs' own build function.
"""

from __future__ import annotations

import logging
import os

from mkdocs.commands.build import build
from mkdocs.config import load_config

BROKEN_CASE = (
    "---\ntitle: Broken case\nsummary: NO\nproblem_types: [sampling]\n"
    "contributors: [ann-lee]\ndate: 2024-03-01\n---\nSecret body text.\n"
)
DRAFT_CASE = (
    "---\ntitle: Draft case\nsummary: Not ready.\nproblem_types: [sampling]\n"
    "contributors: [ann-lee]\ndate: 2024-03-02\ndraft: true\n---\nDraft body.\n"
)


def serve_build(site, caplog):
    """Build the site as `mkdocs serve` would, returning the plugin's log records."""
    cwd = os.getcwd()
    os.chdir(site.root)
    try:
        config = load_config(str(site.root / "mkdocs.yml"))
        config.plugins.on_startup(command="serve", dirty=False)
        with caplog.at_level(logging.INFO):
            build(config)
    finally:
        os.chdir(cwd)
    return [r for r in caplog.records if "repertoire" in r.name]


def test_serving_logs_problems_and_shows_them_instead_of_raw_front_matter(make_site, caplog):
    site = make_site({"repertoire/cases/broken.md": BROKEN_CASE})
    records = serve_build(site, caplog)
    messages = [r.getMessage() for r in records if r.levelno == logging.WARNING]
    assert any(
        "repertoire/cases/broken.md:3:10: summary: 'NO' is read by YAML as a yes/no value" in m
        for m in messages
    ), messages
    page = site.html("cases/broken/")
    assert "This file has problems and is not published" in page
    assert "summary: &#39;NO&#39;" in page or "summary: 'NO'" in page
    assert "problem_types:" not in page  # the raw front matter is never shown
    # The rest of the site is still built.
    assert "First case" in site.html("cases/")


def test_serving_previews_drafts_and_building_leaves_them_out(make_site, caplog):
    site = make_site({"repertoire/cases/draft.md": DRAFT_CASE})
    serve_build(site, caplog)
    assert "Draft case" in site.html("cases/")
    assert "draft, not published" in site.html("cases/draft/")
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    assert not (site.site_dir / "cases/draft").exists()
    assert "Draft case" not in site.html("cases/")


def test_building_fails_with_every_problem_whether_or_not_strict(make_site):
    site = make_site(
        {
            "repertoire/cases/broken.md": BROKEN_CASE,
            "repertoire/cases/other.md": (
                BROKEN_CASE.replace("NO", "fine").replace("[sampling]", "[sampling, smapling]")
            ),
        }
    )
    for args in ((), ("--strict",)):
        result = site.build(*args)
        assert result.returncode != 0
        assert "repertoire/cases/broken.md:3:10: summary:" in result.stderr
        assert (
            "repertoire/cases/other.md:4:27: problem_types[1]: unknown problem type 'smapling'"
        ) in result.stderr
        assert "the repertoire has 2 problems" in result.stderr
