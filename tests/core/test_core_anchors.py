"""The anchors the check knows for a page are exactly the ids the built page has.

Heading ids are computed by Python-Markdown's own `toc` over the page as it is composed (the
generated `# title`, the body, the generated sections), so repeats are numbered across all of
them. Proved on plain functions (`body_anchors`, `HeadingIds`) and against the built sample: for
every record page, generated page, the home page and the reference pages, every heading id in
the HTML is known to the check, and every anchor the check knows is an id of the HTML.
"""

from __future__ import annotations

import re
from pathlib import Path

from repertoire_kit.core.contract.source import SourceText, split_front_matter
from repertoire_kit.core.diagnostics import Diagnostics
from repertoire_kit.core.load.loader import LoadResult, load_repertoire
from repertoire_kit.core.load.project import Project, load_project
from repertoire_kit.core.pages.anchors import GeneratedContext, PageAnchors, body_anchors
from repertoire_kit.core.pages.site_markdown import HeadingIds

_HEADING_ID = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"')
_ANY_ID = re.compile(r'\sid="([^"]+)"')


def test_repeated_headings_are_numbered_as_toc_numbers_them() -> None:
    blocks = ["# A case", "## Context", "## Context", "## A case", "## Café & *co*"]
    assert HeadingIds().ids(blocks) == ["a-case", "context", "context_1", "a-case_1", "cafe-co"]


def test_a_body_gives_its_headings_and_explicit_ids_without_code() -> None:
    body = (
        "## Context `x`\n\nText.\n{: #note }\n\nSetext\n------\n\n"
        "```\n## not a heading\n```\n\n"
        '<span id="raw">x</span> and a note[^1].\n\n!!! tip\n\n    ## In a tip\n\n'
        "[^1]: The note.\n"
    )
    found = body_anchors(body)
    assert found.heading_blocks == ("## Context `x`", "Setext\n------", "## In a tip")
    assert found.ids == {"note", "raw", "fn:1", "fnref:1"}


def page_bodies(root: Path) -> tuple[tuple[Project, LoadResult], dict[str, str]]:
    """The sample loaded as a build loads it, and the body of every Markdown page."""
    project = load_project(root / "mkdocs.yml", include_drafts=False)
    result = load_repertoire(project.root, project.docs_dir, project.settings)
    bodies: dict[str, str] = {}
    for docs_file in result.files:
        if not docs_file.is_markdown:
            continue
        text = docs_file.abs_path.read_text(encoding="utf-8")
        block = (
            split_front_matter(SourceText(docs_file.docs_path, text), Diagnostics())
            if text.startswith("---")
            else None
        )
        bodies[docs_file.docs_path] = block.body if block else text
    return (project, result), bodies


def test_the_anchors_of_every_built_sample_page_are_its_ids(sample_site) -> None:
    (project, result), bodies = page_bodies(Path(sample_site.root))
    anchors = PageAnchors(bodies, GeneratedContext(result.repertoire, project.settings))
    drafts = {e.source.docs_path for e in result.repertoire.entries.values() if e.draft}
    pages = [docs_path for docs_path in bodies if docs_path not in drafts]
    pages += [
        "paths/index.md",
        "problems/index.md",
        "cases/index.md",
        "stories/index.md",
        "tools/index.md",
        "members/index.md",
        "who-knows-what.md",
        "gaps.md",
        "new.md",
        "explore.md",
    ]
    checked = 0
    for docs_path in pages:
        url = docs_path.removesuffix(".md").removesuffix("index").rstrip("/")
        html = sample_site.html(f"{url}/" if url else "")
        main = html[html.index("<article") : html.index("</article>")]
        known = anchors.of(docs_path)
        assert known is not None, docs_path
        assert set(_HEADING_ID.findall(main)) <= known, docs_path
        assert known <= set(_ANY_ID.findall(main)), docs_path
        checked += 1
    assert checked > 70
