"""The geometry of the static pictures a page draws: column charts, heat bands, ranked bars.

Charts are computed here as typed values (every coordinate already a string with two fixed
decimals) and printed as inline SVG by the templates, so a picture is plain data, the same
text in every build, and needs neither script nor a request to another host. Colours are not
decided here: each shape names a series class (`rep-series-N`) that the stylesheet fills from
the theme's colour variables, so a picture follows the light and dark palettes. No charting
library is used: the pictures are a few rectangles and labels, which a library would only wrap
in generated ids, inline styles with fixed colours, or script.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 480
HEIGHT = 250
PLOT_LEFT = 40
PLOT_RIGHT = WIDTH - 8
PLOT_TOP = 12
PLOT_BOTTOM = HEIGHT - 30
LABEL_SPACE = 44
"""Room one axis label needs (in the picture's units); closer labels are thinned out."""
BAR_SHARE = 0.7
"""The share of its slot a column fills; the rest is the gap between columns."""
MAX_BAR_WIDTH = 48
"""A column is never wider than this, so that two or three periods do not look like walls."""
MAX_TICKS = 5
SERIES_CLASSES = 6
"""The stylesheet's series colours; further series reuse them (the legend and table tell)."""


def fixed(value: float) -> str:
    """A coordinate as text with two fixed decimals, the same in every build."""
    return f"{value:.2f}"


def series_class(index: int) -> str:
    """The stylesheet class that colours series `index` (from 0)."""
    return f"rep-series-{index % SERIES_CLASSES + 1}"


@dataclass(frozen=True)
class Series:
    """One stacked part of every column, as the legend names it."""

    name: str
    css: str


@dataclass(frozen=True)
class Segment:
    """One series' part of a column (zero-height parts are left out)."""

    css: str
    value: int
    y: str
    height: str


@dataclass(frozen=True)
class Column:
    """One period's column: where it stands, its parts, and what its tooltip says."""

    label: str
    x: str
    width: str
    center: str
    total: int
    segments: tuple[Segment, ...]
    tooltip: str
    axis_label: str | None


@dataclass(frozen=True)
class Tick:
    """A value on the vertical axis and the height of its grid line."""

    value: int
    y: str


@dataclass(frozen=True)
class ColumnInput:
    """What a caller knows of a column: its label, the short label under the axis (None for
    none), its value per series, and the sentence its tooltip says."""

    label: str
    axis_label: str | None
    values: tuple[int, ...]
    tooltip: str


@dataclass(frozen=True)
class Table:
    """The numbers of a picture as a table, its text alternative: one row per label."""

    headers: tuple[str, ...]
    rows: tuple[tuple[str, tuple[int, ...]], ...]


@dataclass(frozen=True)
class ColumnChart:
    """A column chart (stacked when it has several series) with its text alternatives: a
    title and a description for the picture, and the table of its numbers. `id` is fixed by
    the page, so that the `aria-labelledby` ids are the same in every build."""

    id: str
    title: str
    description: str
    series: tuple[Series, ...]
    columns: tuple[Column, ...]
    ticks: tuple[Tick, ...]
    table: Table
    width: int = WIDTH
    height: int = HEIGHT
    left: int = PLOT_LEFT
    right: int = PLOT_RIGHT
    bottom: int = PLOT_BOTTOM

    @property
    def label_y(self) -> str:
        return fixed(self.bottom + 18)


def tick_step(peak: int) -> int:
    """The smallest 1, 2 or 5 times a power of ten that reaches `peak` in MAX_TICKS steps."""
    magnitude = 1
    while True:
        for factor in (1, 2, 5):
            step = factor * magnitude
            if step * MAX_TICKS >= peak:
                return step
        magnitude *= 10


def column_chart(
    chart_id: str,
    title: str,
    description: str,
    series_names: Sequence[str],
    inputs: Sequence[ColumnInput],
    table: Table,
) -> ColumnChart:
    """Lay out columns side by side, each stacked from its series' values, on a vertical
    axis from zero to the first tick at or above the tallest column."""
    peak = max((sum(c.values) for c in inputs), default=0)
    step = tick_step(peak)
    top = max(step, step * math.ceil(peak / step))
    plot_height = PLOT_BOTTOM - PLOT_TOP

    def y_of(value: float) -> float:
        return PLOT_BOTTOM - value * plot_height / top

    slot = (PLOT_RIGHT - PLOT_LEFT) / max(1, len(inputs))
    bar = min(slot * BAR_SHARE, MAX_BAR_WIDTH)
    labelled = [i for i, c in enumerate(inputs) if c.axis_label]
    every = max(1, math.ceil(len(labelled) * LABEL_SPACE / (PLOT_RIGHT - PLOT_LEFT)))
    shown_labels = set(labelled[::every])
    columns = []
    for index, column in enumerate(inputs):
        left = PLOT_LEFT + index * slot
        segments = []
        base = 0
        for series, value in enumerate(column.values):
            if value:
                y, bottom = y_of(base + value), y_of(base)
                segments.append(Segment(series_class(series), value, fixed(y), fixed(bottom - y)))
            base += value
        columns.append(
            Column(
                label=column.label,
                x=fixed(left + (slot - bar) / 2),
                width=fixed(bar),
                center=fixed(left + slot / 2),
                total=base,
                segments=tuple(segments),
                tooltip=column.tooltip,
                axis_label=column.axis_label if index in shown_labels else None,
            )
        )
    return ColumnChart(
        id=chart_id,
        title=title,
        description=description,
        series=tuple(Series(name, series_class(i)) for i, name in enumerate(series_names)),
        columns=tuple(columns),
        ticks=tuple(Tick(v, fixed(y_of(v))) for v in range(0, top + 1, step)),
        table=table,
    )


def heat_band(count: int, peak: int) -> int:
    """A cell's shade, 0 (empty) to 4 (the peak), on a log scale of the peak: bands at its
    cube root and the square of that, because counts are heavy-tailed and a linear scale
    leaves all but the busiest cell in the lightest shade (as the who-knows-what matrix)."""
    if count <= 0 or peak <= 0:
        return 0
    if count >= peak:
        return 4
    if count >= peak ** (2 / 3):
        return 3
    return 2 if count >= peak ** (1 / 3) else 1


def bar_length(count: int, peak: int) -> str:
    """A ranked bar's length as a percentage of the longest, with two fixed decimals."""
    return fixed(100 * count / peak if peak else 0)
