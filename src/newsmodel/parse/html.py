"""Read a web page or a CMS export into an :class:`~newsmodel.model.Article`.

The page is decoded (see :mod:`._decode`), parsed once with a shared lxml parser, its metadata
read, its boilerplate scored away (:mod:`._content`) and its main content converted into
sections of typed blocks (:mod:`._blocks`); quotations come from ``<q>`` and ``<blockquote>``
markup and from the quote finder shared with the plain-text reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from ..errors import ParseError
from ..model import _XML_UNSAFE, Article, Block, BlockQuote, ListBlock, Paragraph, Quote, Section
from ..quotes.document import quote_document
from ._attributes import attributes_over
from ._blocks import build_sections
from ._content import clean_tree, find_content_root, score_page
from ._decode import decode_html
from ._inline import clean_text, strip_unsafe
from .metadata import PageMetadata, extract_metadata

__all__ = ["MAX_ATTRIBUTES", "MAX_PAGE_SIZE", "load_html", "parse_html"]

#: Pages larger than this (in bytes, or characters for ``str`` input) are refused by default:
#: no news article comes near it, and parsing costs memory in proportion.
MAX_PAGE_SIZE = 16 * 1024 * 1024
#: Pages with a tag (start or end tag) carrying more attributes than this are refused: libxml2
#: and lxml take time quadratic in the number of attributes of one element (hours for one tag
#: filling a page), and real tags carry a few dozen at most.
MAX_ATTRIBUTES = 512


# huge_tree stays off, so libxml2's limits on depth and node size protect memory; comments and
# processing instructions are never content. ``encoding`` is for text already encoded here.
def _new_parser(encoding: str | None = None) -> lxml.html.HTMLParser:
    return lxml.html.HTMLParser(  # type: ignore[call-arg]  # lxml-stubs lack default_doctype
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
        default_doctype=False,
        huge_tree=False,
        encoding=encoding,
    )


def _with_plain_elements(parser: lxml.html.HTMLParser) -> lxml.html.HTMLParser:
    parser.set_element_class_lookup(
        etree.ElementDefaultClassLookup(
            element=HtmlElement,
            comment=lxml.html.HtmlComment,
            pi=lxml.html.HtmlProcessingInstruction,
            entity=lxml.html.HtmlEntity,
        )
    )
    return parser


# One parser for every page: creating a parser is costly.
_PARSER = _new_parser()
# parse_html's own parser. lxml.html picks each element's class (FormElement, InputElement...)
# in Python, once for every element proxy the readers create; the readers use none of the form
# classes, and the C-level default lookup makes every element a plain HtmlElement at a fraction
# of the cost. load_html keeps lxml.html's classes for its callers.
_PAGE_PARSER = _with_plain_elements(_new_parser())
# The same parsers reading the page as UTF-8 bytes: the check for characters XML cannot carry
# encodes the page anyway, and libxml2 reads UTF-8 bytes faster than a Python str.
_UTF8_TWINS = {
    id(_PARSER): _new_parser("utf-8"),
    id(_PAGE_PARSER): _with_plain_elements(_new_parser("utf-8")),
}
# C0 controls other than tab, line feed and carriage return: all XML 1.0 refuses below U+0080.
_C0_UNSAFE = bytes(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0D))
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*>")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_BINARY_SAMPLE = 65536
_BINARY_SHARE = 0.01
# The body read from the page must hold at least this share of the story embedded as data.
_EMBEDDED_BODY_SHARE = 0.5


def _looks_binary(text: str) -> bool:
    sample = text[:_BINARY_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    return controls > 8 and controls > _BINARY_SHARE * len(sample)


def _utf8_if_safe(text: str) -> bytes | None:
    """The page as UTF-8 when it holds no character XML 1.0 cannot carry, else ``None``.

    Deleting the few unsafe byte values and comparing lengths is several times faster than a
    regular-expression search of the text; above U+007F only surrogates (which do not encode)
    and U+FFFE/U+FFFF are unsafe.
    """
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError:
        return None
    if len(data.translate(None, _C0_UNSAFE)) != len(data):
        return None
    if not text.isascii() and ("\ufffe" in text or "\uffff" in text):
        return None
    return data


def load_html(html: str | bytes, *, max_size: int = MAX_PAGE_SIZE) -> HtmlElement:
    """Decode and parse a page into an lxml tree, refusing input that is not a usable page.

    Raises :class:`~newsmodel.errors.ParseError` for empty, binary, oversized or too deeply
    nested input, a tag with more than :data:`MAX_ATTRIBUTES` attributes, or a text too large
    for libxml2's limits.
    """
    return _load(html, max_size, _PARSER)


def _load(html: str | bytes, max_size: int, parser: lxml.html.HTMLParser) -> HtmlElement:
    if isinstance(html, bytes | bytearray):
        if len(html) > max_size:
            raise ParseError(f"page too large: {len(html)} bytes (limit {max_size})")
        text = decode_html(bytes(html))
    elif isinstance(html, str):
        if len(html) > max_size:
            raise ParseError(f"page too large: {len(html)} characters (limit {max_size})")
        text = html
    else:
        raise TypeError(f"parse_html() takes str or bytes, not {type(html).__name__}")
    # Binary input is full of control characters, which XML-unsafe characters include: a page
    # without any (nearly every page) needs neither the binary check nor the stripping.
    data = _utf8_if_safe(text)
    unsafe = data is None and _XML_UNSAFE.search(text) is not None
    if unsafe and _looks_binary(text):
        raise ParseError("input looks like binary data, not HTML")
    if _XML_DECLARATION.match(text) is not None:
        # lxml refuses str input that declares an encoding; the text is decoded already.
        text = _XML_DECLARATION.sub("", text, count=1)
        data = None
    if unsafe:
        text = strip_unsafe(text)
    if not text or text.isspace():
        raise ParseError("empty input: no article content found")
    if attributes_over(text, data, MAX_ATTRIBUTES):
        raise ParseError(
            f"page has a tag with more than {MAX_ATTRIBUTES} attributes, too many to parse in reasonable time"
        )
    try:
        if data is not None:
            parser = _UTF8_TWINS.get(id(parser), parser)
            root = lxml.html.document_fromstring(data, parser=parser)
        else:
            root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ParseError(f"could not parse the page as HTML: {exc}") from exc
    for entry in parser.error_log:
        # libxml2 stops reading at its limits; returning what it read would silently truncate
        # the article.
        if "Excessive depth" in entry.message:
            raise ParseError(f"page nested too deeply to read completely ({entry.message.strip()})")
        if entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT:
            raise ParseError(
                "page has a text or node too large for the parser's safety limits to read completely"
                f" ({entry.message.strip()})"
            )
    return root


def _find_quotes(paragraphs: Sequence[str], language: str | None) -> Sequence[tuple[Quote, ...]]:
    """Quotations in each paragraph, from the quote finder shared with the plain-text reader.

    ``paragraphs`` are the texts of Paragraph objects, which the model has already cleared of
    characters XML cannot carry: the quote finder need not scan them again.
    """
    return quote_document(list(paragraphs), language=language, checked=True)


def _merge_quotes(paragraph: Paragraph, found: tuple[Quote, ...]) -> Paragraph:
    # Markup (<q>, <blockquote>) is the author's own statement of a quotation, so it wins over
    # quotes found in the text where they overlap.
    if not found:
        return paragraph
    kept = list(paragraph.quotes)
    for quote in found:
        if all(quote.end <= q.start or quote.start >= q.end for q in paragraph.quotes):
            kept.append(quote)
    kept.sort(key=lambda q: q.start)
    return attrs.evolve(paragraph, quotes=tuple(kept))


def _with_quotes(sections: list[Section], language: str | None) -> list[Section]:
    paragraphs = [p for s in sections for p in s.iter_paragraphs()]
    found = _find_quotes([p.text for p in paragraphs], language)
    replacement = {
        id(p): _merge_quotes(p, quotes) for p, quotes in zip(paragraphs, found, strict=True) if quotes
    }
    if not replacement:
        return sections

    def swap(p: Paragraph) -> Paragraph:
        return replacement.get(id(p), p)

    def rebuild(block: Block) -> Block:
        if type(block) is Paragraph:
            return swap(block)
        if type(block) is ListBlock:
            return attrs.evolve(block, items=tuple(swap(p) for p in block.items))
        if type(block) is BlockQuote:
            return attrs.evolve(block, paragraphs=tuple(swap(p) for p in block.paragraphs))
        return block

    return [
        Section(heading=s.heading, level=s.level, blocks=[rebuild(b) for b in s.blocks]) for s in sections
    ]


def _sections_from_text(text: str) -> list[Section]:
    """Sections from story text a page embeds as data (paragraphs separated by line breaks)."""
    paragraphs = [p for p in (clean_text(line) for line in text.split("\n")) if p]
    return [Section(paragraphs=paragraphs)] if paragraphs else []


def _body_text_length(sections: list[Section]) -> int:
    return sum(len(p.text) for s in sections for p in s.iter_paragraphs())


def _read_body(root: HtmlElement, metadata: PageMetadata, base_url: str | None) -> list[Section]:
    """The article body as sections: the page's main content, or the story it embeds as data."""
    clean_tree(root)
    scores = score_page(root)
    content = find_content_root(scores)
    sections = []
    if content is not None:
        sections = build_sections(
            content,
            scores,
            headline=metadata.headline,
            base_url=base_url,
            authors=[author.name for author in metadata.authors],
        )
    embedded = metadata.article_body
    # A page that embeds its story as data (JSON-LD articleBody, Next.js state) and shows
    # far less of it than that was not read right (or renders the story with JavaScript).
    if embedded and _body_text_length(sections) < _EMBEDDED_BODY_SHARE * len(embedded):
        sections = _sections_from_text(embedded) or sections
    return sections


