"""The community at a glance (/community/) on a purpose-built site with known figures.

A small repertoire has entries of two kinds (one kind's names hold `&`, `<` and quotes) over
quarters with a gap, a draft entry, uses by members who never wrote an entry, a draft use and a
use of the draft entry. Every figure the page should draw is computed here from the files
written (`yaml.safe_load`), never from the output, and must be found exactly: in each picture's
SVG (read as XML, which also proves every text in it is escaped) as the columns' parts and
heights, in its description, and in its table; in the coverage heat map; in the most used
entries. A second build must write the same page byte for byte.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.crossindex_html import Node, Page, load_page, parse_html
from tests.support.crossindex_sites import SiteFactory, entry, member, merge, problem, record
from tests.support.sites import Site

KINDS_OPTION = """\
kinds:
  - {folder: cases, singular: case, plural: cases}
  - {folder: notes, singular: 'rough R&D "note" <x>', plural: 'rough R&D "notes" <x>'}
"""
KINDS = {"cases": ("case", "cases"), "notes": ('rough R&D "note" <x>', 'rough R&D "notes" <x>')}
RISKY_TITLE = 'Risk & "reward" <rules>'


def use(use_id: str, entry_id: str, member_id: str, day: str, **extra: Any) -> dict[str, str]:
    fields = {
        "entry": entry_id,
        "member": member_id,
        "date": dt.date.fromisoformat(day),
        "summary": f"Applied {entry_id}.",
        **extra,
    }
    return {f"repertoire/uses/{use_id}.md": record(fields)}


FILES = merge(
    problem("planning"),
    problem("scoping", parent="planning"),
    problem("universe", parent="planning"),
    problem("ethics", title="Ethics & <risk>"),
    *(member(m) for m in ("ann", "bob", "carl", "dora", "eve", "fay")),
    entry("cases/a1", ["scoping"], ["ann"], "2023-02-10"),
    entry("cases/a2", ["ethics"], ["bob"], "2023-03-30"),
    entry("notes/n1", ["scoping", "ethics"], ["ann", "bob"], "2023-08-01"),
    entry("cases/a3", ["planning"], ["carl"], "2024-01-15"),
    entry("notes/n2", ["ethics"], ["dora"], "2024-11-20", title=RISKY_TITLE),
    entry("cases/unfinished", ["ethics"], ["eve"], "2024-05-01", draft=True),
    use("u1", "notes/n2", "ann", "2024-12-01"),
    use("u2", "notes/n2", "fay", "2025-01-10"),
    use("u3", "cases/a1", "bob", "2024-02-02"),
    use("u4", "notes/n2", "carl", "2025-03-03"),
    use("u5", "cases/a1", "carl", "2025-02-01"),
    use("u6", "cases/a2", "ann", "2025-04-01", draft=True),
    use("u7", "cases/unfinished", "eve", "2025-01-01"),
    use("u8", "cases/a2", "dora", "2023-05-05"),
)


# ----- what the files say -------------------------------------------------------------------


def front(text: str) -> dict[str, Any]:
    return yaml.safe_load(text.split("---\n")[1])


def written(prefix: str) -> dict[str, dict[str, Any]]:
    """The records under a folder of the docs, by id (as written)."""
    found = {}
    for path, text in FILES.items():
        rel = path.removeprefix("repertoire/").removesuffix(".md")
        if rel.startswith(prefix):
            found[rel.removeprefix("uses/").removeprefix("problems/")] = front(text)
    return found


def published() -> tuple[dict[str, dict[str, Any]], dict[str, dict[str, Any]]]:
    """(entries, uses) a reader sees: no drafts, no uses of draft entries."""
    entries = {
        e: fm for folder in KINDS for e, fm in written(f"{folder}/").items() if not fm.get("draft")
    }
    uses = {
        u: fm
        for u, fm in written("uses/").items()
        if not fm.get("draft") and fm["entry"] in entries
    }
    return entries, uses


def quarter(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def quarter_range(days: list[dt.date]) -> list[tuple[int, int]]:
    first, last = min(map(quarter, days)), max(map(quarter, days))
    every = [(y, q) for y in range(first[0], last[0] + 1) for q in range(1, 5)]
    return [yq for yq in every if first <= yq <= last]


def quarter_label(yq: tuple[int, int]) -> str:
    return f"{yq[0]} Q{yq[1]}"


# ----- what the page shows ------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    built = Site(tmp_path_factory.mktemp("glance") / "project")
    built.root.mkdir(parents=True)
    (built.root / "mkdocs.yml").write_text(
        "site_name: Glance\nsite_url: https://example.org/g/\ndocs_dir: repertoire\n"
        "theme:\n  name: material\nplugins:\n  - search\n  - repertoire:\n"
        + re.sub("^", "      ", KINDS_OPTION, flags=re.M),
        encoding="utf-8",
    )
    built.write(FILES)
    result = built.build()
    assert result.returncode == 0, result.stderr
    return built


@pytest.fixture(scope="module")
def page(site: Site) -> Page:
    return load_page(site.site_dir, "community/")


def svg_of(site: Site, chart_id: str) -> ET.Element:
    """The picture whose title has this id, read as XML (it must be well-formed)."""
    html = (site.site_dir / "community" / "index.html").read_text(encoding="utf-8")
    match = re.search(rf'<svg [^>]*aria-labelledby="{chart_id}-title .*?</svg>', html, re.S)
    assert match, f"no picture {chart_id}"
    return ET.fromstring(match.group(0))


def figure_of(page: Page, chart_id: str) -> Node:
    (svg,) = [
        n
        for n in page.article.find_all("svg")
        if n.attrs.get("aria-labelledby", "").startswith(chart_id)
    ]
    assert svg.parent is not None and svg.parent.tag == "figure"
    return svg.parent


def columns(svg: ET.Element) -> list[tuple[str, dict[str, int], list[float]]]:
    """Each column: its tooltip, its parts' values by series class, and height per unit."""
    found = []
    for group in svg.iter("g"):
        if group.get("class") != "rep-chart-column":
            continue
        tooltip = group.findtext("title") or ""
        parts = {
            rect.get("class", ""): int(rect.get("data-value", "0")) for rect in group.iter("rect")
        }
        scales = [
            float(r.get("height", "0")) / int(r.get("data-value", "1")) for r in group.iter("rect")
        ]
        found.append((tooltip, parts, scales))
    return found


