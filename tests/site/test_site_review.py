"""Entries due for review on the built site: the page, the notices, and repertoire.json.

A tiny site whose review dates are known is built with `mkdocs build` and SOURCE_DATE_EPOCH
fixed; the expected due list, its order and each entry's suggested reviewers are computed
here from the files written (`yaml.safe_load`, `dateutil.relativedelta` for the months, a
walk of the parents for sub-types), never taken from the code under test, and found exactly
on the Due for review page, in the entries' notices and in repertoire.json. The fixture has
the edges: an entry due on the very day, one current for one more day, a review that renews
an old entry, `updated` that does, a 29 February, an alumna, an author, a member known only
by uses, sub-types, a tie broken by id and a draft. "Today" itself is proved to be
SOURCE_DATE_EPOCH's day, else the commit's date, else the newest date in the content; and two
builds with SOURCE_DATE_EPOCH set are byte-identical. With a tiny `problem_page_size` the
list spans three pages that together list the due entries once each, in order, and each
notice links to the page that lists its entry.
"""

from __future__ import annotations

import datetime as dt
import filecmp
import math
import os
import re
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from dateutil.relativedelta import relativedelta

from repertoire_kit.core import clock
from tests.support.crossindex_html import Page, load_page, resolve
from tests.support.sites import MINIMAL, REPERTOIRE, Site, build_env

TODAY = dt.date(2026, 6, 15)
EPOCH = str(int(dt.datetime(2026, 6, 15, 12, tzinfo=dt.timezone.utc).timestamp()))
MONTHS = 24
SUGGESTED = 3
ALUMNI = "alumni"

PROBLEMS = {
    "fieldwork": "---\ntitle: Fieldwork\n---\nOn site.\n",
    "site-visits": "---\ntitle: Site visits\nparent: fieldwork\n---\nVisits.\n",
    "reporting": "---\ntitle: Reporting\n---\nWriting it up.\n",
    "lonely": "---\ntitle: Lonely\n---\nOnly one member knows it.\n",
}
MEMBERS = {
    "bo-ng": "---\nname: Bo Ng\nrole: member\n---\nBo.\n",
    "cy-ode": "---\nname: Cy Ode\nrole: core\n---\nCy.\n",
    "di-alum": "---\nname: Di Alum\nrole: alumni\n---\nDi.\n",
    "ed-new": "---\nname: Ed New\nrole: member\n---\nEd.\n",
    "fay-two": "---\nname: Fay Two\n---\nFay.\n",
}


def entry(title: str, problems: str, people: str, date: str, extra: str = "") -> str:
    return (
        f"---\ntitle: {title}\nsummary: About {title.lower()}.\nproblem_types: [{problems}]\n"
        f"contributors: [{people}]\ndate: {date}\n{extra}---\nText.\n"
    )


ENTRIES = {
    "cases/old-fieldwork": entry("Old fieldwork", "fieldwork", "bo-ng", "2021-05-10"),
    "cases/renewed-fieldwork": entry(
        "Renewed fieldwork",
        "fieldwork",
        "cy-ode",
        "2020-01-01",
        "reviewed: 2025-02-02\nreviewed_by: [bo-ng]\n",
    ),
    "stories/due-today": entry(
        "Due today", "sampling", "cy-ode", "2019-01-01", "updated: 2024-06-15\n"
    ),
    "tools/visit-kit": entry("Visit kit", "site-visits", "di-alum", "2022-01-31"),
    "tools/current-one-more-day": entry(
        "Current one more day",
        "reporting",
        "bo-ng",
        "2021-01-01",
        "reviewed: 2024-06-16\nreviewed_by: [ann-lee, fay-two]\n",
    ),
    "cases/tie-b": entry("Tie <b>B</b>", "reporting", "cy-ode", "2022-02-02"),
    "cases/tie-a": entry("Tie A", "reporting, fieldwork", "fay-two", "2022-02-02"),
    "stories/leap-day": entry("Leap day", "reporting", "ann-lee", "2024-02-29"),
    "cases/draft-old": entry("Draft old", "fieldwork", "bo-ng", "2019-03-03", "draft: true\n"),
    "cases/lonely": entry("Lonely", "lonely", "ann-lee", "2020-02-02"),
    "stories/two-problems": entry(
        "Two problems", "fieldwork, site-visits, reporting", "ann-lee", "2021-07-07"
    ),
    "tools/recent": entry("Recent", "site-visits", "fay-two, ed-new", "2025-11-20"),
}
USES = {
    "ed-old-fieldwork": ("cases/old-fieldwork", "ed-new", "2025-01-05", ""),
    "ed-visit-kit": ("tools/visit-kit", "ed-new", "2025-03-05", ""),
    "bo-first-case": ("cases/first-case", "bo-ng", "2024-09-09", ""),
    "di-first-case": ("cases/first-case", "di-alum", "2024-10-10", ""),
    "fay-tie-b": ("cases/tie-b", "fay-two", "2023-04-04", ""),
    "cy-draft-old": ("cases/draft-old", "cy-ode", "2023-05-05", "draft: true\n"),
    "bo-renewed-draft": ("cases/renewed-fieldwork", "bo-ng", "2025-05-05", "draft: true\n"),
}


