"""Where an "I used this" link points, from mkdocs.yml's `repo_url`, `edit_uri` and `docs_dir`.

The expected addresses are written out by hand from GitHub's new-file URL
(`https://github.com/OWNER/REPO/new/BRANCH/FOLDER`) and MkDocs' rules for `edit_uri` (its
default for a GitHub repository is `edit/master/docs/`; an empty value turns edit links off).
The link's query is read back with `urllib.parse`, as GitHub reads it.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from repertoire_kit.core import load_project
from repertoire_kit.core.authoring.github_editor import new_use_url
from repertoire_kit.core.authoring.skeletons import example_entry_id, use_text
from repertoire_kit.core.settings import Kind, Settings

CASES = {
    "edit_uri names branch and folder": (
        "repo_url: https://github.com/acme/practice\nedit_uri: edit/trunk/content/\n",
        "https://github.com/acme/practice/new/trunk/content",
    ),
    "blob form, .git and a trailing slash": (
        "repo_url: https://github.com/acme/practice.git/\nedit_uri: blob/main/site/docs\n",
        "https://github.com/acme/practice/new/main/site/docs",
    ),
    "MkDocs' default edit_uri": (
        "repo_url: https://github.com/acme/practice\n",
        "https://github.com/acme/practice/new/master/docs",
    ),
    "an edit_uri of another shape": (
        "repo_url: https://github.com/acme/practice\nedit_uri: ?path=\n",
        "https://github.com/acme/practice/new/main/repertoire",
    ),
    "edit links off": ("repo_url: https://github.com/acme/practice\nedit_uri: ''\n", ""),
    "not GitHub": ("repo_url: https://gitlab.com/acme/practice\n", ""),
    "not a repository": ("repo_url: https://github.com/acme\n", ""),
    "not https": ("repo_url: http://github.com/acme/practice\n", ""),
    "no repo_url": ("", ""),
}


@pytest.mark.parametrize("config, expected", CASES.values(), ids=CASES.keys())
def test_the_new_file_address_follows_mkdocs_yml(
    tmp_path: Path, config: str, expected: str
) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: repertoire\n" + config, encoding="utf-8"
    )
    assert load_project(tmp_path / "mkdocs.yml").settings.github_new_file == expected


def test_the_prefilled_file_is_encoded_only_where_a_query_needs_it() -> None:
    """Every entry page carries the link, so `/ : , ( )` stay as they are; what a query parser
    splits on, decodes or stops at (`& = ; + # ? %`), quotes (HTML would lengthen them) and
    spaces are encoded, and the file reads back unchanged."""
    settings = Settings(
        github_new_file="https://github.com/acme/practice/new/main/docs",
        outcomes=("adopted", "a&b=c;d+e#f?g%h"),
    )
    url = new_use_url(settings, "cases/a_case")
    assert url is not None
    parts = urlsplit(url)
    query = parse_qs(parts.query, strict_parsing=True)
    assert query == {
        "filename": ["your-member-id-a-case.md"],
        "value": [use_text(settings, "cases/a_case")],
    }
    assert parts.fragment == "" and parts.query.count("&") == 1 and parts.query.count("=") == 2
    assert not set(parts.query) & set(" '+;?#\n")
    assert "entry:%20cases/a_case%0A" in parts.query
    assert "(" in parts.query and "," in parts.query


@pytest.mark.parametrize(
    "entry_id",
    ["cases/no", "cases/1.10", "tools/2024-01-01", "cases/yes/on", "cases/a_b", "stories/0x1f"],
)
def test_an_id_written_into_a_use_reads_back_as_the_same_text(entry_id: str) -> None:
    """Ids with a folder skip the YAML dumper (every entry page writes one): each must still
    read back as itself, even when its words alone would be a yes/no, a number or a date."""
    written = use_text(Settings(), entry_id)
    front_matter = yaml.safe_load(written.split("---\n")[1])
    assert front_matter["entry"] == entry_id


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        ((), "cases/some-case"),
        ((Kind("practices", "Best practice", "best practices"),), "practices/some-best-practice"),
    ],
)
def test_the_example_entry_id_names_the_sites_first_kind(
    kinds: tuple[Kind, ...], expected: str
) -> None:
    """The Record a use page's example command names an entry of the site's own first kind."""
    settings = Settings(kinds=kinds) if kinds else Settings()
    assert example_entry_id(settings) == expected
