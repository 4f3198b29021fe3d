"""Pair the quotation marks of one paragraph into top-level quoted spans.

Every convention newsmodel reads is handled by one left-to-right pass with a stack:
English “…” and "…", British ‘…’ with “…” nested, German „…“ and ‚…‘, French «…» (with
or without no-break spaces inside), »…« and ‹…›, CJK 「…」, NYT-style ''…'' and ``…''.
Apostrophes (don't, rock ’n’ roll, ’90s, the Joneses’) are told apart from single quote
marks by what surrounds them. Only the outermost quotes are returned: a nested quote stays
inside its outer quote.

The pass looks at each mark once and at a fixed window around it, so it runs in linear time.
"""

from __future__ import annotations

import re
from typing import NamedTuple

__all__ = ["MarkedSpan", "find_marked_spans"]

# Doubled apostrophes and backticks are one double mark; a lone backtick is none. Written as
# one character class followed by checks behind it, so the regex engine finds candidates with
# its fast first-character scan rather than trying every position.
_MARK = re.compile(
    "[`'\"\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a\u300c\u300d\u300e\u300f]"
    "(?:(?<=')'?|(?<=`)`|(?<=[^'`]))"
)

# Which closing marks may close each opening mark.
_CLOSERS: dict[str, str] = {
    "\u201c": "\u201d\u201c",  # “ … ” (and a sloppy “ … “)
    "\u201e": "\u201c\u201d",  # „ … “  (German) or „ … ”  (Polish, Romanian)
    "\u201f": "\u201d",
    "\u201d": "\u201d",  # ” … ”  (Swedish, Finnish)
    '"': '"\u201d',
    "``": "''\u201d",
    "''": "''",
    "\u00ab": "\u00bb",  # « … »
    "\u00bb": "\u00ab",  # » … «  (German, Danish)
    "\u2018": "\u2019'",  # ‘ … ’
    "\u201a": "\u2018\u2019",  # ‚ … ‘  (German)
    "\u201b": "\u2019",
    "'": "'\u2019",
    "\u2039": "\u203a",  # ‹ … ›
    "\u203a": "\u2039",  # › … ‹
    "\u300c": "\u300d",  # 「 … 」
    "\u300e": "\u300f",  # 『 … 』
}
_SINGLE = frozenset("'\u2018\u2019\u201a\u201b\u2039\u203a\u300e\u300f")
# Marks that only ever open, whatever surrounds them.
_ALWAYS_OPEN = frozenset("\u201e\u201a\u300c\u300e\u201f\u201b")
_ALWAYS_CLOSE = frozenset("\u300d\u300f")
# Guillemets point either way (« … » in French, » … « in German) and take spaces inside them,
# so they open or close by what is pending, not by the spaces around them.
_GUILLEMETS = frozenset("\u00ab\u00bb\u2039\u203a")
_OPEN_GUILLEMETS = frozenset("\u00ab\u2039")
# Words that start with an elided letter: ’em, ’til, ’tis, ’cause …
_ELISION = re.compile(r"(?:em|til|tis|twas|cause|bout|round|n)\b|\d\ds?\b", re.IGNORECASE)
_OPEN_CONTEXT = frozenset("([{\u2014\u2013-/")
_SENTENCE_END = re.compile(r"[.!?]")
# Real quotes nest two or three deep; a bound keeps a run of stray marks from costing n².
_MAX_DEPTH = 8
_SPACES = " \t\n\r\u00a0\u202f\u2009\u2007\u3000"


class MarkedSpan(NamedTuple):
    """A top-level quoted span: the marks' offsets and the quoted words' offsets between them."""

    open_start: int
    start: int
    end: int
    close_end: int
    closed: bool


