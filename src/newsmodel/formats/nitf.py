"""NITF 3.x: ``from_nitf`` reads a standalone NITF document; NITF bodies inside NewsML-G2 too.

NITF (News Industry Text Format) marks up a story's head (``hedline/hl1``, ``byline/person``,
``dateline``, ``abstract``) and its content (``p``, ``hl2`` subheads, ``block``, ``q``, ``bq``,
lists, tables, ``media``). Layout whitespace is collapsed as a browser would. What the model
cannot hold (a subordinate headline, series, rights, ``body.end``) is reported with a
:class:`NewsModelWarning`, or raises with ``strict=True``.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime

import attrs
from lxml import etree

from ..errors import DeserializationError, NewsModelError, ValidationError
from ..model import (
    Article,
    AuthorProfile,
    Block,
    BlockQuote,
    Figure,
    ListBlock,
    Paragraph,
    Publisher,
    Section,
    Subject,
)
from ._inline import Span, read_inline
from ._xhtml import SectionBuilder, classify_xhtml
from ._xml import NewsModelWarning, collapse, local_name, parse_xml, text_of

__all__ = ["NITF_NS", "NewsModelWarning", "from_nitf"]

#: The NITF 3.x namespace (NITF is also sent without a namespace).
NITF_NS = "http://iptc.org/std/NITF/2006-10-18/"

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# NITF dates are ISO 8601 basic format: 20250304T101500Z or 20250304T101500+0100 (seconds optional).
_BASIC = re.compile(
    r"(\d{4})-?(\d{2})-?(\d{2})T(\d{2}):?(\d{2})(?::?(\d{2}))?(?:[.,](\d+))?(Z|[+-]\d{2}:?\d{2})?\Z"
)


@attrs.define
class NitfHead:
    """What a body's head says about the story (used when the envelope does not say it)."""

    headline: str | None = None
    summary: str | None = None
    dateline: str | None = None
    authors: list[AuthorProfile] = attrs.Factory(list)
    lost: list[str] = attrs.Factory(list)


def _children(element: etree._Element | None, *names: str) -> list[etree._Element]:
    if element is None:
        return []
    return [c for c in element if isinstance(c.tag, str) and (not names or local_name(c) in names)]


def _child(element: etree._Element | None, name: str) -> etree._Element | None:
    found = _children(element, name)
    return found[0] if found else None


