"""The article model: frozen, slotted, keyword-only attrs classes that validate themselves.

An :class:`Article` holds metadata and :class:`Section` objects; a section holds *blocks*
(:class:`Paragraph`, :class:`ListBlock`, :class:`BlockQuote`, :class:`Figure`, :class:`Table`).
Inline structure is kept as stand-off annotations on a paragraph's plain text: quotations
(:class:`Quote`) and marks (:class:`Link`, :class:`Emphasis`) carry ``start``/``end`` offsets
into ``Paragraph.text``, so the text itself is never polluted with markup and every format can
rebuild its own markup from the offsets.

Every object is checked once, when it is built; an invalid value raises
:class:`~newsmodel.errors.ValidationError` naming the class, the field and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime
from typing import Any, Literal, TypeAlias

import attrs

from .errors import ValidationError

__all__ = [
    "Article",
    "AuthorProfile",
    "Block",
    "BlockQuote",
    "Emphasis",
    "Figure",
    "Link",
    "ListBlock",
    "Mark",
    "Paragraph",
    "Publisher",
    "Quote",
    "QuoteKind",
    "Section",
    "Subject",
    "Table",
]

QuoteKind: TypeAlias = Literal["direct", "partial", "block", "scare"]
EmphasisStyle: TypeAlias = Literal["emphasis", "strong", "code", "underline", "strike"]

QUOTE_KINDS: tuple[str, ...] = ("direct", "partial", "block", "scare")
EMPHASIS_STYLES: tuple[str, ...] = ("emphasis", "strong", "code", "underline", "strike")

# XML 1.0 cannot carry these at all (not even as character references), and every format we
# write must be able to carry every article, so the model refuses them at the door.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# A pragmatic BCP 47 shape check: language, then subtags of 1-8 alphanumerics.
_BCP47 = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*\Z")


# Set while building from input whose characters were already proven XML-safe as a whole (one scan
# of a JSON document instead of one per string); a ContextVar so no other thread or task is affected.
_CHARACTERS_CHECKED: ContextVar[bool] = ContextVar("newsmodel_characters_checked", default=False)


@contextmanager
def characters_already_checked() -> Iterator[None]:
    """Skip the per-string XML character check while building objects from pre-checked input."""
    token = _CHARACTERS_CHECKED.set(True)
    try:
        yield
    finally:
        _CHARACTERS_CHECKED.reset(token)


def xml_unsafe_characters(text: str) -> list[str]:
    """Return the characters of ``text`` that XML 1.0 cannot carry (empty if none)."""
    return _XML_UNSAFE.findall(text)


def _fail(obj: object, field: str, reason: str) -> ValidationError:
    return ValidationError(type(obj).__name__, field, reason)


def _check_str(
    obj: object, field: str, value: object, *, blank_ok: bool = True, empty_ok: bool = False
) -> None:
    if (
        type(value) is str
        and value
        and blank_ok
        and (_CHARACTERS_CHECKED.get() or not _XML_UNSAFE.search(value))
    ):
        return
    if not isinstance(value, str):
        raise _fail(obj, field, f"expected a str, got {type(value).__name__}")
    bad = None if _CHARACTERS_CHECKED.get() else _XML_UNSAFE.search(value)
    if bad is not None:
        raise _fail(
            obj,
            field,
            f"character U+{ord(bad.group()):04X} at index {bad.start()} cannot be carried by XML 1.0",
        )
    if (not value and not empty_ok) or (not blank_ok and value.isspace()):
        raise _fail(obj, field, "must not be empty" if not value else "must not be blank")


def _check_opt_str(obj: object, field: str, value: object) -> None:
    if value is not None:
        _check_str(obj, field, value)


def _check_items(obj: object, field: str, items: tuple[object, ...], kind: type | tuple[type, ...]) -> None:
    for i, item in enumerate(items):
        if not isinstance(item, kind):
            names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
            raise _fail(obj, f"{field}[{i}]", f"expected {names}, got {type(item).__name__}")


def _check_strs(obj: object, field: str, items: tuple[object, ...], *, empty_ok: bool = False) -> None:
    for i, item in enumerate(items):
        _check_str(obj, f"{field}[{i}]", item, empty_ok=empty_ok)


def _check_span(obj: object, start: object, end: object) -> None:
    if type(start) is not int or type(end) is not int:
        raise _fail(obj, "start", "start and end must be int")
    if not 0 <= start <= end:
        raise _fail(obj, "end", f"need 0 <= start <= end, got start={start}, end={end}")


def _check_aware(obj: object, field: str, value: object) -> None:
    if value is None:
        return
    if not isinstance(value, datetime):
        raise _fail(obj, field, f"expected a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise _fail(obj, field, "naive datetime: a timezone is required")


def _to_tuple(obj: object, field: str, value: object) -> tuple[Any, ...]:
    """Return ``value`` as a tuple: lists and other iterables are accepted for tuple fields."""
    if type(value) is tuple:
        return value
    # A str is iterable too; taking it as a sequence of characters would hide a caller's bug.
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise _fail(obj, field, f"expected a sequence, got {type(value).__name__}")
    return tuple(value)


def _as_tuple(obj: object, field: str) -> tuple[Any, ...]:
    """Return the field's value as a tuple, storing the tuple if a list or other iterable was given."""
    value = getattr(obj, field)
    if type(value) is tuple:
        return value
    value = _to_tuple(obj, field, value)
    object.__setattr__(obj, field, value)
    return value


