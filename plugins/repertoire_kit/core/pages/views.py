"""Typed views of what the generated parts of a page show, built in Python, printed by templates.

A template gets only these frozen values (never the model or the indexes), so an override
cannot reach past what a page is meant to show and every decision (what is connected, which
neighbours a pager has, which members a matrix group shows) is made here, where it is tested
as plain code. Strings are plain text: the templates escape each one where it lands. Links to
records are root-anchored (`urls.root_url`), so one view serves every page that shows the
record and is made once per build; `urls.from_root` makes them relative when a page is done.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import ClassVar

from markupsafe import Markup

from ..indexes.cross_indexes import Indexes, newest_use_first
from ..indexes.gaps import Gaps
from ..model import CuratedPath, Entry, Member, Use
from ..settings import CustomField, CustomType, Display, Kind, Settings, sentence_case
from . import urls

WORDS_PER_MINUTE = 200


def reading_minutes(words: int) -> int:
    """Minutes to read `words` at a steady pace, at least one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


@dataclass(frozen=True)
class Link:
    """A label and where it leads; `url` is None when the target is not published."""

    label: str
    url: str | None


@dataclass(frozen=True)
class CustomShown:
    """One of the community's own fields as a page shows it: its label and its values (a
    member, a problem type or a link leads to its page; a choice shows its label)."""

    label: str
    values: tuple[Link, ...]


@dataclass(frozen=True)
class EntryItem:
    """An entry as every listing shows it; `panel_fields` and `listing_fields` are the custom
    fields it fills that the options show in its panel and in listings."""

    id: str
    title: str
    url: str
    kind: str
    date: str
    changed: str
    summary: str
    level: str | None
    draft: bool
    problems: tuple[Link, ...]
    contributors: tuple[Link, ...]
    minutes: int
    # Published uses recorded of it (listings say "used 3 times").
    uses: int = 0
    panel_fields: tuple[CustomShown, ...] = ()
    listing_fields: tuple[CustomShown, ...] = ()
    # When members last confirmed it still holds, and who (both or neither).
    reviewed: str | None = None
    reviewed_by: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Connection:
    """An entry connected to the one on the page, and how."""

    entry: EntryItem
    how: str


@dataclass(frozen=True)
class Pager:
    """Where an entry stands in one curated path."""

    path: Link
    step: int
    steps: int
    previous: Link | None
    next: Link | None


@dataclass(frozen=True)
class Counted:
    """A linked record with a count (people to ask, problem types worked on)."""

    link: Link
    count: int


@dataclass(frozen=True)
class KindGroup:
    """The entries of one kind in a listing grouped by kind; `count` may exceed what is shown
    (a paginated listing shows one page of the group)."""

    kind: Kind
    count: int
    entries: tuple[EntryItem, ...]


PAGER_REACH = 2
"""How many pages on each side of the current one the pager links."""


@dataclass(frozen=True)
class Pagination:
    """Plain links between the pages of one listing. The labels of the links to the previous
    and next page say which way the listing runs: newest first unless told otherwise (the Due
    for review list runs oldest first)."""

    number: int
    count: int
    pages: tuple[Link, ...]
    previous_label: str = "Newer"
    next_label: str = "Older"

    @property
    def previous(self) -> Link | None:
        return self.pages[self.number - 2] if self.number > 1 else None

    @property
    def next(self) -> Link | None:
        return self.pages[self.number] if self.number < self.count else None

    @property
    def shown(self) -> tuple[int | None, ...]:
        """The page numbers the pager links: the first, the last and those within
        `PAGER_REACH` of this one, with None for each run of pages left out (a listing of 40
        pages would otherwise print 40 links on each of them). A run of one page is shown
        rather than left out, since its link takes no more room than the gap mark."""
        near = range(self.number - PAGER_REACH, self.number + PAGER_REACH + 1)
        kept = sorted({1, self.count, *(n for n in near if 1 <= n <= self.count)})
        shown: list[int | None] = []
        previous = 0
        for number in kept:
            if number - previous > 1:  # pages left out before this one
                shown.append(number - 1 if number - previous == 2 else None)
            shown.append(number)
            previous = number
        return tuple(shown)


@dataclass(frozen=True)
class MemberPanel:
    """A member's own fields, for the panel of their profile."""

    name: str
    affiliation: str | None
    role: str | None
    joined: str | None
    links: tuple[Link, ...]
    avatar: str | None


@dataclass(frozen=True)
class PathCard:
    """A curated path as cards show it."""

    id: str
    link: Link
    summary: str
    audience: str
    steps: int
    minutes: int


