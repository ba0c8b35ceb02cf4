"""The views of the "community at a glance" page: its pictures, their words and their tables.

The figures come from `indexes.community_stats`, the shapes from `charts`; this module adds
what a reader needs around them (titles, the sentence each picture's description says, the
tooltips, the tables, links to the entries and problem types), so the template only prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..indexes.community_stats import CommunityStats, Quarter, community_stats
from ..settings import Settings, sentence_case
from .charts import ColumnChart, ColumnInput, Table, bar_length, column_chart, heat_band
from .views import Link, ViewBuilder, counted


@dataclass(frozen=True)
class HeatCell:
    """A count of the coverage heat map and its shade (0 for an empty cell)."""

    count: int
    band: int


@dataclass(frozen=True)
class HeatRow:
    """A problem type of the coverage heat map, with its depth in the tree."""

    link: Link
    depth: int
    cells: tuple[HeatCell, ...]


@dataclass(frozen=True)
class HeatMap:
    """Problem types (tree order) by kinds of entry; the counts stay as text in the cells."""

    columns: tuple[str, ...]
    rows: tuple[HeatRow, ...]


@dataclass(frozen=True)
class RankedBar:
    """One of the most used entries: its link, kind, number of uses and its bar's length (a
    percentage of the longest)."""

    entry: Link
    kind: str
    count: int
    length: str


def _axis_labels(quarters: Sequence[Quarter]) -> list[str | None]:
    """A year under each first quarter; the first column's quarter when no year starts."""
    labels: list[str | None] = [str(q.year) if q.number == 1 else None for q in quarters]
    if quarters and not any(labels):
        labels[0] = str(quarters[0])
    return labels


def _span(first: object, last: object) -> str:
    """'from 2023 Q1 to 2024 Q2', or 'in 2024 Q2' for a single period."""
    return f"in {first}" if first == last else f"from {first} to {last}"


def _busiest(rows: Sequence[tuple[str, int]]) -> str:
    """'the busiest was 2024 Q2, with 5' (the earliest of equals)."""
    label, count = max(rows, key=lambda row: row[1])  # max keeps the first of equals
    return f"the busiest was {label}, with {count}"


class CommunityViews:
    """Builds each view of the community page from one count of the repertoire."""

    def __init__(self, views: ViewBuilder, settings: Settings) -> None:
        self.views = views
        self.settings = settings
        kinds = tuple(kind.folder for kind in settings.kinds)
        self.stats: CommunityStats = community_stats(views.indexes, kinds)

    def context(self) -> dict[str, Any]:
        """Everything the layout prints; a picture with nothing to show is None."""
        return {
            "entries": self.entries_chart(),
            "members": self.members_chart(),
            "uses": self.uses_chart(),
            "coverage": self.coverage(),
            "most_used": self.most_used(),
        }

    def entries_chart(self) -> ColumnChart | None:
        rows = self.stats.entries_by_quarter
        if not rows:
            return None
        kinds = self.settings.kinds
        by_kind = [sum(counts[i] for _, counts in rows) for i in range(len(kinds))]
        labels = _axis_labels([q for q, _ in rows])
        inputs = [
            ColumnInput(str(quarter), axis, counts, f"{quarter}: {self._kinds_said(counts)}")
            for (quarter, counts), axis in zip(rows, labels, strict=True)
        ]
        busiest = _busiest([(str(q), sum(counts)) for q, counts in rows])
        description = (
            f"{self._kinds_said(tuple(by_kind))}, shared {_span(rows[0][0], rows[-1][0])}. "
            f"Of the quarters, {busiest}."
        )
        table = Table(
            ("Quarter", *(sentence_case(k.plural) for k in kinds), "All entries"),
            tuple((str(q), (*counts, sum(counts))) for q, counts in rows),
        )
        return column_chart(
            "rep-chart-entries",
            "Entries shared per quarter, by kind",
            description,
            [sentence_case(k.plural) for k in kinds],
            inputs,
            table,
        )

    def _kinds_said(self, counts: tuple[int, ...]) -> str:
        """'3 entries (2 cases, 1 tool)', the kinds with none left out; 'no entries'."""
        if not sum(counts):
            return "no entries"
        kinds = self.settings.kinds
        parts = (counted(n, k.singular, k.plural) for k, n in zip(kinds, counts, strict=True) if n)
        return f"{counted(sum(counts), 'entry', 'entries')} ({', '.join(parts)})"

    def members_chart(self) -> ColumnChart | None:
        years = self.stats.members_by_year
        if not years:
            return None
        inputs = [
            ColumnInput(
                str(y.year),
                str(y.year),
                (y.first_time, y.contributing - y.first_time),
                f"{y.year}: {counted(y.contributing, 'member', 'members')} contributing, "
                f"{y.first_time} for the first time",
            )
            for y in years
        ]
        latest = years[-1]
        busiest = _busiest([(str(y.year), y.contributing) for y in years])
        description = (
            "Members who shared an entry or recorded a use, per year "
            f"{_span(years[0].year, latest.year)}. In {latest.year}, "
            f"{counted(latest.contributing, 'member', 'members')} contributed, "
            f"{latest.first_time} of them for the first time. Of the years, {busiest}."
        )
        table = Table(
            ("Year", "Members contributing", "Of them for the first time"),
            tuple((str(y.year), (y.contributing, y.first_time)) for y in years),
        )
        return column_chart(
            "rep-chart-members",
            "Members contributing per year, and first-time contributors",
            description,
            ["For the first time", "Again"],
            inputs,
            table,
        )

    def uses_chart(self) -> ColumnChart | None:
        rows = self.stats.uses_by_quarter
        if not rows:
            return None
        labels = _axis_labels([q for q, _ in rows])
        inputs = [
            ColumnInput(str(q), axis, (n,), f"{q}: {counted(n, 'use', 'uses')}")
            for (q, n), axis in zip(rows, labels, strict=True)
        ]
        busiest = _busiest([(str(q), n) for q, n in rows])
        description = (
            f"{counted(sum(n for _, n in rows), 'use', 'uses')} recorded "
            f"{_span(rows[0][0], rows[-1][0])}. Of the quarters, {busiest}."
        )
        table = Table(("Quarter", "Uses"), tuple((str(q), (n,)) for q, n in rows))
        return column_chart(
            "rep-chart-uses", "Uses recorded per quarter", description, ["Uses"], inputs, table
        )

    def coverage(self) -> HeatMap | None:
        rows = self.stats.coverage
        if not rows:
            return None
        peak = max((n for row in rows for n in row.counts), default=0)
        return HeatMap(
            tuple(sentence_case(k.plural) for k in self.settings.kinds),
            tuple(
                HeatRow(
                    self.views.problem_link(row.problem_id),
                    row.depth,
                    tuple(HeatCell(n, heat_band(n, peak)) for n in row.counts),
                )
                for row in rows
            ),
        )

    def most_used(self) -> tuple[RankedBar, ...]:
        ranked = self.stats.most_used
        peak = ranked[0][1] if ranked else 0
        entries = self.views.repertoire.entries
        bars = []
        for entry_id, count in ranked:
            item = self.views.entry(entries[entry_id])
            link = Link(item.title, item.url)
            bars.append(RankedBar(link, item.kind, count, bar_length(count, peak)))
        return tuple(bars)
