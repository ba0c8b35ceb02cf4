"""Curated paths: ordered steps with notes, the pager on entry pages, validation, export.

Built through real MkDocs sites; the progress script is exercised in the browser suite, and
here only shown to be an enhancement (the static pages carry every link without it).
"""

from __future__ import annotations

import re
from html import unescape

import pytest

from repertoire_kit.core.pages.assets import ASSETS

ENTRY = (
    "---\ntitle: {title}\nsummary: About {title}.\nproblem_types: [sampling]\n"
    "contributors: [ann-lee]\ndate: 2024-03-0{day}\n{extra}---\n## Context\n\n{words}\n"
)


def entry(title: str, day: int, extra: str = "", words: int = 40) -> str:
    return ENTRY.format(title=title, day=day, extra=extra, words=" ".join(["word"] * words))


def path_file(title: str, steps: list[tuple[str, str]], audience: str = "New auditors") -> str:
    lines = [f"---\ntitle: {title}\nsummary: A route.\naudience: {audience}\nsteps:\n"]
    for entry_id, note in steps:
        lines.append(f"  - entry: {entry_id}\n    note: {note}\n")
    return "".join(lines) + "---\nWhy this path.\n"


THREE_ENTRIES = {
    "repertoire/cases/alpha.md": entry("Alpha", 1, words=400),
    "repertoire/cases/beta.md": entry("Beta", 2, words=200),
    "repertoire/tools/gamma.md": entry("Gamma", 3, words=200),
}


def pager_texts(html: str) -> list[str]:
    """The visible text of each pager block on an entry page."""
    blocks = re.findall(r'<nav class="rep-pager"[^>]*>(.*?)</nav>', html, re.S)
    return [" ".join(unescape(re.sub(r"<[^>]+>", " ", b)).split()) for b in blocks]


@pytest.fixture
def two_path_site(make_site):
    site = make_site(
        {
            **THREE_ENTRIES,
            "repertoire/paths/first-steps.md": path_file(
                "First steps",
                [
                    ("cases/alpha", "Read the context."),
                    ("cases/beta", "Note the sample."),
                    ("tools/gamma", "Try the tool."),
                ],
            ),
            "repertoire/paths/tools-first.md": path_file(
                "Tools first",
                [("tools/gamma", "Start with the tool."), ("cases/beta", "Then a case.")],
            ),
        }
    )
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    return site


def test_path_page_lists_steps_in_order_with_notes_and_reading_time(two_path_site):
    html = two_path_site.html("paths/first-steps/")
    titles = re.findall(r'<h3[^>]* id="[^"]*">\d+\. <a href="([^"]+)">([^<]+)</a>', html)
    assert [t for _, t in titles] == ["Alpha", "Beta", "Gamma"]
    assert [h for h, _ in titles] == [
        "../../cases/alpha/",
        "../../cases/beta/",
        "../../tools/gamma/",
    ]
    notes = ("Read the context.", "Note the sample.", "Try the tool.")
    positions = [html.index(note) for note in notes]
    assert positions == sorted(positions)
    # 400 + 200 + 200 body words (plus headings) at 200 words a minute.
    assert "about 5 min" in html


def test_pager_on_first_middle_and_last_step(two_path_site):
    first = pager_texts(two_path_site.html("cases/alpha/"))
    assert first == ["First steps · step 1 of 3 · Next: Beta →"]
    last_only_in_first = pager_texts(two_path_site.html("cases/alpha/"))
    assert "Previous" not in last_only_in_first[0]
    middle = pager_texts(two_path_site.html("cases/beta/"))
    assert "First steps · step 2 of 3 · ← Previous: Alpha · Next: Gamma →" in middle


def test_entry_in_two_paths_gets_one_pager_per_path(two_path_site):
    pagers = pager_texts(two_path_site.html("tools/gamma/"))
    assert pagers == [
        "First steps · step 3 of 3 · ← Previous: Beta",
        "Tools first · step 1 of 2 · Next: Beta →",
    ]
    beta = pager_texts(two_path_site.html("cases/beta/"))
    assert "Tools first · step 2 of 2 · ← Previous: Gamma" in beta


def test_paths_list_shows_audience_steps_and_reading_time(two_path_site):
    html = two_path_site.html("paths/")
    assert 'data-path="first-steps" data-steps="3"' in html
    assert "New auditors" in html
    assert "3 steps, about 5 min of reading" in html


