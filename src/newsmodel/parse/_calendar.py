"""Month names and UTC offsets shared by the plain-text and the web-page date readers.

The two readers grew separate month tables that agreed on English, French and German but each
knew a few names the other did not. One table now holds every name, tagged by the group it
belongs to, and each reader selects its groups: that keeps what each reader accepts exactly as
before while the spellings live in one place.
"""

from __future__ import annotations

import re
from datetime import timedelta, timezone

__all__ = ["PAGE_MONTHS", "TEXT_MONTHS", "utc_offset"]

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

_OFFSET = re.compile(r"(?:utc|gmt)?([+-])(\d{1,2}):?(\d{2})?", re.IGNORECASE)


def utc_offset(text: str) -> timezone | None:
    """The fixed zone of a numeric offset ("+02:00", "-0500", "UTC+1"), or ``None``.

    ``None`` also for an offset of a day or more, which :class:`datetime.timezone` cannot hold;
    callers that want a tighter bound check the offset themselves.
    """
    match = _OFFSET.fullmatch(text)
    if match is None:
        return None
    offset = timedelta(hours=int(match.group(2)), minutes=int(match.group(3) or 0))
    if offset >= timedelta(days=1):
        return None
    return timezone(-offset if match.group(1) == "-" else offset)
