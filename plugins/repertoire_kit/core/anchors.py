"""The anchors (`#…`) each page of the site has: heading ids, explicit ids, and generated ones.

A record page is composed as the generated header (its `# title`), the contributor's body, then
the generated sections (*Related entries*, *Contributions (3)*, ...); the site's `toc`
extension numbers repeated headings across all of them (`context`, `context_1`). So a page's
heading ids are computed over that whole sequence, by Python-Markdown itself
(`site_markdown.HeadingIds`). Explicit ids count too: `{: #id }` attribute lists, `id=` and
`<a name=>` in raw HTML, and footnotes.

What the generated parts hold comes from one function, `generated_anchors`, mirroring the
templates; anchors are only worked out for pages that some link points into.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Mapping

from . import urls
from .escape import markdown_text
from .indexes import Indexes, build_indexes
from .markup_scan import html_attributes, lines_without_code
from .model import Entry, Member, Path, ProblemType, Repertoire
from .settings import Kind, Settings
from .site_map import is_paginated
from .site_markdown import HeadingIds, footnote_ids

# An ATX heading: '#' at the margin, or at the margin of a container's content (admonition,
# list item: four spaces in), or inside a quote. Code is blanked before this is matched.
_ATX = re.compile(r"^(?:(?: {4})*|(?:[ ]{0,3}>[ ]?)+)#{1,6}")
_SETEXT_UNDERLINE = re.compile(r"^(?:=+|-+)[ ]*$")
_ATTR_LIST = re.compile(r"\{:?[^{}\n]*\}")
_FOOTNOTE = re.compile(r"^\[\^([^\]\n]+)\]:", re.MULTILINE)
_DEFINITION = re.compile(r"^[ ]{0,3}\[[^\[\]\n]*\]:", re.MULTILINE)
_ROLE_TITLES = {"steward": "Stewards", "core": "Core members", "member": "Members",
                "alumni": "Alumni"}


@dataclass(frozen=True)
class GeneratedHeadings:
    """What the templates put around a page's own Markdown: heading lines before and after
    it, in page order, and ids set on generated elements (not headings)."""

    before: tuple[str, ...] = ()
    after: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()


def _heading(level: int, text: str) -> str:
    """A heading line as the templates write it (the text escaped as inert Markdown)."""
    return f"{'#' * level} {markdown_text(text)}"


def _linked_heading(level: int, prefix: str, text: str) -> str:
    """`### 1. [Title](…)`: a heading whose text is a link, as path cards and steps have."""
    return f"{'#' * level} {prefix}[{markdown_text(text)}](x)"


class GeneratedContext:
    """What the generated parts of pages are made from: the records as a build publishes
    them (drafts left out unless the site publishes drafts), and their indexes, built once
    and only if a link points into a generated part."""

    def __init__(self, repertoire: Repertoire, settings: Settings) -> None:
        self.settings = settings
        self.repertoire = Repertoire(
            entries=repertoire.entries, members=repertoire.members,
            problems=repertoire.problems, paths=repertoire.paths,
            include_drafts=settings.drafts_published,
        )
        self.records: dict[str, Entry | Member | ProblemType | Path] = {
            record.source.docs_path: record
            for records in (repertoire.entries, repertoire.members, repertoire.problems,
                            repertoire.paths)
            for record in records.values()
        }

    @functools.cached_property
    def indexes(self) -> Indexes:
        return build_indexes(self.repertoire, tuple(k.folder for k in self.settings.kinds))


def generated_anchors(docs_path: str, site: GeneratedContext) -> GeneratedHeadings | None:
    """THE SEAM between the anchor check and the page layer: the headings and ids that the
    templates add to the page at `docs_path`, or None when they cannot be known (a page of a
    paginated listing), so that links into it are not checked.

    It mirrors today's templates (`templates/repertoire/*.md` and the page titles of
    `SitePages.generated_pages`): the `# title` of every record page, the derived sections
    after an entry's, member's, problem type's or path's body (present only when the template
    prints them, counts included), the home page's overview, and each generated index page.
    A change to what the templates print as headings must be made here too.
    """
    record = site.records.get(docs_path)
    if record is not None:
        return _record_headings(record, site)
    settings = site.settings
    kind = next((k for k in settings.kinds if urls.kind_index(k.folder) == docs_path), None)
    if kind is not None:
        return GeneratedHeadings((_heading(1, kind.plural.capitalize()),))
    if docs_path == urls.HOME:
        return GeneratedHeadings(after=_home_headings(site))
    fixed = _fixed_pages().get(docs_path)
    if fixed is not None:
        return fixed
    if docs_path == urls.PATHS_INDEX:
        return GeneratedHeadings((_heading(1, "Curated paths"), *_path_cards(site)))
    if docs_path == urls.MEMBERS_INDEX:
        return GeneratedHeadings((_heading(1, "Members"), *_role_headings(site)))
    if is_paginated(docs_path, settings):
        return None
    return GeneratedHeadings()


@functools.lru_cache(maxsize=1)
def _fixed_pages() -> dict[str, GeneratedHeadings]:
    """Generated pages whose headings do not depend on the content."""
    gaps = ("Problem types with no entries", "Problem types missing a kind",
            "Problem types resting on one contributor", "Problem types no curated path touches",
            "Members who have not contributed yet")
    return {
        urls.PROBLEMS_INDEX: GeneratedHeadings((_heading(1, "Problem types"),)),
        urls.WHO_KNOWS_WHAT: GeneratedHeadings((
            _heading(1, "Who knows what"), _heading(2, "People to ask, by problem type"),
            _heading(2, "Members and problem types"))),
        urls.GAPS: GeneratedHeadings((_heading(1, "Gaps"), *(_heading(2, g) for g in gaps))),
        urls.NEW: GeneratedHeadings((_heading(1, "What's new"),)),
        urls.EXPLORE: GeneratedHeadings((_heading(1, "Explore"),),
                                        ids=("rep-explore", "rep-explore-data")),
    }


def _record_headings(record: Entry | Member | ProblemType | Path,
                     site: GeneratedContext) -> GeneratedHeadings:
    """The `# title` of a record page and the sections its footer template prints."""
    indexes = site.indexes
    if isinstance(record, Entry):
        after = []
        if any(site.repertoire.is_visible(rid) for rid in record.related):
            after.append(_heading(2, "Related entries"))
        if indexes.referenced_by.get(record.id):
            after.append(_heading(2, "Referenced by"))
        if indexes.related_entries(record, site.settings.related_limit):
            after.append(_heading(2, "You may also find useful"))
        return GeneratedHeadings((_heading(1, record.title),), tuple(after))
    if isinstance(record, Member):
        mine = indexes.by_member.get(record.id, [])
        after = [_heading(2, f"Contributions ({len(mine)})")]
        after += [_heading(3, f"{kind.plural.capitalize()} ({len(of_kind)})")
                  for kind, of_kind in _by_kind(mine, site.settings)]
        if indexes.member_problems(record.id):
            after.append(_heading(2, "Problem types worked on"))
        if indexes.collaborators(record.id):
            after.append(_heading(2, "Contributed with"))
        return GeneratedHeadings((_heading(1, record.name),), tuple(after))
    if isinstance(record, ProblemType):
        after = [_heading(2, "Sub-types")] if indexes.children.get(record.id) else []
        after += [_heading(2, f"{kind.plural.capitalize()} ({len(of_kind)})")
                  for kind, of_kind in _by_kind(indexes.entries_under(record.id), site.settings)]
        if indexes.people_to_ask(record.id):
            after.append(_heading(2, "People to ask"))
        return GeneratedHeadings((_heading(1, record.title),), tuple(after))
    steps = [_heading(2, "The steps")]
    for number, step in enumerate(record.steps, start=1):
        entry = site.repertoire.entries.get(step.entry)
        if entry is not None:
            steps.append(_linked_heading(3, f"{number}. ", entry.title))
    return GeneratedHeadings((_heading(1, record.title),), tuple(steps))


def _by_kind(entries: list[Entry], settings: Settings) -> list[tuple[Kind, list[Entry]]]:
    """Entries grouped by kind in the configured order, empty kinds left out (`site.by_kind`)."""
    groups: dict[str, list[Entry]] = {kind.folder: [] for kind in settings.kinds}
    for entry in entries:
        groups.setdefault(entry.kind.folder, []).append(entry)
    return [(kind, groups[kind.folder]) for kind in settings.kinds if groups[kind.folder]]


def _path_cards(site: GeneratedContext) -> list[str]:
    """The `### [title](…)` of each path card, by title."""
    paths = sorted(site.repertoire.paths.values(), key=lambda p: p.title)
    return [_linked_heading(3, "", path.title) for path in paths]


def _home_headings(site: GeneratedContext) -> tuple[str, ...]:
    """What `compose_home` adds after the maintainer's text."""
    cards = _path_cards(site)
    start = [_heading(2, "Start here"), *cards] if cards else []
    return (*start, _heading(2, "The repertoire at a glance"), _heading(2, "Newest entries"))


