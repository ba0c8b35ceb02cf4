"""The "I used this" link: GitHub's web editor on a new file in uses/, prefilled.

Each test builds a tiny site with `mkdocs build`, reads the link out of the built entry page
and takes it apart with `urllib` (never with the code that made it): the repository, branch
and folder must be those mkdocs.yml names, and the prefilled file, written into the project,
must fail `repertoire check` while its placeholders stand and pass once a member fills them in.
Sites whose `repo_url` is missing or not on GitHub get no link.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.contrib import run_cli
from tests.support.crossindex_html import load_page
from tests.support.sites import MINIMAL, Site

GITHUB = "repo_url: https://github.com/example-org/practice\nedit_uri: edit/trunk/repertoire/\n"
DRAFT_CASE = (
    "---\ntitle: Not yet\nsummary: A draft.\nproblem_types: [sampling]\ncontributors: [ann-lee]\n"
    "date: 2024-03-01\ndraft: true\n---\nText.\n"
)


def record_link(site: Site, entry_url: str) -> str | None:
    """The href of the page's "I used this" link, if it has one."""
    page = load_page(site.site_dir, entry_url)
    found = [a for a in page.article.find_all("a") if a.text().strip() == "I used this"]
    assert len(found) <= 1
    return found[0].attrs["href"] if found else None


def fill(text: str, member: str, day: str) -> str:
    """The prefilled file as a member completes it: each `TODO:` value replaced, the body's
    `TODO:` line replaced by a sentence of their own."""
    values = {"member": member, "date": day, "summary": "Used it on our grants audit."}
    filled = []
    for line in text.splitlines():
        key = line.split(":", 1)[0]
        if "TODO:" in line and key in values:
            line = f"{key}: {values[key]}"
        elif line.startswith("TODO:"):
            line = "We kept the steps and changed the sample size."
        filled.append(line)
    return "\n".join(filled) + "\n"


@pytest.fixture(scope="module")
def github_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = Site(tmp_path_factory.mktemp("use-link") / "project")
    site.root.mkdir(parents=True)
    (site.root / "mkdocs.yml").write_text(
        "site_name: Links\nsite_url: https://example.org/l/\ndocs_dir: repertoire\n"
        + GITHUB
        + "theme:\n  name: material\nplugins:\n  - search\n  - repertoire:\n"
        "      include_drafts: true\n",
        encoding="utf-8",
    )
    site.write({**MINIMAL, "repertoire/cases/not-yet.md": DRAFT_CASE})
    result = site.build()
    assert result.returncode == 0, result.stderr
    return site


def test_the_link_opens_githubs_editor_on_a_new_file_in_uses(github_site: Site) -> None:
    href = record_link(github_site, "cases/first-case/")
    assert href is not None
    parts = urlsplit(href)
    assert (parts.scheme, parts.netloc) == ("https", "github.com")
    # OWNER/REPO from repo_url; BRANCH and the docs folder from edit_uri (edit/trunk/repertoire/)
    assert parts.path == "/example-org/practice/new/trunk/repertoire/uses"
    query = parse_qs(parts.query)
    assert set(query) == {"filename", "value"}
    assert re.fullmatch(r"[a-z0-9-]+\.md", query["filename"][0])
    assert query["value"][0].startswith("---\nentry: cases/first-case\n")


def test_an_entry_without_uses_has_the_link_in_its_panel_and_no_uses_section(
    github_site: Site,
) -> None:
    """One line in the entry's facts, no heading: every entry page carries it."""
    page = load_page(github_site.site_dir, "cases/first-case/")
    panel = page.article.find("div", "rep-panel")
    (line,) = [li for li in panel.find_all("li") if li.text().startswith("Uses:")]
    assert [a.text() for a in line.find_all("a")] == ["I used this"]
    assert "none recorded yet" in line.text() and "GitHub" in line.text()
    # The member's headings, then the plugin's (the draft case is connected): none on uses.
    expected = [
        *re.findall(r"^## (.+)$", MINIMAL["repertoire/cases/first-case.md"], re.M),
        "Connected entries",
    ]
    assert [s.heading for s in page.sections(2)] == expected
    toc = page.root.find("nav", "md-nav--secondary")
    assert [a.text() for a in toc.find_all("a")] == expected


def test_a_draft_entry_has_no_link(github_site: Site) -> None:
    assert record_link(github_site, "cases/not-yet/") is None


def test_the_prefilled_file_passes_the_check_once_filled_and_not_before(
    github_site: Site,
) -> None:
    href = record_link(github_site, "cases/first-case/")
    assert href is not None
    query = parse_qs(urlsplit(href).query)
    name, text = query["filename"][0], query["value"][0]
    path = github_site.root / "repertoire" / "uses" / name
    path.parent.mkdir(exist_ok=True)
    shown = f"repertoire/uses/{name}"
    try:
        path.write_text(text, encoding="utf-8")
        before = github_site.check(shown)
        assert before.returncode == 1, before.stdout + before.stderr
        reported = before.stdout + before.stderr
        for field in ("member", "date", "summary"):
            assert f"{shown}:" in reported and field in reported
        assert "TODO" in reported

        path.write_text(fill(text, "ann-lee", "2024-06-01"), encoding="utf-8")
        after = github_site.check(shown)
        assert after.returncode == 0, after.stdout + after.stderr
        whole = github_site.check()
        assert whole.returncode == 0, whole.stdout + whole.stderr
    finally:
        path.unlink(missing_ok=True)


def test_the_link_and_repertoire_new_start_from_the_same_file(github_site: Site) -> None:
    """`repertoire new use` writes the file the link prefills, with the member and the day."""
    href = record_link(github_site, "cases/first-case/")
    assert href is not None
    linked = parse_qs(urlsplit(href).query)["value"][0]
    made = run_cli(
        github_site.root, "new", "use", "cases/first-case", "--by", "ann-lee", "--id", "ann-first"
    )
    assert made.returncode == 0, made.stderr
    written_path = github_site.root / made.stdout.strip()
    try:
        written = written_path.read_text(encoding="utf-8")
    finally:
        written_path.unlink()
    day = re.search(r"^date: (\d{4}-\d\d-\d\d)$", written, re.M)
    assert day is not None
    as_linked = [line for line in linked.splitlines() if not line.startswith(("member:", "date:"))]
    as_written = [
        line for line in written.splitlines() if not line.startswith(("member:", "date:"))
    ]
    assert as_linked == as_written
    assert "member: ann-lee" in written.splitlines()


@pytest.mark.parametrize(
    "config",
    [
        "",
        "repo_url: https://gitlab.com/example-org/practice\n",
        "repo_url: https://github.com/example-org/practice\nedit_uri: ''\n",
    ],
    ids=["no repo_url", "not GitHub", "edit links off"],
)
def test_no_link_without_a_github_repository(make_site: Any, config: str) -> None:
    site = make_site(config=config)
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert record_link(site, "cases/first-case/") is None
    panel = load_page(site.site_dir, "cases/first-case/").article.find("div", "rep-panel")
    assert not [li for li in panel.find_all("li") if li.text().startswith("Uses:")]
