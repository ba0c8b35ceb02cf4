"""What the built site will hold: every page and file, by docs path and by address.

A link in a body names either a docs path (`../tools/x.md`, `roster.png`), which MkDocs checks
and rewrites, or an address on the site (`../x/`, and anything in raw HTML), which reaches the
browser as written. Both are resolved here against the same set: the contributed files that are
published, the pages the plugin generates (including pages of a paginated listing,
`<kind folder>/page/<n>.md` and `problems/<id>/page/<n>.md`), and the files it writes
(`repertoire.json`, `feed.xml`, the schemas).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable

from ..authoring.json_schema import schema_file_name
from ..contract.schemas import record_schemas
from ..settings import PROBLEMS_DIR, Settings
from . import urls
from .registry import generated_paths

_INDEX_NAMES = ("index.md", "README.md")


class SiteMap:
    """The site's pages and files, and the address of each."""

    def __init__(
        self,
        settings: Settings,
        docs_paths: Iterable[str],
        problems: Iterable[str] = (),
        drafts: Iterable[str] = (),
    ) -> None:
        self.settings = settings
        schemas = (f"{urls.SCHEMAS_DIR}/{schema_file_name(s)}" for s in record_schemas(settings))
        # Every docs path the plugin writes itself (pages and files).
        self.generated = frozenset((*generated_paths(settings), *schemas))
        self.paths = frozenset(docs_paths) | self.generated
        self.problems = frozenset(problems)
        # Docs paths of draft entries: left out of a build that does not publish drafts.
        self.drafts = frozenset(drafts)
        self.by_url: dict[str, str] = {}
        for docs_path in sorted(self.paths):
            for key in self._url_keys(docs_path):
                self.by_url.setdefault(key, docs_path)

    def _is_paginated(self, docs_path: str) -> bool:
        """`<kind folder>/page/<n>.md` or `problems/<id>/page/<n>.md`: a page of a long listing."""
        parts = docs_path.split("/")
        if len(parts) < 3 or parts[-2] != "page":
            return False
        number = parts[-1].removesuffix(".md")
        if not (parts[-1].endswith(".md") and number.isdigit() and not number.startswith("0")):
            return False
        if len(parts) == 3:
            return self.settings.kind_for_folder(parts[0]) is not None
        return len(parts) == 4 and parts[0] == PROBLEMS_DIR and parts[1] in self.problems

    def page_url(self, docs_path: str) -> str:
        """The site-relative address of a docs path (`cases/x/`, `` for the home page)."""
        folder, _, name = docs_path.rpartition("/")
        if name in _INDEX_NAMES:
            docs_path = f"{folder}/index.md".lstrip("/")
        return urls.page_url(docs_path, self.settings.use_directory_urls)

    def _url_keys(self, docs_path: str) -> list[str]:
        """The addresses (without a final '/') at which a browser reaches a docs path."""
        url = self.page_url(docs_path)
        if not docs_path.endswith(".md"):
            return [url]
        keys = [url.rstrip("/")]
        if self.settings.use_directory_urls:
            keys.append(f"{url}index.html")
        elif url.endswith("index.html"):
            keys.append(url[: -len("index.html")].rstrip("/"))
        return keys

    def exists(self, docs_path: str) -> bool:
        """Whether the site has a page or file made from (or generated at) this docs path."""
        return docs_path in self.paths or self._is_paginated(docs_path)

    def at_url(self, url: str) -> str | None:
        """The docs path published at a site-relative address, if any."""
        key = posixpath.normpath(url).strip("/") if url else ""
        key = "" if key == "." else key
        found = self.by_url.get(key)
        if found is not None:
            return found
        stem = key.removesuffix(".html") if not self.settings.use_directory_urls else key
        candidate = f"{stem}.md"
        return candidate if self._is_paginated(candidate) else None

    def is_generated(self, docs_path: str) -> bool:
        """Whether the plugin makes this page or file (no contributed file behind it)."""
        return docs_path in self.generated or self._is_paginated(docs_path)

    def page_urls(self) -> dict[str, str]:
        """Address (without a final '/') → docs path, for every Markdown page, for suggestions."""
        return {self.page_url(p).rstrip("/"): p for p in self.paths if p.endswith(".md")}
