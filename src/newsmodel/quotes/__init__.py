"""The quotation engine: every quote in plain-text paragraphs, its kind and its speaker.

:func:`find_quotes` reads one paragraph on its own; :func:`quote_paragraphs` reads the
paragraphs of a whole article, so pronouns, "the president" and possessives are resolved to
people named earlier, a speaker carries over to a paragraph that continues his or her quote,
and a quote running over several paragraphs is found.

Speakers are given as the name at its fullest in the document, titles stripped: an article
that names "President Donald Trump" once and "Trump" afterwards gives "Donald Trump" for every
quote of his, so the surname is always a substring of the speaker. A role noun with no named
holder is given as written ("the minister"); ``None`` means the text does not say.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Quote
from .document import quote_document

__all__ = ["find_quotes", "quote_paragraphs"]


def find_quotes(text: str, *, language: str | None = None) -> tuple[Quote, ...]:
    """The quotes in one paragraph of plain text, with speakers found within that paragraph.

    Offsets index ``text``; ``Quote.text`` excludes the outer quote marks. A paragraph that
    starts with ``>`` (a Markdown block quote) is one quote of kind ``"block"``.
    ``language`` (a BCP 47 tag) is accepted for future language-specific rules; the cue words
    of every supported language are always recognised.
    """
    return quote_document([text], language=language)[0]


def quote_paragraphs(
    paragraphs: Sequence[str], *, language: str | None = None, known_people: Sequence[str] = ()
) -> tuple[tuple[Quote, ...], ...]:
    """One tuple of quotes per paragraph, attributed with the whole document as context.

    ``known_people`` are names known from elsewhere (the byline, say): they are used to give a
    speaker's fullest name and to resolve pronouns that refer to them.
    """
    if isinstance(paragraphs, str):
        raise TypeError("quote_paragraphs() takes a sequence of paragraphs, not one str")
    return quote_document(list(paragraphs), language=language, known_people=known_people)
