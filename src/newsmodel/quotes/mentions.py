"""Tokens and mentions of one paragraph: the words outside the quotes, and who they name.

A *mention* is a name ("State Sen. Maria Lopez"), a pronoun ("she") or a role noun phrase
("the minister", "the company") that could be a speaker. Each mention knows whether it is
*salient* — a clause subject or a possessive, the kind of mention a later pronoun refers to —
rather than the object of a verb or preposition ("asked about Putin").
"""

from __future__ import annotations

import functools
import re
from typing import Literal, NamedTuple

from . import lexicon as lx
from .marks import MarkedSpan

__all__ = ["Mention", "Token", "find_mentions", "scan_names", "tokenize"]

TokenKind = Literal["word", "punct", "end", "quote"]
MentionKind = Literal["name", "pronoun", "nominal"]
Category = Literal["person", "org"]

_TOKEN = re.compile(r"(?P<word>\w+(?:[’'\-.]\w+)*)|(?P<end>[!?…]+|\.)|(?P<punct>[,;:()\[\]\u2014\u2013]|--)")
_POSSESSIVE = re.compile(r"(?:[’']s|s[’'])\Z")
_FRENCH_INVERSION = re.compile(r"-(?:t-)?(il|elle|ils|elles|on)\Z")


class Token(NamedTuple):
    """A word, punctuation mark, sentence end or whole quote (``quote`` is its index) of a paragraph."""

    text: str
    start: int
    end: int
    kind: TokenKind
    lower: str
    quote: int = -1


class Mention(NamedTuple):
    """Someone a paragraph names: tokens ``first``..``last`` (inclusive) of the paragraph's tokens."""

    first: int
    last: int
    kind: MentionKind
    text: str  # the name without titles, or the pronoun / noun phrase as written
    category: Category
    gender: str | None  # "m", "f", "any" (German sie), "org", or None when unknown
    title: str | None  # the title or role noun, lower case without its period
    salient: bool
    start: int  # character offsets of ``text`` in the paragraph
    end: int


def tokenize(text: str, spans: list[MarkedSpan]) -> list[Token]:
    """Split ``text`` into tokens, each quoted span (with its marks) becoming one ``quote`` token."""
    tokens: list[Token] = []
    append = tokens.append
    position = 0
    for index, span in enumerate([*spans, None]):
        stop = len(text) if span is None else span.open_start
        for match in _TOKEN.finditer(text, position, stop):
            kind = match.lastgroup
            start = match.start()
            if kind == "word":
                word = match.group()
                lower = word.lower()
                if text[match.end() : match.end() + 1] == "." and (
                    lower + "." in lx.ABBREVIATIONS or (len(word) == 1 and word.isupper())
                ):
                    append(Token(word + ".", start, match.end() + 1, "word", lower + "."))
                    position = match.end() + 1
                else:
                    append(Token(word, start, match.end(), "word", lower))
            elif start >= position:
                piece = match.group()
                append(Token(piece, start, match.end(), "end" if kind == "end" else "punct", piece))
        if span is not None:
            tokens.append(
                Token(text[span.start : span.end], span.open_start, span.close_end, "quote", "", index)
            )
            position = span.close_end
    return tokens


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _is_capital(token: Token) -> bool:
    text = token.text
    if token.kind != "word":
        return False
    # French and Italian elide the article: "l’Élysée", "d’Artagnan".
    return text[0].isupper() or (len(text) > 2 and text[1] in _ELISION_MARKS and text[2].isupper())


_ELISION_MARKS = "’'"


def _bare(word: str) -> str:
    """The word without a possessive ending."""
    match = _POSSESSIVE.search(word)
    if match is None:
        return word
    return word[: match.start() + 1] if match.group()[0] in "sS" else word[: match.start()]


