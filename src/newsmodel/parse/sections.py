"""The body of a plain-text article into sections: headings, paragraphs, lists, block quotes.

:func:`build_sections` decides which bare lines are headings (title case, ALL CAPS, numbered)
and which are short paragraphs, takes the dateline off the first paragraph and turns inline
Markdown into marks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Block, BlockQuote, ListBlock, Paragraph, Section, Table
from ._words import TERMINAL_PUNCTUATION, word_set
from .inline import plain_text, strip_inline_markup
from .paragraphs import RawBlock

__all__ = ["build_sections"]

_DATELINE = re.compile(
    r"(?P<dateline>(?:[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})?"
    r"(?:\s+\d{1,2})?(?:\s*\([^()\n]{1,40}\))?)|(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*\([^()\n]{1,40}\)))"
    r"\s*(?:—|–|--|-)\s+(?=\S)"
    # "Harlow Springs, Colo. —": a place in ordinary case needs its state or country and a long dash.
    r"|(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2},\s+[A-Z][a-z]*\.?(?:\s+[A-Z][a-z]*\.?)?"
    r"(?:\s*\([^()\n]{1,40}\))?)\s*(?:—|–|--)\s+(?=\S)"
)
_MAX_HEADING_MARKUP = 400  # a heading is at most 120 characters of text, however marked up
_TABLE_RULE = re.compile(r"\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?")
_CELL_BORDER = re.compile(r"(?<!\\)\|")
_NUMBERED_HEADING = re.compile(r"\d{1,2}[.)]\s+")
_SENTENCE_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|said|says|did|does|ist|sind|war|hat|wird|sagte)\b",
    re.I,
)
_MINOR_WORDS = word_set(
    """
    a an the and or but nor of in on at to for by with from as vs via is are was be der die das
    und von
    """
)
_SPEAKER_LABEL = re.compile(r"(?:Q|A|F|Frage|Antwort|Question|Answer)\s*[:.\-–—]\s", re.I)


def _heading_level(block: RawBlock, following: RawBlock | None) -> int | None:
    """The heading level of a block (its Markdown level; 2 for a bare heading line), or None."""
    if block.kind == "heading":
        return block.level
    if block.kind != "text" or block.lines > 1 or following is None or following.kind in ("end", "heading"):
        return None
    if len(block.text) > _MAX_HEADING_MARKUP:
        return None
    text = plain_text(block.text)
    words = text.split()
    if not words or len(words) > 14 or len(text) > 120 or _SPEAKER_LABEL.match(text):
        return None
    if following.kind == "text" and len(following.text) <= len(text):
        return None  # a heading introduces something longer than itself
    letters = [c for c in text if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) >= 3:
        return 2
    if text.endswith(TERMINAL_PUNCTUATION) or not (text[0].isupper() or text[0].isdigit()):
        return None
    if _SENTENCE_VERB.search(text) and not _is_title_case(words):
        return None  # "The tortoise is fifty-two years old": a sentence that lost its full stop
    return 2


def _is_title_case(words: Sequence[str]) -> bool:
    content = [w for w in words[1:] if w.lower() not in _MINOR_WORDS]
    return bool(content) and all(w[:1].isupper() or not w[:1].isalpha() for w in content)


def build_sections(body: list[RawBlock]) -> tuple[list[Section], str | None]:
    """The body blocks as sections (a heading opens a new one), and the dateline if the first
    paragraph opens with one ("KITWE, Zambia (Reuters) -"), taken off that paragraph."""
    sections: list[Section] = []
    heading: str | None = None
    level = 2
    blocks: list[Block] = []
    dateline: str | None = None
    items: list[Paragraph] = []
    ordered = False
    quote_paragraphs_: list[Paragraph] = []
    quote_group = 0
    rows: list[str] = []

    def close_open_blocks() -> None:
        nonlocal items, quote_paragraphs_, rows
        if items:
            blocks.append(ListBlock(items=tuple(items), ordered=ordered))
            items = []
        if quote_paragraphs_:
            blocks.append(_block_quote(quote_paragraphs_))
            quote_paragraphs_ = []
        if rows:
            blocks.append(_table(rows))
            rows = []

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
        if block.kind == "row":
            if items or quote_paragraphs_:
                close_open_blocks()
            rows.append(block.text)
            continue
        if rows:
            close_open_blocks()
        level_here = _heading_level(block, following)
        if level_here is not None:
            close_open_blocks()
            if heading is not None or blocks:
                sections.append(Section(heading=heading, level=level, blocks=blocks))
            heading, level, blocks = plain_text(block.text) or None, level_here, []
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
                    dateline = (found.group("dateline") or found.group("place")).strip()
                    text, marks = strip_inline_markup(block.text[found.end() :])
            blocks.append(Paragraph(text=text, marks=marks))
    close_open_blocks()
    if heading is not None or blocks:
        sections.append(Section(heading=heading, level=level, blocks=blocks))
    return sections, dateline


def _table(rows: list[str]) -> Table:
    """A Markdown pipe table; the rows above its ``|---|`` rule are header rows."""
    rule = next((i for i, row in enumerate(rows) if _TABLE_RULE.fullmatch(row)), None)
    cells = [
        tuple(plain_text(cell).replace("\\|", "|") for cell in _CELL_BORDER.split(row.strip()[1:-1]))
        for i, row in enumerate(rows)
        if i != rule
    ]
    return Table(rows=tuple(cells), header_rows=rule or 0)


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
