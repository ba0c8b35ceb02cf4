"""Where an "I used this" link points, from mkdocs.yml's `repo_url`, `edit_uri` and `docs_dir`.

The expected addresses are written out by hand from GitHub's new-file URL
(`https://github.com/OWNER/REPO/new/BRANCH/FOLDER`) and MkDocs' rules for `edit_uri` (its
default for a GitHub repository is `edit/master/docs/`; an empty value turns edit links off).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from repertoire_kit.core import load_project

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