@dataclass(frozen=True)
class PathStep:
    """One step of a curated path."""

    number: int
    entry: EntryItem
    docs_path: str
    note: str


@dataclass(frozen=True)
class TreeRow:
    """A problem type in tree order, with its depth and entry counts per kind."""

    link: Link
    summary: str | None
    depth: int
    counts: tuple[int, ...]


@dataclass(frozen=True)
class MatrixGroup:
    """One top-level problem type of the who-knows-what matrix: its columns (itself and its
    sub-types) and only the members who wrote or applied entries in it, each with a cell per
    column: (entries written, uses recorded). `peak` is the most entries one cell has."""

    root: Link
    columns: tuple[TreeRow, ...]
    rows: tuple[tuple[Link, tuple[tuple[int, int], ...]], ...]
    peak: int


@dataclass(frozen=True)
class AskRow:
    """A problem type with the members to ask about it, most entries first, and the members
    who have applied its entries, most uses first."""

    link: Link
    depth: int
    people: tuple[Counted, ...]
    appliers: tuple[Counted, ...] = ()


@dataclass(frozen=True)
class UnusedRow:
    """One kind on the gaps page: how many of its entries nobody has recorded a use of."""

    kind: Link
    unused: int
    total: int


@dataclass(frozen=True)
class UseItem:
    """A use as its page and the listings show it: who applied which entry, when, where, and
    what came of it."""

    id: str
    title: str
    url: str
    entry: Link
    member: Link
    date: str
    summary: str
    context: str | None
    outcome: str | None


@dataclass(frozen=True)
class UsedBy:
    """The uses of one entry, newest first, with how many members and organisations applied
    it (an organisation is a use's `context`, else its member's affiliation; see
    `organisation`), and the "I used this" link that records one more: the Record a use page
    with the entry in its address (None for a draft).

    The entry's panel says how many in one line, with the link; the page has a section of uses
    only when there are some (`anchor` is its id, which the panel's count links to)."""

    members: int
    organisations: int
    uses: tuple[UseItem, ...]
    record_url: str | None = None
    anchor: ClassVar[str] = "used-by"

    @property
    def tally(self) -> str:
        """'4, by 3 members': the panel's count (the section's heading says where)."""
        return f"{len(self.uses)}, by {counted(self.members, 'member', 'members')}"

    @property
    def heading(self) -> str:
        """'Used by 3 members in 2 organisations' (organisations left out when none is known)."""
        text = f"Used by {counted(self.members, 'member', 'members')}"
        if self.organisations:
            text += f" in {counted(self.organisations, 'organisation', 'organisations')}"
        return text


def counted(number: int, one: str, many: str) -> str:
    """'1 case', '3 cases'."""
    return f"{number} {one if number == 1 else many}"


def organisation(use: Use, member: Member | None) -> str | None:
    """Where a use happened, as one comparable name: its `context`, else the member's
    affiliation; spaces and case do not make two organisations."""
    where = use.context or (member.affiliation if member else None)
    return " ".join(where.split()).casefold() if where else None


