"""Only the member's part of a record page is sanitised; nothing a member writes escapes it.

The plugin marks the Markdown its templates generate with comments carrying a per-build nonce
and sanitises the rest (`core.page_regions`). These tests prove:
- the split is exact for well-formed marks and refuses (so the whole page is sanitised) when
  marks are missing, unbalanced, nested or out of order;
- marks with another nonce are just comments: they neither open nor close a generated part;
- on built pages (in `serve` mode, where hostile bodies are reported but still rendered),
  hostile bodies that try to run into or across the generated parts (unclosed tags and
  comments, forged marks, footnotes that Markdown moves after the footer) leave nothing
  executable, the panel and footer still render, and no mark is left in the output.
"""

from __future__ import annotations

import pytest
from repertoire_kit.core.page_regions import GeneratedMarks
from repertoire_kit.core.sanitize import sanitize_html

from tests.conftest import Site
from tests.security.security_support import executable_markup

MARKS = GeneratedMarks("0123456789abcdef")
S, E = MARKS.start, MARKS.end


def upper(text: str) -> str:
    return text.upper()


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (f"a{S}b{E}c", "AbC"),
        (f"{S}head{E}body{S}foot{E}notes", "headBODYfootNOTES"),
        ("no marks", "NO MARKS"),
    ],
)
def test_outside_the_marks_is_transformed_inside_is_kept(html: str, expected: str) -> None:
    assert MARKS.sanitize_outside(html, upper) == expected


@pytest.mark.parametrize(
    "html",
    [
        f"a{S}b",            # never closed
        f"a{E}b",            # closed, never opened
        f"a{S}b{S}c{E}d{E}",  # nested
        f"a{E}b{S}c{E}",      # end before start
        f"{S}b{E}c{E}",       # one end too many
    ],
)
def test_marks_out_of_order_sanitise_the_whole_page(html: str) -> None:
    assert MARKS.split(html) is None
    assert MARKS.sanitize_outside(html, upper) == html.upper()


def test_marks_of_another_build_are_ordinary_comments() -> None:
    forged = GeneratedMarks("ffffffffffffffff")
    html = f"{forged.start}<script>alert(1)</script>{forged.end}{S}kept{E}"
    assert MARKS.sanitize_outside(html, sanitize_html) == "kept"


def test_fresh_marks_differ_each_time() -> None:
    assert GeneratedMarks.fresh().nonce != GeneratedMarks.fresh().nonce


CASE_HEAD = (
    "---\ntitle: Hostile case\nsummary: A case.\nproblem_types: [sampling]\n"
    "contributors: [ann-lee]\ndate: 2024-03-02\nrelated: [cases/first-case]\n---\n"
)
HOSTILE_BODIES = {
    "unclosed-div": "Intro.\n\n<div>\n\n<script>alert('PWN')</script>\n",
    "unclosed-markdown-div": "Intro.\n\n<div markdown>\n\n[x](javascript:alert('PWN'))\n",
    "unclosed-comment": "Intro.\n\n<!-- never closed\n\n<script>alert('PWN')</script>\n",
    "unclosed-script": "Intro.\n\n<script>alert('PWN')\n",
    "open-attribute": "Intro.\n\n<p title=\"\n\n<img src=x onerror=alert('PWN')>\n",
    "forged-marks": (
        "Intro.\n\n<!--/repertoire-generated:0123456789abcdef-->\n\n"
        "<img src=x onerror=alert('PWN')>\n\n<!--repertoire-generated:0123456789abcdef-->\n"
    ),
    "footnote": "Intro.[^1]\n\n[^1]: A [note](javascript:alert('PWN')) <b onclick=\"alert('PWN')\">x</b>\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE_BODIES))
def test_hostile_bodies_cannot_reach_past_the_sanitiser(make_site, name: str) -> None:
    site: Site = make_site(
        {"repertoire/cases/hostile.md": CASE_HEAD + HOSTILE_BODIES[name]},
        config="markdown_extensions:\n  - footnotes\n",
    )
    result = site.serve_build()
    assert result.returncode == 0, result.stderr
    assert executable_markup(site.site_dir) == []
    page = site.html("cases/hostile/")
    assert "repertoire-generated" not in page
    assert 'class="rep-panel"' in page
    assert "Related entries" in page


def test_well_formed_pages_keep_panel_and_footer_and_drop_the_marks(make_site) -> None:
    site: Site = make_site({"repertoire/cases/plain.md": CASE_HEAD + "## Context\n\nPlain.\n"})
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    page = site.html("cases/plain/")
    assert "repertoire-generated" not in page
    article = page.split("<article", 1)[1]
    assert article.index('class="rep-panel"') < article.index("<p>Plain.</p>") < article.index(
        '<h2 id="related-entries">Related entries</h2>'
    )
