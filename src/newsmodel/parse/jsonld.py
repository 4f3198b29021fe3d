"""Reading schema.org JSON-LD and embedded app-state JSON (Next.js, Arc Fusion) out of a page.

Pages carry JSON in every shape: one object, an array, an ``@graph``, the article nested under
``mainEntity``, authors given inline or as ``{"@id": ...}`` references into the graph. Everything
here is defensive: a script that is not JSON, is too large, too deep, or has the wrong type in
any field is skipped or read as far as it makes sense, never raised on.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from lxml import etree

__all__ = [
    "ARTICLE_TYPES",
    "JsonLd",
    "app_state_story",
    "as_dicts",
    "as_strings",
    "first_string",
    "read_jsonld",
    "type_names",
]

#: schema.org types that describe an article (the page's main story).
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "liveblogposting",
        "techarticle",
        "scholarlyarticle",
        "report",
        "socialmediaposting",
        "posting",
        "medicalwebpage",
    }
)
# Types that describe the page itself or a how-to; used when no article object is there.
PAGE_TYPES = frozenset({"webpage", "itempage", "recipe", "howto", "review", "faqpage", "qapage", "aboutpage"})

# Limits that keep hostile pages cheap: JSON size, how deep and how many nodes we walk.
MAX_SCRIPT_CHARS = 2_000_000
MAX_APP_STATE_CHARS = 8_000_000
MAX_DEPTH = 12
MAX_NODES = 20_000

_FUSION_START = re.compile(r"Fusion\.globalContent\s*=\s*")
_OPENING_WRAPPER = re.compile(r"\s*(?://\s*)?(?:<!\[CDATA\[|<!--)")
_CLOSING_WRAPPER = re.compile(r"(?://\s*)?(?:\]\]>|-->)\s*\Z")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")


def type_names(node: dict[str, Any]) -> set[str]:
    """The node's ``@type`` values, lower-cased, without ``schema:`` or URL prefixes."""
    raw = node.get("@type")
    names = raw if isinstance(raw, list) else [raw]
    return {n.rsplit("/", 1)[-1].rsplit(":", 1)[-1].lower() for n in names if isinstance(n, str)}


def as_dicts(value: object) -> list[dict[str, Any]]:
    """``value`` as a list of objects: a lone object becomes a one-item list, non-objects are dropped."""
    if isinstance(value, dict):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, dict)]
    return []


def as_strings(value: object) -> list[str]:
    """``value`` as a list of non-empty strings, reading ``name``/``@value``/``url`` of objects."""
    items = value if isinstance(value, list) else [value]
    found: list[str] = []
    for item in items[:200]:
        if isinstance(item, dict):
            item = item.get("name") or item.get("@value") or item.get("url") or item.get("value")
        if isinstance(item, int | float) and not isinstance(item, bool):
            item = str(item)
        if isinstance(item, str) and item.strip():
            found.append(item)
    return found


def first_string(value: object) -> str | None:
    """The first string :func:`as_strings` finds in ``value``, if any."""
    strings = as_strings(value)
    return strings[0] if strings else None


def _loads(text: str) -> Any:
    """Parse JSON leniently (CDATA/comment wrappers, raw control characters, trailing commas)."""
    text = text.strip()
    if text[:1] not in ("{", "["):
        text = _OPENING_WRAPPER.sub("", text, count=1).strip()
    if text[-1:] not in ("}", "]"):
        # Only the last few characters can hold a wrapper; never scan a large document for it.
        head, tail = text[:-40], text[-40:]
        text = (head + _CLOSING_WRAPPER.sub("", tail)).strip()
    try:
        return json.loads(text, strict=False)
    except ValueError:
        return json.loads(_TRAILING_COMMA.sub(r"\1", text), strict=False)


def _load_script(text: str | None, limit: int) -> Any:
    if not text or len(text) > limit:
        return None
    try:
        return _loads(text)
    except (ValueError, RecursionError):
        return None


