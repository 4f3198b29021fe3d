"""from_nitf: standalone NITF 3.x documents, with and without the NITF namespace."""

from __future__ import annotations

import warnings
from datetime import datetime, timedelta, timezone

import pytest

from newsml_support import FIXTURES
from newsmodel.errors import DeserializationError
from newsmodel.formats.nitf import NewsModelWarning, from_nitf
from newsmodel.model import Publisher, Quote, Subject

NITF_NS = b' xmlns="http://iptc.org/std/NITF/2006-10-18/"'


def story(namespaced: bool) -> bytes:
    data = (FIXTURES / "story.nitf.xml").read_bytes()
    return data if namespaced else data.replace(NITF_NS, b"")


@pytest.mark.parametrize("namespaced", [True, False])
def test_standalone_nitf_story(namespaced: bool) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # everything in this story has a place in the model
        article = from_nitf(story(namespaced))
    assert article.headline == "Family bakery wins regional award"  # hl1 wins over head/title
    assert [a.name for a in article.authors] == ["Priya Nair"]
    assert article.dateline == "HILLFORD, July 14"
    assert article.summary == "A third-generation bakery took the top prize for its rye loaf."
    assert article.identifier == "bakery-award-2026-0714"
    assert article.published == datetime(2026, 7, 14, 9, 30, tzinfo=timezone(timedelta(hours=2)))
    assert article.language == "en"
    assert article.publisher == Publisher(name="The Valley Courier", url="https://courier.example.com/")
    assert article.subjects == (
        Subject(name="economy, business and finance", code="04000000"),
        Subject(name="small business"),
    )
    assert [s.heading for s in article.sections] == [None, "Three generations"]
    first = article.sections[0].blocks[0]
    assert first.quotes == (Quote(text="the best rye in the region", start=27, end=53),)  # type: ignore[union-attr]


def test_head_title_is_the_fallback_headline_and_unknown_parts_are_reported() -> None:
    data = (
        b"<nitf><head><title>Only a title</title><revision-history name='ed'/></head>"
        b"<body><body.content><p>Text.</p><nitf-table><table-reference/></nitf-table></body.content>"
        b"<body.end><tagline>Desk</tagline></body.end></body></nitf>"
    )
    with pytest.warns(NewsModelWarning) as caught:
        article = from_nitf(data)
    assert article.headline == "Only a title"
    message = str(caught[0].message)
    for lost in ("head/revision-history", "body.end/tagline", "body.content/nitf-table"):
        assert lost in message
    with pytest.raises(DeserializationError):
        from_nitf(data, strict=True)


@pytest.mark.parametrize(
    ("norm", "expected"),
    [
        ("20260714T093000Z", datetime(2026, 7, 14, 9, 30, tzinfo=timezone.utc)),
        ("20260714T0930-0500", datetime(2026, 7, 14, 9, 30, tzinfo=timezone(timedelta(hours=-5)))),
        ("2026-07-14T09:30:00+01:00", datetime(2026, 7, 14, 9, 30, tzinfo=timezone(timedelta(hours=1)))),
    ],
)
def test_nitf_dates(norm: str, expected: datetime) -> None:
    assert from_nitf(dated(norm)).published == expected


def dated(norm: str) -> bytes:
    head = f'<head><docdata><date.issue norm="{norm}"/></docdata></head>'
    return f"<nitf>{head}<body><body.head><hedline><hl1>h</hl1></hedline></body.head></body></nitf>".encode()


def test_a_date_without_offset_is_reported_not_guessed() -> None:
    with pytest.warns(NewsModelWarning, match="no UTC offset"):
        assert from_nitf(dated("20260714T093000")).published is None


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"<newsItem/>", "not an NITF document"),
        (b"<nitf><body/></nitf>", "without a headline"),
        (b"<nitf><head>", "not a well-formed"),
    ],
)
def test_bad_nitf_raises(data: bytes, message: str) -> None:
    with pytest.raises(DeserializationError, match=message):
        from_nitf(data)
