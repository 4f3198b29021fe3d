"""Dates as news articles print them: US, AP, British, ISO 8601 and German forms.

``parse_date`` accepts one date (optionally with a weekday, a time, a time zone and a label
such as "Published:" or "Aktualisiert:") and nothing else; anything it does not recognise as a
whole gives ``None``, so it can also decide whether a header line *is* a date line.

Rule for text that states no time zone: the date and time are taken as written, in
``default_timezone`` (UTC unless you say otherwise); a date without a time is midnight of that
day in ``default_timezone``. The result is therefore always timezone-aware.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone, tzinfo

from .._isotime import parse_iso_datetime
from ._calendar import TEXT_MONTHS, clock_hour, named_zone

__all__ = ["parse_date", "split_date_label"]

_LABEL = re.compile(
    r"(?P<label>(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|updated(?:\s+on)?|last\s+updated|"
    r"modified|date|dated|veröffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?|stand|erschienen(?:\s+am)?|"
    r"publié\s+le|mis\s+à\s+jour\s+le)\s*:?\s+",
    re.IGNORECASE,
)
_WEEKDAY = re.compile(
    r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+|"
    r"(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag),?\s+|"
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche),?\s+",
    re.IGNORECASE,
)
_MONTH_WORD = r"(?P<mon>[A-Za-zéèûäÄ]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?"
_DATE_FORMS = (
    re.compile(_MONTH_WORD + r"\s+" + _DAY + r",?\s+(?P<year>\d{4})", re.IGNORECASE),  # Feb. 9, 2026
    re.compile(
        _DAY + r"\.?\s+(?:of\s+)?" + _MONTH_WORD + r",?\s+(?P<year>\d{4})", re.IGNORECASE
    ),  # 3 March 2026
    re.compile(r"(?P<year>\d{4})-(?P<mon>\d{1,2})-(?P<day>\d{1,2})"),  # 2026-03-03
    re.compile(r"(?P<day>\d{1,2})\.(?P<mon>\d{1,2})\.(?P<year>\d{4})"),  # 11.03.2026
)
_TIME = re.compile(
    r"[\s,]*(?:at|um|à|-|–|—|\||T)?\s*"
    r"(?P<hour>\d{1,2})(?:[:.h](?P<minute>\d{2}))?(?::(?P<second>\d{2})(?:\.\d{1,6})?)?\s*"
    r"(?P<ampm>[ap]\.?\s?m\.?)?\s*(?:uhr|h)?\s*"
    r"(?:\(?(?P<zone>[A-Za-z]{1,5}|(?:utc|gmt)?\s?[+-]\d{1,2}(?::?\d{2})?)\)?)?",
    re.IGNORECASE,
)


def split_date_label(text: str) -> tuple[str | None, str]:
    """Split a leading label such as ``"Updated:"`` from a date line: ``(label or None, rest)``.

    The label is lower-cased with its colon and trailing "on"/"am" removed.
    """
    match = _LABEL.match(text)
    if match is None:
        return None, text
    label = re.sub(r"\s+(?:on|am|le)$", "", match.group("label").lower())
    return " ".join(label.split()), text[match.end() :]


def parse_date(text: str, *, default_timezone: tzinfo = timezone.utc) -> datetime | None:
    """Parse a date (with optional weekday, time, zone and label) written as a news article would.

    Returns a timezone-aware datetime, or ``None`` when ``text`` as a whole is not a date.
    A zone the text names wins; otherwise ``default_timezone`` is used, and a date without a time
    is midnight.
    """
    rest = split_date_label(text.strip())[1].strip().rstrip(".").strip()
    if not rest or len(rest) > 80:
        return None
    weekday = _WEEKDAY.match(rest)
    if weekday is not None:
        rest = rest[weekday.end() :]
    iso = _parse_iso(rest, default_timezone)
    if iso is not None:
        return iso
    for form in _DATE_FORMS:
        match = form.match(rest)
        if match is not None:
            parsed = _date_with_time(match, rest[match.end() :], default_timezone)
            if parsed is not None:
                return parsed
    return None


def _parse_iso(text: str, default_timezone: tzinfo) -> datetime | None:
    if len(text) < 10 or not text[:4].isdigit() or text[4] != "-":
        return None
    try:
        value = parse_iso_datetime(text)
    except ValueError:
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=default_timezone)


def _date_with_time(match: re.Match[str], tail: str, default_timezone: tzinfo) -> datetime | None:
    month_text = match.group("mon")
    month = int(month_text) if month_text.isdigit() else TEXT_MONTHS.get(month_text.lower())
    if month is None:
        return None
    year, day = int(match.group("year")), int(match.group("day"))
    hour = minute = second = 0
    zone: tzinfo | None = None
    tail = tail.strip()
    if tail:
        time = _TIME.fullmatch(tail)
        if time is None or (time.group("minute") is None and time.group("ampm") is None):
            return None
        hour, minute = int(time.group("hour")), int(time.group("minute") or 0)
        second = int(time.group("second") or 0)
        ampm = (time.group("ampm") or "").lower()
        if ampm:
            if not 1 <= hour <= 12:
                return None
            hour = clock_hour(hour, ampm[0])
        if time.group("zone"):
            zone = named_zone(time.group("zone"))
            if zone is None:
                return None
    try:
        naive = datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
    return naive.replace(tzinfo=zone if zone is not None else default_timezone)
