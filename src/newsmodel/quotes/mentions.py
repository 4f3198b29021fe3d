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

_TOKEN = re.compile(
    r"(?P<word>\w+(?:[’'\-.]\w+)*(?:(?<=s)[’'](?=\s))?)|(?P<end>[!?…]+|\.)|(?P<punct>[,;:()\[\]\u2014\u2013]|--)"
)
_POSSESSIVE = re.compile(r"(?:[’']s|s[’'])\Z")
_POSSESSIVE_LAST = ("s", "’", "'")  # what a possessive ends with: a cheap test before the search
_AGE = re.compile(r"\d+-year-old\Z")
# A NamedTuple's generated __new__ is a Python function; tuple.__new__ builds the same tuple
# without that call, which counts where a paragraph makes hundreds of tokens and names.
_new_tuple = tuple.__new__
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
    new = _new_tuple
    abbreviations = lx.ABBREVIATIONS
    position = 0
    for index, span in enumerate([*spans, None]):
        stop = len(text) if span is None else span.open_start
        for match in _TOKEN.finditer(text, position, stop):
            kind = match.lastgroup
            start, end = match.span()
            if kind == "word":
                word = match.group()
                lower = word.lower()
                if text[end : end + 1] == "." and (
                    lower + "." in abbreviations or (len(word) == 1 and word.isupper())
                ):
                    append(new(Token, (word + ".", start, end + 1, "word", lower + ".", -1)))
                    position = end + 1
                else:
                    append(new(Token, (word, start, end, "word", lower, -1)))
            elif start >= position:
                piece = match.group()
                append(new(Token, (piece, start, end, "end" if kind == "end" else "punct", piece, -1)))
        if span is not None:
            append(
                new(Token, (text[span.start : span.end], span.open_start, span.close_end, "quote", "", index))
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
_ELISION_SET = frozenset(_ELISION_MARKS)
_DETERMINERS_AND_PRONOUNS = frozenset(lx.DETERMINERS) | frozenset(lx.PRONOUNS)
_ELIDED_ARTICLES = frozenset(("l’", "l'"))


def _bare(word: str) -> str:
    """The word without a possessive ending."""
    if not word.endswith(_POSSESSIVE_LAST):
        return word  # most words: no regex search needed
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
        if (
            lower not in _DETERMINERS_AND_PRONOUNS
            and "-" not in lower
            and lower[1:2] not in _ELISION_SET
            and token.text[1:2] not in _ELISION_SET
            and not token.text[0].isupper()
        ):
            # Most words: no article, pronoun, elision, hyphen or capital, so none of the
            # tests below applies.
            i += 1
            continue
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
        if lower[:2] in _ELIDED_ARTICLES and lower[2:3].isalpha() and not _is_capital(token):
            noun = _bare(lower[2:])
            following = i + 1
            if (
                _is_person_noun(noun)
                and following < size
                and _is_capital(tokens[following])
                and tokens[following].lower not in lx.STOP_CAPITALS
            ):
                # "l’allenatore Vincenzo Italiano": one person, named, as after "la alcaldesa".
                end = _name_run_end(tokens, following)
                named = _name_mention(text, tokens, following, end, lead=i, role=noun)
                if named is not None:
                    mentions.append(named)
                    i = end + 1
                    continue
            if _is_person_noun(noun) or noun in lx.ORG_NOUNS:
                # "l’assessore", "l’agence": article and noun in one token
                category: Category = "org" if noun in lx.ORG_NOUNS and not _is_person_noun(noun) else "person"
                mentions.append(
                    Mention(
                        i,
                        i,
                        "nominal",
                        token.text,
                        category,
                        None,
                        noun,
                        _opens_clause(tokens, i),
                        token.start,
                        token.end,
                    )
                )
                i += 1
                continue
        inversion = _FRENCH_INVERSION.search(lower) if "-" in lower else None
        if lower in lx.DETERMINERS and lower in lx.PRONOUNS and _article_before_name(tokens, i):
            i += 1  # Italian "Il capitano Lewis Ferguson": an article, not French "il"
            continue
        if lower in lx.PRONOUNS or inversion:
            pronoun = inversion.group(1) if inversion else lower
            gender = lx.PRONOUNS.get(pronoun, "m")
            category = "org" if gender == "org" else "person"
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
                    if role is not None:
                        mentions.append(role._replace(salient=mention.salient))
                        end = role.last
            i = end + 1
            continue
        i += 1
    _share_titles(tokens, mentions)
    return _add_cued_phrases(text, tokens, mentions)


# Endings of Italian and Spanish role nouns (capitano, direttore, giornalista, attrice), which
# French verbs after "il" seldom have.
_ROMANCE_ROLE_ENDINGS = ("ore", "ice", "ano", "ista", "ente")


def _article_before_name(tokens: list[Token], i: int) -> bool:
    """Whether ``tokens[i]`` ("il") is followed by role words and then a capitalised name."""
    n = i + 1
    while n < len(tokens) and n - i <= 2 and tokens[n].kind == "word" and tokens[n].text.islower():
        n += 1
    if n == i + 1 or n >= len(tokens) or not _is_capital(tokens[n]) or tokens[n].lower in lx.STOP_CAPITALS:
        return False
    role = _bare(tokens[n - 1].lower)
    return _is_person_noun(role) or (len(role) > 5 and role.endswith(_ROMANCE_ROLE_ENDINGS))


def _add_cued_phrases(text: str, tokens: list[Token], mentions: list[Mention]) -> list[Mention]:
    """After "according to" / "selon" / "secondo", the words up to the comma name the source
    ("according to police", "secondo l’opposizione") even when they are no name or known noun."""
    starts = {m.first for m in mentions}
    added = []
    for k, token in enumerate(tokens):
        if token.kind != "word" or token.lower not in lx.CUE_PREPOSITIONS:
            continue
        n = k + 2 if k + 1 < len(tokens) and tokens[k + 1].lower in ("to", "a") else k + 1
        if n in starts or n >= len(tokens) or tokens[n].kind != "word":
            continue
        last = n
        while last + 1 < len(tokens) and last - n < 3 and tokens[last + 1].kind == "word":
            last += 1
        if last + 1 < len(tokens) and tokens[last + 1].kind == "word":
            continue  # no comma or full stop closes the phrase: it is not just a source
        if any(n < m <= last for m in starts):
            continue  # "aldus dijkgraaf Henk Mulder": the name inside is the source
        start, end = tokens[n].start, tokens[last].end
        added.append(Mention(n, last, "nominal", text[start:end], "person", None, None, False, start, end))
    if not added:
        return mentions
    return sorted([*mentions, *added], key=lambda m: m.first)


def _share_titles(tokens: list[Token], mentions: list[Mention]) -> None:
    """A name in apposition to a role takes it as its title: "Le ministre de l’Économie, Bruno
    Lefèvre," and "Dame Olivia Harrow, the museum’s director," — so a later "the minister" or
    "the director" finds them."""
    for index, role in enumerate(mentions):
        if role.kind != "nominal" or role.category != "person":
            continue
        # The name before it ("Olivia Harrow, the director") or after it ("the minister of X, Bruno …").
        candidates = [index - 1] if index and tokens[role.first - 1].text == "," else []
        candidates += [k for k in (index + 1, index + 2) if k < len(mentions)]
        for k in candidates:
            name = mentions[k]
            if k < 0 or name.kind != "name" or name.category != "person" or name.title:
                continue
            if k > index and (name.first - role.last > 6 or tokens[name.first - 1].text != ","):
                continue
            if k < index and name.last != role.first - 2:
                continue
            mentions[k] = name._replace(title=role.title)
            break


_POSSESSIVE_PRONOUNS = lx.POSSESSIVE_PRONOUNS


# "Ministry of Health", "Bank of England": "of" joins an organisation's name, not a person's.
_ORG_LINKS = frozenset(("of", "for"))


def _has_org_word(tokens: list[Token], first: int, last: int) -> bool:
    return any(tokens[k].lower in lx.ORG_WORDS for k in range(first, last + 1))


def _name_run_end(tokens: list[Token], i: int) -> int:
    """The index of the last token of the capitalised run starting at ``i``."""
    end = i
    size = len(tokens)
    while end + 1 < size and not _is_possessive(tokens[end]):
        following = tokens[end + 1]
        if _is_capital(following) and _bare(following.lower) not in lx.STOP_CAPITALS:
            end += 1
        elif following.kind == "word" and following.lower in _ORG_LINKS and _has_org_word(tokens, i, end):
            if not (
                end + 2 < size
                and _is_capital(tokens[end + 2])
                and tokens[end + 2].lower not in lx.STOP_CAPITALS
            ):
                break
            end += 2  # "Ministry of Health"
        elif (
            following.kind == "word"
            and following.lower in lx.NAME_PARTICLES
            and following.lower not in lx.SECOND_PARTICLES
            and _given_name_only(tokens, i, end)
        ):
            # "Sanne de Vries", "Ursula von der Leyen" — but not "Els Bakker van Volkshuisvesting".
            particles = 1
            if end + 2 < size and tokens[end + 2].lower in lx.NAME_PARTICLES:
                particles = 2
            surname = end + particles + 1
            if not (
                surname < size
                and _is_capital(tokens[surname])
                and tokens[surname].lower not in lx.STOP_CAPITALS
            ):
                break
            end = surname
        else:
            break
    return end


def _given_name_only(tokens: list[Token], first: int, last: int) -> bool:
    """Whether the run so far is titles and one given name: where a particle may follow."""
    words = [tokens[k].lower.rstrip(".") for k in range(first, last + 1)]
    plain = [w for w in words if not _is_title(w)]
    if len(plain) == 2 and plain[1] in lx.GIVEN_NAMES and _is_descriptor([*plain, ""]):
        return True  # "Fietser Ahmed El Amrani": a describing word, then the given name
    return len(plain) == 1


def _name_mention(
    text: str, tokens: list[Token], first: int, last: int, *, lead: int | None = None, role: str | None = None
) -> Mention | None:
    """The name in ``tokens[first..last]``; ``lead`` is where a role noun phrase before it starts."""
    words = [tokens[k].lower.rstrip(".") for k in range(first, last + 1)]
    if first == last:
        if _opens_sentence(tokens, first) and (
            words[0].endswith(_VERB_ENDINGS)  # "Asked whether …", "Speaking to reporters, …": a verb
            # "Coincée à l’aéroport, …", "Arrivata a Roma, …": a participle, not a name
            or _is_participle_phrase(tokens, first)
        ):
            return None
        if _is_adjective_capital(tokens, first) or _is_modifier_capital(tokens, first):
            return None  # "Olympic rower …", "Opposition councillor Tomas Varga": it describes a noun
    begin = first
    # A sentence-initial "The" or "However" is not part of a name.
    while begin <= last and _bare(words[begin - first]) in lx.STOP_CAPITALS:
        begin += 1
    named_from = begin  # where the mention starts, titles included
    title: str | None = None
    for k in range(last, begin - 1, -1):
        word = words[k - first]
        if _is_title(word) or (_is_person_noun(word) and k < last):
            title = word
            begin = k + 1
            break
    if title is None and _is_descriptor(words[begin - first : last - first + 1]):
        # "Rancher Tom Bellweather", "Landrat Jürgen Albers": a word before a given name and a
        # surname describes the person; no title list can hold every such word.
        title = words[begin - first]
        begin += 1
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
    if (
        begin == last
        and begin == named_from
        and begin > first
        and words[begin - first - 1] in lx.ARTICLES
        and not _modifies_noun(tokens, last)
    ):
        # "Le Monde", "The Guardian", "Die Polizei": a one-word name keeps its article.
        start = tokens[begin - 1].start
    if name_words[0][0].islower():  # "l’Élysée": the name is "Élysée"
        name_words[0] = name_words[0][2:]
        start += 2
    end = tokens[last].end - (len(tokens[last].text) - len(_bare(tokens[last].text)))
    name = text[start:end]
    if not name.strip():
        return None  # "ß0": a lower-case letter with no upper case, stripped as if elided
    lowered = [w.lower() for w in name_words]
    is_org = not lx.ORG_WORDS.isdisjoint(lowered) or (
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
            if not _is_person_noun(word) and word not in lx.ORG_NOUNS:
                break
            lead -= 1
            role = role or word
        # "Olympic rower Tessa Grant", "Veteran striker Ali Kaya": describing words opening the sentence.
        described = first
        while described > 0 and first - described < 3 and tokens[described - 1].kind == "word":
            previous = tokens[described - 1]
            if previous.lower in lx.DETERMINERS and described < first:
                described -= 1  # "Le réalisateur Antoine Méril", "The veteran striker Ali Kaya"
                break
            if not (
                previous.text.islower()
                or _is_adjective_capital(tokens, described - 1)
                or _is_modifier_capital(tokens, described - 1)
            ):
                break
            if (
                previous.lower in lx.STOP_CAPITALS
                or previous.lower in lx.CUE_VERBS
                or previous.lower in _OBJECT_PREPOSITIONS
            ):
                # "La consejera de Agricultura": the name is what the role is of, not the person.
                break
            described -= 1
        after_aside = (
            described >= 2 and tokens[described - 1].text == "," and tokens[described - 2].kind == "word"
        )  # "In a garage in Hove, potter Nadia Karimi …" — but not "«…», lamentó Diego Salas"
        if described < lead and (_opens_sentence(tokens, described) or after_aside):
            lead = described
    if role in lx.ORG_NOUNS and role not in lx.PERSON_NOUNS:
        is_org = True  # "Regional airline Skyhop": an organisation, which "the airline" will mean
    title = title or role
    opening = min(lead, first)
    if (
        opening > 0
        and tokens[opening - 1].lower in lx.POSSESSIVE_PRONOUNS
        and _opens_clause(tokens, opening - 1)
    ):
        opening -= 1  # "Seine Herausforderin Leyla Aksoy wirft …", "Her husband, …": the name is the subject
    salient = (
        _opens_clause(tokens, opening)
        or _is_possessive(tokens[last])
        or (
            last + 1 < len(tokens)
            and tokens[last + 1].lower in lx.SUBJECT_AUXILIARIES
            and not _after_preposition(tokens, min(lead, first))
        )
    )
    return _new_tuple(
        Mention,
        (
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
        ),
    )


# Words that start place names before what looks like a given name: "San Diego", "Santa Clara",
# "Saint Louis", "Port Elizabeth", "Lake Victoria".
_PLACE_PREFIXES = frozenset(
    ("san", "santa", "santo", "são", "saint", "sainte", "sankt", "fort", "port", "mount", "lake", "cape")
)
_OBJECT_PREPOSITIONS = frozenset(("of", "de", "du", "des", "del", "della", "di", "da", "do", "von", "van"))


def _is_descriptor(words: list[str]) -> bool:
    """Whether the first of ``words`` describes a person named by the rest: it is no given name
    itself, the next word is one and a surname follows. A given name first ("Mary Ann Smith")
    or a name particle ("de Vries") keeps the whole run a name."""
    if len(words) < 3:
        return False
    lead, given = words[0], words[1]
    if lead in lx.GIVEN_NAMES or lead in _PLACE_PREFIXES or any(w in lx.ORG_WORDS for w in words):
        return False
    if len(words) == 3 and len(lead) > 4 and lead.endswith(_DESCRIPTOR_ENDINGS) and given.isalpha():
        # "Volunteer Moira Galbraith": a role noun's ending marks the word even when the given
        # name after it is one no list holds.
        return True
    return (
        given in lx.GIVEN_NAMES
        and lead not in lx.NAME_PARTICLES
        and lead not in lx.ORG_WORDS
        and len(lead) > 2
        and lead.isalpha()
    )


# Endings of role nouns in the languages read: volunteer, organiser, curator, pensioner, Sprecher,
# Sprecherin, Kommissar, chauffeur, activist, resident, historian.
_DESCRIPTOR_ENDINGS = (
    "er", "or", "ist", "ant", "ent", "ian", "man", "är", "eur", "ar", "erin", "orin", "istin", "entin", "ärin",
)  # fmt: skip
_VERB_ENDINGS = ("ed", "ing", "ly")
# Past participles in French, Italian, Spanish and Portuguese, before a preposition.
_PARTICIPLE_ENDINGS = (
    "ée",
    "ées",
    "és",
    "ata",
    "ato",
    "ati",
    "ate",
    "ada",
    "ado",
    "adas",
    "ados",
    "ida",
    "ido",
)
_PARTICIPLE_PREPOSITIONS = frozenset(
    [
        "à",
        "a",
        "au",
        "aux",
        "en",
        "dans",
        "de",
        "da",
        "di",
        "in",
        "con",
        "por",
        "para",
        "per",
        "par",
        "sur",
        "tra",
        "fra",
    ]
)


def _is_participle_phrase(tokens: list[Token], i: int) -> bool:
    word = tokens[i].lower
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    return (
        following is not None
        and following.lower in _PARTICIPLE_PREPOSITIONS
        and word.endswith(_PARTICIPLE_ENDINGS)
        and word not in lx.GIVEN_NAMES
    )


_AUXILIARY_AFTER = re.compile(r"[ \u00a0]+(\w+)")
_WORD_BEFORE = re.compile(r"(\w+)[ \u00a0]+\Z")


def _after_preposition(tokens: list[Token], i: int) -> bool:
    """ "A headteacher in Bristol has …": the name is the object of "in", not the subject."""
    return i > 0 and tokens[i - 1].lower in lx.PREPOSITIONS


# Endings of English nouns for people: economist, spokeswoman, chairperson, headteacher.
_PERSON_ENDINGS = ("ist", "man", "woman", "person", "teacher", "master", "mistress")


def _is_person_noun(word: str) -> bool:
    return word in lx.PERSON_NOUNS or word == "year-old" or (word.endswith(_PERSON_ENDINGS) and len(word) > 5)


# Endings of adjectives of nations and the like: Olympic, Russian, Chinese, British, European.
_ADJECTIVE_ENDINGS = ("ic", "an", "ian", "ese", "ish", "ean")


def _lower_word_after(tokens: list[Token], i: int) -> Token | None:
    """The token after ``i`` if it is a lower-case word that is not a cue verb (a noun, most likely)."""
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if (
        following is not None
        and following.kind == "word"
        and following.text.islower()
        and following.lower not in lx.CUE_VERBS
    ):
        return following
    return None


def _is_adjective_capital(tokens: list[Token], i: int) -> bool:
    """A capitalised adjective before a lower-case noun: "Olympic rower", "Russian officials"."""
    return (
        _lower_word_after(tokens, i) is not None
        and tokens[i].lower.endswith(_ADJECTIVE_ENDINGS)
        and not _is_possessive(tokens[i])
    )


# Endings of English role nouns: shopkeeper, councillor, trustee, attendant, resident.
_ROLE_ENDINGS = ("er", "or", "ee", "ant", "ent", "ist", "ian", "man", "woman", "person")


def _is_role_word(token: Token) -> bool:
    word = _bare(token.lower)
    return _is_person_noun(word) or word in lx.ORG_NOUNS or (len(word) > 5 and word.endswith(_ROLE_ENDINGS))


def _is_modifier_capital(tokens: list[Token], i: int) -> bool:
    """A lone capitalised word before lower-case role words and a name: "Opposition councillor
    Tomas Varga", "Operations manager Ana Silva". It qualifies the role and names nobody."""
    if i > 0 and _is_capital(tokens[i - 1]):
        return False  # part of a longer capitalised run, which is read as a whole
    n = i + 1
    while n < len(tokens) and n - i <= 2 and tokens[n].kind == "word" and tokens[n].text.islower():
        if tokens[n].lower in _NOT_IN_NOMINAL or tokens[n].lower in lx.LINKERS:
            return False
        n += 1
    if n == i + 1 or n >= len(tokens) or not _is_role_word(tokens[n - 1]):
        return False
    following = tokens[n]
    return (
        _is_capital(following)
        and following.lower not in lx.STOP_CAPITALS
        and not _is_possessive(tokens[i])
        and tokens[i].lower not in lx.STOP_CAPITALS
    )


def _opens_sentence(tokens: list[Token], i: int) -> bool:
    return i == 0 or tokens[i - 1].kind == "end" or tokens[i - 1].kind == "quote"


@functools.lru_cache(maxsize=8192)
def _is_title(word: str) -> bool:
    """ "Senator", "Sen.", "Innenminister", "Minister-president", "Richterin"."""
    if word in lx.TITLES or word + "." in lx.TITLES or word.endswith(lx.TITLE_SUFFIXES):
        return True
    if "-" in word:
        return any(_is_title(part) for part in word.split("-") if part)
    return word.endswith("in") and len(word) > 6 and word[:-2] in lx.TITLES  # German feminine


def _modifies_noun(tokens: list[Token], i: int) -> bool:
    """ "The Trump administration": a lower-case noun after the name, which is then no name of its own."""
    following = _lower_word_after(tokens, i)
    return following is not None and following.lower not in lx.ADVERBS


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
        if _AGE.match(noun):
            noun = "year-old"  # "the 21-year-old said": someone named before
        category: Category | None = (
            "person" if _is_person_noun(noun) else "org" if noun in lx.ORG_NOUNS else None
        )
        if category is None and _before_cue(tokens, k) and _opens_clause(tokens, det):
            # "The rail regulator described …": whatever the noun, the subject of a cue verb speaks.
            category = "person"
        if category is not None and not _is_possessive(token):
            # "the union’s president": the noun after the possessive is the head.
            if (
                k + 1 < len(tokens)
                and tokens[k + 1].kind == "word"
                and _bare(tokens[k + 1].lower) in lx.PERSON_NOUNS
            ):
                continue
            following = k + 1
            if (
                following < len(tokens)
                and tokens[following].kind == "word"
                and tokens[following].text.islower()
                and tokens[following].lower not in _NOT_IN_NOMINAL
                and _before_cue(tokens, following)
            ):
                k, token = following, tokens[following]  # "the hospital trust said": the last noun heads
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


def _before_cue(tokens: list[Token], k: int) -> bool:
    """Whether a cue verb follows token ``k``, perhaps after an aside ("La patronal, en cambio, advirtió")."""
    n = k + 1
    if n < len(tokens) and tokens[n].text == ",":
        n = next((m + 1 for m in range(n + 1, min(n + 6, len(tokens))) if tokens[m].text == ","), n)
    while n < len(tokens) and tokens[n].kind == "word" and tokens[n].lower in lx.ADVERBS:
        n += 1
    return n < len(tokens) and tokens[n].kind == "word" and tokens[n].lower in lx.CUE_VERBS


# A noun phrase stops at these: "Her work has been described …" is no speaker.
_NOT_IN_NOMINAL = (
    lx.DETERMINERS
    | lx.CUE_VERBS
    | lx.TIME_WORDS
    | lx.LINKERS
    | lx.STOP_CAPITALS
    | lx.ADVERBS
    | lx.AUXILIARIES
)


def _is_possessive(token: Token) -> bool:
    text = token.text
    return text.endswith(_POSSESSIVE_LAST) and _POSSESSIVE.search(text) is not None


def _opens_clause(tokens: list[Token], i: int) -> bool:
    """Whether the mention at ``i`` starts a clause (so is likely its subject)."""
    if i == 0:
        return True
    previous = tokens[i - 1]
    if previous.kind != "word":
        return True
    return previous.lower in lx.LINKERS


# A capitalised run of words, possibly with name particles: what scan_names looks at. The run
# opens on a letter that is no a-z (\w but not a digit, "_" or a-z), at the start of a word.
# Written as a plain character range checked again behind it, so the regex engine skips the
# many lower-case letters with its fast range scan instead of testing every position.
_CAPITAL_RUN = re.compile(
    r"[A-Z\x80-\U0010ffff](?<=[^\W\d_a-z])(?<![\w’'].)[\w’'\-]*\.?"
    r"(?:[ \u00a0](?:(?:de|da|del|van|von|der|den|la|le|bin|al|di|du) )?[^\W\d_a-z][\w’'\-]*\.?)*"
)


def scan_names(text: str) -> list[Mention]:
    """The names in a paragraph far from any quote: a quick scan, for the registry and pronouns.

    The mentions have no token positions (``first``/``last`` are -1); a name is salient when it
    starts a sentence or is a possessive, the two cases a word-by-word reading would also find.
    """
    found: list[Mention] = []
    append = found.append
    new = _new_tuple
    for match in _CAPITAL_RUN.finditer(text):
        template = _scanned_name(match.group())
        if template is None:
            continue
        offset = match.start()
        first, last, kind, name, category, gender, title, salient, start, end = template
        if not salient:
            # The last non-space character of the 16 before the run; nearly always one of
            # the two right before it.
            before = text[offset - 1] if offset else ""
            if before.isspace():
                before = text[offset - 2] if offset > 1 else ""
                if before.isspace():
                    before = text[max(0, offset - 16) : offset].rstrip()[-1:]
            salient = not before or before in '.!?:;"”'
        if not salient:
            following = _AUXILIARY_AFTER.match(text, match.end())
            if following is not None and following.group(1).lower() in lx.SUBJECT_AUXILIARIES:
                preceding = _WORD_BEFORE.search(text, max(0, offset - 24), offset)
                salient = preceding is None or preceding.group(1).lower() not in lx.PREPOSITIONS
        # Built as a plain tuple: NamedTuple._replace, or even the class's __new__, costs
        # several times as much, once per name.
        append(
            new(
                Mention,
                (first, last, kind, name, category, gender, title, salient, offset + start, offset + end),
            )
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
        tokens.append(_new_tuple(Token, (word, start, offset, "word", word.lower(), -1)))
    mention = _name_mention(run, tokens, 0, len(tokens) - 1)
    if mention is None or mention.kind != "name":
        return None
    _, _, kind, text, category, gender, title, _, start, end = mention
    salient = _is_possessive(tokens[-1])
    return _new_tuple(Mention, (-1, -1, kind, text, category, gender, title, salient, start, end))
