"""Every Markdown file of the docs folder has a place, or is reported.

A Markdown file is a record (directly in a record folder: cases/, members/, ...), the home page,
or a page a site maintainer placed: listed in mkdocs.yml's `nav`, or under the plugin's `pages`
option (`reference/` by default). Anything else would be published as a loose page whose front
matter nobody checks and that no cross-index lists: an entry in `case/` or `Cases/` looks
published to its author and is missing from every listing. Those are errors, with the record
folder the file was probably meant for.
"""

from __future__ import annotations

from ..diagnostics import Diagnostics
from ..settings import Settings
from ..suggest import closest
from .files import INDEX_PAGES, DocsFile, output_path


def check_placement(
    files: list[DocsFile],
    shown_prefix: str,
    settings: Settings,
    diags: Diagnostics,
    generated: tuple[str, ...] = (),
) -> None:
    """Report each Markdown file that is neither a record, the home page nor a placed page.

    `shown_prefix` is the docs folder as paths are printed (`repertoire/`), so that a hint
    naming where to move a file writes it the same way. A file at a `generated` page's
    address is left alone: it is reported as taking that page.
    """
    folders = settings.record_folders
    taken = {output_path(page) for page in generated}
    for docs_file in files:
        if not docs_file.is_markdown or output_path(docs_file.docs_path) in taken:
            continue
        docs_path = docs_file.docs_path
        parts = docs_path.split("/")
        path = shown_prefix + docs_path
        if parts[0] in folders:
            if len(parts) > 2:
                diags.file_error(
                    path,
                    f"Markdown files in {parts[0]}/ must sit directly in that folder",
                    f"move it to {shown_prefix}{parts[0]}/{parts[-1]}",
                )
            continue
        if docs_path in INDEX_PAGES or settings.is_maintainers_page(docs_path):
            continue
        meant = closest(parts[0], folders) if len(parts) > 1 else []
        if meant:
            diags.file_error(
                path,
                f"'{parts[0]}/' is not a folder of the repertoire, so this file would be "
                "published unchecked and missing from every listing",
                f"did you mean '{meant[0]}/'? move it to {shown_prefix}{meant[0]}/{parts[-1]}",
            )
        else:
            entries = ", ".join(f"{shown_prefix}{kind.folder}/" for kind in settings.kinds)
            diags.file_error(
                path,
                "this page has no place on the site: it is not in a folder of the repertoire, "
                "not the home page, and no maintainer listed it",
                f"an entry goes in {entries}; a maintainer lists a page of their own under the "
                "repertoire plugin's `pages` option or in the nav of mkdocs.yml",
            )
