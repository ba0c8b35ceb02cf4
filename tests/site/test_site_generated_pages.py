"""Generated index pages are real pages: titled, searchable, themed, and restylable.

On the sample, every generated page has a <title> naming it, sits in Material's search index
under that title, and is rendered by the site's theme like any other page. A tiny site with its
own `custom_dir` shows that `overrides/repertoire/kind_index.md` replaces the package's
template without touching the package, while the other templates stay the defaults.
"""

from __future__ import annotations

from tests.support.crossindex_sites import PageReader, SiteFactory, build_ok
from tests.support.sites import Site

GENERATED = {
    "paths/": "Curated paths",
    "problems/": "Problem types",
    "cases/": "Cases",
    "stories/": "Stories",
    "tools/": "Tools",
    "members/": "Members",
    "who-knows-what/": "Who knows what",
    "gaps/": "Gaps",
    "new/": "What's new",
}


def names_of(url: str) -> set[str]:
    """The names a generated page goes by: one, the same in nav, <title> and search."""
    return {GENERATED[url]}


SITE_NAME = "Internal Audit Exchange"


def test_generated_pages_have_titles_and_headings(sample_page: PageReader) -> None:
    for url, title in GENERATED.items():
        page = sample_page(url)
        assert page.title in {f"{name} - {SITE_NAME}" for name in names_of(url)}, url
        assert page.article.find("h1").text().rstrip("¶") == title, url


def test_generated_pages_are_in_the_search_index_under_their_titles(sample_site: Site) -> None:
    docs = sample_site.json("search/search_index.json")["docs"]
    titles = {doc["location"]: doc["title"] for doc in docs if "#" not in doc["location"]}
    for url in GENERATED:
        assert titles.get(url) in names_of(url), url


def test_generated_pages_carry_the_site_look(sample_page: PageReader) -> None:
    reference = sample_page("cases/a-finding-the-minister-read/")
    stylesheets = {
        link.attrs["href"].rsplit("assets/", 1)[-1]
        for link in reference.root.find_all("link")
        if link.attrs.get("rel") == "stylesheet"
    }
    for url in GENERATED:
        page = sample_page(url)
        assert page.root.find("header", "md-header").text().startswith(SITE_NAME), url
        own = {
            link.attrs["href"].rsplit("assets/", 1)[-1]
            for link in page.root.find_all("link")
            if link.attrs.get("rel") == "stylesheet"
        }
        assert own == stylesheets, url


OVERRIDE_CONFIG = """\
site_name: Override Exchange
site_url: https://example.org/override/
docs_dir: repertoire
theme:
  name: material
  custom_dir: overrides
plugins:
  - search
  - repertoire
"""
OVERRIDE_TEMPLATE = """\
# {{ title }} (our layout)

Our own listing: {{ total }} entries.

{{ slot("entry_list.html", entries=entries, show_kind=False) }}
"""
OVERRIDE_FRAGMENT = """\
<ol class="our-list rep-connected">{% for e in connections %}
<li><a href="{{ e.entry.url }}">{{ e.entry.title }}</a></li>{% endfor %}</ol>
"""


def test_a_template_in_custom_dir_replaces_the_default(make_site: SiteFactory) -> None:
    site = make_site()
    (site.root / "mkdocs.yml").write_text(OVERRIDE_CONFIG, encoding="utf-8")
    site.write({"overrides/repertoire/kind_index.md": OVERRIDE_TEMPLATE})
    read = build_ok(site)
    cases = read("cases/")
    assert cases.article.find("h1").text().rstrip("¶") == "Cases (our layout)"
    assert "Our own listing: 1 entries." in cases.article.text()
    assert cases.entry_items(cases.article.elements()) == ["cases/first-case/"]
    stories = read("stories/")
    assert "Our own listing: 0 entries." in stories.article.text()
    problems = read("problems/")
    assert problems.article.find("h1").text().rstrip("¶") == "Problem types"


def test_an_html_fragment_in_custom_dir_replaces_the_default(make_site: SiteFactory) -> None:
    site = make_site(
        {
            "repertoire/cases/second-case.md": (
                "---\ntitle: Second case\nsummary: Another.\nproblem_types: [sampling]\n"
                "contributors: [ann-lee]\ndate: 2024-03-02\n---\nBody.\n"
            ),
        }
    )
    (site.root / "mkdocs.yml").write_text(OVERRIDE_CONFIG, encoding="utf-8")
    site.write({"overrides/repertoire/connected.html": OVERRIDE_FRAGMENT})
    page = build_ok(site)("cases/second-case/")
    listing = page.article.find("ol", "our-list")
    assert page.entry_items([listing]) == ["cases/first-case/"]


def test_the_override_folder_is_the_theme_custom_dir_not_a_fixed_path(
    make_site: SiteFactory,
) -> None:
    """A template in some other folder is ignored: only the theme's folders are searched."""
    site = make_site()
    site.write({"elsewhere/repertoire/kind_index.md": OVERRIDE_TEMPLATE})
    read = build_ok(site)
    assert "our layout" not in read("cases/").article.text()
    assert "1 case, newest first." in read("cases/").article.text()
    empty = read("stories/")
    assert "No stories shared yet." in empty.article.text()
    assert {"problems/", "gaps/"} <= set(empty.links())