def find_mentions(text: str, tokens: list[Token]) -> list[Mention]:
    """Every name, pronoun and role noun phrase in ``tokens``, in order."""
    mentions: list[Mention] = []
    i = 0
    size = len(tokens)
    while i < size:
        token = tokens[i]
        if token.kind != "word":
            i += 1
            continue
        lower = token.lower
        if lower in lx.DETERMINERS:
            mention = _nominal_mention(text, tokens, i)
            if mention is not None:
                following = mention.last + 1
                if (
                    following < size
                    and _is_capital(tokens[following])
                    and tokens[following].lower not in lx.STOP_CAPITALS
                ):
                    # "la alcaldesa Marta Ruiz", "le ministre Bruno Lefèvre": one person, named.
                    end = _name_run_end(tokens, following)
                    named = _name_mention(text, tokens, following, end, lead=i, role=mention.title)
                    if named is not None:
                        mentions.append(named)
                        i = end + 1
                        continue
                mentions.append(mention)
                i = mention.last + 1
                continue
        inversion = _FRENCH_INVERSION.search(lower) if "-" in lower else None
        if lower in lx.PRONOUNS or inversion:
            pronoun = inversion.group(1) if inversion else lower
            gender = lx.PRONOUNS.get(pronoun, "m")
            category: Category = "org" if gender == "org" else "person"
            salient = inversion is not None or _opens_clause(tokens, i) or lower in _POSSESSIVE_PRONOUNS
            mentions.append(
                Mention(i, i, "pronoun", pronoun, category, gender, None, salient, token.start, token.end)
            )
            i += 1
            continue
        if _is_capital(token):
            end = _name_run_end(tokens, i)
            mention = _name_mention(text, tokens, i, end)
            if mention is not None:
                mentions.append(mention)
                if _is_possessive(tokens[end]):
                    # "Johnson’s spokesman said": the spokesman speaks, not Johnson.
                    role = _nominal_mention(text, tokens, end)
                    if role is not None and role.category == "person":
                        mentions.append(role._replace(salient=mention.salient))
                        end = role.last
            i = end + 1
            continue
        i += 1
    return mentions


_POSSESSIVE_PRONOUNS = lx.POSSESSIVE_PRONOUNS


# "Ministry of Health", "Bank of England": "of" joins an organisation's name, not a person's.
_ORG_LINKS = frozenset(("of", "for"))


def _has_org_word(tokens: list[Token], first: int, last: int) -> bool:
    return any(tokens[k].lower in lx.ORG_WORDS for k in range(first, last + 1))


def _name_run_end(tokens: list[Token], i: int) -> int:
    """The index of the last token of the capitalised run starting at ``i``."""
    end = i
    size = len(tokens)
    while end + 1 < size and not _POSSESSIVE.search(tokens[end].text):
        following = tokens[end + 1]
        if _is_capital(following) and following.lower not in lx.STOP_CAPITALS:
            end += 1
        elif (
            following.kind == "word"
            and (
                following.lower in lx.NAME_PARTICLES
                or (following.lower in _ORG_LINKS and _has_org_word(tokens, i, end))
            )
            and end + 2 < size
            and _is_capital(tokens[end + 2])
            and tokens[end + 2].lower not in lx.STOP_CAPITALS
        ):
            end += 2
        else:
            break
    return end


def _name_mention(
    text: str, tokens: list[Token], first: int, last: int, *, lead: int | None = None, role: str | None = None
) -> Mention | None:
    """The name in ``tokens[first..last]``; ``lead`` is where a role noun phrase before it starts."""
    words = [tokens[k].lower.rstrip(".") for k in range(first, last + 1)]
    if first == last and _opens_sentence(tokens, first) and words[0].endswith(_VERB_ENDINGS):
        return None  # "Asked whether …", "Speaking to reporters, …": a verb, not a name
    begin = first
    # A sentence-initial "The" or "However" is not part of a name.
    while begin <= last and words[begin - first] in lx.STOP_CAPITALS:
        begin += 1
    named_from = begin  # where the mention starts, titles included
    title: str | None = None
    for k in range(last, begin - 1, -1):
        word = words[k - first]
        if word in lx.TITLES or word + "." in lx.TITLES or word.endswith(lx.TITLE_SUFFIXES):
            title = word
            begin = k + 1
            break
    gender = _gender(words[: begin - first]) if begin > first else None
    if begin > last:
        if title is None:
            return None
        # A bare title ("President") is a role noun phrase: resolved later to whoever holds it.
        return Mention(
            first,
            last,
            "nominal",
            text[tokens[first].start : tokens[last].end],
            "person",
            gender,
            title,
            _opens_clause(tokens, first) or _is_possessive(tokens[last]),
            tokens[first].start,
            tokens[last].end,
        )
    name_words = [tokens[k].text for k in range(begin, last + 1)]
    name_words[-1] = _bare(name_words[-1])
    start = tokens[begin].start
    if name_words[0][0].islower():  # "l’Élysée": the name is "Élysée"
        name_words[0] = name_words[0][2:]
        start += 2
    end = tokens[last].end - (len(tokens[last].text) - len(_bare(tokens[last].text)))
    name = text[start:end]
    lowered = [w.lower() for w in name_words]
    is_org = any(w in lx.ORG_WORDS for w in lowered) or (
        len(name_words) == 1 and name_words[0].isupper() and len(name_words[0]) > 1
    )
    if gender is None and not is_org:
        gender = _gender(lowered[:1])
    if lead is None and named_from > first:
        lead = named_from
    elif lead is None:
        # "coach Ana Silva", "union leader Tomasz Wójcik": the role words belong to the mention.
        lead = first
        while lead > 0 and first - lead < 3 and tokens[lead - 1].kind == "word":
            word = tokens[lead - 1].lower
            if word not in lx.PERSON_NOUNS and word not in lx.ORG_NOUNS:
                break
            lead -= 1
            role = role or (word if word in lx.PERSON_NOUNS else None)
    title = title or role
    salient = _opens_clause(tokens, min(lead, first)) or _is_possessive(tokens[last])
    return Mention(
        lead,
        last,
        "name",
        name,
        "org" if is_org else "person",
        "org" if is_org else gender,
        title,
        salient,
        start,
        end,
    )


