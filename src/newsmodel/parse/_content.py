"""Find the main content of a web page: boilerplate removal and single-pass scoring.

Every element gets, bottom-up in one walk, the amount of text and link text beneath it and a
*value*: the sum of the values of the text blocks (paragraphs, list items, cells...) inside it.
A block of prose is worth its unlinked characters; a block of links or a tiny fragment (menu
items, share buttons, tag lists) is worth less than nothing. Elements whose class, id or role
say they are boilerplate (comments, related links, share bars, ads, cookie banners) pass a
negative value to their parents. The main content is then the element with the highest value:
the smallest subtree that holds the prose and as little of the rest as possible.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import ModuleType
from typing import Any

import attrs
from lxml import etree
from lxml.html import HtmlElement

from .._extensions import import_extension

__all__ = ["PageScores", "clean_tree", "find_content_root", "score_page"]

# Never content: removed (with their subtrees, keeping the text that follows them) before scoring.
_JUNK_TAGS: tuple[str, ...] = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "math",
    "canvas",
    "iframe",
    "object",
    "embed",
    "select",
    "input",
    "textarea",
    "option",
    "head",
    "amp-ad",
    "amp-analytics",
    "amp-sidebar",
    "amp-social-share",
    "amp-consent",
    "amp-sticky-ad",
)

# Words of class / id / role names that mark boilerplate. Names are split into words at
# anything but letters and digits, so "ad" matches "top-ad" and "ad_slot" but not "header";
# two-word names are matched on adjacent words too ("sr-only", "read more"). Strong words hold
# even beside a content word ("comment-content"); weak ones ("header", "meta") yield to one
# ("article-header entry-content"). A word after "has", "with", "no" or "w" describes a layout
# ("has-sidebar"), not the element.
_STRONG_WORDS = frozenset(
    [
        "comment",
        "comments",
        "commentlist",
        "disqus",
        "forum",
        "respond",
        "share",
        "sharing",
        "sharebar",
        "social",
        "socials",
        "related",
        "recommended",
        "recirc",
        "outbrain",
        "taboola",
        "newsletter",
        "subscribe",
        "subscription",
        "advert",
        "advertisement",
        "ad",
        "ads",
        "adslot",
        "dfp",
        "sponsor",
        "sponsored",
        "sidebar",
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "breadcrumb",
        "breadcrumbs",
        "pagination",
        "pager",
        "navbar",
        "nav",
        "navigation",
        "menu",
        "footer",
        "complementary",
        "contentinfo",
        "search",
        "morestories",
        "visuallyhidden",
        "sronly",
        "screenreader",
        "skiplink",
        "printonly",
    ]
)
_WEAK_WORDS = frozenset(
    [
        "readmore",
        "readnext",
        "alsoread",
        "trending",
        "popular",
        "promo",
        "promoted",
        "signup",
        "registration",
        "popup",
        "modal",
        "overlay",
        "masthead",
        "header",
        "banner",
        "byline",
        "bylines",
        "authorbox",
        "authorbio",
        "authorinfo",
        "aboutauthor",
        "meta",
        "timestamp",
        "publisheddate",
        "publishdate",
        "tags",
        "taglist",
        "keywords",
        "categories",
        "toolbar",
        "tools",
        "utility",
        "feedback",
        "rating",
        "dialog",
        "alertdialog",
        "caption",
        "captions",
        "credit",
        "credits",
        "imagecredit",
        "photocredit",
        "gallery",
        "slideshow",
        "carousel",
        "slider",
    ]
)
_CONTENT_WORDS = frozenset(["article", "content", "entry", "post", "story", "main", "blog", "hentry", "body"])
_LAYOUT_MODIFIERS = frozenset({"has", "with", "no", "w"})
# Names CMSs give the element that holds an article's body, written without separators.
_BODY_NAMES = frozenset(
    [
        "articlebody",
        "articlecontent",
        "articletext",
        "entrycontent",
        "postcontent",
        "postbody",
        "postentry",
        "storybody",
        "storycontent",
        "bodytext",
        "contentbody",
        "maincontent",
        "richtext",
        "fieldnamebody",
        "tdpostcontent",
    ]
)
_NAME_WORDS = re.compile(r"[^a-z0-9]+")
# The first words of the names above that are written as two words ("read-more", "sr-only").
_PAIR_STARTS = frozenset(
    [
        "read",
        "also",
        "more",
        "visually",
        "sr",
        "screen",
        "skip",
        "print",
        "sign",
        "author",
        "about",
        "published",
        "publish",
        "tag",
        "image",
        "photo",
        "article",
        "entry",
        "post",
        "story",
        "body",
        "content",
        "main",
        "rich",
        "field",
        "td",
        "comment",
        "ad",
    ]
)
_TRIGGER_WORDS = _STRONG_WORDS | _WEAK_WORDS | _BODY_NAMES | _PAIR_STARTS
_COMMENTS = re.compile(r"comment|disqus|respond|repl(?:y|ies)")
# Sectioning elements that hold page furniture, unless they wrap most of the page.
_FURNITURE_TAGS = frozenset({"nav", "aside", "footer", "header", "dialog", "menu", "button"})
_HIDDEN_CLASSES = frozenset({"hidden", "is-hidden", "d-none", "hide", "invisible"})
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden")

# Elements whose text forms one block (a paragraph, an item, a cell) for scoring.
_BLOCK_TAGS = frozenset(
    {"p", "pre", "li", "dd", "dt", "td", "th", "blockquote", "figcaption", "caption", "address"}
    | {"h1", "h2", "h3", "h4", "h5", "h6"}
)
_CELL_TAGS = frozenset({"td", "th"})
_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CONTAINER_TAGS = frozenset({"div", "section", "article", "main", "body", "td", "form", "span", "center"})
_NEVER_BOILERPLATE = frozenset({"html", "body", "main", "article"})

# Block value = unlinked chars - _LINK_PENALTY * linked chars - _BLOCK_COST: prose is worth its
# length, link lists and crumbs of text are worth less than nothing.
_LINK_PENALTY = 1.5
_PROSE_LINK_PENALTY = 0.5
_BLOCK_COST = 12.0
# A container with direct text of this many characters counts as a block of its own.
_LOOSE_TEXT_MIN = 40
# Boilerplate subtrees pass this much negative value per character to their parents.
_BOILERPLATE_PENALTY = 0.1
# A boilerplate-labelled element holding more than this share of the page's text is a wrapper.
_WRAPPER_SHARE = 0.6
# Labelled prose is taken as the content when it outweighs the best unlabelled candidate this much.
_LABEL_OVERRIDE = 3.0
# An element named like an article body is preferred over an unnamed one of up to this much more value.
_BODY_HINT_BONUS = 1.5


@attrs.define(slots=True)
class PageScores:
    """Per-element statistics from one bottom-up walk, indexed by document (pre-)order."""

    elements: list[HtmlElement]
    position: dict[HtmlElement, int]
    text_len: list[int]
    link_len: list[int]
    value: list[float]
    boilerplate: list[bool]
    body_hint: list[bool]
    # True for an element that is, or lies inside, boilerplate.
    in_boilerplate: list[bool]

    def link_density(self, element: HtmlElement) -> float:
        """Share of an element's text that sits inside links (0 for an element without text)."""
        i = self.position.get(element)
        if i is None or self.text_len[i] == 0:
            return 0.0
        return self.link_len[i] / self.text_len[i]

    def is_boilerplate(self, element: HtmlElement) -> bool:
        """Whether the element's class, id, role or style marks it as not part of the content."""
        i = self.position.get(element)
        return i is not None and self.boilerplate[i]

    def is_in_boilerplate(self, element: HtmlElement) -> bool:
        """Whether the element is boilerplate or lies inside boilerplate."""
        i = self.position.get(element)
        return i is not None and self.in_boilerplate[i]

    def text_length(self, element: HtmlElement) -> int:
        """Characters of text beneath the element."""
        i = self.position.get(element)
        return 0 if i is None else self.text_len[i]


