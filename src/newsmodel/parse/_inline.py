"""Collect the inline content of HTML into plain text with stand-off marks and quote spans.

Whitespace is collapsed as a browser would while the text is collected, so every offset is
an offset into the final text and nothing has to be shifted afterwards.
"""

from __future__ import annotations

import re

import attrs

from ..model import _XML_UNSAFE, Emphasis, EmphasisStyle, Link, Mark

__all__ = ["Collected", "InlineText", "clean_text", "strip_unsafe"]

# A run of ASCII whitespace that is not already a single space: what collapsing changes. Lone
# spaces between words (most of any text) are then no matches, each of which would cost a
# replacement; the lookarounds keep the fast first-character scan.
_WHITESPACE = re.compile(r"[ \t\n\r\f\v](?:(?<=[\t\n\r\f\v])|(?=[ \t\n\r\f\v]))[ \t\n\r\f\v]*")
_ASCII_SPACE = " \t\n\r\f\v"
# The ASCII whitespace XML can carry (form feed and vertical tab it cannot).
_SAFE_SPACE = " \t\n\r"


def strip_unsafe(text: str) -> str:
    """Drop the characters XML 1.0 cannot carry, keeping everything else."""
    return _XML_UNSAFE.sub("", text) if _XML_UNSAFE.search(text) is not None else text


def clean_text(text: str) -> str:
    """Collapse whitespace runs to one space, drop characters XML cannot carry, and strip."""
    if text.isprintable():
        # Nothing to drop and nothing to collapse but double spaces (see InlineText.add).
        return (_WHITESPACE.sub(" ", text) if "  " in text else text).strip()
    if _XML_UNSAFE.search(text) is not None:
        text = _XML_UNSAFE.sub("", text)
    return _WHITESPACE.sub(" ", text).strip()


@attrs.define(slots=True)
class _OpenSpan:
    """A mark or quote whose element is being read; ``start`` is set at its first character."""

    kind: str  # "link", an emphasis style, or "q"
    href: str | None = None
    title: str | None = None
    start: int | None = None


@attrs.define(slots=True)
class Collected:
    """One paragraph's text with its marks and the spans of its ``<q>`` elements."""

    text: str
    marks: list[Mark]
    quote_spans: list[tuple[int, int]]


class InlineText:
    """A growing paragraph: append text, open and close spans, take the result."""

    __slots__ = (
        "_last",
        "_marks",
        "_open",
        "_parts",
        "_pending_space",
        "_quote_spans",
        "length",
    )

    def __init__(self) -> None:
        self._parts: list[str] = []
        # Characters collected since the last take() (read-only outside): with none, take() has
        # nothing to give, and the state left for the next paragraph is as good as new.
        self.length = 0
        self._last = ""
        self._pending_space = False
        self._open: list[_OpenSpan] = []
        self._marks: list[Mark] = []
        self._quote_spans: list[tuple[int, int]] = []

    def add(self, text: str | None) -> None:
        """Append text, collapsing whitespace with what came before."""
        if not text:
            return
        core = text.strip(_SAFE_SPACE)
        if not core:
            # Only the indentation between tags (the most common text node): a space at most.
            self._pending_space = True
            return
        if core.isprintable():
            # isprintable() refuses every character XML cannot carry (controls, noncharacters,
            # surrogates) and every whitespace but the space, and what was stripped off is
            # whitespace XML can carry: the text needs no scan for those characters, and no
            # collapsing unless it holds a double space. Collapsing and then stripping the
            # spaces left at the ends is collapsing the stripped text.
            if "  " in core:
                core = _WHITESPACE.sub(" ", core)
            leading = text[0] in _SAFE_SPACE
            trailing = text[-1] in _SAFE_SPACE
        else:
            if not text.strip(_ASCII_SPACE):
                self._pending_space = True
                return
            if _XML_UNSAFE.search(text) is not None:
                text = _XML_UNSAFE.sub("", text)
            collapsed = _WHITESPACE.sub(" ", text)
            core = collapsed.strip(" ")
            if not core:
                if collapsed:
                    self._pending_space = True
                return
            leading = collapsed[0] == " "
            trailing = collapsed[-1] == " "
        length = self.length
        if (leading or self._pending_space) and length and self._last not in " \n":
            self._parts.append(" ")
            length += 1
        for span in self._open:
            if span.start is None:
                span.start = length
        self._parts.append(core)
        self.length = length + len(core)
        self._last = core[-1]
        self._pending_space = trailing

    def space(self) -> None:
        """Separate what follows from what came before (a block boundary inside inline content)."""
        self._pending_space = True

    def line_break(self) -> bool:
        """Add a ``<br>``; return True when it is the second in a row (a paragraph break)."""
        self._pending_space = False
        if not self.length:
            return False
        if self._last == "\n":
            self._parts.pop()
            self.length -= 1
            self._last = self._parts[-1][-1] if self._parts else ""
            return True
        self._emit("\n")
        return False

    def open(self, kind: str, href: str | None = None, title: str | None = None) -> _OpenSpan:
        """Start a mark (``"link"`` or an emphasis style) or a ``"q"`` quote span."""
        span = _OpenSpan(kind=kind, href=href, title=title)
        self._open.append(span)
        return span

    def close(self, span: _OpenSpan) -> None:
        """End a span opened with open(); a span that covered no text is dropped."""
        self._open.remove(span)
        self._record(span, self.length)

    def _record(self, span: _OpenSpan, end: int) -> None:
        if span.start is None:
            return
        while end > span.start and self._char_at(end - 1) in " \n":
            end -= 1
        if end <= span.start:
            return
        if span.kind == "q":
            self._quote_spans.append((span.start, end))
        elif span.kind == "link":
            assert span.href is not None
            self._marks.append(Link(start=span.start, end=end, href=span.href, title=span.title))
        else:
            style: EmphasisStyle = span.kind  # type: ignore[assignment]
            self._marks.append(Emphasis(start=span.start, end=end, style=style))

    def _char_at(self, index: int) -> str:
        # Only ever asked about the last character or two, so look from the end.
        offset = self.length
        for part in reversed(self._parts):
            offset -= len(part)
            if index >= offset:
                return part[index - offset]
        return ""

    def _emit(self, text: str) -> None:
        self._parts.append(text)
        self.length += len(text)
        self._last = text[-1]

    def take(self) -> Collected | None:
        """The paragraph collected so far (None if it has no text); start a new one.

        Spans still open continue in the next paragraph.
        """
        if not self._parts:
            # Nothing since the last take: no span has started, nothing is recorded.
            self._pending_space = False
            return None
        for span in self._open:
            self._record(span, self.length)
            span.start = None
        text = "".join(self._parts)
        result = None
        stripped = text.rstrip(" \n")
        if stripped:
            size = len(stripped)
            marks = self._marks
            if marks:
                marks = [m for m in marks if m.end <= size]
            spans = self._quote_spans
            if spans:
                spans = [s for s in spans if s[1] <= size]
            result = Collected(text=stripped, marks=marks, quote_spans=spans)
        self._parts = []
        self.length = 0
        self._last = ""
        self._pending_space = False
        self._marks = []
        self._quote_spans = []
        return result
