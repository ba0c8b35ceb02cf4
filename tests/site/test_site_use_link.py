"""Recording a use: each entry's "I used this" leads to the Record a use page, whose link
opens GitHub's web editor on a new file in uses/, prefilled.

Each test builds a tiny site with `mkdocs build`, reads the links out of the built pages and
takes them apart with `urllib` (never with the code that made them): the entry's link names the
entry in the page's address; the editor's repository, branch and folder are those mkdocs.yml
names, and the prefilled file, completed as a member would (the page's script fills in the
entry, tested in tests/browser/test_browser_record_use.py), must fail `repertoire check` while
its placeholders stand and pass once a member fills them in. Sites whose `repo_url` is missing
or not on GitHub get the page with the file and the command, without the editor link.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.contrib import run_cli
from tests.support.crossindex_html import load_page, resolve
from tests.support.sites import MINIMAL, Site

GITHUB = "repo_url: https://github.com/example-org/practice\nedit_uri: edit/trunk/repertoire/\n"
DRAFT_CASE = (
    "---\ntitle: Not yet\nsummary: A draft.\nproblem_types: [sampling]\ncontributors: [ann-lee]\n"
    "date: 2024-03-01\ndraft: true\n---\nText.\n"
)
RECORD_PAGE = "record-use/"


def record_link(site: Site, entry_url: str) -> str | None:
    """Where the page's "I used this" link leads (site-relative, with its query), if it has
    one."""
    page = load_page(site.site_dir, entry_url)
    found = [a for a in page.article.find_all("a") if a.text().strip() == "I used this"]
    assert len(found) <= 1
    if not found:
        return None
    parts = urlsplit(found[0].attrs["href"])
    target = resolve(entry_url, parts._replace(query="").geturl())
    return f"{target}?{parts.query}" if parts.query else target


def editor_link(site: Site) -> str | None:
    """The Record a use page's link to GitHub's editor, if it has one."""
    page = load_page(site.site_dir, RECORD_PAGE)
    found = page.article.find_all("a", "rep-record-editor")
    return found[0].attrs["href"] if found else None


def fill(text: str, entry: str, member: str, day: str) -> str:
    """The prefilled file as it is completed: the entry (the page's script does that), then
    each `TODO:` value a member replaces, and the body's `TODO:` line replaced by a sentence of
    their own."""
    values = {"entry": entry, "member": member, "date": day, "summary": "Used it on our audit."}
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


def test_i_used_this_leads_to_the_record_page_with_the_entry(github_site: Site) -> None:
    assert record_link(github_site, "cases/first-case/") == f"{RECORD_PAGE}?entry=cases/first-case"


def test_the_editor_link_opens_githubs_editor_on_a_new_file_in_uses(github_site: Site) -> None:
    href = editor_link(github_site)
    assert href is not None
    parts = urlsplit(href)
    assert (parts.scheme, parts.netloc) == ("https", "github.com")
    # OWNER/REPO from repo_url; BRANCH and the docs folder from edit_uri (edit/trunk/repertoire/)
    assert parts.path == "/example-org/practice/new/trunk/repertoire/uses"
    query = parse_qs(parts.query)
    assert set(query) == {"filename", "value"}
    assert re.fullmatch(r"[a-z0-9-]+\.md", query["filename"][0])
    assert query["value"][0].startswith("---\nentry: 'TODO: ")
    # The page shows the same file, for those who copy it.
    shown = load_page(github_site.site_dir, RECORD_PAGE).article.find("code", "rep-record-text")
    assert shown.text() == " ".join(query["value"][0].split())


def test_an_entry_without_uses_has_the_link_in_its_panel_and_no_uses_section(
    github_site: Site,
) -> None:
    """One line in the entry's facts, no heading: every entry page carries it."""
    page = load_page(github_site.site_dir, "cases/first-case/")
    panel = page.article.find("div", "rep-panel")
    (line,) = [li for li in panel.find_all("li") if li.text().startswith("Uses:")]
    assert [a.text() for a in line.find_all("a")] == ["I used this"]
    assert "none recorded yet" in line.text()
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
    href = editor_link(github_site)
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
        for field in ("entry", "member", "date", "summary"):
            assert f"{shown}:" in reported and field in reported
        assert "TODO" in reported

        path.write_text(fill(text, "cases/first-case", "ann-lee", "2024-06-01"), encoding="utf-8")
        after = github_site.check(shown)
        assert after.returncode == 0, after.stdout + after.stderr
        whole = github_site.check()
        assert whole.returncode == 0, whole.stdout + whole.stderr
    finally:
        path.unlink(missing_ok=True)


def test_the_link_and_repertoire_new_start_from_the_same_file(github_site: Site) -> None:
    """`repertoire new use` writes the file the link prefills, with the entry, the member and
    the day."""
    href = editor_link(github_site)
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
    known = ("entry:", "member:", "date:")
    as_linked = [line for line in linked.splitlines() if not line.startswith(known)]
    as_written = [line for line in written.splitlines() if not line.startswith(known)]
    assert as_linked == as_written
    assert {"entry: cases/first-case", "member: ann-lee"} <= set(written.splitlines())


@pytest.mark.parametrize(
    "config",
    [
        "",
        "repo_url: https://gitlab.com/example-org/practice\n",
        "repo_url: https://github.com/example-org/practice\nedit_uri: ''\n",
    ],
    ids=["no repo_url", "not GitHub", "edit links off"],
)
def test_without_a_github_repository_the_page_gives_the_file_and_the_command(
    make_site: Any, config: str
) -> None:
    site = make_site(config=config)
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert record_link(site, "cases/first-case/") == f"{RECORD_PAGE}?entry=cases/first-case"
    assert editor_link(site) is None
    page = load_page(site.site_dir, RECORD_PAGE)
    assert page.article.find("code", "rep-record-text").text().startswith("--- entry: 'TODO: ")
    assert "repertoire new use ENTRY --by YOUR-MEMBER-ID" in page.article.text()
