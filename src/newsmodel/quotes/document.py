"""Quotes of a whole document: marks, speakers resolved with document context, kinds."""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import NamedTuple

from ..errors import ValidationError
from ..model import Quote, QuoteKind, xml_unsafe_characters
from . import lexicon as lx
from .attribution import Attribution, attribute_block, attribute_quotes
from .marks import MarkedSpan, find_marked_spans
from .mentions import Mention, Token, find_mentions, scan_names, tokenize
from .names import NameRegistry

__all__ = ["quote_document"]

# How many paragraphs back a pronoun may look for the person it stands for (paragraphs that
# are nothing but a quote are not counted: they name nobody new).
_PRONOUN_REACH = 2
# How many mentions back any search looks: nobody refers that far, and it keeps the time linear.
_LOOKBACK = 60


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
    speaker: str | None  # a name as written (made fullest only when given out), or a noun phrase
    gender: str | None
    origin: int  # the paragraph the name was read in; -1 for a noun phrase standing for itself
    salient: bool  # a subject, a possessive or a speaker: what a later pronoun may refer to


def quote_document(
    paragraphs: Sequence[str],
    *,
    language: str | None = None,
    known_people: Sequence[str] = (),
    checked: bool = False,
) -> tuple[tuple[Quote, ...], ...]:
    """The quotes of each paragraph, speakers resolved across the document.

    ``checked`` skips checking the paragraphs: the caller vouches that each is a str XML can
    carry, as the text of any :class:`~newsmodel.model.Paragraph` is.
    """
    if not checked:
        _check(paragraphs)
    spans = [None if _is_block(text) else find_marked_spans(text) for text in paragraphs]
    if not any(found is None or found for found in spans):
        # No quote anywhere: the names and pronouns read below would only serve attribution.
        return tuple(() for _ in paragraphs)
    # Pronouns look one paragraph back: only a paragraph with quotes and the one before it need
    # reading word by word; the rest are scanned for names only, which is several times faster.
    close: set[int] = set()
    for index, found in enumerate(spans):
        if found is None or found:
            close.update((index, index - 1))
    parsed = [
        _parse(text, found) if index in close else _scan(text)
        for index, (text, found) in enumerate(zip(paragraphs, spans, strict=True))
    ]
    registry = NameRegistry(known_people)
    for index, paragraph in enumerate(parsed):
        registry.add_all(index, paragraph.mentions)
    attributions = [_attribute_paragraph(index, paragraph, parsed) for index, paragraph in enumerate(parsed)]
    # Whoever a cue verb names as speaker is a subject, even after the verb ("dijo la alcaldesa …").
    speaking = {id(a.mention) for atts in attributions for a in atts if a.mention is not None}
    floors = _reach_floors(parsed)
    seen = _resolve_mentions(parsed, registry, floors, speaking)
    by_mention = {id(candidate.mention): candidate for candidate in seen}
    keys = [(candidate.paragraph, candidate.token) for candidate in seen]
    speakers = [
        [
            _speaker(index, a, by_mention, seen, keys, p, registry, floors)
            for a, p in zip(atts, _positions(parsed[index]), strict=True)
        ]
        for index, atts in enumerate(attributions)
    ]
    # A quote whose text names a speaker we could not resolve is not given someone else's name.
    named = [[a.mention is not None or a.dropped for a in atts] for atts in attributions]
    _carry_within_paragraphs(parsed, speakers, named)
    _carry_from_introduction(parsed, speakers, named, seen, keys, registry)
    _carry_across_paragraphs(parsed, speakers, named)
    return tuple(
        tuple(_build_quotes(paragraph, attributions[index], speakers[index]))
        for index, paragraph in enumerate(parsed)
    )


def _check(paragraphs: Sequence[str]) -> None:
    """Refuse what no Quote could hold: non-strings, and characters XML 1.0 cannot carry."""
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


def _is_block(text: str) -> bool:
    return text.lstrip().startswith(">")


def _scan(text: str) -> _Parsed:
    return _Parsed(text, [], [], scan_names(text), [], False)


