"""The model validates itself at construction and derives quotes and body text."""

from __future__ import annotations

import copy
import pickle
from datetime import datetime, timedelta, timezone

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import newsmodel
from newsmodel import (
    Article,
    AuthorProfile,
    BlockQuote,
    Emphasis,
    Figure,
    Link,
    ListBlock,
    NewsModelError,
    Paragraph,
    Quote,
    Section,
    Table,
    ValidationError,
)
from newsmodel.strategies import articles, paragraphs

UTC = timezone.utc


def test_errors_are_one_hierarchy() -> None:
    for name in ("ValidationError", "DeserializationError", "ParseError", "UnsafeXMLError"):
        cls = getattr(newsmodel, name)
        assert issubclass(cls, NewsModelError)
        assert issubclass(cls, ValueError)


def test_classes_are_frozen_slotted_and_keyword_only() -> None:
    article = Article(headline="Budget passes")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        article.headline = "other"  # type: ignore[misc]
    assert not hasattr(article, "__dict__")
    with pytest.raises(TypeError):
        Article("Budget passes")  # type: ignore[misc]


def quoted(text: str, words: str, **kwargs: object) -> Paragraph:
    start = text.index(words)
    quote = Quote(text=words, start=start, end=start + len(words), **kwargs)  # type: ignore[arg-type]
    return Paragraph(text=text, quotes=(quote,))


def test_quotes_and_body_text_are_derived_in_document_order() -> None:
    first = quoted(
        "She called it “a disgrace,” then left.", "a disgrace,", speaker="Ana Ruiz", kind="partial"
    )
    second = quoted("“We will appeal,” the mayor said.", "We will appeal,", speaker="the mayor")
    article = Article(
        headline="Council votes",
        sections=(
            Section(paragraphs=[first, "Plain paragraph."]),
            Section(
                heading="Reaction",
                blocks=(
                    BlockQuote(paragraphs=(second,)),
                    ListBlock(items=(Paragraph(text="one"), Paragraph(text="two"))),
                ),
            ),
        ),
    )
    assert [q.text for q in article.quotes] == ["a disgrace,", "We will appeal,"]
    assert article.sections[0].paragraphs == ("She called it “a disgrace,” then left.", "Plain paragraph.")
    assert article.sections[1].paragraphs == ()
    assert article.body_text == (
        "She called it “a disgrace,” then left.\n\nPlain paragraph.\n\nReaction\n\n"
        "“We will appeal,” the mayor said.\n\none\ntwo"
    )


def test_section_accepts_plain_strings_as_paragraphs() -> None:
    section = Section(heading="Background", paragraphs=["First.", "Second."])
    assert section.paragraphs == ("First.", "Second.")
    assert section.blocks == (Paragraph(text="First."), Paragraph(text="Second."))
    assert section.level == 2


def test_lists_given_to_sequence_fields_become_tuples() -> None:
    author = AuthorProfile(name="Ana", education=["BA Journalism"])  # type: ignore[arg-type]
    assert author.education == ("BA Journalism",)
    assert Article(headline="x", authors=[author]).authors == (author,)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("build", "where"),
    [
        (lambda: Article(headline=""), "Article.headline"),
        (lambda: Article(headline="  \n"), "Article.headline"),
        (lambda: Article(headline="ok", published=datetime(2026, 3, 1, 9, 0)), "Article.published"),
        (lambda: Article(headline="ok", modified=datetime(2026, 3, 1, 9, 0)), "Article.modified"),
        (lambda: Article(headline="bell\x07"), "Article.headline"),
        (lambda: Article(headline="ok", summary="\ud800"), "Article.summary"),
        (lambda: Article(headline="ok", summary="\uffff"), "Article.summary"),
        (lambda: Article(headline="ok", language="english please"), "Article.language"),
        (lambda: Article(headline="ok", authors="Ana Ruiz"), "Article.authors"),
        (lambda: Article(headline="ok", sections=["text"]), "Article.sections[0]"),
        (lambda: Quote(text="abc", start=0, end=2), "Quote.end"),
        (lambda: Quote(text="abc", start=-1, end=2), "Quote.end"),
        (lambda: Quote(text="", start=0, end=0), "Quote.text"),
        (lambda: Quote(text="a", start=0, end=1, kind="rant"), "Quote.kind"),
        (lambda: Quote(text="a", start=0, end=1, kind="scare", speaker="Ana"), "Quote.speaker"),
        (lambda: Paragraph(text="abc", quotes=(Quote(text="x", start=0, end=1),)), "Paragraph.quotes[0]"),
        (
            lambda: Paragraph(
                text="abc", quotes=(Quote(text="c", start=2, end=3), Quote(text="a", start=0, end=1))
            ),
            "Paragraph.quotes[1]",
        ),
        (
            lambda: Paragraph(text="abc", marks=(Link(start=0, end=9, href="https://x.example"),)),
            "Paragraph.marks[0]",
        ),
        (lambda: Emphasis(start=0, end=1, style="blink"), "Emphasis.style"),
        (lambda: Section(level=7), "Section.level"),
        (lambda: Section(heading=" "), "Section.heading"),
        (lambda: Section(blocks=["text"]), "Section.blocks[0]"),
        (lambda: ListBlock(items=()), "ListBlock.items"),
        (lambda: Figure(credit="AP"), "Figure.src"),
        (lambda: Table(rows=(("a",),), header_rows=2), "Table.header_rows"),
        (lambda: AuthorProfile(name="Ana", email="not an address"), "AuthorProfile.email"),
    ],
)
def test_invalid_values_are_rejected_with_the_field_named(build: object, where: str) -> None:
    with pytest.raises(ValidationError) as info:
        build()  # type: ignore[operator]
    assert str(info.value).startswith(where + ":")


