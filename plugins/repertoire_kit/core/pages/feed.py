"""The Atom feed of what's new, with absolute links from `site_url`.

Built with ElementTree so that every contributed string is XML-escaped by the serialiser, never
by hand; timestamps come from entry and use dates, so the feed is the same for the same content.

Uses are items of their own ("Ann Lee used Sampling plan"), merged with the entries by date:
a subscriber follows the feed to hear what the community is doing, and a member applying an
entry is news of that kind (the entry's authors most of all). A count of uses inside an entry's
item would go unseen, since feed readers do not show an item again when it changes.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from functools import partial

from ..indexes.cross_indexes import Indexes
from ..model import Entry, Use
from ..settings import Settings
from . import urls

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def build_feed(indexes: Indexes, settings: Settings, use_directory_urls: bool = True) -> bytes:
    """The feed's bytes: the newest entries (by last change) and uses, newest first."""
    ET.register_namespace("", ATOM)
    limit = settings.new_limit
    candidates: list[Entry | Use] = [*indexes.entries[:limit], *indexes.uses[:limit]]
    newest = sorted(candidates, key=_newest_first)[:limit]
    url = partial(urls.absolute_url, settings.site_url, use_directory_urls=use_directory_urls)

    def name(member_id: str) -> str:
        member = indexes.repertoire.members.get(member_id)
        return member.name if member else member_id

    feed = ET.Element(f"{{{ATOM}}}feed")
    _add(feed, "title", f"{settings.site_name}: what's new")
    _add(feed, "id", url(urls.NEW))
    _add(feed, "link", href=url(urls.FEED), rel="self")
    _add(feed, "link", href=url(urls.NEW), rel="alternate")
    latest = max((_changed(r) for r in newest), default=dt.date(1970, 1, 1))
    _add(feed, "updated", _stamp(latest))
    for record in newest:
        if isinstance(record, Entry):
            authors = tuple(name(member_id) for member_id in record.contributors)
            title, term = record.title, record.kind.singular
        else:  # a use: who used which entry, when, and what came of it
            authors = (name(record.member),)
            title = f"{authors[0]} used {indexes.repertoire.entries[record.entry].title}"
            term = "use"
        link = url(record.source.docs_path)
        item = _add(feed, "entry")
        _add(item, "title", title)
        _add(item, "id", link)
        _add(item, "link", href=link, rel="alternate")
        _add(item, "published", _stamp(record.date))
        _add(item, "updated", _stamp(_changed(record)))
        _add(item, "summary", record.summary)
        _add(item, "category", term=term)
        for author in authors:
            _add(_add(item, "author"), "name", author)
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    """A child element in the Atom namespace, with its text and attributes."""
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def _changed(record: Entry | Use) -> dt.date:
    return record.date if isinstance(record, Use) else record.last_changed


def _newest_first(record: Entry | Use) -> tuple[int, bool]:
    """Newest first; on one day entries before uses. The sort is stable and each list comes
    in its own total order (`newest_first`, `newest_use_first`), so the merge is one too."""
    return (-_changed(record).toordinal(), isinstance(record, Use))
