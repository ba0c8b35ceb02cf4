"""The theme's page around the content: partials rendered once per link base, templates'
indentation folded. Both are for speed and size only, so a page must read the same to a
browser as the one the theme would have rendered without them."""

from __future__ import annotations

import re

import jinja2
import pytest

from repertoire_kit.mkdocs_adapter.page_chrome import FoldingLoader, fold_template_source
from repertoire_kit.mkdocs_adapter.theme_cache import cache_theme_partials, link_base

ENTRY = (
    "---\ntitle: {title}\nsummary: About {title}.\nproblem_types: [sampling]\n"
    "contributors: [ann-lee]\ndate: 2024-03-0{day}\n---\n## Context\n\n"
    "```python\nif True:\n    print('indented code keeps its spaces')\n```\n"
)
FILES = {
    "repertoire/cases/second-case.md": ENTRY.format(title="Second case", day=2),
    "repertoire/stories/a-story.md": ENTRY.format(title="A story", day=3),
    "repertoire/reference/about.md": "# About\n\nWho we are.\n",
}


def _same_to_a_browser(html: str) -> str:
    """A page with every run of white space made one space (what HTML renders outside
    `<pre>`; the tests below check `<pre>` separately)."""
    return re.sub(r"\s+", " ", html)


@pytest.mark.parametrize("directory_urls", [True, False])
def test_cached_partials_give_the_pages_the_theme_renders(make_site, directory_urls: bool) -> None:
    config = f"use_directory_urls: {str(directory_urls).lower()}\n"
    site = make_site(FILES, config=config)
    uncached = (
        (site.root / "mkdocs.yml")
        .read_text()
        .replace("  - repertoire", "  - repertoire:\n      cache_theme_partials: false")
    )
    (site.root / "mkdocs-uncached.yml").write_text(uncached)
    assert site.build("--strict").returncode == 0, site.last.stderr
    result = site.build("--strict", "-f", "mkdocs-uncached.yml", "--site-dir", "site-uncached")
    assert result.returncode == 0, result.stderr

    theirs = site.root / "site-uncached"
    pages = sorted(p.relative_to(theirs) for p in theirs.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        ours = (site.site_dir / page).read_text(encoding="utf-8")
        expected = (theirs / page).read_text(encoding="utf-8")
        assert _same_to_a_browser(ours) == _same_to_a_browser(expected), page


def test_pages_outside_the_nav_share_the_navigation_and_nav_pages_show_their_own(make_site) -> None:
    site = make_site(FILES)
    assert site.build("--strict").returncode == 0, site.last.stderr
    active = "md-nav__link--active"
    assert active not in _nav(site.html("cases/second-case/"))
    assert active not in _nav(site.html("stories/a-story/"))
    assert active in _nav(site.html("problems/"))
    assert active in _nav(site.html("reference/about/"))
    # Links are relative to the page's folder: pages as deep share them, others do not.
    assert 'href="../../problems/"' in _nav(site.html("cases/second-case/"))
    assert 'href="../../problems/"' in _nav(site.html("stories/a-story/"))
    assert 'href="../problems/"' in _nav(site.html("cases/"))


def _nav(page: str) -> str:
    start = page.index('<nav class="md-nav md-nav--primary"')
    return page[start : page.index("md-sidebar--secondary", start)]


def test_the_theme_indentation_is_folded_and_code_keeps_its_spaces(make_site) -> None:
    site = make_site(FILES)
    assert site.build("--strict").returncode == 0, site.last.stderr
    for url in ("cases/second-case/", "problems/", ""):
        page = site.html(url)
        chrome = page[: page.index("<article")] + page[page.index("</article>") :]
        assert "\n " not in chrome, url
    assert "    print(" in site.html("cases/second-case/")  # inside <pre>, as written


def test_an_override_that_shows_white_space_keeps_it(make_site) -> None:
    files = {
        **FILES,
        "overrides/partials/copyright.html": '<pre class="kept">\n  two spaces\n</pre>\n',
    }
    site = make_site(files)
    config = site.root / "mkdocs.yml"
    config.write_text(
        config.read_text().replace(
            "  name: material\n", "  name: material\n  custom_dir: overrides\n"
        )
    )
    assert site.build("--strict").returncode == 0, site.last.stderr
    assert "\n  two spaces\n" in site.html("cases/second-case/")


@pytest.mark.parametrize(
    ("url", "nav", "key"),
    [
        ("cases/a/", {"cases/", ""}, "directory:cases"),
        ("cases/b/", {"cases/", ""}, "directory:cases"),
        ("members/x/", {"cases/", ""}, "directory:members"),
        ("cases/", {"cases/", ""}, None),  # in the nav: its own links
        ("", {"cases/", ""}, None),  # the home page: everything is below it
        ("reference/", {"reference/about/"}, None),  # a listed page lies below it
        ("cases/a.html", {"cases/index.html"}, "file:cases"),
        ("index.html", {"cases/index.html"}, "file:"),
    ],
)
def test_link_base_groups_exactly_the_pages_whose_links_read_alike(url, nav, key) -> None:
    assert link_base(url, frozenset(nav)) == key


def test_folding_makes_every_indented_line_break_bare_unless_white_space_shows() -> None:
    source = (
        "<ul>\n  {% for x in xs %}{# each #}\n    <li>{{ x }}</li>\n  {% endfor %}\n</ul>\n"
        "<p>\n  {% if a %}<b>a</b>{% endif %}\n  <i>b</i>\n</p>\n"
    )
    folded = fold_template_source(source)
    assert folded == (
        "<ul>\n{% for x in xs %}{# each #}<li>{{ x }}</li>\n{% endfor %}</ul>\n"
        "<p>\n{% if a %}<b>a</b>{% endif %}\n<i>b</i>\n</p>\n"
    )
    rendered = jinja2.Template(folded).render(xs=[1, 2], a=True)
    assert rendered == "<ul>\n<li>1</li>\n<li>2</li>\n</ul>\n<p>\n<b>a</b>\n<i>b</i>\n</p>"
    for kept in ("<div>\n  <pre>\n  a\n</pre>\n</div>", "<div>\n  <textarea>\n  a</textarea>"):
        assert fold_template_source(kept) == kept


def test_the_folding_loader_folds_what_it_loads_and_leaves_the_values_printed() -> None:
    theme = jinja2.DictLoader({"page.html": "<main>\n    {{ content }}\n</main>"})
    env = jinja2.Environment(loader=FoldingLoader(theme))
    rendered = env.get_template("page.html").render(content="<pre>\n    code\n</pre>")
    assert rendered == "<main>\n<pre>\n    code\n</pre>\n</main>"
    assert env.list_templates() == ["page.html"]


class _File:
    def __init__(self, src_uri: str) -> None:
        self.src_uri = src_uri


class _Page:
    def __init__(self, url: str) -> None:
        self.url = url
        self.file = _File(url)


def test_each_build_starts_with_an_empty_cache_on_a_reused_environment() -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader({"partials/nav.html": "nav {{ build }}"}))
    nav = env.get_template("partials/nav.html")
    cache_theme_partials(env, frozenset({"cases/"}))
    assert nav.render(page=_Page("cases/a/"), build=1) == "nav 1"
    assert nav.render(page=_Page("cases/b/"), build=99) == "nav 1"  # same link base: cached
    cache_theme_partials(env, frozenset({"cases/"}))  # a `serve` rebuild on the same theme
    assert nav.render(page=_Page("cases/b/"), build=2) == "nav 2"
    assert nav.render(page=_Page("cases/"), build=3) == "nav 3"  # listed in the nav: its own
