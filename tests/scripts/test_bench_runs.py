"""`scripts/bench` runs from a clean checkout and reports what the docs say it reports.

Not a timed test: the figures are not checked against the targets (that is the benchmark's own
job, on real sizes, and speed never goes in a timed test). This proves that the command
documented in scripts/BENCHMARK.md works end to end on a tiny repertoire: it builds with and
without the plugin in their own processes, runs `repertoire check`, starts `mkdocs serve` with
each config and times a rebuild after a save, stops the servers and restores the saved entry,
prints every target, and writes every figure to the JSON file as a number; a failed build or
server would exit 2.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

from tests.support.sites import build_env

REPO = Path(__file__).resolve().parents[2]
BUILD_FIELDS = {
    "wall_s",
    "cpu_s",
    "max_rss_bytes",
    "site_bytes",
    "search_index_bytes",
    "html_pages",
}


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def test_the_benchmark_runs_on_a_tiny_repertoire(tmp_path: Path) -> None:
    figures, kept = tmp_path / "bench.json", tmp_path / "kept"
    result = subprocess.run(
        [
            sys.executable,
            str(REPO / "scripts" / "bench"),
            "--sizes",
            "6,12",
            "--repeat",
            "1",
            "--json",
            str(figures),
            "--keep",
            str(kept),
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=build_env(),
        timeout=600,
    )
    assert result.returncode in (0, 1), result.stdout + result.stderr  # 1: a target fails here
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert data["error"] is None

    assert [size["entries"] for size in data["results"]] == [6, 12]
    for size in data["results"]:
        for build in (size["plugin"], size["plain"]):
            assert set(build) == BUILD_FIELDS
            assert all(_is_number(value) and value > 0 for value in build.values()), build
        assert size["plugin"]["html_pages"] > size["plain"]["html_pages"]  # the generated pages
        assert _is_number(size["check_wall_s"]) and _is_number(size["check_cpu_s"])

    serve = data["serve"]
    assert serve["entries"] == 6  # 1,000 is not measured here, so the smallest size
    for config in ("plugin", "plain"):
        assert all(_is_number(serve[config][name]) for name in ("rebuild_s", "build_s", "cpu_s"))
        assert serve[config]["rebuild_s"] >= serve[config]["build_s"] > 0
    saved = kept / "repertoire-6" / serve["saved_entry"]
    assert "The benchmark added this sentence" not in saved.read_text(encoding="utf-8")

    targets = {target["name"]: target for target in data["targets"]}
    expected = {
        "build at 6",
        "build at 12",
        "scaling 6 -> 12",
        "serve rebuild at 6",
        "search index at 6",
        "site size at 6",
        "peak memory at 6",
        "search index at 12",
        "site size at 12",
        "peak memory at 12",
        "check at 5,000",
    }
    assert set(targets) == expected
    for name, target in targets.items():
        assert _is_number(target["limit"])
        if name == "check at 5,000":  # 5,000 entries were not measured
            assert target["figure"] is None and target["holds"] is None
        else:
            assert _is_number(target["figure"]), target
    assert targets["serve rebuild at 6"]["holds"] is None  # judged at 1,000 entries only

    out = result.stdout
    assert "| entries | build | HTML pages | wall s | CPU s | peak memory MB |" in out
    assert "| 6 | plugin / plain |" in out
    assert "`mkdocs serve` at 6 entries" in out
    for name in expected:
        assert any(
            line.startswith(("PASS ", "FAIL ", "NOT JUDGED ")) and f" {name}: " in line
            for line in out.splitlines()
        ), name
