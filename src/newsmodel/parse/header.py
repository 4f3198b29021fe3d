"""The header of a plain-text article: kicker, headline, standfirst, bylines, dates, credits.

:func:`read_header` reads the blocks at the top of the text, stopping at the first block that
is none of these; the rest is the body.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone, tzinfo

import attrs

from ..errors import ParseError
from ..model import AuthorProfile, Emphasis, Figure, Publisher
from ._words import FULL_STOPS, word_set
from .bylines import BYLINE_PREFIX, is_job_title, looks_like_person_name, parse_byline
from .dates import parse_date, split_date_label
from .inline import plain_text, strip_inline_markup
from .paragraphs import RawBlock

__all__ = ["COPYRIGHT_LINE", "Header", "read_header"]

_KICKERS = word_set(
    """
    opinion analysis exclusive breaking commentary editorial review interview update feature
    perspective explainer obituary live letters column essay comment kommentar analyse meinung
    leitartikel reportage
    """
)
_EDITORS_NOTE = re.compile(
    r"(?:editor[’']?s[’']?\s+note|anm(?:erkung|\.)\s+d(?:er)?\.?\s*red(?:aktion)?\.?)\s*:", re.I
)
_CREDIT_LINE = re.compile(
    r"(?P<label>photo(?:graph)?|image|picture|illustration|video|foto|bild)(?:s|er)?\s*(?:credit)?\s*(?::|by\b|von\b)\s*"
    r"(?P<credit>.+)",
    re.I,
)
#: "© 2026 The Gazette. All rights reserved." and the like; ``name`` is the owner.
COPYRIGHT_LINE = re.compile(
    r"(?i:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s*)?"
    r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w&'’-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z][\w&'’-]*){0,5}(?:,?\s+(?:Inc|Ltd|LLC|GmbH))?)"
    r"\.?(?:\s*(?i:all\s+rights\s+reserved)\.?)?",
)
_SOURCE_LINE = re.compile(r"(?:source|quelle|via)\s*:\s*(?P<name>.{2,80})", re.I)
_OUTLET_BYLINE = re.compile(
    r"(?i:by|von)\s+(?:(?i:the)\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+(?:of\s+)?[A-Z][\w&.'’-]*){0,4})"
)
_MAX_HEADER_BLOCK = 1000  # characters: a standfirst or editor's note is shorter
#: A sentence end followed by the start of another sentence.
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?][\"”’]?\s+[\"“‘]?[A-Z]")


@attrs.define
class Header:
    """What the header lines said; ``body_start`` is the index of the first body block."""

    headline: str
    body_start: int
    kicker: str | None = None
    summary: str | None = None
    authors: list[AuthorProfile] = attrs.Factory(list)
    published: datetime | None = None
    modified: datetime | None = None
    publisher: Publisher | None = None
    notes: list[str] = attrs.Factory(list)
    figures: list[Figure] = attrs.Factory(list)


def _is_kicker(block: RawBlock, following: RawBlock | None) -> bool:
    words = block.text.rstrip(":").split()
    if following is None or block.kind not in ("text", "heading") or not 1 <= len(words) <= 3:
        return False
    if following.kind not in ("text", "heading") or len(following.text) > 200:
        return False
    if _SENTENCE_BREAK.search(following.text) or following.text.endswith("."):
        return False  # what follows reads as a paragraph, so this line is the headline
    if block.text.rstrip(":").lower() in _KICKERS:
        return True
    return block.text.isupper() and not block.text.endswith(FULL_STOPS)


def _headline_from(block: RawBlock) -> tuple[str, bool]:
    """The headline and whether it consumed the block (False: a sentence of a body paragraph)."""
    text = plain_text(block.text)
    several_sentences = _SENTENCE_BREAK.search(text) is not None and text.endswith(FULL_STOPS)
    if block.kind == "heading" or (len(text) <= 200 and not several_sentences):
        return text, True
    # No headline line: the first sentence of the opening paragraph stands in for one.
    sentence = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0]
    words = sentence.split()
    return (sentence if len(words) <= 25 else " ".join(words[:25]) + "…"), False


def read_header(blocks: list[RawBlock], zone: tzinfo, *, headline: str | None = None) -> Header:
    """Read the kicker, headline and header lines at the top of ``blocks``.

    A ``headline`` known already (from front matter) is not looked for; a first block repeating
    it is skipped.
    """
    index = 0
    if headline is not None:
        if blocks and plain_text(blocks[0].text) == headline:
            index = 1
        return _read_header_lines(blocks, Header(headline=headline, body_start=index), zone)
    kicker = None
    if _is_kicker(blocks[0], blocks[1] if len(blocks) > 1 else None):
        kicker = plain_text(blocks[0].text)
        index = 1
    found, consumed = _headline_from(blocks[index])
    if not found:
        raise ParseError("no headline: the first line of the text holds no words")
    header = Header(headline=found, kicker=kicker, body_start=index + (1 if consumed else 0))
    return _read_header_lines(blocks, header, zone) if consumed else header


def _read_header_lines(blocks: list[RawBlock], header: Header, zone: tzinfo) -> Header:
    """Read header lines from ``header.body_start`` on; move ``body_start`` past them."""
    index = header.body_start
    standfirst: str | None = None
    seen_header_line = False
    while index < len(blocks) and index < header.body_start + 12:
        block = blocks[index]
        if block.kind not in ("text", "quote", "item") or len(block.text) > _MAX_HEADER_BLOCK:
            break  # ("11. März 2026" reads as a list item)
        line = plain_text(block.text)
        if _read_header_line(line, header, zone):
            seen_header_line = True
        elif _EDITORS_NOTE.match(line):
            header.notes.append(line)
        elif (
            standfirst is None
            and not seen_header_line
            and block.lines <= 6
            and (_next_is_header_line(blocks, index) or _is_all_emphasis(block.text))
        ):
            standfirst = line
        else:
            break
        index += 1
    header.body_start = index
    header.summary = standfirst
    return header


def _is_all_emphasis(text: str) -> bool:
    """A block set wholly in italics or bold (``*Why it matters …*``), as standfirsts are."""
    plain, marks = strip_inline_markup(text)
    return any(m.start == 0 and m.end == len(plain) and isinstance(m, Emphasis) for m in marks)


def _next_is_header_line(blocks: list[RawBlock], index: int) -> bool:
    if index + 1 >= len(blocks) or len(blocks[index + 1].text) > _MAX_HEADER_BLOCK:
        return False
    probe = Header(headline="x", body_start=0)
    return _read_header_line(plain_text(blocks[index + 1].text), probe, timezone.utc)


def _read_header_line(line: str, header: Header, zone: tzinfo) -> bool:
    """Take what a header line says into ``header``; False if it is not a header line."""
    if len(line) > 200:
        return False
    parts = [p.strip() for p in re.split(r"\s+\|\s+|\s+[·•]\s+", line) if p.strip()]
    dates = [(split_date_label(p)[0], parse_date(p, default_timezone=zone)) for p in parts]
    if all(d is not None for _, d in dates):
        for label, value in dates:
            if label is not None and label.startswith(
                ("updated", "last updated", "modified", "aktualisiert")
            ):
                header.modified = value
            elif header.published is None:
                header.published = value
            else:
                header.modified = value
        return True
    if BYLINE_PREFIX.match(line):
        byline = " | ".join(p for p, (_, d) in zip(parts, dates, strict=True) if d is None)
        authors = parse_byline(byline)
        if authors:
            header.authors.extend(authors)
            for label, value in dates:
                if value is not None and label is None and header.published is None:
                    header.published = value
            return True
        outlet = _OUTLET_BYLINE.fullmatch(line)
        if outlet is not None:  # "By the Associated Press": an outlet, not a person
            header.publisher = Publisher(name=outlet.group("name"))
            return True
        return False
    credit = _CREDIT_LINE.fullmatch(line)
    if credit is not None:
        header.figures.append(Figure(alt=credit.group("label").capitalize(), credit=credit.group("credit")))
        return True
    owner = COPYRIGHT_LINE.fullmatch(line) or _SOURCE_LINE.fullmatch(line)
    if owner is not None:
        header.publisher = Publisher(name=owner.group("name").strip())
        return True
    if header.authors and _looks_like_outlet(line):
        # "Associated Press Writer" under "By JOHN SMITH" is a job; "The Valley Ledger" an outlet.
        role, organization = _role_and_outlet(line)
        for i, author in enumerate(header.authors):
            header.authors[i] = attrs.evolve(
                author, role=author.role or role, organization=author.organization or organization
            )
        return True
    return False


def _role_and_outlet(line: str) -> tuple[str | None, str | None]:
    """Split "Senior Reporter, The Gazette" into its job and its outlet (either may be missing)."""
    job, _, rest = line.partition(", ")
    if is_job_title(job):
        return job, rest or None
    return None, line


def _looks_like_outlet(line: str) -> bool:
    words = line.split()
    return (
        1 <= len(words) <= 6
        and not line.endswith(FULL_STOPS)
        and all(w[:1].isupper() or w.lower() in ("of", "the", "and", "&", "for") for w in words)
        and not looks_like_person_name(line)
    )