def clean_tree(root: HtmlElement) -> None:
    """Remove elements that are never article content (scripts, navigation, forms...)."""
    etree.strip_elements(root, *_JUNK_TAGS, with_tail=False)


_PLAIN, _BOILERPLATE, _BODY = 0, 1, 2
# Pages repeat their class names; classifying each distinct label once keeps the walk cheap.
_LABEL_KINDS: dict[str, int] = {}
_LABEL_CACHE_SIZE = 50_000


def _label_kind(label: str) -> int:
    kind = _LABEL_KINDS.get(label)
    if kind is None:
        kind = _classify_label(label.lower())
        if len(_LABEL_KINDS) >= _LABEL_CACHE_SIZE:
            # Start afresh rather than stop caching: a page repeats its own labels most.
            _LABEL_KINDS.clear()
        _LABEL_KINDS[label] = kind
    return kind


def _classify_label(label: str) -> int:
    if not _HIDDEN_CLASSES.isdisjoint(label.split()):
        return _BOILERPLATE
    words = [w for w in _NAME_WORDS.split(label) if w]
    if _TRIGGER_WORDS.isdisjoint(words):
        return _PLAIN
    strong = weak = content = body = False
    before = previous = ""
    for word in words:
        pair = previous + word
        if previous not in _LAYOUT_MODIFIERS:
            strong = strong or word in _STRONG_WORDS or pair in _STRONG_WORDS
            weak = weak or word in _WEAK_WORDS or pair in _WEAK_WORDS
        content = content or word in _CONTENT_WORDS
        body = body or word in _BODY_NAMES or pair in _BODY_NAMES or before + pair in _BODY_NAMES
        before, previous = previous, word
    if strong or (weak and not content):
        return _BOILERPLATE
    return _BODY if body else _PLAIN


