"""The pages a repertoire adds to a site, and the Markdown of each.

`SitePages` is the one place that knows which pages exist (generated indexes and augmented
record pages) and composes their Markdown through the templates. The MkDocs adapter and
`repertoire generate` both call it, so the two outputs cannot drift apart.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any, Callable, Mapping

from markupsafe import Markup

from .gaps import Gaps, find_gaps
from .git_dates import last_updated
from .indexes import Indexes, build_indexes
from .loader import LoadResult
from .model import Entry
from .page_regions import GeneratedMarks
from .settings import Settings
from .templating import Renderer
from . import urls
from .views import entry_view, link, member_record_view, member_view, problem_record_view, problem_view

WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class GeneratedPage:
    """A page made from the indexes: where it goes, its title and its template."""

    docs_path: str
    title: str
    template: str
    context: tuple[tuple[str, Any], ...] = ()


def reading_minutes(words: int) -> int:
    """Minutes to read `words` at a steady pace, at least one."""
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class SitePages:
    """Every generated and augmented page of one build."""

    def __init__(self, result: LoadResult, settings: Settings, renderer: Renderer,
                 rich: bool = True, commit_dates: Mapping[str, dt.date] | None = None) -> None:
        self.result = result
        self.commit_dates: Mapping[str, dt.date] = commit_dates or {}
        self.settings = settings
        self.renderer = renderer
        self.rich = rich
        self.repertoire = result.repertoire
        self.indexes: Indexes = build_indexes(result.repertoire, tuple(k.folder for k in settings.kinds))
        self._records = self._record_pages()
        self._gaps: Gaps | None = None
        # Views by (kind of record, id): their links are anchored at the docs root, so one
        # view serves every page that shows the record (see `views`).
        self._views: dict[tuple[str, str], dict[str, Any]] = {}
        self._entry_items: dict[tuple[str, bool], str] = {}

    # ----- which pages exist -------------------------------------------------------------

    def generated_pages(self) -> list[GeneratedPage]:
        """The index pages this build adds, in navigation order."""
        pages = [
            GeneratedPage(urls.PATHS_INDEX, "Curated paths", "paths_index.md"),
            GeneratedPage(urls.PROBLEMS_INDEX, "Problem types", "problems_index.md"),
        ]
        pages += [
            GeneratedPage(urls.kind_index(kind.folder), kind.plural.capitalize(), "kind_index.md",
                          (("kind_folder", kind.folder),))
            for kind in self.settings.kinds
        ]
        pages += [
            GeneratedPage(urls.MEMBERS_INDEX, "Members", "members_index.md"),
            GeneratedPage(urls.WHO_KNOWS_WHAT, "Who knows what", "who_knows_what.md"),
            GeneratedPage(urls.GAPS, "Gaps", "gaps.md"),
            GeneratedPage(urls.NEW, "What's new", "new.md"),
            GeneratedPage(urls.EXPLORE, "Explore", "explore.md"),
        ]
        return pages

    def generated_paths(self) -> tuple[str, ...]:
        """Docs paths that contributed files may not take."""
        return urls.generated_paths(self.settings)

    def _record_pages(self) -> dict[str, tuple[str, Any]]:
        pages: dict[str, tuple[str, Any]] = {}
        for entry in self.repertoire.entries.values():
            pages[entry.source.docs_path] = ("entry", entry)
        for member in self.repertoire.members.values():
            pages[member.source.docs_path] = ("member", member)
        for problem in self.repertoire.problems.values():
            pages[problem.source.docs_path] = ("problem", problem)
        for path in self.repertoire.paths.values():
            pages[path.source.docs_path] = ("path", path)
        return pages

    def record_at(self, docs_path: str) -> tuple[str, Any] | None:
        """The record published at a docs path, if that page is one."""
        return self._records.get(docs_path)

    def is_hidden(self, docs_path: str) -> bool:
        """Whether a page must not be published in this build (a draft, when drafts are off)."""
        record = self._records.get(docs_path)
        return bool(record and record[0] == "entry" and not self.repertoire.is_visible(record[1].id))

    # ----- composing Markdown ------------------------------------------------------------

    def render_generated(self, page: GeneratedPage) -> str:
        """The Markdown of a generated index page."""
        context = dict(page.context)
        return self._render(page.template, page.docs_path, title=page.title, **context)

    def compose_record(self, docs_path: str, marks: GeneratedMarks | None = None) -> str | None:
        """Title, panel, the contributor's body and the derived sections of a record page;
        with `marks`, the generated parts are wrapped in them (see `page_regions`)."""
        record = self._records.get(docs_path)
        return None if record is None else self._compose(docs_path, *record, marks)

    def compose_records(self, marks: GeneratedMarks | None = None) -> dict[str, str]:
        """Every published record page's Markdown, by docs path. Composing them in one go is
        cheaper than one at a time between the engine's renderings (the shared views, listing
        items and templates stay warm), and a build needs every one of them."""
        return {
            docs_path: self._compose(docs_path, kind, value, marks)
            for docs_path, (kind, value) in self._records.items() if not self.is_hidden(docs_path)
        }

    def _compose(self, docs_path: str, kind: str, value: Any, marks: GeneratedMarks | None) -> str:
        head = self._render(f"{kind}_header.md", docs_path, record=value)
        foot = self._render(f"{kind}_footer.md", docs_path, record=value)
        if marks is not None:
            head, foot = marks.wrap(head), marks.wrap(foot) if foot.strip() else foot
        return f"{head}\n{value.source.body.strip()}\n\n{foot}"

    def compose_home(self, body: str) -> str:
        """The maintainer's home page text followed by the generated overview."""
        return f"{body.rstrip()}\n\n{self._render('home.md', urls.HOME)}"

    def _render(self, template: str, page: str, **context: Any) -> str:
        markdown = self.renderer.render(template, page=page, rich=self.rich, site=self, **context)
        return urls.from_root(markdown, page)

    # ----- helpers templates call through `site` ------------------------------------------

    def link(self, page: str, target: str) -> Any:
        """A relative link from `page` to a docs path."""
        return link(page, target)

    def entry(self, entry: Entry, page: str) -> dict[str, Any]:
        """An entry's view for listings (`page` is kept for templates that pass it)."""
        del page
        return self._view("entry", entry.id, lambda: entry_view(self.indexes, entry))

    def _view(self, kind: str, record_id: str, make: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        view = self._views.get((kind, record_id))
        if view is None:
            view = self._views[kind, record_id] = make()
        return view

    def entries(self, entries: list[Entry], page: str) -> list[dict[str, Any]]:
        return [self.entry(e, page) for e in entries]

    def entry_list(self, entries: list[Entry], page: str, show_kind: bool = True) -> Markup:
        """A Markdown list of entries, one `entry_item.md` rendering per entry and build: an
        item's links are anchored at the docs root, so it is the same text on every page."""
        items = []
        for entry in entries:
            key = (entry.id, show_kind)
            item = self._entry_items.get(key)
            if item is None:
                rendered = self.renderer.render(
                    "entry_item.md", page=page, rich=self.rich, site=self,
                    e=self.entry(entry, page), show_kind=show_kind,
                )
                item = self._entry_items[key] = rendered.strip("\n")
            items.append(item)
        return Markup("\n".join(items))

    def by_kind(self, entries: list[Entry]) -> list[tuple[Any, list[Entry]]]:
        """The entries grouped by kind, in the configured order of kinds, empty kinds left out;
        one pass, where a filter per kind in the template would walk the list once per kind."""
        groups: dict[str, list[Entry]] = {kind.folder: [] for kind in self.settings.kinds}
        for entry in entries:
            groups.setdefault(entry.kind.folder, []).append(entry)
        return [(kind, groups[kind.folder]) for kind in self.settings.kinds if groups[kind.folder]]

    def problem(self, problem_id: str, page: str) -> dict[str, Any]:
        del page
        return self._view("problem", problem_id, lambda: problem_view(self.indexes, problem_id))

    def member(self, member_id: str, page: str) -> dict[str, Any]:
        del page
        return self._view("member", member_id, lambda: member_view(self.indexes, member_id))

    def member_profile(self, member: Any, page: str) -> dict[str, Any]:
        return member_record_view(member, page)

    def problem_profile(self, problem: Any) -> dict[str, Any]:
        return problem_record_view(problem)

    def matrix_cells(self, member_id: str) -> Markup:
        """A member's row of the who-knows-what table: entries per problem type, in the
        order of the problem tree, each cell closed by ` | ` (empty for none). Made here
        because the table has a cell per member and problem type, too many for a template
        loop to print one by one."""
        row: Mapping[str, int] = self.indexes.contributions_matrix().get(member_id, {})
        return Markup("".join(f"{row.get(problem_id) or ''} | " for problem_id, _ in self.indexes.tree()))

    def gaps(self) -> Gaps:
        """The gap lists, computed once per build."""
        if self._gaps is None:
            self._gaps = find_gaps(self.indexes)
        return self._gaps

    def last_updated(self, entry: Entry) -> str:
        """When an entry last changed: its last commit (full history only) or updated/date."""
        return last_updated(entry, self.commit_dates).isoformat()

    def word_count(self, entry_id: str) -> int:
        entry = self.repertoire.entries.get(entry_id)
        return len(entry.source.body.split()) if entry else 0

    def reading_minutes(self, words: int) -> int:
        return reading_minutes(words)
