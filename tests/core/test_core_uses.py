"""Uses: one file per time a member applied an entry, `uses/<id>.md`, validated like every record.

Proves that a valid use loads with every field; that an unknown entry, an unknown member, a
date in the future, a summary over 280 characters, an outcome outside the configured list and an
unknown field are each reported at their line and column with a did-you-mean; that a use of a
draft entry is a warning (none when the use is a draft itself), and that drafts are left out of
what is published; that a placeholder is refused unless the use is a draft; that `uses/` is a
record folder; and that `repertoire check` prints a broken use at its path and line.
"""

from __future__ import annotations

import datetime as dt
import re

from repertoire_kit.core import clock
from repertoire_kit.core.model import Use
from repertoire_kit.core.settings import Settings
from tests.support.core import Tree, entry_text, located

USE = "uses/ann-samples-schools.md"
USE_PATH = f"repertoire/{USE}"
# A use's fields in file order: line 1 is '---', these are lines 2 to 5.
USE_FIELDS: dict[str, str] = {
    "entry": "cases/first-case",
    "member": "ann-lee",
    "date": "2024-05-02",
    "summary": "Sampled payroll in three schools the same way.",
}


def use_text(extra: str = "", body: str = "", **fields: str | None) -> str:
    """A use file; a field given as None is left out, `extra` lines start at line 6."""
    values = {**USE_FIELDS, **fields}
    lines = "".join(f"{key}: {value}\n" for key, value in values.items() if value is not None)
    return f"---\n{lines}{extra}---\n{body}"


def test_a_use_loads_with_every_field(tree: Tree) -> None:
    tree.write(
        USE,
        use_text(
            extra="context: Ministry of Education, Moldova\noutcome: adapted\n",
            body="We kept the sample size and changed the strata.\n",
        ),
    )
    result = tree.load()
    assert list(result.diagnostics) == []
    use = result.repertoire.uses["ann-samples-schools"]
    assert isinstance(use, Use)
    assert (use.entry, use.member, use.date) == ("cases/first-case", "ann-lee", dt.date(2024, 5, 2))
    assert use.summary == USE_FIELDS["summary"]
    assert use.context == "Ministry of Education, Moldova"
    assert use.outcome == "adapted"
    assert use.source.body.strip() == "We kept the sample size and changed the strata."
    assert result.repertoire.published_uses() == [use]


def test_broken_references_and_values_are_reported_at_their_place(tree: Tree) -> None:
    future = clock.today() + dt.timedelta(days=40)
    tree.write(
        USE,
        use_text(
            entry="cases/frist-case",
            member="ann-le",
            date=future.isoformat(),
            summary="x" * 281,
            extra="outcome: adoptd\ncontxt: Tallinn\n",
        ),
    )
    diagnostics = tree.only(USE)
    assert located(diagnostics) == [
        (USE_PATH, 2, 8, "entry"),
        (USE_PATH, 3, 9, "member"),
        (USE_PATH, 4, 7, "date"),
        (USE_PATH, 5, 10, "summary"),
        (USE_PATH, 6, 10, "outcome"),
        (USE_PATH, 7, 1, "contxt"),
    ]
    by_field = {d.field: d for d in diagnostics}
    assert by_field["entry"].hint == "did you mean 'cases/first-case'?"
    assert by_field["member"].hint == "did you mean 'ann-lee'?"
    assert "future" in by_field["date"].message
    assert "280" in by_field["summary"].message
    assert "adopted" in str(by_field["outcome"].hint)
    assert "context" in str(by_field["contxt"].hint)
    # A use that did not load is not published, and it is remembered as failed.
    result = tree.load()
    assert result.repertoire.uses == {}
    assert "uses/ann-samples-schools.md" in result.failed


def test_required_fields_are_required(tree: Tree) -> None:
    tree.write(USE, use_text(entry=None, member=None, date=None, summary=None, extra="x: 1\n"))
    fields = {d.field for d in tree.only(USE) if "required" in d.message or "missing" in d.message}
    assert {"entry", "member", "date", "summary"} <= fields


def test_outcomes_follow_the_option(make_site) -> None:
    tree = Tree(make_site(options="outcomes: [replicated, abandoned]"))
    tree.write(USE, use_text(extra="outcome: adopted\n"))
    (outcome,) = tree.only(USE)
    assert (outcome.line, outcome.field) == (6, "outcome")
    assert "replicated" in str(outcome.hint) or "replicated" in outcome.message
    tree.write(USE, use_text(extra="outcome: replicated\n"))
    assert tree.only(USE) == []
    assert Settings().outcomes == ("adopted", "adapted", "tried")


def test_a_use_of_a_draft_entry_is_a_warning_and_is_not_published(tree: Tree) -> None:
    tree.write("cases/half-done.md", entry_text(extra="draft: true\n"))
    tree.write(USE, use_text(entry="cases/half-done"))
    (warning,) = tree.only(USE)
    assert (warning.severity.value, warning.line, warning.field) == ("warning", 2, "entry")
    assert "'cases/half-done' is a draft" in warning.message
    result = tree.load()
    assert "ann-samples-schools" in result.repertoire.uses
    result.repertoire.include_drafts = False  # as `mkdocs build` loads it
    assert result.repertoire.published_uses() == []
    # A draft use of a draft entry waits with it, silently.
    tree.write(USE, use_text(entry="cases/half-done", extra="draft: true\n"))
    assert tree.only(USE) == []


def test_a_draft_use_may_keep_placeholders_and_is_not_published(tree: Tree) -> None:
    tree.write(USE, use_text(summary="'TODO: what you did with it'", extra="draft: true\n"))
    result = tree.load()
    assert [d for d in result.diagnostics if d.path == USE_PATH] == []
    assert result.repertoire.uses["ann-samples-schools"].draft
    result.repertoire.include_drafts = False  # as `mkdocs build` loads it
    assert result.repertoire.published_uses() == []
    tree.write(USE, use_text(summary="'TODO: what you did with it'"))
    (placeholder,) = tree.only(USE)
    assert (placeholder.line, placeholder.field) == (5, "summary")
    assert "keep the use a draft" in str(placeholder.hint)


def test_uses_is_a_record_folder(tree: Tree) -> None:
    assert "uses" in Settings().record_folders
    tree.write("uses/nested/deeper.md", use_text())
    (placed,) = tree.only("uses/nested/deeper.md")
    assert "directly in that folder" in placed.message
    tree.write("use/typo.md", use_text())
    (typo,) = tree.only("use/typo.md")
    assert "did you mean 'uses/'" in str(typo.hint)


def test_check_prints_a_broken_use_at_its_path_and_line(tree: Tree) -> None:
    future = clock.today() + dt.timedelta(days=40)
    tree.write(
        USE, use_text(entry="cases/no-such-case", member="nobody-here", date=future.isoformat())
    )
    run = tree.site.check()
    assert run.returncode != 0
    lines = {
        match.group(1): match.group(0)
        for match in re.finditer(rf"^{re.escape(USE_PATH)}:\d+:\d+: (\w+): .*$", run.stdout, re.M)
    }
    assert set(lines) == {"entry", "member", "date"}, run.stdout
    assert lines["entry"].startswith(f"{USE_PATH}:2:8: entry: unknown entry 'cases/no-such-case'")
    assert lines["member"].startswith(f"{USE_PATH}:3:9: member: unknown member 'nobody-here'")
    assert lines["date"].startswith(f"{USE_PATH}:4:7: date: ")