_VERB_ENDINGS = ("ed", "ing", "ly")


def _opens_sentence(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].kind == "end" or tokens[i - 1].kind == "quote"


def _gender(words: list[str]) -> str | None:
    for word in words:
        if word in lx.MALE or word + "." in lx.MALE:
            return "m"
        if word in lx.FEMALE or word + "." in lx.FEMALE:
            return "f"
    return None


def _nominal_mention(text: str, tokens: list[Token], det: int) -> Mention | None:
    """ "the minister", "the union’s president", "the company": a determiner, up to 3 words, a role noun."""
    for k in range(det + 1, min(det + 5, len(tokens))):
        token = tokens[k]
        if token.kind != "word" or token.lower in _NOT_IN_NOMINAL or token.text[0].isupper():
            return None  # a capitalised word makes it a name ("The Ministry of Health"), read as one
        noun = _bare(token.lower)
        category: Category | None = (
            "person" if noun in lx.PERSON_NOUNS else "org" if noun in lx.ORG_NOUNS else None
        )
        if category is not None and not _is_possessive(token):
            # "the union’s president": the noun after the possessive is the head.
            if (
                k + 1 < len(tokens)
                and tokens[k + 1].kind == "word"
                and _bare(tokens[k + 1].lower) in lx.PERSON_NOUNS
            ):
                continue
            start, end = tokens[det].start, token.end
            return Mention(
                det,
                k,
                "nominal",
                text[start:end],
                category,
                "org" if category == "org" else None,
                noun,
                _opens_clause(tokens, det),
                start,
                end,
            )
    return None


_NOT_IN_NOMINAL = lx.DETERMINERS | lx.CUE_VERBS | lx.TIME_WORDS | lx.LINKERS | lx.STOP_CAPITALS


def _is_possessive(token: Token) -> bool:
    return _POSSESSIVE.search(token.text) is not None


def _opens_clause(tokens: list[Token], i: int) -> bool:
    """Whether the mention at ``i`` starts a clause (so is likely its subject)."""
    if i == 0:
        return True
    previous = tokens[i - 1]
    if previous.kind != "word":
        return True
    return previous.lower in lx.LINKERS


# A capitalised run of words, possibly with name particles: what scan_names looks at.
_CAPITAL_RUN = re.compile(
    r"(?<![\w’'])[^\W\d_a-z][\w’'\-]*\.?(?:[ \u00a0](?:(?:de|da|del|van|von|der|den|la|le|bin|al|di|du) )?"
    r"[^\W\d_a-z][\w’'\-]*\.?)*"
)


def scan_names(text: str) -> list[Mention]:
    """The names in a paragraph far from any quote: a quick scan, for the registry and pronouns.

    The mentions have no token positions (``first``/``last`` are -1); a name is salient when it
    starts a sentence or is a possessive, the two cases a word-by-word reading would also find.
    """
    found: list[Mention] = []
    for match in _CAPITAL_RUN.finditer(text):
        template = _scanned_name(match.group())
        if template is None:
            continue
        offset = match.start()
        before = text[max(0, offset - 16) : offset].rstrip()[-1:]
        salient = template.salient or not before or before in '.!?:;"”'
        found.append(
            template._replace(start=offset + template.start, end=offset + template.end, salient=salient)
        )
    return found


@functools.lru_cache(maxsize=4096)
def _scanned_name(run: str) -> Mention | None:
    """The name a capitalised run holds, offsets relative to the run (cached: names repeat)."""
    words = run.split()
    if len(words) == 1 and (words[0].lower() in lx.STOP_CAPITALS or len(run) < 2):
        return None  # "The", "However": by far the most common capitalised words
    if words[-1].endswith(".") and words[-1].lower() not in lx.ABBREVIATIONS:
        words[-1] = words[-1][:-1]
    tokens = []
    offset = 0
    for word in words:
        start = run.index(word, offset)
        offset = start + len(word)
        tokens.append(Token(word, start, offset, "word", word.lower()))
    mention = _name_mention(run, tokens, 0, len(tokens) - 1)
    if mention is None or mention.kind != "name":
        return None
    return mention._replace(first=-1, last=-1, salient=_is_possessive(tokens[-1]))
