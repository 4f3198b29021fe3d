"""Positional constructors for the objects the XML readers build most: C when available, else Python.

Also the C writer of a paragraph's XHTML (:data:`xhtml_inline`), switched with them.

Each ``new_*`` function is the class called with keywords (``new_quote(text, start, end, speaker,
kind)`` is ``Quote(text=text, start=start, end=end, speaker=speaker, kind=kind)``): the same object
or the same error. The C versions (newsmodel._speedups, configured by formats.json) skip the
keyword call and the Python ``__init__`` for values they fully validate and call the class for
anything else. Readers call them through this module (``_construct.new_quote(...)``) so that
:func:`use_speedups` switches every reader at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import Emphasis, Link, Paragraph, Quote, Section
from . import json as _json

__all__ = [
    "new_emphasis",
    "new_link",
    "new_paragraph",
    "new_quote",
    "new_section",
    "use_speedups",
    "xhtml_inline",
]


def _new_quote(text: str, start: int, end: int, speaker: str | None, kind: Any) -> Quote:
    return Quote(text=text, start=start, end=end, speaker=speaker, kind=kind)


def _new_link(start: int, end: int, href: str, title: str | None) -> Link:
    return Link(start=start, end=end, href=href, title=title)


def _new_emphasis(start: int, end: int, style: Any) -> Emphasis:
    return Emphasis(start=start, end=end, style=style)


def _new_paragraph(text: str, quotes: tuple[Quote, ...], marks: tuple[Link | Emphasis, ...]) -> Paragraph:
    return Paragraph(text=text, quotes=quotes, marks=marks)


def _new_section(heading: str | None, level: int, blocks: tuple[Any, ...]) -> Section:
    return Section(heading=heading, level=level, blocks=blocks)


new_quote: Callable[[str, int, int, str | None, Any], Quote] = _new_quote
new_link: Callable[[int, int, str, str | None], Link] = _new_link
new_emphasis: Callable[[int, int, Any], Emphasis] = _new_emphasis
new_paragraph: Callable[[str, tuple[Quote, ...], tuple[Link | Emphasis, ...]], Paragraph] = _new_paragraph
new_section: Callable[[str | None, int, tuple[Any, ...]], Section] = _new_section
# What write_inline(out, paragraph, _xhtml._tags) appends, or None to leave the paragraph to it; the
# XHTML writer calls it first when set (the C version takes paragraphs with no nested, crossing or
# empty annotation, the usual ones).
xhtml_inline: Callable[[Paragraph], str | None] | None = None


def use_speedups(on: bool) -> None:
    """Use the C constructors (if formats.json loaded and configured the C module) or the Python ones."""
    global new_quote, new_link, new_emphasis, new_paragraph, new_section, xhtml_inline
    speedups = _json._speedups if on else None
    if speedups is None:
        new_quote, new_link, new_emphasis = _new_quote, _new_link, _new_emphasis
        new_paragraph, new_section = _new_paragraph, _new_section
        xhtml_inline = None
    else:
        new_quote, new_link, new_emphasis = speedups.new_quote, speedups.new_link, speedups.new_emphasis
        new_paragraph, new_section = speedups.new_paragraph, speedups.new_section
        xhtml_inline = speedups.xhtml_inline


# formats.json decides (NEWSMODEL_PURE_PYTHON, a build that does not match the model...).
use_speedups(True)
