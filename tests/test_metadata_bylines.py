"""Bylines into names, and page date strings into datetimes: examples and properties."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.model import xml_unsafe_characters
from newsmodel.parse.web_bylines import fold_name, looks_like_name, split_byline
from newsmodel.parse.web_dates import date_in_url, parse_date, settle_zone

# --------------------------------------------------------------------------------------------
# Bylines

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Jane Doe", ["Jane Doe"]),
        ("BY JANE DOE AND JOHN ROE", ["JANE DOE", "JOHN ROE"]),
        ("Written by Ana Lima & Rui Costa", ["Ana Lima", "Rui Costa"]),
        ("By Ana Lima, Rui Costa and Eva Sousa", ["Ana Lima", "Rui Costa", "Eva Sousa"]),
        ("Von Ilse Brandt und Jörg Weber", ["Ilse Brandt", "Jörg Weber"]),
        ("By Marie van der Berg", ["Marie van der Berg"]),
        ("By Jane Doe | Published September 4, 2025", ["Jane Doe"]),
        ("Jane Doe Updated 3 hours ago", ["Jane Doe"]),
        ("Author: Sam O'Neill", ["Sam O'Neill"]),
        ("Photo by John Roe", []),
        ("Reviewed by Dr. Kim Park", []),
        ("Share this article", []),
        ("By admin", []),
        ("", []),
    ],
)
def test_byline_names(byline: str, names: list[str]) -> None:
    assert [p.name for p in split_byline(byline)] == names


def test_byline_roles_organisations_and_credentials() -> None:
    (jane,) = split_byline("By Jane Doe, Reuters")
    assert (jane.name, jane.organization) == ("Jane Doe", "Reuters")
    (editor,) = split_byline("Jane Doe | Senior Editor")
    assert (editor.name, editor.role) == ("Jane Doe", "Senior Editor")
    (dietitian,) = split_byline("Dylan Bailey, MS, RD")
    assert (dietitian.name, dietitian.credentials) == ("Dylan Bailey", ("MS", "RD"))
    (director,) = split_byline("Ben Ode, Director of Operations, Atlas Movers")
    assert (director.role, director.organization) == ("Director of Operations", "Atlas Movers")


def test_one_organisation_after_several_names_is_everyones() -> None:
    people = split_byline("By Ana Lima and Rui Costa, Associated Press")
    assert [(p.name, p.organization) for p in people] == [
        ("Ana Lima", "Associated Press"),
        ("Rui Costa", "Associated Press"),
    ]


def test_fold_name_ignores_case_diacritics_and_punctuation() -> None:
    assert fold_name("José  Álvarez-Ruiz") == fold_name("jose alvarez ruiz")
    assert fold_name("O'Brien") == fold_name("O Brien")


@given(st.text(max_size=400))
def test_split_byline_never_raises_and_names_come_from_the_text(text: str) -> None:
    for person in split_byline(text):
        assert looks_like_name(person.name)
        assert not xml_unsafe_characters(person.name + (person.role or "") + (person.organization or ""))
        assert all(word in " ".join(_UNSAFE.sub("", text).split()) for word in person.name.split())


@given(
    st.lists(st.sampled_from(["Ana Lima", "Rui Costa", "Eva Sousa", "Kai Moreno"]), min_size=1, max_size=4)
)
def test_names_joined_the_usual_ways_come_back_in_order(names: list[str]) -> None:
    byline = "By " + (names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1])
    assert [p.name for p in split_byline(byline)] == names


# --------------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-09-04", datetime(2025, 9, 4)),
        ("2025-09-04T10:30:00Z", datetime(2025, 9, 4, 10, 30, tzinfo=timezone.utc)),
        ("2025-09-04T10:30:00.123+0530", datetime(2025, 9, 4, 10, 30, tzinfo=timezone(timedelta(hours=5.5)))),
        ("2025-09-04 10:30", datetime(2025, 9, 4, 10, 30)),
        ("Thu, 04 Sep 2025 10:30:00 GMT", datetime(2025, 9, 4, 10, 30, tzinfo=timezone.utc)),
        ("0001-01-01T00:00:00Z", None),
        ("2025-13-45", None),
        ("2025-09-04-some-slug", None),
        ("yesterday", None),
    ],
)
def test_parse_date_machine_formats(text: str, expected: datetime | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published September 4, 2025", datetime(2025, 9, 4)),
        ("Sept. 4th, 2025 at 3:05 pm", datetime(2025, 9, 4, 15, 5)),
        ("4 septembre 2025", datetime(2025, 9, 4)),
        ("Updated: 09/25/2025", datetime(2025, 9, 25)),
        ("12.03.2025", datetime(2025, 3, 12)),
    ],
)
def test_parse_date_written_formats(text: str, expected: datetime) -> None:
    assert parse_date(text) is None or parse_date(text) == expected
    assert parse_date(text, written=True) == expected


def test_slashed_dates_follow_the_page_convention() -> None:
    assert parse_date("03/04/2025", written=True) == datetime(2025, 3, 4)
    assert parse_date("03/04/2025", written=True, day_first=True) == datetime(2025, 4, 3)
    assert parse_date("25/04/2025", written=True) == datetime(2025, 4, 25)  # unambiguous


def test_date_in_url() -> None:
    assert date_in_url("https://x.example/2016/02/09/story") == datetime(2016, 2, 9)
    assert date_in_url("https://x.example/blog/2025-12-17-release") == datetime(2025, 12, 17)
    assert date_in_url("https://x.example/item/20251217") is None
    assert date_in_url("https://x.example/2016/13/40/story") is None


def test_settle_zone_borrows_an_offset_or_uses_utc() -> None:
    naive = datetime(2025, 1, 1, 12)
    zoned = datetime(2025, 1, 2, tzinfo=timezone(timedelta(hours=3)))
    assert settle_zone(naive, [None, zoned]) == naive.replace(tzinfo=zoned.tzinfo)
    assert settle_zone(naive, [None]) == naive.replace(tzinfo=timezone.utc)
    assert settle_zone(zoned, []) is zoned
    assert settle_zone(None, [zoned]) is None


@given(
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31)).map(
        lambda d: d.replace(microsecond=0)
    ),
    st.integers(min_value=-14 * 60, max_value=14 * 60),
)
def test_iso_timestamps_round_trip(value: datetime, offset_minutes: int) -> None:
    aware = value.replace(tzinfo=timezone(timedelta(minutes=offset_minutes)))
    assert parse_date(aware.isoformat()) == aware
    assert parse_date(value.isoformat()) == value


@given(st.text(max_size=300))
def test_parse_date_never_raises_and_stays_in_range(text: str) -> None:
    for written in (False, True):
        value = parse_date(text, written=written)
        assert value is None or 1990 <= value.year <= 2100
