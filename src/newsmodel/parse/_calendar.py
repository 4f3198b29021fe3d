"""Month names, time zones and the 12-hour clock, shared by the text and the page date readers.

The two readers grew separate month tables that agreed on English, French and German but each
knew a few names the other did not. One table now holds every name, tagged by the group it
belongs to, and each reader selects its groups: that keeps what each reader accepts exactly as
before while the spellings live in one place. Zones and a.m./p.m. have one reading each; the
readers differ only in how wide an offset they trust.
"""

from __future__ import annotations

import re
from datetime import timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["PAGE_MONTHS", "TEXT_MONTHS", "clock_hour", "named_zone"]

# One row per month: names both readers know | names only the text reader knows (Austrian
# and German abbreviations) | names only the page reader knows (Spanish, Italian, "marz").
_MONTH_ROWS = (
    ("january jan januar janvier", "jänner", "enero gennaio"),
    ("february feb februar février fevrier", "feber", "febrero febbraio"),
    ("march mar märz mars", "maerz mrz", "marz marzo"),
    ("april apr avril", "", "abril aprile"),
    ("may mai", "", "mayo maggio"),
    ("june jun juni juin", "", "junio giugno"),
    ("july jul juli juillet", "", "julio luglio"),
    ("august aug août aout", "", "agosto"),
    ("september sep sept septembre", "", "septiembre settembre"),
    ("october oct oktober octobre", "okt", "octubre ottobre"),
    ("november nov novembre", "", "noviembre"),
    ("december dec dezember décembre decembre", "dez", "diciembre dicembre"),
)

#: Lower-case month name -> month number, as the plain-text reader (``parse.dates``) reads them.
TEXT_MONTHS: dict[str, int] = {
    name: number
    for number, (shared, text_only, _) in enumerate(_MONTH_ROWS, start=1)
    for name in (shared + " " + text_only).split()
}
#: Lower-case month name -> month number, as the web-page reader (``parse.web_dates``) reads them.
PAGE_MONTHS: dict[str, int] = {
    name: number
    for number, (shared, _, page_only) in enumerate(_MONTH_ROWS, start=1)
    for name in (shared + " " + page_only).split()
}

# Abbreviations with a fixed offset; the US zone letters without S/D follow daylight saving time.
_FIXED_ZONES: dict[str, int] = {
    "utc": 0, "gmt": 0, "z": 0, "wet": 0, "bst": 60, "ist": 60, "cet": 60, "mez": 60,
    "cest": 120, "mesz": 120, "eet": 120, "eest": 180, "msk": 180,
    "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360,
    "pst": -480, "pdt": -420, "akst": -540, "akdt": -480, "hst": -600,
}  # fmt: skip
_REGIONAL_ZONES: dict[str, tuple[str, int]] = {
    "et": ("America/New_York", -300),
    "ct": ("America/Chicago", -360),
    "mt": ("America/Denver", -420),
    "pt": ("America/Los_Angeles", -480),
}

_OFFSET = re.compile(r"(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?")
# Real offsets run from -12:00 to +14:00; text readers reject anything wider as a misreading.
_WIDEST_OFFSET = timedelta(hours=14)


def named_zone(name: str, *, widest: timedelta = _WIDEST_OFFSET) -> tzinfo | None:
    """The zone a date names: "UTC", "CEST", "ET", "+02:00", "-0500", "GMT+1"; ``None`` if unknown.

    Numeric offsets wider than ``widest`` give ``None``, and so does any of a day or more,
    which :class:`datetime.timezone` cannot hold.
    """
    key = name.lower().replace(" ", "")
    if key in _FIXED_ZONES:
        return timezone(timedelta(minutes=_FIXED_ZONES[key]))
    if key in _REGIONAL_ZONES:
        zone_name, standard = _REGIONAL_ZONES[key]
        try:
            return ZoneInfo(zone_name)
        except ZoneInfoNotFoundError:  # no tz database on this machine: standard time is the best guess
            return timezone(timedelta(minutes=standard))
    match = _OFFSET.fullmatch(key)
    if match is None:
        return None
    offset = timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0))
    if offset > widest or offset >= timedelta(days=1):
        return None
    return timezone(-offset if match.group(1) == "-" else offset)


def clock_hour(hour: int, meridiem: str) -> int:
    """The 24-hour clock hour of ``hour`` followed by "a" (a.m.), "p" (p.m.) or "" (none)."""
    if meridiem == "p" and hour < 12:
        return hour + 12
    if meridiem == "a" and hour == 12:
        return 0
    return hour