def _slot_setters(cls: type, names: str) -> tuple[Callable[[object, object], None], ...]:
    """The setters of a slotted class's fields; they store past the frozen class's ``__setattr__``."""
    return tuple(cls.__dict__[name].__set__ for name in names.split())


def _check_quotes_in(obj: object, field: str, text: str, quotes: tuple[object, ...]) -> None:
    """Every quote holds exactly its words of ``text``, and they come in document order."""
    size = len(text)
    previous = 0
    for i, quote in enumerate(quotes):
        if type(quote) is not Quote:
            _check_items(obj, field, (quote,), Quote)
        assert isinstance(quote, Quote)
        if quote.end > size or text[quote.start : quote.end] != quote.text:
            raise _fail(
                obj,
                f"{field}[{i}]",
                f"offsets {quote.start}:{quote.end} do not hold the quote text {quote.text!r}",
            )
        if quote.start < previous:
            raise _fail(obj, f"{field}[{i}]", "quotes must be in document order (by start)")
        previous = quote.start


# --------------------------------------------------------------------------------------------
# Inline content


@attrs.frozen(kw_only=True, init=False)
class Quote:
    """A quotation inside a paragraph.

    ``text`` is the quoted words without the outer quote marks; ``start``/``end`` are the
    offsets of those words in the paragraph text, so ``paragraph.text[start:end] == text``.
    ``kind`` is ``"direct"`` (a full quoted statement), ``"partial"`` (quoted words woven into
    a sentence), ``"block"`` (a set-off block quotation) or ``"scare"`` (a quoted term or
    title that is nobody's speech; it never has a speaker).
    """

    text: str
    start: int
    end: int
    speaker: str | None = None
    kind: QuoteKind = "direct"

    # Quotes, marks and paragraphs are most of the objects every reader builds, so they check their
    # arguments in a hand-written __init__ before storing them (attrs' generated one stores first and
    # then calls __attrs_post_init__): the same checks at less than half the cost.
    def __init__(
        self, *, text: str, start: int, end: int, speaker: str | None = None, kind: QuoteKind = "direct"
    ) -> None:
        scan = not _CHARACTERS_CHECKED.get()
        if type(text) is not str or not text or (scan and _XML_UNSAFE.search(text)):
            _check_str(self, "text", text)
        if type(start) is not int or type(end) is not int or not 0 <= start <= end:
            _check_span(self, start, end)
        if end - start != len(text):
            raise _fail(self, "end", f"end - start ({end - start}) must equal len(text) ({len(text)})")
        if speaker is not None and (
            type(speaker) is not str or not speaker or (scan and _XML_UNSAFE.search(speaker))
        ):
            _check_str(self, "speaker", speaker)
        if kind not in QUOTE_KINDS:
            raise _fail(self, "kind", f"must be one of {', '.join(QUOTE_KINDS)}; got {kind!r}")
        if kind == "scare" and speaker is not None:
            raise _fail(self, "speaker", "a scare quote is nobody's speech and has no speaker")
        set_text, set_start, set_end, set_speaker, set_kind = _QUOTE_SETTERS
        set_text(self, text)
        set_start(self, start)
        set_end(self, end)
        set_speaker(self, speaker)
        set_kind(self, kind)


