"""One HTML page's metadata sources, each read once: the raw material the reconcilers work on.

:class:`PageSources` walks the tree once (for the handful of tags metadata lives in and the
attributes that mark bylines and microdata), parses JSON-LD and app-state JSON once, and keeps
what it found; :func:`text_window` gives the visible text around the headline.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Container, Iterable, Iterator
from typing import Any
from urllib.parse import urljoin

import attrs
from lxml import etree
from lxml.html import HtmlElement

from ..model import xml_unsafe_characters
from . import _content
from .jsonld import JsonLd, app_state_story, as_strings, first_string, read_jsonld

__all__ = [
    "PageSources",
    "TextWindow",
    "absolute",
    "clean",
    "clean_body",
    "elements",
    "first",
    "in_foreign_region",
    "page_language",
    "text_of",
    "text_window",
]

Element = etree._Element


_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TAGS = re.compile(r"</?[A-Za-z!][^<>]{0,200}>")
_MAX_FIELD = 2_000
_MAX_BODY = 2_000_000


_MOJIBAKE = re.compile("[ÃÂâ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def _repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as Latin-1/Windows-1252 ("Investorâ\x80\x99s" -> "Investor’s"), if it is that."""
    if not _MOJIBAKE.search(text):
        return text
    for codec in ("latin-1", "cp1252"):
        try:
            return text.encode(codec).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return text


