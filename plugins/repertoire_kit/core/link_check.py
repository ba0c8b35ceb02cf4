"""Every link, image and anchor of every Markdown body, checked against the site it will be in.

The build would fail, or publish a broken link, for each of these; the check reports them at
their line and column with the nearest existing target:

- a link or image to a docs path that does not exist (what MkDocs warns about, without a line);
- a relative link written as a site address (`../other-entry/`) that leads to no page, and
  the same for raw `<a href>` and `<img src>` (MkDocs does not look at those at all);
- a link to a draft from a page that is published: the draft is left out of the build;
- a link starting with `/` (it leaves the site once the site is published under a folder);
- an anchor (`page.md#heading`, `#heading`) that the target page does not have, its generated
  headings included (`core.anchors`);
- a reference-style link whose label nothing defines.

External URLs (with a scheme or a host) are never fetched.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import Iterable
from urllib.parse import unquote, urlsplit

from . import urls
from .anchors import PageAnchors
from .diagnostics import Diagnostics, Position
from .markdown_links import LinkTarget, MissingReference, find_links
from .site_map import SiteMap
from .suggest import closest, phrase

_LISTED_ANCHORS = 6


@dataclass(frozen=True)
class Body:
    """A Markdown body to check: the file as printed, its docs path, the text and where it
    starts in the file, and whether the page is a draft (a draft may link to drafts)."""

    path: str
    docs_path: str
    text: str
    first_line: int
    draft: bool = False


@dataclass(frozen=True)
class _Resolved:
    """Where a target leads: a docs path, or the address that has no page."""

    docs_path: str | None
    by_address: bool  # resolved as a site address (not rewritten by MkDocs)
    address: str  # the site-relative address it leads to, or the docs path it names


class LinkChecker:
    """Checks bodies against one site; `shown_prefix` is the docs folder as paths are printed."""

    def __init__(self, site: SiteMap, anchors: PageAnchors, shown_prefix: str,
                 diags: Diagnostics) -> None:
        self.site = site
        self.anchors = anchors
        self.shown_prefix = shown_prefix
        self.diags = diags
        self._page_urls: dict[str, str] | None = None

    def check(self, bodies: Iterable[Body]) -> None:
        """Report every broken target of every body."""
        for body in bodies:
            found = find_links(body.text, body.first_line)
            for target in found.targets:
                self._check_target(body, target)
            for reference in found.missing:
                self._missing_reference(body, reference, found.labels)

    # ----- one target ----------------------------------------------------------------------

    def _check_target(self, body: Body, target: LinkTarget) -> None:
        written = target.target.strip()
        parts = urlsplit(written)
        if parts.scheme or parts.netloc or not written:
            return  # external (never fetched), or an empty target
        if written.startswith(("/", "\\")):
            self._absolute(body, target, written)
            return
        if not parts.path:
            if parts.fragment:
                self._check_anchor(body, target, body.docs_path, parts.fragment, "")
            return
        resolved = self._resolve(body, target, unquote(parts.path))
        if resolved is None:
            self._error(body, target, f"{target.what} '{written}' leads above the docs folder",
                        "link to a page or file inside the docs folder")
            return
        if resolved.docs_path is None:
            self._not_found(body, target, written, resolved)
            return
        if self._hidden_draft(body, resolved.docs_path):
            self._error(
                body, target,
                f"{target.what} '{written}' points to the draft "
                f"{self.shown_prefix}{resolved.docs_path}, which is left out of the site",
                "link to it once it is published (its 'draft: true' line deleted)",
            )
            return
        if parts.fragment:
            before_fragment = written.split("#", 1)[0]
            self._check_anchor(body, target, resolved.docs_path, parts.fragment, before_fragment)

    def _resolve(self, body: Body, target: LinkTarget, path: str) -> _Resolved | None:
        """Follow a relative target as the site does; None when it leaves the docs folder.

        MkDocs rewrites a Markdown target that names a file (it has an extension) relative to
        the docs path; anything else (`../x/`, and every raw HTML target) is left to the
        browser, relative to the page's address.
        """
        if target.raw_html or not posixpath.splitext(path)[1]:
            base = posixpath.dirname(self.site.page_url(body.docs_path))
            address = posixpath.normpath(posixpath.join(base, path))
            if address.startswith(".."):
                return None
            address = "" if address == "." else address
            shown = address + ("/" if path.endswith("/") and address else "")
            return _Resolved(self.site.at_url(address), True, shown)
        docs_path = posixpath.normpath(posixpath.join(posixpath.dirname(body.docs_path), path))
        if docs_path.startswith(".."):
            return None
        found = docs_path if self.site.exists(docs_path) else None
        return _Resolved(found, False, docs_path)

    def _hidden_draft(self, body: Body, docs_path: str) -> bool:
        return (docs_path in self.site.drafts and not body.draft
                and not self.site.settings.drafts_published)

    # ----- reports --------------------------------------------------------------------------

    def _error(self, body: Body, target: LinkTarget, message: str, hint: str) -> None:
        self.diags.error(body.path, Position(target.line, target.col), "body", message, hint)

    def _not_found(self, body: Body, target: LinkTarget, written: str, resolved: _Resolved) -> None:
        suffix = written[len(written.split("#", 1)[0].split("?", 1)[0]):]
        if resolved.by_address:
            where = f"{resolved.address or './'}, which is not on the site"
            if target.raw_html and resolved.address.endswith(".md"):
                message = (f"{target.what} '{written}' names a Markdown file, but raw HTML is "
                           f"not rewritten: on the site it leads to {where}")
                named = posixpath.normpath(posixpath.join(
                    posixpath.dirname(body.docs_path), unquote(urlsplit(written).path)))
                if self.site.exists(named):
                    self._error(body, target, message,
                                f"use the page's address: '{self._address_from(body, named)}"
                                f"{suffix}', or a Markdown link [text]({urls.relative(body.docs_path, named)})")
                    return
            else:
                message = f"{target.what} '{written}' leads to {where}"
            suggestion = self._suggest_address(body, resolved.address, suffix)
        else:
            message = (f"{target.what} '{written}' points to {self.shown_prefix}"
                       f"{resolved.address}, which does not exist")
            suggestion = self._suggest_docs_path(body, target, resolved.address, suffix)
        if not suggestion and "@" in written and "." in written and "/" not in written:
            suggestion = f"did you mean 'mailto:{written}'?"
        default = ("add the image to the docs folder, or correct the path" if target.image
                   else "link to an existing page, relative to this file")
        self._error(body, target, message, suggestion or default)

    def _suggest_docs_path(self, body: Body, target: LinkTarget, wrong: str, suffix: str) -> str:
        pages = wrong.endswith(".md")
        candidates = [p for p in self.site.paths if p.endswith(".md") == pages
                      and not (target.image and pages) and p != body.docs_path]
        return phrase([f"'{urls.relative(body.docs_path, found)}{suffix}'"
                       for found in closest(wrong, candidates)])

    def _suggest_address(self, body: Body, wrong: str, suffix: str) -> str:
        if self._page_urls is None:
            self._page_urls = self.site.page_urls()
        pages = self._page_urls
        found = closest(wrong.rstrip("/") or ".",
                        [url for url, path in pages.items() if url and path != body.docs_path])
        return phrase([f"'{self._address_from(body, pages[url])}{suffix}'" for url in found])

    def _address_from(self, body: Body, docs_path: str) -> str:
        """The relative address from the page of `body` to the page of `docs_path`."""
        base = posixpath.dirname(self.site.page_url(body.docs_path)) or "."
        address = self.site.page_url(docs_path)
        way = posixpath.relpath(address or ".", base)
        if way == ".":
            return "./"
        return f"{way}/" if address.endswith("/") else way

    def _absolute(self, body: Body, target: LinkTarget, written: str) -> None:
        path = unquote(urlsplit(written).path)
        found = self.site.at_url(path.strip("/")) or (
            path.strip("/") if self.site.exists(path.strip("/")) else None)
        hint = "write it relative to this file"
        if found is not None:
            suffix = written[len(written.split("#", 1)[0].split("?", 1)[0]):]
            hint += f": '{urls.relative(body.docs_path, found)}{suffix}'"
        self._error(
            body, target,
            f"{target.what} '{written}' starts with '/': it is not checked or rewritten, and "
            "it leads off the site when the site is published under a folder", hint,
        )

    def _check_anchor(self, body: Body, target: LinkTarget, docs_path: str, fragment: str,
                      written_page: str) -> None:
        known = self.anchors.of(docs_path)
        anchor = unquote(fragment)
        if known is None or anchor in known:
            return
        page = ("this page" if docs_path == body.docs_path and not written_page
                else f"the generated page {docs_path}" if self.site.is_generated(docs_path)
                else f"{self.shown_prefix}{docs_path}")
        near = closest(anchor, known)
        if near:
            hint = phrase([f"'{written_page}#{name}'" for name in near])
        elif known:
            listed = sorted(known)[:_LISTED_ANCHORS]
            more = ", …" if len(known) > _LISTED_ANCHORS else ""
            hint = "its anchors are: " + ", ".join(f"#{name}" for name in listed) + more
        else:
            hint = "that page has no headings to link to"
        self._error(body, target, f"{target.what} '{target.target.strip()}': {page} has no "
                    f"anchor '#{anchor}'", hint)

    def _missing_reference(self, body: Body, reference: MissingReference,
                           labels: tuple[str, ...]) -> None:
        near = closest(reference.label.lower(), labels)
        self.diags.error(
            body.path, Position(reference.line, reference.col), "body",
            f"the reference-style link [{reference.label}] uses a label that no "
            f"'[{reference.label}]: …' line defines",
            phrase([f"'[{label}]'" for label in near])
            or f"add a line '[{reference.label}]: address' to this file",
        )
