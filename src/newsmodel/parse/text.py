"""``parse_text``: a plain-text news article, in any of the common conventions, into an Article.

The parse runs in passes, each in its own function:

1. clean: decode, normalise line ends, remove characters XML cannot carry (nothing else);
2. layout (:mod:`.paragraphs`): paragraphs, Markdown headings, lists, block quotes, end marks;
3. header: kicker, headline, standfirst, bylines, date lines, credit lines, editor's note;
4. footer: end marks, "X reported from Y." lines, contact blocks, "About the author" and bare bios;
5. body: headings (explicit, bare, ALL CAPS, numbered), sections, the dateline, inline Markdown;
6. quotes: :func:`newsmodel.quotes.quote_paragraphs` with the byline names as known people.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timezone, tzinfo

import attrs

from ..errors import ParseError
from ..model import (
    Article,
    AuthorProfile,
    Block,
    BlockQuote,
    Figure,
    ListBlock,
    Paragraph,
    Publisher,
    Quote,
    Section,
    xml_unsafe_characters,
)
from ..quotes import quote_paragraphs
from .bylines import BYLINE_PREFIX, bio_subject, looks_like_person_name, parse_bio, parse_byline
from .dates import parse_date, split_date_label
from .inline import strip_inline_markup
from .paragraphs import RawBlock, split_blocks

__all__ = ["SUMMARY_HEADINGS", "parse_text"]


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: A first section with one of these headings becomes ``Article.summary`` (compared case-blind).
SUMMARY_HEADINGS = frozenset(
    """executive summary|summary|abstract|in brief|at a glance|key points|tl;dr|tldr|the short version|
    zusammenfassung|das wichtigste in kürze|auf einen blick|en bref|résumé""".replace("\n", "").split("|")
)
_ABOUT_AUTHOR = re.compile(
    r"(?:about\s+the\s+authors?|über\s+(?:den|die)\s+autor(?:in)?|the\s+author)\s*:?", re.I
)
_KICKERS = _word_set(
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
    r"(?P<label>photo(?:graph)?|image|picture|illustration|video|foto|bild)s?\s*(?:credit)?\s*:\s*(?P<credit>.+)",
    re.I,
)
_PUBLISHER_LINE = re.compile(r"(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<name>[^.]{2,80})\.?", re.I)
_SOURCE_LINE = re.compile(r"(?:source|quelle|via)\s*:\s*(?P<name>.{2,80})", re.I)
_REPORTED_FROM = re.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,3}(?:and\s+(?:[A-Z][\w.'’-]*\s+){1,3})?(?:reported|contributed(?:\s+reporting)?|"
    r"berichtete|berichteten)\b.{0,200}"
)
_FOOTER_CREDIT = re.compile(
    r"(?:additional\s+reporting|reporting|editing|writing|compiled|research)\s+by\b.{0,300}", re.I
)
_CONTACT = re.compile(
    r"(?:(?:contact(?:\s+the\s+(?:reporter|author|writer))?|kontakt|e-?mail|phone|tel(?:ephone)?|fax|twitter|x|"
    r"bluesky|mastodon)\s*:|(?:follow|reach|e-?mail|contact|write\s+to)\s+(?:him|her|them|us|the\s+author|"
    r"the\s+reporter)\b).{0,300}",
    re.I,
)
_QUOTE_WINDOW = 120  # paragraphs; the longest articles run to about a hundred
_MAX_FOOTER_BLOCKS = 10
_MAX_FOOTER_CHARS = 4000
_EMAIL = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+")
_DATELINE = re.compile(
    r"(?P<dateline>(?:[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"(?:\s+\d{1,2})?(?:\s*\([^()\n]{1,40}\))?)|(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*\([^()\n]{1,40}\)))"
    r"\s*(?:—|–|--|-)\s+(?=\S)"
)
_OUTLET_BYLINE = re.compile(
    r"(?i:by|von)\s+(?:(?i:the)\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+(?:of\s+)?[A-Z][\w&.'’-]*){0,4})"
)
_TERMINAL = tuple('.!?,;:…"”“’‘»«)')
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?][\"”’]?\s+[\"“‘]?[A-Z]")
_NUMBERED_HEADING = re.compile(r"\d{1,2}[.)]\s+")
_LANGUAGE_WORDS = {
    "en": (" the ", " and ", " of ", " is ", " that ", " said "),
    "de": (" der ", " die ", " und ", " nicht ", " ist ", " sagte "),
    "fr": (" le ", " les ", " et ", " est ", " des ", " une "),
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
    blocks = split_blocks(clean)
    if not blocks:
        raise ParseError(
            "no article text found: the input is empty or only whitespace and control characters"
        )
    header = _read_header(blocks, default_timezone)
    body, footer = _split_footer(blocks[header.body_start :], header.authors)
    sections, dateline = _build_sections(body)
    summary = header.summary
    first = sections[0] if sections else None
    if summary is None and first is not None and (first.heading or "").lower() in SUMMARY_HEADINGS:
        summary = "\n\n".join(first.paragraphs) or None
        sections = sections[1:] if summary else sections
    if header.notes or header.figures:
        # The model has no field for an editor's note or a header photo credit: they open the body.
        opening: list[Block] = [Paragraph(text=note) for note in header.notes]
        opening.extend(header.figures)
        if sections and sections[0].heading is None:
            opening.extend(sections[0].blocks)
            sections = sections[1:]
        sections = [Section(blocks=opening), *sections]
    authors = _merge_authors(header.authors, footer)
    language = language or _guess_language(clean)
    context = [header.headline] + ([summary] if summary else [])
    sections = _add_quotes(sections, context, language, [a.name for a in authors])
    return Article(
        headline=header.headline,
        summary=summary,
        kicker=header.kicker,
        dateline=dateline,
        authors=authors,
        published=header.published,
        modified=header.modified,
        language=language,
        publisher=header.publisher,
        sections=tuple(sections),
    )


# --------------------------------------------------------------------------------------------
# Cleaning


def _clean(text: str | bytes) -> str:
    if isinstance(text, bytes | bytearray):
        try:
            text = bytes(text).decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ParseError(f"the input is not UTF-8 text: {exc}") from exc
    if not isinstance(text, str):
        raise ParseError(f"parse_text needs str or bytes, got {type(text).__name__}")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    if xml_unsafe_characters(text):
        text = "".join(c for c in text if not xml_unsafe_characters(c))
    return text.lstrip("\ufeff")


def _guess_language(text: str) -> str | None:
    sample = " " + " ".join(text[:6000].lower().split()) + " "
    counts = {code: sum(sample.count(w) for w in words) for code, words in _LANGUAGE_WORDS.items()}
    best = max(counts, key=lambda code: counts[code])
    return best if counts[best] >= 3 else None


def _plain(text: str) -> str:
    return strip_inline_markup(text)[0].strip()


# --------------------------------------------------------------------------------------------
# Header


@attrs.define
class _Header:
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
    return block.text.isupper() and not block.text.endswith(_TERMINAL[:3])


def _headline_from(block: RawBlock) -> tuple[str, bool]:
    """The headline and whether it consumed the block (False: a sentence of a body paragraph)."""
    text = _plain(block.text)
    several_sentences = _SENTENCE_BREAK.search(text) is not None and text.endswith(_TERMINAL[:3])
    if block.kind == "heading" or (len(text) <= 200 and not several_sentences):
        return text, True
    # No headline line: the first sentence of the opening paragraph stands in for one.
    sentence = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0]
    words = sentence.split()
    return (sentence if len(words) <= 25 else " ".join(words[:25]) + "…"), False


def _read_header(blocks: list[RawBlock], zone: tzinfo) -> _Header:
    index = 0
    kicker = None
    if _is_kicker(blocks[0], blocks[1] if len(blocks) > 1 else None):
        kicker = _plain(blocks[0].text)
        index = 1
    headline, consumed = _headline_from(blocks[index])
    if not headline:
        raise ParseError("no headline: the first line of the text holds no words")
    header = _Header(headline=headline, kicker=kicker, body_start=index + (1 if consumed else 0))
    if not consumed:
        return header
    index += 1
    standfirst: str | None = None
    seen_header_line = False
    while index < len(blocks) and index < 14:
        block = blocks[index]
        if block.kind not in ("text", "quote", "item"):  # "11. März 2026" reads as a list item
            break
        line = _plain(block.text)
        if _read_header_line(line, header, zone):
            seen_header_line = True
        elif _EDITORS_NOTE.match(line):
            header.notes.append(line)
        elif (
            standfirst is None
            and not seen_header_line
            and block.lines <= 6
            and _next_is_header_line(blocks, index)
        ):
            standfirst = line
        else:
            break
        index += 1
    header.body_start = index
    header.summary = standfirst
    return header


def _next_is_header_line(blocks: list[RawBlock], index: int) -> bool:
    if index + 1 >= len(blocks):
        return False
    probe = _Header(headline="x", body_start=0)
    return _read_header_line(_plain(blocks[index + 1].text), probe, timezone.utc)


def _read_header_line(line: str, header: _Header, zone: tzinfo) -> bool:
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
    owner = _PUBLISHER_LINE.fullmatch(line) or _SOURCE_LINE.fullmatch(line)
    if owner is not None:
        header.publisher = Publisher(name=owner.group("name").strip())
        return True
    if header.authors and _looks_like_outlet(line):
        for i, author in enumerate(header.authors):
            if author.organization is None:
                header.authors[i] = attrs.evolve(author, organization=line)
        return True
    return False


def _looks_like_outlet(line: str) -> bool:
    words = line.split()
    return (
        1 <= len(words) <= 6
        and not line.endswith(_TERMINAL[:3])
        and all(w[:1].isupper() or w.lower() in ("of", "the", "and", "&", "for") for w in words)
        and not looks_like_person_name(line)
    )


# --------------------------------------------------------------------------------------------
# Footer


@attrs.define
class _Footer:
    bios: list[AuthorProfile] = attrs.Factory(list)
    emails: list[str] = attrs.Factory(list)


def _is_footer_line(text: str) -> bool:
    return (
        bool(_REPORTED_FROM.fullmatch(text) or _FOOTER_CREDIT.fullmatch(text) or _CONTACT.fullmatch(text))
        and len(text) < 300
    )


def _split_footer(blocks: list[RawBlock], authors: Sequence[AuthorProfile]) -> tuple[list[RawBlock], _Footer]:
    """Separate the trailing matter (end marks, credits, contact lines, bios) from the body."""
    footer = _Footer()
    end = next(
        (i for i, block in enumerate(blocks) if block.kind == "end" and _is_short_tail(blocks[i + 1 :])), None
    )
    tail = blocks[end + 1 :] if end is not None else []
    body = [block for block in blocks[:end] if block.kind != "end"]
    # Peel footer lines off the end of the body, then look for a bio just before them.
    while body and body[-1].kind == "text" and _is_footer_line(_plain(body[-1].text)):
        tail.insert(0, body.pop())
    about = next(
        (
            i
            for i in range(len(body) - 1, max(-1, len(body) - 8), -1)
            if _ABOUT_AUTHOR.fullmatch(_plain(body[i].text))
        ),
        None,
    )
    if about is not None:
        tail = body[about + 1 :] + tail
        body = body[:about]
    else:
        start = _bio_start(body, authors)
        if start is not None:
            tail = body[start:] + tail
            body = body[:start]
    bio_texts: list[str] = []
    for block in tail:
        text = _plain(block.text)
        footer.emails.extend(_EMAIL.findall(text))
        if block.kind == "text" and not _is_footer_line(text):
            bio_texts.append(text)
    if bio_texts:
        profile = parse_bio(bio_texts)
        if profile is not None:
            footer.bios.append(profile)
    return body, footer


def _is_short_tail(blocks: Sequence[RawBlock]) -> bool:
    """Whether what follows an end mark is small enough to be trailing matter rather than more story.

    An end mark followed by pages of text is not the end (concatenated stories, a stray "###"):
    treating it as one would silently drop the rest.
    """
    return len(blocks) <= _MAX_FOOTER_BLOCKS and sum(len(b.text) for b in blocks) <= _MAX_FOOTER_CHARS


def _bio_start(body: list[RawBlock], authors: Sequence[AuthorProfile]) -> int | None:
    """Where a trailing bare bio ("Name is a reporter at …") starts, if the body ends with one."""
    names = {a.name for a in authors}
    for i in range(len(body) - 1, max(-1, len(body) - 6), -1):
        block = body[i]
        if block.kind != "text":
            return None
        text = _plain(block.text)
        subject = bio_subject(text)
        if subject is None:
            continue
        first_sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
        journalistic = re.search(
            r"\b(?:editor|reporter|writer|journalist|correspondent|columnist|author|contributor|producer|"
            r"critic|redakteur\w*|korrespondent\w*|journalist\w*|autor\w*)\b",
            first_sentence,
            re.I,
        )
        if subject in names or journalistic is not None:
            return i
    return None


def _merge_authors(authors: Sequence[AuthorProfile], footer: _Footer) -> tuple[AuthorProfile, ...]:
    merged = list(authors)
    for bio in footer.bios:
        match = next((i for i, a in enumerate(merged) if a.name == bio.name), None)
        if match is None:
            merged.append(bio)
            continue
        known = merged[match]
        merged[match] = attrs.evolve(
            bio,
            role=known.role or bio.role,
            organization=known.organization or bio.organization,
        )
    if footer.emails and len(merged) == 1 and merged[0].email is None:
        merged[0] = attrs.evolve(merged[0], email=footer.emails[0])
    return tuple(merged)


# --------------------------------------------------------------------------------------------
# Body


def _heading_level(block: RawBlock, following: RawBlock | None) -> int | None:
    """The level of a bare heading line (2, or 3 for numbered sub-points), or None for a paragraph."""
    if block.kind == "heading":
        return block.level
    if block.kind != "text" or block.lines > 1 or following is None or following.kind in ("end", "heading"):
        return None
    text = _plain(block.text)
    words = text.split()
    if not words or len(words) > 14 or len(text) > 120 or _SPEAKER_LABEL.match(text):
        return None
    if following.kind == "text" and len(following.text) <= len(text):
        return None  # a heading introduces something longer than itself
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) >= 3:
        return 2
    if text.endswith(_TERMINAL) or not (text[0].isupper() or text[0].isdigit()):
        return None
    if _SENTENCE_VERB.search(text) and not _is_title_case(words):
        return None  # "The tortoise is fifty-two years old": a sentence that lost its full stop
    return 2


def _is_title_case(words: Sequence[str]) -> bool:
    content = [w for w in words[1:] if w.lower() not in _MINOR_WORDS]
    return bool(content) and all(w[:1].isupper() or not w[:1].isalpha() for w in content)


_SENTENCE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|said|says|did|does|ist|sind|war|hat|wird|sagte)\b",
    re.I,
)
_MINOR_WORDS = _word_set(
    """
    a an the and or but nor of in on at to for by with from as vs via is are was be der die das
    und von
    """
)
_SPEAKER_LABEL = re.compile(r"(?:Q|A|F|Frage|Antwort|Question|Answer)\s*[:.\-–—]\s", re.I)


def _build_sections(body: list[RawBlock]) -> tuple[list[Section], str | None]:
    sections: list[Section] = []
    heading: str | None = None
    level = 2
    blocks: list[Block] = []
    dateline: str | None = None
    items: list[Paragraph] = []
    ordered = False
    quote_paragraphs_: list[Paragraph] = []
    quote_group = 0

    def close_open_blocks() -> None:
        nonlocal items, quote_paragraphs_
        if items:
            blocks.append(ListBlock(items=tuple(items), ordered=ordered))
            items = []
        if quote_paragraphs_:
            blocks.append(_block_quote(quote_paragraphs_))
            quote_paragraphs_ = []

    for i, block in enumerate(body):
        following = body[i + 1] if i + 1 < len(body) else None
        if block.kind == "item" and block.ordered and not _in_list(body, i):
            # "1. Background" alone between paragraphs is a numbered heading, not a list.
            as_text = RawBlock(kind="text", text=block.text, lines=block.lines)
            if _heading_level(as_text, following) is not None:
                block = as_text
        if block.kind != "item" and items:
            close_open_blocks()
        if (block.kind != "quote" or block.group != quote_group) and quote_paragraphs_:
            close_open_blocks()
        level_here = _heading_level(block, following)
        if level_here is not None:
            close_open_blocks()
            if heading is not None or blocks:
                sections.append(Section(heading=heading, level=level, blocks=blocks))
            heading, level, blocks = _plain(block.text) or None, level_here, []
            continue
        text, marks = strip_inline_markup(block.text)
        if not text.strip():
            continue
        if block.kind == "item":
            if items and block.ordered != ordered:
                close_open_blocks()
            ordered = block.ordered
            if block.ordered:
                number = _NUMBERED_HEADING.match(text)
                if number is not None:
                    text, marks = strip_inline_markup(block.text[number.end() :])
            items.append(Paragraph(text=text, marks=marks))
        elif block.kind == "quote":
            quote_group = block.group
            quote_paragraphs_.append(Paragraph(text=text, marks=marks))
        else:
            if dateline is None and not sections and not blocks:
                found = _DATELINE.match(block.text)
                if found is not None:
                    dateline = found.group("dateline").strip()
                    text, marks = strip_inline_markup(block.text[found.end() :])
            blocks.append(Paragraph(text=text, marks=marks))
    close_open_blocks()
    if heading is not None or blocks:
        sections.append(Section(heading=heading, level=level, blocks=blocks))
    return sections, dateline


def _in_list(body: list[RawBlock], i: int) -> bool:
    neighbours = (body[j] for j in (i - 1, i + 1) if 0 <= j < len(body))
    return any(b.kind == "item" for b in neighbours)


def _block_quote(paragraphs: list[Paragraph]) -> BlockQuote:
    attribution = None
    last = paragraphs[-1].text
    found = re.match(r"(?:—|–|--|-)\s*(?P<who>.{1,120})", last)
    if found is not None and len(paragraphs) > 1:
        attribution = found.group("who").strip()
        paragraphs = paragraphs[:-1]
    return BlockQuote(paragraphs=tuple(paragraphs), attribution=attribution)


# --------------------------------------------------------------------------------------------
# Quotes


def _add_quotes(
    sections: list[Section], context: list[str], language: str | None, people: list[str]
) -> list[Section]:
    """Attach the quote engine's quotes to every body paragraph.

    ``context`` (headline, summary) is read first so that people it names are known to the
    engine, but its quotes have no paragraph to live in and are dropped.
    """
    paragraphs = [p for s in sections for p in s.iter_paragraphs()]
    if not paragraphs:
        return sections
    quotes_by_id: dict[int, tuple[Quote, ...]] = {}
    # The engine resolves names across the whole text it is given, in more than linear time;
    # windows far longer than any real article keep a 50 MB input bounded and change nothing below.
    for first in range(0, len(paragraphs), _QUOTE_WINDOW):
        window = paragraphs[first : first + _QUOTE_WINDOW]
        texts = context + [p.text for p in window]
        found = quote_paragraphs(texts, language=language, known_people=people)[len(context) :]
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
    return rebuilt


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
