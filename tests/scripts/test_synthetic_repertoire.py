"""The benchmark's synthetic repertoires are valid, shaped as promised, and reproducible.

`scripts/bench` times builds of what `scripts/synthetic.py` generates, so its figures mean
something only if that content passes `repertoire check`, builds strictly with and without the
plugin, has the advertised shape (entries of 300-800 words, a two-level tree of 40 problem
types, 200 members, 1-3 problem types and contributors per entry, links, paths), and is the same
for the same seed. No timing is asserted here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


def _generator() -> ModuleType:
    """scripts/synthetic.py, imported by path as scripts/bench does."""
    spec = importlib.util.spec_from_file_location(
        "synthetic_under_test", ROOT / "scripts" / "synthetic.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


synthetic = _generator()


def _front_matter(text: str) -> tuple[dict[str, Any], str]:
    _, fields, body = text.split("---\n", 2)
    return yaml.safe_load(fields), body


@pytest.fixture(scope="module")
def thirty() -> dict[str, str]:
    """The default shape (40 problem types, 200 members) with 30 entries."""
    return synthetic.repertoire_files(synthetic.Shape(entries=30))


def test_default_shape_passes_repertoire_check(make_site) -> None:
    files = synthetic.project_files(synthetic.Shape(entries=30))
    site = make_site(files=files, base={})
    result = site.check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stdout


def test_small_shape_builds_strictly_with_and_without_the_plugin(make_site) -> None:
    shape = synthetic.Shape(entries=12, members=10, problem_areas=2, subtypes_per_area=2)
    site = make_site(files=synthetic.project_files(shape), base={})
    with_plugin = site.build("--strict")
    assert with_plugin.returncode == 0, with_plugin.stderr
    export = site.json()
    assert len(export["entries"]) == 12
    assert len(export["members"]) == 10
    assert len(export["problem_types"]) == 6
    plain = site.build("--strict", "-f", synthetic.PLAIN_CONFIG, "-d", "site-plain")
    assert plain.returncode == 0, plain.stderr
    assert not (site.root / "site-plain" / "repertoire.json").exists()
    assert (site.root / "site-plain" / "cases").is_dir()


def test_entries_have_the_advertised_shape(thirty: dict[str, str]) -> None:
    entries = {
        path: _front_matter(text)
        for path, text in thirty.items()
        if path.split("/")[0] in synthetic.KIND_FOLDERS
    }
    assert len(entries) == 30
    assert {path.split("/")[0] for path in entries} == set(synthetic.KIND_FOLDERS)
    for path, (fields, body) in entries.items():
        assert synthetic.MIN_WORDS <= synthetic.word_count(body) <= synthetic.MAX_WORDS, path
        assert 1 <= len(fields["problem_types"]) <= 3, path
        assert 1 <= len(fields["contributors"]) <= 3, path
        assert body.lstrip().startswith("## "), path
    assert any("related" in fields for fields, _ in entries.values())
    assert any(path.startswith("paths/") for path in thirty)


def test_problem_types_form_a_two_level_tree_of_forty(thirty: dict[str, str]) -> None:
    problems = {
        Path(path).stem: _front_matter(text)[0]
        for path, text in thirty.items()
        if path.startswith("problems/")
    }
    assert len(problems) == 40
    roots = {pid for pid, fields in problems.items() if "parent" not in fields}
    assert len(roots) == 8
    assert all(
        fields.get("parent") in roots for pid, fields in problems.items() if pid not in roots
    )
    assert sum(path.startswith("members/") for path in thirty) == 200


def test_same_seed_same_files_other_seed_other_files() -> None:
    shape = synthetic.Shape(entries=20)
    again = synthetic.Shape(entries=20)
    other = synthetic.Shape(entries=20, seed=shape.seed + 1)
    assert synthetic.project_files(shape) == synthetic.project_files(again)
    assert synthetic.project_files(shape) != synthetic.project_files(other)
