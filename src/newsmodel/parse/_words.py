"""Small shared vocabulary of the plain-text reader: punctuation classes and word sets."""

from __future__ import annotations

__all__ = ["FULL_STOPS", "TERMINAL_PUNCTUATION", "word_set"]

#: Characters that end a sentence.
FULL_STOPS = (".", "!", "?")
#: Characters a heading never ends with: sentence ends, clause marks, closing quotes.
TERMINAL_PUNCTUATION = tuple('.!?,;:…"”“’‘»«)')


def word_set(words: str) -> frozenset[str]:
    """The whitespace-separated words of ``words`` as a set (for word lists written as text)."""
    return frozenset(words.split())
