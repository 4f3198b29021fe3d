"""to_newsml/from_newsml: lossless, valid (NewsML-G2 XSD, XHTML 1.0 Strict), readable by IPTC's reader."""

from __future__ import annotations

import re
import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import NewsMLG2
import pytest
from hypothesis import given
from lxml import etree

from newsml_support import dtd_errors, newsml_schema, xhtml_body, xhtml_strict_dtd, xsd_errors
from newsmodel.formats._xhtml import XHTML_NS
from newsmodel.formats.newsml import NAR_NS, NEWSMODEL_NS, from_newsml, to_newsml
from newsmodel.model import (
    Article,
    AuthorProfile,
    BlockQuote,
    Emphasis,
    Figure,
    Link,
    ListBlock,
    Paragraph,
    Publisher,
    Quote,
    Section,
    Subject,
    Table,
)
from newsmodel.strategies import articles

NAR = "{" + NAR_NS + "}"


@pytest.fixture(scope="module")
def standards(conformance: Path) -> Path:
    return conformance / "standards"


def round_trip(article: Article) -> Article:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # our own items must read back without any report
        return from_newsml(to_newsml(article))


def assert_valid(data: bytes, standards: Path) -> None:
    assert xsd_errors(newsml_schema(standards), data) == []
    html = xhtml_body(data)
    if html is not None:
        assert dtd_errors(xhtml_strict_dtd(standards), html) == []


@given(articles())
def test_every_article_round_trips_and_validates(standards: Path, article: Article) -> None:
    data = to_newsml(article)
    assert_valid(data, standards)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert from_newsml(data) == article


@given(articles(max_sections=1, max_blocks=1))
def test_iptc_reader_sees_the_same_headline_and_creators(article: Article) -> None:
    item = NewsMLG2.NewsMLG2Document(to_newsml(article)).get_item()
    meta = item.contentmeta
    assert str(meta.headline[0]) == as_newsmlg2_shows(article.headline)
    assert [str(creator.name) for creator in meta.creator] == [
        as_newsmlg2_shows(a.name) for a in article.authors
    ]


def as_newsmlg2_shows(text: str) -> str:
    # newsmlg2 collapses whitespace runs (Python's \s, Unicode-wide) and strips the ends of what it reads.
    return re.sub(r"\s+", " ", text).strip()


HOSTILE = (
    "  lead\r\nCR\rLF\n]]> & <tag> &amp; \t"
    + "\u202eRTL\u202c \u05e9\u05dc\u05d5\u05dd \U0001f600\U00020000 trail  "
)


def hostile_article() -> Article:
    text = f"{HOSTILE}«quoted» end"
    start = text.index("quoted")
    return Article(
        headline=HOSTILE,
        summary=HOSTILE,
        kicker=HOSTILE,
        dateline=HOSTILE,
        identifier=HOSTILE,
        url=HOSTILE,
        language="he-IL",
        publisher=Publisher(name=HOSTILE, url=HOSTILE),
        authors=(
            AuthorProfile(
                name=HOSTILE,
                role=HOSTILE,
                organization=HOSTILE,
                bio=HOSTILE,
                url=HOSTILE,
                email="a&b@example.org",
                image=HOSTILE,
                education=(HOSTILE,),
                expertise=(HOSTILE,),
                same_as=(HOSTILE,),
            ),
        ),
        subjects=(Subject(name=HOSTILE, code=HOSTILE), Subject(name="politics", code="medtop:11000000")),
        sections=(
            Section(
                heading=HOSTILE,
                level=3,
                blocks=(
                    Paragraph(
                        text=text,
                        quotes=(
                            Quote(text="quoted", start=start, end=start + 6, speaker=HOSTILE, kind="partial"),
                        ),
                        marks=(Link(start=0, end=len(text), href=HOSTILE, title=HOSTILE),),
                    ),
                    Table(rows=((HOSTILE, ""), ("x",)), header_rows=1, caption=HOSTILE),
                    Figure(caption=HOSTILE, credit=HOSTILE, alt=HOSTILE),
                ),
            ),
        ),
    )


def test_hostile_text_survives_exactly(standards: Path) -> None:
    article = hostile_article()
    data = to_newsml(article)
    assert_valid(data, standards)
    assert round_trip(article) == article
    assert from_newsml(data.decode("utf-8")) == article  # str input too
    assert b"&#13;" in data  # a bare CR would be read back as LF
    assert b"<![CDATA[" not in data