class JsonLd:
    """All JSON-LD objects of a page, flattened, with ``@id`` references resolvable.

    ``nodes`` holds every object found at the top level, in arrays, in ``@graph`` and under
    ``mainEntity``/``mainEntityOfPage``, in document order.
    """

    __slots__ = ("by_id", "nodes")

    def __init__(self, documents: list[Any]) -> None:
        self.nodes: list[dict[str, Any]] = []
        self.by_id: dict[str, dict[str, Any]] = {}
        budget = [MAX_NODES]
        for document in documents:
            self._collect(document, 0, budget)

    def _collect(self, value: Any, depth: int, budget: list[int]) -> None:
        if depth > MAX_DEPTH or budget[0] <= 0:
            return
        budget[0] -= 1
        if isinstance(value, list):
            for item in value[:500]:
                self._collect(item, depth + 1, budget)
            return
        if not isinstance(value, dict):
            return
        if "@type" in value:
            self.nodes.append(value)
        node_id = value.get("@id")
        if isinstance(node_id, str) and len(value) > 1:
            self.by_id.setdefault(node_id, value)
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemReviewed"):
            child = value.get(key)
            if isinstance(child, dict | list):
                self._collect(child, depth + 1, budget)

    def resolve(self, value: Any) -> Any:
        """Replace an ``{"@id": ...}`` reference by the full object it names (if the page has it)."""
        if isinstance(value, dict) and len(value) <= 2 and isinstance(value.get("@id"), str):
            return self.by_id.get(value["@id"], value)
        return value

    def resolve_all(self, value: Any) -> list[dict[str, Any]]:
        """:meth:`resolve` over a value that may be one object or a list of them."""
        items = value if isinstance(value, list) else [value]
        return [r for r in (self.resolve(v) for v in items[:100]) if isinstance(r, dict)]

    def articles(self) -> list[dict[str, Any]]:
        """The article objects (NewsArticle, BlogPosting, ...), in document order."""
        return [n for n in self.nodes if type_names(n) & ARTICLE_TYPES]

    def pages(self) -> list[dict[str, Any]]:
        """Page-level objects (WebPage, Recipe, HowTo, ...) to fall back on."""
        return [n for n in self.nodes if type_names(n) & PAGE_TYPES]

    def of_type(self, *names: str) -> Iterator[dict[str, Any]]:
        """Objects whose ``@type`` is one of ``names`` (lower-case)."""
        wanted = set(names)
        return (n for n in self.nodes if type_names(n) & wanted)


def read_jsonld(scripts: Iterable[etree._Element]) -> JsonLd:
    """Parse every ``application/ld+json`` script among the page's ``scripts``, once."""
    documents = [
        _load_script(script.text, MAX_SCRIPT_CHARS)
        for script in scripts
        if (script.get("type") or "").strip().lower() == "application/ld+json"
    ]
    return JsonLd([d for d in documents if d is not None])


# --------------------------------------------------------------------------------------------
# App state: Next.js __NEXT_DATA__ and Arc Fusion.globalContent


def _fusion_json(text: str) -> Any:
    match = _FUSION_START.search(text)
    if match is None:
        return None
    try:
        value, _ = json.JSONDecoder(strict=False).raw_decode(text, match.end())
    except (ValueError, RecursionError):
        return None
    return value


_STORY_TITLE_KEYS = ("headline", "title", "headlines")


def _looks_like_story(node: dict[str, Any]) -> bool:
    if not any(key in node for key in _STORY_TITLE_KEYS):
        return False  # most app-state objects: skip them cheaply
    headlines = node.get("headlines")
    if isinstance(headlines, dict) and isinstance(headlines.get("basic"), str):
        return True  # Arc ANS
    has_title = isinstance(node.get("headline"), str) or isinstance(node.get("title"), str)
    has_body = any(
        isinstance(node.get(k), str | list) for k in ("articleBody", "body", "content_elements", "content")
    )
    has_date = any(isinstance(node.get(k), str) for k in ("datePublished", "publishedAt", "display_date"))
    return has_title and has_body and has_date


def _find_story(value: Any, depth: int, budget: list[int], found: dict[str, Any]) -> None:
    """Walk app state for the story object and for an embedded schema.org article object."""
    if depth > MAX_DEPTH * 2 or budget[0] <= 0 or ("story" in found and "article" in found):
        return
    budget[0] -= 1
    if isinstance(value, dict):
        if "story" not in found and _looks_like_story(value):
            found["story"] = value
        if "article" not in found and "@type" in value and type_names(value) & ARTICLE_TYPES:
            found["article"] = value
        children: Any = value.values()
    elif isinstance(value, list):
        children = value[:200]
    else:
        return
    for child in children:
        if type(child) is dict or type(child) is list:
            _find_story(child, depth + 1, budget, found)


def app_state_story(scripts: Iterable[etree._Element]) -> tuple[dict[str, Any], dict[str, Any]]:
    """The story object of a Next.js or Arc Fusion page's embedded state, and any schema.org
    article object embedded in that state (empty dicts when there is none)."""
    found: dict[str, Any] = {}
    for script in scripts:
        text = script.text
        if not text or len(text) > MAX_APP_STATE_CHARS:
            continue
        if script.get("id") == "__NEXT_DATA__":
            _find_story(_load_script(text, MAX_APP_STATE_CHARS), 0, [MAX_NODES], found)
        elif "Fusion.globalContent" in text:
            _find_story(_fusion_json(text), 0, [MAX_NODES], found)
    return found.get("story", {}), found.get("article", {})
