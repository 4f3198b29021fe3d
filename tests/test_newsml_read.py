"""from_newsml on items other producers send: IPTC's examples and agency-style items of our own."""

from __future__ import annotations

import warnings
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from newsml_support import FIXTURES
from newsmodel.errors import DeserializationError
from newsmodel.formats.newsml import NewsModelWarning, from_newsml, read_newsml_items
from newsmodel.model import Article, BlockQuote, Emphasis, Figure, ListBlock, Paragraph, Quote

EXAMPLES = Path("newsml-g2") / "examples"


def read_reporting(data: bytes) -> tuple[list[Article], list[str]]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        articles = read_newsml_items(data)
    reports = [str(w.message) for w in caught if issubclass(w.category, NewsModelWarning)]
    return articles, reports


def test_iptc_listing_2_with_nitf_body(conformance: Path) -> None:
    data = (conformance / "standards" / EXAMPLES / "LISTING_2_NewsML-G2_Text_Document.xml").read_bytes()
    (article,), reports = read_reporting(data)
    assert article.headline == 'Fed to halt QE to avert "bubble"'  # layout whitespace collapsed
    assert [a.name for a in article.authors] == ["Meredith Jameson"]
    assert article.published == datetime(2016, 11, 21, 15, 21, 6, tzinfo=timezone(timedelta(hours=-5)))
    assert article.modified == datetime(2018, 11, 21, 16, 22, 45, tzinfo=timezone(timedelta(hours=-5)))
    assert article.language == "en-US"
    assert [s.code for s in article.subjects] == ["medtop:04000000", "medtop:20000350", "medtop:20000379"]
    paragraphs = [p.text for p in article.iter_paragraphs()]
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith("(New York, NY - October 21) Et, sent luptat luptat, commy Nim zzriureet")
    assert paragraphs[0].endswith("ad ex el utat.")
    assert "\n" not in paragraphs[0] and "  " not in paragraphs[0]
    # What the model has no place for is reported, not silently dropped.
    assert len(reports) == 1
    for lost in ("rightsInfo", "contentMeta/located", "contentMeta/infoSource", "contentMeta/slugline"):
        assert lost in reports[0]


def test_iptc_listing_1_without_body(conformance: Path) -> None:
    data = (conformance / "standards" / EXAMPLES / "LISTING_1_A_NewsML-G2_News_Item.xml").read_bytes()
    (article,), reports = read_reporting(data)
    assert article.headline == 'Fed to halt QE to avert "bubble"'
    assert article.sections == ()
    assert [a.name for a in article.authors] == ["Meredith Jameson"]
    assert article.published == datetime(2016, 10, 18, 11, 12, tzinfo=timezone(timedelta(hours=-5)))
    assert "itemMeta/embargoed" in reports[0]


def test_iptc_listing_22_sports_story_in_nitf(conformance: Path) -> None:
    data = (
        conformance / "standards" / EXAMPLES / "LISTING_22_Sports_story_in_NewsML-G2NITF.xml"
    ).read_bytes()
    (article,), reports = read_reporting(data)
    assert (
        article.headline
        == "Preview: Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05 p.m."
    )
    assert article.summary is not None and article.summary.startswith(
        "A pair of teams coming off big weekend"
    )
    assert "will square off" in article.summary  # the runs of spaces in the source are layout
    assert [a.name for a in article.authors] == ["The Sports Network"]
    assert len(list(article.iter_paragraphs())) == 6
    assert "Major League Baseball" in [s.name for s in article.subjects]
    assert "contentMeta/genre (x3)" in reports[0]


def test_iptc_listing_25_bare_content_set_with_nitf(conformance: Path) -> None:
    path = (
        conformance
        / "standards"
        / EXAMPLES
        / "LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml"
    )
    article = from_newsml(path.read_bytes())
    # No envelope metadata: the headline, byline and abstract come from the NITF head.
    assert article.headline == "Arizona Diamondbacks (29-23) at Philadelphia Phillies (26-24), 7:05p.m."
    assert [a.name for a in article.authors] == ["Sports Network"]
    assert article.summary is not None and article.summary.startswith("A pair of teams")
    (paragraph,) = article.iter_paragraphs()
    assert paragraph.text.endswith("looks set to be a clash of the Titans.")


def test_shared_full_xhtml_item(conformance: Path) -> None:
    data = (conformance / "standards" / "newsml-g2" / "minimal" / "full-article-xhtml.xml").read_bytes()
    (article,), reports = read_reporting(data)
    (author,) = article.authors
    assert (author.name, author.bio, author.organization, author.url, author.education) == (
        "Jane Doe",
        "Jane Doe has covered City Hall since 2019.",
        "Example News Ltd",
        "https://example.com/staff/jdoe",
        ("London School of Economics",),
    )
    assert article.summary == "Councillors voted 7–2 for the crossing."
    assert article.dateline == "LONDON, March 4 (Example News)"
    (section,) = article.sections
    assert section.heading == "The vote"
    assert section.blocks[0].quotes == (
        Quote(text="We will build it,", start=23, end=40, speaker="urn:person:mayor", kind="direct"),
    )
    assert isinstance(section.blocks[1], BlockQuote)
    assert "contentMeta/contributor" in reports[0]


