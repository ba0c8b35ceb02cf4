"""A kind's name keeps its own capitals wherever the site starts a heading or a label with it.

`str.capitalize` lowers every letter after the first: a steward's kind "IT audits" became
"It audits" in the navigation, the kind's listing and the entry panel.
"""

from __future__ import annotations

from tests.support.crossindex_sites import SiteFactory, build_ok, entry, member, merge, problem

KINDS = """\
kinds:
        - {folder: it-audits, singular: IT audit, plural: IT audits}
        - {folder: cases, singular: case, plural: cases}"""


def test_a_kind_named_with_capitals_keeps_them(make_site: SiteFactory) -> None:
    content = merge(
        problem("alpha"),
        member("ann"),
        entry("it-audits/first", ["alpha"], ["ann"], "2024-01-01"),
    )
    site = make_site(content, base={}, options=KINDS)
    read = build_ok(site)
    listing = read("it-audits/")
    assert listing.article.find("h1").text().rstrip("¶").strip() == "IT audits"
    assert "It audit" not in read("it-audits/first/").article.text()
    assert "IT audit" in read("it-audits/first/").article.text()
    assert "It audits" not in (site.site_dir / "index.html").read_text(encoding="utf-8")