def clean(value: object, *, limit: int = _MAX_FIELD) -> str | None:
    """A JSON or attribute value as one line of XML-safe text, ``None`` if blank or not a string."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value[: limit * 2]
    if "<" in text:
        text = _TAGS.sub(" ", text)  # markup in a JSON string; "&lt;br&gt;" is text and stays
    if "&" in text:
        text = html.unescape(text)
    if "Ã" in text or "â" in text or "Â" in text:
        text = _repair_mojibake(text)
    if xml_unsafe_characters(text):
        text = _UNSAFE.sub("", text)
    text = " ".join(text.split())[:limit]
    return text or None


def clean_body(value: str) -> str | None:
    """Story text keeps its paragraph breaks; only unsafe characters and runs of spaces go."""
    text = value[:_MAX_BODY]
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = re.sub(r"(?i)</?(?:p|br|div|h\d|li)\b[^<>]{0,200}>", "\n\n", text)
        text = _TAGS.sub("", text)
    text = _UNSAFE.sub("", text)
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\s*\n|\r\n\s*\r\n", text))
    body = "\n\n".join(p for p in paragraphs if p)
    return body or None


def first(values: Iterable[str | None]) -> str | None:
    for value in values:
        if value:
            return value
    return None


def absolute(value: str | None, base: str | None) -> str | None:
    if not value:
        return None
    if base and not value.startswith(("http://", "https://")):
        try:
            return urljoin(base, value)
        except ValueError:
            return None
    return value


def text_of(element: Element) -> str:
    """All the text inside ``element`` (what ``text_content()`` gives, for any lxml element)."""
    return "".join(t for t in element.itertext() if isinstance(t, str))


def elements(query: etree.XPath, node: Element) -> list[Element]:
    """The elements an XPath query selects (its typed result, for mypy)."""
    result = query(node)
    return [e for e in result if isinstance(e, etree._Element)] if isinstance(result, list) else []


# The few tags metadata lives in, and the attributes that mark bylines and microdata, are found
# in one walk over the elements: each whole-tree walk costs a fraction of a millisecond on a
# large page, and libxml2's XPath tests each attribute several times over.
_TAGS_OF_INTEREST = ("meta", "script", "h1", "title", "link", "time")


# Regions whose names are not the article's: comments, related links, navigation. Matched per
# class token ("comments-area", "sidebar-widget"), never inside utility classes such as
# "lg:mr-[--sidebar-width]".
_FOREIGN_WORDS = (
    r"(?:comments?|commentlist|respond|replies|reply|disqus|related|recirc\w*|recommend\w*|"
    r"more-stories|popular|trending|most-read|sidebar|site-footer|footer|navbar|nav|navigation|menu|"
    r"newsletter|promo|teaser|outbrain|taboola|also-like|read-next|next-post|prev-post)"
)
# The word opens or closes the token ("comments-area", "post-navigation"); in the middle it
# usually describes a layout ("story-sidebar-mode-single"), not a region.
_FOREIGN_TOKEN = re.compile(rf"{_FOREIGN_WORDS}(?:[-_][\w-]*)?|[\w-]*[-_]{_FOREIGN_WORDS}", re.IGNORECASE)
# Always outside the article; <aside> and <footer> only when no <article> holds them.
_FOREIGN_TAGS = frozenset({"nav", "form", "button", "select", "option", "script", "style"})
_ASIDE_TAGS = frozenset({"aside", "footer"})


def _is_teaser(article: etree._Element) -> bool:
    """An ``<article>`` that is a related-story card: named so, and without a headline of its own."""
    return _foreign_tokens(article) and next(article.iter("h1"), None) is None


def _foreign_tokens(node: etree._Element) -> bool:
    return _foreign_names(node.get("class") or "", node.get("id") or "")


# Cached: the same class names come up for every element whose ancestors are looked at.
@functools.lru_cache(maxsize=4096)
def _foreign_names(classes: str, ident: str) -> bool:
    for token in f"{classes} {ident}".split():
        if "[" not in token and ":" not in token and _FOREIGN_TOKEN.fullmatch(token):
            return True
    return False


def mark_elements(
    elements: list[etree._Element], by_tag: dict[str, list[etree._Element]] | None
) -> tuple[list[etree._Element], list[etree._Element]]:
    """PageSources' walk in Python: the reference for newsmodel._pagescore.marks, and its fallback.

    Adds each element to its tag's list in ``by_tag`` (when given) and returns the elements with
    an itemprop and those whose itemprop, class, id or rel names an author, byline, writer or
    contributor (or hCard's "fn"), both in document order.
    """
    itemprops: list[etree._Element] = []
    candidates: list[etree._Element] = []
    for element in elements:
        if by_tag is not None:
            found = by_tag.get(element.tag)
            if found is not None:
                found.append(element)
        get = element.get
        value = get("itemprop")
        if value is not None:
            itemprops.append(element)
            if "uthor" in value or "reator" in value:
                candidates.append(element)
                continue
        for name in ("class", "id", "rel"):
            value = get(name)
            if value is not None and (
                "uthor" in value
                or "yline" in value
                or "fn" in value
                or "riter" in value
                or "ontributor" in value
            ):
                candidates.append(element)
                break
    return itemprops, candidates


def _load_walk() -> Any:
    """newsmodel._pagescore.walk, given lxml's public elementFactory; None without either."""
    module = _content._pagescore
    capi = getattr(etree, "__pyx_capi__", None)
    if module is None or not hasattr(module, "walk") or not isinstance(capi, dict):
        return None
    try:
        module.use_element_factory(capi["elementFactory"])
    except (KeyError, TypeError):
        return None
    return module.walk


# The same walk in C (None: not built, turned off, or refused at import): walk() reads the
# nodes from the root and makes proxies only for what it returns; marks() reads the nodes behind
# a list of proxies, for the trees walk() leaves to it. The tests and the benchmarks set them
# to None to compare with the Python walk.
_marks: Any = getattr(_content._pagescore, "marks", None)
_walk: Any = _load_walk()


class PageSources:
    """The raw findings of one page, each source read once, for the reconcilers below."""

    def __init__(self, tree: HtmlElement, url: str | None) -> None:
        self.tree = tree
        self.base_url = url
        self.by_tag: dict[str, list[etree._Element]] = {tag: [] for tag in _TAGS_OF_INTEREST}
        # Elements with an itemprop, in document order; elements whose itemprop, class, id or rel
        # names an author, byline, writer or contributor (or hCard's "fn"), in document order.
        self.itemprops: list[etree._Element] = []
        self.byline_candidates: list[etree._Element] = []
        root = tree.getroottree().getroot()
        tags = _TAGS_OF_INTEREST if root is tree else ()
        marked = _walk(root, tags) if _walk is not None else None
        if marked is None:
            elements = list(root.iter(etree.Element))
            marked = _marks(elements, tags) if _marks is not None else None
            if marked is None:
                self.itemprops, self.byline_candidates = mark_elements(
                    elements, self.by_tag if tags else None
                )
        if marked is not None:
            found_by_tag, self.itemprops, self.byline_candidates = marked
            for tag, found in zip(tags, found_by_tag, strict=True):
                self.by_tag[tag] = found
        if root is not tree:  # a subtree: its tags, but the marks of the whole document
            for element in tree.iter(*_TAGS_OF_INTEREST):
                self.by_tag[element.tag].append(element)
        self.canonical = [
            link.get("href") for link in self.by_tag["link"] if (link.get("rel") or "").lower() == "canonical"
        ]
        self.meta: dict[str, list[str]] = {}
        for element in self.by_tag["meta"]:
            if element.get("content") is None:
                continue
            key = (
                element.get("property")
                or element.get("name")
                or element.get("itemprop")
                or element.get("http-equiv")
            )
            value = clean(element.get("content"))
            if key and value:
                self.meta.setdefault(key.strip().lower(), []).append(value)
        self.jsonld: JsonLd = read_jsonld(self.by_tag["script"])
        articles = self.jsonld.articles()
        self.story, embedded_article = app_state_story(self.by_tag["script"])
        self.article: dict[str, Any] = self._main_article(articles) if articles else embedded_article
        pages = self.jsonld.pages()
        self.page_node: dict[str, Any] = pages[0] if pages else {}
        self.microdata: dict[str, list[etree._Element]] = self._read_microdata()
        # Relative URLs resolve against where the page came from, else against where it says it lives.
        declared = [u for u in (*self.canonical, *self.meta.get("og:url", ())) if u and u.startswith("http")]
        self.base_for_links: str | None = url or (declared[0] if declared else None)

    def metas(self, *keys: str) -> Iterator[str]:
        """The content of the ``<meta>`` elements named by any of ``keys``, in key order."""
        for key in keys:
            yield from self.meta.get(key, ())

    def _main_article(self, articles: list[dict[str, Any]]) -> dict[str, Any]:
        """The article object about this page: the one whose URL is the page's, else the fullest."""
        urls = {u for u in (self.base_url, *self.canonical, *self.meta.get("og:url", ())) if u}

        def score(node: dict[str, Any]) -> tuple[int, int]:
            own = {first_string(node.get("url")), first_string(node.get("@id"))}
            entity = node.get("mainEntityOfPage")
            own.add(first_string(entity.get("@id")) if isinstance(entity, dict) else first_string(entity))
            fields = sum(1 for k in ("headline", "author", "datePublished", "articleBody") if k in node)
            return (1 if urls & own else 0, fields)

        return max(articles, key=score)

    def _read_microdata(self) -> dict[str, list[etree._Element]]:
        """``itemprop`` elements of the page's main Article-like item.

        Comments, reviews and the Article items of related-story teasers are other items: only
        the first item that carries a headline, a body or the page's ``<h1>`` is the article.
        """
        by_scope: dict[etree._Element, dict[str, list[etree._Element]]] = {}
        for element in self.itemprops:
            scope = element.getparent()
            while scope is not None and scope.get("itemscope") is None:
                scope = scope.getparent()
            item_type = (scope.get("itemtype") or "").lower() if scope is not None else ""
            if scope is None or not any(
                t in item_type for t in ("article", "blogposting", "posting", "webpage")
            ):
                continue
            props = by_scope.setdefault(scope, {})
            for prop in (element.get("itemprop") or "").split():
                props.setdefault(prop.lower(), []).append(element)
        for scope, props in by_scope.items():
            if "headline" in props or "articlebody" in props or any(True for _ in scope.iter("h1")):
                return props
        return {}

    def microdata_values(self, prop: str) -> Iterator[str]:
        """Values of the microdata property: ``content``/``datetime`` attributes, else the text."""
        for element in self.microdata.get(prop, ()):
            value = element.get("content") or element.get("datetime") or element.get("href")
            if value is None and element.get("itemscope") is None:
                value = text_of(element)
            cleaned = clean(value)
            if cleaned:
                yield cleaned


def in_foreign_region(element: etree._Element, article_region: Container[etree._Element] = ()) -> bool:
    """Whether the element sits in comments, navigation, related links, a sidebar or the page footer.

    An ``<aside>`` or ``<footer>`` inside an ``<article>`` is the article's own (HTML5 puts
    bylines and dates there); a comments section inside an ``<article>`` is still foreign.
    ``article_region`` holds elements known to enclose the article (the headline's ancestors):
    names above them describe the page layout ("story-template-sidebar"), not a region.
    """
    node: etree._Element | None = element
    depth = 0
    aside = False
    while node is not None and depth < 40:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("body", "html") or (depth and node in article_region):
            break
        if tag == "article" and not _is_teaser(node):
            return False  # the article's own <aside>/<footer>
        if tag in _FOREIGN_TAGS or (depth and _foreign_tokens(node)):
            return True
        aside = aside or tag in _ASIDE_TAGS
        node = node.getparent()
        depth += 1
    return aside


_NOT_VISIBLE = frozenset({"script", "style", "noscript", "template", "option", "title", "button", "select"})
_WINDOW_LEVELS = 5
_WINDOW_MAX_LEVELS = 10
_WINDOW_ENOUGH = 40
_WINDOW_AFTER = 80
_WINDOW_BEFORE = 20


@attrs.frozen
class TextWindow:
    """The page's visible text pieces around the headline, in document order.

    ``pieces`` pairs each text with the element that holds it; ``start`` is the index of the
    first piece of the headline (0 when the page has no headline element); ``headline`` is
    the headline element itself.
    """

    pieces: list[tuple[str, etree._Element]]
    start: int
    headline: etree._Element | None = None

    def nearest_first(self) -> list[tuple[str, etree._Element]]:
        """Pieces ordered by distance from the headline, after it before before it."""
        after = self.pieces[self.start : self.start + _WINDOW_AFTER]
        before = self.pieces[max(0, self.start - _WINDOW_BEFORE) : self.start][::-1]
        mixed = [p for pair in zip(after, before, strict=False) for p in pair]
        return mixed + after[len(before) :] + before[len(after) :]


def _pieces(element: etree._Element, pieces: list[tuple[str, etree._Element]], limit: int) -> None:
    """Append the visible text pieces of ``element`` (its tail included), in document order."""
    for node in element.iter():
        if isinstance(node.tag, str) and node.tag not in _NOT_VISIBLE:
            text = node.text
            if text and not text.isspace():
                pieces.append((text, node))
        if node is not element:
            tail = node.tail
            if tail and not tail.isspace():
                parent = node.getparent()
                if parent is not None:
                    pieces.append((tail, parent))
        if len(pieces) > limit:
            return
    tail = element.tail
    parent = element.getparent()
    if tail and not tail.isspace() and parent is not None:
        pieces.append((tail, parent))


def _last_pieces(element: etree._Element, pieces: list[tuple[str, etree._Element]], limit: int) -> None:
    """Append the visible text pieces of ``element`` (tail included) last first, up to ``limit``."""
    parent = element.getparent()
    tail = element.tail
    if tail and not tail.isspace() and parent is not None:
        pieces.append((tail, parent))
    visible = isinstance(element.tag, str) and element.tag not in _NOT_VISIBLE
    if visible:
        for child in reversed(element):
            if len(pieces) >= limit:
                return
            _last_pieces(child, pieces, limit)
    text = element.text
    if visible and text and not text.isspace() and len(pieces) < limit:
        pieces.append((text, element))


def text_window(src: PageSources, headline: etree._Element | None) -> TextWindow:
    """The visible text around the headline, gathered outwards from it.

    After the headline: its own text, then what follows it at each ancestor level, raised at
    least a few levels and further until enough text follows (a headline alone in its hero
    banner has its byline and date in a sibling block). Before it: the nearest preceding
    pieces. Without a headline, the start of the page.
    """
    if headline is None:
        pieces: list[tuple[str, etree._Element]] = []
        body = src.tree.find("body")
        _pieces(body if body is not None else src.tree, pieces, 400)
        return TextWindow(pieces[:400], 0)
    after: list[tuple[str, etree._Element]] = []
    _pieces(headline, after, _WINDOW_AFTER)
    before: list[tuple[str, etree._Element]] = []  # nearest first
    node = headline
    for level in range(_WINDOW_MAX_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag == "html":
            break
        if len(after) < _WINDOW_AFTER:
            for sibling in node.itersiblings():
                _pieces(sibling, after, _WINDOW_AFTER)
                if len(after) >= _WINDOW_AFTER:
                    break
        if len(before) < _WINDOW_BEFORE:
            for sibling in node.itersiblings(preceding=True):
                _last_pieces(sibling, before, _WINDOW_BEFORE)
                if len(before) >= _WINDOW_BEFORE:
                    break
            if parent.text and not parent.text.isspace() and parent.tag not in _NOT_VISIBLE:
                before.append((parent.text, parent))
        if parent.tag in ("html", "body"):
            break
        node = parent
        if level + 1 >= _WINDOW_LEVELS and len(after) >= _WINDOW_ENOUGH:
            break
        if parent.tail and not parent.tail.isspace() and len(after) < _WINDOW_AFTER:
            grand = parent.getparent()
            if grand is not None:
                after.append((parent.tail, grand))
    before = before[:_WINDOW_BEFORE]
    return TextWindow(before[::-1] + after[:_WINDOW_AFTER], min(len(before), _WINDOW_BEFORE), headline)


_LANG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*\Z")


def page_language(src: PageSources) -> str | None:
    """The page's language tag: ``<html lang>``, then content-language meta, then JSON-LD."""
    candidates = [
        src.tree.getroottree().getroot().get("lang"),
        src.tree.getroottree().getroot().get("{http://www.w3.org/XML/1998/namespace}lang"),
        *src.metas("content-language", "language", "dc.language", "og:locale"),
        *as_strings(src.article.get("inLanguage")),
    ]
    for value in candidates:
        if isinstance(value, str) and value:
            tag = value.strip().split(",")[0].strip().replace("_", "-")
            if _LANG.match(tag):
                return tag
    return None
