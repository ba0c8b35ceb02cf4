"""The community page's counting and chart geometry as plain functions.

Properties a reader relies on, checked over many shapes of data: columns stand inside the
plot, in order, each stacked to exactly its total at one scale; the axis reaches the tallest
column in at most five steps; axis labels never crowd; every coordinate has two fixed
decimals; quarters run without gaps; heat bands rise with the count.
"""

from __future__ import annotations

import datetime as dt
import re
from itertools import pairwise

import pytest

from repertoire_kit.core.indexes.community_stats import Quarter, quarters_between
from repertoire_kit.core.pages import charts
from repertoire_kit.core.pages.charts import ColumnInput, Table, column_chart, heat_band, tick_step

FIXED = re.compile(r"^-?\d+\.\d{2}$")


def chart_of(values: list[tuple[int, ...]], labelled_every: int = 1) -> charts.ColumnChart:
    inputs = [
        ColumnInput(f"p{i}", f"L{i}" if i % labelled_every == 0 else None, v, f"p{i}")
        for i, v in enumerate(values)
    ]
    return column_chart("c", "T", "D", ["a", "b"], inputs, Table(("x",), ()))


@pytest.mark.parametrize(
    "values",
    [
        [(0, 0)],
        [(1, 0)],
        [(3, 4), (0, 0), (7, 1)],
        [(i % 5, i % 3) for i in range(40)],
        [(123, 456), (1, 1)],
    ],
)
def test_columns_stack_to_their_totals_inside_the_plot(values: list[tuple[int, ...]]) -> None:
    chart = chart_of(values)
    scales = set()
    previous_right = float(charts.PLOT_LEFT)
    for column, wanted in zip(chart.columns, values, strict=True):
        x, width = float(column.x), float(column.width)
        assert previous_right <= x and x + width <= charts.PLOT_RIGHT
        previous_right = x + width
        assert column.total == sum(wanted)
        assert [s.value for s in column.segments] == [v for v in wanted if v]
        bottom = float(charts.PLOT_BOTTOM)
        for segment in column.segments:
            assert FIXED.match(segment.y) and FIXED.match(segment.height)
            top, height = float(segment.y), float(segment.height)
            assert abs(top + height - bottom) < 0.02  # parts stand on each other
            bottom = top
            scales.add(round(height / segment.value, 1))
        assert bottom >= charts.PLOT_TOP - 0.01
    assert len(scales) <= 1
    peak = max(sum(v) for v in values)
    ticks = [t.value for t in chart.ticks]
    assert ticks[0] == 0 and ticks[-1] >= peak and len(ticks) - 1 <= charts.MAX_TICKS


def test_axis_labels_are_thinned_to_fit() -> None:
    chart = chart_of([(1, 1)] * 120)
    shown = [float(c.center) for c in chart.columns if c.axis_label]
    assert shown and all(b - a >= charts.LABEL_SPACE for a, b in pairwise(shown))


@pytest.mark.parametrize("peak", [0, 1, 4, 5, 6, 11, 26, 99, 101, 4999])
def test_tick_step_reaches_the_peak_in_five_steps(peak: int) -> None:
    step = tick_step(peak)
    assert step * charts.MAX_TICKS >= peak
    assert str(step).strip("0") in {"1", "2", "5"}


def test_heat_bands_rise_with_the_count() -> None:
    bands = [heat_band(n, 30) for n in range(0, 31)]
    assert bands[0] == 0 and bands[-1] == 4 and bands == sorted(bands)
    assert set(bands[1:]) == {1, 2, 3, 4}


def test_quarters_run_without_gaps() -> None:
    first, last = Quarter.of(dt.date(2023, 11, 30)), Quarter.of(dt.date(2025, 2, 1))
    run = quarters_between(first, last)
    assert [str(q) for q in run] == [
        "2023 Q4",
        "2024 Q1",
        "2024 Q2",
        "2024 Q3",
        "2024 Q4",
        "2025 Q1",
    ]