def parse_html(html: str | bytes, *, url: str | None = None, max_size: int = MAX_PAGE_SIZE) -> Article:
    """Read a news page (or a CMS export) into an Article.

    ``html`` may be ``str`` or ``bytes`` (bytes are decoded here, whatever charset the page
    declares); ``url`` is the page's address, used to resolve relative links and as the
    article URL when the page does not state its own. The body leaves out navigation,
    comments, related links and other boilerplate, and the headline itself.

    Raises :class:`~newsmodel.errors.ParseError` when the input is not a readable page or
    holds no article (no headline or no content).
    """
    root = _load(html, max_size, _PAGE_PARSER)
    metadata = extract_metadata(root, url=url)
    if metadata.headline is None:
        raise ParseError("no article content found: the page has no headline")
    sections = _read_body(root, metadata, url or metadata.url)
    if not sections:
        raise ParseError("no article content found")
    sections = _with_quotes(sections, metadata.language)
    return Article(
        headline=metadata.headline,
        summary=metadata.summary,
        kicker=metadata.kicker,
        authors=metadata.authors,
        published=metadata.published,
        modified=metadata.modified,
        language=metadata.language,
        url=metadata.url or url,
        identifier=metadata.identifier,
        publisher=metadata.publisher,
        subjects=metadata.subjects,
        sections=tuple(sections),
    )
