"""parse_date: the date forms news articles print, and what is not a date."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.parse.dates import parse_date, split_date_label

UTC = timezone.utc


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        # US and AP style
        ("February 9, 2026", "2026-02-09T00:00:00+00:00"),
        ("Feb. 9, 2026", "2026-02-09T00:00:00+00:00"),
        ("Sept. 30, 2026", "2026-09-30T00:00:00+00:00"),
        ("Monday, February 9, 2026", "2026-02-09T00:00:00+00:00"),
        ("Feb. 9, 2026 3:45 p.m. ET", "2026-02-09T15:45:00-05:00"),
        ("July 4, 2026, 10:00 AM EDT", "2026-07-04T10:00:00-04:00"),
        ("July 4, 2026 at 9 a.m. PT", "2026-07-04T09:00:00-07:00"),
        ("March 3rd, 2026", "2026-03-03T00:00:00+00:00"),
        # British
        ("3 March 2026", "2026-03-03T00:00:00+00:00"),
        ("3rd of March 2026", "2026-03-03T00:00:00+00:00"),
        ("Tuesday 3 March 2026 14.05 GMT", "2026-03-03T14:05:00+00:00"),
        ("Fri 29 May 2026 07.40 BST", "2026-05-29T07:40:00+01:00"),
        # ISO 8601
        ("2026-03-03", "2026-03-03T00:00:00+00:00"),
        ("2026-03-03T14:05:00Z", "2026-03-03T14:05:00+00:00"),
        ("2026-03-03 14:05:30+01:00", "2026-03-03T14:05:30+01:00"),
        # German and French
        ("11. März 2026, 18:45 Uhr", "2026-03-11T18:45:00+00:00"),
        ("11.03.2026", "2026-03-11T00:00:00+00:00"),
        ("Mittwoch, 11. März 2026, 18:45 Uhr MEZ", "2026-03-11T18:45:00+01:00"),
        ("Veröffentlicht am 14.09.2026, 08:15 Uhr MESZ", "2026-09-14T08:15:00+02:00"),
        ("Publié le 3 mars 2026", "2026-03-03T00:00:00+00:00"),
        # labels and offsets
        ("Published: Feb. 9, 2026", "2026-02-09T00:00:00+00:00"),
        ("Updated on 3 March 2026 09:00 UTC+2", "2026-03-03T09:00:00+02:00"),
    ],
)
def test_date_forms(text: str, iso: str) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.isoformat() == iso


@pytest.mark.parametrize(
    "text",
    [
        "",
        "By Ana Lima",
        "February 2026",
        "Feb. 30, 2026",
        "13.13.2026",
        "Feb. 9, 2026 and then some words",
        "The council met on Feb. 9, 2026.",
        "3:45 p.m.",
        "Feb. 9, 2026 25:00",
        "Feb. 9, 2026 3:45 XYZQ",
        "2026-02-09T25:00",
    ],
)
def test_not_a_date(text: str) -> None:
    assert parse_date(text) is None


def test_regional_us_zones_follow_daylight_saving_time() -> None:
    winter, summer = parse_date("Jan. 5, 2026 9:00 a.m. ET"), parse_date("July 5, 2026 9:00 a.m. ET")
    assert winter is not None and winter.utcoffset() == timedelta(hours=-5)
    assert summer is not None and summer.utcoffset() == timedelta(hours=-4)


def test_default_timezone_applies_only_when_no_zone_is_stated() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    assert parse_date("11. März 2026, 18:45 Uhr", default_timezone=berlin) == datetime(
        2026, 3, 11, 18, 45, tzinfo=berlin
    )
    stated = parse_date("11. März 2026, 18:45 Uhr MESZ", default_timezone=berlin)
    assert stated is not None and stated.utcoffset() == timedelta(hours=2)


def test_split_date_label() -> None:
    assert split_date_label("Last updated: Feb. 9, 2026") == ("last updated", "Feb. 9, 2026")
    assert split_date_label("Aktualisiert am 11.03.2026") == ("aktualisiert", "11.03.2026")
    assert split_date_label("Feb. 9, 2026") == (None, "Feb. 9, 2026")


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31)))
def test_every_day_round_trips_through_each_written_form(moment: datetime) -> None:
    day = moment.replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=UTC)
    for written in (
        f"{day:%B} {day.day}, {day.year}",
        f"{day.day} {day:%B} {day.year}",
        f"{day:%Y-%m-%d}",
        f"{day:%d.%m.%Y}",
        f"{day:%A}, {day:%b}. {day.day}, {day.year}",
    ):
        assert parse_date(written) == day, written


@given(st.text(max_size=120))
def test_any_text_gives_an_aware_datetime_or_none(text: str) -> None:
    parsed = parse_date(text)
    assert parsed is None or parsed.utcoffset() is not None