_QUOTE_SETTERS = _slot_setters(Quote, "text start end speaker kind")


@attrs.frozen(kw_only=True, init=False)
class Link:
    """A hyperlink over ``text[start:end]`` of its paragraph."""

    start: int
    end: int
    href: str
    title: str | None = None

    def __init__(self, *, start: int, end: int, href: str, title: str | None = None) -> None:
        if type(start) is not int or type(end) is not int or not 0 <= start <= end:
            _check_span(self, start, end)
        scan = not _CHARACTERS_CHECKED.get()
        if type(href) is not str or not href or (scan and _XML_UNSAFE.search(href)):
            _check_str(self, "href", href)
        if title is not None:
            _check_str(self, "title", title)
        set_start, set_end, set_href, set_title = _LINK_SETTERS
        set_start(self, start)
        set_end(self, end)
        set_href(self, href)
        set_title(self, title)


_LINK_SETTERS = _slot_setters(Link, "start end href title")


@attrs.frozen(kw_only=True, init=False)
class Emphasis:
    """Inline styling over ``text[start:end]`` of its paragraph."""

    start: int
    end: int
    style: EmphasisStyle = "emphasis"

    def __init__(self, *, start: int, end: int, style: EmphasisStyle = "emphasis") -> None:
        if type(start) is not int or type(end) is not int or not 0 <= start <= end:
            _check_span(self, start, end)
        if style not in EMPHASIS_STYLES:
            raise _fail(self, "style", f"must be one of {', '.join(EMPHASIS_STYLES)}; got {style!r}")
        set_start, set_end, set_style = _EMPHASIS_SETTERS
        set_start(self, start)
        set_end(self, end)
        set_style(self, style)


_EMPHASIS_SETTERS = _slot_setters(Emphasis, "start end style")


Mark: TypeAlias = Link | Emphasis


# --------------------------------------------------------------------------------------------
# Blocks


@attrs.frozen(kw_only=True, init=False)
class Paragraph:
    """A paragraph of plain text with its quotations and inline marks as stand-off offsets.

    Quotes are kept in document order (by ``start``); every quote and mark lies inside the
    text, and every quote's ``text`` is exactly the paragraph text between its offsets.
    """

    text: str
    quotes: tuple[Quote, ...] = ()
    marks: tuple[Mark, ...] = ()

    def __init__(self, *, text: str, quotes: Iterable[Quote] = (), marks: Iterable[Mark] = ()) -> None:
        if type(text) is not str or not text or (not _CHARACTERS_CHECKED.get() and _XML_UNSAFE.search(text)):
            _check_str(self, "text", text)
        if type(quotes) is not tuple:
            quotes = _to_tuple(self, "quotes", quotes)
        if type(marks) is not tuple:
            marks = _to_tuple(self, "marks", marks)
        if quotes:
            _check_quotes_in(self, "quotes", text, quotes)
        if marks:
            _check_marks_in(self, text, marks)
        set_text, set_quotes, set_marks = _PARAGRAPH_SETTERS
        set_text(self, text)
        set_quotes(self, quotes)
        set_marks(self, marks)


