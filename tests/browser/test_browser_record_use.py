"""Recording a use from an entry's page, in a real browser.

Each entry's "I used this" opens the Record a use page with the entry in its address; the
page's script puts the entry into the use file it shows and into the link to GitHub's editor.
The expected file is the one `repertoire new use` starts from (`use_text`, with placeholders for
the member and the day), computed here from the sample's own settings; the link is taken apart
with `urllib`. An address whose entry is not an entry id changes nothing.
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from repertoire_kit.core.authoring.skeletons import use_text
from repertoire_kit.core.load.project import load_project
from tests.support.browser import OpenReader, Reader, SampleModel
from tests.support.sites import Site

PLACEHOLDER = "entry: 'TODO: the id of the entry, as in its address (kind/name)'"
EXAMPLE_COMMAND = "repertoire new use cases/some-case --by your-member-id"


def editor_file(reader: Reader) -> tuple[str, str]:
    """The file name and the file that the page's editor link opens."""
    href = reader.page.locator("a.rep-record-editor").get_attribute("href")
    assert href is not None
    parts = urlsplit(href)
    assert (parts.scheme, parts.netloc) == ("https", "github.com")
    query = parse_qs(parts.query, strict_parsing=True)
    return query["filename"][0], query["value"][0]


def test_i_used_this_opens_the_page_with_the_entry_in_the_file_and_the_link(
    reader: Reader, sample_model: SampleModel, sample_site: Site
) -> None:
    entry = sample_model.entry_in_most_paths()
    reader.open(sample_model.path_of(entry))
    reader.page.get_by_role("link", name="I used this").click()
    reader.page.wait_for_load_state("load")
    assert reader.site_path == "record-use/"

    settings = load_project(sample_site.root / "mkdocs.yml").settings
    expected = use_text(settings, entry["id"])
    name, value = editor_file(reader)
    assert value == expected
    assert name == f"your-member-id-{entry['id'].split('/')[1].replace('_', '-')}.md"
    assert reader.page.locator("code.rep-record-text").inner_text() == expected
    assert reader.page.locator(".rep-record-entry").inner_text() == f"For the entry {entry['id']}."
    command = reader.page.locator("code.rep-record-command").inner_text()
    assert command == f"repertoire new use {entry['id']} --by your-member-id"
    assert reader.errors == []


def test_an_address_without_an_entry_id_leaves_the_placeholder(reader: Reader) -> None:
    for query in ("", "?entry=", "?entry=%3Cscript%3E", "?entry=cases/../../x", "?entry=Cases/X"):
        reader.open(f"record-use/{query}")
        name, value = editor_file(reader)
        assert PLACEHOLDER in value.splitlines(), query
        assert name == "your-member-id-entry.md"
        assert reader.page.locator(".rep-record-entry").is_hidden(), query
        command = reader.page.locator("code.rep-record-command").inner_text()
        assert command == EXAMPLE_COMMAND, query
    assert reader.errors == []


def test_without_javascript_the_page_still_gives_the_file_and_the_editor(
    reader_factory: OpenReader, sample_site: Site
) -> None:
    reader = reader_factory(javascript=False)
    reader.open("record-use/?entry=cases/some-case")
    settings = load_project(sample_site.root / "mkdocs.yml").settings
    name, value = editor_file(reader)
    assert value == use_text(settings, None)
    assert PLACEHOLDER in value.splitlines()
