"""Convert the main-content DOM into sections of typed blocks.

Headings open sections (with their HTML level); paragraphs keep their links and emphasis as
stand-off marks; lists, block quotes, figures and data tables become their block types. Layout
tables and wrapper elements are read through. Boilerplate inside the content (share bars,
related links, bylines) and link lists are left out, as scored by :mod:`._content`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urljoin

import attrs
from lxml.html import HtmlElement

from .._htmltags import EMPHASIS_BY_TAG, HEADING_LEVELS
from ..model import (
    Block,
    BlockQuote,
    Figure,
    Link,
    ListBlock,
    Paragraph,
    Quote,
    Section,
    Table,
    block_paragraphs,
)
from ._content import PageScores
from ._inline import Collected, InlineText, clean_text, strip_unsafe

__all__ = ["build_sections"]

_INLINE_TAGS = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
        "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike",
        "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "img", "picture", "source", "amp-img",
        "br",
    }
)  # fmt: skip
_IMAGE_TAGS = frozenset({"img", "amp-img"})
_IMAGE_SOURCES = ("src", "data-src", "data-lazy-src", "data-original", "data-url")
_CREDIT = re.compile(r"credit|copyright|photographer|byline|source|attribution", re.IGNORECASE)
_CREDIT_PREFIX = re.compile(
    r"\s*(?:(?:photo|image|picture|foto)s?\s*(?:credit)?\s*:|©|\(c\))\s*", re.IGNORECASE
)
_ATTRIBUTION_DASHES = re.compile(r"^[\s\u2014\u2013\u2015~-]+")
# Block-level content inside a table cell marks a layout table, read through as containers.
_LAYOUT_MARKERS = frozenset(
    {"table", "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote"}
)
# Containers (lists, wrappers) that are mostly links are navigation or recirculation.
_MAX_LINK_DENSITY = 0.5
_MAX_PARAGRAPH_LINK_DENSITY = 0.8
_WORDS = re.compile(r"\w+")
# Lines shorter than this, before the first paragraph at least this long, may be bylines.
_BYLINE_MAX = 150
# A heading that is the start of the headline (or the reverse) repeats it when this long.
_TITLE_PREFIX_MIN = 20
# Placeholders that ad slots leave in the text, in the languages of the pages we read.
_AD_LABELS = frozenset(
    {
        "advertisement",
        "advertisment",
        "advert",
        "ad",
        "ads",
        "sponsored",
        "anzeige",
        "werbung",
        "publicité",
        "publicidad",
        "pubblicità",
        "publicidade",
        "reclame",
        "advertentie",
        "reklama",
        "iklan",
        "annons",
        "mainos",
        "реклама",
        "広告",
        "광고",
    }
)
# casefold() never shortens a text, so a longer one cannot be an ad label.
_AD_LABEL_MAX = max(len(label) for label in _AD_LABELS)
# An absolute http(s) URL that urljoin() would give back unchanged: it has a host (no IPv6
# brackets, which urlsplit() validates) and nothing urlunsplit() would drop or rebuild
# differently (";" parameters, an empty query or fragment). Checked as a whole by _unchanged_by_join.
_PLAIN_ABSOLUTE = re.compile(r"https?://[^/?#\[\];\s]+(?:[/?#][^;\s]*)?")
# Content roots read as the one block they are rather than as a container.
_BLOCK_ROOTS = ("p", "ul", "ol", "blockquote", "table", "figure", "pre")
# Lists of at least this many items, this share of which open with a link, are teasers.
_TEASER_LIST_MIN = 3
_TEASER_SHARE = 0.8


@attrs.define(slots=True)
class _Context:
    scores: PageScores
    headline_key: str | None
    base_url: str | None
    author_keys: tuple[str, ...] = ()
    # Set at the first long paragraph: bylines come before the prose.
    seen_prose: bool = False
    # The one paragraph being collected, shared by every container: each takes it empty and
    # leaves it empty (take() at the end, with no span open outside an inline element), so
    # sharing it is the same as a new one per container, minus the allocations.
    inline: InlineText = attrs.field(factory=InlineText)
    # Whether absolute links may skip urljoin() (see join()).
    plain_links: bool = False

    def join(self, url: str) -> str:
        """``url`` resolved against the page's address, as urljoin() resolves it."""
        if self.base_url is None:
            return url
        if self.plain_links and _unchanged_by_join(url):
            return url
        return urljoin(self.base_url, url)


