"""Path progress in a real browser: the reader ticks steps done, with the mouse or the keyboard,
and the ticks, the counts on the path page and on the paths list survive a reload. The state is
the documented localStorage value, so other tools can read it too.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from tests.support.browser import Reader, SampleModel

if TYPE_CHECKING:
    from playwright.sync_api import Locator


def step_box(reader: Reader, number: int) -> Locator:
    return reader.page.locator(f'.rep-step[data-step="{number}"] input.rep-progress-box')


def summary(reader: Reader) -> str:
    return reader.page.locator(".rep-progress-summary").first.inner_text().strip()


def test_ticked_steps_survive_a_reload(reader: Reader, sample_model: SampleModel) -> None:
    path = sample_model.first_path()
    total = len(path["steps"])
    reader.open(sample_model.path_of(path))
    assert reader.page.locator("input.rep-progress-box").count() == total
    assert summary(reader) == f"0 of {total} steps done"

    step_box(reader, 1).check()
    step_box(reader, total).check()
    assert summary(reader) == f"2 of {total} steps done"

    reader.reload()
    assert step_box(reader, 1).is_checked()
    assert step_box(reader, total).is_checked()
    assert not step_box(reader, 2).is_checked()
    assert summary(reader) == f"2 of {total} steps done"
    stored = reader.page.evaluate(f"localStorage.getItem('repertoire:path:{path['id']}')")
    ends = [path["steps"][0]["entry"], path["steps"][-1]["entry"]]
    assert sorted(json.loads(stored)) == sorted(ends)

    step_box(reader, 1).uncheck()
    reader.reload()
    assert not step_box(reader, 1).is_checked()
    assert summary(reader) == f"1 of {total} steps done"
    assert reader.errors == []


def test_the_paths_list_shows_each_paths_progress(
    reader: Reader, sample_model: SampleModel
) -> None:
    path = sample_model.first_path()
    reader.open(sample_model.path_of(path))
    step_box(reader, 2).check()
    reader.open("paths/")
    for listed in sample_model.data["paths"]:
        card = reader.page.locator(f'.rep-path-card[data-path="{listed["id"]}"]')
        done = 1 if listed["id"] == path["id"] else 0
        assert card.locator(".rep-progress-summary").inner_text().strip() == (
            f"{done} of {len(listed['steps'])} steps done"
        )
    assert reader.errors == []


def test_steps_are_ticked_with_the_keyboard(reader: Reader, sample_model: SampleModel) -> None:
    """Tab reaches every box in step order, and Space ticks the focused one."""
    path = sample_model.first_path()
    total = len(path["steps"])
    page = reader.open(sample_model.path_of(path))
    reached: list[str] = []
    for _ in range(400):
        page.keyboard.press("Tab")
        entry = page.evaluate(
            "document.activeElement.matches('input.rep-progress-box')"
            " ? document.activeElement.dataset.entry : null"
        )
        if entry:
            if not reached:
                page.keyboard.press("Space")
            reached.append(entry)
        if len(reached) == total:
            break
    assert reached == [step["entry"] for step in path["steps"]]
    assert step_box(reader, 1).is_checked()
    assert summary(reader) == f"1 of {total} steps done"
