"""The pages a repertoire adds to a site, each composed as Markdown with HTML slots.

`SitePages` knows which pages exist (the registry's generated pages, the record pages) and
composes each one from its layout, giving the layout typed views only. The MkDocs adapter and
`repertoire generate` both call it, so their outputs cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any

from markupsafe import Markup

from ..authoring.github_editor import NEW_USE_NAME, new_use_url
from ..authoring.skeletons import example_entry_id, use_entry_line, use_text
from ..indexes.cross_indexes import Indexes, build_indexes
from ..indexes.gaps import find_gaps
from ..model import CuratedPath, Entry, Member, ProblemType, RecordType, Repertoire, Use
from ..safety.escape import markdown_url
from ..settings import USES_DIR, Display, Settings, sentence_case
from . import urls
from .community import CommunityViews
from .git_dates import last_updated
from .registry import GeneratedPage, due_pages, index_pages, listing_pages, page_count
from .review_views import due_item, schedule_for
from .slots import Composed
from .templating import Templates
from .views import Link, Pagination, ViewBuilder

Record = Entry | Member | ProblemType | CuratedPath | Use
HOME_PATHS = 4
"""Path cards on the home page; the rest are one link away, so the overview starts soon."""
RECENT_USES = 5
"""Uses on a problem type's page: the newest few show the practice is alive; each entry's
page lists all of its own."""
ROLE_TITLES = {
    "steward": "Stewards",
    "core": "Core members",
    "member": "Members",
    "alumni": "Alumni",
}


class SitePages:
    """Every generated and record page of one build."""

    def __init__(
        self,
        repertoire: Repertoire,
        settings: Settings,
        templates: Templates,
        commit_dates: Mapping[str, dt.date] | None = None,
        use_directory_urls: bool = True,
        newest_commit: dt.date | None = None,
    ) -> None:
        """`newest_commit` is the date of the commit being built (`git_dates.newest_commit_date`):
        the day against which entries are judged due for review (see `clock.build_day`)."""
        self.settings = settings
        self.templates = templates
        self.commit_dates: Mapping[str, dt.date] = commit_dates or {}
        self.use_directory_urls = use_directory_urls
        self.repertoire = repertoire
        self.indexes: Indexes = build_indexes(repertoire, tuple(k.folder for k in settings.kinds))
        self.views = ViewBuilder(self.indexes, settings, use_directory_urls)
        self._records: dict[str, Record] = {
            record.source.docs_path: record
            for record_type in RecordType
            for record in repertoire.records(record_type).values()
        }
        self._published_uses = {use.id for use in self.indexes.uses}
        self.review = schedule_for(self.indexes, settings, newest_commit)
        self._due_page_of = {
            due.entry.id: index // settings.problem_page_size + 1
            for index, due in enumerate(self.review.due)
        }
        self._pages = (
            *index_pages(settings),
            *listing_pages(settings, self.indexes),
            *due_pages(settings, len(self.review.due)),
        )

    # ----- which pages exist -------------------------------------------------------------

    def generated_pages(self) -> tuple[GeneratedPage, ...]:
        """The pages this build adds, index pages first in navigation order."""
        return self._pages

    def generated_page(self, docs_path: str) -> GeneratedPage | None:
        """The generated page at a docs path, if there is one."""
        return next((page for page in self._pages if page.docs_path == docs_path), None)

    def record_at(self, docs_path: str) -> Record | None:
        """The record published at a docs path, if that page is one."""
        return self._records.get(docs_path)

    def is_hidden(self, docs_path: str) -> bool:
        """Whether a page must not be published in this build (a draft, when drafts are off;
        a use of an entry that is not published)."""
        record = self._records.get(docs_path)
        if isinstance(record, Use):
            return record.id not in self._published_uses
        return isinstance(record, Entry) and not self.repertoire.is_visible(record.id)

    def last_updated(self, entry: Entry) -> str:
        """When an entry last changed: its last commit (full history only) or updated/date."""
        return last_updated(entry, self.commit_dates).isoformat()

    # ----- composing ---------------------------------------------------------------------

    def compose_record(self, docs_path: str, body_text: str | None = None) -> Composed | None:
        """A record page: its title and summary (as `heading` and `summary`), panel, the
        member's body (or `body_text`) and the derived sections."""
        record = self._records.get(docs_path)
        if record is None:
            return None
        body = Markup(record.source.body.strip() if body_text is None else body_text)
        summary = None
        if isinstance(record, Entry):
            layout, context, heading = "entry.md", self._entry(record), record.title
            summary = record.summary
        elif isinstance(record, Member):
            layout, context, heading = "member.md", self._member(record), record.name
        elif isinstance(record, ProblemType):
            layout, context, heading = "problem.md", self._problem(record, 1), record.title
        elif isinstance(record, Use):
            use = self.views.use(record)
            layout, context, heading, summary = "use.md", {"use": use}, use.title, use.summary
        else:
            layout, context, heading = "path.md", self._path(record), record.title
        composed = self._page(layout, docs_path, **context, body=body)
        return replace(composed, heading=heading, summary=summary)

    def compose_generated(self, page: GeneratedPage) -> Composed:
        """A generated page from its layout and the views it needs."""
        if page.layout == "kind_index.md":
            context = self._kind_listing(page)
        elif page.layout == "problem_listing.md":
            context = self._problem(self.repertoire.problems[str(page.subject)], page.number)
        elif page.layout == "due_for_review.md":
            context = self._due_for_review(page.number)
        else:
            context = getattr(self, f"_{page.layout[: -len('.md')]}")()
        return self._page(page.layout, page.docs_path, title=page.title, **context)

    def compose_home(self, body: str) -> Composed:
        """The maintainer's home page text followed by the generated overview."""
        return self._page("home.md", urls.HOME, body=Markup(body.rstrip()), **self._home())

    def _page(self, layout: str, docs_path: str, **context: Any) -> Composed:
        composed = self.templates.page(
            layout,
            link=lambda target: Markup(markdown_url(urls.relative(docs_path, target))),
            **context,
        )
        markdown = urls.from_root(composed.markdown, urls.markdown_root(docs_path))
        way = urls.html_root(docs_path, self.use_directory_urls)
        return composed.with_links_from(lambda html: urls.from_root(html, way), markdown)

    # ----- the views of each page --------------------------------------------------------

    def _entry(self, entry: Entry) -> dict[str, Any]:
        changed = self.last_updated(entry)
        due = self.review.of(entry.id)
        return {
            "entry": self.views.entry(entry),
            "last_updated": changed if changed != entry.date.isoformat() else None,
            "pagers": self.views.pagers(entry),
            "connections": self.views.connections(entry),
            "used": self.views.used_by(entry),
            "due": due_item(self.views, due) if due else None,
            "due_page": self.views.page_link(
                "All entries due for review",
                urls.due_for_review(self._due_page_of.get(entry.id, 1)),
            ),
        }

    def _member(self, member: Member) -> dict[str, Any]:
        mine = self.indexes.by_member.get(member.id, [])
        return {
            "panel": self.views.member_panel(member),
            "total": len(mine),
            "groups": self.views.by_kind(mine),
            "problems": self.views.member_problems(member.id),
            "partners": self.views.collaborators(member.id),
            "applied": self.views.applied(member.id),
        }

    def _pagination(
        self, number: int, items: int, size: int, page_path: Callable[[int], str], **labels: str
    ) -> Pagination:
        """The pager of page `number` of a listing of `items`, `size` at a time, whose page n
        is at `page_path(n)`."""
        count = page_count(items, size)
        pages = tuple(Link(str(n), self.views.url(page_path(n))) for n in range(1, count + 1))
        return Pagination(number, count, pages, **labels)

    def _problem(self, problem: ProblemType, number: int) -> dict[str, Any]:
        everything = self.indexes.entries_under(problem.id)
        size = self.settings.problem_page_size
        shown = everything[(number - 1) * size : number * size]
        totals = Counter(e.kind.folder for e in everything)
        first = problem.source.docs_path
        return {
            "problem": self.views.problem_link(problem.id),
            "problem_path": problem.source.docs_path,
            "summary": problem.summary,
            "ancestors": self.views.ancestors(problem.id),
            "subtypes": self.views.subtypes(problem.id) if number == 1 else (),
            "total": len(everything),
            "groups": self.views.by_kind(shown, totals),
            "pagination": self._pagination(
                number, len(everything), size, lambda n: urls.listing_page(first, n)
            ),
            "people": self.views.people_to_ask(problem.id) if number == 1 else (),
            "recent_uses": (
                self.views.recently_applied(problem.id, RECENT_USES) if number == 1 else ()
            ),
        }

    def _path(self, path: CuratedPath) -> dict[str, Any]:
        return {"card": self.views.path_card(path), "steps": self.views.path_steps(path)}

    def _kind_listing(self, page: GeneratedPage) -> dict[str, Any]:
        kind = self.settings.kind_for_folder(str(page.subject))
        assert kind is not None  # the registry makes kind pages from the settings' kinds
        everything = self.indexes.by_kind.get(kind.folder, [])
        size = self.settings.page_size
        return {
            "kind": kind,
            "total": len(everything),
            "entries": self.views.entries(
                everything[(page.number - 1) * size : page.number * size]
            ),
            "pagination": self._pagination(
                page.number, len(everything), size, lambda n: urls.kind_index(kind.folder, n)
            ),
        }

    def _home(self) -> dict[str, Any]:
        glance = [
            (
                self.views.page_link(sentence_case(kind.plural), urls.kind_index(kind.folder)),
                len(self.indexes.by_kind.get(kind.folder, [])),
            )
            for kind in self.settings.kinds
        ]
        glance += [
            (
                self.views.page_link("Problem types", urls.PROBLEMS_INDEX),
                len(self.repertoire.problems),
            ),
            (self.views.page_link("Members", urls.MEMBERS_INDEX), len(self.repertoire.members)),
            (self.views.page_link("Curated paths", urls.PATHS_INDEX), len(self.repertoire.paths)),
        ]
        also = (
            self.views.page_link("who knows what", urls.WHO_KNOWS_WHAT),
            self.views.page_link("gaps", urls.GAPS),
            self.views.page_link("what's new", urls.NEW),
            self.views.page_link("explore", urls.EXPLORE),
            self.views.page_link("the community at a glance", urls.COMMUNITY),
            self.views.page_link("due for review", urls.DUE_FOR_REVIEW),
        )
        return {
            "cards": self.views.path_cards()[:HOME_PATHS],
            "paths": len(self.repertoire.paths),
            "all_paths": self.views.page_link("all curated paths", urls.PATHS_INDEX),
            "glance": tuple(glance),
            "also": also,
            "newest": self.views.entries(self.indexes.entries[:5]),
        }

    def _paths_index(self) -> dict[str, Any]:
        return {"cards": self.views.path_cards()}

    def _problems_index(self) -> dict[str, Any]:
        return {"kinds": self.settings.kinds, "rows": self.views.tree()}

    def _members_index(self) -> dict[str, Any]:
        members = sorted(self.repertoire.members.values(), key=lambda m: (m.name.casefold(), m.id))
        groups = []
        for role in (*self.settings.roles, None):
            in_role = [m for m in members if m.role == role]
            if not in_role:
                continue
            if role:
                configured = self.settings.role(role)
                label = configured.label or ROLE_TITLES.get(role, sentence_case(role))
                description = configured.description
            else:
                label, description = "Without a role", ""
            rows = tuple(
                (
                    self.views.member_link(m.id),
                    m.affiliation,
                    len(self.indexes.by_member.get(m.id, [])),
                )
                for m in in_role
            )
            groups.append((label, description, rows))
        return {"total": len(members), "groups": tuple(groups)}

    def _who_knows_what(self) -> dict[str, Any]:
        return {"ask": self.views.ask_rows(), "groups": self.views.matrix()}

    def _gaps(self) -> dict[str, Any]:
        gaps = find_gaps(self.indexes)
        unused = self.views.unused(gaps)
        return {
            "empty": self.views.gap_problems(gaps.empty),
            "missing_kinds": self.views.missing_kinds(gaps),
            "single_contributor": self.views.single_contributor(gaps),
            "untouched_by_paths": self.views.gap_problems(gaps.untouched_by_paths),
            "quiet_members": self.views.quiet_members(gaps),
            "unused": unused,
            "unused_total": sum(row.unused for row in unused),
            "entries_total": len(self.indexes.entries),
        }

    def _new(self) -> dict[str, Any]:
        return {"entries": self.views.entries(self.indexes.entries[: self.settings.new_limit])}

    def _community(self) -> dict[str, Any]:
        return CommunityViews(self.views, self.settings).context()

    def _record_use(self) -> dict[str, Any]:
        """The use file with a placeholder for the entry, which the page's script replaces
        by the entry in the page's address, in the file shown and in GitHub's editor link."""
        return {
            "text": use_text(self.settings, None),
            "entry_line": use_entry_line(None),
            "editor": new_use_url(self.settings, None),
            "new_file": f"{self.settings.github_new_file}/{USES_DIR}",
            "file_name": NEW_USE_NAME,
            "example_entry": example_entry_id(self.settings),
        }

    def _due_for_review(self, number: int) -> dict[str, Any]:
        due = self.review.due
        size = self.settings.problem_page_size
        return {
            "due": tuple(due_item(self.views, d) for d in due[(number - 1) * size : number * size]),
            "total": len(due),
            "months": self.settings.review_months,
            "today": self.review.today.isoformat() if self.review.today else None,
            "pagination": self._pagination(
                number,
                len(due),
                size,
                urls.due_for_review,
                previous_label="Older",
                next_label="Newer",
            ),
        }

    def _explore(self) -> dict[str, Any]:
        return {
            "total": len(self.indexes.entries),
            "filters": tuple(f.label for f in self.settings.custom_shown_in(Display.EXPLORE)),
            "kinds": tuple(
                self.views.page_link(k.plural, urls.kind_index(k.folder))
                for k in self.settings.kinds
            ),
            "data": self.views.page_link("explore data", urls.EXPLORE_JSON),
            "problems": self.views.page_link("problem type", urls.PROBLEMS_INDEX),
            "members": self.views.page_link("member", urls.MEMBERS_INDEX),
        }
