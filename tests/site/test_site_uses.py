"""Uses on the built site: their own pages, "Used by" on entries, "Has applied" on profiles.

A tiny site with uses of two entries by three members (one use a draft, one of a draft entry,
one with markup in its summary) is built with `mkdocs build`, and so is the sample community
(at least 15 uses by at least 8 members); what each page of both should show is
computed here from the files written (`yaml.safe_load`), never copied from the output:
which uses are published, the members and organisations (a use's `context`, else the
member's affiliation) counted in the heading, the order (newest first) and the fields shown.
"""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from tests.support.crossindex_html import Page, load_page, resolve
from tests.support.sites import MINIMAL, Site

MEMBERS = {
    "bo-ng": "---\nname: Bo Ng\naffiliation: State Audit Office (Latvia)\n---\nBo.\n",
    "cy-ode": "---\nname: Cy Ode\naffiliation: Treasury (Uzbekistan)\n---\nCy.\n",
}
CASE_FM = "summary: A case.\nproblem_types: [sampling]\ncontributors: [ann-lee]\ndate: 2024-03-01\n"
ENTRIES = {
    "cases/second-case": f"---\ntitle: Second case\n{CASE_FM}---\nText.\n",
    "cases/unfinished": f"---\ntitle: Unfinished\n{CASE_FM}draft: true\n---\nText.\n",
    "cases/unused": f"---\ntitle: Unused\n{CASE_FM}---\nText.\n",
}
USES: dict[str, str] = {
    "ann-first": (
        "entry: cases/first-case\nmember: ann-lee\ndate: 2024-05-02\n"
        "summary: Sampled forty schools the same way.\ncontext: Ministry of Education (Moldova)\n"
        "outcome: adopted\n"
    ),
    "bo-first": (
        "entry: cases/first-case\nmember: bo-ng\ndate: 2024-09-10\n"
        "summary: 'Tried it on <script>alert(1)</script> grants.'\noutcome: tried\n"
    ),
    "cy-first": (
        "entry: cases/first-case\nmember: cy-ode\ndate: 2023-11-30\n"
        "summary: Adapted the strata to our regions.\ncontext: Treasury (Uzbekistan)\n"
        "outcome: adapted\n"
    ),
    "bo-second": (
        "entry: cases/second-case\nmember: bo-ng\ndate: 2024-01-15\nsummary: Used it twice.\n"
    ),
    "cy-second-draft": (
        "entry: cases/second-case\nmember: cy-ode\ndate: 2024-02-01\nsummary: Not ready.\n"
        "draft: true\n"
    ),
    "ann-unfinished": (
        "entry: cases/unfinished\nmember: ann-lee\ndate: 2024-02-01\nsummary: Early days.\n"
    ),
}
BODY = "We changed one step and **kept** the rest.\n"


def front(text: str) -> dict[str, Any]:
    return yaml.safe_load(text.split("---\n")[1])


@pytest.fixture(scope="module")
def tiny_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = Site(tmp_path_factory.mktemp("uses") / "project")
    built.root.mkdir(parents=True)
    (built.root / "mkdocs.yml").write_text(
        "site_name: Uses\nsite_url: https://example.org/u/\ndocs_dir: repertoire\n"
        "theme:\n  name: material\nplugins:\n  - search\n  - repertoire\n",
        encoding="utf-8",
    )
    files = dict(MINIMAL)
    files["repertoire/members/ann-lee.md"] = (
        "---\nname: Ann Lee\naffiliation: Ministry of Education (Moldova)\n---\nAnn.\n"
    )
    files.update({f"repertoire/members/{m}.md": text for m, text in MEMBERS.items()})
    files.update({f"repertoire/{e}.md": text for e, text in ENTRIES.items()})
    files.update({f"repertoire/uses/{u}.md": f"---\n{fm}---\n{BODY}" for u, fm in USES.items()})
    built.write(files)
    result = built.build()
    assert result.returncode == 0, result.stderr
    return built


@pytest.fixture(params=["tiny", "sample"])
def site(request: pytest.FixtureRequest) -> Site:
    """The tiny site, then the sample community."""
    return request.getfixturevalue("tiny_site" if request.param == "tiny" else "sample_site")


