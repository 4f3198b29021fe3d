"""Quotes of a whole document: marks, speakers resolved with document context, kinds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from ..errors import ValidationError
from ..model import Quote, QuoteKind, xml_unsafe_characters
from . import lexicon as lx
from .attribution import Attribution, attribute, attribute_block
from .marks import MarkedSpan, find_marked_spans
from .mentions import Mention, Token, find_mentions, tokenize
from .names import NameRegistry

__all__ = ["quote_document"]

# How many paragraphs back a pronoun may look for the person it stands for.
_PRONOUN_REACH = 1


class _Parsed(NamedTuple):
    text: str
    spans: list[MarkedSpan]
    tokens: list[Token]
    mentions: list[Mention]
    quote_tokens: list[int]
    block: bool


class _Seen(NamedTuple):
    """A mention already read, with the speaker string it stands for."""

    paragraph: int
    token: int
    mention: Mention
    speaker: str | None
    gender: str | None


def quote_document(
    paragraphs: Sequence[str], *, language: str | None = None, known_people: Sequence[str] = ()
) -> tuple[tuple[Quote, ...], ...]:
    """The quotes of each paragraph, speakers resolved across the document."""
    for index, text in enumerate(paragraphs):
        if not isinstance(text, str):
            raise TypeError(f"paragraph {index} is a {type(text).__name__}, not a str")
        bad = xml_unsafe_characters(text)
        if bad:
            raise ValidationError(
                "Quote",
                "text",
                f"paragraph {index} holds U+{ord(bad[0]):04X}, which XML 1.0 cannot carry; "
                "remove such characters first (newsmodel.model.xml_unsafe_characters finds them)",
            )
    parsed = [_parse(text) for text in paragraphs]
    registry = NameRegistry(known_people)
    for index, paragraph in enumerate(parsed):
        registry.add_all(index, paragraph.mentions)
    seen = _resolve_mentions(parsed, registry)
    attributions = [
        _attribute_paragraph(index, paragraph, parsed, seen) for index, paragraph in enumerate(parsed)
    ]
    speakers = [
        [_speaker(index, a, seen, p) for a, p in zip(atts, _positions(parsed[index]), strict=True)]
        for index, atts in enumerate(attributions)
    ]
    _carry_within_paragraphs(parsed, speakers)
    _carry_across_paragraphs(parsed, speakers)
    return tuple(
        tuple(_build_quotes(paragraph, attributions[index], speakers[index]))
        for index, paragraph in enumerate(parsed)
    )


def _parse(text: str) -> _Parsed:
    stripped = text.lstrip()
    if stripped.startswith(">"):
        start = len(text) - len(stripped) + 1
        end = len(text.rstrip())
        while start < end and text[start].isspace():
            start += 1
        spans = [MarkedSpan(start, start, end, end, True)] if start < end else []
        return _Parsed(text, spans, [], [], [], True)
    spans = find_marked_spans(text)
    tokens = tokenize(text, spans)
    mentions = find_mentions(text, tokens)
    quote_tokens = [i for i, token in enumerate(tokens) if token.kind == "quote"]
    return _Parsed(text, spans, tokens, mentions, quote_tokens, False)


def _positions(paragraph: _Parsed) -> list[int]:
    return paragraph.quote_tokens if not paragraph.block else [0] * len(paragraph.spans)


def _resolve_mentions(parsed: list[_Parsed], registry: NameRegistry) -> list[_Seen]:
    """Every mention in document order with the speaker it stands for (pronouns resolved)."""
    seen: list[_Seen] = []
    for index, paragraph in enumerate(parsed):
        for mention in paragraph.mentions:
            gender = mention.gender
            if mention.kind == "name":
                speaker: str | None = registry.fullest(mention.text, index)
                gender = gender or registry.gender(speaker)
            elif mention.kind == "pronoun":
                found = _antecedent(seen, index, mention.first, mention.gender, mention.category)
                speaker = found.speaker if found else None
                gender = found.gender if found and found.gender else gender
            else:
                found = _holder(seen, index, mention)
                speaker = found.speaker if found else mention.text
                gender = found.gender if found else gender
            seen.append(_Seen(index, mention.first, mention, speaker, gender))
    return seen


def _compatible(wanted: str | None, category: str, candidate: _Seen) -> bool:
    if candidate.speaker is None or not candidate.mention.salient:
        return False
    if category == "org" or wanted == "org":
        return candidate.mention.category == "org"
    if candidate.mention.category != "person":
        return False
    return wanted in (None, "any") or candidate.gender in (None, wanted)


def _antecedent(
    seen: list[_Seen], paragraph: int, token: int, gender: str | None, category: str
) -> _Seen | None:
    """The most recent salient mention a pronoun at ``paragraph``/``token`` can stand for."""
    for candidate in reversed(seen):
        if candidate.paragraph < paragraph - _PRONOUN_REACH:
            return None
        if (candidate.paragraph, candidate.token) >= (paragraph, token):
            continue
        if _compatible(gender, category, candidate):
            return candidate
    return None


def _holder(seen: list[_Seen], paragraph: int, mention: Mention) -> _Seen | None:
    """Who "the president" or "the company" is: a named holder of that title, or the last organisation."""
    if mention.title is None:
        return None
    for candidate in reversed(seen):
        if mention.category == "person":
            if candidate.mention.kind == "name" and candidate.mention.title == mention.title:
                return candidate
        elif candidate.paragraph < paragraph - _PRONOUN_REACH:
            return None
        elif candidate.mention.kind == "name" and candidate.mention.category == "org":
            return candidate
    return None


def _attribute_paragraph(
    index: int, paragraph: _Parsed, parsed: list[_Parsed], seen: list[_Seen]
) -> list[Attribution]:
    if paragraph.block:
        if index == 0 or not paragraph.spans:
            return [Attribution(None)] * len(paragraph.spans)
        previous = parsed[index - 1]
        return [attribute_block(previous.tokens, previous.mentions)]
    return [attribute(paragraph.tokens, paragraph.mentions, t) for t in paragraph.quote_tokens]


def _speaker(index: int, attribution: Attribution, seen: list[_Seen], position: int) -> str | None:
    mention = attribution.mention
    if mention is None:
        if attribution.dropped:
            found = _antecedent(seen, index, position, "any", "person")
            return found.speaker if found else None
        return None
    for candidate in seen:
        if candidate.mention is mention:
            return candidate.speaker
    # A block quote's speaker is named in the paragraph before it.
    for candidate in seen:
        if candidate.paragraph == index - 1 and candidate.mention == mention:
            return candidate.speaker
    return None


def _carry_within_paragraphs(parsed: list[_Parsed], speakers: list[list[str | None]]) -> None:
    """A paragraph's unattributed quotes belong to the speaker of its nearest attributed quote."""
    for paragraph, names in zip(parsed, speakers, strict=True):
        if paragraph.block or None not in names or all(name is None for name in names):
            continue
        for i, name in enumerate(names):
            if name is None and _is_speech(paragraph, i):
                before = next((names[k] for k in range(i - 1, -1, -1) if names[k] is not None), None)
                after = next((names[k] for k in range(i + 1, len(names)) if names[k] is not None), None)
                names[i] = before or after