def _parse(text: str, spans: list[MarkedSpan] | None) -> _Parsed:
    if spans is None:
        stripped = text.lstrip()
        start = len(text) - len(stripped) + 1
        end = len(text.rstrip())
        while start < end and text[start].isspace():
            start += 1
        block = [MarkedSpan(start, start, end, end, True)] if start < end else []
        return _Parsed(text, block, [], [], [], True)
    tokens = tokenize(text, spans)
    mentions = find_mentions(text, tokens)
    quote_tokens = [i for i, token in enumerate(tokens) if token.kind == "quote"]
    return _Parsed(text, spans, tokens, mentions, quote_tokens, False)


def _positions(paragraph: _Parsed) -> list[int]:
    return paragraph.quote_tokens if not paragraph.block else [0] * len(paragraph.spans)


def _reach_floors(parsed: list[_Parsed]) -> list[int]:
    """For each paragraph, the earliest paragraph its pronouns may refer back to."""
    floors = []
    counted: list[int] = []  # paragraphs so far that are more than quotes
    for index, paragraph in enumerate(parsed):
        floors.append(counted[-_PRONOUN_REACH] if len(counted) >= _PRONOUN_REACH else 0)
        if not _only_quotes(paragraph):
            counted.append(index)
    return floors


def _only_quotes(paragraph: _Parsed) -> bool:
    """Whether the paragraph is nothing but quotes (the middle of a multi-paragraph quote, say)."""
    if not paragraph.spans:
        return False
    text, position = paragraph.text, 0
    for span in paragraph.spans:
        if any(c.isalpha() for c in text[position : span.open_start]):
            return False
        position = span.close_end
    return not any(c.isalpha() for c in text[position:])


def _resolve_mentions(
    parsed: list[_Parsed], registry: NameRegistry, floors: list[int], speaking: set[int]
) -> list[_Seen]:
    """Every mention in document order with the speaker it stands for (pronouns resolved)."""
    seen: list[_Seen] = []
    titled: list[_Seen] = []
    for index, paragraph in enumerate(parsed):
        previous: _Seen | None = None
        for mention in paragraph.mentions:
            gender = mention.gender
            origin = index
            speaker: str | None = mention.text
            if (
                mention.kind == "nominal"
                and previous is not None
                and _in_apposition(paragraph, previous, mention)
            ):
                # "Dame Olivia Harrow, the museum’s director,": the noun phrase is the same person.
                speaker, gender, origin = previous.speaker, previous.gender, previous.origin
            elif mention.kind == "name":
                gender = gender or registry.gender(mention.text)
            else:
                # A pronoun, or an age standing for a person ("the 21-year-old"), means someone
                # named before; a role noun means whoever holds it.
                found = (
                    _antecedent(seen, len(seen), floors[index], mention.gender, mention.category)
                    if mention.kind == "pronoun" or mention.title == "year-old"
                    else _holder(seen, titled, floors[index], mention)
                )
                if found is not None:
                    speaker, gender, origin = found.speaker, found.gender or gender, found.origin
                elif mention.kind == "pronoun":
                    speaker = None
                else:
                    origin = -1
            salient = mention.salient or id(mention) in speaking
            previous = _Seen(index, mention.first, mention, speaker, gender, origin, salient)
            seen.append(previous)
            if mention.kind == "name" and mention.title is not None:
                titled.append(previous)
    return seen


def _in_apposition(paragraph: _Parsed, previous: _Seen, mention: Mention) -> bool:
    name = previous.mention
    return (
        name.kind == "name"
        and name.category == "person"
        and mention.first == name.last + 2
        and paragraph.tokens[name.last + 1].text == ","
    )


def _compatible(wanted: str | None, category: str, candidate: _Seen) -> bool:
    if candidate.speaker is None or not candidate.salient:
        return False
    if category == "org" or wanted == "org":
        return candidate.mention.category == "org"
    if candidate.mention.category != "person":
        return False
    return wanted in (None, "any") or candidate.gender in (None, wanted)


def _antecedent(seen: list[_Seen], end: int, floor: int, gender: str | None, category: str) -> _Seen | None:
    """The latest salient mention before ``seen[end]``, from paragraph ``floor`` on, a pronoun can mean."""
    for k in range(end - 1, max(-1, end - 1 - _LOOKBACK), -1):
        candidate = seen[k]
        if candidate.paragraph < floor:
            return None
        if _compatible(gender, category, candidate):
            return candidate
    return None


