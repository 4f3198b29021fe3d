"""parse_html on input that is not a usable article: a clear ParseError or a sensible Article, fast."""

from __future__ import annotations

import os
import time

import pytest

from newsmodel.errors import NewsModelError, ParseError
from newsmodel.parse.html import load_html, parse_html

ARTICLE = (
    "<html><head><title>Short story</title></head><body><article><h1>Short story</h1>"
    "<p>A paragraph long enough to count as the body of an article, with several words in it.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize("page", ["", "   \n\t ", b"", b"\xef\xbb\xbf"])
def test_empty_input(page):
    with pytest.raises(ParseError, match="no article content found"):
        parse_html(page)


def test_plain_text_has_no_headline():
    # Never invent a headline from the first words of a text.
    with pytest.raises(ParseError, match="no headline"):
        parse_html("Just some words typed into a box, no markup and no title at all.")


def test_page_without_article():
    page = (
        "<html><head><title>Shop</title></head><body><nav><a href=/a>A</a> <a href=/b>B</a></nav>"
        "<ul class=menu><li><a href=/c>Cart</a></li><li><a href=/d>Login</a></li></ul></body></html>"
    )
    with pytest.raises(ParseError, match="no article content found"):
        parse_html(page)


def test_binary_garbage():
    garbage = os.urandom(200_000)
    start = time.perf_counter()
    with pytest.raises(ParseError):
        parse_html(garbage)
    assert time.perf_counter() - start < 5


def test_wrong_type():
    with pytest.raises(TypeError):
        parse_html(12345)  # type: ignore[arg-type]


def test_page_over_the_size_limit_is_refused_before_parsing():
    page = ARTICLE.replace("</article>", "<p>" + "padding words " * 20_000 + "</p></article>")
    with pytest.raises(ParseError, match="too large"):
        parse_html(page, max_size=100_000)
    with pytest.raises(ParseError, match="too large"):
        parse_html(page.encode(), max_size=100_000)


def test_large_page_within_the_limit_is_read():
    # A scaled-down stand-in for a 100 MB page: ~4 MB of paragraphs.
    paragraph = "<p>" + "A sentence of body text that repeats to make the page large. " * 8 + "</p>"
    page = ARTICLE.replace("</article>", paragraph * 8_000 + "</article>")
    article = parse_html(page)
    assert sum(1 for _ in article.iter_paragraphs()) == 8_001


def test_deep_nesting_is_refused_not_truncated():
    page = "<html><body><h1>Deep</h1>" + "<div>" * 10_000 + "<p>innermost text of the page</p>"
    page += "</div>" * 10_000 + "</body></html>"
    start = time.perf_counter()
    with pytest.raises(ParseError, match="nested too deeply"):
        parse_html(page)
    assert time.perf_counter() - start < 5


def test_moderate_nesting_is_read():
    page = "<html><body><h1>Nested</h1>" + "<div>" * 200 + "<p>innermost text of the page, read in full.</p>"
    page += "</div>" * 200 + "</body></html>"
    article = parse_html(page)
    assert article.body_text == "innermost text of the page, read in full."


def test_entities_are_not_expanded_from_a_doctype():
    page = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY boom "BOOM BOOM BOOM BOOM">]>'
        "<html><body><h1>Entities</h1>"
        "<p>Text with &boom; inside it and more words after it.</p></body></html>"
    )
    article = parse_html(page)
    assert "BOOM" not in article.body_text


def test_characters_xml_cannot_carry_are_dropped_and_nothing_else():
    page = ARTICLE.replace("A paragraph", "A\x00 para\x0bgraph &#1;with\ufffe control")
    article = parse_html(page)
    assert article.body_text.startswith("A paragraph with control long enough")


@pytest.mark.parametrize("unsafe", ["\ufffe", "\uffff", "\ud800", "\x1f"])
def test_each_kind_of_unsafe_character_is_dropped(unsafe):
    page = ARTICLE.replace("A paragraph", f"A para{unsafe}graph, caf\u00e9")
    article = parse_html(page)
    assert article.body_text.startswith("A paragraph, caf\u00e9 long enough")


def test_a_declared_charset_does_not_garble_decoded_text():
    page = ARTICLE.replace("<head>", '<head><meta charset="iso-8859-1">').replace(
        "A paragraph", "Caf\u00e9 \u201cnews\u201d"
    )
    assert parse_html(page).body_text.startswith("Caf\u00e9 \u201cnews\u201d long enough")


def test_every_error_is_a_newsmodel_error():
    for page in ("", b"\x00\x01\x02" * 1000, "<html></html>"):
        with pytest.raises(NewsModelError):
            parse_html(page)


def test_load_html_parses_once():
    root = load_html(ARTICLE.encode("utf-8"))
    assert root.tag == "html"
