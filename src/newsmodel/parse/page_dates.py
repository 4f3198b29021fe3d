"""The article's publication and revision dates, from markup first and the visible page second.

Structured dates (JSON-LD, app state, meta, microdata, ``<time>``) come first. A date written
near the headline fills in a date the markup does not state ("Updated ..." ones become the
revision date), and one the page shows beside its headline replaces a markup date that names
another day (the visible page wins over stale or SEO markup); failing all that, a date the page
labels as its publication date anywhere in the body ("Posted on April 13, 2023"). A date in the
URL path is the last resort. Nothing is ever taken from the clock.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta, timezone
from itertools import islice

import attrs
from lxml import etree

from ._calendar import PAGE_MONTHS
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


# A date the page shows as its own date: among the first pieces nearest the headline, on a short
# line of its own ("March 1, 2024", "Nov 25, 2025 5:00 am PST"), not in a table of data.
_SHOWN_NEAREST = 15
_SHOWN_WORDS = 7
_DATA_CELLS = frozenset({"td", "th"})


@attrs.frozen
class _Visible:
    """The publication and update dates written near the headline, and which the page shows."""

    published: datetime | None = None
    modified: datetime | None = None
    published_shown: bool = False
    modified_shown: bool = False
    # The numeric text the date was read from ("09.10.2024"), whose day and month may be swapped.
    published_numeric: bool = False
    modified_numeric: bool = False


_YEAR = re.compile(r"(?:19|20)\d\d")
# Every date form parse_date reads has a digit; most text pieces have none.
_DIGIT = re.compile(r"\d")


def _numeric(text: str) -> bool:
    return not any(word in PAGE_MONTHS for word in re.findall(r"[a-zà-ÿ]+", text.lower()))


def _visible_dates(src: PageSources, window: TextWindow, nearest: int | None = None) -> _Visible:
    """The publication and update dates written near the headline.

    Only short text pieces that are essentially a date ("Published on July 18, 2025",
    "Updated: 10/31/2024") count, nearest to the ``<h1>`` first; a date in running prose or in
    comments and related links does not. ``nearest`` limits the search to that many pieces
    nearest the headline.
    """
    lang = (page_language(src) or "en-us").lower()
    day_first = not (lang in ("en", "en-us") or lang.startswith("en-us"))
    found = _Visible()
    # What encloses the headline encloses its article, whatever the wrapper's class names say.
    region = set(window.headline.iterancestors()) if window.headline is not None else set()
    for index, (text, parent) in enumerate(window.nearest_first()[:nearest]):
        stripped = text.strip()
        if not 6 <= len(stripped) <= 80 or _DIGIT.search(stripped) is None:
            continue
        value = parse_date(stripped, written=True, day_first=day_first)
        if value is None or in_foreign_region(parent, region):
            continue
        shown = (
            index < _SHOWN_NEAREST
            and sum(any(c.isalnum() for c in word) for word in stripped.split()) <= _SHOWN_WORDS
            and not (isinstance(parent.tag, str) and parent.tag in _DATA_CELLS)
        )
        # The label may sit in a sibling ("<span>Updated</span> <time>...</time>"), or in one of
        # the parent's ("<span class=label>Last Updated:</span> <span class=date>...</span>"):
        # look at the enclosing elements too, while they are no more than a short line of this
        # one date.
        context, holder = stripped, parent
        for _ in range(2):
            around = clean(text_of(holder), limit=200) or ""
            # A line holding a second date may label that one ("May 2, 2019 - Updated July 9, 2025").
            if len(around) > 80 or len(_YEAR.findall(around)) > 1:
                break
            context = around
            up = holder.getparent()
            if up is None:
                break
            holder = up
        if _UPDATED_WORDS.search(stripped) or (
            not _PUBLISHED_WORDS.search(context) and _UPDATED_WORDS.search(context)
        ):
            if found.modified is None:
                found = attrs.evolve(
                    found, modified=value, modified_shown=shown, modified_numeric=_numeric(stripped)
                )
        else:
            return attrs.evolve(
                found, published=value, published_shown=shown, published_numeric=_numeric(stripped)
            )
    return found


# Real UTC offsets run from -12:00 to +14:00: an instant falls on one of these local days.
_EARLIEST_OFFSET = timedelta(hours=-12)
_LATEST_OFFSET = timedelta(hours=14)


def _same_date(shown: datetime, stated: datetime | None, *, numeric: bool) -> bool:
    """Whether a date the page shows can be ``stated`` (an instant from the markup).

    An instant is on different calendar days in different zones, so a shown day matches any
    of them; a numeric date ("09.10.2024") matches with its day and month read either way.
    """
    if stated is None:
        return False
    days = {shown.date()}
    if numeric and shown.day <= 12:
        with contextlib.suppress(ValueError):  # "13.05.2024" read the other way is no date
            days.add(shown.date().replace(day=shown.month, month=shown.day))
    if stated.tzinfo is None:
        return stated.date() in days
    instant = stated.astimezone(timezone.utc).replace(tzinfo=None)
    first, last = (instant + _EARLIEST_OFFSET).date(), (instant + _LATEST_OFFSET).date()
    return any(first <= day <= last for day in days)


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
    # With both dates in the markup, only a date the page shows can change them.
    visible = _visible_dates(src, window, _SHOWN_NEAREST if published and modified else None)
    # The date the page shows beside its headline wins over markup that names another day (a
    # stale or SEO value), unless it is the markup's other date on show: a page that displays
    # its revision date unlabelled has still been published when its markup says.
    if (
        published is not None
        and visible.published is not None
        and visible.published_shown
        and not _same_date(visible.published, published, numeric=visible.published_numeric)
        and not _same_date(visible.published, modified, numeric=visible.published_numeric)
    ):
        published = visible.published
    if (
        modified is not None
        and visible.modified is not None
        and visible.modified_shown
        and not _same_date(visible.modified, modified, numeric=visible.modified_numeric)
    ):
        modified = visible.modified
    published = published or visible.published
    modified = modified or visible.modified
    if published is None:
        published = _labelled_date(src, window)
    if published is None and url:
        published = date_in_url(url)
    # A naive date borrows the offset the page uses elsewhere: the other date first.
    return (
        settle_zone(published, [modified, *zoned_published, *zoned_modified]),
        settle_zone(modified, [published, *zoned_modified, *zoned_published]),
    )
