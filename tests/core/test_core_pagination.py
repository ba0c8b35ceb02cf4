"""The pager of a long listing links the first, the last and the nearby pages, not every page.

A problem type with 1,250 entries takes 25 pages of 50; linking all of them on each page made
the pager longer than the listing on a phone and cost 1.4 KB a page.
"""

from __future__ import annotations

import pytest

from repertoire_kit.core.pages.views import Link, Pagination


def pager(number: int, count: int) -> Pagination:
    return Pagination(number, count, tuple(Link(str(n), f"page/{n}/") for n in range(1, count + 1)))


@pytest.mark.parametrize(
    ("number", "count", "expected"),
    [
        (1, 1, [1]),
        (1, 5, [1, 2, 3, 4, 5]),
        (1, 12, [1, 2, 3, None, 12]),
        (4, 12, [1, 2, 3, 4, 5, 6, None, 12]),
        (6, 12, [1, None, 4, 5, 6, 7, 8, None, 12]),
        (5, 12, [1, 2, 3, 4, 5, 6, 7, None, 12]),
        (12, 12, [1, None, 10, 11, 12]),
        (9, 12, [1, None, 7, 8, 9, 10, 11, 12]),
    ],
)
def test_the_pager_shows_the_ends_and_the_neighbours(
    number: int, count: int, expected: list[int | None]
) -> None:
    assert list(pager(number, count).shown) == expected


@pytest.mark.parametrize("count", range(1, 30))
def test_every_page_is_reachable_and_a_gap_always_hides_two_pages_or_more(count: int) -> None:
    for number in range(1, count + 1):
        shown = pager(number, count).shown
        numbers = [n for n in shown if n is not None]
        assert numbers == sorted(set(numbers)) and numbers[0] == 1 and numbers[-1] == count
        assert number in numbers and len(numbers) <= 9  # the ends, the fills, five near
        for index, mark in enumerate(shown):
            if mark is None:
                before, after = shown[index - 1], shown[index + 1]
                assert before is not None and after is not None and after - before > 2