def _unchanged_by_join(url: str) -> bool:
    """Whether urljoin(base, url) is ``url`` for any base urljoin() accepts.

    Such a URL has a scheme and a host, so urljoin() gives it back as it is (another scheme)
    or as urlunsplit(urlsplit(url)) (the base's scheme), which rebuilds exactly these URLs.
    """
    if not url.isascii() or _PLAIN_ABSOLUTE.fullmatch(url) is None or url[-1] == "#":
        return False
    before_fragment = url.split("#", 1)[0]
    return not before_fragment.endswith("?")


def _key(text: str) -> str:
    # Words only: titles differ in quote marks, dashes and escaping more than in words.
    return " ".join(_WORDS.findall(text.casefold()))


def _same_title(headline_key: str | None, text: str) -> bool:
    """Whether a heading repeats the headline (the same words, or the headline cut short)."""
    if not headline_key:
        return False
    key = _key(text)
    if not key:
        return False
    if key == headline_key:
        return True
    shorter, longer = sorted((key, headline_key), key=len)
    return len(shorter) >= _TITLE_PREFIX_MIN and longer.startswith(shorter)


def _paragraph(collected: Collected) -> Paragraph:
    text = collected.text
    if not collected.quote_spans:
        return Paragraph(text=text, marks=tuple(collected.marks))
    quotes = tuple(
        Quote(text=text[start:end], start=start, end=end, kind="direct")
        for start, end in sorted(collected.quote_spans)
    )
    return Paragraph(text=text, quotes=quotes, marks=tuple(collected.marks))