def written(site: Site) -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(published uses, members) as the files say."""
    docs = site.root / "repertoire"
    members = {p.stem: front(p.read_text()) for p in (docs / "members").glob("*.md")}
    drafts = {
        f"cases/{p.stem}"
        for p in (docs / "cases").glob("*.md")
        if front(p.read_text()).get("draft")
    }
    uses = {p.stem: front(p.read_text()) for p in (docs / "uses").glob("*.md")}
    shown = {u: fm for u, fm in uses.items() if not fm.get("draft") and fm["entry"] not in drafts}
    return shown, members


def newest_first(uses: dict[str, dict[str, Any]]) -> list[str]:
    return sorted(uses, key=lambda u: (-uses[u]["date"].toordinal(), u))


def use_items(page: Page, heading: str) -> list[Any]:
    section = page.section(heading)
    assert section is not None, [s.heading for s in page.sections()]
    (listing,) = [n for n in section.nodes if n.tag == "ul"]
    assert "rep-uses" in listing.classes and "data-search-exclude" in listing.attrs
    return [li for li in listing.elements() if li.tag == "li"]


def test_drafts_and_uses_of_drafts_have_no_page(tiny_site: Site) -> None:
    shown, _ = written(tiny_site)
    assert set(shown) == {"ann-first", "bo-first", "cy-first", "bo-second"}
    for hidden in set(USES) - set(shown):
        assert not (tiny_site.site_dir / "uses" / hidden).exists()
    assert not any(u["id"] not in shown for u in tiny_site.json()["uses"])


def test_the_sample_records_uses_by_many_members(sample_site: Site) -> None:
    shown, _ = written(sample_site)
    assert len(shown) >= 15
    assert len({fm["member"] for fm in shown.values()}) >= 8


def test_each_published_use_has_a_page_with_its_fields_and_body(site: Site) -> None:
    shown, members = written(site)
    docs = site.root / "repertoire" / "uses"
    for use_id, fm in shown.items():
        page = load_page(site.site_dir, f"uses/{use_id}/")
        text = page.article.text()
        assert fm["summary"] in text
        assert members[fm["member"]]["name"] in text
        assert fm["date"].isoformat() in text
        assert (fm.get("context") or "") in text
        assert (fm.get("outcome") or "") in text
        body = (docs / f"{use_id}.md").read_text(encoding="utf-8").split("---\n", 2)[2]
        first_words = " ".join(body.replace("**", "").split()[:6])
        assert first_words in text
        links = page.links()
        assert f"{fm['entry']}/" in links and f"members/{fm['member']}/" in links


def test_markup_in_a_use_is_printed_as_text(tiny_site: Site) -> None:
    html = tiny_site.html("cases/first-case/") + tiny_site.html("uses/bo-first/")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_entry_pages_say_how_many_members_and_organisations_used_them(site: Site) -> None:
    shown, members = written(site)
    for entry_id in {fm["entry"] for fm in shown.values()}:
        mine = {u: fm for u, fm in shown.items() if fm["entry"] == entry_id}
        people = {fm["member"] for fm in mine.values()}
        places = {
            " ".join(where.split()).casefold()
            for fm in mine.values()
            if (where := fm.get("context") or members[fm["member"]].get("affiliation"))
        }
        heading = f"Used by {len(people)} member{'s' * (len(people) != 1)}"
        if places:
            heading += f" in {len(places)} organisation{'s' * (len(places) != 1)}"
        page = load_page(site.site_dir, f"{entry_id}/")
        items = use_items(page, heading)
        assert [
            resolve(page.url, li.find("a", "rep-use-summary").attrs["href"]) for li in items
        ] == [f"uses/{u}/" for u in newest_first(mine)]
        for li, use_id in zip(items, newest_first(mine), strict=True):
            fm = mine[use_id]
            text = li.text()
            assert text.startswith(members[fm["member"]]["name"])
            assert fm["date"].isoformat() in text and fm["summary"] in text
            assert (fm.get("outcome") or "") in text


def test_the_panel_counts_the_uses_and_links_to_their_section(site: Site) -> None:
    """One line in the entry's facts, 'Uses: 4, by 3 members', linking to the "Used by"
    section (followed by "I used this")."""
    shown, _ = written(site)
    for entry_id in {fm["entry"] for fm in shown.values()}:
        mine = [fm for fm in shown.values() if fm["entry"] == entry_id]
        people = len({fm["member"] for fm in mine})
        page = load_page(site.site_dir, f"{entry_id}/")
        panel = page.article.find("div", "rep-panel")
        (line,) = [li for li in panel.find_all("li") if li.text().startswith("Uses:")]
        tally = f"Uses: {len(mine)}, by {people} member{'s' * (people != 1)}"
        assert line.text().split(" · ")[0] == tally, entry_id
        target = line.find("a").attrs["href"]
        assert target.startswith("#"), entry_id
        (heading,) = [h for h in page.article.find_all("h2") if h.attrs.get("id") == target[1:]]
        assert heading.text().startswith("Used by "), entry_id


def test_an_entry_without_published_uses_has_no_used_by_section(tiny_site: Site) -> None:
    shown, _ = written(tiny_site)
    assert "cases/unused" not in {fm["entry"] for fm in shown.values()}
    page = load_page(tiny_site.site_dir, "cases/unused/")
    assert page.section(lambda h: h.startswith("Used by")) is None
    # The panel says so, and how to record the first.
    panel = page.article.find("div", "rep-panel")
    (line,) = [li for li in panel.find_all("li") if li.text().startswith("Uses:")]
    assert line.text() == "Uses: none recorded yet · I used this"


def test_member_profiles_list_what_they_have_applied(site: Site) -> None:
    shown, _ = written(site)
    for member_id in (p.stem for p in (site.root / "repertoire" / "members").glob("*.md")):
        mine = {u: fm for u, fm in shown.items() if fm["member"] == member_id}
        page = load_page(site.site_dir, f"members/{member_id}/")
        if not mine:
            assert not page.section(lambda h: h.startswith("Has applied"))
            continue
        items = use_items(page, f"Has applied ({len(mine)})")
        assert [page.links(li)[0] for li in items] == [
            f"{mine[u]['entry']}/" for u in newest_first(mine)
        ]


def test_the_export_lists_the_published_uses(site: Site) -> None:
    shown, _ = written(site)
    export = site.json()
    assert [u["id"] for u in export["uses"]] == sorted(shown)
    base = export["site"]["url"]
    assert {u["id"]: u["url"] for u in export["uses"]} == {u: f"{base}uses/{u}/" for u in shown}
    counts = {e["id"]: e["uses"] for e in export["entries"]}
    assert counts == {e: sum(fm["entry"] == e for fm in shown.values()) for e in counts}
