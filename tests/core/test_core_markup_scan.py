"""The body scan reports what a browser would run, at its file line, and nothing a reader wrote.

Complements tests/security (which covers the hostile constructs): proves that text showing
markup (`&lt;script&gt;`, a quoted value mentioning onerror=, prose) is not reported, that the
line numbers are those of the file even when a character reference decodes to a line break,
and that a pathological body (thousands of unclosed tags on one line) is scanned to the end and
still reports the handler that follows.
"""

from __future__ import annotations

import pytest

from repertoire_kit.core.safety.markup_scan import scan_markdown


def found(body: str, first_line: int = 1) -> list[tuple[int, int, str]]:
    return [(f.line, f.col, f.message) for f in scan_markdown(body, first_line)]


@pytest.mark.parametrize(
    "body",
    [
        "Writing &lt;script&gt; in a finding is fine.",
        '<img src="chart.png" alt="the onerror= trick was in the report">',
        "The attacker used <code>onerror=</code> on the page.",
        "Braces in prose { like this } and style = good writing.",
        "~~~\n<script>x</script>\n~~~\n",
    ],
)
def test_text_that_only_shows_markup_is_not_reported(body: str) -> None:
    assert found(body) == []


def test_line_numbers_are_the_files_even_after_a_decoded_line_break() -> None:
    body = 'First &#10; line.\nSecond line.\n<a href="javascript:x">y</a>\n'
    assert found(body, first_line=8) == [(10, 10, "'javascript:' links are not allowed")]


def test_findings_come_in_line_then_column_order() -> None:
    body = "<a href='javascript:x' onclick=y>z</a>\n<script>w</script>\n"
    assert found(body) == [
        (1, 10, "'javascript:' links are not allowed"),
        (1, 24, "event handler attribute 'onclick' is not allowed"),
        (2, 1, "raw <script> is not allowed"),
    ]


def test_a_line_of_unclosed_tags_is_scanned_to_its_end() -> None:
    body = "<a " * 50_000 + "\n<img src=x onerror=alert(1)>\n"
    assert found(body) == [(2, 12, "event handler attribute 'onerror' is not allowed")]