def _text(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    return collapse(text_of(element)) or None


_TEXT_ONLY = frozenset(
    {
        "person",
        "org",
        "location",
        "chron",
        "money",
        "num",
        "event",
        "function",
        "object.title",
        "virtloc",
        "postaddr",
        "copyrite",
        "lang",
        "pronounce",
        "classifier",
        "frac",
        "sub",
        "sup",
        "alt-code",
    }
)


def classify_nitf(element: etree._Element) -> Span | None:
    """What an inline NITF element means for its paragraph."""
    name = local_name(element)
    if name == "q":
        return Span("quote", {"kind": "direct", "speaker": element.get("quote-source") or None})
    if name == "a":
        href = element.get("href")
        return Span("link", {"href": href, "title": element.get("title")}) if href else Span("")
    if name == "em":
        return Span("emphasis", {"style": "emphasis"})
    if name in _TEXT_ONLY:
        return Span("")
    return classify_xhtml(element)


class _BodyReader:
    def __init__(self, where: str) -> None:
        self.where = where
        self.lost: list[str] = []

    def paragraph(self, element: etree._Element) -> Paragraph | None:
        return read_inline(element, classify_nitf, verbatim=False, where=self.where)

    def flow(self, container: etree._Element, builder: SectionBuilder) -> None:
        for child in _children(container):
            name = local_name(child)
            if name in ("hl1", "hl2"):
                builder.heading(_text(child), 1 if name == "hl1" else 2)
            elif name == "block":
                self.flow(child, builder)
            elif name in ("p", "pre"):
                paragraph = self.paragraph(child)
                builder.add(paragraph)
            elif name in ("ul", "ol", "dl"):
                items = tuple(p for p in (self.paragraph(li) for li in _children(child)) if p is not None)
                builder.add(ListBlock(items=items, ordered=name == "ol") if items else None)
            elif name == "bq":
                builder.add(self.block_quote(child))
            elif name == "media":
                builder.add(self.media(child))
            elif name == "table":
                builder.add(self.table(child))
            elif name in ("hr", "br"):
                continue
            else:
                paragraph = self.paragraph(child)
                if paragraph is None:
                    self.lost.append(f"body.content/{name}")
                else:
                    builder.add(paragraph)

    def block_quote(self, element: etree._Element) -> Block | None:
        paragraphs: list[Paragraph] = []
        credit = None
        for child in element.iter():
            name = local_name(child)
            if name == "credit":
                credit = _text(child)
            elif name == "p":
                found = self.paragraph(child)
                if found is not None:
                    paragraphs.append(found)
        if not paragraphs:
            return None
        return BlockQuote(
            paragraphs=tuple(paragraphs), attribution=credit or element.get("quote-source") or None
        )

    def media(self, element: etree._Element) -> Block | None:
        reference = _child(element, "media-reference")
        src = reference.get("source") or None if reference is not None else None
        alt = reference.get("alternate-text") or None if reference is not None else None
        figure_caption = _text(_child(element, "media-caption"))
        credit = _text(_child(element, "media-producer"))
        if src is None and figure_caption is None and alt is None:
            self.lost.append("media without a source or caption")
            return None
        return Figure(src=src, caption=figure_caption, credit=credit, alt=alt)

    def table(self, element: etree._Element) -> Block | None:
        from ._xhtml import _XhtmlReader

        return _XhtmlReader(verbatim=False, where=self.where).table(element)

    def head(self, body_head: etree._Element | None) -> NitfHead:
        head = NitfHead()
        if body_head is None:
            return head
        for child in _children(body_head):
            name = local_name(child)
            if name == "hedline":
                for line in _children(child):
                    if local_name(line) == "hl1" and head.headline is None:
                        head.headline = _text(line)
                    else:
                        self.lost.append(f"hedline/{local_name(line)}")
            elif name == "byline":
                head.authors.extend(_byline_authors(child))
            elif name == "dateline":
                head.dateline = _text(child)
            elif name == "abstract":
                parts = [t for t in (_text(p) for p in child.iter() if local_name(p) == "p") if t]
                head.summary = "\n\n".join(parts) if parts else _text(child)
            else:
                self.lost.append(f"body.head/{name}")
        return head


def _byline_authors(byline: etree._Element) -> list[AuthorProfile]:
    title = _text(_child(byline, "byttl"))
    people = [p for p in byline.iter() if local_name(p) == "person"]
    names = [n for n in (_text(p) for p in people) if n]
    if not names:
        pieces = [byline.text or ""] + [c.tail or "" for c in byline if local_name(c) != "person"]
        for child in byline:
            if local_name(child) not in ("byttl",):
                pieces.append(text_of(child))
        raw = collapse(" ".join(pieces))
        raw = re.sub(r"\A(?:by|von|par|por)\s+", "", raw, flags=re.IGNORECASE).strip(" ,;")
        names = [n for n in re.split(r"\s*(?:,|\band\b|&)\s*", raw) if n.strip()] if raw else []
    if not names and title:
        return [AuthorProfile(name=title)]  # a byline of only a title names a desk or agency
    return [AuthorProfile(name=name, role=title) for name in names]


def read_nitf_body(root: etree._Element, *, where: str) -> tuple[list[Section], NitfHead]:
    """Read the ``body`` of an NITF document (``root`` is ``<nitf>`` or its ``<body>``)."""
    body = root if local_name(root) == "body" else _child(root, "body")
    reader = _BodyReader(where)
    if body is None:
        return [], NitfHead(lost=["NITF document without a body"])
    head = reader.head(_child(body, "body.head"))
    builder = SectionBuilder()
    for content in _children(body, "body.content"):
        reader.flow(content, builder)
    for end in _children(body, "body.end"):
        for child in _children(end):
            reader.lost.append(f"body.end/{local_name(child)}")
    head.lost.extend(reader.lost)
    return builder.finish(), head


def _nitf_datetime(raw: str | None, lost: list[str], what: str) -> datetime | None:
    if not raw:
        return None
    match = _BASIC.match(raw.strip())
    if match is None:
        lost.append(f"{what} {raw!r} (not an ISO 8601 date-time)")
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    if zone is None:
        lost.append(f"{what} {raw!r} (no UTC offset)")
        return None
    if zone != "Z" and ":" not in zone:
        zone = zone[:3] + ":" + zone[3:]
    text = f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}"
    if fraction:
        text += "." + (fraction + "000000")[:6]
    try:
        return datetime.fromisoformat(text + ("+00:00" if zone == "Z" else zone))
    except ValueError:
        lost.append(f"{what} {raw!r} (not a valid date-time)")
        return None


