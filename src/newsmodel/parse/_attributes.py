"""Whether a page has a tag with more attributes than a limit, before lxml parses it.

libxml2 (2.14) spends time quadratic in the number of attributes of one tag, and lxml's
``element.items()`` too: a 16 MB page of one tag would take hours. The check follows the HTML5
tokenizer as libxml2 implements it, so that what it counts is never less than what libxml2 builds:
raw text by element name whatever the context (libxml2 has no foreign content), script data with
its escaped and double-escaped states, no raw text after a self-closing ``<script/>``, comments
ending at ``-->`` or ``--!>``. It may count more (attributes of end tags, duplicates, a tag cut off
by the end of the page).

The C version (``newsmodel._speedups.attributes_over``) reads the page's UTF-8 bytes; the Python
version here, for ``NEWSMODEL_PURE_PYTHON=1`` or a build without the extension, reads the text.
Both give the same answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .._extensions import import_extension

__all__ = ["attributes_over", "c_attributes_over", "py_attributes_over"]

_WS = "\t\n\f\r "
# One attribute from the "before attribute name" state: a name (which may start with "="), then
# maybe a value. Every quantifier is possessive: the grammar never needs to give characters back,
# and backtracking nested quantifiers would take exponential time on hostile input.
_ATTRIBUTE = (
    rf"[^{_WS}/>][^{_WS}/>=]*+"
    rf"(?:[{_WS}]*+=[{_WS}]*+(?:\"[^\"]*+\"?|'[^']*+'?|[^{_WS}>]*+))?+"
)
_RAW_NAMES = "script|style|xmp|iframe|noembed|noframes|textarea|title|plaintext"
_RAW_START = rf"(?i:{_RAW_NAMES})(?=[{_WS}/>]|\Z)"


def _tag_rest(limit: int) -> str:
    """A tag after its name's first letter, with at most ``limit`` attributes."""
    return rf"[^{_WS}/>]*+(?:[{_WS}/]*+{_ATTRIBUTE}){{0,{limit}}}+([{_WS}/]*+)(>|\Z)"


@lru_cache(maxsize=4)
def _patterns(limit: int) -> tuple[re.Pattern[str], re.Pattern[str]]:
    tag = _tag_rest(limit)
    # Everything up to the next tag that needs a look from Python: a raw-text start tag or a tag
    # with more than ``limit`` attributes (where no alternative matches), or the end of the page.
    ordinary = re.compile(
        r"(?:[^<]++"
        r"|<!--(?:-?>|.*?--!?>|.*+)"
        r"|<[!?][^>]*+>?"
        rf"|</(?:\Z|>|[^a-zA-Z>][^>]*+>?|[a-zA-Z]{tag})"
        rf"|<(?!{_RAW_START})[a-zA-Z]{tag}"
        r"|<(?![a-zA-Z/!?]))*+",
        re.ASCII | re.DOTALL,
    )
    raw_start = re.compile(rf"<({_RAW_START}){tag}", re.ASCII)
    return ordinary, raw_start


_RAW_END = {
    name: re.compile(rf"</{name}(?=[{_WS}/>])", re.ASCII | re.IGNORECASE) for name in _RAW_NAMES.split("|")
}
# What changes the state of script data: "<!--" (escaped) and its end tag; in the escaped state
# "-->" (back to data), the end tag, or "<script" (double-escaped); in that state "-->" or
# "</script" (back to escaped).
_SCRIPT_DATA = re.compile(rf"<!--|</script(?=[{_WS}/>])", re.ASCII | re.IGNORECASE)
_SCRIPT_ESCAPED = re.compile(rf"-->|</script[{_WS}/>]|<script[{_WS}/>]", re.ASCII | re.IGNORECASE)
_SCRIPT_DOUBLE_ESCAPED = re.compile(rf"-->|</script[{_WS}/>]", re.ASCII | re.IGNORECASE)


def _script_end(text: str, pos: int) -> int:
    """Where the script starting at ``pos`` ends: the "<" of its end tag, or the end of the page."""
    found = _SCRIPT_DATA.search(text, pos)
    while found is not None:
        if found[0] != "<!--":
            return found.start()
        # "<!--" leaves the tokenizer in the "escaped dash dash" state: "<!-->" ends it at once.
        found = _SCRIPT_ESCAPED.search(text, found.start() + 2)
        while found is not None and found[0] != "-->":
            if found[0][1] == "/":
                return found.start()
            found = _SCRIPT_DOUBLE_ESCAPED.search(text, found.end())
            if found is not None and found[0] != "-->":
                found = _SCRIPT_ESCAPED.search(text, found.end())
        if found is None:
            break
        found = _SCRIPT_DATA.search(text, found.end())
    return len(text)


def py_attributes_over(text: str, limit: int) -> bool:
    """Whether a tag of the page has more than ``limit`` attributes (pure Python)."""
    if limit < 0:
        raise ValueError(f"limit must not be negative: {limit}")
    ordinary, raw_start = _patterns(limit)
    pos = 0
    end = len(text)
    while True:
        pos = ordinary.match(text, pos).end()  # type: ignore[union-attr]  # it matches "" at least
        if pos >= end:
            return False
        tag = raw_start.match(text, pos)
        if tag is None:  # every other tag matches an ordinary alternative unless it is over
            return True
        pos = tag.end()
        if not tag[3]:  # cut off by the end of the page
            return False
        if tag[2].endswith("/"):  # self-closing: libxml2 opens no raw text
            continue
        name = tag[1].lower()
        if name == "plaintext":
            return False
        if name == "script":
            pos = _script_end(text, pos)
        else:
            found = _RAW_END[name].search(text, pos)
            pos = end if found is None else found.start()


def _load_c() -> Callable[[bytes, int], bool] | None:
    """The C version, unless turned off (NEWSMODEL_PURE_PYTHON) or not built."""
    _speedups = import_extension("_speedups")
    if _speedups is None:
        return None
    # A build of the extension from before the check was added.
    check: Callable[[bytes, int], bool] | None = getattr(_speedups, "attributes_over", None)
    return check


# None runs the Python version; the tests switch it off and on to compare both.
c_attributes_over = _load_c()


def attributes_over(text: str, data: bytes | None, limit: int) -> bool:
    """Whether a tag of the page has more than ``limit`` attributes.

    ``data`` is ``text`` as UTF-8 when the caller has it already (the C version reads bytes).
    """
    if c_attributes_over is None:
        return py_attributes_over(text, limit)
    if data is None:
        data = text.encode("utf-8", "surrogatepass")
    return c_attributes_over(data, limit)