class ViewBuilder:
    """Makes each view once per build from the indexes (records recur on many pages)."""

    def __init__(
        self, indexes: Indexes, settings: Settings, use_directory_urls: bool = True
    ) -> None:
        self.indexes = indexes
        self.use_directory_urls = use_directory_urls
        self.settings = settings
        self.repertoire = indexes.repertoire
        self._entries: dict[str, EntryItem] = {}
        # Every problem type's and member's link, made once: they recur on many pages.
        self._problems = {
            p.id: Link(p.title, self.url(p.source.docs_path))
            for p in self.repertoire.problems.values()
        }
        self._members = {
            m.id: Link(m.name, self.url(m.source.docs_path))
            for m in self.repertoire.members.values()
        }

    # ----- links ------------------------------------------------------------------------

    def url(self, docs_path: str) -> Markup:
        """A root-anchored link to a page or file, trusted HTML (built from a docs path)."""
        return Markup(urls.root_url(docs_path, self.use_directory_urls))

    def problem_link(self, problem_id: str) -> Link:
        return self._problems.get(problem_id) or Link(problem_id, None)

    def member_link(self, member_id: str) -> Link:
        return self._members.get(member_id) or Link(member_id, None)

    def page_link(self, label: str, docs_path: str) -> Link:
        return Link(label, self.url(docs_path))

    # ----- entries ----------------------------------------------------------------------

    def entry(self, entry: Entry) -> EntryItem:
        item = self._entries.get(entry.id)
        if item is None:
            item = self._entries[entry.id] = EntryItem(
                id=entry.id,
                title=entry.title,
                url=self.url(entry.source.docs_path),
                kind=entry.kind.singular,
                date=entry.date.isoformat(),
                changed=entry.last_changed.isoformat(),
                summary=entry.summary,
                level=self.settings.level(entry.level).shown if entry.level else None,
                draft=entry.draft,
                problems=tuple(self.problem_link(p) for p in entry.problem_types),
                contributors=tuple(self.member_link(m) for m in entry.contributors),
                minutes=reading_minutes(len(entry.source.body.split())),
                uses=len(self.indexes.uses_by_entry.get(entry.id, ())),
                panel_fields=self.custom_shown(entry, Display.PANEL),
                listing_fields=self.custom_shown(entry, Display.LISTINGS),
                reviewed=entry.reviewed.isoformat() if entry.reviewed else None,
                reviewed_by=tuple(self.member_link(m) for m in entry.reviewed_by),
            )
        return item

    def custom_shown(self, entry: Entry, place: Display) -> tuple[CustomShown, ...]:
        """The custom fields an entry fills that are shown in `place`, in the order
        configured."""
        found = []
        for custom in self.settings.custom_shown_in(place):
            value = entry.custom_value(custom.name)
            if value is not None:
                values = value if isinstance(value, tuple) else (value,)
                found.append(
                    CustomShown(custom.label, tuple(self.custom_link(custom, v) for v in values))
                )
        return tuple(found)

    def custom_link(self, custom: CustomField, value: object) -> Link:
        """One value of a custom field as a page shows it."""
        if custom.type is CustomType.MEMBER:
            return self.member_link(str(value))
        if custom.type is CustomType.PROBLEM:
            return self.problem_link(str(value))
        if custom.type is CustomType.URL:
            return Link(str(value), urls.attribute_url(str(value)))
        if custom.type is CustomType.DATE and hasattr(value, "isoformat"):
            return Link(value.isoformat(), None)
        return Link(custom.choice_label(str(value)), None)

    def entries(self, entries: list[Entry]) -> tuple[EntryItem, ...]:
        return tuple(self.entry(e) for e in entries)

    def connections(self, entry: Entry) -> tuple[Connection, ...]:
        """Named, naming and computed neighbours merged: each entry once, saying how it is
        connected; named ones first (in the order written), then those naming this one, then
        the computed suggestions (which never repeat the first two)."""
        visible = self.repertoire.is_visible
        named = [self.repertoire.entries[r] for r in entry.related if r != entry.id and visible(r)]
        citing = self.indexes.referenced_by.get(entry.id, [])
        citing_ids = {e.id for e in citing}
        # By id, in the order first met: the first way an entry is met says how it is connected.
        ordered: dict[str, tuple[Entry, str]] = {}
        for other in named:
            both = " · names this entry" if other.id in citing_ids else ""
            ordered.setdefault(other.id, (other, "named here" + both))
        for other in citing:
            ordered.setdefault(other.id, (other, "names this entry"))
        for other in self.indexes.related_entries(entry, self.settings.related_limit):
            ordered.setdefault(other.id, (other, _shared(entry, other)))
        return tuple(Connection(self.entry(other), how) for other, how in ordered.values())

    def pagers(self, entry: Entry) -> tuple[Pager, ...]:
        found = []
        for path_id, index in self.indexes.paths_by_entry.get(entry.id, []):
            path = self.repertoire.paths[path_id]
            steps = [self.repertoire.entries.get(s.entry) for s in path.steps]
            found.append(
                Pager(
                    self.page_link(path.title, path.source.docs_path),
                    index + 1,
                    len(steps),
                    self._step_link(steps, index - 1),
                    self._step_link(steps, index + 1),
                )
            )
        return tuple(found)

    def _step_link(self, steps: list[Entry | None], at: int) -> Link | None:
        """The step of a path at `at`, if there is one and it is published."""
        other = steps[at] if 0 <= at < len(steps) else None
        return self.page_link(other.title, other.source.docs_path) if other else None

    def by_kind(
        self, entries: list[Entry], counts: Counter[str] | None = None
    ) -> tuple[KindGroup, ...]:
        """Entries grouped by kind in the configured order, empty kinds left out; `counts`
        (per kind folder) when the entries are one page of a longer listing."""
        groups: dict[str, list[Entry]] = {kind.folder: [] for kind in self.settings.kinds}
        for entry in entries:
            groups.setdefault(entry.kind.folder, []).append(entry)
        return tuple(
            KindGroup(
                kind,
                counts[kind.folder] if counts else len(groups[kind.folder]),
                self.entries(groups[kind.folder]),
            )
            for kind in self.settings.kinds
            if groups[kind.folder]
        )

    # ----- uses -------------------------------------------------------------------------

    def use(self, use: Use) -> UseItem:
        entry = self.repertoire.entries[use.entry]
        member = self.member_link(use.member)
        return UseItem(
            id=use.id,
            title=f"{member.label} used {entry.title}",
            url=self.url(use.source.docs_path),
            entry=Link(entry.title, self.url(entry.source.docs_path)),
            member=member,
            date=use.date.isoformat(),
            summary=use.summary,
            context=use.context,
            outcome=use.outcome,
        )

    def used_by(self, entry: Entry) -> UsedBy:
        uses = self.indexes.uses_by_entry.get(entry.id, [])
        members = self.repertoire.members
        places = {organisation(u, members.get(u.member)) for u in uses}
        return UsedBy(
            members=len({u.member for u in uses}),
            organisations=len(places - {None}),
            uses=tuple(self.use(u) for u in uses),
            record_url=None if entry.draft else self._record_use_url(entry.id),
        )

    def _record_use_url(self, entry_id: str) -> Markup:
        """The Record a use page for one entry. An entry id is letters, digits, `-`, `_` and
        one `/`: nothing in it to escape or encode."""
        return Markup(f"{self.url(urls.RECORD_USE)}?entry={entry_id}")

    def recently_applied(self, problem_id: str, limit: int) -> tuple[UseItem, ...]:
        """The newest uses of the entries on a problem type (its sub-types included)."""
        uses = [
            use
            for entry in self.indexes.entries_under(problem_id)
            for use in self.indexes.uses_by_entry.get(entry.id, ())
        ]
        return tuple(self.use(u) for u in sorted(uses, key=newest_use_first)[:limit])

    def applied(self, member_id: str) -> tuple[UseItem, ...]:
        return tuple(self.use(u) for u in self.indexes.uses_by_member.get(member_id, []))

    # ----- members, problems, paths -----------------------------------------------------

    def member_panel(self, member: Member) -> MemberPanel:
        avatar: str | None = None
        if member.avatar:
            avatar = (
                urls.attribute_url(member.avatar)
                if member.avatar.lower().startswith("https://")
                else self.url(member.avatar)
            )
        return MemberPanel(
            name=member.name,
            affiliation=member.affiliation,
            role=self.settings.role(member.role).shown if member.role else None,
            joined=str(member.joined) if member.joined is not None else None,
            links=tuple(Link(link.label, urls.attribute_url(link.url)) for link in member.links),
            avatar=avatar,
        )

    def member_problems(self, member_id: str) -> tuple[Counted, ...]:
        return tuple(
            Counted(self.problem_link(p), n) for p, n in self.indexes.member_problems(member_id)
        )

    def collaborators(self, member_id: str) -> tuple[Counted, ...]:
        return self._counted_members(self.indexes.collaborators(member_id))

    def people_to_ask(self, problem_id: str) -> tuple[Counted, ...]:
        return self._counted_members(self.indexes.people_to_ask(problem_id))

    def _counted_members(self, counts: list[tuple[str, int]]) -> tuple[Counted, ...]:
        return tuple(Counted(self.member_link(m), n) for m, n in counts)

    def ancestors(self, problem_id: str) -> tuple[Link, ...]:
        return tuple(self.problem_link(a) for a in reversed(self.indexes.ancestors(problem_id)))

    def subtypes(self, problem_id: str) -> tuple[TreeRow, ...]:
        return tuple(self.tree_row(child, 0) for child in self.indexes.children.get(problem_id, []))

    def tree_row(self, problem_id: str, depth: int) -> TreeRow:
        problem = self.repertoire.problems[problem_id]
        counts = self.indexes.kind_counts(self.indexes.entries_under(problem_id))
        return TreeRow(
            self.problem_link(problem_id),
            problem.summary,
            depth,
            tuple(counts.get(k.folder, 0) for k in self.settings.kinds),
        )

    def tree(self) -> tuple[TreeRow, ...]:
        return tuple(self.tree_row(p, depth) for p, depth in self.indexes.tree())

    def path_card(self, path: CuratedPath) -> PathCard:
        words = sum(self._words(step.entry) for step in path.steps)
        return PathCard(
            path.id,
            self.page_link(path.title, path.source.docs_path),
            path.summary,
            path.audience,
            len(path.steps),
            reading_minutes(words),
        )

    def path_cards(self) -> tuple[PathCard, ...]:
        paths = sorted(self.repertoire.paths.values(), key=lambda p: (p.title.casefold(), p.id))
        return tuple(self.path_card(p) for p in paths)

    def path_steps(self, path: CuratedPath) -> tuple[PathStep, ...]:
        steps = []
        for number, step in enumerate(path.steps, start=1):
            entry = self.repertoire.entries.get(step.entry)
            if entry is not None:
                steps.append(PathStep(number, self.entry(entry), entry.source.docs_path, step.note))
        return tuple(steps)

    def _words(self, entry_id: str) -> int:
        entry = self.repertoire.entries.get(entry_id)
        return len(entry.source.body.split()) if entry else 0

    # ----- community pages --------------------------------------------------------------

    def ask_rows(self) -> tuple[AskRow, ...]:
        return tuple(
            AskRow(
                self.problem_link(p),
                depth,
                self.people_to_ask(p),
                self._counted_members(self.indexes.applied_under(p)),
            )
            for p, depth in self.indexes.tree()
        )

    def matrix(self) -> tuple[MatrixGroup, ...]:
        """Who knows what, one group per top-level problem type, so that a group is as wide
        as its own sub-types and as tall as the members who wrote or applied entries in it (a
        full member × problem table is mostly empty at a real community's size)."""
        matrix = self.indexes.contributions_matrix()
        applied = self.indexes.uses_matrix()
        members = sorted(self.repertoire.members.values(), key=lambda m: (m.name.casefold(), m.id))
        tree = self.indexes.tree()
        order = {p: i for i, (p, _) in enumerate(tree)}
        depth = dict(tree)
        none: Counter[str] = Counter()
        groups = []
        for root in self.indexes.roots():
            columns = sorted([root, *self.indexes.descendants(root)], key=lambda p: order.get(p, 0))
            rows = []
            for member in members:
                wrote, used = matrix.get(member.id, none), applied.get(member.id, none)
                cells = tuple((wrote[p], used[p]) for p in columns)
                if any(w or u for w, u in cells):
                    rows.append((self.member_link(member.id), cells))
            if not rows:
                continue
            headers = tuple(
                TreeRow(self.problem_link(p), None, depth.get(p, 0), ()) for p in columns
            )
            peak = max(w for _, cells in rows for w, _ in cells)
            groups.append(MatrixGroup(self.problem_link(root), headers, tuple(rows), peak))
        return tuple(groups)

    def gap_problems(self, problem_ids: list[str]) -> tuple[tuple[Link, None], ...]:
        return tuple((self.problem_link(p), None) for p in problem_ids)

    def missing_kinds(self, gaps: Gaps) -> tuple[tuple[Link, str], ...]:
        plural = {k.folder: k.plural for k in self.settings.kinds}
        return tuple(
            (self.problem_link(p), ", ".join(plural.get(k, k) for k in absent))
            for p, absent in gaps.missing_kinds
        )

    def single_contributor(self, gaps: Gaps) -> tuple[tuple[Link, Link], ...]:
        return tuple(
            (self.problem_link(p), self.member_link(m)) for p, m in gaps.single_contributor
        )

    def unused(self, gaps: Gaps) -> tuple[UnusedRow, ...]:
        """Entries nobody has recorded a use of, per kind (kinds without entries left out)."""
        kinds = {k.folder: k for k in self.settings.kinds}
        return tuple(
            UnusedRow(
                self.page_link(sentence_case(kinds[folder].plural), urls.kind_index(folder)),
                unused,
                total,
            )
            for folder, unused, total in gaps.unused
            if total and folder in kinds
        )

    def quiet_members(self, gaps: Gaps) -> tuple[tuple[Link, str | None], ...]:
        return tuple(
            (self.member_link(m), self.repertoire.members[m].affiliation)
            for m in gaps.quiet_members
        )


def _shared(entry: Entry, other: Entry) -> str:
    """How a computed suggestion is connected: what it shares with the entry."""
    problems = len(set(entry.problem_types) & set(other.problem_types))
    people = len(set(entry.contributors) & set(other.contributors))
    parts = []
    if problems:
        parts.append(f"shares {counted(problems, 'problem type', 'problem types')}")
    if people:
        parts.append(f"shares {'a contributor' if people == 1 else f'{people} contributors'}")
    return " and ".join(parts)
