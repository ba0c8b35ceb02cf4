"""An entry's "last update" comes from git when the full history is there, else from its fields.

Real repositories are made with commits at fixed committer dates: each file gets the date of
the newest commit that changed it (a merge dates what it brought in), files never committed and
folders outside git get nothing, and a shallow clone gets nothing at all rather than one wrong
date for every file. Built through MkDocs, an entry page shows git's date in a full clone and
the front matter's `updated` in a shallow one.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from repertoire_kit.core.pages.git_dates import has_full_history, last_commit_dates, parse_log
from tests.support.contrib import git

JANUARY = "2024-01-02T10:00:00+00:00"
MARCH = "2024-03-04T23:30:00-05:00"  # the committer's own calendar day counts
MAY = "2024-05-06T08:00:00+02:00"


def commit_all(root: Path, message: str, date: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)


def write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def make_history(root: Path) -> Path:
    """docs/ with three commits: two files, then one changed, then a renamed one."""
    root.mkdir(parents=True, exist_ok=True)
    git(root, "init", "-q", "-b", "main")
    write(root, {"docs/cases/a.md": "a\n", "docs/cases/é b.md": "b\n", "README.md": "r\n"})
    commit_all(root, "first", JANUARY)
    write(root, {"docs/cases/a.md": "a, revised\n"})
    commit_all(root, "second", MARCH)
    git(root, "mv", "docs/cases/é b.md", "docs/cases/c.md")
    commit_all(root, "rename", MAY)
    return root / "docs"


def test_each_file_gets_the_date_of_its_newest_commit(tmp_path):
    docs = make_history(tmp_path / "repo")
    assert last_commit_dates(docs) == {
        "cases/a.md": dt.date(2024, 3, 4),
        "cases/c.md": dt.date(2024, 5, 6),
        "cases/é b.md": dt.date(2024, 1, 2),  # gone from the tree, harmless in the map
    }


def test_a_merge_dates_the_files_it_brought_in(tmp_path):
    docs = make_history(tmp_path / "repo")
    root = docs.parent
    git(root, "switch", "-q", "-c", "contribution")
    write(root, {"docs/cases/new.md": "new\n"})
    commit_all(root, "new case", "2024-06-01T09:00:00+00:00")
    git(root, "switch", "-q", "main")
    git(
        root,
        "merge",
        "-q",
        "--no-ff",
        "contribution",
        "-m",
        "merge",
        date="2024-06-20T09:00:00+00:00",
    )
    assert last_commit_dates(docs)["cases/new.md"] == dt.date(2024, 6, 20)


def test_files_never_committed_and_folders_outside_git_get_no_date(tmp_path):
    docs = make_history(tmp_path / "repo")
    write(docs, {"cases/draft.md": "not committed\n"})
    assert "cases/draft.md" not in last_commit_dates(docs)
    outside = tmp_path / "plain" / "docs"
    outside.mkdir(parents=True)
    assert last_commit_dates(outside) == {}
    assert last_commit_dates(tmp_path / "missing") == {}


def test_a_shallow_clone_gives_no_dates_at_all(tmp_path):
    docs = make_history(tmp_path / "repo")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", docs.parent.as_uri(), str(clone)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    assert not has_full_history(clone / "docs")
    assert last_commit_dates(clone / "docs") == {}
    full = tmp_path / "full"
    subprocess.run(
        ["git", "clone", "-q", docs.parent.as_uri(), str(full)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert last_commit_dates(full / "docs") == last_commit_dates(docs)


def test_the_log_parser_keeps_the_newest_date_and_odd_names():
    output = (
        "\x1e2024-05-06T08:00:00+02:00\0\ncases/a.md\0cases/with space.md\0"
        "\x1e2024-01-02T10:00:00+00:00\0\ncases/a.md\0cases/b.md\0"
    )
    assert parse_log(output) == {
        "cases/a.md": dt.date(2024, 5, 6),
        "cases/with space.md": dt.date(2024, 5, 6),
        "cases/b.md": dt.date(2024, 1, 2),
    }
    assert parse_log("") == {}


def last_update_shown(html: str) -> str:
    """The date the panel gives as the last change: its "Last updated", or "Shared" when the
    entry never changed (Material's footer does not repeat it)."""
    assert 'title="Last update"' not in html
    updated = re.search(r"Last updated:</strong> <time>(\d{4}-\d{2}-\d{2})</time>", html)
    shared = re.search(r"Shared:</strong> <time>(\d{4}-\d{2}-\d{2})</time>", html)
    assert shared, "no date in the panel"
    return (updated or shared).group(1)


def sitemap_date(site_dir: Path, url: str) -> str:
    """The sitemap's `lastmod` of the page at `url`."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    match = re.search(rf"<loc>[^<]*/{re.escape(url)}</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap)
    assert match, f"{url} is not in the sitemap"
    return match.group(1)


UPDATED_CASE = (
    "---\ntitle: First case\nsummary: A first case.\nproblem_types: [sampling]\n"
    "contributors: [ann-lee]\ndate: 2023-01-10\nupdated: 2023-02-20\n---\n## Context\n\nText.\n"
)


def test_an_entry_page_shows_gits_date_in_a_full_clone_and_its_fields_in_a_shallow_one(
    make_site, tmp_path
):
    site = make_site({"repertoire/cases/first-case.md": UPDATED_CASE})
    git(site.root, "init", "-q", "-b", "main")
    commit_all(site.root, "first", JANUARY)
    write(site.root, {"repertoire/cases/first-case.md": UPDATED_CASE + "\nMore.\n"})
    commit_all(site.root, "revise", MAY)
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert last_update_shown(site.html("cases/first-case/")) == "2024-05-06"
    assert sitemap_date(site.site_dir, "cases/first-case/") == "2024-05-06"

    shallow = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", site.root.as_uri(), str(shallow)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    site.root = shallow
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert last_update_shown(site.html("cases/first-case/")) == "2023-02-20"
    assert sitemap_date(site.site_dir, "cases/first-case/") == "2023-02-20"


def test_without_git_an_entry_shows_updated_or_else_date(make_site):
    site = make_site(
        {
            "repertoire/cases/revised.md": UPDATED_CASE.replace("First case", "Revised"),
        }
    )
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert last_update_shown(site.html("cases/revised/")) == "2023-02-20"
    assert last_update_shown(site.html("cases/first-case/")) == "2024-03-01"
