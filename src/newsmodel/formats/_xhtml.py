"""Article sections to an XHTML 1.0 Strict body, and XHTML bodies (ours or others') to sections.

The body is valid XHTML 1.0 Strict: every section is a ``<div class="section level-N">`` whose
first child is its ``<hN>`` heading (if it has one); paragraphs are ``<p>``, quotations ``<q>``
(``class`` holds the kind, ``title`` the speaker), lists ``<ul>``/``<ol>``, block quotations
``<blockquote>`` with an ``<p class="attribution">``, figures ``<div class="figure">`` with an
``<img>`` and ``<p class="caption">``/``<p class="credit">``, tables ``<table>`` with ``<th>``
header cells. Inline marks are ``<a>``, ``<em>``, ``<strong>``, ``<code>`` and
``<span class="underline|strike">`` (Strict has no ``<u>`` or ``<s>``).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterable

from lxml import etree

from .._htmltags import EMPHASIS_BY_TAG, HEADING_LEVELS
from ..model import (
    QUOTE_KINDS,
    Article,
    Block,
    BlockQuote,
    Emphasis,
    Figure,
    Link,
    ListBlock,
    Mark,
    Paragraph,
    Quote,
    Section,
    Table,
)
from . import _construct
from ._inline import Span, read_inline, read_own_inline, write_inline
from ._xml import (
    NewsModelWarning,
    collapse,
    escape_attribute,
    escape_text,
    local_name,
    text_of,
)

__all__ = ["XHTML_NS", "SectionBuilder", "read_xhtml_body", "write_summary", "write_xhtml"]

XHTML_NS = "http://www.w3.org/1999/xhtml"
_X = "{" + XHTML_NS + "}"
_P = _X + "p"
_LEVEL = re.compile(r"\Alevel-[1-6]\Z")

# The body is written as text: it is most of the document, and building it element by element
# through lxml costs several times more. The XSD and DTD tests check the result on every article.
_EMPHASIS_TAGS = {"emphasis": "em", "strong": "strong", "code": "code"}


def _tags(value: Quote | Mark, key: str) -> tuple[str, str]:
    """The start and end tags of one fragment of a quote or mark."""
    if type(value) is Quote:
        title = "" if value.speaker is None else f' title="{escape_attribute(value.speaker)}"'
        return f'<q class="{key} {value.kind}"{title}>', "</q>"
    if type(value) is Link:
        title = "" if value.title is None else f' title="{escape_attribute(value.title)}"'
        return f'<a class="{key}" href="{escape_attribute(value.href)}"{title}>', "</a>"
    assert type(value) is Emphasis
    tag = _EMPHASIS_TAGS.get(value.style)
    if tag is None:
        return f'<span class="{key} {value.style}">', "</span>"
    return f'<{tag} class="{key}">', f"</{tag}>"


def _write_paragraph(out: list[str], paragraph: Paragraph) -> None:
    fast = _construct.xhtml_inline
    if fast is not None:
        written = fast(paragraph)
        if written is not None:
            out.append(written)
            return
    write_inline(out, paragraph, _tags)


def _write_block(out: list[str], block: Block) -> None:
    if type(block) is Paragraph:
        out.append("<p>")
        _write_paragraph(out, block)
        out.append("</p>")
    elif type(block) is ListBlock:
        tag = "ol" if block.ordered else "ul"
        out.append(f"<{tag}>")
        for item in block.items:
            out.append("<li>")
            _write_paragraph(out, item)
            out.append("</li>")
        out.append(f"</{tag}>")
    elif type(block) is BlockQuote:
        out.append("<blockquote>")
        for paragraph in block.paragraphs:
            out.append("<p>")
            _write_paragraph(out, paragraph)
            out.append("</p>")
        if block.attribution is not None:
            out.append(f'<p class="attribution">{escape_text(block.attribution)}</p>')
        out.append("</blockquote>")
    elif type(block) is Figure:
        if block.src is None and block.alt is not None:
            out.append(f'<div class="figure" title="{escape_attribute(block.alt)}">')
        else:
            out.append('<div class="figure">')
        if block.src is not None:
            # <img> needs alt; the model's alt is never "", so "" stands for "no alt text".
            out.append(
                f'<img src="{escape_attribute(block.src)}" alt="{escape_attribute(block.alt or "")}"/>'
            )
        if block.caption is not None:
            out.append(f'<p class="caption">{escape_text(block.caption)}</p>')
        if block.credit is not None:
            out.append(f'<p class="credit">{escape_text(block.credit)}</p>')
        out.append("</div>")
    elif type(block) is Table:
        out.append("<table>")
        if block.caption is not None:
            out.append(f"<caption>{escape_text(block.caption)}</caption>")
        for index, row in enumerate(block.rows):
            cell = "th" if index < block.header_rows else "td"
            out.append("<tr>")
            out.extend(f"<{cell}>{escape_text(text)}</{cell}>" for text in row)
            out.append("</tr>")
        out.append("</table>")
    else:  # pragma: no cover - the model admits no other block
        raise TypeError(f"not a block: {block!r}")


def write_xhtml(out: list[str], article: Article) -> None:
    """Append the article's sections to ``out`` as an XHTML 1.0 Strict ``<html>`` element (XHTML namespace)."""
    lang = "" if article.language is None else f' xml:lang="{escape_attribute(article.language)}"'
    out.append(
        f'<html xmlns="{XHTML_NS}"{lang}><head><title>{escape_text(article.headline)}</title></head><body>'
    )
    for section in article.sections:
        out.append(f'<div class="section level-{section.level}">')
        if section.heading is not None:
            out.append(f"<h{section.level}>{escape_text(section.heading)}</h{section.level}>")
        for block in section.blocks:
            _write_block(out, block)
        out.append("</div>")
    out.append("</body></html>")


