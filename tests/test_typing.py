"""The package type-checks under mypy --strict (configured in pyproject.toml).

Typed code is a project standard; this keeps it one, instead of a wish.
"""

from __future__ import annotations

import subprocess
import sys

from tests.support.sites import ROOT


def test_package_passes_mypy_strict():
    result = subprocess.run(
        [sys.executable, "-m", "mypy"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
