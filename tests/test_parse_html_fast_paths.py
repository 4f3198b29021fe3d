"""The shortcuts parse_html takes must give what the long way gives.

A page whose character references cannot decode to characters XML cannot carry is read without
scanning its text for them; absolute links that urljoin() would give back as they are skip it.
"""

from __future__ import annotations

from urllib.parse import urljoin

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.model import Figure, Link, xml_unsafe_characters
from newsmodel.parse._blocks import _unchanged_by_join
from newsmodel.parse.html import _PAGE_PARSER, _load_page, _references_safe, parse_html

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
def test_references_to_unsafe_characters_are_never_taken_for_safe(ref):
    page = ARTICLE.format(ref=ref)
    root, checked = _load_page(page, 10**7, _PAGE_PARSER)
    assert not checked
    # The tree does hold the character: the scan the shortcut skips is needed here.
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


@pytest.mark.parametrize("ref", ["", "&#8217;", "&#x2019;", "&#39;", "&amp;#1;", "&#x;"])
def test_pages_with_ordinary_references_are_read_as_checked(ref):
    page = ARTICLE.format(ref=ref)
    _, checked = _load_page(page, 10**7, _PAGE_PARSER)
    assert checked
    # The same article as when the scan runs.
    assert parse_html(page) == parse_html(page + "<!-- &#1; -->")


@pytest.mark.parametrize("ref", ["&#0;", "&#xD800;", "&#99999999999999999999;"])
def test_references_libxml2_replaces_are_still_scanned(ref):
    # These decode to U+FFFD; counting them unsafe only costs the scan.
    assert not _references_safe(ARTICLE.format(ref=ref))


@given(
    value=st.one_of(
        st.integers(0, 0x110), st.integers(0xD7F0, 0xE010), st.integers(0xFFF0, 0x10010), st.integers()
    ),
    hexadecimal=st.booleans(),
    upper=st.booleans(),
    zeros=st.integers(0, 3),
    end=st.sampled_from([";", "", " ", "z", "g;"]),
)
def test_a_reference_is_unsafe_whenever_libxml2_decodes_it_to_an_unsafe_character(
    value, hexadecimal, upper, zeros, end
):
    digits = format(abs(value), "x" if hexadecimal else "d")
    ref = "&#" + ("X" if upper else "x") * hexadecimal + "0" * zeros + digits + end
    text = "".join(lxml.html.fromstring(f"<p>a{ref}b</p>", parser=_PAGE_PARSER).itertext())
    if xml_unsafe_characters(text):
        assert not _references_safe(ref)


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
