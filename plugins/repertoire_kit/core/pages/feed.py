"""The Atom feed of what's new, with absolute links from `site_url`.

Built with ElementTree so that every contributed string is XML-escaped by the serialiser, never
by hand; timestamps come from entry dates, so the feed is the same for the same content.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from ..indexes.cross_indexes import Indexes
from ..settings import Settings
from . import urls

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def build_feed(indexes: Indexes, settings: Settings, use_directory_urls: bool = True) -> bytes:
    """The feed's bytes: the newest entries by last change, newest first."""
    ET.register_namespace("", ATOM)
    newest = indexes.entries[: settings.new_limit]

    def url(docs_path: str) -> str:
        return urls.absolute_url(settings.site_url, docs_path, use_directory_urls)

    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = f"{settings.site_name}: what's new"
    ET.SubElement(feed, f"{{{ATOM}}}id").text = url(urls.NEW)
    ET.SubElement(feed, f"{{{ATOM}}}link", href=url(urls.FEED), rel="self")
    ET.SubElement(feed, f"{{{ATOM}}}link", href=url(urls.NEW), rel="alternate")
    latest = max((e.last_changed for e in newest), default=dt.date(1970, 1, 1))
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _stamp(latest)
    for entry in newest:
        item = ET.SubElement(feed, f"{{{ATOM}}}entry")
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