def project_files() -> dict[str, str]:
    files = dict(MINIMAL)
    files.update({f"repertoire/problems/{p}.md": text for p, text in PROBLEMS.items()})
    files.update({f"repertoire/members/{m}.md": text for m, text in MEMBERS.items()})
    files.update({f"repertoire/{e}.md": text for e, text in ENTRIES.items()})
    for use_id, (entry_id, member, day, extra) in USES.items():
        files[f"repertoire/uses/{use_id}.md"] = (
            f"---\nentry: {entry_id}\nmember: {member}\ndate: {day}\nsummary: Applied it.\n"
            f"{extra}---\n"
        )
    return files


def new_site(root: Path, options: str = "") -> Site:
    """This test's project; `options` is one plugin option, as YAML ("problem_page_size: 4")."""
    site = Site(root)
    root.mkdir(parents=True)
    plugin = f"  - repertoire:\n      {options}\n" if options else "  - repertoire\n"
    (root / "mkdocs.yml").write_text(
        "site_name: Reviews\nsite_url: https://example.org/r/\ndocs_dir: repertoire\n"
        f"theme:\n  name: material\nplugins:\n  - search\n{plugin}",
        encoding="utf-8",
    )
    site.write(project_files())
    return site


def env_with(epoch: str | None) -> dict[str, str]:
    env = build_env()
    env.pop("SOURCE_DATE_EPOCH", None)
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = epoch
    return env


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = new_site(tmp_path_factory.mktemp("review") / "project")
    result = site.build("--strict", env=env_with(EPOCH))
    assert result.returncode == 0, result.stderr
    return site


# ----- the truth, from the files alone ------------------------------------------------------


def front(text: str) -> dict[str, Any]:
    return yaml.safe_load(text.split("---\n")[1])


Files = dict[str, str]


def records(folder: str, files: Files | None = None) -> dict[str, dict[str, Any]]:
    """The front matter of every record file of a folder (default: this test's project), by
    id."""
    found = {}
    for path, text in (project_files() if files is None else files).items():
        rel = path.removeprefix("repertoire/").removesuffix(".md")
        if rel.startswith(f"{folder}/"):
            found[rel.removeprefix(f"{folder}/")] = front(text)
    return found


def published_entries(files: Files | None = None) -> dict[str, dict[str, Any]]:
    entries = {}
    for kind in ("cases", "stories", "tools"):
        for name, fields in records(kind, files).items():
            if not fields.get("draft"):
                entries[f"{kind}/{name}"] = fields
    return entries


def last_confirmed(fields: dict[str, Any]) -> dt.date:
    return max(fields[k] for k in ("date", "updated", "reviewed") if k in fields)


def expected_due(today: dt.date, files: Files | None = None) -> list[str]:
    """Published entries whose last confirmation plus MONTHS is today or earlier, oldest
    first, ties by id."""
    due = []
    for entry_id, fields in published_entries(files).items():
        since = last_confirmed(fields) + relativedelta(months=MONTHS)
        if since <= today:
            due.append((since, entry_id))
    return [entry_id for _, entry_id in sorted(due)]


def within(problem: str, roots: list[str], problems: dict[str, dict[str, Any]]) -> bool:
    """Whether `problem` is one of `roots` or below one of them."""
    current: str | None = problem
    while current is not None:
        if current in roots:
            return True
        current = problems.get(current, {}).get("parent")
    return False


