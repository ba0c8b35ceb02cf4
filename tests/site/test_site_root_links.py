"""Links anchored at the docs root are made relative on every page, and nothing else moves.

Views and listing items link to records through a root marker (`urls.ROOT`) so that each is
made once per build; `urls.from_root` turns the marker into the way up from each page. These
tests prove the marker never reaches a built page, that links come out relative to the page
that holds them, and that a contributed title spelling the marker stays literal text (escaped
values cannot contain it: `<` is always encoded).
"""

from __future__ import annotations

import pytest

from repertoire_kit.core.pages import urls
from tests.support.sites import Site

MARKER_TITLE = "Odd <repertoire-root/> title"


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("index.md", "[x](problems/p.md)"),
        ("cases/a.md", "[x](../problems/p.md)"),
        ("reference/deep/page.md", "[x](../../problems/p.md)"),
    ],
)
def test_from_root_makes_links_relative_to_the_page(page: str, expected: str) -> None:
    link = f"[x]({urls.root_link('problems/p.md')})"
    assert urls.from_root(link, urls.markdown_root(page)) == expected


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        ("index.md", 'href="problems/p/"'),
        ("cases/a.md", 'href="../../problems/p/"'),
        ("cases/index.md", 'href="../problems/p/"'),
        ("reference/deep/page.md", 'href="../../../problems/p/"'),
    ],
)
def test_from_root_makes_html_links_relative_to_the_page_url(page: str, expected: str) -> None:
    html = f'href="{urls.root_url("problems/p.md")}"'
    assert urls.from_root(html, urls.html_root(page)) == expected


def test_the_marker_never_reaches_the_sample_site(sample_site: Site) -> None:
    leaked = [
        path.relative_to(sample_site.site_dir).as_posix()
        for path in sample_site.site_dir.rglob("*")
        if path.is_file()
        and path.suffix in {".html", ".json", ".xml"}
        and urls.ROOT in path.read_text(encoding="utf-8")
    ]
    assert leaked == []


def test_a_title_spelling_the_marker_stays_text(make_site) -> None:
    site: Site = make_site(
        {
            "repertoire/cases/odd.md": (
                f"---\ntitle: '{MARKER_TITLE}'\nsummary: Odd.\nproblem_types: [sampling]\n"
                "contributors: [ann-lee]\ndate: 2024-03-02\n---\nBody.\n"
            ),
        }
    )
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    listing = site.html("cases/")
    assert (
        "Odd &lt;repertoire-root/&gt; title" in listing
        or "Odd &#60;repertoire-root/&#62; title" in listing
    )
    assert 'href="../../problems/sampling/"' in site.html("cases/odd/")
    assert urls.ROOT not in listing
