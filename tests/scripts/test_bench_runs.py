"""`scripts/bench` runs from a clean checkout and reports what the docs say it reports.

Not a timed test: the figures are not checked against the targets (that is the benchmark's own
job, on real sizes). This proves that the command documented in the README and the plugin
reference works end to end on a tiny repertoire: it builds with and without the plugin, runs
`repertoire check`, times every event method of the plugin (including `on_env`, where the
sanitiser runs), and writes the JSON figures; a build failure would exit 2.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import build_env

REPO = Path(__file__).resolve().parents[2]


def test_the_benchmark_runs_on_a_tiny_repertoire(tmp_path: Path) -> None:
    figures = tmp_path / "bench.json"
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "bench"), "--sizes", "12", "--repeat", "1",
         "--json", str(figures)],
        cwd=REPO, capture_output=True, text=True, env=build_env(), timeout=600,
    )
    assert result.returncode in (0, 1), result.stderr  # 1: a target fails at this tiny size
    data = json.loads(figures.read_text(encoding="utf-8"))
    assert data["error"] is None
    (size,) = data["results"]
    assert size["entries"] == 12 and size["pages"] > 12
    assert {"on_files", "on_env", "on_page_markdown", "on_page_content"} <= set(size["plugin_events"])
    assert {target["name"] for target in data["targets"]} >= {"plugin share"}
    assert "| entries | pages built |" in result.stdout
