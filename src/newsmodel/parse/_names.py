"""Word lists shared by the plain-text byline reader and the web-page byline reader.

Both readers test pieces of a byline against job words, outlet words and name particles, and
both strip a "By"/"Von"/"Par" prefix. Their lists grew apart, so each list here is one shared
core plus what only one reader uses; the readers build their sets and patterns from these, which
keeps what each accepts unchanged while a word is added or corrected in one place.
"""

from __future__ import annotations

import re

from ._words import word_set

__all__ = [
    "PAGE_JOB_PATTERN",
    "PAGE_ORG_PATTERN",
    "PAGE_PARTICLES",
    "PAGE_PREFIX",
    "TEXT_JOB_WORDS",
    "TEXT_ORG_WORDS",
    "TEXT_PARTICLES",
    "TEXT_PREFIX",
]

_JOB_WORDS = word_set(
    """
    correspondent reporter editor writer columnist staff contributor producer analyst chief
    senior photographer critic author journalist fellow professor director manager head intern
    """
)
# German job nouns and desk words appear in plain-text bylines and bios.
TEXT_JOB_WORDS = _JOB_WORDS | word_set(
    """
    contributing bureau freelance redakteur redakteurin korrespondent korrespondentin
    reporterin autorin
    """
)
# Pages credit experts and company staff too (health, how-to and corporate blogs).
_PAGE_ONLY_JOB_WORDS = word_set(
    """
    founder ceo cto coo president officer researcher scientist specialist expert consultant
    strategist lead engineer developer designer marketer coach trainer nutritionist dietitian
    physician doctor nurse blogger host anchor owner partner associate assistant junior
    """
)

_ORG_WORDS = word_set(
    """
    news press times post journal herald tribune agency reuters associated afp ap media
    magazine gazette daily radio tv network group inc ltd llc
    """
)
TEXT_ORG_WORDS = _ORG_WORDS | word_set(
    """
    the dpa service services wire chronicle review observer guardian telegraph courier
    examiner globe star sun mail report bulletin desk staff team zeitung presse agentur
    nachrichten
    """
)
_PAGE_ONLY_ORG_WORDS = word_set(
    """
    bloomberg cnn bbc npr weekly television corp company university institute foundation
    """
)

_PARTICLES = word_set("de da del della di du la le van von der den al bin ibn y st. mc")
TEXT_PARTICLES = _PARTICLES | word_set("jr. sr.")
PAGE_PARTICLES = _PARTICLES | word_set("des ter ten el e dos das st mac o'")


def _word_pattern(words: frozenset[str], *extra: str) -> re.Pattern[str]:
    # Callers only ask whether some word occurs, so the order of the alternatives is free.
    alternatives = sorted(re.escape(word) for word in words)
    return re.compile(r"\b(?:" + "|".join([*alternatives, *extra]) + r")\b", re.IGNORECASE)


#: Any job word in a byline piece from a page ("Senior Editor", "Team member").
PAGE_JOB_PATTERN = _word_pattern(_JOB_WORDS | _PAGE_ONLY_JOB_WORDS, r"team\s+member")
#: Any outlet word in a byline piece from a page ("Reuters", "example.com").
PAGE_ORG_PATTERN = _word_pattern(_ORG_WORDS | _PAGE_ONLY_ORG_WORDS, r"\.com")

# "<verb> by" openers, then bare openers, of the two readers; both take the verbs first.
_BY_VERBS = "written|words|reporting|story|text"
_PREFIX_WORDS = "by|von|par|por|door"

#: The opener of a plain-text byline line ("By", "Written by", "Von", "Autorin:").
TEXT_PREFIX = re.compile(
    rf"(?:(?:{_BY_VERBS})\s+by|{_PREFIX_WORDS}|text|autor(?:in)?)\s*:?\s+",
    re.IGNORECASE,
)
#: The opener of a byline on a page, with the leading space and a dash or colon after it.
PAGE_PREFIX = re.compile(
    rf"^\s*(?:(?:{_BY_VERBS}|posted|published|reported|compiled|created|authored)\s+by|"
    rf"{_PREFIX_WORDS}|from|author(?:s|\(s\))?|writer|di|av|af)\s*[:\-–—]?\s+",
    re.IGNORECASE,
)
