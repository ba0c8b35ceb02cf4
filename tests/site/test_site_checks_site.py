"""`repertoire check` speaks for the site too: what the build refuses about the site itself.

A mistake in the plugin's options is reported by the check at its line of mkdocs.yml, with the
option named, in the very words the build stops with (one declaration, `core.options`, checks
both); an option that does not exist is a warning with the nearest name. A site without a home
page is an error at the missing file's path, as the strict build refuses it.
"""

from __future__ import annotations

import re

import pytest

from repertoire_kit.core import OPTIONS
from repertoire_kit.mkdocs_adapter.config import RepertoireConfig
from tests.support.community_shape import BAD_SHAPES

# The options as written, what the value (or list item) at fault starts with, and the message.
BAD_OPTIONS = [
    ("page_size: 0", "0", "page_size must be 1 or more, not 0"),
    ("related_limit: many", "many", "related_limit must be a whole number, not 'many'"),
    ("manage_nav: maybe", "maybe", "manage_nav must be true or false, not 'maybe'"),
    (
        "roles: chair",
        "chair",
        "roles must be a list of ids (or mappings of id, label, description), not 'chair'",
    ),
    ("pages: [reference/, 3]", "3]", "pages: item 2 is not text: 3"),
    (
        "kinds:\n  - {folder: cases, singular: case}",
        "{folder: cases, singular: case}",
        "kinds: item 1 has no 'plural'",
    ),
    (
        "kinds:\n  - {folder: cases, singular: case, plural: cases, plurals: x}",
        "plurals",
        "kinds: item 1: unknown key 'plurals' (did you mean 'plural'?)",
    ),
]


@pytest.mark.parametrize(("options", "at", "message"), [*BAD_OPTIONS, *BAD_SHAPES])
def test_a_bad_option_gets_the_same_words_from_check_and_build(make_site, options, at, message):
    site = make_site(options=options)
    build = site.build("--strict")
    assert build.returncode != 0
    option = message.split()[0].rstrip(":")
    assert f"Plugin 'repertoire' option '{option}': {message}" in build.stderr
    check = site.check()
    assert check.returncode == 1
    [found] = re.findall(
        rf"^mkdocs\.yml:(\d+):(\d+): repertoire: {re.escape(message)}$", check.stdout, re.MULTILINE
    )
    line, col = int(found[0]), int(found[1])
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8").splitlines()
    assert config[line - 1][col - 1 :].startswith(at), (config[line - 1], col)


def test_an_option_that_does_not_exist_is_named_with_the_nearest_one(make_site):
    site = make_site(options="pagesize: 5")
    check = site.check()
    assert check.returncode == 0
    config = (site.root / "mkdocs.yml").read_text(encoding="utf-8")
    line = next(n for n, text in enumerate(config.splitlines(), 1) if "pagesize" in text)
    assert (
        f"mkdocs.yml:{line}:7: warning: repertoire: unknown option 'pagesize' "
        "(did you mean 'page_size'?)"
    ) in check.stdout
    assert site.build("--strict").returncode != 0  # MkDocs' own warning, fatal when strict


def test_a_site_without_a_home_page_is_an_error_at_the_missing_files_path(make_site):
    site = make_site()
    site.remove("repertoire/index.md")
    check = site.check()
    assert check.returncode == 1
    assert check.stdout.startswith(
        "repertoire/index.md:1:1: home page: the site has no home page"
    ), check.stdout
    assert site.build("--strict").returncode != 0


def test_readme_is_a_home_page_too(make_site):
    site = make_site({"repertoire/README.md": "# Home\n\nWelcome.\n"})
    site.remove("repertoire/index.md")
    assert "home page" not in site.check().stdout


def test_the_plugin_declares_exactly_the_cores_options():
    declared = [name for name, _ in RepertoireConfig._schema]
    assert declared == [option.name for option in OPTIONS]