def _holder(seen: list[_Seen], titled: list[_Seen], floor: int, mention: Mention) -> _Seen | None:
    """Who "the president" or "the company" is: a named holder of that title, or the last organisation."""
    if mention.title is None:
        return None
    role = mention.title
    if mention.category == "person":
        # "the minister" is "Innenminister Markus Albrecht"; "the prime minister" is "Prime Minister …".
        # A holder named as a subject beats one named in passing ("spoke about President Putin").
        fallback: _Seen | None = None
        for k in range(len(titled) - 1, max(-1, len(titled) - 1 - _LOOKBACK), -1):
            held = titled[k].mention
            if held.title is not None and held.title.endswith(role):
                if titled[k].salient:
                    return titled[k]
                fallback = fallback or titled[k]
        return fallback
    generic = role in lx.GENERIC_ORG_NOUNS
    for k in range(len(seen) - 1, max(-1, len(seen) - 1 - _LOOKBACK), -1):
        candidate = seen[k]
        held = candidate.mention
        if candidate.paragraph < floor:
            return None
        if (
            held.kind == "name"
            and held.category == "org"
            and (generic or role in held.text.casefold() or held.title == role)
        ):
            return candidate
    return None


def _attribute_paragraph(index: int, paragraph: _Parsed, parsed: list[_Parsed]) -> list[Attribution]:
    if not paragraph.spans:
        return []
    if paragraph.block:
        if index == 0 or not paragraph.spans:
            return [Attribution(None)] * len(paragraph.spans)
        previous = parsed[index - 1]
        return [attribute_block(previous.tokens, previous.mentions)]
    return attribute_quotes(paragraph.tokens, paragraph.mentions, paragraph.quote_tokens)


def _speaker(
    index: int,
    attribution: Attribution,
    by_mention: dict[int, _Seen],
    seen: list[_Seen],
    keys: list[tuple[int, int]],
    position: int,
    registry: NameRegistry,
    floors: list[int],
) -> str | None:
    mention = attribution.mention
    if mention is None:
        found = None
        if attribution.dropped:
            end = bisect.bisect_left(keys, (index, position))
            found = _antecedent(seen, end, floors[index], "any", "person")
    else:
        found = by_mention.get(id(mention))
    if found is None or found.speaker is None:
        return None
    return found.speaker if found.origin < 0 else registry.fullest(found.speaker, found.origin)


def _carry_within_paragraphs(
    parsed: list[_Parsed], speakers: list[list[str | None]], named: list[list[bool]]
) -> None:
    """A paragraph's unattributed quotes belong to the speaker of its nearest attributed quote."""
    for paragraph, names, explicit in zip(parsed, speakers, named, strict=True):
        if paragraph.block or None not in names or all(name is None for name in names):
            continue
        following: list[str | None] = [None] * len(names)
        for k in range(len(names) - 2, -1, -1):
            following[k] = names[k + 1] or following[k + 1]
        before: str | None = None
        for i, name in enumerate(names):
            if explicit[i]:
                pass
            elif name is None and i > 0 and _same_sentence(paragraph, i - 1, i) and names[i - 1] is not None:
                names[i] = names[i - 1]  # "she was “open to talks” but would not “negotiate …”"
            elif name is None and _is_speech(paragraph, i):
                names[i] = before or following[i]
            before = names[i] or before


def _carry_across_paragraphs(
    parsed: list[_Parsed], speakers: list[list[str | None]], named: list[list[bool]]
) -> None:
    """Carry a speaker on: through a multi-paragraph quote, or into a paragraph continuing the quotes."""
    # Multi-paragraph quotes: the opening mark on each paragraph, the closing one on the last.
    for chain in _quote_chains(parsed):
        _unify(chain, speakers)
    for index in range(1, len(parsed)):
        paragraph = parsed[index]
        names = speakers[index]
        if paragraph.block or not names or all(name is not None for name in names):
            continue
        previous = [name for name in speakers[index - 1] if name is not None]
        if previous and not any(m.kind == "name" and m.category == "person" for m in paragraph.mentions):
            for i, name in enumerate(names):
                if name is None and not named[index][i] and _is_speech(paragraph, i):
                    names[i] = previous[-1]