def test_news_message_with_several_items() -> None:
    data = (FIXTURES / "agency-newsmessage.xml").read_bytes()
    articles, reports = read_reporting(data)
    assert [a.headline for a in articles] == [
        "Harbour ferry service to resume on Monday",
        "City library extends weekend opening hours",
    ]
    assert any("conceptItem" in r for r in reports)
    first = articles[0]
    # An <html> without the XHTML namespace still reads as the body.
    assert [s.heading for s in first.sections] == [None, "Repairs"]
    assert first.sections[0].paragraphs == (
        "The harbour ferry will carry passengers again from Monday, the port authority said.",
    )
    repairs = first.sections[1].blocks[0]
    assert isinstance(repairs, Paragraph)
    assert repairs.quotes[0].text == "complete and certified"
    assert repairs.marks == (Emphasis(start=24, end=40, style="emphasis"),)
    assert first.publisher is not None and first.publisher.name == "Example Wire"
    with pytest.warns(NewsModelWarning, match="read the first news item only"):
        assert from_newsml(data) == first


def test_asserted_creator_and_headline_roles() -> None:
    (article,), reports = read_reporting((FIXTURES / "asserted-creator-headlines.xml").read_bytes())
    assert article.headline == "Villagers raise enough to save the old orchard"
    assert article.kicker == "Community"
    assert article.summary == "A crowdfunding drive reached its goal in nine days."
    (author,) = article.authors
    assert (author.name, author.bio, author.organization, author.email) == (
        "Maja Lindqvist",
        "Maja reports on rural affairs.",
        "The Daily Example",
        "maja@daily.example.org",
    )
    assert article.sections[0].blocks[1] == BlockQuote(
        paragraphs=(Paragraph(text="We never expected it to be this quick."),),
        attribution="Parish council chair",
    )
    (report,) = reports
    for lost in (
        "creator dailystaff:unknown (no name)",
        "headline role=hlrole:short",
        "description role=drol:caption",
    ):
        assert lost in report


def test_strict_mode_raises_instead_of_warning() -> None:
    with pytest.raises(DeserializationError) as caught:
        from_newsml((FIXTURES / "asserted-creator-headlines.xml").read_bytes(), strict=True)
    assert any("hlrole:short" in p for p in caught.value.problems)


def test_nitf_body_with_subheads_quotes_block_quotes_and_media() -> None:
    (article,), reports = read_reporting((FIXTURES / "nitf-body.xml").read_bytes())
    assert [(a.name, a.role) for a in article.authors] == [
        ("Tomás Herrera", "Staff Writers"),
        ("Li Wei", "Staff Writers"),
    ]
    assert article.dateline == "RIVERTON, April 5"
    assert article.summary == "The county board backed a two-year repair of the Riverton dam."
    assert [s.heading for s in article.sections] == [None, "Cost"]
    first, second = article.sections[0].blocks
    assert first == Paragraph(
        text="The board voted unanimously on Tuesday, said Ana Ruiz, the board's clerk."
    )
    assert isinstance(second, Paragraph)
    assert second.quotes == (Quote(text="The dam is safe today", start=0, end=21, speaker="Ana Ruiz"),)
    blocks = article.sections[1].blocks
    assert isinstance(blocks[1], BlockQuote) and blocks[1].attribution == "County engineer Dale Moss"
    assert isinstance(blocks[2], ListBlock) and [i.text for i in blocks[2].items] == [
        "Phase one: spillway",
        "Phase two: gates",
    ]
    assert blocks[3] == Figure(
        src="https://wire.example.net/img/dam.jpg",
        caption="The dam at dusk.",
        credit="Photo: Wire staff",
        alt="The Riverton dam",
    )
    assert "hedline/hl2" in reports[0] and "body.end/tagline" in reports[0]


def test_iso_8859_1_item() -> None:
    data = (FIXTURES / "latin1-item.xml").read_bytes()
    assert "é".encode("iso-8859-1") in data  # the fixture really is Latin-1, not UTF-8
    (article,), _ = read_reporting(data)
    assert article.headline == "La fête du village réunit 2 000 personnes à Évreux"
    assert [a.name for a in article.authors] == ["Hélène Garçon"]
    assert article.sections[0].paragraphs == ("Le maire a salué « une réussite » après la fête de l'été.",)


def test_str_input_is_accepted() -> None:
    text = (FIXTURES / "nitf-body.xml").read_text(encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NewsModelWarning)
        assert from_newsml(text).headline == "Engineers approve dam repair plan"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty input"),
        (b"<newsItem", "not a well-formed"),
        (b"<html><body/></html>", "not a NewsML-G2 news item"),
        (b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"/>', "no news item"),
        (b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g"/>', "no headline"),
        (
            b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g"><contentMeta>'
            b"<headline>   </headline></contentMeta></newsItem>",
            "no headline",
        ),
    ],
)
def test_bad_input_raises_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(DeserializationError, match=message):
        from_newsml(data)


def test_unusable_dates_are_reported_not_invented() -> None:
    data = (
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g"><contentMeta>'
        b"<contentCreated>2026-01-02</contentCreated><contentModified>2026-01-02T10:00:00</contentModified>"
        b"<headline>h</headline></contentMeta></newsItem>"
    )
    with pytest.warns(NewsModelWarning, match="a date without a time.*no UTC offset"):
        article = from_newsml(data)
    assert (article.published, article.modified) == (None, None)


def test_a_byline_without_creators_is_reported() -> None:
    data = (
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g"><contentMeta>'
        b"<headline>h</headline><by>By Ada Obi</by></contentMeta></newsItem>"
    )
    with pytest.warns(NewsModelWarning, match="by 'By Ada Obi'"):
        assert from_newsml(data).authors == ()
