"""Helpers of the security suite: hostile values, the site's Markdown pipeline, and a scanner.

- `HOSTILE` holds the hostile values the suite plants in front matter. Every payload that could
  run carries the marker `PWN`, so the scanner can tell a script that came from content from the
  theme's own scripts.
- `render_markdown` converts Markdown with exactly the extensions of the repository's
  `mkdocs.yml` (plus those the plugin switches on), so a unit test sees what a build would.
- `executable_markup` lists every way a built file could run something planted by content:
  `<script>`/`<iframe>`/... elements carrying the marker, `on…=` attributes, `javascript:`,
  `data:` and `vbscript:` URLs in any URL attribute. It reads HTML with a real parser (the
  standard library's, which decodes character references exactly as a browser does), JSON by
  walking every string, and XML with ElementTree. `theme_hooks` lists contributed elements that
  would stand in for the theme's own (`#__config`, `data-md-*`).
- `check_lines` gives what `repertoire check` prints for a project. Pages are read back with
  the one small element tree of the suite, `crossindex_html.parse_html`.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from repertoire_kit.core.load.loader import load_repertoire
from repertoire_kit.core.load.project import load_project
from repertoire_kit.core.report import format_text
from repertoire_kit.mkdocs_adapter.plugin import _REQUIRED_EXTENSIONS
from tests.support.crossindex_html import Node
from tests.support.sites import BASE_CONFIG, Site

REPO_ROOT = Path(__file__).resolve().parents[2]
MARKER = "PWN"
EXPORT_NAME = "repertoire.json"
DATA_FILES = (EXPORT_NAME, "explore.json")  # data shown with textContent, never as HTML

# Hostile values, one per kind of attack; each fits the shortest field it is planted in (60).
HOSTILE: dict[str, str] = {
    "script": "<script>alert('PWN')</script>",
    "attribute_break": "\"><img src=x onerror=alert('PWN')>",
    "title_break": "</title><script>alert('PWN')</script>",
    "jinja_expression": "{{ 7*7 }} {{ config }}",
    "jinja_statement": "{% raw %}{% endraw %}{# PWN #}",
    "markdown_link": "[x](javascript:alert('PWN'))",
    "attr_list": "Plain {: onclick=alert('PWN') }",
    "entity_javascript": "&#106;avascript:alert('PWN') &lt;b&gt;",
    "mixed_case_javascript": "JaVaScRiPt:alert('PWN')",
    "data_url": "data:text/html,<script>alert('PWN')</script>",
    "vbscript": "vbscript:msgbox('PWN')",
    "markdown_inline": "*em* _u_ `code` ~~del~~ #tag | cell",
    "admonition": '!!! danger "PWN"',
    "definition": ": PWN definition",
}

# The schemes a URL attribute may never carry, and the attributes that hold URLs.
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:", "livescript:")
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "srcset",
        "poster",
        "data",
        "background",
        "xlink:href",
        "cite",
        "longdesc",
        "ping",
        "manifest",
        "codebase",
    }
)
SCRIPT_LIKE = frozenset(
    {
        "script",
        "iframe",
        "frame",
        "object",
        "embed",
        "applet",
        "svg",
        "math",
        "style",
        "link",
        "base",
        "form",
        "template",
    }
)
# Ids and data attributes the theme (Material) reserves for its own elements.
THEME_ID_PREFIX = "__"
THEME_DATA_PREFIX = "data-md-"
_BROWSER_IGNORED = re.compile(r"[\x00-\x20]")


def _repository_extensions() -> tuple[list[str], dict[str, Any]]:
    """The Markdown extensions (and their settings) of the repository's mkdocs.yml."""
    config = yaml.safe_load((REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    names: list[str] = []
    settings: dict[str, Any] = {}
    for item in config.get("markdown_extensions") or []:
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        if options:
            settings[name] = options
    names += [name for name in _REQUIRED_EXTENSIONS if name not in names]
    return names, settings


MARKDOWN_EXTENSIONS, MARKDOWN_SETTINGS = _repository_extensions()


def check_lines(root: Path) -> list[str]:
    """What `repertoire check` prints for a project, one line per diagnostic."""
    project = load_project(root / "mkdocs.yml")
    result = load_repertoire(project.root, project.docs_dir, project.settings)
    return [format_text(d) for d in result.diagnostics]


def render_markdown(text: str) -> str:
    """HTML for Markdown, converted the way the site's MkDocs build converts it."""
    return str(
        markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS, extension_configs=MARKDOWN_SETTINGS)
    )


@dataclass
class Element:
    """An HTML element as the scanner saw it: tag, decoded attributes, and its own text."""

    tag: str
    attrs: list[tuple[str, str]]
    text: str = ""


class _Collector(HTMLParser):
    """Every element of a document with its attributes, and the text inside raw-text tags."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, [(name, value or "") for name, value in attrs]))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self.texts.append(data)
        if self.elements and self.elements[-1].tag in ("script", "style", "title", "textarea"):
            self.elements[-1].text += data


def parse_html(html_text: str) -> _Collector:
    """The elements and text of an HTML document or fragment."""
    collector = _Collector()
    collector.feed(html_text)
    collector.close()
    return collector


def dangerous_url(value: str) -> bool:
    """Whether a URL attribute would run or embed something, read the way browsers read it."""
    compact = _BROWSER_IGNORED.sub("", value).lower()
    return compact.startswith(DANGEROUS_SCHEMES)


def html_problems(html_text: str, where: str) -> list[str]:
    """Executable or theme-shadowing markup in an HTML document or fragment."""
    problems: list[str] = []
    for element in parse_html(html_text).elements:
        described = f"{where}: <{element.tag}>"
        carries_marker = MARKER in element.text or any(MARKER in v for _, v in element.attrs)
        if element.tag in SCRIPT_LIKE and carries_marker:
            problems.append(f"{described} from content")
        if element.tag == "meta" and carries_marker and "http-equiv" in dict(element.attrs):
            problems.append(f"{described} http-equiv from content")
        for name, value in element.attrs:
            lowered = name.lower()
            if lowered.startswith("on"):
                problems.append(f"{described} has event handler {name}={value!r}")
            elif lowered in URL_ATTRIBUTES and dangerous_url(value):
                problems.append(f"{described} has {name}={value!r}")
            elif lowered == "style" and carries_marker:
                problems.append(f"{described} has a contributed style")
    return problems


def _json_strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _json_strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item)


def json_problems(text: str, where: str) -> list[str]:
    """Problems in a JSON file.

    `repertoire.json` and `explore.json` are data: their strings are the contributed values
    themselves (the explore script shows them with `textContent`), so what matters is that its
    bytes stay inert when pasted into HTML: no raw `<`, `>` or `&`. Every other JSON file (the
    search index above all) holds HTML that Material renders, so each of its strings is read as
    an HTML fragment.
    """
    if where.endswith(DATA_FILES):
        return [f"{where}: raw {char!r}" for char in "<>&" if char in text]
    problems: list[str] = []
    for index, string in enumerate(_json_strings(json.loads(text))):
        problems += html_problems(string, f"{where} string {index}")
    return problems


def xml_problems(data: bytes, where: str) -> list[str]:
    """Elements outside the document's own namespace, or unparseable XML."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        return [f"{where}: not well-formed XML ({error})"]
    namespace = root.tag.split("}")[0] + "}" if root.tag.startswith("{") else ""
    return [
        f"{where}: foreign element <{element.tag}>"
        for element in root.iter()
        if not element.tag.startswith(namespace)
    ]


def executable_markup(site_dir: Path) -> list[str]:
    """Every way a built site could run or embed something planted by content."""
    problems: list[str] = []
    for path in sorted(site_dir.rglob("*")):
        if not path.is_file():
            continue
        where = path.relative_to(site_dir).as_posix()
        if path.suffix == ".html":
            problems += html_problems(path.read_text(encoding="utf-8"), where)
        elif path.suffix == ".json":
            problems += json_problems(path.read_text(encoding="utf-8"), where)
        elif path.suffix == ".xml":
            problems += xml_problems(path.read_bytes(), where)
        elif path.suffix in (".js", ".css") and MARKER.encode() in path.read_bytes():
            problems.append(f"{where}: contains content ({MARKER})")
    return problems


def theme_hooks(html_text: str) -> list[str]:
    """Contributed ids and data attributes that shadow the theme's (`__config`, `data-md-*`).

    The theme's own hooks appear outside the article; only the article is the contributor's.
    """
    article = html_text.split('<article class="md-content__inner md-typeset">', 1)[-1]
    article = article.split("</article>", 1)[0]
    found: list[str] = []
    for element in parse_html(article).elements:
        for name, value in element.attrs:
            if (name == "id" and value.startswith(THEME_ID_PREFIX)) or name.startswith(
                THEME_DATA_PREFIX
            ):
                found.append(f"<{element.tag} {name}={value!r}>")
    return found


def visible_text(html_fragment: str) -> str:
    """The text a reader sees in an HTML fragment, character references decoded."""
    return "".join(parse_html(html_fragment).texts)


def own_text(node: Node) -> str:
    """A heading's text without its permalink (the `¶` anchor the toc extension adds)."""
    kept = [
        c
        for c in node.children
        if not (isinstance(c, Node) and "headerlink" in c.attrs.get("class", ""))
    ]
    return Node(node.tag, node.attrs, children=kept).text()


# ----- the front-matter-hostile site (built by the `hostile_site` fixture) -----

SITE_NAME = "Test Exchange"


def slug(key: str) -> str:
    """The record id used for one hostile value."""
    return "hostile-" + key.replace("_", "-")


def front_matter_file(fields: dict[str, Any], body: str) -> str:
    """A record file; PyYAML writes the values, so they arrive exactly as given."""
    return f"---\n{yaml.safe_dump(fields, sort_keys=False, allow_unicode=True)}---\n{body}"


def hostile_records() -> dict[str, str]:
    """Per hostile value: a problem type, a member, a case and a path carrying it everywhere."""
    files: dict[str, str] = {}
    for key, value in HOSTILE.items():
        name = slug(key)
        files[f"repertoire/problems/{name}.md"] = front_matter_file(
            {"title": value, "summary": value}, "What this problem is.\n"
        )
        files[f"repertoire/members/{name}.md"] = front_matter_file(
            {
                "name": value,
                "affiliation": value,
                "role": "member",
                "links": [{"label": value, "url": 'https://example.org/?q=<x>&y="z"'}],
            },
            "A member who audits.\n",
        )
        files[f"repertoire/cases/{name}.md"] = front_matter_file(
            {
                "title": value,
                "summary": value,
                "problem_types": [name],
                "contributors": [name],
                "date": "2024-03-01",
                "tags": [value],
                "description": value,
            },
            "## Context\n\nWhat happened.\n",
        )
        files[f"repertoire/paths/{name}.md"] = front_matter_file(
            {
                "title": value,
                "summary": value,
                "audience": value,
                "steps": [
                    {"entry": f"cases/{name}", "note": value},
                    {"entry": "cases/first-case", "note": value},
                ],
            },
            "Follow these steps.\n",
        )
    return files


def hostile_config() -> str:
    """BASE_CONFIG with Material's tags plugin and the repository's Markdown extensions."""
    config = BASE_CONFIG.format(options="").replace("  - search\n", "  - search\n  - tags\n")
    extensions = [
        {name: MARKDOWN_SETTINGS[name]} if name in MARKDOWN_SETTINGS else name
        for name in MARKDOWN_EXTENSIONS
    ]
    return config + yaml.safe_dump({"markdown_extensions": extensions}, sort_keys=False)


@dataclass(frozen=True)
class BuiltSite:
    """A built site and the text of its files."""

    site: Site

    def text(self, rel: str) -> str:
        path = self.site.site_dir / rel
        if rel == "" or rel.endswith("/"):
            path = path / "index.html"
        return path.read_text(encoding="utf-8")

    @property
    def site_dir(self) -> Path:
        return self.site.site_dir


def new_site(
    factory: pytest.TempPathFactory, name: str, files: dict[str, str], config: str | None = None
) -> Site:
    """A project folder outside any test's tmp_path, for builds shared by several tests."""
    root = factory.mktemp(name) / "project"
    root.mkdir()
    (root / "mkdocs.yml").write_text(config or BASE_CONFIG.format(options=""), encoding="utf-8")
    return Site(root).write(files)
