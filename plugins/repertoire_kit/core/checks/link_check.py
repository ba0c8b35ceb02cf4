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

import html
import posixpath
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from ..diagnostics import Diagnostics, Position
from ..pages import urls
from ..pages.anchors import PageAnchors
from ..pages.site_map import SiteMap
from ..suggest import closest, phrase
from .markdown_links import BodyLinks, LinkTarget, MissingReference, find_links

_LISTED_ANCHORS = 6
# Each did-you-mean compares the target with every page; a file with thousands of broken
# links (pasted from elsewhere) gets suggestions for its first ones, and the check stays fast.
_SUGGESTIONS_PER_FILE = 25


def _has_scheme_when_decoded(written: str) -> bool:
    """Whether a browser could read a scheme into the target once its character references are
    decoded (`&#106;avascript:`, written to survive one decoding too): not a relative link."""
    if "&" not in written:
        return False
    decoded = html.unescape(html.unescape(written))
    return bool(urlsplit(decoded).scheme) or decoded.startswith("//")


def _suffix(written: str) -> str:
    """The query and fragment of a target as written (`?x#y`), kept in a suggestion."""
    return written[len(written.split("#", 1)[0].split("?", 1)[0]) :]


@dataclass(frozen=True)
class Body:
    """A Markdown body to check: the file as printed, its docs path, the text and where it
    starts in the file, and whether the page is a draft (a draft may link to drafts).

    Its links are read when it is made: the loader makes it while the body's code is blanked
    (`markup_scan` keeps the last few), and checks the links once every file is loaded.
    """

    path: str
    docs_path: str
    text: str
    first_line: int
    draft: bool = False
    links: BodyLinks = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "links", find_links(self.text, self.first_line))


@dataclass(frozen=True)
class _Resolved:
    """Where a target leads: a docs path, or the address that has no page."""

    docs_path: str | None
    by_address: bool  # resolved as a site address (not rewritten by MkDocs)
    address: str  # the site-relative address it leads to, or the docs path it names


