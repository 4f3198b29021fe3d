"""Properties of the quotation engine: offsets always agree, no crash on any text, linear time."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsmodel.errors import ValidationError
from newsmodel.model import Paragraph, Quote, xml_unsafe_characters
from newsmodel.quotes import find_quotes, quote_paragraphs

# Text XML can carry (what a caller hands over after stripping the rest).
xml_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\ufffe\uffff"), max_size=300
).map(lambda t: "".join(c for c in t if not xml_unsafe_characters(c)))

# Text made mostly of quote marks, apostrophes, spaces and speech words: the hard cases.
_PIECES = [
    *"“”„‟‚‘’‛'\"«»‹›「」『』`",
    "''",
    "``",
    " ",
    "\u00a0",
    "\u202f",
    ", ",
    ". ",
    ": ",
    "—",
    "\n",
    ">",
    "said ",
    "she ",
    "He ",
    "according to ",
    "sagte ",
    "a-t-il ",
    "dijo ",
    "Mr. ",
    "Maria Lopez ",
    "the company ",
    "the ",
    "don't ",
    "’90s ",
    "rock ’n’ roll ",
    "word ",
    "Word ",
]
quote_heavy_text = st.lists(st.sampled_from(_PIECES), max_size=60).map("".join)


def assert_valid(text: str, quotes: tuple[Quote, ...]) -> None:
    previous_end = 0
    for quote in quotes:
        assert text[quote.start : quote.end] == quote.text
        assert quote.text.strip() == quote.text and quote.text
        assert quote.start >= previous_end  # in order, never overlapping
        previous_end = quote.end
        if quote.kind == "scare":
            assert quote.speaker is None
        if quote.speaker is not None:
            assert quote.speaker.strip()
    # The model accepts them as they are.
    if text:
        Paragraph(text=text, quotes=quotes)


@given(xml_text)
def test_any_text_gives_quotes_whose_offsets_agree(text: str) -> None:
    assert_valid(text, find_quotes(text))


@given(quote_heavy_text)
def test_quote_heavy_text_gives_quotes_whose_offsets_agree(text: str) -> None:
    assert_valid(text, find_quotes(text))


@given(
    st.lists(st.one_of(quote_heavy_text, xml_text), max_size=8),
    st.lists(st.sampled_from(_PIECES), max_size=3),
)
def test_every_paragraph_of_a_document_gets_valid_quotes(paragraphs: list[str], people: list[str]) -> None:
    result = quote_paragraphs(paragraphs, known_people=people)
    assert len(result) == len(paragraphs)
    for text, quotes in zip(paragraphs, result, strict=True):
        assert_valid(text, quotes)


@given(quote_heavy_text)
def test_reading_one_paragraph_alone_finds_the_same_spans(text: str) -> None:
    alone = [(q.start, q.end) for q in find_quotes(text)]
    in_document = [(q.start, q.end) for q in quote_paragraphs(["Intro paragraph.", text])[1]]
    assert alone == in_document


@given(xml_text, st.sampled_from(["\x00", "\x08", "\x0b", "\x1f", "\ufffe", "\ud800"]), st.integers(0, 300))
def test_characters_xml_cannot_carry_give_a_validation_error(text: str, bad: str, at: int) -> None:
    at = min(at, len(text))
    with pytest.raises(ValidationError):
        find_quotes(text[:at] + bad + text[at:])


@contextmanager
def hang_guard(seconds: int) -> Iterator[None]:
    """Fail instead of hanging if catastrophic backtracking or n² work creeps in (not a speed test)."""

    def fail(signum: int, frame: object) -> None:
        raise AssertionError(f"did not finish within {seconds} s: the engine is no longer linear")

    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize(
    "text",
    [
        "“" * 100_000,
        "‘a " * 35_000,
        '"a" ' * 25_000,
        "“‘„‚«‹" * 15_000,
        "Mr. Smith said " * 8_000,
        "Ab " * 35_000,
        "“x,” he said. " * 8_000,
        "“x”" + "," * 100_000,
        "President " * 25_000 + "“x,” he said.",
        " ".join(["Van"] * 25_000),
        "’s " * 35_000,
    ],
    ids=lambda text: repr(text[:12]),
)
def test_long_pathological_input_completes(text: str) -> None:
    with hang_guard(30):
        quotes = find_quotes(text)
    for quote in quotes[:1000]:
        assert text[quote.start : quote.end] == quote.text


def test_many_paragraphs_of_one_running_quote_complete() -> None:
    paragraphs = ["“The quote goes on."] * 20_000 + ["“And ends here,” she said."]
    with hang_guard(30):
        result = quote_paragraphs(paragraphs)
    assert len(result) == len(paragraphs)
    assert all(len(quotes) == 1 for quotes in result)
