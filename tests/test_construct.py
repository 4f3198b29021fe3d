"""The positional constructors of formats._construct give exactly what the classes give.

Each C constructor (newsmodel._speedups.new_*) is compared with the class called with keywords on
the same arguments, hostile ones included, inside and outside characters_already_checked(): equal
objects of the same class holding the very same field values, or the same error type and message.
The XML readers, which build their objects through these constructors, are compared with and
without the C module too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsmodel import (
    Article,
    Emphasis,
    Figure,
    Link,
    Paragraph,
    Quote,
    Section,
    Table,
    from_newsml,
    to_newsml,
)
from newsmodel.formats import _construct
from newsmodel.formats import json as json_format
from newsmodel.formats.nitf import from_nitf
from newsmodel.model import characters_already_checked
from newsmodel.strategies import articles

speedups = json_format._speedups
needs_speedups = pytest.mark.skipif(speedups is None, reason="newsmodel._speedups is not built or is off")


@contextmanager
def pure_python() -> Iterator[None]:
    _construct.use_speedups(False)
    try:
        yield
    finally:
        _construct.use_speedups(True)


class Str(str):
    pass


class Int(int):
    pass


class EqualStr(str):
    """Equal to every str: the model's `in` checks see it as any allowed value."""

    def __eq__(self, other: object) -> bool:
        return True

    def __hash__(self) -> int:
        return 0


class Items:
    """An iterable that is not a tuple (the model takes any iterable), iterable more than once."""

    def __init__(self, items: list[Any]) -> None:
        self.items = items

    def __iter__(self) -> Iterator[Any]:
        return iter(self.items)


