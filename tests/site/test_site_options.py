"""Plugin options shape the indexes: custom kinds get their own listings, roles are enforced.

A `methods` kind configured in mkdocs.yml gets a /methods/ page with its entries, a column in
the problem tree, a section on problem and member pages, a row on the home page, a nav link and
its place in repertoire.json. Custom roles are accepted and group the member directory; a role
outside them stops the build with the file, line, field and allowed values.
(`related_limit` is tested with the ranking, `new_limit` with what's new.)
"""

from __future__ import annotations

from tests.support.crossindex_sites import SiteFactory, build_ok, entry, member

KINDS = """
kinds:
  - {folder: cases, singular: case, plural: cases}
  - {folder: methods, singular: method, plural: methods}
"""
METHOD = entry("methods/root-cause-interviews", ["sampling"], ["ann-lee"], "2025-01-01")


def test_a_custom_kind_gets_its_listing_and_its_place_in_every_index(
    make_site: SiteFactory,
) -> None:
    read = build_ok(make_site(METHOD, options=KINDS))
    methods = read("methods/")
    assert methods.entry_items(methods.article.elements()) == ["methods/root-cause-interviews/"]
    assert methods.title.startswith("Methods")
    assert "1 method, newest first." in methods.article.text()
    cases = read("cases/")
    assert cases.entry_items(cases.article.elements()) == ["cases/first-case/"]

    problem_page = read("problems/sampling/")
    assert problem_page.entry_items(problem_page.section("Methods (1)").nodes) == [
        "methods/root-cause-interviews/"
    ]
    member_page = read("members/ann-lee/")
    assert member_page.entry_items(member_page.section("Methods (1)", level=3).nodes) == [
        "methods/root-cause-interviews/"
    ]
    tree = read("problems/")
    assert [th.text() for th in tree.article.find("thead").find_all("th")] == [
        "Problem type",
        "Cases",
        "Methods",
    ]
    home = read("")
    assert "methods/" in home.links(home.article)
    assert "stories/" not in home.links(home.article)


def test_a_custom_kind_is_exported_with_its_names(make_site: SiteFactory) -> None:
    site = make_site(METHOD, options=KINDS)
    build_ok(site)
    export = site.json()
    assert [(k["folder"], k["singular"], k["plural"], k["url"]) for k in export["kinds"]] == [
        ("cases", "case", "cases", "https://example.org/test/cases/"),
        ("methods", "method", "methods", "https://example.org/test/methods/"),
    ]
    kinds = {e["id"]: e["kind"] for e in export["entries"]}
    assert kinds == {"cases/first-case": "case", "methods/root-cause-interviews": "method"}


def test_custom_roles_are_accepted_and_group_the_directory(make_site: SiteFactory) -> None:
    files = member("chair-person", "Chair Person", role="chair")
    read = build_ok(make_site(files, options="roles: [chair, member]"))
    directory = read("members/")
    headings = [s.heading for s in directory.sections(2)]
    assert headings == ["Chair (1)", "Members (1)"]
    assert directory.links(directory.section("Chair (1)").find_all("table")[0]) == [
        "members/chair-person/"
    ]


def test_a_role_outside_the_configured_ones_stops_the_build_with_its_place(
    make_site: SiteFactory,
) -> None:
    site = make_site(member("old-hand", role="steward"), options="roles: [chair, member]")
    result = site.build()
    assert result.returncode != 0
    assert "repertoire/members/old-hand.md:3:" in result.stderr
    assert "role: 'steward' is not one of: chair, member" in result.stderr


def test_a_page_size_below_one_stops_check_and_build_with_the_option_named(
    make_site: SiteFactory,
) -> None:
    site = make_site(options="page_size: 0")
    build = site.build()
    assert build.returncode != 0
    assert "page_size must be 1 or more, not 0" in build.stderr
    check = site.check()
    assert check.returncode != 0
    assert "page_size must be 1 or more" in check.stdout + check.stderr