def table(figure: Node) -> list[list[str]]:
    tbody = figure.find("table").find("tbody")
    return [[cell.text() for cell in row.elements()] for row in tbody.elements()]


def test_the_page_is_in_the_community_section_and_linked_from_home(site: Site, page: Page) -> None:
    assert page.title.startswith("Community at a glance")
    nav = load_page(site.site_dir, "").primary_nav
    labels = [a.text() for a in nav.find_all("a")]
    assert "Community at a glance" in labels
    assert "community/" in load_page(site.site_dir, "").links()


def test_entries_per_quarter_by_kind(site: Site, page: Page) -> None:
    entries, _ = published()
    kind_of = {e: e.split("/")[0] for e in entries}
    counts: dict[tuple[int, int], Counter[str]] = defaultdict(Counter)
    for e, fm in entries.items():
        counts[quarter(fm["date"])][kind_of[e]] += 1
    quarters = quarter_range([fm["date"] for fm in entries.values()])
    assert (2023, 2) in quarters and not counts[(2023, 2)]  # a quarter with none is a zero

    svg = svg_of(site, "rep-chart-entries")
    shown = columns(svg)
    assert [t.split(":")[0] for t, _, _ in shown] == [quarter_label(q) for q in quarters]
    series = {folder: f"rep-series-{i + 1}" for i, folder in enumerate(KINDS)}
    for q, (tooltip, parts, _) in zip(quarters, shown, strict=True):
        assert parts == {series[k]: n for k, n in counts[q].items()}, tooltip
    scales = {round(s, 2) for _, _, column_scales in shown for s in column_scales}
    assert len(scales) == 1, "every part is drawn at the same scale"
    description = svg.findtext("desc") or ""
    assert f"{len(entries)} entries" in description
    assert f"{sum(1 for k in kind_of.values() if k == 'notes')} {KINDS['notes'][1]}" in description

    rows = table(figure_of(page, "rep-chart-entries"))
    assert rows == [
        [quarter_label(q), *(str(counts[q][k]) for k in KINDS), str(sum(counts[q].values()))]
        for q in quarters
    ]
    legend = figure_of(page, "rep-chart-entries").find("p", cls="rep-chart-legend").text()
    assert KINDS["notes"][1][0].upper() + KINDS["notes"][1][1:] in legend


def test_members_contributing_and_first_time_per_year(site: Site, page: Page) -> None:
    entries, uses = published()
    years: dict[str, set[int]] = defaultdict(set)
    for fm in entries.values():
        for m in fm["contributors"]:
            years[m].add(fm["date"].year)
    for fm in uses.values():
        years[fm["member"]].add(fm["date"].year)
    assert "eve" not in years and "fay" in years  # eve has only drafts; fay only a use
    span = range(min(min(y) for y in years.values()), max(max(y) for y in years.values()) + 1)
    expected = [
        (y, sum(y in ys for ys in years.values()), sum(min(ys) == y for ys in years.values()))
        for y in span
    ]

    shown = columns(svg_of(site, "rep-chart-members"))
    assert [t.split(":")[0] for t, _, _ in shown] == [str(y) for y, _, _ in expected]
    for (_, contributing, first), (tooltip, parts, _) in zip(expected, shown, strict=True):
        assert parts.get("rep-series-1", 0) == first, tooltip
        assert sum(parts.values()) == contributing, tooltip
    rows = table(figure_of(page, "rep-chart-members"))
    assert rows == [[str(y), str(c), str(f)] for y, c, f in expected]


