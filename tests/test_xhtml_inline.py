"""The C writer of a paragraph's XHTML (newsmodel._speedups.xhtml_inline) against write_inline.

Whenever the C function returns a string it must be exactly what the Python writer appends; it
must return one for every paragraph without annotations or with flat ones (none empty, none inside
or across another), and the XHTML-bearing documents must be byte-identical with and without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel import Article, Emphasis, Link, Paragraph, Quote, to_newsml
from newsmodel.formats import _construct, _xhtml
from newsmodel.formats import json as json_format
from newsmodel.formats._inline import write_inline
from newsmodel.strategies import articles, paragraphs

speedups = json_format._speedups
pytestmark = pytest.mark.skipif(speedups is None, reason="newsmodel._speedups is not built or is off")

# Markup and line-end characters, astral, right-to-left and bidi-control characters.
_HOSTILE = st.sampled_from(["&", "<", ">", '"', "\r", "\t", "\n", "]]>", "&amp;", "𝄞", "😀", "\u200f"])
_HOSTILE = _HOSTILE | st.sampled_from(["عربي", "עברית", "a", " ", "é"])
_HOSTILE_TEXT = st.lists(_HOSTILE, min_size=1, max_size=30).map("".join)
_OPTIONAL_HOSTILE = st.none() | _HOSTILE_TEXT


def python_writer(paragraph: Paragraph) -> str:
    out: list[str] = []
    write_inline(out, paragraph, _xhtml._tags)
    return "".join(out)


@contextmanager
def pure_python() -> Iterator[None]:
    _construct.use_speedups(False)
    try:
        yield
    finally:
        _construct.use_speedups(True)


@st.composite
def flat_paragraphs(draw: st.DrawFn) -> Paragraph:
    """Paragraphs of hostile text whose quotes and marks neither touch inside nor cross each other."""
    text = draw(_HOSTILE_TEXT)
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=12)))
    spans = [(a, b) for a, b in zip(cuts[::2], cuts[1::2], strict=False) if a < b]
    quotes: list[Quote] = []
    marks: list[Quote | Link | Emphasis] = []
    for start, end in spans:
        choice = draw(st.integers(0, 2))
        if choice == 0:
            kind = draw(st.sampled_from(["direct", "partial", "block", "scare"]))
            speaker = None if kind == "scare" else draw(_OPTIONAL_HOSTILE)
            quotes.append(Quote(text=text[start:end], start=start, end=end, speaker=speaker, kind=kind))  # type: ignore[arg-type]
        elif choice == 1:
            marks.append(Link(start=start, end=end, href=draw(_HOSTILE_TEXT), title=draw(_OPTIONAL_HOSTILE)))
        else:
            style = draw(st.sampled_from(["emphasis", "strong", "code", "underline", "strike"]))
            marks.append(Emphasis(start=start, end=end, style=style))  # type: ignore[arg-type]
    shuffled = draw(st.permutations(marks))
    return Paragraph(text=text, quotes=tuple(quotes), marks=tuple(shuffled))  # type: ignore[arg-type]


@given(paragraphs())
@settings(max_examples=300)
def test_c_equals_python_when_it_answers(paragraph: Paragraph) -> None:
    written = speedups.xhtml_inline(paragraph)
    if written is not None:
        assert written == python_writer(paragraph)
    if not paragraph.quotes and not paragraph.marks:
        assert written is not None


@given(flat_paragraphs())
@settings(max_examples=300)
def test_c_writes_every_flat_paragraph(paragraph: Paragraph) -> None:
    written = speedups.xhtml_inline(paragraph)
    assert written is not None
    assert written == python_writer(paragraph)


def test_many_annotations_and_edges() -> None:
    text = "&<>\r" * 40
    marks = tuple(Emphasis(start=i, end=i + 1) for i in range(0, 160, 2))
    paragraph = Paragraph(text=text, marks=marks)
    assert speedups.xhtml_inline(paragraph) in (None, python_writer(paragraph))
    quotes = tuple(Quote(text=text[i : i + 2], start=i, end=i + 2) for i in range(0, 120, 4))
    paragraph = Paragraph(text=text, quotes=quotes, marks=(Link(start=150, end=160, href="x"),))
    assert speedups.xhtml_inline(paragraph) == python_writer(paragraph)


def test_refuses_what_is_not_flat() -> None:
    text = "a quoted, linked and emphasised sentence"
    nested = Paragraph(text=text, marks=(Link(start=0, end=10, href="x"), Emphasis(start=2, end=4)))
    empty = Paragraph(text=text, marks=(Emphasis(start=3, end=3),))
    same_start = Paragraph(text=text, marks=(Emphasis(start=0, end=3), Emphasis(start=0, end=5)))
    for paragraph in (nested, empty, same_start):
        assert speedups.xhtml_inline(paragraph) is None
    assert speedups.xhtml_inline("not a paragraph") is None


@given(articles())
@settings(max_examples=30, deadline=None)
def test_newsml_bytes_identical_with_and_without_c(article: Article) -> None:
    if article.identifier is None:
        # Without an identifier every call writes a new random guid.
        article = attrs.evolve(article, identifier="urn:example:1")
    fast = to_newsml(article)
    with pure_python():
        assert _construct.xhtml_inline is None
        slow = to_newsml(article)
    assert fast == slow
