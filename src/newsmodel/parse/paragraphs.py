"""Plain text into a flat list of raw blocks: paragraphs, explicit headings, list items, quotes.

This is the layout pass of :func:`newsmodel.parse.text.parse_text`. It decides where paragraphs
begin and end (blank lines, single newlines, or text hard-wrapped at a fixed width) and
recognises the Markdown line syntax (``#`` and setext headings, ``>`` quotes, ``-``/``1.``
lists, thematic breaks) and wire-copy end marks (``###``, ``-30-``). Deciding what a bare
line *means* (headline, byline, heading …) is left to the caller.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import Literal, TypeAlias

import attrs

__all__ = ["RawBlock", "split_blocks"]

BlockKind: TypeAlias = Literal["text", "heading", "quote", "item", "row", "end"]

_ATX_HEADING = re.compile(r"(#{1,6})[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*")
_SETEXT_UNDERLINE = re.compile(r"(?:={3,}|-{3,})[ \t]*")
_THEMATIC_BREAK = re.compile(r"(?:(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})")
_END_MARK = re.compile(r"(?:#[ \t]*#[ \t]*#|-[ \t]*30[ \t]*-|\(?end\)?|ends|xxx)[ \t]*", re.IGNORECASE)
_BULLET = re.compile(r"[ \t]{0,3}[-*+•·–][ \t]+(?=\S)")
_NUMBERED = re.compile(r"[ \t]{0,3}\d{1,3}[.)][ \t]+(?=\S)")
_TABLE_ROW = re.compile(r"[ \t]{0,3}\|.*\|[ \t]*")
_QUOTE_LINE = re.compile(r"[ \t]{0,3}>[ \t]?")
_SPEAKER_TURN = re.compile(r"(?:Q|A|F|Frage|Antwort|Question|Answer)[ \t]*[:.\-–—][ \t]", re.IGNORECASE)
_SENTENCE_END = tuple('.!?:;"”’»)…')


@attrs.frozen(kw_only=True)
class RawBlock:
    """A block of the text before interpretation.

    ``kind`` is ``"text"``, ``"heading"`` (Markdown ``#`` or setext only), ``"quote"`` (one
    paragraph of a ``>`` block quote; ``group`` numbers the quote it belongs to), ``"item"``
    (a list item; ``ordered`` for numbered ones), ``"row"`` (a line of a Markdown pipe table,
    pipes included) or ``"end"`` (an end mark). ``lines`` is how
    many source lines the block was made of.
    """

    kind: BlockKind
    text: str
    level: int = 0
    ordered: bool = False
    group: int = 0
    lines: int = 1


def wrap_width(lines: Sequence[str]) -> int | None:
    """The column a hard-wrapped text was wrapped at, or None when the text is not hard-wrapped.

    A text counts as hard-wrapped when its longest line is 30 to 100 columns, at least a third
    of its lines come within 12 columns of that width (a wrapped paragraph fills its lines), and
    over a third of those full lines stop mid-sentence (one-sentence paragraphs a line each do not).
    """
    filled = [line for line in lines if line.strip()]
    if len(filled) < 3:
        return None
    width = max(len(line) for line in filled)
    if width > 100 or width < 30:
        return None
    full = [line for line in filled if len(line) >= width - 12]
    if len(full) * 3 < len(filled):
        return None
    mid_sentence = sum(1 for line in full if not line.endswith(_SENTENCE_END))
    return width if mid_sentence * 3 > len(full) or _breaks_are_wraps(lines, width) else None


def _breaks_are_wraps(lines: Sequence[str], width: int) -> bool:
    """Whether three in four line breaks inside blocks are where a wrapper at ``width`` breaks.

    A wrapped text whose lines happen to end at sentence ends still breaks only where the next
    word would not have fitted; lines of one sentence each mostly break where it would have.
    """
    breaks = wraps = 0
    for previous, line in pairwise(lines):
        if not previous.strip() or not line.strip():
            continue
        breaks += 1
        wraps += len(previous) + 1 + len(line.split(None, 1)[0]) > width
    return breaks >= 3 and wraps * 4 >= breaks * 3


def _continues(previous: str, line: str, width: int | None) -> bool:
    """Whether ``line`` continues the paragraph whose last line was ``previous``."""
    first_word = line.split(None, 1)[0]
    if width is not None and len(previous) + 1 + len(first_word) > width:
        return True  # the word did not fit on the previous line: the break was the wrapper's
    return line[:1].islower() and not previous.endswith(_SENTENCE_END)


def _join_lines(lines: Sequence[str]) -> str:
    """Join a paragraph's lines; a line broken after a hyphen ("long-|distance") joins with no space."""
    text = lines[0].strip()
    for line in lines[1:]:
        line = line.strip()
        glue = "" if len(text) > 1 and text[-1] == "-" and text[-2].isalpha() and line[:1].isalpha() else " "
        text += glue + line
    return text