@attrs.define(slots=True)
class _Builder:
    """Reads a content subtree into sections; one builder per article (or per nested part)."""

    context: _Context
    sections: list[Section] = attrs.field(factory=list)
    heading: str | None = None
    level: int = 2
    blocks: list[Block] = attrs.field(factory=list)
    skipped_headline: bool = False
    # A builder reading one block's content (a list item, a block quote) keeps only its
    # paragraphs, headings among them, with no Section built to be taken apart again.
    flat: list[Paragraph] | None = None

    # ---- sections

    def _close_section(self) -> None:
        if self.blocks or self.heading is not None:
            flat = self.flat
            if flat is None:
                self.sections.append(Section(heading=self.heading, level=self.level, blocks=self.blocks))
            else:
                if self.heading is not None:
                    flat.append(Paragraph(text=self.heading))
                for block in self.blocks:
                    flat.extend(block_paragraphs(block))
        self.blocks = []

    def finish(self) -> list[Section]:
        """The sections read so far, the open one closed."""
        self._close_section()
        self.heading = None
        return self.sections

    # ---- containers and inline content

    def _skip(self, element: HtmlElement) -> bool:
        if not isinstance(element.tag, str):
            return True
        return self.context.scores.is_boilerplate(element)

    def read_container(self, element: HtmlElement) -> None:
        """Read an element whose children are a mix of blocks and inline content."""
        inline = self.context.inline
        is_boilerplate = self.context.scores.is_boilerplate
        # Most texts and tails are None or empty, and most flushes find nothing collected:
        # both are left out here rather than answered by a call.
        text = element.text
        if text:
            inline.add(text)
        for child in element:
            tag = child.tag
            if not isinstance(tag, str) or is_boilerplate(child):
                pass
            elif tag in _INLINE_TAGS and tag not in _IMAGE_TAGS:
                if tag == "br":
                    if inline.line_break():
                        self._flush(inline)
                else:
                    self._read_inline(child, inline)
            else:
                if inline.length:
                    self._flush(inline)
                self._read_block(child)
            tail = child.tail
            if tail:
                inline.add(tail)
        if inline.length:
            self._flush(inline)

    def _flush(self, inline: InlineText) -> None:
        collected = inline.take()
        if collected is None:
            return
        text = collected.text
        if (len(text) <= _AD_LABEL_MAX and text.casefold() in _AD_LABELS) or self._is_byline(text):
            return
        if len(text) >= _BYLINE_MAX:
            self.context.seen_prose = True
        self.blocks.append(_paragraph(collected))

    def _is_byline(self, text: str) -> bool:
        """A short line naming an author before the article's prose starts ("By Jane Doe, May 2")."""
        context = self.context
        if context.seen_prose or len(text) >= _BYLINE_MAX or not context.author_keys:
            return False
        key = _key(text)
        return any(author in key for author in context.author_keys)

    def _read_inline(self, element: HtmlElement, inline: InlineText) -> None:
        tag = element.tag
        span = None
        if tag == "a":
            href = element.get("href")
            if href and href.strip():
                href = self.context.join(clean_text(href))
                title = clean_text(element.get("title") or "") or None
                span = inline.open("link", href=href, title=title) if href else None
        elif tag == "q":
            span = inline.open("q")
        elif tag in EMPHASIS_BY_TAG:
            span = inline.open(EMPHASIS_BY_TAG[tag])
        elif tag not in _INLINE_TAGS:
            inline.space()
        text = element.text
        if text:
            inline.add(text)
        is_boilerplate = self.context.scores.is_boilerplate
        for child in element:
            child_tag = child.tag
            if not isinstance(child_tag, str) or is_boilerplate(child):
                pass
            elif child_tag == "br":
                inline.line_break()
            else:
                self._read_inline(child, inline)
            tail = child.tail
            if tail:
                inline.add(tail)
        if span is not None:
            inline.close(span)
        if tag not in _INLINE_TAGS:
            inline.space()

    # ---- blocks

    def _read_block(self, element: HtmlElement) -> None:
        tag = element.tag
        scores = self.context.scores
        if tag in HEADING_LEVELS:
            self._read_heading(element, HEADING_LEVELS[tag])
        elif tag == "p":
            if scores.link_density(element) <= _MAX_PARAGRAPH_LINK_DENSITY:
                self.read_container(element)
        elif tag in ("ul", "ol"):
            if scores.link_density(element) <= _MAX_LINK_DENSITY:
                self._read_list(element, ordered=tag == "ol")
        elif tag == "blockquote":
            self._read_blockquote(element)
        elif tag == "figure":
            self._read_figure(element)
        elif tag in _IMAGE_TAGS:
            figure = self._figure_from(element, None)
            if figure is not None:
                self.blocks.append(figure)
        elif tag == "table":
            self._read_table(element)
        elif tag == "pre":
            text = (element.text_content() or "").strip("\n")
            if text.strip():
                self.blocks.append(Paragraph(text=strip_unsafe(text)))
        elif tag == "hr":
            return
        elif scores.link_density(element) <= _MAX_LINK_DENSITY:
            self.read_container(element)

    def _read_heading(self, element: HtmlElement, level: int) -> None:
        text = clean_text(element.text_content() or "")
        if not text:
            return
        if not self.skipped_headline and _same_title(self.context.headline_key, text):
            self.skipped_headline = True
            return
        self._close_section()
        self.heading = text
        self.level = level

    def _nested_paragraphs(self, element: HtmlElement) -> list[Paragraph]:
        paragraphs: list[Paragraph] = []
        nested = _Builder(context=self.context, skipped_headline=True, flat=paragraphs)
        nested.read_container(element)
        nested.finish()
        return paragraphs

    def _read_list(self, element: HtmlElement, *, ordered: bool) -> None:
        items: list[Paragraph] = []
        for child in element:
            if self._skip(child):
                continue
            items.extend(self._nested_paragraphs(child))
        if items and not _is_teaser_list(items):
            self.blocks.append(ListBlock(items=tuple(items), ordered=ordered))

    def _read_blockquote(self, element: HtmlElement) -> None:
        attribution = None
        for cite in element.iter("cite", "footer"):
            text = _ATTRIBUTION_DASHES.sub("", clean_text(cite.text_content() or ""))
            if text:
                attribution = text
                cite.drop_tree()
                break
        # "Name, role" attributions name the speaker first.
        speaker = attribution.split(",")[0].strip() or None if attribution else None
        paragraphs = [
            attrs.evolve(
                p,
                quotes=(Quote(text=p.text, start=0, end=len(p.text), speaker=speaker, kind="block"),),
            )
            for p in self._nested_paragraphs(element)
        ]
        if paragraphs:
            self.blocks.append(BlockQuote(paragraphs=tuple(paragraphs), attribution=attribution))

    def _read_figure(self, element: HtmlElement) -> None:
        caption_element = next(element.iter("figcaption"), None)
        image = next(element.iter(*_IMAGE_TAGS), None)
        figure = self._figure_from(image, caption_element)
        if figure is not None:
            self.blocks.append(figure)

    def _figure_from(self, image: HtmlElement | None, caption_element: HtmlElement | None) -> Figure | None:
        src = alt = caption = credit = None
        if image is not None:
            for name in _IMAGE_SOURCES:
                value = image.get(name)
                if value and value.strip() and not value.startswith("data:"):
                    src = self.context.join(clean_text(value))
                    break
            alt = clean_text(image.get("alt") or "") or None
        if caption_element is not None:
            caption, credit = _caption_and_credit(caption_element)
        if src is None and caption is None and alt is None:
            return None
        return Figure(src=src, caption=caption, credit=credit, alt=alt)

    def _read_table(self, element: HtmlElement) -> None:
        cells = [c for c in element.iter("td", "th")]
        if any(d.tag in _LAYOUT_MARKERS for c in cells for d in c.iterdescendants()):
            for cell in cells:
                if not self._skip(cell):
                    self.read_container(cell)
            return
        rows: list[tuple[str, ...]] = []
        header_rows = 0
        counting_headers = True
        for row in element.iter("tr"):
            row_cells = [c for c in row if c.tag in ("td", "th")]
            if not row_cells:
                continue
            texts = tuple(clean_text(c.text_content() or "") or " " for c in row_cells)
            is_header = row.getparent().tag == "thead" or all(c.tag == "th" for c in row_cells)
            if counting_headers and is_header:
                header_rows += 1
            else:
                counting_headers = False
            rows.append(texts)
        if not rows or not any(cell.strip() for row in rows for cell in row):
            return
        caption_element = next(element.iter("caption"), None)
        caption = clean_text(caption_element.text_content() or "") if caption_element is not None else None
        self.blocks.append(Table(rows=tuple(rows), header_rows=header_rows, caption=caption or None))