def from_nitf(data: bytes | str, *, strict: bool = False) -> Article:
    """Read a standalone NITF 3.x document (with or without the NITF namespace) as an article.

    The headline comes from ``hedline/hl1`` (or ``head/title``), authors from ``byline``, the
    summary from ``abstract``, the identifier from ``doc-id``, dates from ``date.issue`` /
    ``date.release``, subjects from ``tobject.subject`` and ``key-list``. What the model cannot
    hold is reported with a :class:`NewsModelWarning` (an error with ``strict=True``).
    """
    root = parse_xml(data, what="NITF document")
    if local_name(root) != "nitf":
        raise DeserializationError(
            "not an NITF document", [f"the root element is <{local_name(root)}>, expected <nitf>"]
        )
    where = "NITF document"
    try:
        sections, head = read_nitf_body(root, where=where)
    except ValidationError as exc:
        raise DeserializationError(f"{where}: does not make a valid article", [str(exc)]) from exc
    lost = list(head.lost)
    meta = _child(root, "head")
    docdata = _child(meta, "docdata")
    headline = head.headline or _text(_child(meta, "title"))
    if headline is None:
        raise DeserializationError("NITF document without a headline", ["no hedline/hl1 and no head/title"])
    doc_id = _child(docdata, "doc-id")
    issue = _child(docdata, "date.issue")
    release = _child(docdata, "date.release")
    published = _nitf_datetime(
        (issue.get("norm") if issue is not None else None)
        or (release.get("norm") if release is not None else None),
        lost,
        "date.issue",
    )
    subjects: list[Subject] = []
    for tobject in _children(meta, "tobject"):
        for subject in _children(tobject, "tobject.subject"):
            name = (
                subject.get("tobject.subject.detail")
                or subject.get("tobject.subject.matter")
                or subject.get("tobject.subject.type")
            )
            code = subject.get("tobject.subject.refnum")
            if name:
                subjects.append(Subject(name=collapse(name), code=code or None))
            elif code:
                lost.append(f"tobject.subject {code} (no name)")
    for keyword in (k for k in (docdata.iter() if docdata is not None else ()) if local_name(k) == "keyword"):
        if keyword.get("key"):
            subjects.append(Subject(name=collapse(keyword.get("key", "")) or "?"))
    pubdata = _child(meta, "pubdata")
    publisher = None
    if pubdata is not None and pubdata.get("name"):
        publisher = Publisher(name=collapse(pubdata.get("name", "")), url=pubdata.get("ex-ref") or None)
    body = _child(root, "body")
    language = root.get(_XML_LANG) or (body.get(_XML_LANG) if body is not None else None)
    if language is not None and not re.fullmatch(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*", language):
        lost.append(f"language {language!r}")
        language = None
    for child in _children(meta):
        if local_name(child) not in ("title", "docdata", "tobject", "pubdata", "meta"):
            lost.append(f"head/{local_name(child)}")
    if lost:
        if strict:
            raise DeserializationError("the NITF document holds what the model cannot", lost)
        warnings.warn(
            f"{where}: not carried by the model: " + "; ".join(lost), NewsModelWarning, stacklevel=2
        )
    try:
        return Article(
            headline=headline,
            summary=head.summary,
            dateline=head.dateline,
            authors=tuple(head.authors),
            published=published,
            language=language,
            identifier=(doc_id.get("id-string") or None) if doc_id is not None else None,
            publisher=publisher,
            subjects=tuple(subjects),
            sections=tuple(sections),
        )
    except NewsModelError as exc:
        raise DeserializationError(f"{where}: does not make a valid article", [str(exc)]) from exc
