"""Property tests: no input crashes the loader, nothing is dropped silently, and any title
reaches the page as text only.

- Arbitrary front-matter text (free text, and YAML-shaped text built from the contract's own
  field names and YAML's tricky scalars), and arbitrary bytes, given to the loader in any
  record folder: the loader returns, and the file is either loaded or named by a diagnostic.
- An arbitrary title that loads is composed into its entry page by the core, converted with the
  site's Markdown pipeline and sanitised as a build does: the page's h1 reads exactly the title
  (whitespace collapsed, as HTML shows it), with no element made from it.
- A few full MkDocs builds do the same through the theme: `<title>`, h1 and meta description.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from repertoire_kit.core.contract.schemas import (
    entry_schema,
    member_schema,
    path_schema,
    problem_schema,
)
from repertoire_kit.core.load.loader import load_repertoire
from repertoire_kit.core.pages.site import SitePages
from repertoire_kit.core.pages.templating import Templates
from repertoire_kit.core.safety.sanitize import sanitize_html
from repertoire_kit.core.settings import Settings
from tests.support.crossindex_html import parse_html
from tests.support.security import Node, own_text, render_markdown
from tests.support.sites import MINIMAL, Site

FOLDERS = ("cases", "members", "problems", "paths")
FIELD_NAMES = sorted(
    {
        f.name
        for schema in (entry_schema, member_schema, problem_schema, path_schema)
        for f in schema(Settings()).fields
    }
    | {"entry", "note", "label", "url", "unknown"}
)
TRICKY_SCALARS = [
    "yes",
    "NO",
    "~",
    "null",
    "1.10",
    "0o17",
    "2024-02-30",
    "2024-03-01",
    "[a, b]",
    "{a: 1}",
    "&a x",
    "*a",
    "!!str x",
    "!!python/name:os.system",
    "!tag x",
    '"unclosed',
    "'it''s'",
    "|",
    ">-",
    "- item",
    "[sampling]",
    "[ann-lee]",
    "- {entry: cases/first-case, note: n}",
    "<script>",
    "{{ 7*7 }}",
    "javascript:alert(1)",
    "\t",
    "#",
    ": :",
    "? key",
    "---",
    "...",
    "%YAML 1.1",
    '"\\ud83d"',
    "[" * 30,
    "]",
]
NORMALISED_WHITESPACE = re.compile(r"\s+")

yaml_lines = st.lists(
    st.tuples(
        st.sampled_from(FIELD_NAMES) | st.text(max_size=12),
        st.sampled_from(["", " ", "  ", "\t"]),
        st.sampled_from(TRICKY_SCALARS) | st.text(max_size=40),
    ).map(lambda t: f"{t[1]}{t[0]}: {t[2]}"),
    max_size=12,
).map("\n".join)
front_matter_text = st.text(max_size=400) | yaml_lines


def write_tree(root: Path, extra: dict[str, bytes]) -> None:
    """The MINIMAL repertoire plus the given files, under `root`."""
    files = {rel: text.encode("utf-8") for rel, text in MINIMAL.items()} | extra
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)


def load_file(folder: str, data: bytes) -> tuple[bool, list[str]]:
    """Load MINIMAL plus one file; whether it loaded, and the paths diagnostics name."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        rel = f"repertoire/{folder}/fuzzed.md"
        write_tree(root, {rel: data})
        result = load_repertoire(root, root / "repertoire", Settings())
        repertoire = result.repertoire
        sources = [r.source.path for r in repertoire.entries.values()]
        sources += [r.source.path for r in repertoire.members.values()]
        sources += [r.source.path for r in repertoire.problems.values()]
        sources += [r.source.path for r in repertoire.paths.values()]
        return rel in sources, [d.path for d in result.diagnostics]


@settings(max_examples=200, deadline=None)
@given(folder=st.sampled_from(FOLDERS), text=front_matter_text, body=st.text(max_size=200))
def test_any_front_matter_gives_diagnostics_or_a_record(folder: str, text: str, body: str) -> None:
    data = f"---\n{text}\n---\n{body}".encode("utf-8", "surrogatepass")
    loaded, named = load_file(folder, data)
    assert loaded or f"repertoire/{folder}/fuzzed.md" in named


@settings(max_examples=150, deadline=None)
@given(
    folder=st.sampled_from(FOLDERS),
    data=st.binary(max_size=600) | st.binary(max_size=600).map(lambda b: b"---\n" + b),
)
def test_any_bytes_give_diagnostics_or_a_record(folder: str, data: bytes) -> None:
    loaded, named = load_file(folder, data)
    assert loaded or f"repertoire/{folder}/fuzzed.md" in named


def case_file(title: str) -> bytes:
    """A valid case whose title is `title`, written as a YAML double-quoted (JSON) string."""
    return (
        f"---\ntitle: {json.dumps(title)}\nsummary: {json.dumps(title)}\n"
        "problem_types: [sampling]\ncontributors: [ann-lee]\ndate: 2024-03-01\n---\nBody.\n"
    ).encode()


def heading_of(html_text: str) -> Node:
    """The page's h1, after checking that it holds only text and its permalink."""
    h1 = parse_html(html_text).find("h1")
    made = [
        c.tag
        for c in h1.children
        if isinstance(c, Node) and "headerlink" not in c.attrs.get("class", "")
    ]
    assert made == [], f"elements made from the title: {made}"
    return h1


titles = st.text(min_size=1, max_size=200).filter(lambda t: t.strip())


@settings(max_examples=200, deadline=None)
@given(title=titles)
def test_any_title_reaches_the_entry_page_as_text_only(title: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_tree(root, {"repertoire/cases/fuzzed.md": case_file(title)})
        result = load_repertoire(root, root / "repertoire", Settings())
        entry = result.repertoire.entries.get("cases/fuzzed")
        if entry is None:  # the contract refused it (control characters, too long): reported
            assert any(d.path == "repertoire/cases/fuzzed.md" for d in result.diagnostics)
            return
        pages = SitePages(result.repertoire, Settings(), Templates())
        composed = pages.compose_record("cases/fuzzed.md")
        assert composed is not None
        page = composed.fill(sanitize_html(render_markdown(composed.markdown)))
    assert own_text(heading_of(page)) == NORMALISED_WHITESPACE.sub(" ", entry.title).strip()


@settings(
    max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=st.text(
        alphabet=st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]),
        min_size=1,
        max_size=80,
    ).filter(lambda t: t.strip())
    | st.sampled_from(["</title><script>alert(1)</script>", '"><svg onload=alert(1)>', "{{ 7*7 }}"])
)
def test_any_title_survives_a_real_build_as_text(
    make_site: Callable[..., Site], title: str
) -> None:
    site = make_site({"repertoire/cases/fuzzed.md": case_file(title).decode()})
    result = site.build()
    if result.returncode != 0:  # refused by the contract: the build names the file
        assert "repertoire/cases/fuzzed.md" in result.stderr
        return
    page = site.html("cases/fuzzed/")
    head = parse_html(page)
    loaded = NORMALISED_WHITESPACE.sub(" ", title.strip())
    assert own_text(heading_of(page.split("<article", 1)[1])) == loaded
    assert head.find("title").text() == f"{loaded} - Test Exchange"
    assert (
        NORMALISED_WHITESPACE.sub(
            " ", head.find("meta", name="description").attrs["content"]
        ).strip()
        == loaded
    )