_PARAGRAPH_SETTERS = _slot_setters(Paragraph, "text quotes marks")


def _check_marks_in(obj: object, text: str, marks: tuple[object, ...]) -> None:
    size = len(text)
    for i, mark in enumerate(marks):
        if type(mark) is not Link and type(mark) is not Emphasis:
            _check_items(obj, "marks", (mark,), (Link, Emphasis))
        assert isinstance(mark, Link | Emphasis)
        if mark.end > size:
            raise _fail(obj, f"marks[{i}]", f"end {mark.end} is past the end of the text ({size})")


@attrs.frozen(kw_only=True)
class ListBlock:
    """A bulleted (``ordered=False``) or numbered list; each item is a paragraph."""

    items: tuple[Paragraph, ...]
    ordered: bool = False

    def __attrs_post_init__(self) -> None:
        items = _as_tuple(self, "items")
        if not items:
            raise _fail(self, "items", "a list needs at least one item")
        _check_items(self, "items", items, Paragraph)
        if type(self.ordered) is not bool:
            raise _fail(self, "ordered", "must be a bool")


@attrs.frozen(kw_only=True)
class BlockQuote:
    """A set-off quotation of one or more paragraphs, with an optional attribution line."""

    paragraphs: tuple[Paragraph, ...]
    attribution: str | None = None

    def __attrs_post_init__(self) -> None:
        paragraphs = _as_tuple(self, "paragraphs")
        if not paragraphs:
            raise _fail(self, "paragraphs", "a block quote needs at least one paragraph")
        _check_items(self, "paragraphs", paragraphs, Paragraph)
        _check_opt_str(self, "attribution", self.attribution)


@attrs.frozen(kw_only=True)
class Figure:
    """An image or other illustration with its caption and credit."""

    src: str | None = None
    caption: str | None = None
    credit: str | None = None
    alt: str | None = None

    def __attrs_post_init__(self) -> None:
        for name in ("src", "caption", "credit", "alt"):
            _check_opt_str(self, name, getattr(self, name))
        if self.src is None and self.caption is None and self.alt is None:
            raise _fail(self, "src", "a figure needs at least a src, a caption or an alt text")


@attrs.frozen(kw_only=True)
class Table:
    """A table of text cells; the first ``header_rows`` rows are headers."""

    rows: tuple[tuple[str, ...], ...]
    header_rows: int = 0
    caption: str | None = None

    def __attrs_post_init__(self) -> None:
        rows = _as_tuple(self, "rows")
        if not rows:
            raise _fail(self, "rows", "a table needs at least one row")
        fixed = []
        for r, row in enumerate(rows):
            if isinstance(row, str | bytes) or not isinstance(row, Iterable):
                raise _fail(self, f"rows[{r}]", f"expected a sequence of cells, got {type(row).__name__}")
            row = tuple(row)
            if not row:
                raise _fail(self, f"rows[{r}]", "a row needs at least one cell")
            _check_strs(self, f"rows[{r}]", row, empty_ok=True)  # empty cells are real
            fixed.append(row)
        object.__setattr__(self, "rows", tuple(fixed))
        if type(self.header_rows) is not int or not 0 <= self.header_rows <= len(self.rows):
            raise _fail(self, "header_rows", f"must be an int from 0 to {len(self.rows)}")
        _check_opt_str(self, "caption", self.caption)


Block: TypeAlias = Paragraph | ListBlock | BlockQuote | Figure | Table
BLOCK_TYPES: tuple[type, ...] = (Paragraph, ListBlock, BlockQuote, Figure, Table)


def block_paragraphs(block: Block) -> tuple[Paragraph, ...]:
    """The paragraphs a block holds, in document order."""
    if type(block) is Paragraph:
        return (block,)
    if type(block) is BlockQuote:
        return block.paragraphs
    if type(block) is ListBlock:
        return block.items
    return ()


