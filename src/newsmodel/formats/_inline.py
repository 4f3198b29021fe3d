"""Stand-off inline annotations to nested XML markup and back, for XHTML and NITF paragraphs.

The model keeps quotes and marks as offsets into a paragraph's text; they may nest, overlap,
touch, be empty, or share a span. XML needs properly nested elements, so the writer splits the
text at every annotation boundary and opens and closes elements as annotations start and end:
an annotation that crosses another is written as several *fragments*. Each fragment carries a
``class`` token naming its annotation (``nm-q0`` is the paragraph's first quote, ``nm-m2`` its
third mark), so the reader can join the fragments again and restore the exact offsets and order.
Markup from other producers has no such tokens: each element is then one annotation.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any, Literal

import attrs
from lxml import etree

from ..model import Link, Mark, Paragraph, Quote
from . import _construct
from ._xml import NewsModelWarning, escape_text

__all__ = ["InlineKind", "Span", "read_inline", "write_inline"]

InlineKind = str  # "quote", "link", "emphasis" or "" (not an annotation: only its text counts)

# At most nine digits: int() refuses thousands of them (a ValueError, not a report), and no
# paragraph holds a billion quotes.
_KEY = re.compile(r"\Anm-([qm])(\d{1,9})\Z")


# Gives the start and end tags of one fragment of an annotation, given its class key.
TagMaker = Callable[[Quote | Mark, str], tuple[str, str]]
_NEST = '<span class="nm-nest">'


# One annotation while writing: start, end, order (quotes first, then marks), the value, its class key.
_Annotation = tuple[int, int, int, "Quote | Mark", str]


def _tags(annotation: _Annotation, inside: _Annotation | None, make: TagMaker) -> tuple[str, str]:
    value = annotation[3]
    start, end = make(value, annotation[4])
    if inside is not None and type(value) is Link and type(inside[3]) is Link:
        # XHTML forbids <a> directly inside <a>; overlapping links nest through a span.
        return _NEST + start, end + "</span>"
    return start, end


# Class keys of the first annotations, formatted once.
_Q_KEYS = tuple(f"nm-q{i}" for i in range(32))
_M_KEYS = tuple(f"nm-m{i}" for i in range(32))


def write_inline(out: list[str], paragraph: Paragraph, make: TagMaker) -> None:
    """Append the paragraph's text to ``out`` as XML, its quotes and marks as nested elements."""
    text = paragraph.text
    quotes, marks = paragraph.quotes, paragraph.marks
    if not quotes and not marks:
        out.append(escape_text(text))
        return
    # (start, end, order, value, key), the order (quotes first, then marks, in tuple order) unique,
    # so the values themselves are never compared.
    spans: list[tuple[int, int, int, Quote | Mark, str]] = [
        (q.start, q.end, i, q, _Q_KEYS[i] if i < 32 else f"nm-q{i}") for i, q in enumerate(quotes)
    ]
    offset = len(spans)
    spans += [
        (m.start, m.end, offset + i, m, _M_KEYS[i] if i < 32 else f"nm-m{i}") for i, m in enumerate(marks)
    ]
    spans.sort()
    written = 0
    for start, end, _, _, _ in spans:
        if start < written or start == end:
            break
        written = end
    else:
        # The usual paragraph: no annotation is empty or inside or across another, so text and
        # elements simply alternate (what the general writers below write for it, only sooner).
        _write_flat(out, text, spans, make)
        return
    # Sorted as (start, empty first, longer first, quotes before marks, tuple order).
    nested = [(start, start != end, -end, order, value, key) for start, end, order, value, key in spans]
    nested.sort()
    if not _write_nested(out, text, nested, make):
        annotations: list[_Annotation] = [(a[0], -a[2], a[3], a[4], a[5]) for a in nested]
        # Outer-first: earlier start, then longer span, then quotes before marks, then tuple order.
        annotations.sort(key=lambda a: (a[0], -a[1], a[2]))
        _write_fragments(out, text, annotations, make)


def _needs_escape(text: str) -> bool:
    # Most paragraphs need no escaping at all: one test of the whole text spares one per piece.
    return "&" in text or "<" in text or ">" in text or "\r" in text


