"""Inline Markdown (emphasis, code, strike-through, links) into plain text plus stand-off marks."""

from __future__ import annotations

import re

from ..model import Emphasis, EmphasisStyle, Link, Mark

__all__ = ["plain_text", "strip_inline_markup"]

# Every branch is bounded and anchored on its own delimiters, so a scan is linear in the text
# (times a small constant), whatever the input: no nested quantifiers that could backtrack.
_INLINE = re.compile(
    r"\[(?P<link>[^\[\]\n]{1,500})\]\((?P<href>[^()\s]{1,2000})(?:\s+\"(?P<title>[^\"\n]{0,300})\")?\)"
    r"|<(?P<autolink>https?://[^<>\s]{1,2000})>"
    r"|`(?P<code>[^`\n]{1,500})`"
    r"|\*\*(?P<strong>[^\s*](?:(?:[^*\n]|\*(?!\*)){0,1000}[^\s*])?)\*\*"
    r"|(?<!\w)__(?P<strong_>[^\s_](?:[^_\n]{0,1000}[^\s_])?)__(?!\w)"
    r"|~~(?P<strike>[^\s~](?:[^~\n]{0,1000}[^\s~])?)~~"
    r"|(?<![\w*])\*(?P<em>[^\s*](?:[^*\n]{0,1000}[^\s*])?)\*(?![\w*])"
    r"|(?<![\w_])_(?P<em_>[^\s_](?:[^_\n]{0,1000}[^\s_])?)_(?![\w_])"
)
_STYLES: dict[str, EmphasisStyle] = {
    "code": "code",
    "strong": "strong",
    "strong_": "strong",
    "strike": "strike",
    "em": "emphasis",
    "em_": "emphasis",
}


def strip_inline_markup(text: str) -> tuple[str, tuple[Mark, ...]]:
    """Remove inline Markdown from ``text``; return the plain text and the marks it carried.

    ``**strong**``, ``__strong__``, ``*em*``, ``_em_``, `` `code` ``, ``~~strike~~``,
    ``[text](href "title")`` and ``<https://…>`` become :class:`Emphasis` and :class:`Link`
    marks whose offsets point into the returned text. Anything else, including a lone ``*``
    or ``snake_case_words``, is kept as written.

    >>> text, marks = strip_inline_markup("A **bold** [claim](https://example.org).")
    >>> text
    'A bold claim.'
    >>> [(text[m.start : m.end], type(m).__name__) for m in marks]
    [('bold', 'Emphasis'), ('claim', 'Link')]
    """
    if (
        "*" not in text
        and "_" not in text
        and "`" not in text
        and "[" not in text
        and "<" not in text
        and "~" not in text
    ):
        return text, ()
    marks: list[Mark] = []
    plain = _strip(text, 0, marks)
    return plain, tuple(marks)


def _strip(text: str, offset: int, marks: list[Mark]) -> str:
    pieces: list[str] = []
    size = offset
    last = 0
    for match in _INLINE.finditer(text):
        before = text[last : match.start()]
        pieces.append(before)
        size += len(before)
        kind = match.lastgroup
        if kind in ("href", "title"):  # a link's lastgroup may be its href or title
            kind = "link"
        if kind == "autolink":
            inner = match.group("autolink")
            marks.append(Link(start=size, end=size + len(inner), href=inner))
        elif kind == "code":
            inner = match.group("code")
            marks.append(Emphasis(start=size, end=size + len(inner), style="code"))
        else:
            assert kind is not None
            inner_marks: list[Mark] = []
            inner = _strip(match.group(kind), size, inner_marks)
            if kind == "link":
                marks.append(
                    Link(
                        start=size,
                        end=size + len(inner),
                        href=match.group("href"),
                        title=match.group("title"),
                    )
                )
            else:
                marks.append(Emphasis(start=size, end=size + len(inner), style=_STYLES[kind]))
            marks.extend(inner_marks)
        pieces.append(inner)
        size += len(inner)
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces)


def plain_text(text: str) -> str:
    """``text`` without its inline Markdown and without surrounding whitespace."""
    return strip_inline_markup(text)[0].strip()
