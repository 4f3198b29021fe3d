"""The shortcuts parse_html takes must give what the long way gives.

Absolute links that urljoin() would give back as they are skip it; printable text skips the
scan for characters XML cannot carry (which character references can put in the tree) and the
whitespace collapsing.
"""

from __future__ import annotations

from urllib.parse import urljoin

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.model import _XML_UNSAFE, Figure, Link, xml_unsafe_characters
from newsmodel.parse._blocks import _unchanged_by_join
from newsmodel.parse._inline import _WHITESPACE, InlineText, clean_text
from newsmodel.parse.html import _PAGE_PARSER, parse_html

ARTICLE = (
    "<html><head><title>Short story</title></head><body><article><h1>Short story</h1>"
    "<h2>Part{ref} one</h2>"
    '<p>A paragraph{ref} long enough to count as the body, with <a href="/x{ref}y" title="t{ref}">a'
    "{ref} link</a> and <em>emphasis{ref}</em> and <q>a quote{ref}</q> in it.</p>"
    '<figure><img src="/i{ref}.jpg" alt="alt{ref}"><figcaption>Caption{ref}</figcaption></figure>'
    "<table><tr><th>Head{ref}</th><th>Two</th></tr><tr><td>Cell{ref}</td><td>2</td></tr></table>"
    "<ul><li>Item{ref} one</li><li>Item two</li></ul><blockquote><p>Said{ref} so</p></blockquote>"
    "</article></body></html>"
)
UNSAFE_REFERENCES = ["&#1;", "&#x1", "&#X0B;", "&#xFFFE;", "&#65535;", "&#00000000001;", "&#x1f"]


@pytest.mark.parametrize("ref", UNSAFE_REFERENCES)
def test_references_to_unsafe_characters_never_reach_the_article(ref):
    # A page free of such characters as text still gets them into its tree through character
    # references: what is read from the tree must be scanned, wherever it ends up.
    page = ARTICLE.format(ref=ref)
    root = lxml.html.document_fromstring(page, parser=_PAGE_PARSER)
    assert any(xml_unsafe_characters(text) for text in root.itertext())
    article = parse_html(page, url="https://example.com/a/")
    for section in article.sections:
        assert not xml_unsafe_characters(section.heading or "")
        for paragraph in section.iter_paragraphs():
            assert not xml_unsafe_characters(paragraph.text)
            for mark in paragraph.marks:
                if type(mark) is Link:
                    assert not xml_unsafe_characters(mark.href + (mark.title or ""))
        for block in section.blocks:
            if type(block) is Figure:
                assert not xml_unsafe_characters(
                    (block.src or "") + (block.alt or "") + (block.caption or "")
                )


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com",
        "https://example.com/a/../b",
        "http://example.com/a?b=c#d",
        "https://user@example.com:8080/p?q",
        "https://example.com/a??b",
        "http://example.com/%7Euser/caf%C3%A9",
    ],
)
def test_plain_absolute_links_skip_urljoin(url):
    assert _unchanged_by_join(url)
    for base in ("https://example.com/x/y", "http://other.org", "ftp://files.org/"):
        assert urljoin(base, url) == url


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/a?",
        "https://example.com/a#",
        "https://example.com/a?#b",
        "https://example.com/a;p",
        "http:///path",
        "HTTP://example.com/",
        "https://[::1/",
        "https://ex\u00e4mple.com/",
        "/relative",
        "//example.com/",
        "",
    ],
)
def test_other_links_go_through_urljoin(url):
    assert not _unchanged_by_join(url)


@given(
    url=st.text(alphabet="hts:/?#;[]@.%aA09 -_~&=+\t", max_size=40).map(lambda s: "http" + s),
    base=st.sampled_from(["https://example.com/x/y", "http://example.com", "http:", "ftp://a/", "mailto:x"]),
)
def test_urljoin_gives_back_every_link_that_skips_it(url, base):
    if _unchanged_by_join(url):
        assert urljoin(base, url) == url


def test_every_character_xml_cannot_carry_is_refused_by_isprintable():
    # InlineText.add skips the scan for them on text isprintable() accepts.
    unsafe = _XML_UNSAFE.findall("".join(map(chr, range(0x110000))))
    assert len(unsafe) > 2000
    assert not any(c.isprintable() for c in unsafe)


def _reference_add(parts: list[str], state: dict[str, bool], text: str) -> None:
    # The collapsing InlineText.add did before its shortcuts, spans left out.
    if not text:
        return
    if not text.strip(" \t\n\r\f\v"):
        state["pending"] = True
        return
    collapsed = _WHITESPACE.sub(" ", _XML_UNSAFE.sub("", text))
    core = collapsed.strip(" ")
    if not core:
        if collapsed:
            state["pending"] = True
        return
    if (collapsed[0] == " " or state["pending"]) and parts and parts[-1][-1] not in " \n":
        parts.append(" ")
    parts.append(core)
    state["pending"] = collapsed[-1] == " "


@given(st.lists(st.text(alphabet=" \t\n\r\x0b\x0c\xa0\x01\ufffe\u2003ab.", max_size=12), max_size=8))
def test_inline_text_collapses_as_it_always_did(texts):
    inline = InlineText()
    parts: list[str] = []
    state = {"pending": False}
    for text in texts:
        inline.add(text)
        _reference_add(parts, state, text)
    collected = inline.take()
    expected = "".join(parts).rstrip(" \n")
    assert (collected.text if collected is not None else "") == expected


@given(st.text(alphabet=" \t\n\r\x0b\x0c\xa0\x01\ufffe\u2003\u3000ab.", max_size=20))
def test_clean_text_cleans_as_it_always_did(text):
    expected = _WHITESPACE.sub(" ", _XML_UNSAFE.sub("", text)).strip()
    assert clean_text(text) == expected