def _carry_from_introduction(
    parsed: list[_Parsed],
    speakers: list[list[str | None]],
    named: list[list[bool]],
    seen: list[_Seen],
    keys: list[tuple[int, int]],
    registry: NameRegistry,
) -> None:
    """A paragraph that is nothing but unattributed speech, after a paragraph of narrative
    without quotes, is spoken by that narrative's subject: "… she did not hesitate." then
    "“It was the mill closure …”". Whoever the paragraph itself names would be a new voice."""
    for index, paragraph in enumerate(parsed):
        names = speakers[index]
        if paragraph.block or not names or any(name is not None for name in names) or any(named[index]):
            continue
        if (
            index == 0
            or not _starts_with_quote(paragraph)
            or not _only_quotes(paragraph)
            or parsed[index - 1].spans
            or parsed[index - 1].block
            or any(m.kind == "name" for m in paragraph.mentions)
        ):
            # Speech after narrative in the same paragraph ("Smith arrived late. “We are
            # ready.”") stays unattributed: the narrative may be about someone else.
            continue
        found = _antecedent(seen, bisect.bisect_left(keys, (index, 0)), index - 1, "any", "person")
        if found is None or found.speaker is None:
            continue
        speaker = found.speaker if found.origin < 0 else registry.fullest(found.speaker, found.origin)
        if not speaker.strip():
            continue
        for i in range(len(names)):
            if _is_speech(paragraph, i):
                names[i] = speaker


def _quote_chains(parsed: list[_Parsed]) -> list[list[tuple[int, int]]]:
    """The quotes running over several paragraphs, each as (paragraph, quote) pairs."""
    chains: list[list[tuple[int, int]]] = []
    chain: list[tuple[int, int]] = []
    for index, paragraph in enumerate(parsed):
        quoted = bool(paragraph.spans) and not paragraph.block
        if chain and quoted and _starts_with_quote(paragraph):
            chain.append((index, 0))
            if len(paragraph.spans) == 1 and not paragraph.spans[0].closed:
                continue  # the quote runs on into the next paragraph too
        if len(chain) > 1:
            chains.append(chain)
        chain = []
        if quoted and not paragraph.spans[-1].closed:
            chain = [(index, len(paragraph.spans) - 1)]
    if len(chain) > 1:
        chains.append(chain)
    return chains


def _unify(chain: list[tuple[int, int]], speakers: list[list[str | None]]) -> None:
    if len(chain) < 2:
        return
    name = next((speakers[p][q] for p, q in chain if speakers[p][q] is not None), None)
    if name is not None:
        for p, q in chain:
            speakers[p][q] = name


def _same_sentence(paragraph: _Parsed, a: int, b: int) -> bool:
    tokens = paragraph.tokens
    return all(tokens[k].kind != "end" for k in range(paragraph.quote_tokens[a], paragraph.quote_tokens[b]))


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
    introducer = _term_introducer(paragraph, i)
    if introducer is not None and (
        introducer in lx.ALWAYS_SCARE or text[:1].isupper() or not attribution.has_cue
    ):
        return "scare"  # "the so-called “…”", "the film “Dune”", but not "called the book “brave …”"
    words = text.split()
    woven = _is_woven(paragraph, i)
    if (
        speaker is None
        and not attribution.has_cue
        and _looks_like_term(words)
        # American style puts the full stop or comma inside: “pandemic.”, “The Salt House,”
        and (text[-1:] not in ".!?," or (woven and (len(words) <= 2 or text[:1].isupper())))
    ):
        return "scare"
    if text[:1].islower() or (woven and (len(words) <= 3 or _after_article(paragraph, i))):
        return "partial"
    return "direct"


def _after_article(paragraph: _Parsed, i: int) -> bool:
    """German capitalises nouns: „Schlag ins Gesicht“ after "von einem" is still woven in."""
    t = paragraph.quote_tokens[i]
    return paragraph.tokens[t - 1].lower in lx.DETERMINERS


def _looks_like_term(words: list[str]) -> bool:
    """A quoted term of up to three words, or a Title In Title Case."""
    return len(words) <= 3 or (len(words) <= 8 and all(w[:1].isupper() for w in words if w[:1].isalpha()))


def _term_introducer(paragraph: _Parsed, i: int) -> str | None:
    """The word that presents quote ``i`` as a term or title: "so-called", "the film", "album,"."""
    t = paragraph.quote_tokens[i]
    words = 0
    for k in range(t - 1, max(-1, t - 4), -1):
        token = paragraph.tokens[k]
        if token.kind == "word":
            if token.lower in lx.SCARE_INTRODUCERS:
                return token.lower
            words += 1
            if words == 2:
                break
        elif token.text != ",":
            break
    return None
