"""Links that open GitHub's web editor on a new file, prefilled: a contribution from a browser.

Recording a use is the smallest contribution there is, and many members never clone the
repository. Where the site's `repo_url` is a GitHub repository, the Record a use page links to
`https://github.com/OWNER/REPO/new/BRANCH/DOCS/uses?filename=…&value=…`, which opens the web
editor with the same file `repertoire new use` writes (`skeletons.use_text`). It is a link, not
a request: nothing is fetched while the page is read. Each entry's "I used this" opens that page
with the entry in its address (`?entry=cases/x`), and the page's script puts the entry into
the file and the link (`record-use.js`), so entry pages do not each carry a whole file.

The branch and the folder come from `edit_uri`, as the site's "edit this page" links do
(MkDocs' own default for GitHub, `edit/master/docs/`, included), so the two kinds of link
agree. An `edit_uri` of another shape leaves the branch `main` and the folder `docs_dir`.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import PurePath
from urllib.parse import quote, urlsplit

from ..settings import USES_DIR, Settings
from .skeletons import use_text

GITHUB_HOST = "github.com"
# MkDocs fills in this `edit_uri` for a GitHub `repo_url` when mkdocs.yml has none.
MKDOCS_DEFAULT_EDIT_URI = "edit/master/docs/"
FALLBACK_BRANCH = "main"
_REPOSITORY = re.compile(r"^/([A-Za-z0-9_.-]+)/([A-Za-z0-9_.-]+?)(?:\.git)?/?$")
_EDIT_URI = re.compile(r"^/?(?:edit|blob)/([^/?#]+)/([^?#]*)$")
# The file name a member starts from; the web editor lets them change it.
NEW_USE_NAME = "your-member-id-{entry}.md"
# Left as they are in the prefilled file: a query may hold them (RFC 3986), and they are
# common in it (`entry: cases/x`, `Organisation (Country)`), so the link stays readable.
# Encoded still: `& = ; + # % ?` (query parsers split on, decode or end at them), `'` (HTML
# escaping would lengthen it to `&#39;`), and space, as `%20`.
QUERY_SAFE = "/:,()@!$*"


def new_file_base(repo_url: str | None, edit_uri: str | None, docs_dir: str) -> str:
    """`https://github.com/OWNER/REPO/new/BRANCH/DOCS`, or "" when `repo_url` is not a
    GitHub repository (or `edit_uri` is set to an empty value: edit links are off).

    `docs_dir` is the docs folder relative to the repository's root, as mkdocs.yml names it.
    """
    if not repo_url:
        return ""
    parts = urlsplit(repo_url.strip())
    repository = _REPOSITORY.match(parts.path)
    if parts.scheme != "https" or parts.netloc.lower() != GITHUB_HOST or not repository:
        return ""
    edit_uri = (MKDOCS_DEFAULT_EDIT_URI if edit_uri is None else edit_uri).strip()
    if not edit_uri:
        return ""
    shape = _EDIT_URI.match(edit_uri)
    branch, folder = shape.groups() if shape else (FALLBACK_BRANCH, docs_dir)
    folder = posixpath.normpath(folder.strip("/")) if folder.strip("/") else ""
    owner, name = repository.groups()
    path = "/".join(part for part in (owner, name, "new", branch, folder) if part)
    return f"https://{GITHUB_HOST}/{quote(path)}"


def docs_folder(docs_dir: str, config_file: str | None) -> str:
    """The docs folder relative to mkdocs.yml's folder (MkDocs holds it as an absolute path)."""
    if config_file and PurePath(docs_dir).is_absolute():
        return posixpath.relpath(
            PurePath(docs_dir).as_posix(), PurePath(config_file).parent.as_posix()
        )
    return PurePath(docs_dir).as_posix()


def new_use_url(settings: Settings, entry_id: str | None) -> str | None:
    """The editor on a new use of an entry (or of one still to name), or None when the site
    is not on GitHub."""
    if not settings.github_new_file:
        return None
    name = NEW_USE_NAME.format(
        entry=entry_id.rsplit("/", 1)[-1].replace("_", "-") if entry_id else "entry"
    )
    text = use_text(settings, entry_id)
    return (
        f"{settings.github_new_file}/{USES_DIR}"
        f"?filename={quote(name, safe=QUERY_SAFE)}&value={quote(text, safe=QUERY_SAFE)}"
    )