def _opens_with_link(item: Paragraph) -> bool:
    return any(type(m) is Link and m.start == 0 and m.end < len(item.text) for m in item.marks)


def _is_teaser_list(items: list[Paragraph]) -> bool:
    """A list whose items mostly open with a link (a headline) is recirculation, not content."""
    if len(items) < _TEASER_LIST_MIN:
        return False
    opening_links = sum(1 for item in items if _opens_with_link(item))
    return opening_links >= _TEASER_SHARE * len(items)


def _caption_and_credit(caption_element: HtmlElement) -> tuple[str | None, str | None]:
    credit = None
    for child in caption_element.iter():
        label = " ".join(filter(None, (child.get("class"), child.get("id"))))
        if child is not caption_element and label and _CREDIT.search(label):
            credit = clean_text(child.text_content() or "") or None
            child.drop_tree()
            break
    caption = clean_text(caption_element.text_content() or "") or None
    if credit is None and caption is not None:
        match = _CREDIT_PREFIX.search(caption)
        if match is not None and match.start() > 0:
            credit = caption[match.end() :].strip() or None
            caption = caption[: match.start()].strip() or None
    if credit is not None:
        credit = _CREDIT_PREFIX.sub("", credit, count=1).strip() or credit
    return caption, credit


def build_sections(
    root: HtmlElement,
    scores: PageScores,
    *,
    headline: str | None,
    base_url: str | None = None,
    authors: Sequence[str] = (),
) -> list[Section]:
    """Read the content subtree at ``root`` into sections.

    The headline itself is left out, and so is a byline naming one of ``authors`` that comes
    before the first paragraph of prose.
    """
    context = _Context(
        scores=scores,
        headline_key=_key(headline) if headline else None,
        base_url=base_url,
        author_keys=tuple(key for key in (_key(name) for name in authors) if key),
        plain_links=base_url is not None and _accepted_base(base_url),
    )
    builder = _Builder(context=context)
    if root.tag in HEADING_LEVELS or root.tag in _BLOCK_ROOTS:
        builder._read_block(root)
    else:
        builder.read_container(root)
    return builder.finish()


def _accepted_base(base_url: str) -> bool:
    # urljoin() raises for a base urlsplit() refuses, whatever the link: links skip it only
    # when it would not.
    try:
        urljoin(base_url, "x")
    except ValueError:
        return False
    return True
