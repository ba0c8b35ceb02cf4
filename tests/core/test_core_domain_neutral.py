"""The package speaks for any community: no word of the sample's practice in its code,
messages, templates, skeletons or defaults.

The sample community (public-sector internal audit) keeps its wording in its own files:
repertoire/, mkdocs.yml, and contributing-examples.yml for the members' guide. A hint that
names a kind of entry names a configured one.
"""

from __future__ import annotations

import re
from pathlib import Path

from repertoire_kit.cli.main import main
from tests.support.sites import ROOT

PACKAGE = ROOT / "plugins" / "repertoire_kit"
# The sample's domain: internal audit in ministries (any form: audit, auditor, audited, ...).
DOMAIN = re.compile(
    r"\b(audit\w*|auditors?|ministry|ministries|internal audit unit|findings?|"
    r"internal audit exchange)\b",
    re.IGNORECASE,
)


def package_texts() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    ]


def test_the_package_has_no_word_of_the_samples_domain():
    hits = []
    for path in package_texts():
        text = path.read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            for match in DOMAIN.finditer(line):
                hits.append(f"{path.relative_to(ROOT)}:{number}: {match.group(0)}")
    assert hits == []


def test_the_scanner_sees_the_words_it_must_catch():
    for text in ("an Auditor", "the audit plan", "Ministry of Health", "unpublished findings"):
        assert DOMAIN.search(text), text
    for text in ("a finder", "ministrations", "sampling"):
        assert not DOMAIN.search(text), text


def test_a_hint_names_the_kind_asked_for(tmp_path: Path, capsys, monkeypatch):
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ndocs_dir: docs\nplugins:\n  - repertoire:\n      kinds:\n"
        "        - {folder: methods, singular: method, plural: methods}\n",
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    code = main(["new", "method"])
    assert code == 2
    assert 'repertoire new method "' in capsys.readouterr().err