def _write_flat(
    out: list[str], text: str, spans: list[tuple[int, int, int, Quote | Mark, str]], make: TagMaker
) -> None:
    escape = _needs_escape(text)
    append = out.append
    written = 0
    for start, end, _, value, key in spans:
        start_tag, end_tag = make(value, key)
        if escape:
            append(escape_text(text[written:start]))
            append(start_tag)
            append(escape_text(text[start:end]))
        else:
            append(text[written:start])
            append(start_tag)
            append(text[start:end])
        append(end_tag)
        written = end
    append(escape_text(text[written:]) if escape else text[written:])


def _write_nested(
    out: list[str], text: str, nested: list[tuple[int, bool, int, int, Quote | Mark, str]], make: TagMaker
) -> bool:
    """The common case in one pass: no two annotations cross, so each is exactly one element.

    Writes exactly what :func:`_write_fragments` would write for such a paragraph, at a fraction
    of its cost (it scans every annotation at every boundary). Returns ``False``, having written
    nothing, when two annotations cross.
    """
    escape = _needs_escape(text)
    mark = len(out)
    append = out.append
    stack: list[tuple[int, str, Quote | Mark]] = []  # open elements: end offset, end tag, value
    written = 0
    for here, non_empty, negative_end, _, value, key in nested:
        while stack and stack[-1][0] <= here:
            end, end_tag, _ = stack.pop()
            if written < end:
                append(escape_text(text[written:end]) if escape else text[written:end])
                written = end
            append(end_tag)
        if written < here:
            append(escape_text(text[written:here]) if escape else text[written:here])
            written = here
        start_tag, end_tag = make(value, key)
        if stack and type(value) is Link and type(stack[-1][2]) is Link:
            # XHTML forbids <a> directly inside <a>; overlapping links nest through a span.
            start_tag, end_tag = _NEST + start_tag, end_tag + "</span>"
        if not non_empty:
            # Sorted first among those starting here: inside what is open, before the others open.
            append(start_tag + end_tag)
            continue
        end = -negative_end
        if stack and end > stack[-1][0]:
            del out[mark:]
            return False
        append(start_tag)
        stack.append((end, end_tag, value))
    while stack:
        end, end_tag, _ = stack.pop()
        if written < end:
            append(escape_text(text[written:end]) if escape else text[written:end])
            written = end
        append(end_tag)
    if written < len(text):
        append(escape_text(text[written:]) if escape else text[written:])
    return True


def _write_fragments(out: list[str], text: str, annotations: list[_Annotation], make: TagMaker) -> None:
    """Write crossing annotations as fragments: split at every boundary, reopen what continues."""
    spans = [a for a in annotations if a[0] < a[1]]
    empty_at: dict[int, list[_Annotation]] = {}
    for a in annotations:
        if a[0] == a[1]:
            empty_at.setdefault(a[0], []).append(a)
    boundaries = sorted({0, len(text), *(a[0] for a in annotations), *(a[1] for a in annotations)})
    stack: list[tuple[_Annotation, str]] = []

    for here, after in zip(boundaries, [*boundaries[1:], -1], strict=True):
        active = [a for a in spans if a[0] <= here and after <= a[1]] if after != -1 else []
        common = 0
        while common < len(stack) and common < len(active) and stack[common][0] is active[common]:
            common += 1
        while len(stack) > common:
            out.append(stack.pop()[1])
        if empty_at:
            for a in empty_at.get(here, ()):
                start, end = _tags(a, stack[-1][0] if stack else None, make)
                out.append(start + end)
        for a in active[common:]:
            start, end = _tags(a, stack[-1][0] if stack else None, make)
            out.append(start)
            stack.append((a, end))
        if after != -1:
            out.append(escape_text(text[here:after]))


@attrs.define
class Span:
    """What a reader's classifier says about one element: which annotation it is a fragment of."""

    kind: InlineKind
    value: dict[str, Any] = attrs.field(factory=dict)


@attrs.define
class _Found:
    kind: InlineKind
    start: int
    end: int
    order: tuple[int, int]
    value: dict[str, Any]


_BREAK = "\x00"  # stands for <br/> until whitespace is normalised; XML text can never hold it
_SPACE = frozenset(" \t\r\n")


def _normalise(raw: str) -> tuple[str, list[int]]:
    """Collapse whitespace runs as a browser would; return the text and a raw-to-new offset map."""
    out: list[str] = []
    mapping = [0] * (len(raw) + 1)
    pending_space = False
    for i, char in enumerate(raw):
        mapping[i] = len(out)
        if char in _SPACE:
            pending_space = True
            continue
        if char == _BREAK:
            while out and out[-1] == " ":
                out.pop()
            out.append("\n")
            pending_space = False
            mapping[i] = len(out) - 1
            continue
        if pending_space and out and out[-1] != "\n":
            out.append(" ")
            mapping[i] = len(out)
        pending_space = False
        out.append(char)
    mapping[len(raw)] = len(out)
    while out and out[-1] in " \n":
        out.pop()
    size = len(out)
    return "".join(out), [min(m, size) for m in mapping]


