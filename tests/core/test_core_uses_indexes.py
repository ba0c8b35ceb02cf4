"""Uses in the model's indexes and in `repertoire.json`, against what the files say.

A small repertoire with uses of several entries by several members (one use a draft, one of a
draft entry) is loaded as a build loads it; the expectations are computed from the files
written here with `yaml.safe_load` and plain set arithmetic: uses by entry, by member and by
the entry's problem types hold exactly the published uses, newest first; the export lists
each of them with its fields and counts them on each entry.
"""

from __future__ import annotations

from typing import Any

import yaml

from repertoire_kit.core.indexes.cross_indexes import build_indexes
from repertoire_kit.core.pages.export import build_export
from repertoire_kit.core.settings import Settings
from tests.support.core import Tree, entry_text

SITE_URL = "https://example.org/test/"

PROBLEMS = {
    "problems/fieldwork.md": "---\ntitle: Fieldwork\n---\nOn site.\n",
    "problems/reporting.md": "---\ntitle: Reporting\n---\nWriting it up.\n",
}
MEMBERS = {
    "members/bo-ng.md": "---\nname: Bo Ng\naffiliation: Audit Office (Latvia)\n---\nBo.\n",
    "members/cy-ode.md": "---\nname: Cy Ode\n---\nCy.\n",
}
ENTRIES = {
    "cases/two-types.md": entry_text(problem_types="[sampling, fieldwork]", title="Two types"),
    "tools/a-tool.md": entry_text(problem_types="[reporting]", title="A tool"),
    "cases/unfinished.md": entry_text(extra="draft: true\n", title="Unfinished"),
}
USES = {
    "uses/ann-two-types.md": (
        "entry: cases/two-types\nmember: ann-lee\ndate: 2024-06-01\n"
        "summary: Used it on school payroll.\ncontext: Ministry of Education (Moldova)\n"
        "outcome: adopted\n"
    ),
    "uses/bo-two-types.md": (
        "entry: cases/two-types\nmember: bo-ng\ndate: 2024-07-15\nsummary: Tried it once.\n"
        "outcome: tried\n"
    ),
    "uses/bo-tool.md": "entry: tools/a-tool\nmember: bo-ng\ndate: 2023-01-20\nsummary: Adapted.\n",
    "uses/cy-tool-draft.md": (
        "entry: tools/a-tool\nmember: cy-ode\ndate: 2024-02-02\nsummary: Not yet.\ndraft: true\n"
    ),
    "uses/cy-unfinished.md": (
        "entry: cases/unfinished\nmember: cy-ode\ndate: 2024-02-03\nsummary: Early.\n"
    ),
}


def write_all(tree: Tree) -> dict[str, dict[str, Any]]:
    """Write the repertoire; return each use's front matter (as YAML reads it) by id."""
    for rel, text in {**PROBLEMS, **MEMBERS, **ENTRIES}.items():
        tree.write(rel, text)
    for rel, text in USES.items():
        tree.write(rel, f"---\n{text}---\n")
    return {
        rel.removeprefix("uses/").removesuffix(".md"): yaml.safe_load(text)
        for rel, text in USES.items()
    }


def published(uses: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The uses a build publishes: not drafts, and their entry not a draft."""
    drafts = {rel.removesuffix(".md") for rel, text in ENTRIES.items() if "draft: true" in text}
    return {
        use_id: fm
        for use_id, fm in uses.items()
        if not fm.get("draft") and fm["entry"] not in drafts
    }


def newest_first(uses: dict[str, dict[str, Any]], ids: set[str]) -> list[str]:
    return sorted(ids, key=lambda i: (-uses[i]["date"].toordinal(), i))


def problem_types_of(rel: str) -> list[str]:
    text = ENTRIES[rel]
    return yaml.safe_load(text.split("---\n")[1])["problem_types"]


def test_uses_are_indexed_by_entry_member_and_problem_type(tree: Tree) -> None:
    written = write_all(tree)
    result = tree.load()
    assert [d for d in result.diagnostics if d.severity.value == "error"] == []
    result.repertoire.include_drafts = False  # as `mkdocs build` loads it
    indexes = build_indexes(result.repertoire, ("cases", "stories", "tools"))
    shown = published(written)
    assert set(shown) == {"ann-two-types", "bo-two-types", "bo-tool"}
    assert [u.id for u in indexes.uses] == newest_first(shown, set(shown))

    def ids(found: dict[str, list[Any]]) -> dict[str, list[str]]:
        return {key: [u.id for u in uses] for key, uses in found.items()}

    entries = {fm["entry"] for fm in shown.values()}
    assert ids(indexes.uses_by_entry) == {
        e: newest_first(shown, {i for i, fm in shown.items() if fm["entry"] == e}) for e in entries
    }
    members = {fm["member"] for fm in shown.values()}
    assert ids(indexes.uses_by_member) == {
        m: newest_first(shown, {i for i, fm in shown.items() if fm["member"] == m}) for m in members
    }
    types = {
        entry_id: problem_types_of(f"{entry_id}.md")
        for entry_id in entries  # every entry used here is a case or a tool written above
    }
    problems = {p for ps in types.values() for p in ps}
    assert ids(indexes.uses_by_problem) == {
        p: newest_first(shown, {i for i, fm in shown.items() if p in types[fm["entry"]]})
        for p in problems
    }


def test_the_export_lists_each_published_use_and_counts_them_per_entry(tree: Tree) -> None:
    written = write_all(tree)
    result = tree.load()
    result.repertoire.include_drafts = False
    settings = Settings(site_url=SITE_URL)
    export = build_export(build_indexes(result.repertoire, ("cases", "stories", "tools")), settings)
    shown = published(written)
    assert export["uses"] == [
        {
            "id": use_id,
            "url": f"{SITE_URL}uses/{use_id}/",
            "entry": fm["entry"],
            "member": fm["member"],
            "date": fm["date"].isoformat(),
            "summary": fm["summary"],
            "context": fm.get("context"),
            "outcome": fm.get("outcome"),
        }
        for use_id, fm in sorted(shown.items())
    ]
    counts = {e["id"]: e["uses"] for e in export["entries"]}
    assert counts == {
        entry_id: sum(1 for fm in shown.values() if fm["entry"] == entry_id) for entry_id in counts
    }
