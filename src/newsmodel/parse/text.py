"""``parse_text``: a plain-text news article, in any of the common conventions, into an Article.

The parse runs in passes, each in a module of its own:

1. clean (here): decode, normalise line ends, remove characters XML cannot carry, nothing else;
2. layout (:mod:`.paragraphs`): paragraphs, Markdown headings, lists, block quotes, end marks;
3. header (:mod:`.header`): kicker, headline, standfirst, bylines, dates, credit lines, notes;
4. footer (:mod:`.footer`): end marks, "X reported from Y." lines, contact lines, bios;
5. body (:mod:`.sections`): headings, sections, the dateline, inline Markdown as marks;
6. quotes (here): :func:`newsmodel.quotes.quote_paragraphs`, byline names as known people.
"""

from __future__ import annotations

import warnings
from collections import Counter
from datetime import timezone, tzinfo

import attrs

from ..errors import NewsModelWarning, ParseError
from ..model import (
    Article,
    Block,
    BlockQuote,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    characters_already_checked,
    xml_unsafe_characters,
)
from ..quotes import quote_paragraphs
from .bylines import looks_like_person_name
from .footer import merge_authors, split_footer
from .front_matter import apply_front_matter, first_value, split_front_matter
from .header import Header, read_header
from .paragraphs import split_blocks
from .sections import build_sections

__all__ = ["SUMMARY_HEADINGS", "parse_text"]

#: A first section with one of these headings becomes ``Article.summary`` (compared case-blind).
SUMMARY_HEADINGS = frozenset(
    """executive summary|summary|abstract|in brief|at a glance|key points|tl;dr|tldr|the short version|
    zusammenfassung|das wichtigste in kürze|auf einen blick|en bref|résumé""".replace("\n", "").split("|")
)
_QUOTE_WINDOW = 120  # paragraphs; the longest articles run to about a hundred
_LANGUAGE_WORDS = {
    "en": ("the", "and", "of", "is", "that", "said"),
    "de": ("der", "die", "und", "nicht", "ist", "sagte"),
    "fr": ("le", "les", "et", "est", "des", "une"),
}


def parse_text(
    text: str | bytes, *, language: str | None = None, default_timezone: tzinfo = timezone.utc
) -> Article:
    """Parse a plain-text news article into an :class:`~newsmodel.model.Article`.

    ``text`` may be ``str`` or UTF-8 ``bytes``. Characters XML 1.0 cannot carry are removed
    (nothing else is dropped from the content). ``language`` (BCP 47) is guessed from common
    words when not given. Dates without a zone are read in ``default_timezone`` (see
    :func:`newsmodel.parse.dates.parse_date`).

    Raises :class:`~newsmodel.errors.ParseError` when the input holds no text at all.
    """
    clean = _clean(text)
    # Every string below is cut from ``clean``, already rid of what XML cannot carry: the model
    # need not scan each one again.
    with characters_already_checked():
        return _parse_clean(clean, language, default_timezone)


def _parse_clean(clean: str, language: str | None, default_timezone: tzinfo) -> Article:
    front_matter, rest = split_front_matter(clean)
    blocks = split_blocks(rest)
    title = first_value(front_matter, "headline") if front_matter else None
    if not blocks and title is None:
        raise ParseError(
            "no article text found: the input is empty or only whitespace and control characters"
        )
    header = read_header(blocks, default_timezone, headline=title)
    body, footer = split_footer(blocks[header.body_start :], header.authors)
    sections, dateline = build_sections(body)
    summary, sections = _take_summary(header.summary, sections)
    article = Article(
        headline=header.headline,
        summary=summary,
        kicker=header.kicker,
        dateline=dateline,
        authors=merge_authors(header.authors, footer),
        published=header.published,
        modified=header.modified,
        language=_guess_language(clean),
        publisher=header.publisher or footer.publisher,
        sections=tuple(_open_with_header_blocks(header, sections)),
    )
    if footer.unplaced:
        warnings.warn(
            "parse_text: no place in the model for these trailing lines: "
            + "; ".join(repr(line) for line in footer.unplaced),
            NewsModelWarning,
            stacklevel=3,  # the caller of parse_text
        )
    if front_matter:
        article = apply_front_matter(article, front_matter, default_timezone)
    if language is not None:
        article = attrs.evolve(article, language=language)
    return _with_quotes(article)


def _take_summary(standfirst: str | None, sections: list[Section]) -> tuple[str | None, list[Section]]:
    """The summary: the standfirst, else a first section headed "Executive Summary" or the like."""
    first = sections[0] if sections else None
    if standfirst is not None or first is None or (first.heading or "").lower() not in SUMMARY_HEADINGS:
        return standfirst, sections
    summary = "\n\n".join(first.paragraphs)
    return (summary, sections[1:]) if summary else (None, sections)