def test_datetimes_keep_their_offset() -> None:
    moment = datetime(2026, 3, 11, 18, 45, tzinfo=timezone(timedelta(hours=1)))
    assert Article(headline="x", published=moment).published == moment


@given(paragraphs())
def test_generated_quote_offsets_agree_with_the_text(paragraph: Paragraph) -> None:
    for quote in paragraph.quotes:
        assert paragraph.text[quote.start : quote.end] == quote.text
    assert [q.start for q in paragraph.quotes] == sorted(q.start for q in paragraph.quotes)


@given(articles(), st.data())
def test_changing_a_quote_so_it_disagrees_is_rejected(article: Article, data: st.DataObject) -> None:
    paragraphs_with_quotes = [p for p in article.iter_paragraphs() if p.quotes]
    if not paragraphs_with_quotes:
        return
    paragraph = data.draw(st.sampled_from(paragraphs_with_quotes))
    quote = paragraph.quotes[0]
    moved = attrs.evolve(quote, start=quote.start + 1, end=quote.end + 1)
    if paragraph.text[moved.start : moved.end] == moved.text:
        return  # the text repeats itself there: the moved quote still agrees
    with pytest.raises(ValidationError):
        Paragraph(text=paragraph.text, quotes=(moved,))


def _every_object(article: Article) -> list[object]:
    found: list[object] = [article, *article.authors, *article.summary_quotes]
    for section in article.sections:
        found.append(section)
        found.extend(section.blocks)
        for paragraph in section.iter_paragraphs():
            found.append(paragraph)
            found.extend(paragraph.quotes)
            found.extend(paragraph.marks)
    return found


@given(articles())
def test_objects_behave_like_attrs_objects(article: Article) -> None:
    # Quote, Link, Emphasis, Paragraph and Section have hand-written __init__s: they must still
    # rebuild from their own fields, copy, pickle and hash like the attrs-generated ones.
    for obj in _every_object(article):
        fields = attrs.asdict(obj, recurse=False)  # type: ignore[arg-type]
        rebuilt = type(obj)(**fields)
        assert rebuilt == obj
        assert hash(rebuilt) == hash(obj)
        assert attrs.evolve(obj) == obj  # type: ignore[misc]
        assert copy.deepcopy(obj) == obj
        assert pickle.loads(pickle.dumps(obj)) == obj


def test_summary_quotes_come_first_and_must_agree_with_the_summary() -> None:
    summary = "He trusts “almost nobody” now."
    start = summary.index("almost")
    quote = Quote(text="almost nobody", start=start, end=start + 13, speaker="Trump", kind="partial")
    body = quoted("He said “not done” twice.", "not done", speaker="Trump", kind="partial")
    article = Article(
        headline="x", summary=summary, summary_quotes=[quote], sections=[Section(blocks=[body])]
    )
    assert [q.text for q in article.quotes] == ["almost nobody", "not done"]
    with pytest.raises(ValidationError, match=r"Article\.summary_quotes"):
        Article(headline="x", summary_quotes=[quote])
    with pytest.raises(ValidationError, match=r"Article\.summary_quotes\[0\]"):
        Article(headline="x", summary="Nothing quoted here at all.", summary_quotes=[quote])