def test_metadata_goes_to_its_newsml_places() -> None:
    article = hostile_article()
    article = Article(
        headline="Council approves bridge",
        summary="Councillors voted 7-2.",
        kicker="Transport",
        dateline="LONDON, March 4",
        language="en-GB",
        identifier="urn:newsml:example.com:20250304:bridge",
        published=datetime(2025, 3, 4, 8, 30, tzinfo=timezone.utc),
        modified=datetime(2025, 3, 4, 10, 10, tzinfo=timezone(timedelta(hours=1))),
        authors=(
            AuthorProfile(
                name="Jane Doe",
                bio="Covers City Hall.",
                organization="Example News",
                email="jane@example.com",
                url="https://example.com/jane",
                education=("LSE",),
            ),
        ),
        subjects=(Subject(name="politics", code="medtop:11000000"),),
        publisher=Publisher(name="Example News", url="https://example.com/"),
    )
    root = etree.fromstring(to_newsml(article))
    assert root.get("guid") == article.identifier
    assert root.findtext(f"{NAR}contentMeta/{NAR}headline") == "Council approves bridge"
    assert root.find(f"{NAR}contentMeta/{NAR}headline[@role='hlrole:kicker']").text == "Transport"
    assert root.find(f"{NAR}contentMeta/{NAR}description").get("role") == "drol:summary"
    assert root.findtext(f"{NAR}contentMeta/{NAR}dateline") == "LONDON, March 4"
    assert root.findtext(f"{NAR}contentMeta/{NAR}by") == "Jane Doe"
    assert root.find(f"{NAR}contentMeta/{NAR}language").get("tag") == "en-GB"
    assert root.find(f"{NAR}contentMeta/{NAR}subject").get("qcode") == "medtop:11000000"
    assert root.findtext(f"{NAR}contentMeta/{NAR}contentCreated") == "2025-03-04T08:30:00+00:00"
    assert root.findtext(f"{NAR}contentMeta/{NAR}contentModified") == "2025-03-04T10:10:00+01:00"
    assert root.findtext(f"{NAR}itemMeta/{NAR}firstCreated") == "2025-03-04T08:30:00+00:00"
    assert root.findtext(f"{NAR}itemMeta/{NAR}versionCreated") == "2025-03-04T09:10:00+00:00"
    assert root.findtext(f"{NAR}itemMeta/{NAR}provider/{NAR}name") == "Example News"
    creator = root.find(f"{NAR}contentMeta/{NAR}creator")
    assert creator.findtext(f"{NAR}name") == "Jane Doe"
    assert creator.find(f"{NAR}definition").get("role") == "definitionrole:biog"
    assert creator.findtext(f"{NAR}personDetails/{NAR}affiliation/{NAR}name") == "Example News"
    assert creator.findtext(f"{NAR}personDetails/{NAR}contactInfo/{NAR}email") == "jane@example.com"
    assert creator.findtext(f"{NAR}personDetails/{NAR}contactInfo/{NAR}web") == "https://example.com/jane"
    assert creator.find(f"{NAR}related[@rel='exrel:alumniOf']/{NAR}name").text == "LSE"
    # Nothing here needed newsmodel's extension attributes: plain values stay plain NewsML-G2.
    assert NEWSMODEL_NS.encode() not in etree.tostring(root).replace(
        b'xmlns:nm="' + NEWSMODEL_NS.encode(), b""
    )


def test_body_is_xhtml_in_its_own_namespace_with_recoverable_speakers(standards: Path) -> None:
    text = 'She said "we will build it" and left.'
    paragraph = Paragraph(
        text=text,
        quotes=(Quote(text="we will build it", start=10, end=26, speaker="Mayor Ann Lee", kind="direct"),),
        marks=(Emphasis(start=0, end=3, style="strong"), Emphasis(start=4, end=8, style="underline")),
    )
    article = Article(
        headline="h",
        sections=(
            Section(heading="The vote", blocks=(paragraph,)),
            Section(
                blocks=(
                    BlockQuote(paragraphs=(Paragraph(text="A great day."),), attribution="The mayor"),
                    ListBlock(items=(Paragraph(text="one"), Paragraph(text="two")), ordered=True),
                )
            ),
        ),
    )
    data = to_newsml(article)
    assert_valid(data, standards)
    html = etree.fromstring(data).find(f".//{NAR}inlineXML/{{{XHTML_NS}}}html")
    assert html is not None, "the body must be in the XHTML namespace, not inherit NewsML-G2's"
    q = html.find(f".//{{{XHTML_NS}}}q")
    assert (q.text, q.get("title"), "direct" in q.get("class").split()) == (
        "we will build it",
        "Mayor Ann Lee",
        True,
    )
    assert html.find(f".//{{{XHTML_NS}}}h2").text == "The vote"
    assert html.find(f".//{{{XHTML_NS}}}strong").text == "She"
    assert html.find(f".//{{{XHTML_NS}}}ol") is not None
    assert html.find(f".//{{{XHTML_NS}}}blockquote/{{{XHTML_NS}}}p[@class='attribution']").text == "The mayor"
    assert round_trip(article) == article