def block_text(block: Block) -> str:
    """A block as plain text: paragraphs blank-line separated, list items and table rows one a line.

    Figures give no text: their captions describe an image and stay in :class:`Figure`.
    """
    if type(block) is Paragraph:
        return block.text
    if type(block) is BlockQuote:
        return "\n\n".join(p.text for p in block.paragraphs)
    if type(block) is ListBlock:
        return "\n".join(item.text for item in block.items)
    if type(block) is Table:
        lines = ["\t".join(row) for row in block.rows]
        return "\n".join([block.caption, *lines] if block.caption else lines)
    if type(block) is Figure:
        return ""  # a caption describes an image; it is not part of the running text
    raise TypeError(f"not a block: {block!r}")


# --------------------------------------------------------------------------------------------
# Sections


@attrs.frozen(kw_only=True, init=False)
class Section:
    """A titled (or untitled) part of the article body.

    ``blocks`` holds the typed parts in order; ``paragraphs`` is the view of the plain
    paragraphs among them, as text. For convenience a section can be built from
    ``paragraphs=`` (strings or :class:`Paragraph` objects) instead of ``blocks=``.
    ``level`` is the heading level, 1 to 6 as in HTML (2 by default: the headline is level 1).
    """

    heading: str | None = None
    level: int = 2
    blocks: tuple[Block, ...] = ()

    def __init__(
        self,
        *,
        heading: str | None = None,
        level: int = 2,
        blocks: Iterable[Block] = (),
        paragraphs: Iterable[str | Paragraph] | None = None,
    ) -> None:
        if paragraphs is not None:
            if blocks:
                raise ValidationError("Section", "paragraphs", "give blocks= or paragraphs=, not both")
            if isinstance(paragraphs, str | bytes) or not isinstance(paragraphs, Iterable):
                raise ValidationError("Section", "paragraphs", "expected a sequence of paragraphs")
            blocks = tuple(p if isinstance(p, Paragraph) else Paragraph(text=p) for p in paragraphs)
        if heading is not None and (
            type(heading) is not str
            or not heading
            or heading.isspace()
            or (not _CHARACTERS_CHECKED.get() and _XML_UNSAFE.search(heading))
        ):
            _check_str(self, "heading", heading)  # raises, unless the heading is only blank
            raise _fail(self, "heading", "must not be blank (use None for no heading)")
        if type(level) is not int or not 1 <= level <= 6:
            raise _fail(self, "level", f"must be an int from 1 to 6, got {level!r}")
        if type(blocks) is not tuple:
            blocks = _to_tuple(self, "blocks", blocks)
        for i, block in enumerate(blocks):
            if type(block) not in BLOCK_TYPES:
                raise _fail(
                    self,
                    f"blocks[{i}]",
                    f"expected Paragraph, ListBlock, BlockQuote, Figure or Table, got {type(block).__name__}",
                )
        set_heading, set_level, set_blocks = _SECTION_SETTERS
        set_heading(self, heading)
        set_level(self, level)
        set_blocks(self, blocks)

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The text of the section's plain paragraphs, in order."""
        return tuple(b.text for b in self.blocks if type(b) is Paragraph)

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """Every quote in the section, in document order."""
        return tuple(q for p in self.iter_paragraphs() for q in p.quotes)

    def iter_paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph in the section, including those in lists and block quotes."""
        for block in self.blocks:
            yield from block_paragraphs(block)


_SECTION_SETTERS = _slot_setters(Section, "heading level blocks")


# --------------------------------------------------------------------------------------------
# People and metadata


@attrs.frozen(kw_only=True)
class AuthorProfile:
    """A person (or desk) who wrote the article, with what a profile page carries."""

    name: str
    role: str | None = None
    organization: str | None = None
    bio: str | None = None
    url: str | None = None
    email: str | None = None
    image: str | None = None
    education: tuple[str, ...] = ()
    expertise: tuple[str, ...] = ()
    same_as: tuple[str, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check_str(self, "name", self.name, blank_ok=False)
        for name in ("role", "organization", "bio", "url", "image"):
            _check_opt_str(self, name, getattr(self, name))
        if self.email is not None:
            _check_str(self, "email", self.email)
            if "@" not in self.email or any(c.isspace() for c in self.email):
                raise _fail(self, "email", f"not an e-mail address: {self.email!r}")
        _check_strs(self, "education", _as_tuple(self, "education"))
        _check_strs(self, "expertise", _as_tuple(self, "expertise"))
        _check_strs(self, "same_as", _as_tuple(self, "same_as"))


@attrs.frozen(kw_only=True)
class Subject:
    """A subject or tag; ``code`` is a controlled-vocabulary code (e.g. an IPTC QCode)."""

    name: str
    code: str | None = None

    def __attrs_post_init__(self) -> None:
        _check_str(self, "name", self.name, blank_ok=False)
        _check_opt_str(self, "code", self.code)


@attrs.frozen(kw_only=True)
class Publisher:
    """The organisation that published the article."""

    name: str
    url: str | None = None

    def __attrs_post_init__(self) -> None:
        _check_str(self, "name", self.name, blank_ok=False)
        _check_opt_str(self, "url", self.url)


# --------------------------------------------------------------------------------------------
# The article


@attrs.frozen(kw_only=True)
class Article:
    """A news article: metadata, then the body as sections.

    ``published``/``modified`` must be timezone-aware. ``language`` is a BCP 47 tag.
    ``summary_quotes`` are the quotations inside the summary (offsets into ``summary``).
    ``quotes`` (summary quotes, then the body's) and ``body_text`` are derived.
    """

    headline: str
    summary: str | None = None
    summary_quotes: tuple[Quote, ...] = ()
    kicker: str | None = None
    dateline: str | None = None
    authors: tuple[AuthorProfile, ...] = ()
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    url: str | None = None
    identifier: str | None = None
    publisher: Publisher | None = None
    subjects: tuple[Subject, ...] = ()
    sections: tuple[Section, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check_str(self, "headline", self.headline, blank_ok=False)
        for name in ("summary", "kicker", "dateline", "url", "identifier"):
            _check_opt_str(self, name, getattr(self, name))
        summary_quotes = _as_tuple(self, "summary_quotes")
        if summary_quotes:
            if self.summary is None:
                raise _fail(self, "summary_quotes", "quotes in a summary need a summary")
            _check_quotes_in(self, "summary_quotes", self.summary, summary_quotes)
        _check_items(self, "authors", _as_tuple(self, "authors"), AuthorProfile)
        _check_aware(self, "published", self.published)
        _check_aware(self, "modified", self.modified)
        if self.language is not None:
            _check_str(self, "language", self.language)
            if _BCP47.match(self.language) is None:
                raise _fail(self, "language", f"not a BCP 47 language tag: {self.language!r}")
        if self.publisher is not None and not isinstance(self.publisher, Publisher):
            raise _fail(self, "publisher", f"expected Publisher, got {type(self.publisher).__name__}")
        _check_items(self, "subjects", _as_tuple(self, "subjects"), Subject)
        _check_items(self, "sections", _as_tuple(self, "sections"), Section)

    @property
    def quotes(self) -> tuple[Quote, ...]:
        """Every quote in the article in document order: the summary's, then the body's."""
        body = (q for s in self.sections for p in s.iter_paragraphs() for q in p.quotes)
        return (*self.summary_quotes, *body)

    @property
    def body_text(self) -> str:
        """The body as plain text: section headings and blocks, separated by blank lines.

        Paragraphs, list items (one a line), block quotes and table rows (cells tab-separated)
        are included; figure captions are not.
        """
        parts: list[str] = []
        for section in self.sections:
            if section.heading is not None:
                parts.append(section.heading)
            for block in section.blocks:
                text = block_text(block)
                if text:
                    parts.append(text)
        return "\n\n".join(parts)

    def iter_paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph of the body in document order, including lists and block quotes."""
        for section in self.sections:
            yield from section.iter_paragraphs()
