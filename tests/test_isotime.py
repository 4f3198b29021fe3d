"""ISO 8601 date-times read the same on every supported Python (3.10's fromisoformat is narrow)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given

from newsmodel._isotime import parse_iso_datetime
from newsmodel.strategies import datetimes


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-09T12:00:00Z", datetime(2026, 2, 9, 12, tzinfo=timezone.utc)),
        ("2026-02-09T12:00Z", datetime(2026, 2, 9, 12, tzinfo=timezone.utc)),
        (
            "2026-02-09T12:00:00.5+01:00",
            datetime(2026, 2, 9, 12, 0, 0, 500000, tzinfo=timezone(timedelta(hours=1))),
        ),
        (
            "2026-02-09T12:00:00.123456789-0500",
            datetime(2026, 2, 9, 12, 0, 0, 123456, tzinfo=timezone(timedelta(hours=-5))),
        ),
        ("2026-02-09 12:00:00+02", datetime(2026, 2, 9, 12, tzinfo=timezone(timedelta(hours=2)))),
        ("2026-02-09T12:00:00", datetime(2026, 2, 9, 12)),
        ("2026-02-09", datetime(2026, 2, 9)),
    ],
)
def test_other_producers_forms(text: str, expected: datetime) -> None:
    parsed = parse_iso_datetime(text)
    assert parsed == expected
    assert parsed.utcoffset() == expected.utcoffset()


@pytest.mark.parametrize(
    "text", ["", "yesterday", "2026-13-01", "2026-02-09T25:00:00Z", "2026-02-09T12:00:00+0"]
)
def test_non_dates_are_value_errors(text: str) -> None:
    with pytest.raises(ValueError):
        parse_iso_datetime(text)


@given(datetimes())
def test_reads_everything_isoformat_writes(moment: datetime) -> None:
    parsed = parse_iso_datetime(moment.isoformat())
    assert parsed == moment
    assert parsed.utcoffset() == moment.utcoffset()
