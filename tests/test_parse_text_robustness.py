"""Bad input: a clear ParseError or a sensible Article, never a crash, a hang or lost text."""

from __future__ import annotations

import contextlib
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.errors import NewsModelError, ParseError
from newsmodel.model import Article, xml_unsafe_characters
from newsmodel.parse.text import parse_text

DEV = Path(__file__).resolve().parent / "fixtures" / "text" / "dev"
XML_UNSAFE = [chr(c) for c in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)]


@pytest.mark.parametrize("text", ["", "   ", "\n\n\t\n", "\x00\x01\x02\x1f", b"", "\ufeff"])
def test_empty_input_is_a_parse_error(text: str | bytes) -> None:
    with pytest.raises(ParseError, match="no article text"):
        parse_text(text)


def test_binary_garbage_bytes_are_a_parse_error() -> None:
    garbage = random.Random(7).randbytes(64_000)
    with pytest.raises(ParseError, match="not UTF-8"):
        parse_text(garbage)


def test_binary_garbage_as_str_gives_a_clean_article_or_parse_error() -> None:
    garbage = random.Random(7).randbytes(64_000).decode("latin-1")
    try:
        article = parse_text(garbage)
    except ParseError:
        return
    assert not xml_unsafe_characters(article.headline + article.body_text)


def test_not_text_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="str or bytes"):
        parse_text(12345)  # type: ignore[arg-type]


def test_utf8_bytes_with_bom_parse_like_str() -> None:
    text = (DEV / "ap_wire.txt").read_text("utf-8")
    assert parse_text(b"\xef\xbb\xbf" + text.encode("utf-8")) == parse_text(text)


def test_crlf_and_cr_line_ends_parse_like_lf() -> None:
    text = (DEV / "hard_wrapped.txt").read_text("utf-8")
    assert parse_text(text.replace("\n", "\r\n")) == parse_text(text)
    assert parse_text(text.replace("\n", "\r")) == parse_text(text)


@given(data=st.data())
def test_control_characters_are_removed_and_nothing_else_is_lost(data: st.DataObject) -> None:
    name = data.draw(
        st.sampled_from(["ap_wire", "markdown_blog", "german_report", "content_farm", "qa_interview"])
    )
    text = (DEV / f"{name}.txt").read_text("utf-8")
    positions = data.draw(st.lists(st.integers(0, len(text)), min_size=1, max_size=20))
    noisy = text
    for position in sorted(positions, reverse=True):
        noisy = noisy[:position] + data.draw(st.sampled_from(XML_UNSAFE)) + noisy[position:]
    assert parse_text(noisy) == parse_text(text)


@given(st.text(max_size=400))
def test_any_text_gives_an_article_or_a_parse_error(text: str) -> None:
    try:
        article = parse_text(text)
    except ParseError:
        assert not any(c.isalnum() for c in text)
        return
    assert isinstance(article, Article)
    assert article.headline.strip()


@given(st.binary(max_size=400))
def test_any_bytes_give_an_article_or_a_newsmodel_error(data: bytes) -> None:
    with contextlib.suppress(NewsModelError):
        parse_text(data)


_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
_SENTENCE = st.lists(_WORD, min_size=4, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
_PARAGRAPH = st.lists(_SENTENCE, min_size=1, max_size=4).map(" ".join)


@given(st.lists(_PARAGRAPH, min_size=1, max_size=8), st.sampled_from(["\n", "\n\n"]))
def test_plain_paragraphs_come_back_word_for_word(paragraphs: list[str], separator: str) -> None:
    article = parse_text("Council meets\n\n" + separator.join(paragraphs))
    assert article.headline == "Council meets"
    assert [p.text for p in article.iter_paragraphs()] == paragraphs


def test_a_text_without_a_headline_line_borrows_its_first_sentence() -> None:
    paragraph = (
        "The council met on Tuesday and voted to keep the library open for another year. "
        "The decision followed a petition signed by more than four thousand residents of the town."
    )
    article = parse_text(paragraph)
    assert (
        article.headline == "The council met on Tuesday and voted to keep the library open for another year."
    )
    assert article.sections[0].paragraphs == (paragraph,)


def test_a_few_megabytes_parse_completely() -> None:
    paragraph = "The committee heard evidence from residents, engineers and the port authority. " * 8
    count = 2_500
    text = "Port inquiry\n\n" + "\n\n".join(f"{i} {paragraph.strip()}" for i in range(count))
    assert len(text) > 1_500_000
    article = parse_text(text)
    paragraphs = [p.text for p in article.iter_paragraphs()]
    assert len(paragraphs) == count  # nothing truncated
    assert paragraphs[-1].startswith(f"{count - 1} The committee")


@pytest.mark.parametrize(
    "hostile",
    [
        "**a " * 20_000,
        "[x](" * 20_000,
        "_a" * 50_000,
        "*" * 100_000,
        "`" * 100_000,
        "word " * 200_000,
        ">" * 100_000,
        "# " * 50_000,
        "1. " * 50_000,
        "“" * 100_000,
        "A" * 300_000,
        "\n" * 200_000 + "Headline",
        "**_[a](b)_** " * 20_000,
        "Ana Lima is a reporter at " + "The Gazette and " * 20_000,
        "By " + "Ana Lima and " * 20_000,
    ],
    ids=lambda s: repr(s[:6]),
)
def test_hostile_shapes_finish(hostile: str) -> None:
    try:
        article = parse_text("Headline\n\n" + hostile)
    except ParseError:
        return
    assert article.headline


def test_trailing_credits_without_a_model_field_are_reported_not_dropped_silently() -> None:
    import pytest

    from newsmodel import NewsModelWarning, parse_text

    text = (
        "Bridge reopens\n\nThe bridge reopened on Monday after repairs.\n\n"
        "It carries 9,000 vehicles a day.\n\nAnna Berg reported from Westmere.\n\nEditing by Tom Hale\n"
    )
    with pytest.warns(NewsModelWarning, match="Anna Berg reported from Westmere") as caught:
        article = parse_text(text)
    assert "Editing by Tom Hale" in str(caught[0].message)
    assert "reported from" not in article.body_text
