"""Reading ISO 8601 date-times the same way on every supported Python.

``datetime.fromisoformat`` before Python 3.11 reads only what ``isoformat`` writes: no "Z"
suffix, no fraction other than 3 or 6 digits, no "+0100" offsets. Other producers write all
three, so readers normalise them here first.
"""

from __future__ import annotations

import re
from datetime import datetime

__all__ = ["parse_iso_datetime"]

_SHAPE = re.compile(
    r"(?P<date>\d{4}-\d{2}-\d{2})(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?:[.,](?P<fraction>\d{1,9}))?)?"
    r"(?P<zone>[Zz]|[+-]\d{2}(?::?\d{2}(?::\d{2}(?:\.\d{1,6})?)?)?)?\Z"
)


def parse_iso_datetime(text: str) -> datetime:
    """Parse an ISO 8601 date or date-time; raise ``ValueError`` if it is not one.

    The result is naive when the text gives no UTC offset; callers decide what that means.
    """
    match = _SHAPE.match(text.strip())
    if match is None:
        raise ValueError(f"not an ISO 8601 date-time: {text!r}")
    date, time, fraction, zone = match.group("date", "time", "fraction", "zone")
    normal = date
    if time is not None:
        normal += "T" + (time if time.count(":") == 2 else time + ":00")
        if fraction:
            normal += "." + (fraction + "00000")[:6]
    if zone is not None:
        if zone in ("Z", "z"):
            zone = "+00:00"
        elif len(zone) == 3:
            zone += ":00"
        elif ":" not in zone:
            zone = f"{zone[:3]}:{zone[3:]}"
        normal += zone if time is not None else ""
    return datetime.fromisoformat(normal)