def _open_with_header_blocks(header: Header, sections: list[Section]) -> list[Section]:
    """Put the editor's notes and header photo credits at the start of the body.

    The model has no field for either, and dropping them would lose what the text says.
    """
    if not header.notes and not header.figures:
        return sections
    opening: list[Block] = [Paragraph(text=note) for note in header.notes]
    opening.extend(header.figures)
    if sections and sections[0].heading is None:
        opening.extend(sections[0].blocks)
        sections = sections[1:]
    return [Section(blocks=opening), *sections]


# --------------------------------------------------------------------------------------------
# Cleaning


def _clean(text: str | bytes) -> str:
    """Decode, normalise line ends and drop the characters XML 1.0 cannot carry (only those)."""
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ParseError(f"the input is not UTF-8 text: {exc}") from exc
    if not isinstance(text, str):
        raise ParseError(f"parse_text needs str or bytes, got {type(text).__name__}")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    unsafe = set(xml_unsafe_characters(text))
    if unsafe:
        text = text.translate(dict.fromkeys(map(ord, unsafe)))
    return text.lstrip("\ufeff")


def _guess_language(text: str) -> str | None:
    seen = Counter(text[:6000].lower().split())
    counts = {code: sum(seen[w] for w in words) for code, words in _LANGUAGE_WORDS.items()}
    best = max(counts, key=lambda code: counts[code])
    return best if counts[best] >= 3 else None


# --------------------------------------------------------------------------------------------
# Quotes


def _with_quotes(article: Article) -> Article:
    """``article`` with the quote engine's quotes in its summary and every body paragraph.

    The headline and summary are read first so that people they name are known to the engine;
    the authors are known people. A quote in the headline has nowhere to live in the model.
    """
    context = [article.headline] + ([article.summary] if article.summary else [])
    people = [a.name for a in article.authors]
    context_quotes, sections = _add_quotes(article.sections, context, article.language, people)
    summary_quotes = context_quotes[1] if article.summary else ()
    return attrs.evolve(article, summary_quotes=summary_quotes, sections=tuple(sections))


def _add_quotes(
    sections: tuple[Section, ...], context: list[str], language: str | None, people: list[str]
) -> tuple[tuple[tuple[Quote, ...], ...], list[Section]]:
    """The quotes of the context texts (read with the first stretch of the body) and the sections."""
    paragraphs = [p for s in sections for p in s.iter_paragraphs()]
    if not paragraphs:
        return quote_paragraphs(context, language=language, known_people=people), list(sections)
    context_quotes: tuple[tuple[Quote, ...], ...] = ()
    quotes_by_id: dict[int, tuple[Quote, ...]] = {}
    # The engine resolves names across the whole text it is given, in more than linear time;
    # windows far longer than any real article keep a 50 MB input bounded and change nothing below.
    for first in range(0, len(paragraphs), _QUOTE_WINDOW):
        window = paragraphs[first : first + _QUOTE_WINDOW]
        texts = context + [p.text for p in window]
        everything = quote_paragraphs(texts, language=language, known_people=people)
        if first == 0:
            context_quotes = everything[: len(context)]
        found = everything[len(context) :]
        quotes_by_id.update((id(p), tuple(q)) for p, q in zip(window, found, strict=True))
    rebuilt: list[Section] = []
    for section in sections:
        blocks: list[Block] = []
        for block in section.blocks:
            if type(block) is Paragraph:
                blocks.append(attrs.evolve(block, quotes=quotes_by_id[id(block)]))
            elif type(block) is ListBlock:
                items = [attrs.evolve(p, quotes=quotes_by_id[id(p)]) for p in block.items]
                blocks.append(attrs.evolve(block, items=tuple(items)))
            elif type(block) is BlockQuote:
                speaker = _attribution_speaker(block.attribution)
                quoted = [_as_block_quote(p, quotes_by_id[id(p)], speaker) for p in block.paragraphs]
                blocks.append(attrs.evolve(block, paragraphs=tuple(quoted)))
            else:
                blocks.append(block)
        rebuilt.append(Section(heading=section.heading, level=section.level, blocks=blocks))
    return context_quotes, rebuilt


def _attribution_speaker(attribution: str | None) -> str | None:
    """The speaker in "— Deborah Klein, director of the branch": the name before the comma."""
    if attribution is None:
        return None
    name = attribution.split(",", 1)[0].strip()
    return name if looks_like_person_name(name) else attribution


def _as_block_quote(paragraph: Paragraph, found: tuple[Quote, ...], speaker: str | None) -> Paragraph:
    """A paragraph of a ``>`` block quote is itself a quotation (kind "block")."""
    whole = Quote(text=paragraph.text, start=0, end=len(paragraph.text), speaker=speaker, kind="block")
    inner = tuple(q for q in found if (q.start, q.end) != (0, len(paragraph.text)))
    return attrs.evolve(paragraph, quotes=(whole, *inner))