def test_home_leads_to_every_path_in_one_click(two_path_site):
    html = two_path_site.html("")
    assert 'href="paths/first-steps/"' in html
    assert 'href="paths/tools-first/"' in html


def test_paths_are_exported(two_path_site):
    paths = {p["id"]: p for p in two_path_site.json()["paths"]}
    assert paths["first-steps"]["steps"][1] == {"entry": "cases/beta", "note": "Note the sample."}
    assert paths["tools-first"]["url"] == "https://example.org/test/paths/tools-first/"


def test_static_path_page_works_without_the_progress_script(two_path_site):
    html = two_path_site.html("paths/first-steps/")
    # Every step is a plain link and no control exists until the script adds it.
    assert html.count('class="rep-step"') == 3
    assert "rep-progress-box" not in html
    source = (ASSETS / "paths.js").read_text()
    assert "localStorage" in source and "innerHTML" not in source
    served = (two_path_site.site_dir / "assets/repertoire/repertoire.js").read_text()
    assert source in served
    assert 'src="../../assets/repertoire/repertoire.js"' in html


@pytest.mark.parametrize(
    ("steps", "line", "field", "message"),
    [
        (
            [("cases/alpha", "ok"), ("cases/missing", "gone")],
            8,
            "steps[1].entry",
            "unknown entry 'cases/missing'",
        ),
        (
            [("cases/alpha", "ok"), ("cases/alpha", "again")],
            8,
            "steps[1].entry",
            "'cases/alpha' is already step 1 of this path",
        ),
        (
            [("cases/alpha", "ok"), ("cases/draft", "not yet")],
            8,
            "steps[1].entry",
            "'cases/draft' is a draft",
        ),
        ([("cases/alpha", "ok"), ("cases/beta", "''")], 9, "steps[1].note", "is empty"),
    ],
)
def test_bad_steps_fail_check_and_build_at_the_step_line(make_site, steps, line, field, message):
    site = make_site(
        {
            **THREE_ENTRIES,
            "repertoire/cases/draft.md": entry("Draft", 4, extra="draft: true\n"),
            "repertoire/paths/broken.md": path_file("Broken", steps),
        }
    )
    check = site.check()
    assert check.returncode == 1
    expected = f"repertoire/paths/broken.md:{line}:"
    lines = [line for line in check.stdout.splitlines() if line.startswith(expected)]
    assert lines, check.stdout
    assert f"{field}: {message}" in lines[0]
    build = site.build()
    assert build.returncode != 0
    assert expected in build.stderr


def test_steps_that_are_not_a_list_of_mappings_are_reported(make_site):
    site = make_site(
        {
            **THREE_ENTRIES,
            "repertoire/paths/flat.md": (
                "---\ntitle: Flat\nsummary: S.\naudience: A\nsteps:\n"
                "  - cases/alpha\n  - cases/beta\n---\n"
            ),
        }
    )
    check = site.check()
    assert check.returncode == 1
    assert "repertoire/paths/flat.md:6:5: steps[0]: expected 'entry', 'note'" in check.stdout


def test_gaps_lists_problem_types_no_path_touches(make_site):
    site = make_site(
        {
            **THREE_ENTRIES,
            "repertoire/problems/interviews.md": "---\ntitle: Interviews\n---\nTalking.\n",
            "repertoire/cases/talk.md": entry("Talk", 5).replace("[sampling]", "[interviews]"),
            "repertoire/paths/only-sampling.md": path_file(
                "Only sampling", [("cases/alpha", "One."), ("cases/beta", "Two.")]
            ),
        }
    )
    assert site.build("--strict").returncode == 0
    html = site.html("gaps/")
    section = html.split('id="problem-types-no-curated-path-touches"', 1)[1].split("<h2", 1)[0]
    assert "Interviews" in section and "Sampling" not in section


def test_home_shows_four_path_cards_and_links_to_all_of_them(make_site):
    paths = {
        f"repertoire/paths/path-{n}.md": path_file(
            f"Path {n}", [("cases/alpha", "Read it."), ("cases/beta", "Then this.")]
        )
        for n in range(1, 6)
    }
    site = make_site({**THREE_ENTRIES, **paths})
    result = site.build("--strict")
    assert result.returncode == 0, result.stderr
    html = site.html("")
    assert html.count('class="rep-path-card"') == 4
    assert "All 5 curated paths" in html and 'href="paths/"' in html