def _role_headings(site: GeneratedContext) -> list[str]:
    """The members page's `## Stewards (3)`, ..., `## Without a role (1)`."""
    members = list(site.repertoire.members.values())
    headings = []
    for role in (*site.settings.roles, None):
        count = sum(1 for member in members if member.role == role)
        if count:
            title = _ROLE_TITLES.get(role, role.capitalize()) if role else "Without a role"
            headings.append(_heading(2, f"{title} ({count})"))
    return headings


@dataclass(frozen=True)
class BodyAnchors:
    """What a body contributes to its page's anchors."""

    heading_blocks: tuple[str, ...]  # each heading as a Markdown block, in order
    reserved_blocks: tuple[str, ...]  # paragraphs carrying attribute-list ids, which toc skips
    ids: frozenset[str]  # explicit ids: attribute lists, raw HTML, footnotes


def body_anchors(body: str) -> BodyAnchors:
    """The headings and explicit ids of a body, code left out."""
    lines = lines_without_code(body)
    written = body.split("\n")  # a heading's code spans are part of its text (and id)
    headings: list[str] = []
    definitions: list[str] = []
    previous_blank = True
    for number, line in enumerate(lines):
        if _ATX.match(line):
            headings.append(written[number].lstrip(" "))
        elif (line.strip() and previous_blank and number + 1 < len(lines)
              and _SETEXT_UNDERLINE.match(lines[number + 1])):
            headings.append(f"{written[number]}\n{lines[number + 1]}")
        elif _DEFINITION.match(line):
            definitions.append(line)
        previous_blank = not line.strip()
    if any("][" in heading for heading in headings):  # reference links need their definitions
        headings += definitions
    text = "\n".join(lines)
    listed = {token[1:] for attributes in _ATTR_LIST.findall(text)
              for token in attributes.strip("{}:").split()
              if token.startswith("#") and len(token) > 1}
    ids = set(listed)
    for attribute in html_attributes(text):
        if attribute.name == "id" or (attribute.tag == "a" and attribute.name == "name"):
            ids.add(attribute.value)
    ids.update(footnote_ids(_FOOTNOTE.findall(text)))
    reserved = tuple(f"x\n{{: #{name} }}" for name in sorted(listed)
                     if re.fullmatch(r"[\w-]+", name))
    return BodyAnchors(tuple(headings), reserved, frozenset(ids))