def read_inline(
    element: etree._Element,
    classify: Callable[[etree._Element], Span | None],
    *,
    verbatim: bool,
    where: str,
) -> Paragraph | None:
    """Read a paragraph-like element: its text, with quotes and marks from its descendants.

    ``classify`` says which descendants are annotations (and their attributes); ``None`` means
    the element does not count at all (its text is skipped), a ``Span`` of kind ``""`` that only
    its text counts, and ``"br"`` a line break. With ``verbatim`` (newsmodel's own documents) the
    text is kept exactly; otherwise layout whitespace is collapsed as a browser would. Returns
    ``None`` when the element has no text.
    """
    if not len(element):
        # The common case, a paragraph of plain text, needs none of the machinery below.
        plain = element.text or ""
        if not verbatim:
            plain = _normalise(plain)[0]
        return _construct.new_paragraph(plain, (), ()) if plain else None
    pieces: list[str] = []
    size = 0
    found: dict[str, _Found] = {}
    counter = 0
    # One entry per open element: its span (None: text only or skipped), start offset, document order.
    opened: list[tuple[Span | None, int, int]] = []
    walker = etree.iterwalk(element, events=("start", "end"))
    for event, node in walker:
        if event == "start":
            span = classify(node) if node is not element and isinstance(node.tag, str) else Span("")
            if span is None or span.kind == "br":
                walker.skip_subtree()
                if span is not None:
                    pieces.append("\n" if verbatim else _BREAK)
                    size += 1
                opened.append((None, size, 0))
                continue
            counter += 1
            opened.append((span if span.kind else None, size, counter))
            text = node.text
            if text:
                pieces.append(text)
                size += len(text)
            continue
        span, start, order = opened.pop()
        if node is element:
            break
        if span is not None:
            key = _key_of(node) or f"auto{order}"
            seen = found.get(key)
            if seen is None:
                found[key] = _Found(span.kind, start, size, _order_of(key, order), span.value)
            else:
                seen.start = min(seen.start, start)
                seen.end = max(seen.end, size)
        tail = node.tail
        if tail:
            pieces.append(tail)
            size += len(tail)
    raw = "".join(pieces)
    if verbatim:
        text = raw
        mapping: Sequence[int] | None = None
    else:
        text, mapping = _normalise(raw)
    if not text:
        return None
    quotes: list[Quote] = []
    marks: list[Mark] = []
    for item in sorted(found.values(), key=lambda f: f.order):
        if mapping is None:
            start, end = item.start, item.end
        else:
            start, end = mapping[item.start], mapping[item.end]
            # Layout spaces at a quote's or mark's edges belong to the sentence around it.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
        if item.kind == "quote":
            if start == end:
                warnings.warn(f"{where}: dropped an empty quotation", NewsModelWarning, stacklevel=4)
                continue
            speaker = item.value.get("speaker")
            kind = item.value.get("kind", "direct")
            quotes.append(
                _construct.new_quote(text[start:end], start, end, None if kind == "scare" else speaker, kind)
            )
        elif item.kind == "link":
            marks.append(_construct.new_link(start, end, item.value["href"], item.value.get("title")))
        elif item.kind == "emphasis":
            marks.append(_construct.new_emphasis(start, end, item.value["style"]))
    quotes.sort(key=lambda q: q.start)  # stable: ties keep their written order
    return _construct.new_paragraph(text, tuple(quotes), tuple(marks))


def _key_of(element: etree._Element) -> str | None:
    for token in (element.get("class") or "").split():
        if _KEY.match(token):
            return token
    return None


def _order_of(key: str, counter: int) -> tuple[int, int]:
    match = _KEY.match(key)
    if match is None:
        return (2, counter)  # another producer's markup: document order, after our own
    return (0 if match.group(1) == "q" else 1, int(match.group(2)))


