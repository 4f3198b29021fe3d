"""Find who says each quote of a paragraph: the speaker *mention*, before it is resolved to a name.

The rules, tried in order for each quote (all within the quote's sentence):

1. after the quote: a cue verb then the speaker ("…,” said Maria Lopez), the speaker then a cue
   verb ("…,” Smith said; „…“, sagte er), "according to" / "selon" / "laut" + speaker, or a
   bare cue verb with the subject dropped ("«…», dijo.");
2. before the quote: the subject of the last cue verb ("The minister told reporters: “…”",
   "The company said the merger was “…”"), or the speaker after "according to";
3. a quote woven into a sentence that has a cue word before it (a cue verb, or a speech noun such
   as "characterization", "admission", "reply"): the nearest clause subject or possessive before
   the quote ("Trump’s characterization of the tariffs as “very severe”");
4. a headline-style sentence "Obama on climate: … ‘Terrifying’" or "Obama: “…”".
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from . import lexicon as lx
from .mentions import Mention, Token

__all__ = ["Attribution", "attribute_block", "attribute_quotes"]


class Attribution(NamedTuple):
    """The speaker mention of a quote (``None``: not said), or ``dropped`` for a cue with no subject."""

    mention: Mention | None
    dropped: bool = False
    has_cue: bool = False
    settled: bool = False  # the text says who, even if we cannot tell: look no further


_NONE = Attribution(None)


# How many mentions back the nearest-subject rules look; a bound keeps long paragraphs linear.
_LOOKBACK = 40


class _Context(NamedTuple):
    tokens: list[Token]
    mentions: list[Mention]
    firsts: list[int]  # mentions' first tokens, for bisection
    by_first: dict[int, Mention]
    by_last: dict[int, Mention]


def attribute_quotes(
    tokens: list[Token], mentions: list[Mention], quote_tokens: list[int]
) -> list[Attribution]:
    """The speaker of each quote at ``tokens[t]`` for ``t`` in ``quote_tokens``."""
    context = _Context(
        tokens,
        mentions,
        [m.first for m in mentions],
        {m.first: m for m in mentions},
        {m.last: m for m in mentions},
    )
    starts, ends = _sentences(tokens)
    return [_attribute(context, t, starts[t], ends[t]) for t in quote_tokens]


def _sentences(tokens: list[Token]) -> tuple[list[int], list[int]]:
    """For every token, the index of the first and of the last token of its sentence."""
    ending = [
        token.kind == "end" or _quote_ends_sentence(tokens, index) for index, token in enumerate(tokens)
    ]
    starts: list[int] = []
    first = 0
    for index in range(len(tokens)):
        starts.append(first)
        if ending[index]:
            first = index + 1
    ends = [0] * len(tokens)
    last = len(tokens) - 1
    for index in range(len(tokens) - 1, -1, -1):
        if ending[index]:
            last = index
        ends[index] = last
    return starts, ends


def _quote_ends_sentence(tokens: list[Token], index: int) -> bool:
    """“… a perfect start.” Its chief executive …: the full stop inside the marks ends the sentence,
    unless an attribution follows (“We are ready.” Smith said.)."""
    token = tokens[index]
    if token.kind != "quote" or token.text[-1:] not in ".!?…" or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1]
    if following.kind != "word" or not following.text[:1].isupper():
        return False
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    return after is None or not (_is_cue(after) or (after.kind == "word" and after.text[:1].isupper()))


def _attribute(context: _Context, quote_token: int, first: int, last: int) -> Attribution:
    tokens, _, _, by_first, by_last = context
    found = _after(tokens, by_first, by_last, quote_token, last, first)
    if found.mention is not None or found.dropped:
        return found
    left_start = _left_start(tokens, first, quote_token)
    found = _before(tokens, by_first, by_last, left_start, quote_token)
    if found.mention is not None or found.settled:
        return found
    if quote_token > 0 and tokens[quote_token - 1].text == ":" and not found.has_cue:
        subject = _sentence_subject(context, left_start, quote_token)
        if subject is not None:
            return Attribution(subject)
    cue = _cue_word_before(tokens, left_start, quote_token)
    if cue is not None:
        # The subject of the cue word: before it ("she said, adding that the team was “…”"),
        # else after it ("While maintaining that he is “…”").
        nearest = _nearest_salient(context, first, cue) or _nearest_salient(context, first, quote_token)
        if nearest is not None:
            return Attribution(nearest, has_cue=True)
    if (
        quote_token > first
        and tokens[quote_token - 1].kind == "word"
        and _reads_as_words(tokens[quote_token].text)
    ):
        # Words woven into a sentence about someone are that someone's: "De Boer noemde het
        # akkoord „een historische stap”". Names and titles inside ("the Reds") are not.
        subject = _sentence_subject(context, first, quote_token)
        if subject is not None:
            return Attribution(subject)
    headline = _headline_speaker(tokens, by_first, first, quote_token)
    if headline is not None:
        return Attribution(headline)
    return Attribution(None, has_cue=found.has_cue)


def _sentence_bounds(tokens: list[Token], index: int) -> tuple[int, int]:
    first = index
    while first > 0 and tokens[first - 1].kind != "end":
        first -= 1
    return first, index


def _left_start(tokens: list[Token], first: int, quote_token: int) -> int:
    """Where the words before the quote begin: after the previous quote in the sentence, if any."""
    for k in range(quote_token - 1, first - 1, -1):
        if tokens[k].kind == "quote":
            return k + 1
    return first


def _is_cue(token: Token) -> bool:
    return token.kind == "word" and token.lower in lx.CUE_VERBS


def _is_skippable(token: Token) -> bool:
    lower = token.lower
    return token.kind == "word" and (lower in lx.ADVERBS or (lower.endswith("ly") and len(lower) > 4))


def _after(
    tokens: list[Token],
    by_first: dict[int, Mention],
    by_last: dict[int, Mention],
    quote: int,
    last: int,
    first: int,
) -> Attribution:
    j = quote + 1
    # A quote that opens its sentence and closes with a comma (inside or outside the marks) is
    # followed by its attribution clause, whatever the verb: „…“, kündigte sie an; «…», lamentó.
    opens = quote == first or tokens[quote - 1].kind != "word"
    clause = opens and (tokens[quote].text[-1:] in ",?!" or (j < len(tokens) and tokens[j].text == ","))
    while j <= last and tokens[j].kind == "punct" and tokens[j].text in ",\u2014\u2013--":
        j += 1
    if j > last or j >= len(tokens) or tokens[j].kind != "word":
        return _NONE
    while j < last and _is_skippable(tokens[j]) and not _is_cue(tokens[j]) and j not in by_first:
        j += 1
    token = tokens[j]
    if token.lower in lx.CUE_PREPOSITIONS or (token.lower == "so" and j + 1 in by_first):
        # "according to X"; German „…“, so Scholz.
        return Attribution(_mention_after(tokens, by_first, j + 1), has_cue=True)
    if _is_cue(token) or (clause and _may_be_verb(token) and j not in by_first):
        mention = _mention_after(tokens, by_first, j + 1)
        if mention is not None:
            return Attribution(mention, has_cue=True)
        if not _is_cue(token):
            return _NONE
        following = tokens[j + 1] if j + 1 < len(tokens) else None
        # «…», dijo.  A cue verb with nothing after it: the subject is dropped, as Spanish allows.
        return Attribution(None, dropped=following is None or following.kind != "word", has_cue=True)
    if token.lower in lx.PERSON_NOUNS and j + 1 in by_first:
        j += 1  # "coach Ana Silva said"
    mention = by_first.get(j)
    if mention is None:
        return _NONE
    k = mention.last + 1
    # "Maria Lopez, the union’s president, said": skip an apposition between commas.
    if k < len(tokens) and tokens[k].text == ",":
        close = next((n for n in range(k + 1, min(k + 10, len(tokens))) if tokens[n].text == ","), None)
        if close is not None:
            k = close + 1
    while k < len(tokens) and _is_skippable(tokens[k]) and not _is_cue(tokens[k]):
        k += 1
    if k < len(tokens) and (_is_cue(tokens[k]) or (clause and _may_be_verb(tokens[k]))):
        return Attribution(mention, has_cue=True)
    # French inversion: "explique-t-il", "a-t-elle affirmé".
    inverted = mention.kind == "pronoun" and tokens[j].lower != mention.text
    if inverted and (_is_hyphenated_cue(tokens[j]) or (k < len(tokens) and _is_cue(tokens[k]))):
        return Attribution(mention, has_cue=True)
    return _NONE


def _before(
    tokens: list[Token], by_first: dict[int, Mention], by_last: dict[int, Mention], start: int, quote: int
) -> Attribution:
    for k in range(quote - 1, start - 1, -1):
        token = tokens[k]
        if token.kind != "word":
            continue
        if token.lower in lx.CUE_PREPOSITIONS:
            return Attribution(_mention_after(tokens, by_first, k + 1), has_cue=True)
        if _is_cue(token) or _is_hyphenated_cue(token):
            if k + 1 < quote and tokens[k + 1].lower in _PASSIVE_AGENT:
                # "was described by one critic as": the agent speaks, never the subject.
                return Attribution(_mention_after(tokens, by_first, k + 2), has_cue=True, settled=True)
            mention = _mention_before(tokens, by_last, k, start)
            if mention is None:
                mention = _inverted_speaker(tokens, by_first, k + 1)
            return Attribution(mention, has_cue=True)
    return _NONE


def _inverted_speaker(tokens: list[Token], by_first: dict[int, Mention], k: int) -> Mention | None:
    """The speaker after the cue verb ("Said Smith: …"), not the subject of what was said
    ("said the prime minister had …", "said it would …")."""
    mention = _mention_after(tokens, by_first, k)
    if mention is None or (mention.kind == "pronoun" and mention.category == "org"):
        return None
    following = tokens[mention.last + 1] if mention.last + 1 < len(tokens) else None
    if following is None or following.kind != "word" or following.lower in lx.TIME_WORDS:
        return mention
    return None


def _reads_as_words(quoted: str) -> bool:
    """Two or more plain lower-case words: phrasing, not a name, a title or a single term."""
    words = quoted.split()
    if len(words) < 2 or not quoted[:1].islower():
        return False
    # German capitalises every noun ("einem „verlorenen Jahrzehnt“"); an article first, as in
    # "the Iron Lady", still makes it a name.
    return words[0] not in lx.ARTICLES or not any(w[:1].isupper() for w in words[1:])


def _may_be_verb(token: Token) -> bool:
    """A lower-case word that could be the verb of an attribution clause (not "the", "in", "on")."""
    return (
        token.kind == "word"
        and token.text.islower()
        and token.lower not in lx.STOP_CAPITALS
        and (token.lower not in lx.DETERMINERS)
    )


def _is_hyphenated_cue(token: Token) -> bool:
    """ "dit-elle", "explique-t-il": a French cue verb fused with its subject."""
    return "-" in token.text and token.lower.split("-", 1)[0] in lx.CUE_VERBS


def _mention_before(tokens: list[Token], by_last: dict[int, Mention], cue: int, start: int) -> Mention | None:
    k = cue - 1
    while k >= start and _is_skippable(tokens[k]):
        k -= 1
    if k >= start and tokens[k].text == ",":
        # "Farouk, 41, told", "Maria Lopez, the union’s president, said": the name before the aside.
        aside = next((n for n in range(k - 1, max(start - 1, k - 9), -1) if tokens[n].text == ","), None)
        named = by_last.get(aside - 1) if aside is not None else None
        inside = by_last.get(k - 1) if aside is not None else None
        if (
            named is not None
            and inside is not None
            and inside.kind == "name"
            and inside.category == "person"
            and aside is not None
            and inside.first == aside + 1
            and named.first - 1 >= 0
            and tokens[named.first - 1].lower in _PREPOSITIONS_IN_NAMES
        ):
            # "El teniente de alcalde de Vivienda, Jordi Martí, aseguró": the name before the
            # aside is what the role is of; the person is the aside.
            return inside
        if named is not None and named.kind == "name" and named.first >= start:
            return named
        k -= 1
    mention = by_last.get(k)
    if mention is not None and mention.first >= start:
        # "a spokeswoman for the airline said": the head of the phrase speaks.
        before = mention.first - 1
        if before > start and tokens[before].lower in _PREPOSITIONS_IN_NAMES:
            head = by_last.get(before - 1)
            if (
                head is not None
                and head.first >= start
                and head.kind != "pronoun"
                and head.category == "person"
            ):
                return head
        return _prefer_apposition(tokens, by_last, mention)
    # "a spokeswoman for the airline said", "an analyst at Barlow Securities said"
    for n in range(k - 1, max(start - 1, k - 5), -1):
        if tokens[n].kind != "word":
            return None
        if tokens[n].lower in _PREPOSITIONS_IN_NAMES:
            head = by_last.get(n - 1)
            return head if head is not None and head.first >= start and head.kind != "pronoun" else None
    return None


_PASSIVE_AGENT = frozenset(("by", "par", "por", "door"))  # not "von": "sprach von" is "spoke of"
_TO_WHOM = frozenset(("to", "a", "à", "al", "ai", "aan", "gegenüber"))
_PREPOSITIONS_IN_NAMES = frozenset(
    ("for", "of", "at", "from", "with", "in", "near", "across", "für", "von", "aus", "de", "du", "del", "di")
)


def _mention_after(tokens: list[Token], by_first: dict[int, Mention], k: int) -> Mention | None:
    size = len(tokens)
    # "according to X", "a déclaré jeudi le maire": skip "to" and days.
    while k < size and (tokens[k].lower in ("to", "a") or tokens[k].lower in lx.TIME_WORDS):
        k += 1
    # "dijo a la prensa Rosa Hernández,", "said to reporters Tom Hale.": skip whom it was said to.
    if k > 0 and tokens[k - 1].lower in _TO_WHOM and k not in by_first:
        for n in range(k + 1, min(size, k + 4)):
            named = by_first.get(n)
            if named is not None:
                if named.kind == "name" and (named.last + 1 >= size or tokens[named.last + 1].kind != "word"):
                    return named
                break
    # "asked opposition leader Ruth Adeyemi", "zei minister Sanne de Vries": skip the words
    # describing the speaker, up to the name.
    # "explique la viticultrice Claire Lambert", "said the veteran striker Ali Kaya": an article
    # and role words no list knows, then the name.
    # Italian "il" is a French pronoun too: after a cue verb, before a noun, it is an article.
    article = (
        k < size
        and tokens[k].lower in lx.DETERMINERS
        and (k not in by_first or by_first[k].kind == "pronoun")
    )
    n = k + 1 if article else k
    while (
        n < size
        and n - k < 4
        and n not in by_first
        and _is_describing_word(tokens[n])
        # "el consejero de Clima, Jordi Puig": a name after "de" is what the role is of.
        and not (article and tokens[n].lower in _PREPOSITIONS_IN_NAMES)
    ):
        n += 1
    if n > k and by_first.get(n) is not None and by_first[n].kind == "name":
        k = n
    if k not in by_first and k + 1 in by_first and k < size and tokens[k].lower in lx.DETERMINERS:
        k += 1  # "sagte die Vorsitzende Richterin Anke Holm"
    mention = by_first.get(k)
    if mention is None and k < size and tokens[k].lower in lx.DETERMINERS:
        # "advirtió el consejero de Clima, Jordi Puig": an unknown role, then the name after a comma.
        for n in range(k + 1, min(size - 1, k + 6)):
            if tokens[n].text == ",":
                named = by_first.get(n + 1)
                return named if named is not None and named.kind == "name" else None
            if tokens[n].kind != "word":
                return None
        return None
    if mention is None:
        return None
    if mention.kind == "nominal":
        named = _apposition_after(tokens, by_first, mention)
        if named is not None:
            return named
    return mention


def _is_describing_word(token: Token) -> bool:
    """A lower-case word that can describe a speaker ("opposition", "leader"), not "in" or "on"."""
    lower = token.lower
    return (
        token.kind == "word"
        and token.text.islower()
        and lower not in lx.STOP_CAPITALS
        and lower not in lx.TIME_WORDS
    )


def _apposition_after(tokens: list[Token], by_first: dict[int, Mention], mention: Mention) -> Mention | None:
    """The name after "the mayor of Lyon," or "the company’s chief executive," if one follows."""
    n = mention.last + 1
    limit = min(len(tokens), n + 5)
    while n < limit and tokens[n].text != ",":
        if tokens[n].kind != "word":
            return None
        n += 1
    named = by_first.get(n + 1) if n < limit else None
    if named is not None and named.kind == "name" and named.category == "person":
        return named
    return None


def _prefer_apposition(tokens: list[Token], by_last: dict[int, Mention], mention: Mention) -> Mention:
    """For "Maria Lopez, the union’s president," return "Maria Lopez" rather than the noun phrase."""
    if mention.kind == "nominal" and mention.first >= 2 and tokens[mention.first - 1].text == ",":
        named = by_last.get(mention.first - 2)
        if named is not None and named.kind == "name":
            return named
    return mention


def _cue_word_before(tokens: list[Token], start: int, quote: int) -> int | None:
    """The first cue verb or speech noun between ``start`` and the quote."""
    for k in range(start, quote):
        token = tokens[k]
        if token.kind == "word" and (token.lower in lx.CUE_VERBS or token.lower in lx.CUE_NOUNS):
            return k
    return None


def _nearest_salient(context: _Context, first: int, quote: int) -> Mention | None:
    mentions = context.mentions
    stop = bisect.bisect_left(context.firsts, quote)
    for k in range(stop - 1, max(-1, stop - 1 - _LOOKBACK), -1):
        mention = mentions[k]
        if mention.first < first:
            return None
        if mention.last < quote and mention.salient:
            return mention
    return None


def _headline_speaker(
    tokens: list[Token], by_first: dict[int, Mention], first: int, quote: int
) -> Mention | None:
    """ "Obama on Climate Change: The Trends Are ‘Terrifying’" and "Obama: “…”" name the speaker first."""
    mention = by_first.get(first)
    if mention is None or mention.kind != "name":
        return None
    k = mention.last + 1
    if k < quote and tokens[k].text == ":":
        return mention
    if (
        k < quote
        and tokens[k].lower in ("on", "about", "zu", "sur", "sobre")
        and any(tokens[n].text == ":" for n in range(k + 1, quote))
    ):
        return mention
    return None


def attribute_block(tokens: list[Token], mentions: list[Mention]) -> Attribution:
    """The speaker of a block quote, from the paragraph before it ("In a letter, the mayor wrote:")."""
    if not tokens or tokens[-1].text != ":":
        return _NONE
    first, _ = _sentence_bounds(tokens, len(tokens) - 1)
    by_first = {m.first: m for m in mentions}
    by_last = {m.last: m for m in mentions}
    return _before(tokens, by_first, by_last, first, len(tokens))


def _sentence_subject(context: _Context, start: int, quote: int) -> Mention | None:
    """Who introduces a quote with a colon and no cue verb: "Varga went further: “…”"."""
    mentions = context.mentions
    begin = bisect.bisect_left(context.firsts, start)
    for k in range(begin, min(len(mentions), begin + _LOOKBACK)):
        mention = mentions[k]
        if mention.last >= quote:
            return None
        if mention.salient:
            named = (
                _apposition_after(context.tokens, context.by_first, mention)
                if mention.kind == "nominal"
                else None
            )
            return named or mention
    return None