def _carry_across_paragraphs(parsed: list[_Parsed], speakers: list[list[str | None]]) -> None:
    """Carry a speaker on: through a multi-paragraph quote, or into a paragraph continuing the quotes."""
    # Multi-paragraph quotes: the opening mark on each paragraph, the closing one on the last.
    chain: list[tuple[int, int]] = []
    for index, paragraph in enumerate(parsed):
        if paragraph.block or not paragraph.spans:
            chain = []
            continue
        if chain and paragraph.spans[0].open_start == len(paragraph.text) - len(paragraph.text.lstrip()):
            chain.append((index, 0))
        else:
            chain = []
        _unify(chain, speakers)
        if not paragraph.spans[-1].closed:
            if not chain:
                chain = [(index, len(paragraph.spans) - 1)]
        else:
            chain = []
    for index in range(1, len(parsed)):
        paragraph = parsed[index]
        names = speakers[index]
        if paragraph.block or not names or names[0] is not None or not _starts_with_quote(paragraph):
            continue
        previous = [name for name in speakers[index - 1] if name is not None]
        if previous and not any(m.kind == "name" and m.category == "person" for m in paragraph.mentions):
            for i, name in enumerate(names):
                if name is None and _is_speech(paragraph, i):
                    names[i] = previous[-1]


def _unify(chain: list[tuple[int, int]], speakers: list[list[str | None]]) -> None:
    if len(chain) < 2:
        return
    name = next((speakers[p][q] for p, q in chain if speakers[p][q] is not None), None)
    if name is not None:
        for p, q in chain:
            speakers[p][q] = name


def _starts_with_quote(paragraph: _Parsed) -> bool:
    return bool(paragraph.spans) and not paragraph.text[: paragraph.spans[0].open_start].strip()


def _is_speech(paragraph: _Parsed, i: int) -> bool:
    """Whether quote ``i`` reads as speech (a sentence), not a quoted term."""
    span = paragraph.spans[i]
    words = paragraph.text[span.start : span.end].split()
    return len(words) > 3 or not _is_woven(paragraph, i)


def _is_woven(paragraph: _Parsed, i: int) -> bool:
    """Whether quote ``i`` sits inside a sentence, right after a word."""
    if paragraph.block:
        return False
    t = paragraph.quote_tokens[i]
    return t > 0 and paragraph.tokens[t - 1].kind == "word"


def _build_quotes(
    paragraph: _Parsed, attributions: list[Attribution], speakers: list[str | None]
) -> list[Quote]:
    quotes = []
    for i, span in enumerate(paragraph.spans):
        text = paragraph.text[span.start : span.end]
        speaker = speakers[i]
        kind = _kind(paragraph, i, text, speaker, attributions[i])
        quotes.append(
            Quote(
                text=text,
                start=span.start,
                end=span.end,
                speaker=None if kind == "scare" else speaker,
                kind=kind,
            )
        )
    return quotes


def _kind(paragraph: _Parsed, i: int, text: str, speaker: str | None, attribution: Attribution) -> QuoteKind:
    if paragraph.block:
        return "block"
    t = paragraph.quote_tokens[i]
    previous = paragraph.tokens[t - 1] if t > 0 else None
    if previous is not None and previous.kind == "word" and previous.lower in lx.SCARE_INTRODUCERS:
        return "scare"
    words = text.split()
    if speaker is None and len(words) <= 3 and not attribution.has_cue and text[-1:] not in ".!?,":
        return "scare"
    if _is_woven(paragraph, i) and (text[:1].islower() or len(words) <= 3):
        return "partial"
    return "direct"