def test_overlapping_and_nested_annotations_round_trip_and_stay_valid(standards: Path) -> None:
    text = "abcdefghij"
    paragraph = Paragraph(
        text=text,
        quotes=(
            Quote(text="abcdef", start=0, end=6, speaker="A"),
            Quote(text="cdefgh", start=2, end=8, kind="scare"),
            Quote(text="cd", start=2, end=4, kind="partial"),
        ),
        marks=(
            Link(start=0, end=10, href="https://a.example/"),
            Link(start=3, end=9, href="https://b.example/", title="b"),
            Emphasis(start=5, end=5, style="code"),  # empty mark
            Link(start=10, end=10, href="https://c.example/"),
            Emphasis(start=0, end=10, style="strike"),
        ),
    )
    article = Article(headline="h", sections=(Section(blocks=(paragraph,)),))
    data = to_newsml(article)
    assert_valid(data, standards)
    assert round_trip(article) == article


@pytest.mark.parametrize(
    "moment",
    [
        datetime(2025, 10, 26, 1, 30, fold=1, tzinfo=ZoneInfo("Europe/London")),  # the repeated hour
        datetime(2025, 3, 30, 1, 30, tzinfo=ZoneInfo("Europe/London")),  # a wall time that never happened
        datetime(1900, 1, 1, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam")),  # local mean time: +00:19:32
        datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=23, minutes=59))),  # beyond the XSD's +14:00
        datetime(2000, 1, 1, 0, 0, 0, 5, tzinfo=timezone(timedelta(seconds=-61))),
    ],
)
def test_datetimes_keep_their_zone_even_where_the_xsd_cannot_write_it(
    standards: Path, moment: datetime
) -> None:
    article = Article(headline="h", published=moment, modified=moment)
    data = to_newsml(article)
    assert_valid(data, standards)
    back = round_trip(article)
    assert back == article
    assert back.published is not None
    assert (back.published.replace(tzinfo=None), back.published.utcoffset(), back.published.fold) == (
        moment.replace(tzinfo=None),
        moment.utcoffset(),
        moment.fold,
    )
    assert type(back.published.tzinfo) is type(moment.tzinfo)


def test_an_article_without_identifier_gets_a_guid_but_reads_back_without_one(standards: Path) -> None:
    data = to_newsml(Article(headline="h"))
    assert_valid(data, standards)
    assert etree.fromstring(data).get("guid").startswith("urn:uuid:")
    assert from_newsml(data).identifier is None


def guid(article: Article) -> str:
    return str(etree.fromstring(to_newsml(article)).get("guid"))


def test_a_generated_guid_is_the_same_for_the_same_story_and_differs_between_stories() -> None:
    moment = datetime(2025, 3, 4, 5, 6, tzinfo=timezone.utc)
    story = Article(headline="Rates rise", published=moment)
    assert guid(story) == guid(Article(headline="Rates rise", published=moment))
    assert guid(story) != guid(Article(headline="Rates rise", published=moment + timedelta(days=1)))
    assert guid(story) != guid(Article(headline="Rates fall", published=moment))
    # A URL names the story whatever its version: an edited headline keeps the guid.
    page = Article(headline="Rates rise", url="https://news.example/rates")
    assert guid(page) == guid(attrs.evolve(page, headline="Rates rise again"))
    assert guid(page) != guid(attrs.evolve(page, url="https://news.example/other"))
    assert guid(attrs.evolve(page, identifier="tag:news.example,2025:1")) == "tag:news.example,2025:1"


def test_to_newsml_rejects_non_articles() -> None:
    with pytest.raises(TypeError):
        to_newsml({"headline": "h"})  # type: ignore[arg-type]