class PageAnchors:
    """The anchors of every page a link points into, each worked out once."""

    def __init__(self, bodies: Mapping[str, str], site: GeneratedContext,
                 unknown: frozenset[str] = frozenset()) -> None:
        self.bodies = bodies
        self.site = site
        self.unknown = unknown  # pages whose anchors cannot be known (records that failed)
        self.heading_ids = HeadingIds(site.settings.toc_separator)
        self._found: dict[str, frozenset[str] | None] = {}

    def of(self, docs_path: str) -> frozenset[str] | None:
        """The anchors of the page at `docs_path`, or None when they are not checked there
        (not a Markdown page, a record that failed to load, ids made by a custom slugify)."""
        if docs_path not in self._found:
            self._found[docs_path] = self._work_out(docs_path)
        return self._found[docs_path]

    def _work_out(self, docs_path: str) -> frozenset[str] | None:
        if (not docs_path.endswith(".md") or docs_path in self.unknown
                or self.site.settings.custom_slugify):
            return None
        generated = generated_anchors(docs_path, self.site)
        if generated is None:
            return None
        body = self.bodies.get(docs_path)
        own = body_anchors(body) if body is not None else BodyAnchors((), (), frozenset())
        blocks = (*own.reserved_blocks, *generated.before, *own.heading_blocks, *generated.after)
        return frozenset((*self.heading_ids.ids(blocks), *own.ids, *generated.ids))
