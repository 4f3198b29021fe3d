"""The article's publication and revision dates, from markup first and the visible page second.

Structured dates (JSON-LD, app state, meta, microdata, ``<time>``) come first. A date written
near the headline fills in a date the markup does not state ("Updated ..." ones become the
revision date); failing that, a date the page labels as its publication date anywhere in the body
("Posted on April 13, 2023"). A date in the URL path is the last resort. Nothing is ever taken
from the clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice

from lxml import etree

from .jsonld import as_strings
from .page_sources import (
    _NOT_VISIBLE,
    PageSources,
    TextWindow,
    clean,
    in_foreign_region,
    page_language,
    text_of,
)
from .web_dates import date_in_url, parse_date, settle_zone

__all__ = ["find_dates"]

_DATE_CLASS = re.compile(r"publish|posted|pubdate|date|time|entry-date|created", re.IGNORECASE)
_MODIFIED_CLASS = re.compile(r"updated|modified|revised", re.IGNORECASE)


def _dates(
    src: PageSources,
    keys: tuple[str, ...],
    metas: tuple[str, ...],
    props: tuple[str, ...],
    time_class: re.Pattern[str],
) -> Iterator[datetime]:
    """Candidate dates in priority order: JSON-LD, meta, microdata, app state, ``<time>``."""
    for node in (src.article, src.page_node, src.story):
        for key in keys:
            raw = node.get(key)
            if not isinstance(raw, str | dict | list):
                continue  # a number is not a date string, whatever its digits look like
            for value in as_strings(raw)[:1]:
                parsed = parse_date(value)
                if parsed:
                    yield parsed
    # Markup that names a value a date may still spell it out ("July 17, 2025").
    for value in (*src.metas(*metas), *src.microdata_values(props[0]), *src.microdata_values(props[-1])):
        parsed = parse_date(value, written=True)
        if parsed:
            yield parsed
    for element in src.by_tag["time"][:50]:
        parent = element.getparent()
        marker = " ".join(
            filter(
                None,
                (
                    element.get("class"),
                    element.get("itemprop"),
                    parent.get("class") if parent is not None else None,
                ),
            )
        )
        if element.get("pubdate") is None and not time_class.search(marker):
            continue
        if in_foreign_region(element):
            continue
        stamp = element.get("datetime")
        found = parse_date(stamp) if stamp else parse_date(text_of(element), written=True)
        if found:
            yield found


_PUBLISHED_WORDS = re.compile(r"publi|posted|erschienen|veröffentlicht", re.IGNORECASE)
_UPDATED_WORDS = re.compile(r"updat|modifi|revis|edited|aktualisiert|mis à jour|actualizado", re.IGNORECASE)


def _visible_dates(src: PageSources, window: TextWindow) -> tuple[datetime | None, datetime | None]:
    """The publication and update dates written near the headline.

    Only short text pieces that are essentially a date ("Published on July 18, 2025",
    "Updated: 10/31/2024") count, nearest to the ``<h1>`` first; a date in running prose or in
    comments and related links does not.
    """
    lang = (page_language(src) or "en-us").lower()
    day_first = not (lang in ("en", "en-us") or lang.startswith("en-us"))
    published = modified = None
    # What encloses the headline encloses its article, whatever the wrapper's class names say.
    region = set(window.headline.iterancestors()) if window.headline is not None else set()
    for text, parent in window.nearest_first():
        stripped = text.strip()
        if not 6 <= len(stripped) <= 80 or not any(c.isdigit() for c in stripped):
            continue
        value = parse_date(stripped, written=True, day_first=day_first)
        if value is None or in_foreign_region(parent, region):
            continue
        # The label may sit in a sibling ("<span>Updated</span> <time>...</time>"): look at the
        # enclosing element too, when it is no more than a short date line.
        around = clean(text_of(parent), limit=200) or ""
        context = around if len(around) <= 80 else stripped
        if _UPDATED_WORDS.search(stripped) or (
            not _PUBLISHED_WORDS.search(context) and _UPDATED_WORDS.search(context)
        ):
            modified = modified or value
        else:
            published = value
            break
    return published, modified


_MAX_CANDIDATES = 12


def _pick(candidates: Iterator[datetime]) -> tuple[datetime | None, list[datetime]]:
    """The first candidate date, and the zoned ones after it.

    A naive first candidate that another source states with a zone (same wall-clock time) is
    taken in its zoned form.
    """
    found = list(islice(candidates, _MAX_CANDIDATES))
    if not found:
        return None, []
    zoned = [d for d in found if d.tzinfo is not None]
    first = found[0]
    if first.tzinfo is None:
        first = next((d for d in zoned if d.replace(tzinfo=None) == first), first)
    return first, zoned


def _published(src: PageSources) -> tuple[datetime | None, list[datetime]]:
    found, zoned = _pick(
        _dates(
            src,
            (
                "datePublished",
                "dateCreated",
                "publishedAt",
                "first_publish_date",
                "display_date",
                "uploadDate",
            ),
            (
                "article:published_time",
                "og:published_time",
                "published_time",
                "og:article:published_time",
                "dc.date.issued",
                "dcterms.issued",
                "dc.date",
                "dcterms.date",
                "dcterms.created",
                "dc.date.created",
                "date",
                "pubdate",
                "publishdate",
                "publish-date",
                "sailthru.date",
                "parsely-pub-date",
                "article.published",
                "citation_publication_date",
                "datepublished",
            ),
            ("datePublished", "dateCreated"),
            _DATE_CLASS,
        )
    )
    if found is None:
        # Site-specific meta names still say what they hold: "w-published-date", "publish_date_gmt".
        for key, values in src.meta.items():
            if _PUBLISHED_META.search(key) and not _UPDATED_WORDS.search(key):
                found = _first_date(values)
                if found is not None:
                    break
    return found, zoned


_PUBLISHED_META = re.compile(r"publish|pub_?date|issued|created", re.IGNORECASE)


def _first_date(values: Iterable[str]) -> datetime | None:
    return next((d for d in (parse_date(v, written=True) for v in values) if d is not None), None)


def _modified(src: PageSources) -> tuple[datetime | None, list[datetime]]:
    return _pick(
        _dates(
            src,
            ("dateModified", "last_updated_date", "updatedAt"),
            (
                "article:modified_time",
                "og:updated_time",
                "modified_time",
                "dcterms.modified",
                "dc.date.modified",
                "last-modified",
                "lastmod",
                "datemodified",
            ),
            ("dateModified",),
            _MODIFIED_CLASS,
        )
    )


_MAX_LABELLED = 50
_MAX_LABELLED_LENGTH = 200


def _labelled_texts(src: PageSources) -> Iterator[tuple[str, etree._Element]]:
    """Short texts of the body that name a publication, with the element each belongs to."""
    body = src.tree.find("body")
    if body is None:
        return
    search = _PUBLISHED_WORDS.search
    for element in body.iter(etree.Element):
        text = element.text
        if text and len(text) < _MAX_LABELLED_LENGTH and search(text) is not None:
            yield text, element
        tail = element.tail
        if tail and len(tail) < _MAX_LABELLED_LENGTH and search(tail) is not None:
            parent = element.getparent()
            if parent is not None:
                yield tail, parent


def _labelled_date(src: PageSources, window: TextWindow) -> datetime | None:
    """A date the page labels as its publication date ("Posted on April 13, 2023") anywhere.

    Used when none is written near the headline: the line is often a screen away from it.
    The label may be the date's own text or that of a short enclosing line.
    """
    region = set(window.headline.iterancestors()) if window.headline is not None else set()
    lang = (page_language(src) or "en-us").lower()
    day_first = not (lang in ("en", "en-us") or lang.startswith("en-us"))
    for text, parent in islice(_labelled_texts(src), _MAX_LABELLED):
        if isinstance(parent.tag, str) and parent.tag in _NOT_VISIBLE:
            continue
        line = " ".join(text.split())
        value = parse_date(line, written=True, day_first=day_first) if len(line) <= 80 else None
        if value is None:
            line = clean(text_of(parent), limit=200) or ""
            if len(line) > 80:
                continue
            value = parse_date(line, written=True, day_first=day_first)
        label = _PUBLISHED_WORDS.search(line)
        if value is None or label is None:
            continue
        updated = _UPDATED_WORDS.search(line)
        if (updated is not None and updated.start() < label.start()) or in_foreign_region(parent, region):
            continue
        return value
    return None


def find_dates(
    src: PageSources, window: TextWindow, url: str | None
) -> tuple[datetime | None, datetime | None]:
    """The page's ``(published, modified)`` dates, timezone-aware (see the module docstring)."""
    (published, zoned_published), (modified, zoned_modified) = _published(src), _modified(src)
    if published is None or modified is None:
        visible_published, visible_modified = _visible_dates(src, window)
        published = published or visible_published
        modified = modified or visible_modified
    if published is None:
        published = _labelled_date(src, window)
    if published is None and url:
        published = date_in_url(url)
    # A naive date borrows the offset the page uses elsewhere: the other date first.
    return (
        settle_zone(published, [modified, *zoned_published, *zoned_modified]),
        settle_zone(modified, [published, *zoned_modified, *zoned_published]),
    )