def split_blocks(text: str) -> list[RawBlock]:
    """Split clean text (``\\n`` line ends, no control characters) into raw blocks, in order."""
    lines = [line.rstrip() for line in text.split("\n")]
    width = wrap_width(lines)
    return list(_blocks(lines, width))


def _blocks(lines: list[str], width: int | None) -> Iterator[RawBlock]:
    pending: list[str] = []  # lines of the paragraph being built
    pending_kind: BlockKind = "text"
    pending_ordered = False
    quote_group = 0
    in_quote = False

    def flush() -> RawBlock | None:
        nonlocal pending
        if not pending:
            return None
        block = RawBlock(
            kind=pending_kind,
            text=_join_lines(pending),
            ordered=pending_ordered,
            group=quote_group,
            lines=len(pending),
        )
        pending = []
        return block

    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        stripped = line.strip()
        if not stripped:
            if (done := flush()) is not None:
                yield done
            in_quote = False
            continue
        quote = _QUOTE_LINE.match(line)
        if quote is not None:
            content = line[quote.end() :].strip()
            if pending and pending_kind != "quote" and (done := flush()) is not None:
                yield done
            if not in_quote:
                quote_group += 1
                in_quote = True
            if not content:  # a bare ">" separates paragraphs inside the quote
                if (done := flush()) is not None:
                    yield done
                continue
            pending_kind = "quote"
            pending.append(content)
            continue
        in_quote = False
        if pending_kind == "quote" and (done := flush()) is not None:
            yield done
        next_line = lines[index] if index < len(lines) else ""
        if _SETEXT_UNDERLINE.fullmatch(next_line) and not _THEMATIC_BREAK.fullmatch(stripped):
            if (done := flush()) is not None:
                yield done
            yield RawBlock(kind="heading", text=stripped, level=1 if next_line[0] == "=" else 2)
            index += 1
            continue
        if _TABLE_ROW.fullmatch(line):
            if (done := flush()) is not None:
                yield done
            yield RawBlock(kind="row", text=stripped)
            continue
        atx = _ATX_HEADING.fullmatch(stripped)
        end_mark = _END_MARK.fullmatch(stripped)
        if atx is not None or end_mark is not None or _THEMATIC_BREAK.fullmatch(stripped):
            if (done := flush()) is not None:
                yield done
            if atx is not None:
                yield RawBlock(
                    kind="heading",
                    text=atx.group(2).strip(),
                    level=len(atx.group(1)),
                )
            elif end_mark is not None:
                yield RawBlock(kind="end", text=stripped)
            continue
        bullet = _BULLET.match(line) or _NUMBERED.match(line)
        if bullet is not None or _SPEAKER_TURN.match(stripped):
            if (done := flush()) is not None:
                yield done
            if bullet is not None:
                pending_kind = "item"
                pending_ordered = bullet.re is _NUMBERED
                pending.append(line[bullet.end() :] if not pending_ordered else stripped)
            else:
                pending_kind = "text"
                pending_ordered = False
                pending.append(stripped)
            continue
        if pending and (
            (pending_kind == "item" and line[:1] in " \t")
            or _continues(pending[-1].rstrip(), stripped, width)
        ):
            pending.append(stripped)
            continue
        if (done := flush()) is not None:
            yield done
        pending_kind = "text"
        pending_ordered = False
        pending.append(stripped)
    if (done := flush()) is not None:
        yield done