class LinkChecker:
    """Checks bodies against one site; `shown_prefix` is the docs folder as paths are printed."""

    def __init__(
        self, site: SiteMap, anchors: PageAnchors, shown_prefix: str, diags: Diagnostics
    ) -> None:
        self.site = site
        self.anchors = anchors
        self.shown_prefix = shown_prefix
        self.diags = diags
        self._page_urls: dict[str, str] | None = None
        self._suggestions_left = _SUGGESTIONS_PER_FILE

    def check(self, bodies: Iterable[Body]) -> None:
        """Report every broken target of every body."""
        for body in bodies:
            self._suggestions_left = _SUGGESTIONS_PER_FILE
            found = body.links
            for target in found.targets:
                self._check_target(body, target)
            for reference in found.missing:
                self._missing_reference(body, reference, found.labels)

    # ----- one target ----------------------------------------------------------------------

    def _check_target(self, body: Body, target: LinkTarget) -> None:
        written = target.target.strip()
        parts = urlsplit(written)
        if parts.scheme or parts.netloc or not written or _has_scheme_when_decoded(written):
            return  # external (never fetched; dangerous schemes are the markup scan's), or empty
        if written.startswith(("/", "\\")):
            self._absolute(body, target, written)
            return
        if not parts.path:
            if parts.fragment:
                self._check_anchor(body, target, body.docs_path, parts.fragment, "")
            return
        resolved = self._resolve(body, target, unquote(parts.path))
        if resolved is None:
            self._error(
                body,
                target,
                f"{target.what} '{written}' leads above the docs folder",
                "link to a page or file inside the docs folder",
            )
            return
        if resolved.docs_path is None:
            self._not_found(body, target, written, resolved)
            return
        if self._hidden_draft(body, resolved.docs_path):
            self._error(
                body,
                target,
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
        return (
            docs_path in self.site.drafts
            and not body.draft
            and not self.site.settings.drafts_published
        )

    # ----- reports --------------------------------------------------------------------------

    def _error(self, body: Body, target: LinkTarget, message: str, hint: str) -> None:
        self.diags.error(body.path, Position(target.line, target.col), "body", message, hint)

    def _not_found(self, body: Body, target: LinkTarget, written: str, resolved: _Resolved) -> None:
        suffix = _suffix(written)
        if not resolved.by_address:
            message = (
                f"{target.what} '{written}' points to {self.shown_prefix}"
                f"{resolved.address}, which does not exist"
            )
            pages = resolved.address.endswith(".md") and not target.image
            near = self._closest(
                resolved.address,
                lambda: [
                    p for p in self.site.paths if p != body.docs_path and p.endswith(".md") == pages
                ],
            )
            hint = phrase([f"'{urls.relative(body.docs_path, found)}{suffix}'" for found in near])
        else:
            where = f"{resolved.address or './'}, which is not on the site"
            message = f"{target.what} '{written}' leads to {where}"
            named = posixpath.normpath(
                posixpath.join(posixpath.dirname(body.docs_path), unquote(urlsplit(written).path))
            )
            if target.raw_html and named.endswith(".md") and self.site.exists(named):
                message = (
                    f"{target.what} '{written}' names a Markdown file, but raw HTML is "
                    f"not rewritten: on the site it leads to {where}"
                )
                hint = (
                    f"use the page's address: '{self._address_from(body, named)}"
                    f"{suffix}', or a Markdown link "
                    f"[text]({urls.relative(body.docs_path, named)})"
                )
            else:
                hint = self._suggest_address(body, target, resolved.address, suffix)
        if not hint and "@" in written and "." in written and "/" not in written:
            hint = f"did you mean 'mailto:{written}'?"
        default = (
            "add the image to the docs folder, or correct the path"
            if target.image
            else "link to an existing page, relative to this file"
        )
        self._error(body, target, message, hint or default)

    def _suggest_address(self, body: Body, target: LinkTarget, wrong: str, suffix: str) -> str:
        """The nearest addresses of pages (of files, for an image), as written from `body`."""
        if target.image:
            files = {p: p for p in self.site.paths if not p.endswith(".md")}
        else:
            if self._page_urls is None:
                self._page_urls = self.site.page_urls()
            files = self._page_urls
        near = self._closest(
            wrong.rstrip("/") or ".",
            lambda: [url for url, path in files.items() if url and path != body.docs_path],
        )
        return phrase([f"'{self._address_from(body, files[url])}{suffix}'" for url in near])

    def _closest(self, wrong: str, candidates: Callable[[], Iterable[str]]) -> list[str]:
        """`suggest.closest`, while this file's budget of suggestions lasts (the candidates
        are listed only then)."""
        if self._suggestions_left <= 0:
            return []
        self._suggestions_left -= 1
        return closest(wrong, candidates())

    def _address_from(self, body: Body, docs_path: str) -> str:
        """The relative address from the page of `body` to the page of `docs_path`."""
        base = posixpath.dirname(self.site.page_url(body.docs_path)) or "."
        address = self.site.page_url(docs_path)
        way = posixpath.relpath(address or ".", base)
        if way == ".":
            return "./"
        return f"{way}/" if address.endswith("/") else way

    def _absolute(self, body: Body, target: LinkTarget, written: str) -> None:
        path = unquote(urlsplit(written).path).strip("/")
        found = self.site.at_url(path) or (path if self.site.exists(path) else None)
        hint = "write it relative to this file"
        if found is not None:
            hint += f": '{urls.relative(body.docs_path, found)}{_suffix(written)}'"
        self._error(
            body,
            target,
            f"{target.what} '{written}' starts with '/': it is not checked or rewritten, and "
            "it leads off the site when the site is published under a folder",
            hint,
        )

    def _check_anchor(
        self, body: Body, target: LinkTarget, docs_path: str, fragment: str, written_page: str
    ) -> None:
        known = self.anchors.of(docs_path)
        anchor = unquote(fragment)
        if known is None or anchor in known:
            return
        page = (
            "this page"
            if docs_path == body.docs_path and not written_page
            else f"the generated page {docs_path}"
            if self.site.is_generated(docs_path)
            else f"{self.shown_prefix}{docs_path}"
        )
        near = self._closest(anchor, lambda: known)
        if near:
            hint = phrase([f"'{written_page}#{name}'" for name in near])
        elif known:
            listed = sorted(known)[:_LISTED_ANCHORS]
            more = ", …" if len(known) > _LISTED_ANCHORS else ""
            hint = "its anchors are: " + ", ".join(f"#{name}" for name in listed) + more
        else:
            hint = "that page has no headings to link to"
        self._error(
            body,
            target,
            f"{target.what} '{target.target.strip()}': {page} has no anchor '#{anchor}'",
            hint,
        )

    def _missing_reference(
        self, body: Body, reference: MissingReference, labels: tuple[str, ...]
    ) -> None:
        near = self._closest(reference.label.lower(), lambda: labels)
        self.diags.error(
            body.path,
            Position(reference.line, reference.col),
            "body",
            f"the reference-style link [{reference.label}] uses a label that no "
            f"'[{reference.label}]: …' line defines",
            phrase([f"'[{label}]'" for label in near])
            or f"add a line '[{reference.label}]: address' to this file",
        )