_SUMMARY_CLASS = "nm-summary"


def write_summary(out: list[str], summary: str, quotes: tuple[Quote, ...]) -> None:
    """Append a summary with quotes as an XHTML ``<span>`` whose ``<q>`` elements mark them."""
    out.append(f'<span xmlns="{XHTML_NS}" class="{_SUMMARY_CLASS}">')
    _write_paragraph(out, Paragraph(text=summary, quotes=quotes))
    out.append("</span>")


def read_summary_markup(description: etree._Element) -> Paragraph | None:
    """The summary text and its quotes from what :func:`write_summary` wrote, if that is there."""
    if description.text or len(description) != 1:
        return None
    span = description[0]
    if span.tag != _X + "span" or span.get("class") != _SUMMARY_CLASS or span.tail:
        return None
    found = read_own_inline(span)
    return found or None


# --------------------------------------------------------------------------------------------
# Reading


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()


_SKIPPED = frozenset({"script", "style", "noscript", "object", "iframe", "form", "input", "button", "select"})


def classify_xhtml(element: etree._Element) -> Span | None:
    """What an inline XHTML element means for the paragraph it is in."""
    name = local_name(element)
    if name in _SKIPPED:
        return None
    if name == "br":
        return Span("br")
    if name == "q":
        kinds = [c for c in _classes(element) if c in QUOTE_KINDS]
        # Our own items put the speaker in title; other producers often identify them by cite.
        speaker = element.get("title") or element.get("cite") or None
        return Span("quote", {"kind": kinds[0] if kinds else "direct", "speaker": speaker})
    if name == "a":
        href = element.get("href")
        if not href:
            return Span("")
        return Span("link", {"href": href, "title": element.get("title")})
    style: str | None = EMPHASIS_BY_TAG.get(name)
    if style is None and name == "span":
        style = next((c for c in _classes(element) if c in ("underline", "strike")), None)
    if style is not None:
        return Span("emphasis", {"style": style})
    return Span("")