def _classify(attributes: Mapping[str, str], tag: str) -> int:
    """Whether an element is boilerplate, named like an article body, or neither."""
    get = attributes.get
    if tag not in _NEVER_BOILERPLATE:
        if get("hidden") is not None or get("aria-hidden") == "true":
            return _BOILERPLATE
        style = get("style")
        if style is not None and _HIDDEN_STYLE.search(style.lower()):
            return _BOILERPLATE
    if get("itemprop") == "articleBody":
        return _BODY
    cls, id_, role = get("class"), get("id"), get("role")
    if cls is None and id_ is None and role is None:
        return _PLAIN
    kind = _label_kind(f"{cls or ''} {id_ or ''} {role or ''}")
    if kind == _BOILERPLATE and tag in _NEVER_BOILERPLATE:
        return _PLAIN
    return kind


def score_page(root: HtmlElement) -> PageScores:
    """Walk the tree once (bottom-up) and compute text, link text and content value per element."""
    elements: list[HtmlElement] = list(root.iter(etree.Element))
    position = {element: i for i, element in enumerate(elements)}
    if _pagescore is not None:
        scored: tuple[Any, ...] | None = _pagescore.score(elements)
        if scored is not None:
            # (parent, text_len, link_len, value, boilerplate, body_hint, in_boilerplate)
            return PageScores(elements, position, *scored[1:])
    return score_elements(elements, position)