def expected_reviewers(entry_id: str, files: Files | None = None) -> list[tuple[str, int]]:
    """Members by published entries plus published uses on each of the entry's problem types
    (sub-types included; a type below another of its types is counted in that one), added up;
    not its contributors, not alumni; most first, ties by id."""
    problems = records("problems", files)
    members = records("members", files)
    entries = published_entries(files)
    written = entries[entry_id]["problem_types"]
    broadest = [p for p in written if not any(q != p and within(p, [q], problems) for q in written)]
    counts: Counter[str] = Counter()
    for root in broadest:
        for fields in entries.values():
            if any(within(p, [root], problems) for p in fields["problem_types"]):
                counts.update(set(fields["contributors"]))
        for fields in records("uses", files).values():
            used = entries.get(fields["entry"])
            if (
                used
                and not fields.get("draft")
                and any(within(p, [root], problems) for p in used["problem_types"])
            ):
                counts[fields["member"]] += 1
    authors = set(entries[entry_id]["contributors"])
    ranked = sorted(
        (
            (m, n)
            for m, n in counts.items()
            if m not in authors and members[m].get("role") != ALUMNI
        ),
        key=lambda item: (-item[1], item[0]),
    )
    return ranked[:SUGGESTED]


def member_name(member_id: str) -> str:
    return str(records("members")[member_id]["name"])


def entry_url(entry_id: str) -> str:
    return f"{entry_id}/"


# ----- the built site -----------------------------------------------------------------------


def due_rows(page: Page) -> list[tuple[str, str, str, list[tuple[str, str]]]]:
    """(entry URL, last confirmed, due since, [(reviewer URL, count)]) of each row."""
    rows = []
    for cells in page.table_rows(page.article.find("table", "rep-due")):
        target = resolve(page.url, cells[0].find("a").attrs["href"])
        reviewers = [(resolve(page.url, a.attrs["href"]), a.text()) for a in cells[3].find_all("a")]
        counts = re.findall(r"\((\d+)\)", cells[3].text())
        rows.append(
            (
                str(target),
                cells[1].text(),
                cells[2].text(),
                [(str(url), count) for (url, _), count in zip(reviewers, counts, strict=True)],
            )
        )
    return rows


def test_the_fixture_has_its_edges() -> None:
    """The independent truth covers what the test claims (not a test of the code)."""
    due = expected_due(TODAY)
    assert "stories/due-today" in due and "tools/current-one-more-day" not in due
    assert "cases/renewed-fieldwork" not in due and "cases/draft-old" not in due
    assert due.index("cases/tie-a") + 1 == due.index("cases/tie-b")
    assert "stories/leap-day" in due  # 2024-02-29 + 24 months = 2026-02-28
    assert expected_reviewers("tools/visit-kit")  # known only through a sub-type and uses
    assert "cases/lonely" in due and expected_reviewers("cases/lonely") == []


def test_the_page_lists_exactly_the_due_entries_oldest_first_with_their_reviewers(
    built: Site,
) -> None:
    page = load_page(built.site_dir, "due-for-review/")
    rows = due_rows(page)
    entries = published_entries()
    assert [row[0] for row in rows] == [entry_url(e) for e in expected_due(TODAY)]
    for (url, confirmed, since, reviewers), entry_id in zip(rows, expected_due(TODAY), strict=True):
        last = last_confirmed(entries[entry_id])
        assert confirmed == last.isoformat(), url
        assert since == (last + relativedelta(months=MONTHS)).isoformat(), url
        assert reviewers == [(f"members/{m}/", str(n)) for m, n in expected_reviewers(entry_id)], (
            url
        )
    html = (built.site_dir / "due-for-review" / "index.html").read_text(encoding="utf-8")
    assert "Tie &lt;b&gt;B&lt;/b&gt;" in html and "<b>B</b>" not in html
    text = page.article.text()
    assert f"{len(rows)} entries are due as of {TODAY.isoformat()}" in text
    assert "leaving out the entry's own contributors and alumni" in text
    assert f"{MONTHS} months" in text


def test_a_due_entry_shows_a_quiet_notice_with_the_same_reviewers(built: Site) -> None:
    due = set(expected_due(TODAY))
    for entry_id in published_entries():
        page = load_page(built.site_dir, entry_url(entry_id))
        notices = page.article.find_all("p", "rep-review-notice")
        if entry_id not in due:
            assert notices == [], entry_id
            continue
        (notice,) = notices
        assert notice.attrs.get("data-search-exclude") is not None
        names = [a.text() for span in notice.find_all("span", "rep-reviewers") for a in span.iter()]
        assert names == [member_name(m) for m, _ in expected_reviewers(entry_id)], entry_id
        assert "due-for-review/" in page.links(notice)


