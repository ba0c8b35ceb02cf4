"""The exports are handed to MkDocs as files in a temporary folder, which goes with the build."""

from __future__ import annotations

import json
from pathlib import Path

from repertoire_kit.mkdocs_adapter.spool import Spool
from tests.support.sites import build_env


def test_a_build_leaves_the_exports_in_the_site_and_no_temporary_folder(
    make_site, tmp_path: Path
) -> None:
    site = make_site()
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    env = {**build_env(), "TMPDIR": str(temporary)}
    result = site.build("--strict", env=env)
    assert result.returncode == 0, result.stderr
    assert [e["id"] for e in site.json()["entries"]] == ["cases/first-case"]
    assert json.loads((site.site_dir / "explore.json").read_text())["entries"]
    assert (site.site_dir / "feed.xml").read_bytes().startswith(b"<?xml")
    assert list(temporary.iterdir()) == []


def test_a_strict_build_that_aborts_late_removes_the_temporary_folder_too(
    make_site, tmp_path: Path
) -> None:
    # MkDocs warns about a nav entry without a file only after the plugin wrote its exports.
    site = make_site(config="nav:\n  - Home: index.md\n  - Gone: gone.md\n")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    result = site.build("--strict", env={**build_env(), "TMPDIR": str(temporary)})
    assert result.returncode != 0 and "gone.md" in result.stderr
    assert list(temporary.iterdir()) == []


def test_spool_writes_below_one_folder_and_removes_it() -> None:
    spool = Spool()
    written = Path(spool.write("schemas/entry.json", "{}"))
    assert written.read_text() == "{}" and written.parent.name == "schemas"
    folder = spool.folder
    assert folder is not None and written.is_relative_to(folder)
    spool.remove()
    assert not folder.exists() and spool.folder is None
    spool.remove()  # nothing left: nothing happens
