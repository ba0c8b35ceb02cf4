"""`repertoire generate` on a small fixture matches committed copies, file by file.

tests/golden/minimal/ is a tiny project with one record of each type (and a draft, which must
stay out); tests/golden/minimal.generated/ holds what `repertoire generate` writes for it. A
change to any layout, fragment, view, export or the feed shows up as a diff of those files,
for a reviewer to read. The plugin's stylesheet and scripts are copied verbatim and are
left out here (their diff is their own).

After an intended change, regenerate the committed copies with one command and review them:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/core/test_generate_golden.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from repertoire_kit.cli.main import main
from tests.support.sites import ROOT

FIXTURE = ROOT / "tests" / "golden" / "minimal"
GOLDEN = ROOT / "tests" / "golden" / "minimal.generated"
COPIED_VERBATIM = "docs/assets/repertoire/"
# "Today" of the generated pages that judge time (Due for review): a fixed day, not the
# session's, so that the committed copies stay valid whenever the test runs.
GOLDEN_DAY_EPOCH = "1781524800"  # 2026-06-15 12:00 UTC


def _files(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not path.relative_to(folder).as_posix().startswith(COPIED_VERBATIM)
    }


def test_generate_writes_the_committed_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", GOLDEN_DAY_EPOCH)
    out = tmp_path / "generated"
    assert main(["--config", str(FIXTURE / "mkdocs.yml"), "generate", str(out)]) == 0
    written = _files(out)
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in written.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    committed = _files(GOLDEN)
    assert sorted(written) == sorted(committed), "files added or gone; see the module docstring"
    for name, text in written.items():
        assert text == committed[name], f"{name} changed; see the module docstring to regenerate"


def test_the_fixture_is_small_and_has_every_record_type() -> None:
    folders = {path.parent.name for path in (FIXTURE / "repertoire").rglob("*.md")}
    assert {"cases", "stories", "tools", "members", "problems", "paths"} <= folders