def test_the_notice_is_not_in_the_search_index(built: Site) -> None:
    index = (built.site_dir / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "Due for review: last confirmed" not in index
    assert "Suggested reviewers" not in index


def test_the_export_carries_the_review_fields_and_whether_each_entry_is_due(built: Site) -> None:
    exported = {e["id"]: e for e in built.json()["entries"]}
    due = set(expected_due(TODAY))
    assert set(exported) == set(published_entries())
    for entry_id, fields in published_entries().items():
        item = exported[entry_id]
        reviewed = fields.get("reviewed")
        assert item["reviewed"] == (reviewed.isoformat() if reviewed else None)
        assert item["reviewed_by"] == fields.get("reviewed_by", [])
        assert item["due_for_review"] is (entry_id in due), entry_id


def test_the_page_is_linked_from_home_and_the_community_page(built: Site) -> None:
    home = load_page(built.site_dir, "")
    assert "due-for-review/" in home.links(home.article)
    community = load_page(built.site_dir, "community/")
    assert "due-for-review/" in community.links(community.article)
    sitemap = (built.site_dir / "sitemap.xml").read_text(encoding="utf-8")
    assert "due-for-review/" in sitemap


def test_a_reviewed_entry_shows_its_review_in_the_panel(built: Site) -> None:
    page = load_page(built.site_dir, entry_url("tools/current-one-more-day"))
    panel = page.article.find("div", "rep-panel").text()
    reviewers = ", ".join(member_name(m) for m in ("ann-lee", "fay-two"))
    assert f"Reviewed: 2024-06-16 by {reviewers}" in panel


def test_two_builds_with_source_date_epoch_are_byte_identical(built: Site, tmp_path: Path) -> None:
    again = new_site(tmp_path / "again")
    assert again.build("--strict", env=env_with(EPOCH)).returncode == 0
    compared = filecmp.dircmp(built.site_dir, again.site_dir)

    def differing(cmp: filecmp.dircmp[str]) -> list[str]:
        found = list(cmp.diff_files) + list(cmp.left_only) + list(cmp.right_only)
        for sub in cmp.subdirs.values():
            found += differing(sub)
        return found

    assert differing(compared) == []


def test_without_git_or_epoch_today_is_the_newest_date_in_the_content(tmp_path: Path) -> None:
    site = new_site(tmp_path / "plain")
    assert site.build("--strict", env=env_with(None)).returncode == 0
    dates = [
        last_confirmed(f) for kind in ("cases", "stories", "tools") for f in records(kind).values()
    ]
    dates += [f["date"] for f in records("uses").values()]
    newest = max(dates)
    page = load_page(site.site_dir, "due-for-review/")
    assert [row[0] for row in due_rows(page)] == [entry_url(e) for e in expected_due(newest)]
    assert f"as of {newest.isoformat()}" in page.article.text()


def test_in_a_repository_today_is_the_date_of_the_commit_built(tmp_path: Path) -> None:
    site = new_site(tmp_path / "repo")
    committed = dt.date(2025, 9, 1)
    git_env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "T",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "T",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "GIT_AUTHOR_DATE": "2025-09-01T10:00:00+00:00",
        "GIT_COMMITTER_DATE": "2025-09-01T10:00:00+00:00",
    }
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "content"]):
        subprocess.run(["git", *args], cwd=site.root, env=git_env, check=True)
    assert site.build("--strict", env=env_with(None)).returncode == 0
    page = load_page(site.site_dir, "due-for-review/")
    assert [row[0] for row in due_rows(page)] == [entry_url(e) for e in expected_due(committed)]
    assert f"as of {committed.isoformat()}" in page.article.text()


def test_the_sample_has_reviewed_and_due_entries_and_its_page_says_which(
    sample_site: Site,
) -> None:
    """The sample community, built on the session's day: some entries reviewed, some due, and
    the page lists exactly the due ones with the reviewers computed from its files."""
    docs = sample_site.root / "repertoire"
    files = {
        f"repertoire/{path.relative_to(docs).as_posix()}": path.read_text(encoding="utf-8")
        for path in sorted(docs.rglob("*.md"))
    }
    today = clock.today(build_env())
    entries = published_entries(files)
    reviewed = [e for e, fields in entries.items() if fields.get("reviewed")]
    due = expected_due(today, files)
    assert len(reviewed) >= 5 and len(due) >= 3
    page = load_page(sample_site.site_dir, "due-for-review/")
    rows = due_rows(page)
    assert [row[0] for row in rows] == [entry_url(e) for e in due]
    for row, entry_id in zip(rows, due, strict=True):
        expected = [(f"members/{m}/", str(n)) for m, n in expected_reviewers(entry_id, files)]
        assert row[3] == expected, entry_id


# ----- a due list of several pages --------------------------------------------------------

