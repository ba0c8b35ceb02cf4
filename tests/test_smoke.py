"""The smallest end-to-end check: a minimal site builds and lists its one case."""

from __future__ import annotations


def test_minimal_site_builds_and_indexes_the_case(make_site):
    site = make_site()
    result = site.build()
    assert result.returncode == 0, result.stderr
    assert "First case" in site.html("cases/")
    assert "First case" in site.html("problems/sampling/")
    assert "First case" in site.html("members/ann-lee/")
    assert [e["id"] for e in site.json()["entries"]] == ["cases/first-case"]
