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

    def url(docs_path: str) -> str:
        return urls.absolute_url(settings.site_url, docs_path, use_directory_urls)

    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{settings.site_name}: what's new"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = url(urls.NEW)
    ET.SubElement(feed, f"{{{ATOM}}}link", href=url(urls.FEED), rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=url(urls.NEW), rel="alternate")
    latest = max((_changed(r) for r in newest), default=dt.date(1970, 1, 1))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(latest)
    for entry in newest:
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
        if isinstance(entry, Use):
            _use_item(item, entry, indexes, url(entry.source.docs_path))
            continue
        ET.SubElement(item, f"{{{ATOM}}}title").text = entry.title
        ET.SubElement(item, f"{{{ATOM}}}id").text = url(entry.source.docs_path)
        ET.SubElement(item, f"{{{ATOM}}}link", href=url(entry.source.docs_path), rel="alternate")
        ET.SubElement(item, f"{{{ATOM}}}published").text = _stamp(entry.date)
        ET.SubElement(item, f"{{{ATOM}}}updated").text = _stamp(entry.last_changed)
        ET.SubElement(item, f"{{{ATOM}}}summary").text = entry.summary
        ET.SubElement(item, f"{{{ATOM}}}category", term=entry.kind.singular)
        for member_id in entry.contributors:
            member = indexes.repertoire.members.get(member_id)
            author = ET.SubElement(item, f"{{{ATOM}}}author")
            ET.SubElement(author, f"{{{ATOM}}}name").text = member.name if member else member_id
    ET.indent(feed)
    document: bytes = ET.tostring(feed, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def _changed(record: Entry | Use) -> dt.date:
    return record.date if isinstance(record, Use) else record.last_changed


def _newest_first(record: Entry | Use) -> tuple[int, bool]:
    """Newest first; on one day entries before uses. The sort is stable and each list comes
    in its own total order (`newest_first`, `newest_use_first`), so the merge is one too."""
    return (-_changed(record).toordinal(), isinstance(record, Use))


def _use_item(item: ET.Element, use: Use, indexes: Indexes, link: str) -> None:
    """A use as a feed item: who used which entry, when, and what came of it."""
    member = indexes.repertoire.members.get(use.member)
    name = member.name if member else use.member
    entry = indexes.repertoire.entries[use.entry]
    ET.SubElement(item, f"{{{ATOM}}}title").text = f"{name} used {entry.title}"
    ET.SubElement(item, f"{{{ATOM}}}id").text = link
    ET.SubElement(item, f"{{{ATOM}}}link", href=link, rel="alternate")
    ET.SubElement(item, f"{{{ATOM}}}published").text = _stamp(use.date)
    ET.SubElement(item, f"{{{ATOM}}}updated").text = _stamp(use.date)
    ET.SubElement(item, f"{{{ATOM}}}summary").text = use.summary
    ET.SubElement(item, f"{{{ATOM}}}category", term="use")
    ET.SubElement(ET.SubElement(item, f"{{{ATOM}}}author"), f"{{{ATOM}}}name").text = name