def score_elements(elements: list[HtmlElement], position: dict[HtmlElement, int]) -> PageScores:
    """score_page's walk in Python: the reference for newsmodel._pagescore, and its fallback."""
    count = len(elements)
    parent = [position.get(element.getparent(), -1) for element in elements]
    tags = [element.tag for element in elements]
    text_len = [0] * count
    link_len = [0] * count
    # Text already counted in a nested block, so an enclosing block does not count it twice.
    claimed_text = [0] * count
    claimed_link = [0] * count
    value = [0.0] * count
    boilerplate = [False] * count
    body_hint = [False] * count
    # Text inside a link is link text, even in a block nested in the link (teaser cards).
    in_link = [False] * count
    for i in range(count):
        tag = tags[i]
        if tag in _FURNITURE_TAGS:
            boilerplate[i] = True
        else:
            # The element's own mapping, not dict(items()): lxml's items() takes time quadratic
            # in the number of attributes, and only seven names matter here.
            attributes = elements[i].attrib
            if attributes:
                kind = _classify(attributes, tag)
                boilerplate[i] = kind == _BOILERPLATE
                body_hint[i] = kind == _BODY
        p = parent[i]
        in_link[i] = tag == "a" or (p >= 0 and in_link[p])
    block_tags, container_tags, heading_tags = _BLOCK_TAGS, _CONTAINER_TAGS, _HEADING_TAGS
    for i in range(count - 1, -1, -1):
        element = elements[i]
        tag = tags[i]
        text = element.text
        total = text_len[i] + (len(text.strip()) if text else 0)
        text_len[i] = total
        if in_link[i]:
            link_len[i] = total
        if tag in block_tags or tag in container_tags:
            free_text = total - claimed_text[i]
            free_link = link_len[i] - claimed_link[i]
            if tag in block_tags or free_text - free_link >= _LOOSE_TEXT_MIN:
                if free_text > 0 and tag not in heading_tags:
                    # Links inside a paragraph are mostly prose that cites; elsewhere, navigation.
                    penalty = _PROSE_LINK_PENALTY if tag == "p" else _LINK_PENALTY
                    # A table cell is a crumb of a table, not a crumb of page furniture.
                    cost = 0.0 if tag in _CELL_TAGS else _BLOCK_COST
                    value[i] += free_text - free_link - penalty * free_link - cost
                claimed_text[i] = total
                claimed_link[i] = link_len[i]
        p = parent[i]
        if p < 0:
            continue
        tail = element.tail
        text_len[p] += total + (len(tail.strip()) if tail else 0)
        link_len[p] += link_len[i]
        claimed_text[p] += claimed_text[i]
        claimed_link[p] += claimed_link[i]
        if boilerplate[i]:
            value[p] += min(value[i], 0.0) - _BOILERPLATE_PENALTY * total
        else:
            value[p] += value[i]
    # A label on a wrapper that holds most of the page ("page has-sidebar") describes the
    # layout, not the wrapper: it is ignored.
    page_text = text_len[0] if count else 0
    in_boilerplate = [False] * count
    for i in range(count):
        if boilerplate[i] and text_len[i] > _WRAPPER_SHARE * page_text:
            boilerplate[i] = False
        p = parent[i]
        in_boilerplate[i] = boilerplate[i] or (p >= 0 and in_boilerplate[p])
    return PageScores(
        elements=elements,
        position=position,
        text_len=text_len,
        link_len=link_len,
        value=value,
        boilerplate=boilerplate,
        body_hint=body_hint,
        in_boilerplate=in_boilerplate,
    )


def _hidden_style(style: str) -> bool:
    return _HIDDEN_STYLE.search(style.lower()) is not None


# What the C walk must read of a parsed page exactly as lxml reports it: names, attributes
# (value-less, duplicated, entity-bearing, namespaced), text runs split by comments, tails.
_PROBE_HTML = (
    "<html><body><div hidden class=a class=b id='x&amp;y' data-x='&foo;' style='display: none'>"
    " t\u00e9xt\u3000<!-- c -->more\xa0<p>x<a href=#>link</a> tail \u2009</p>\ttail"
    "<![CDATA[ zz ]]></div><svg:rect xmlns:svg='http://www.w3.org/2000/svg' svg:a=1>q</svg:rect>"
    "<DIV ROLE=Nav>\U0001f600</DIV></body></html>"
)
_PROBE_XML = (
    "<a xmlns:q='u' q:class='1' class='2' xml:lang='en'><q:div>t<![CDATA[ x ]]>y<!--c-->z</q:div>"
    "<b>&amp;</b>tail</a>"
)


