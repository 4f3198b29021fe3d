"""Hypothesis strategies for every newsmodel type, for testing your own integrations.

Install the ``strategies`` extra (``pip install "newsmodel-kit[strategies]"``), then::

    from hypothesis import given
    from newsmodel.strategies import articles

    @given(articles())
    def test_my_cms_round_trip(article):
        assert my_cms.load(my_cms.dump(article)) == article

Every strategy draws only valid objects, and together they cover the whole model: text from
every Unicode plane that XML 1.0 can carry (including CR, tabs, right-to-left and astral
characters, leading and trailing spaces), absent and empty optional fields, quotes at paragraph
edges, nested and overlapping quotes and marks, every block type, many sections and authors, and
datetimes in many time zones. Importing this module also registers the strategies with
:func:`hypothesis.strategies.from_type`, so ``st.from_type(Article)`` works; with the package
installed that happens as soon as hypothesis is imported, through its entry point.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import attrs
from hypothesis import strategies as st

from .model import (
    EMPHASIS_STYLES,
    QUOTE_KINDS,
    Article,
    AuthorProfile,
    Block,
    BlockQuote,
    Emphasis,
    Figure,
    Link,
    ListBlock,
    Mark,
    Paragraph,
    Publisher,
    Quote,
    Section,
    Subject,
    Table,
)

__all__ = [
    "articles",
    "authors",
    "blocks",
    "datetimes",
    "figures",
    "links",
    "list_blocks",
    "marks",
    "paragraphs",
    "publishers",
    "quotes",
    "register_strategies",
    "sections",
    "subjects",
    "tables",
    "texts",
]

# Everything XML 1.0 can carry: no surrogates, no C0 controls but TAB, LF and CR, no U+FFFE/U+FFFF.
_CHARACTERS = st.characters(
    exclude_categories=["Cs"],
    exclude_characters="".join(chr(c) for c in range(0x20) if c not in (0x9, 0xA, 0xD)) + "\ufffe\uffff",
)
# Realistic text mixed with the characters that break careless serialisers.
_TRICKY = st.sampled_from(
    [
        "\r\n",
        "\r",
        "\n",
        "\t",
        "  ",
        "]]>",
        "&",
        "<",
        ">",
        '"',
        "'",
        "&amp;",
        "\u202e",
        "\u200f",
        "\U0001f600",
        "\U00020000",
        "\xa0",
        "\u2028",
        "\x85",
        "“",
        "”",
        "«",
        "»",
        "„",
    ]
)
_WORDS = st.sampled_from(
    ["the", "minister", "said", "Zürich", "عربي", "עברית", "日本語", "Ελλάδα", "Москва", "naïve", "O’Brien"]
)


def texts(*, min_size: int = 0, max_size: int = 60, blank_ok: bool = True) -> st.SearchStrategy[str]:
    """Strings the model accepts: any XML 1.0 character, with a bias to tricky ones.

    ``blank_ok=False`` keeps at least one non-whitespace character (for headlines and names).
    """
    pieces = st.one_of(_CHARACTERS, _TRICKY, _WORDS.map(lambda w: w + " "))
    strategy = st.lists(pieces, min_size=min_size, max_size=max_size).map("".join)
    strategy = strategy.filter(lambda s: min_size <= len(s))
    if not blank_ok:
        strategy = strategy.filter(lambda s: bool(s) and not s.isspace())
    return strategy


def _optional(strategy: st.SearchStrategy[str]) -> st.SearchStrategy[str | None]:
    return st.none() | strategy


def _short_tuple(strategy: st.SearchStrategy[str], max_size: int = 3) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(strategy, max_size=max_size).map(tuple)


_NONEMPTY = texts(min_size=1)
_NAME = texts(min_size=1, max_size=20, blank_ok=False)
_URL = st.one_of(
    st.builds(
        "https://example.org/{}".format, st.text("abcdefghijklmnopqrstuvwxyz0123456789/-_", max_size=20)
    ),
    _NONEMPTY,
)


def datetimes() -> st.SearchStrategy[datetime]:
    """Timezone-aware datetimes across the whole range, in fixed offsets and real time zones."""
    # A day's margin at each end keeps every offset's UTC value inside datetime's range.
    naive = st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30))
    fixed = st.integers(-23 * 60 - 59, 23 * 60 + 59).map(lambda m: timezone(timedelta(minutes=m)))
    zones = st.one_of(st.just(timezone.utc), fixed, st.timezones())
    return st.builds(lambda dt, tz: dt.replace(tzinfo=tz), naive, zones)


def quotes(*, kinds: tuple[str, ...] = QUOTE_KINDS) -> st.SearchStrategy[Quote]:
    """A quote on its own, at some offset (a paragraph's quotes come from :func:`paragraphs`)."""

    @st.composite
    def build(draw: st.DrawFn) -> Quote:
        text = draw(_NONEMPTY)
        start = draw(st.integers(0, 500))
        kind = draw(st.sampled_from(kinds))
        speaker = None if kind == "scare" else draw(_optional(_NAME))
        return Quote(text=text, start=start, end=start + len(text), speaker=speaker, kind=kind)  # type: ignore[arg-type]

    return build()


def links(max_offset: int = 200) -> st.SearchStrategy[Link]:
    """A link mark with offsets up to ``max_offset``."""
    return _spans(max_offset).flatmap(
        lambda span: st.builds(
            Link, start=st.just(span[0]), end=st.just(span[1]), href=_URL, title=_optional(_NAME)
        )
    )


def marks(max_offset: int = 200) -> st.SearchStrategy[Mark]:
    """A link or emphasis mark with offsets up to ``max_offset``."""
    emphasis = _spans(max_offset).flatmap(
        lambda span: st.builds(
            Emphasis, start=st.just(span[0]), end=st.just(span[1]), style=st.sampled_from(EMPHASIS_STYLES)
        )
    )
    return st.one_of(links(max_offset), emphasis)


def _spans(length: int, *, min_width: int = 0) -> st.SearchStrategy[tuple[int, int]]:
    """(start, end) pairs inside ``length``, biased towards the edges of the text."""
    edge = st.one_of(st.just(0), st.just(length), st.integers(0, length))
    pairs = st.tuples(edge, edge).map(lambda pair: (min(pair), max(pair)))
    return pairs.filter(lambda span: span[1] - span[0] >= min_width)


def paragraphs(
    *, max_quotes: int = 4, max_marks: int = 3, max_size: int = 60
) -> st.SearchStrategy[Paragraph]:
    """Paragraphs whose quotes and marks sit anywhere in the text, edges, nesting and overlaps included."""

    @st.composite
    def build(draw: st.DrawFn) -> Paragraph:
        text = draw(texts(min_size=1, max_size=max_size))
        spans = draw(st.lists(_spans(len(text), min_width=1), max_size=max_quotes))
        found: list[Quote] = []
        for start, end in sorted(spans):
            kind = draw(st.sampled_from(QUOTE_KINDS))
            speaker = None if kind == "scare" else draw(_optional(_NAME))
            found.append(Quote(text=text[start:end], start=start, end=end, speaker=speaker, kind=kind))  # type: ignore[arg-type]
        inline = draw(st.lists(marks(len(text)), max_size=max_marks))
        return Paragraph(text=text, quotes=tuple(found), marks=tuple(inline))

    return build()


def list_blocks(*, max_items: int = 4) -> st.SearchStrategy[ListBlock]:
    """Bulleted and numbered lists."""
    return st.builds(
        ListBlock,
        items=st.lists(paragraphs(max_quotes=1, max_marks=1), min_size=1, max_size=max_items).map(tuple),
        ordered=st.booleans(),
    )


def block_quotes() -> st.SearchStrategy[BlockQuote]:
    """Block quotations with and without an attribution."""
    return st.builds(
        BlockQuote,
        paragraphs=st.lists(paragraphs(max_quotes=2, max_marks=1), min_size=1, max_size=3).map(tuple),
        attribution=_optional(_NONEMPTY),
    )


def figures() -> st.SearchStrategy[Figure]:
    """Figures with any mix of source, caption, credit and alt text (at least one of the first three)."""
    credit = _optional(_NONEMPTY)
    return st.one_of(
        st.builds(Figure, src=_URL, caption=_optional(_NONEMPTY), credit=credit, alt=_optional(_NONEMPTY)),
        st.builds(Figure, src=st.none(), caption=_NONEMPTY, credit=credit, alt=_optional(_NONEMPTY)),
        st.builds(Figure, src=st.none(), caption=st.none(), credit=credit, alt=_NONEMPTY),
    )


def tables(*, max_rows: int = 4, max_columns: int = 3) -> st.SearchStrategy[Table]:
    """Tables with header rows, ragged rows and empty cells."""
    row = st.lists(texts(max_size=10), min_size=1, max_size=max_columns).map(tuple)
    return st.lists(row, min_size=1, max_size=max_rows).flatmap(
        lambda rows: st.builds(
            Table,
            rows=st.just(tuple(rows)),
            header_rows=st.integers(0, len(rows)),
            caption=_optional(_NONEMPTY),
        )
    )


def blocks() -> st.SearchStrategy[Block]:
    """Any block, mostly paragraphs as in real articles."""
    return st.one_of(
        paragraphs(), paragraphs(), paragraphs(), list_blocks(), block_quotes(), figures(), tables()
    )


def sections(*, max_blocks: int = 5) -> st.SearchStrategy[Section]:
    """Sections with or without a heading, at any heading level, possibly empty."""
    return st.builds(
        Section,
        heading=_optional(_NAME),
        level=st.integers(1, 6),
        blocks=st.lists(blocks(), max_size=max_blocks).map(tuple),
    )


def authors() -> st.SearchStrategy[AuthorProfile]:
    """Author profiles from a bare name to a full profile page."""
    return st.builds(
        AuthorProfile,
        name=_NAME,
        role=_optional(_NONEMPTY),
        organization=_optional(_NONEMPTY),
        bio=_optional(texts(min_size=1, max_size=120)),
        url=_optional(_URL),
        email=_optional(st.emails()),
        image=_optional(_URL),
        education=_short_tuple(_NONEMPTY),
        expertise=_short_tuple(_NONEMPTY),
        same_as=_short_tuple(_URL),
    )


def subjects() -> st.SearchStrategy[Subject]:
    """Subjects with and without a vocabulary code."""
    code = st.from_regex(r"[a-z]{2,8}:[A-Za-z0-9]{1,10}", fullmatch=True)
    return st.builds(Subject, name=_NAME, code=st.none() | code | _NONEMPTY)


def publishers() -> st.SearchStrategy[Publisher]:
    """Publishers with and without a URL."""
    return st.builds(Publisher, name=_NAME, url=_optional(_URL))


_LANGUAGES = st.one_of(
    st.sampled_from(["en", "en-GB", "de-CH", "fr", "ar", "he", "zh-Hant-TW", "sr-Latn-RS", "es-419"]),
    st.from_regex(r"[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}", fullmatch=True),
)


def articles(
    *, max_sections: int = 6, max_blocks: int = 5, max_authors: int = 3
) -> st.SearchStrategy[Article]:
    """Whole articles, from a bare headline to every field filled."""
    base = st.builds(
        Article,
        headline=_NAME,
        summary=_optional(_NONEMPTY),
        kicker=_optional(_NONEMPTY),
        dateline=_optional(_NONEMPTY),
        authors=st.lists(authors(), max_size=max_authors).map(tuple),
        published=st.none() | datetimes(),
        modified=st.none() | datetimes(),
        language=st.none() | _LANGUAGES,
        url=_optional(_URL),
        identifier=_optional(_NONEMPTY),
        publisher=st.none() | publishers(),
        subjects=st.lists(subjects(), max_size=3).map(tuple),
        sections=st.lists(sections(max_blocks=max_blocks), max_size=max_sections).map(tuple),
    )

    @st.composite
    def build(draw: st.DrawFn) -> Article:
        return _with_summary_quotes(draw(base), draw)

    return build()


def _with_summary_quotes(article: Article, draw: st.DrawFn) -> Article:
    """Give some articles a summary that carries quotes, drawn like a paragraph's."""
    if article.summary is None or not draw(st.booleans()):
        return article
    summary = draw(paragraphs(max_marks=0, max_size=60))
    return attrs.evolve(article, summary=summary.text, summary_quotes=summary.quotes)


def register_strategies() -> None:
    """Make ``st.from_type`` draw newsmodel objects with these strategies."""
    for cls, strategy in (
        (Article, articles()),
        (Section, sections()),
        (Paragraph, paragraphs()),
        (Quote, quotes()),
        (AuthorProfile, authors()),
        (ListBlock, list_blocks()),
        (BlockQuote, block_quotes()),
        (Figure, figures()),
        (Table, tables()),
        (Subject, subjects()),
        (Publisher, publishers()),
        (Link, links()),
        (Emphasis, marks().filter(lambda m: isinstance(m, Emphasis))),
    ):
        st.register_type_strategy(cls, strategy)


register_strategies()