_X = "{http://www.w3.org/1999/xhtml}"
# What newsmodel's own writer puts inside a paragraph, and the emphasis style of each tag.
_OWN_TAGS = {
    _X + "q": "",
    _X + "a": "",
    _X + "span": "",
    _X + "em": "emphasis",
    _X + "strong": "strong",
    _X + "code": "code",
}
_A = _X + "a"
# The writer nests at most one element per annotation; no real paragraph holds a hundred.
_OWN_DEPTH = 128


# A class attribute's value -> (key, quote?, index, rest) when its first token is an annotation
# key, else (). Writers repeat the same few values in every paragraph: one dict lookup each
# instead of a split and a regex match.
_OwnClass = tuple[str, bool, int, str] | tuple[()]
_OWN_CLASSES: dict[str, _OwnClass] = {}


def _own_class(value: str) -> _OwnClass:
    key, _, rest = value.partition(" ")
    match = _KEY.match(key)
    parsed: _OwnClass = (key, match.group(1) == "q", int(match.group(2)), rest) if match else ()
    # Values come from the input: the cache is bounded in entries and in the size of each.
    if len(_OWN_CLASSES) < 4096 and len(value) <= 64:
        _OWN_CLASSES[value] = parsed
    return parsed


# One annotation of an own paragraph: its index, whether a quote, its start and end, its first
# fragment, that fragment's tag and the rest of its class.
_OwnEntry = tuple[int, bool, int, int, etree._Element, str, str]
_BY_INDEX = itemgetter(0)


def read_own_inline(element: etree._Element) -> Paragraph | Literal[False] | None:
    """The fast path of :func:`read_inline` for the XHTML newsmodel itself writes (text kept exactly).

    Returns ``False`` when the element holds anything the writer never produces, so the caller
    falls back to the general reader.
    """
    if not len(element):
        plain = element.text or ""
        return _construct.new_paragraph(plain, (), ()) if plain else None
    pieces: list[str] = []
    entries: list[_OwnEntry] = []
    size = _walk_own(element, pieces, entries, {}, 0)
    if size < 0:
        return False
    text = "".join(pieces)
    if not text:
        return None
    if len(entries) > 1:
        # By index; ties (keys written differently, e.g. nm-m1 and nm-m01) keep document order.
        entries.sort(key=_BY_INDEX)
    quotes: list[Quote] = []
    marks: list[Mark] = []
    for _, is_quote, start, end, node, tag, rest in entries:
        if is_quote:
            quotes.append(
                _construct.new_quote(text[start:end], start, end, node.get("title"), rest or "direct")
            )
        elif tag == _A:
            marks.append(_construct.new_link(start, end, node.get("href", ""), node.get("title")))
        else:
            style = _OWN_TAGS.get(tag) or rest
            marks.append(_construct.new_emphasis(start, end, style))
    return _construct.new_paragraph(text, tuple(quotes), tuple(marks))


def _walk_own(
    parent: etree._Element,
    pieces: list[str],
    entries: list[_OwnEntry],
    keys: dict[str, int],
    size: int,
    depth: int = 0,
) -> int:
    """Collect ``parent``'s text into ``pieces`` and its annotations into ``entries``.

    ``keys`` maps each annotation key seen to its place in ``entries``. Returns the text size
    after ``parent`` (without its tail), or -1 at an element newsmodel's writer never produces.
    Markup nested deeper than the writer ever nests it also gives -1, so the recursion stays far
    from Python's limit whatever tree the caller built; the general reader, which does not
    recurse, takes such a paragraph.
    """
    text = parent.text
    if text:
        pieces.append(text)
        size += len(text)
    for node in parent:
        tag = node.tag
        if tag not in _OWN_TAGS:
            return -1
        start = size
        if len(node):
            if depth >= _OWN_DEPTH:
                return -1
            size = _walk_own(node, pieces, entries, keys, size, depth + 1)
            if size < 0:
                return -1
        else:
            text = node.text
            if text:
                pieces.append(text)
                size += len(text)
        value = node.get("class")
        if value is not None:
            parsed = _OWN_CLASSES.get(value)
            if parsed is None:
                parsed = _own_class(value)
            if parsed:
                key, is_quote, index, rest = parsed
                at = keys.get(key)
                if at is None:
                    keys[key] = len(entries)
                    entries.append((index, is_quote, start, size, node, tag, rest))
                else:
                    # Fragments come in document order: the last one ends the annotation.
                    first = entries[at]
                    entries[at] = (first[0], first[1], first[2], size, first[4], first[5], first[6])
        tail = node.tail
        if tail:
            pieces.append(tail)
            size += len(tail)
    return size
