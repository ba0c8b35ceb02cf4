"""URLs in front matter are held to the contract: member links are `https:` or `mailto:` only,
avatars an `https:` URL or an image path inside the docs folder.

Every scheme a browser could run or embed (`javascript:`, `data:`, `vbscript:`), in any case,
split by a tab, entity-encoded or with a leading space, is refused with the exact diagnostic at
the value's line and column, and so are plain `http:`, scheme-relative URLs and a value trying to
close the attribute it will be written into. An accepted link reaches the page percent-encoded.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.support.crossindex_html import parse_html
from tests.support.security import check_lines
from tests.support.sites import Site

LINK_REFUSED = [
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "&#106;avascript:alert(1)",
    "java\tscript:alert(1)",
    "http://plain.example/",
    "//evil.example/x",
    'https://ok.example/" onclick="x',
    "https://example.org/a b",
]
AVATAR_REFUSED = {
    "javascript:alert(1)": "is not an https URL or a path inside the docs folder",
    "data:image/png;base64,AAAA": "is not an https URL or a path inside the docs folder",
    "../../../etc/passwd.png": "is not an https URL or a path inside the docs folder",
    "/etc/x.png": "is not an https URL or a path inside the docs folder",
    "http://x.example/a.png": "is not an https URL or a path inside the docs folder",
    "pic.html": "is not an image file",
}


def member(field_lines: str) -> dict[str, str]:
    return {"repertoire/members/bo.md": f"---\nname: Bo\n{field_lines}---\nBio.\n"}


def yaml_single_quoted(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


@pytest.mark.parametrize("url", LINK_REFUSED)
def test_a_member_link_with_another_scheme_is_refused(
    make_site: Callable[..., Site], url: str
) -> None:
    site = make_site(member(f"links:\n  - label: Site\n    url: {yaml_single_quoted(url)}\n"))
    expected = (
        f"repertoire/members/bo.md:5:10: links[0].url: '{url}' is not an allowed link "
        "(links must start with https: or mailto:)"
    )
    assert check_lines(site.root) == [expected]


@pytest.mark.parametrize("avatar", sorted(AVATAR_REFUSED))
def test_an_avatar_outside_the_contract_is_refused(
    make_site: Callable[..., Site], avatar: str
) -> None:
    site = make_site(member(f"avatar: {yaml_single_quoted(avatar)}\n"))
    assert [line.split(" (", 1)[0] for line in check_lines(site.root)] == [
        f"repertoire/members/bo.md:3:9: avatar: '{avatar}' {AVATAR_REFUSED[avatar]}"
    ]


def test_an_accepted_link_is_percent_encoded_on_the_page(make_site: Callable[..., Site]) -> None:
    url = 'https://example.org/ab?q=<x>&y="z"\''
    site = make_site(member(f"links:\n  - label: Site\n    url: {yaml_single_quoted(url)}\n"))
    assert check_lines(site.root) == []
    assert site.build("--strict").returncode == 0
    anchors = parse_html(site.html("members/bo/")).find_all("a")
    assert "https://example.org/ab?q=%3Cx%3E&y=%22z%22%27" in [a.attrs.get("href") for a in anchors]