def _load_pagescore() -> ModuleType | None:
    """The configured C walk, or None: not built, turned off, or it does not read lxml's nodes as lxml does."""
    _pagescore = import_extension("_pagescore")
    if _pagescore is None:
        return None
    try:
        _pagescore.configure(
            element_type=etree._Element,
            label_kind=_label_kind,
            label_kinds=_LABEL_KINDS,
            hidden_style=_hidden_style,
            furniture=_FURNITURE_TAGS,
            never_boilerplate=_NEVER_BOILERPLATE,
            block=_BLOCK_TAGS,
            cell=_CELL_TAGS,
            heading=_HEADING_TAGS,
            container=_CONTAINER_TAGS,
            link_penalty=_LINK_PENALTY,
            prose_link_penalty=_PROSE_LINK_PENALTY,
            block_cost=_BLOCK_COST,
            loose_text_min=_LOOSE_TEXT_MIN,
            boilerplate_penalty=_BOILERPLATE_PENALTY,
            wrapper_share=_WRAPPER_SHARE,
            plain=_PLAIN,
            boilerplate=_BOILERPLATE,
            body=_BODY,
            strong_words=_STRONG_WORDS,
            weak_words=_WEAK_WORDS,
            content_words=_CONTENT_WORDS,
            body_names=_BODY_NAMES,
            layout_modifiers=_LAYOUT_MODIFIERS,
            hidden_classes=_HIDDEN_CLASSES,
            trigger_words=_TRIGGER_WORDS,
        )
        probes = [
            etree.fromstring(_PROBE_HTML, etree.HTMLParser()),
            etree.fromstring(_PROBE_XML, etree.XMLParser(strip_cdata=False, resolve_entities=False)),
        ]
    except (TypeError, ValueError, etree.LxmlError):
        return None
    for probe in probes:
        for element in probe.iter(etree.Element):
            if _pagescore.inspect(element) != _lxml_view(element):
                return None
    return _pagescore


def _lxml_view(element: etree._Element) -> tuple[object, ...]:
    """What _pagescore.inspect must return for the element."""
    text, tail = element.text, element.tail
    lengths = (len(text.strip()) if text else 0, len(tail.strip()) if tail else 0)
    return (element.tag, element.items(), text, tail, lengths)


# None runs the walk in Python; the tests switch it off and on to compare both.
_pagescore: Any = _load_pagescore()


def _under_comments(scores: PageScores, index: int) -> bool:
    element: HtmlElement | None = scores.elements[index]
    while element is not None:
        i = scores.position.get(element)
        if i is not None and scores.boilerplate[i]:
            label = " ".join(filter(None, (element.get("class"), element.get("id"))))
            if _COMMENTS.search(label.lower()) is not None:
                return True
        element = element.getparent()
    return False


def _best(scores: PageScores) -> tuple[int, float, int, float]:
    """The best unlabelled and the best labelled element, with their values (-1 and 0.0 for none)."""
    best = best_labelled = -1
    best_value = best_labelled_value = 0.0
    in_boilerplate = scores.in_boilerplate
    body_hint = scores.body_hint
    for i, v in enumerate(scores.value):
        if body_hint[i] and v > 0:
            v *= _BODY_HINT_BONUS
        if in_boilerplate[i]:
            if v > best_labelled_value:
                best_labelled, best_labelled_value = i, v
        elif v > best_value:
            best, best_value = i, v
    return best, best_value, best_labelled, best_labelled_value


def find_content_root(scores: PageScores) -> HtmlElement | None:
    """The element holding the main content, or None when the page has no prose at all."""
    found = None
    if _pagescore is not None:
        found = _pagescore.best(scores.value, scores.body_hint, scores.in_boilerplate, _BODY_HINT_BONUS)
    best, best_value, best_labelled, best_labelled_value = found or _best(scores)
    # A label can be wrong ("page-container sidebar-layout"): prose that outweighs everything
    # unlabelled by far is the content whatever its wrapper says.
    if best_labelled_value > _LABEL_OVERRIDE * best_value and not _under_comments(scores, best_labelled):
        best = best_labelled
    return scores.elements[best] if best >= 0 else None
