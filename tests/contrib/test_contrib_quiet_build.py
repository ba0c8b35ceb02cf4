"""A build or a preview of a repertoire prints no MkDocs 2.0 banner, with or without the Makefile.

mkdocs-material prints its notice when the `mkdocs` command imports the theme, before any
plugin is loaded, unless NO_MKDOCS_2_WARNING is set; `repertoire build` and `repertoire serve`
run MkDocs with it set. Every run here starts without the variable, as a steward's shell does.
"""

from __future__ import annotations

import os
import socket
import subprocess
import time

from repertoire_kit.cli.engine import engine_environment
from tests.support.sites import MKDOCS, REPERTOIRE, SESSION_EPOCH

BANNER = "NO_MKDOCS_2_WARNING"  # the last line of the notice says how to switch it off


def plain_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "NO_MKDOCS_2_WARNING"}
    env["SOURCE_DATE_EPOCH"] = str(SESSION_EPOCH)
    return env


def run(site, *command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(command), cwd=site.root, capture_output=True, text=True, env=plain_env(), timeout=300
    )


def test_the_mkdocs_command_alone_prints_the_banner(make_site):
    """The control: without the variable, plain `mkdocs build` shows it (if this fails,
    mkdocs-material has dropped its notice and `repertoire build` can become plain MkDocs)."""
    result = run(make_site(), *MKDOCS, "build", "--strict")
    assert result.returncode == 0, result.stderr
    assert BANNER in result.stdout + result.stderr


def test_repertoire_build_builds_strictly_without_the_banner(make_site):
    site = make_site()
    result = run(site, *REPERTOIRE, "build", "--strict", "--site-dir", "out")
    assert result.returncode == 0, result.stderr
    assert BANNER not in result.stdout + result.stderr
    assert "Material for MkDocs" not in result.stdout + result.stderr
    assert (site.root / "out" / "cases" / "first-case" / "index.html").is_file()


def test_repertoire_build_passes_mkdocs_its_exit_code_and_options(make_site):
    site = make_site({"repertoire/cases/first-case.md": "no front matter\n"})
    result = run(site, *REPERTOIRE, "build", "--strict")
    assert result.returncode == 1
    assert "front matter" in result.stderr
    assert BANNER not in result.stdout + result.stderr


def test_repertoire_serve_previews_without_the_banner(make_site):
    site = make_site()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [*REPERTOIRE, "serve", "--dev-addr", f"127.0.0.1:{port}", "--no-livereload"],
        cwd=site.root,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=plain_env(),
    )
    lines: list[str] = []
    try:
        deadline = time.monotonic() + 120
        assert server.stdout is not None
        while time.monotonic() < deadline:
            line = server.stdout.readline()
            if not line:
                break
            lines.append(line)
            if "Serving on" in line:
                break
    finally:
        server.terminate()
        server.wait(timeout=30)
    output = "".join(lines)
    assert "Serving on" in output, output
    assert BANNER not in output
    with socket.socket() as again:  # stopping `repertoire serve` stopped the server itself
        again.bind(("127.0.0.1", port))


def test_no_mkdocs_2_warning_is_only_a_default():
    assert engine_environment({})["NO_MKDOCS_2_WARNING"] == "1"
    assert engine_environment({"NO_MKDOCS_2_WARNING": ""})["NO_MKDOCS_2_WARNING"] == ""