PAGE_SIZE = 4
"""`problem_page_size` of the paged build: the fixture's due entries then fill three pages,
the last one short."""


@pytest.fixture(scope="module")
def paged(tmp_path_factory: pytest.TempPathFactory) -> Site:
    site = new_site(
        tmp_path_factory.mktemp("review-paged") / "project", f"problem_page_size: {PAGE_SIZE}"
    )
    result = site.build("--strict", env=env_with(EPOCH))
    assert result.returncode == 0, result.stderr
    return site


def due_page_urls() -> list[str]:
    """The URL of each page of the due list: the first, then `page/2/`, ...."""
    count = math.ceil(len(expected_due(TODAY)) / PAGE_SIZE)
    return ["due-for-review/", *(f"due-for-review/page/{n}/" for n in range(2, count + 1))]


def test_the_due_list_continues_oldest_first_across_its_pages(paged: Site) -> None:
    due = expected_due(TODAY)
    urls = due_page_urls()
    assert len(urls) == 3 and len(due) % PAGE_SIZE  # three pages, the last one short
    pages = [load_page(paged.site_dir, url) for url in urls]
    rows = [[row[0] for row in due_rows(page)] for page in pages]
    assert [url for page_rows in rows for url in page_rows] == [entry_url(e) for e in due]
    chunks = [due[n : n + PAGE_SIZE] for n in range(0, len(due), PAGE_SIZE)]
    assert rows == [[entry_url(e) for e in chunk] for chunk in chunks]
    assert not (paged.site_dir / "due-for-review" / "page" / str(len(urls) + 1)).exists()
    for number, page in enumerate(pages, start=1):
        title = "Due for review" + (f" (page {number} of {len(urls)})" if number > 1 else "")
        assert page.article.find("h1").text() == title
        assert f"{len(due)} entries are due as of {TODAY.isoformat()}" in page.article.text()


def test_the_due_pages_link_each_other_with_the_listings_pager(paged: Site) -> None:
    urls = due_page_urls()
    for number, url in enumerate(urls, start=1):
        page = load_page(paged.site_dir, url)
        nav = page.article.find("nav", "rep-pagination")
        assert set(page.links(nav)) == set(urls) - {url}, url
        status = nav.find("span", "rep-pagination-status").text()
        assert status == f"Page {number} of {len(urls)}"
        previous = nav.find_all("a", rel="prev")
        later = nav.find_all("a", rel="next")
        assert [resolve(url, a.attrs["href"]) for a in previous] == urls[number - 2 : number - 1]
        assert [resolve(url, a.attrs["href"]) for a in later] == urls[number : number + 1]
        # Oldest first: the previous page holds entries due longer, the next more recent ones.
        assert [a.text() for a in previous] == (["← Older"] if number > 1 else [])
        assert [a.text() for a in later] == (["Newer →"] if number < len(urls) else [])


def test_only_the_first_due_page_explains_and_is_linked_from_home(paged: Site) -> None:
    urls = due_page_urls()
    first = load_page(paged.site_dir, urls[0])
    assert first.section("How reviewers are suggested") is not None
    home = load_page(paged.site_dir, "")
    assert set(home.links(home.article)) & set(urls) == {urls[0]}
    for url in urls[1:]:
        page = load_page(paged.site_dir, url)
        assert page.section("How reviewers are suggested") is None, url
        assert "leaving out the entry's own contributors" not in page.article.text(), url
        assert urls[0] in page.links(), url


def test_a_due_entry_notice_links_to_the_page_that_lists_it(paged: Site) -> None:
    urls = due_page_urls()
    for index, entry_id in enumerate(expected_due(TODAY)):
        page = load_page(paged.site_dir, entry_url(entry_id))
        notice = page.article.find("p", "rep-review-notice")
        due_links = [u for u in page.links(notice) if u.startswith("due-for-review/")]
        assert due_links == [urls[index // PAGE_SIZE]], entry_id


def test_repertoire_generate_writes_every_page_of_the_due_list(paged: Site, tmp_path: Path) -> None:
    out = tmp_path / "generated"
    result = subprocess.run(
        [*REPERTOIRE, "generate", str(out)],
        cwd=paged.root,
        capture_output=True,
        text=True,
        env=env_with(EPOCH),
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    docs = out / "docs"
    written = sorted(
        path
        for path in (p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
        if path.startswith("due-for-review")
    )
    pages = len(due_page_urls())
    assert written == sorted(
        ["due-for-review.md", *(f"due-for-review/page/{n}.md" for n in range(2, pages + 1))]
    )