class SectionBuilder:
    """Collects blocks into sections: a heading starts a section, blocks before any go in an untitled one."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self._heading: str | None = None
        self._level = 2
        self._blocks: list[Block] = []
        self._open = False

    def heading(self, text: str | None, level: int) -> None:
        self.close()
        self._heading, self._level, self._open = text, level, True

    def add(self, block: Block | None) -> None:
        if block is not None:
            self._blocks.append(block)
            self._open = True

    def close(self) -> None:
        if self._open:
            self.sections.append(_construct.new_section(self._heading, self._level, tuple(self._blocks)))
        self._heading, self._level, self._blocks, self._open = None, 2, [], False

    def finish(self) -> list[Section]:
        self.close()
        return self.sections


class _XhtmlReader:
    def __init__(self, *, verbatim: bool, where: str) -> None:
        self.verbatim = verbatim
        self.where = where

    def text(self, element: etree._Element) -> str:
        # A heading or caption is most often one text node: no itertext() round needed.
        raw = (element.text or "") if not len(element) else text_of(element)
        return raw if self.verbatim else collapse(raw)

    def optional_text(self, element: etree._Element | None) -> str | None:
        if element is None:
            return None
        return self.text(element) or None

    def paragraph(self, element: etree._Element) -> Paragraph | None:
        if self.verbatim:
            found = read_own_inline(element)
            if found is not False:
                return found
        return read_inline(element, classify_xhtml, verbatim=self.verbatim, where=self.where)

    def drop(self, element: etree._Element, why: str) -> None:
        warnings.warn(f"{self.where}: dropped <{local_name(element)}>: {why}", NewsModelWarning, stacklevel=5)

    def children(self, element: etree._Element) -> Iterable[etree._Element]:
        # Filtered in C: comments and processing instructions are not elements of the body.
        return element.iterchildren(etree.Element)

    def flow(self, container: etree._Element, builder: SectionBuilder) -> None:
        for child in self.children(container):
            name = local_name(child)
            classes = _classes(child)
            if name == "div" and "section" in classes:
                self.section(child, builder)
            elif name in HEADING_LEVELS:
                builder.heading(self.optional_text(child), HEADING_LEVELS[name])
            elif name in ("div", "section", "article", "main", "header", "footer", "aside", "center") and (
                "figure" not in classes
            ):
                self.flow(child, builder)
            elif name in _SKIPPED:
                self.drop(child, "not article content")
            elif name == "hr":
                continue
            else:
                builder.add(self.block(child))

    def section(self, div: etree._Element, builder: SectionBuilder) -> None:
        children = list(self.children(div))
        heading = HEADING_LEVELS.get(local_name(children[0])) if children else None
        if heading is not None:
            builder.heading(self.optional_text(children[0]), heading)
            del children[0]
        else:
            levels = [int(c[6:]) for c in _classes(div) if _LEVEL.match(c)]
            builder.heading(None, levels[0] if levels else 2)
        verbatim = self.verbatim
        for child in children:
            if verbatim and child.tag == _P:
                # Our own paragraphs are nearly the whole body: straight to the fast reader,
                # and through block() as any other element only when it declines.
                found = read_own_inline(child)
                if found is not False and found is not None:
                    builder.add(found)
                    continue
            name = local_name(child)
            if name in HEADING_LEVELS:
                builder.heading(self.optional_text(child), HEADING_LEVELS[name])
            elif name == "div" and "section" in _classes(child):
                self.section(child, builder)
            else:
                builder.add(self.block(child))
        builder.close()

    def block(self, element: etree._Element) -> Block | None:
        name = local_name(element)
        if name in ("p", "address", "dd", "dt", "pre", "h"):
            paragraph = self.paragraph(element) if name != "pre" else self._pre(element)
            if paragraph is None:
                return self._image_only(element)
            return paragraph
        if name in ("ul", "ol", "dl"):
            items = [self.paragraph(li) for li in self.children(element)]
            kept = tuple(p for p in items if p is not None)
            return ListBlock(items=kept, ordered=name == "ol") if kept else None
        if name == "blockquote":
            return self.blockquote(element)
        if name in ("div", "figure") or name == "img":
            return self.figure(element)
        if name == "table":
            return self.table(element)
        paragraph = self.paragraph(element)
        if paragraph is None:
            self.drop(element, "no text the model can hold")
        return paragraph

    def _pre(self, element: etree._Element) -> Paragraph | None:
        return read_inline(element, classify_xhtml, verbatim=True, where=self.where)

    def _image_only(self, element: etree._Element) -> Block | None:
        image = next(element.iter(_X + "img", "img"), None)
        return self.figure(image) if image is not None else None

    def blockquote(self, element: etree._Element) -> BlockQuote | None:
        paragraphs: list[Paragraph] = []
        attribution = None
        children = list(self.children(element))
        if not children or (element.text and element.text.strip()):
            found = self.paragraph(element)
            return BlockQuote(paragraphs=(found,)) if found is not None else None
        for child in children:
            classes = _classes(child)
            if local_name(child) in ("footer", "cite") or "attribution" in classes:
                attribution = self.optional_text(child)
                continue
            found = self.paragraph(child)
            if found is not None:
                paragraphs.append(found)
        if not paragraphs:
            return None
        if attribution is None and not self.verbatim:
            attribution = element.get("title") or element.get("cite") or None
        return BlockQuote(paragraphs=tuple(paragraphs), attribution=attribution)

    def figure(self, element: etree._Element) -> Figure | None:
        image = element if local_name(element) == "img" else next(element.iter(_X + "img", "img"), None)
        src = alt = caption = credit = None
        if image is not None:
            src = image.get("src") or None
            alt = image.get("alt") or None
        if alt is None and element is not image:
            alt = element.get("title") or None
        for child in element.iter():
            classes = _classes(child)
            if local_name(child) == "figcaption" or "caption" in classes:
                caption = self.optional_text(child)
            elif "credit" in classes:
                credit = self.optional_text(child)
        if src is None and caption is None and alt is None:
            if element is not image and self.text(element):
                return self.paragraph(element)  # type: ignore[return-value]
            return None
        return Figure(src=src, caption=caption, credit=credit, alt=alt)

    def table(self, element: etree._Element) -> Table | None:
        rows: list[tuple[str, ...]] = []
        header_rows = 0
        headers_done = False
        caption = None
        for child in element.iter():
            name = local_name(child)
            if name == "caption":
                caption = self.optional_text(child)
            elif name == "tr":
                cells = [c for c in self.children(child) if local_name(c) in ("th", "td")]
                if not cells:
                    continue
                rows.append(tuple(self.text(c) for c in cells))
                if not headers_done and all(local_name(c) == "th" for c in cells):
                    header_rows += 1
                else:
                    headers_done = True
        if not rows:
            return None
        return Table(rows=tuple(rows), header_rows=header_rows, caption=caption)


def read_xhtml_body(root: etree._Element, *, verbatim: bool, where: str) -> list[Section]:
    """Read the sections of an XHTML ``<html>`` or ``<body>``, with or without the XHTML namespace."""
    body = root
    if local_name(root) == "html":
        body = next((c for c in root if local_name(c) == "body"), root)
    builder = SectionBuilder()
    _XhtmlReader(verbatim=verbatim, where=where).flow(body, builder)
    return builder.finish()


def body_title(root: etree._Element) -> str | None:
    """The text of an XHTML document's ``<head><title>``, collapsed, if any."""
    for element in root.iter():
        if local_name(element) == "title":
            return collapse(text_of(element)) or None
    return None


Classifier = Callable[[etree._Element], Span | None]