def test_uses_per_quarter(site: Site, page: Page) -> None:
    _, uses = published()
    counts = Counter(quarter(fm["date"]) for fm in uses.values())
    quarters = quarter_range([fm["date"] for fm in uses.values()])
    svg = svg_of(site, "rep-chart-uses")
    shown = columns(svg)
    assert [(t.split(":")[0], sum(p.values())) for t, p, _ in shown] == [
        (quarter_label(q), counts[q]) for q in quarters
    ]
    assert f"{len(uses)} uses recorded" in (svg.findtext("desc") or "")
    assert table(figure_of(page, "rep-chart-uses")) == [
        [quarter_label(q), str(counts[q])] for q in quarters
    ]
    # The vertical axis reaches the tallest column.
    ticks = [int(t.text or "0") for t in svg.iter("text") if t.get("class") == "rep-chart-tick"]
    assert ticks[0] == 0 and ticks[-1] >= max(counts.values())


def test_coverage_of_problem_types_by_kind(page: Page) -> None:
    entries, _ = published()
    problems = written("problems/")
    children: dict[str | None, list[str]] = defaultdict(list)
    for p, fm in problems.items():
        children[fm.get("parent")].append(p)

    def walk(parent: str | None) -> list[str]:
        ordered = sorted(children[parent], key=lambda p: (problems[p]["title"].casefold(), p))
        return [x for p in ordered for x in (p, *walk(p))]

    def below(p: str) -> set[str]:
        return {p, *(x for c in children[p] for x in below(c))}

    heat = page.article.find("div", cls="rep-coverage")
    rows = heat.find("tbody").elements()
    assert [row.elements()[0].text() for row in rows] == [problems[p]["title"] for p in walk(None)]
    for row, p in zip(rows, walk(None), strict=True):
        under = [e for e, fm in entries.items() if below(p) & set(fm["problem_types"])]
        expected = [str(sum(e.startswith(f"{k}/") for e in under)) for k in KINDS]
        assert [cell.text() for cell in row.elements()[1:]] == expected, p
        for cell in row.elements()[1:]:
            assert (cell.text() == "0") == (
                not any(c.startswith("rep-heat-") for c in cell.classes)
            )


def test_most_used_entries(site: Site, page: Page) -> None:
    entries, uses = published()
    counts = Counter(fm["entry"] for fm in uses.values())
    ranked = sorted(counts, key=lambda e: (-counts[e], entries[e]["title"].casefold(), e))
    items = page.article.find("ol", cls="rep-most-used").elements()
    assert [
        (li.find("a").text(), li.find("span", cls="rep-most-used-count").text()) for li in items
    ] == [(entries[e]["title"], f"{counts[e]} use{'s' if counts[e] != 1 else ''}") for e in ranked]
    assert [li.find("a").attrs["href"] for li in items] == [f"../{e}/" for e in ranked]
    widths = [float(li.find("rect").attrs["width"]) for li in items]
    assert widths == [round(100 * counts[e] / counts[ranked[0]], 2) for e in ranked]
    assert RISKY_TITLE in {li.find("a").text() for li in items}


def test_pictures_are_named_and_kept_out_of_search(site: Site, page: Page) -> None:
    for chart_id in ("rep-chart-entries", "rep-chart-members", "rep-chart-uses"):
        svg = svg_of(site, chart_id)
        assert svg.get("role") == "img"
        assert svg.get("aria-labelledby") == f"{chart_id}-title {chart_id}-desc"
        ids = {el.get("id"): (el.text or "") for el in svg.iter() if el.get("id")}
        assert ids[f"{chart_id}-title"] and ids[f"{chart_id}-desc"]
        assert "data-search-exclude" in figure_of(page, chart_id).attrs
        assert "style" not in ET.tostring(svg, encoding="unicode")
    index = site.json("search/search_index.json")
    text = " ".join(
        doc["text"] for doc in index["docs"] if doc["location"].startswith("community/")
    )
    assert "How the community is growing" in text
    assert "2023 Q1" not in text and "rep-chart" not in text


def test_a_second_build_writes_the_same_page(site: Site, tmp_path: Path) -> None:
    first = (site.site_dir / "community" / "index.html").read_bytes()
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert (site.site_dir / "community" / "index.html").read_bytes() == first
    assert b"data-repertoire-slot" not in first
    assert parse_html(first.decode()).find("figure", cls="rep-chart") is not None


def test_a_site_without_uses_says_so_instead_of_drawing(make_site: SiteFactory) -> None:
    site = make_site()  # one entry, no uses
    result = site.build()
    assert result.returncode == 0, result.stderr
    page = load_page(site.site_dir, "community/")
    charts = [n.attrs.get("aria-labelledby", "") for n in page.article.find_all("svg")]
    assert [c.split()[0] for c in charts if c] == [
        "rep-chart-entries-title",
        "rep-chart-members-title",
    ]
    assert page.section("Uses recorded") is not None
    assert "No uses have been recorded yet" in page.section("Uses recorded").nodes[-1].text()
    assert not page.article.find_all("ol", cls="rep-most-used")