class _Open:
    __slots__ = ("end", "fallback", "mark", "pos", "sealed")

    def __init__(self, mark: str, pos: int) -> None:
        self.mark = mark
        self.pos = pos
        self.end = pos + len(mark)
        # A possessive-looking ’ (the Joneses’ car) that closes this quote only if nothing better does.
        self.fallback: int | None = None
        self.sealed = False  # a sentence ended after the fallback: it stays


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """Return the outermost quoted spans of ``text`` in order; an unclosed one runs to the end."""
    stack: list[_Open] = []
    spans: list[MarkedSpan] = []
    size = len(text)
    for match in _MARK.finditer(text):
        mark = match.group()
        pos = match.start()
        end = match.end()
        before = text[pos - 1] if pos else ""
        after = text[end] if end < size else ""
        if mark in ("'", "\u2019") and _is_word(before) and _is_word(after):
            continue  # don't, O’Donoghue
        if mark in ("'", "\u2019", "\u2018") and not _is_word(before) and _ELISION.match(text, end, end + 4):
            continue  # rock ’n’ roll, ’90s, ’em
        left_flanking = (
            bool(after)
            and after not in _SPACES
            and (not before or before in _SPACES or before in _OPEN_CONTEXT or before in _CLOSERS)
        )
        right_flanking = bool(before) and before not in _SPACES and not _is_word(after)
        if (
            stack
            and mark not in _ALWAYS_OPEN
            and _try_close(stack, spans, text, mark, pos, left_flanking, right_flanking)
        ):
            continue
        opens = (
            mark in _ALWAYS_OPEN
            or mark in _OPEN_GUILLEMETS
            or (mark not in _ALWAYS_CLOSE and mark != "\u2019" and left_flanking)
        )
        if opens and len(stack) < _MAX_DEPTH:
            stack.append(_Open(mark, pos))
    # What is still open never closed: a single mark closes at its fallback, if it has one, and the
    # outermost double mark is a quote running on into the next paragraph.
    for entry in stack:
        if entry.fallback is not None:
            _add(spans, text, entry, entry.fallback, entry.fallback + 1, closed=True)
    for entry in stack:
        if entry.mark not in _SINGLE:
            _add(spans, text, entry, size, size, closed=False)
            break
    return _outermost(spans)


def _try_close(
    stack: list[_Open], spans: list[MarkedSpan], text: str, mark: str, pos: int, left: bool, right: bool
) -> bool:
    """Close the innermost open quote ``mark`` can close; return whether it did."""
    depth = _matching_depth(stack, mark)
    if depth is None or not (mark in _ALWAYS_CLOSE or mark in _GUILLEMETS or right or not left):
        return False
    entry = stack[depth]
    if mark in _SINGLE and entry.mark in _SINGLE and _looks_possessive(text, pos, pos + len(mark)):
        # Of several, the last one in the sentence: "‘aware of residents’ concerns’ and …".
        if entry.fallback is None:
            entry.fallback = pos
        elif not entry.sealed:
            if _SENTENCE_END.search(text, entry.fallback, pos):
                entry.sealed = True
            else:
                entry.fallback = pos
        return True
    while len(stack) > depth + 1:  # marks opened inside this quote that never closed
        inner = stack.pop()
        if inner.fallback is not None:
            _add(spans, text, inner, inner.fallback, inner.fallback + 1, closed=True)
    stack.pop()
    _add(spans, text, entry, pos, pos + len(mark), closed=True)
    return True


def _matching_depth(stack: list[_Open], mark: str) -> int | None:
    for depth in range(len(stack) - 1, -1, -1):
        if mark in _CLOSERS[stack[depth].mark]:
            return depth
    return None


def _looks_possessive(text: str, pos: int, end: int) -> bool:
    """A ’ after an s and before a lower-case word (the Joneses’ car) is probably an apostrophe."""
    if pos == 0 or text[pos - 1] not in "sS":
        return False
    return text[end : end + 1] == " " and text[end + 1 : end + 2].islower()


def _add(
    spans: list[MarkedSpan], text: str, entry: _Open, close_start: int, close_end: int, *, closed: bool
) -> None:
    start, end = entry.end, close_start
    # The no-break spaces French puts inside « » belong to the marks, not to the quoted words.
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append(MarkedSpan(entry.pos, start, end, close_end, closed))


def _outermost(spans: list[MarkedSpan]) -> list[MarkedSpan]:
    """Keep the spans no other span contains (nested quotes stay inside their outer quote)."""
    spans.sort(key=lambda s: (s.open_start, -s.close_end))
    kept: list[MarkedSpan] = []
    reach = -1
    for span in spans:
        if span.open_start >= reach:
            kept.append(span)
            reach = span.close_end
    return kept
