"""Reading the dates web pages state: ISO 8601, RFC 2822 and written-out dates.

A page date may come without a timezone (``2025-09-04`` or ``2025-09-04T10:30``). Such a value
is returned as a *naive* :class:`datetime`; :func:`settle_zone` later gives it the UTC offset
that the page's other, zoned dates use, or UTC when none does. Nothing here ever falls back to
the current date: a string that is not a date gives ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from ._calendar import PAGE_MONTHS, clock_hour, named_zone

__all__ = ["date_in_url", "parse_date", "settle_zone"]

# Dates outside this range are typos, placeholders ("0001-01-01") or epoch zeroes, not article dates.
_MIN_YEAR = 1990
_MAX_YEAR = 2100
# Pages are trusted with any offset a timezone can hold (under a day), unlike running text.
_WIDEST_OFFSET = timedelta(days=1)

_ISO = re.compile(
    r"\s*(?P<y>\d{4})-?(?P<m>\d{1,2})-?(?P<d>\d{1,2})"
    r"(?:[T\s]+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<z>Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?",
    re.IGNORECASE,
)
_MONTH = r"(?P<mon>[A-Za-zéäû]{3,10})\.?"
# "September 4, 2025", "Sep. 4th 2025"
_MDY = re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b")
# "4 September 2025", "4. März 2025", "4 de septiembre de 2025"
_DMY = re.compile(
    r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?" + _MONTH + r",?\s+(?:de\s+)?(?P<y>\d{4})\b"
)
# Optional clock time after a written-out date: "September 4, 2025 at 10:30 am" / "10:30 EDT".
_CLOCK = re.compile(r"\D{0,6}?(?P<H>\d{1,2}):(?P<M>\d{2})\s*(?P<ap>[ap]\.?m\.?)?", re.IGNORECASE)
# "09/25/2025", "25.09.2025": dots are always day first; slashes follow the page's convention.
_NUMERIC = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/.])")
# A date in a URL path: /2016/02/09/ or /2016-02-09-slug.
_URL_DATE = re.compile(r"/(?P<y>(?:19|20)\d{2})([/-])(?P<m>[01]?\d)\2(?P<d>[0-3]?\d)(?:[/-]|\.html?|$)")


def _in_range(value: datetime) -> bool:
    return _MIN_YEAR <= value.year <= _MAX_YEAR


def _parse_iso(text: str) -> datetime | None:
    match = _ISO.match(text)
    if match is None:
        return None
    rest = text[match.end() :].strip()
    # Text glued to a bare date ("2025-09-04-slug-123", "2025-09-04 by Jane") may be an ID: refuse it.
    if rest and (rest[0].isalnum() or rest[0] in "-_/") and match.group("H") is None:
        return None
    parts = match.groupdict()
    try:
        value = datetime(
            int(parts["y"]),
            int(parts["m"]),
            int(parts["d"]),
            int(parts["H"] or 0),
            int(parts["M"] or 0),
            int(parts["S"] or 0),
        )
        if parts["z"]:
            zone = named_zone(parts["z"], widest=_WIDEST_OFFSET)
            if zone is None:  # an offset of a day or more: not a real zone, so not a date
                return None
            value = value.replace(tzinfo=zone)
    except ValueError:
        return None
    return value


def _parse_written(text: str) -> datetime | None:
    match = _MDY.search(text) or _DMY.search(text)
    if match is None:
        return None
    month = PAGE_MONTHS.get(match.group("mon").lower())
    if month is None:
        return None
    hour = minute = 0
    clock = _CLOCK.match(text, match.end())
    if clock is not None:
        hour, minute = int(clock.group("H")), int(clock.group("M"))
        hour = clock_hour(hour, (clock.group("ap") or "").lower()[:1])
    try:
        return datetime(int(match.group("y")), month, int(match.group("d")), hour, minute)
    except ValueError:
        return None


def _parse_numeric(text: str, day_first: bool) -> datetime | None:
    match = _NUMERIC.search(text)
    if match is None:
        return None
    a, b = int(match.group("a")), int(match.group("b"))
    if match.group("sep") == "." or a > 12:
        day_first = True
    elif b > 12:
        day_first = False
    day, month = (a, b) if day_first else (b, a)
    try:
        return datetime(int(match.group("y")), month, day)
    except ValueError:
        return None


def date_in_url(url: str) -> datetime | None:
    """The date a URL path spells out (``/2016/02/09/slug``), naive, or ``None``.

    >>> date_in_url("https://example.org/2016/02/09/a-story/").isoformat()
    '2016-02-09T00:00:00'
    """
    match = _URL_DATE.search(url[:2000])
    if match is None:
        return None
    try:
        value = datetime(int(match.group("y")), int(match.group("m")), int(match.group("d")))
    except ValueError:
        return None
    return value if _in_range(value) else None


def parse_date(text: str, *, written: bool = False, day_first: bool = False) -> datetime | None:
    """Read a date from ``text``; naive if the text gives no zone, ``None`` if it is not a date.

    ISO 8601 (with or without time and offset) and RFC 2822 are always read; with
    ``written=True`` a written-out date inside running text ("Published September 4, 2025")
    is read too, and so are numeric dates ("09/25/2025"; ``day_first`` says how to read an
    ambiguous slashed date, dotted ones are always day first).

    >>> parse_date("2025-09-04T10:30:00+02:00").isoformat()
    '2025-09-04T10:30:00+02:00'
    >>> parse_date("2025-09-04").isoformat()
    '2025-09-04T00:00:00'
    >>> parse_date("Updated Sept. 4, 2025 at 3:05 pm", written=True).isoformat()
    '2025-09-04T15:05:00'
    >>> parse_date("not a date") is None
    True
    """
    text = text.strip()[:200]
    if not text:
        return None
    value = _parse_iso(text)
    if value is None and "," in text[:5]:
        try:
            value = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            value = None
    if value is None and written:
        value = _parse_written(text) or _parse_numeric(text, day_first)
    if value is None or not _in_range(value):
        return None
    return value


def settle_zone(value: datetime | None, others: Iterable[datetime | None]) -> datetime | None:
    """Give a naive page date the UTC offset of the page's zoned dates, else UTC.

    Pages that state some dates with an offset and others without almost always mean the
    same local time everywhere, so the offset is borrowed; with no zoned date at all the
    value is read as UTC (the convention of ``<time datetime>`` and schema.org).
    """
    if value is None or value.tzinfo is not None:
        return value
    for other in others:
        if other is not None and other.tzinfo is not None:
            return value.replace(tzinfo=other.tzinfo)
    return value.replace(tzinfo=timezone.utc)