def outcome(function: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[object, ...]:
    try:
        result = function(*args, **kwargs)
    except Exception as exc:
        return ("error", type(exc), str(exc))
    return (
        "ok",
        type(result),
        result,
        repr(result),
        [(type(v), v) for v in attrs.astuple(result, recurse=False)],
    )


def same_objects(fast: Any, pure: Any) -> bool:
    """Both store the caller's own objects (no copies, no interned stand-ins)."""
    return all(
        getattr(fast, f.name) is getattr(pure, f.name)
        or (type(getattr(pure, f.name)) is tuple and getattr(fast, f.name) == getattr(pure, f.name))
        for f in attrs.fields(type(pure))
    )


def compare(c_function: Callable[..., Any], cls: type, names: tuple[str, ...], args: tuple[Any, ...]) -> None:
    for context in (nullcontext(), characters_already_checked()):
        with context:
            fast = outcome(c_function, *args)
            pure = outcome(cls, **dict(zip(names, args, strict=True)))
            assert fast == pure
            if fast[0] == "ok":
                assert same_objects(c_function(*args), cls(**dict(zip(names, args, strict=True))))


# Values a reader gives and values nobody should: wrong types, subclasses, unsafe characters.
texts = st.one_of(
    st.text(max_size=12),
    st.text(alphabet="ab \t\n\x00\x0b\ud800\ufffe\uffff\u2028é", max_size=8),
    st.text(min_size=1, max_size=8).map(Str),
    st.sampled_from(["", " ", "\x00", "x\ud800", "a\x1f", EqualStr("direct"), b"bytes", 3, None]),
)
ints = st.one_of(
    st.integers(-3, 30),
    st.integers(-3, 30).map(Int),
    st.sampled_from([True, False, 2**63, 2**64 + 1, -(2**63), 2**100, 1.0, "1", None]),
)
kinds = st.one_of(
    st.sampled_from(["direct", "partial", "block", "scare", "Direct", "", EqualStr("x")]),
    st.sampled_from(["direct", "scare"]).map(Str),
    texts,
)
styles = st.one_of(
    st.sampled_from(["emphasis", "strong", "code", "underline", "strike", "bold", EqualStr("x")]),
    st.sampled_from(["strong"]).map(Str),
    texts,
)
optional_texts = st.one_of(st.none(), texts)


@needs_speedups
@settings(max_examples=400)
@given(st.data())
def test_new_quote(data: st.DataObject) -> None:
    text = data.draw(texts)
    if data.draw(st.booleans()) and isinstance(text, str):
        start = data.draw(st.one_of(st.integers(0, 5), ints))
        end = start + len(text) if type(start) is int and data.draw(st.booleans()) else data.draw(ints)
    else:
        start, end = data.draw(ints), data.draw(ints)
    args = (text, start, end, data.draw(optional_texts), data.draw(kinds))
    compare(speedups.new_quote, Quote, ("text", "start", "end", "speaker", "kind"), args)


@needs_speedups
@settings(max_examples=400)
@given(ints, ints, texts, optional_texts)
def test_new_link(start: Any, end: Any, href: Any, title: Any) -> None:
    compare(speedups.new_link, Link, ("start", "end", "href", "title"), (start, end, href, title))


@needs_speedups
@settings(max_examples=300)
@given(ints, ints, styles)
def test_new_emphasis(start: Any, end: Any, style: Any) -> None:
    compare(speedups.new_emphasis, Emphasis, ("start", "end", "style"), (start, end, style))


def tamper(obj: Any, field: str, value: Any) -> Any:
    """The frozen object with one slot changed (or deleted) behind the class's back."""
    if value is attrs.NOTHING:
        object.__delattr__(obj, field)
    else:
        object.__setattr__(obj, field, value)
    return obj


@st.composite
def paragraph_args(draw: st.DrawFn) -> tuple[Any, Any, Any]:
    # Mostly paragraphs that are valid or nearly so, where a wrong C shortcut would show.
    valid = st.text(alphabet="ab “”\u2028é", min_size=1, max_size=20)
    text = draw(texts if draw(st.integers(0, 4)) == 0 else valid)
    size = len(text) if isinstance(text, str) else 5
    quotes: list[Any] = []
    marks: list[Any] = []
    for _ in range(draw(st.integers(0, 3))):
        start = draw(st.integers(0, max(0, size - 1)))
        end = draw(st.integers(start, size))
        words = text[start:end] if isinstance(text, str) and text[start:end] else "ab"
        with characters_already_checked():  # quotes of unsafe text exist: made in this context
            quote = Quote(text=words, start=start, end=start + len(words))
        choice = draw(st.integers(0, 9))
        if choice in (5, 6):  # offsets moved, the text kept: a prefix of the paragraph's words is not enough
            field = draw(st.sampled_from(["start", "end"]))
            quote = tamper(quote, field, getattr(quote, field) + draw(st.sampled_from([-2, -1, 1, 2])))
        elif choice == 7:
            field = draw(st.sampled_from(["text", "start", "end"]))
            value = draw(st.one_of(texts, ints, st.just(attrs.NOTHING), st.integers(2**62, 2**70)))
            quote = tamper(quote, field, value)
        elif choice == 8:
            quote = ["a quote", None, Emphasis(start=0, end=1)][draw(st.integers(0, 2))]
        quotes.append(quote)
        mark_end = draw(st.integers(start, size + (draw(st.integers(0, 4)) == 4)))
        mark: Any = (
            Link(start=start, end=mark_end, href="h")
            if draw(st.booleans())
            else Emphasis(start=start, end=mark_end)
        )
        if draw(st.integers(0, 9)) == 9:
            mark = tamper(mark, "end", draw(st.one_of(ints, st.just(attrs.NOTHING), st.just(2**70))))
        if draw(st.integers(0, 19)) == 19:
            mark = [quote, "mark", 3][draw(st.integers(0, 2))]
        marks.append(mark)
    if draw(st.integers(0, 4)):
        quotes.sort(key=lambda q: q.start if type(getattr(q, "start", None)) is int else 0)
    wrap = draw(st.sampled_from(["tuple"] * 6 + ["list", "iter", "str"]))
    if wrap == "str":  # a str is iterable, and still refused
        return text, "quotes", tuple(marks)
    if wrap == "list":
        return text, quotes, marks
    return text, Items(quotes) if wrap == "iter" else tuple(quotes), tuple(marks)


@needs_speedups
@settings(max_examples=500)
@given(paragraph_args())
def test_new_paragraph(args: tuple[Any, Any, Any]) -> None:
    text, quotes, marks = args
    compare(speedups.new_paragraph, Paragraph, ("text", "quotes", "marks"), (text, quotes, marks))


def moved(obj: Any, **changes: Any) -> Any:
    for field, value in changes.items():
        object.__setattr__(obj, field, value)
    return obj


EDGE_PARAGRAPHS = [
    ("abcde", (Quote(text="bc", start=1, end=3),), (Link(start=0, end=5, href="h"),)),
    ("abcde", (), (Emphasis(start=0, end=6),)),
    ("abcde", (), (moved(Emphasis(start=0, end=5), end=6),)),
    ("abcde", (), (moved(Link(start=0, end=5, href="h"), end=2**70),)),
    ("abcde", (moved(Quote(text="bc", start=1, end=3), end=4),), ()),
    ("abcde", (moved(Quote(text="bc", start=1, end=3), start=0),), ()),
    ("abcde", (moved(Quote(text="de", start=3, end=5), start=3, end=6),), ()),
    ("abcde", (Quote(text="cd", start=2, end=4), Quote(text="bc", start=1, end=3)), ()),
    ("abcde", (Quote(text="bc", start=1, end=3), Quote(text="b", start=1, end=2)), ()),
    ("abcde", (moved(Quote(text="bc", start=1, end=3), text=Str("bc")),), ()),
    ("abcde", (moved(Quote(text="bc", start=1, end=3), start=Int(1)),), ()),
    ("abcde", (moved(Quote(text="bc", start=1, end=3), start=2**70, end=2**70 + 2),), ()),
    ("a\x00b", (), ()),
    (Str("abc"), (), ()),
]


@needs_speedups
@pytest.mark.parametrize("args", EDGE_PARAGRAPHS, ids=range(len(EDGE_PARAGRAPHS)))
def test_new_paragraph_edges(args: tuple[Any, Any, Any]) -> None:
    compare(speedups.new_paragraph, Paragraph, ("text", "quotes", "marks"), args)


blocks = st.sampled_from(
    [
        Paragraph(text="x"),
        Figure(src="a.jpg"),
        Table(rows=(("a",),)),
        Section(),
        "a paragraph",
        None,
        Quote(text="x", start=0, end=1),
    ]
)


@needs_speedups
@settings(max_examples=400)
@given(
    st.one_of(st.none(), texts, st.sampled_from(["Heading", "  ", "\u3000", "\x00x"])),
    st.one_of(st.integers(0, 7), ints),
    st.lists(blocks, max_size=3).flatmap(lambda b: st.sampled_from([tuple(b), b, "blocks", 3])),
)
def test_new_section(heading: Any, level: Any, section_blocks: Any) -> None:
    compare(speedups.new_section, Section, ("heading", "level", "blocks"), (heading, level, section_blocks))


@needs_speedups
def test_constructors_take_positional_arguments_only() -> None:
    with pytest.raises(TypeError):
        speedups.new_quote("a", 0, 1, None)
    with pytest.raises(TypeError):
        speedups.new_link(0, 1, "h", None, None)
    with pytest.raises(TypeError):
        speedups.new_section(None, 2, (), text="x")


def test_the_readers_use_the_c_constructors_when_available() -> None:
    expected = speedups.new_paragraph if speedups is not None else _construct._new_paragraph
    assert _construct.new_paragraph is expected
    with pure_python():
        assert _construct.new_paragraph is _construct._new_paragraph
    assert _construct.new_paragraph is expected


def read_both(reader: Callable[[bytes], Any], data: bytes) -> tuple[tuple[object, ...], tuple[object, ...]]:
    def run() -> tuple[object, ...]:
        try:
            result = reader(data)
        except Exception as exc:
            return ("error", type(exc), str(exc))
        return ("ok", result, repr(result))

    fast = run()
    with pure_python():
        pure = run()
    return fast, pure


@settings(max_examples=30, deadline=None)
@given(articles())
def test_newsml_round_trip_with_and_without_c(article: Article) -> None:
    fast, pure = read_both(from_newsml, to_newsml(article))
    assert fast == pure
    assert fast[:2] == ("ok", article)


@settings(max_examples=30, deadline=None)
@given(articles(), st.integers(0, 10**6), st.sampled_from([b' start="-1"', b"\x00", b"<em>x</em>", b""]))
def test_damaged_newsml_reads_the_same_with_and_without_c(article: Article, where: int, junk: bytes) -> None:
    data = to_newsml(article)
    body = data.find(b"<p")  # damage the paragraphs, where the constructors are used
    body = body if body >= 0 else len(data) // 2
    at = body + where % max(1, len(data) - body)
    fast, pure = read_both(from_newsml, data[:at] + junk + data[at:])
    assert fast == pure


NITF = b"""<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>T</title></head><body><body.head><hedline><hl1>Headline</hl1></hedline></body.head>
<body.content><p>He said \xe2\x80\x9c<q>hello there</q>\xe2\x80\x9d and <a href="https://x.org">left</a>.</p>
<p><em>Plain</em> text.</p><h2>Part</h2><p>More.</p></body.content></body></nitf>"""


def test_nitf_reads_the_same_with_and_without_c() -> None:
    fast, pure = read_both(from_nitf, NITF)
    assert fast == pure
    assert fast[0] == "ok"
