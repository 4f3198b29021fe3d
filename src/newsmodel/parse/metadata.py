"""An article's metadata from every source an HTML page carries, reconciled into one record.

Sources, read once each: JSON-LD (via :mod:`newsmodel.parse.jsonld`), microdata, OpenGraph
and ``article:*`` meta, Twitter cards, Dublin Core and other ``<meta>`` conventions, ``<time>``
elements, ``rel=author`` links and hAtom/vCard bylines, ``<html lang>``, and the embedded state
of Next.js / Arc Fusion pages. Where sources disagree the visible page wins: the headline is
the ``<h1>`` that matches the declared titles, a visible byline of people beats a JSON-LD
author that is only the publisher, and so on (see ``docs/metadata.md``).
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import attrs
from lxml import etree
from lxml.html import HtmlElement

from ..model import AuthorProfile, Publisher, Subject, xml_unsafe_characters
from .bylines import BylineName, fold_name, looks_like_name, split_byline
from .dates import date_in_url, parse_date, settle_zone
from .jsonld import JsonLd, app_state_story, as_dicts, as_strings, first_string, read_jsonld, type_names

__all__ = ["PageMetadata", "extract_metadata"]


@attrs.frozen(kw_only=True)
class PageMetadata:
    """What a page says about its article, cleaned, XML-safe and reconciled across sources.

    Every field is ``None`` (or empty) when the page does not state it; dates are always
    timezone-aware. ``article_body`` is the story text a page embeds as data (JSON-LD
    ``articleBody`` or a Next.js/Arc story), useful to check or stand in for the visible body.
    """

    headline: str | None = None
    summary: str | None = None
    kicker: str | None = None
    authors: tuple[AuthorProfile, ...] = ()
    published: datetime | None = None
    modified: datetime | None = None
    language: str | None = None
    url: str | None = None
    identifier: str | None = None
    publisher: Publisher | None = None
    subjects: tuple[Subject, ...] = ()
    image: str | None = None
    article_body: str | None = None


# --------------------------------------------------------------------------------------------
# Text cleaning

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_TAGS = re.compile(r"<[^<>]{0,200}>")
_MAX_FIELD = 2_000
_MAX_BODY = 2_000_000


def clean(value: object, *, limit: int = _MAX_FIELD) -> str | None:
    """A JSON or attribute value as one line of XML-safe text, ``None`` if blank or not a string."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = value[: limit * 2]
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _TAGS.sub(" ", text)
    if xml_unsafe_characters(text):
        text = _UNSAFE.sub("", text)
    text = " ".join(text.split())[:limit]
    return text or None


def _clean_body(value: str) -> str | None:
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


def _first(values: Iterable[str | None]) -> str | None:
    for value in values:
        if value:
            return value
    return None


def _absolute(value: str | None, base: str | None) -> str | None:
    if not value:
        return None
    if base and not value.startswith(("http://", "https://")):
        try:
            return urljoin(base, value)
        except ValueError:
            return None
    return value


# --------------------------------------------------------------------------------------------
# The page's sources, gathered once

# One pass over the few tags metadata lives in, one over the attributes that mark bylines and
# microdata: each whole-tree walk costs about a millisecond on a large page.
_TAGS_OF_INTEREST = ("meta", "script", "h1", "title", "link", "time")
_MARKED = etree.XPath(
    "//@itemprop | (//@class | //@id | //@rel)[contains(., 'uthor') or contains(., 'yline')"
    " or contains(., 'fn') or contains(., 'riter') or contains(., 'ontributor')]"
)
_BYLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:author|byline|by-line|writer|fn|vcard|contributor)(?:s|name|-name|_name|Name)?(?:$|[\s_-])",
    re.IGNORECASE,
)
_NOT_BYLINE_CLASS = re.compile(
    r"avatar|image|img|photo|pic|bio|description|social|follow|more|box-title|label|title|"
    r"comment|reply|share|date|time|twitter|email|mail|icon|job|prefix",
    re.IGNORECASE,
)
# Regions whose names are not the article's authors: comments, related links, navigation.
_FOREIGN_REGION = re.compile(
    r"(?<![a-z])(?:comments?|comment-\w+|respond|replies|reply|disqus|related|recirc\w*|recommend\w*|"
    r"more-stories|popular|trending|most-read|sidebar|site-footer|footer|navbar|nav|navigation|menu|"
    r"newsletter|promo|teaser|outbrain|taboola|also-like|read-next|next-post|prev-post|post-navigation)(?![a-z])",
    re.IGNORECASE,
)
_FOREIGN_TAGS = frozenset({"nav", "aside", "form", "button", "select", "option", "script", "style"})
_DATE_CLASS = re.compile(r"publish|posted|pubdate|date|time|entry-date|created", re.IGNORECASE)
_MODIFIED_CLASS = re.compile(r"updated|modified|revised", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»«/]\s+|\s*[|·•»«]\s*")
_WORDS = re.compile(r"\w+")


class _Sources:
    """The raw findings of one page, each source read once, for the reconcilers below."""

    def __init__(self, tree: HtmlElement, url: str | None) -> None:
        self.tree = tree
        self.base_url = url
        self.by_tag: dict[str, list[etree._Element]] = {tag: [] for tag in _TAGS_OF_INTEREST}
        for element in tree.iter(*_TAGS_OF_INTEREST):
            self.by_tag[element.tag].append(element)
        self.itemprops: list[etree._Element] = []
        self.byline_candidates: list[etree._Element] = []
        for attribute in _MARKED(tree):
            owner = attribute.getparent()
            if attribute.attrname == "itemprop":
                self.itemprops.append(owner)
            if attribute.attrname != "itemprop" or "uthor" in attribute or "reator" in attribute:
                if not self.byline_candidates or self.byline_candidates[-1] is not owner:
                    self.byline_candidates.append(owner)
        self.canonical = [
            link.get("href") for link in self.by_tag["link"] if (link.get("rel") or "").lower() == "canonical"
        ]
        self.meta: dict[str, list[str]] = {}
        for element in self.by_tag["meta"]:
            if element.get("content") is None:
                continue
            key = element.get("property") or element.get("name") or element.get("itemprop") or element.get(
                "http-equiv"
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
        """``itemprop`` elements that belong to an Article-like item (not to a comment or a review)."""
        found: dict[str, list[etree._Element]] = {}
        for element in self.itemprops:
            scope = element.getparent()
            while scope is not None and scope.get("itemscope") is None:
                scope = scope.getparent()
            item_type = (scope.get("itemtype") or "").lower() if scope is not None else ""
            if not any(t in item_type for t in ("article", "blogposting", "posting", "webpage")):
                continue
            for prop in (element.get("itemprop") or "").split():
                found.setdefault(prop.lower(), []).append(element)
        return found

    def microdata_values(self, prop: str) -> Iterator[str]:
        """Values of the microdata property: ``content``/``datetime`` attributes, else the text."""
        for element in self.microdata.get(prop, ()):
            value = element.get("content") or element.get("datetime") or element.get("href")
            if value is None and element.get("itemscope") is None:
                value = element.text_content()
            cleaned = clean(value)
            if cleaned:
                yield cleaned


def _in_foreign_region(element: etree._Element) -> bool:
    """Whether the element sits in comments, navigation, related links or the page footer.

    A ``<footer>`` inside an ``<article>`` is the article's own (HTML5 puts bylines there).
    """
    node: etree._Element | None = element
    depth = 0
    in_footer = False
    while node is not None and depth < 40:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("body", "html"):
            break
        if tag == "article":
            return False
        if tag in _FOREIGN_TAGS:
            return True
        in_footer = in_footer or tag == "footer"
        if depth and _FOREIGN_REGION.search((node.get("class") or "") + " " + (node.get("id") or "")):
            return True
        node = node.getparent()
        depth += 1
    return in_footer


# --------------------------------------------------------------------------------------------
# Headline

def _tokens(text: str) -> list[str]:
    return _WORDS.findall(fold_name(text))


def _similarity(a: str, b: str) -> float:
    """Share of words in common, over the longer of the two titles."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    common = len(set(ta) & set(tb))
    return common / max(len(set(ta)), len(set(tb)))


def _site_names(src: _Sources) -> list[str]:
    names = list(src.metas("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site"))
    for node in src.jsonld.of_type("website", "organization", "newsmediaorganization"):
        names.extend(as_strings(node.get("name")))
    for publisher in src.jsonld.resolve_all(src.article.get("publisher")):
        names.extend(as_strings(publisher.get("name")))
    return [n.lstrip("@") for n in names if n]


def strip_site_name(title: str, site_names: Iterable[str]) -> str:
    """Remove a " | Site" / " - Site" suffix (or "Site | " prefix) naming the site.

    >>> strip_site_name("Rates rise again | The Daily Gazette", ["The Daily Gazette"])
    'Rates rise again'
    """
    folded_sites = {fold_name(s) for s in site_names if s}
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    while len(parts) > 1 and (
        fold_name(parts[-1]) in folded_sites or any(fold_name(parts[-1]) in s for s in folded_sites if s)
    ):
        title = title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»«/")
        parts = parts[:-1]
    if len(parts) > 1 and fold_name(parts[0]) in folded_sites:
        title = title[len(parts[0]) :].lstrip(" |-–—:·•»«/")
    return title


def _headline(src: _Sources, site_names: list[str]) -> tuple[str | None, etree._Element | None]:
    """The headline, and the ``<h1>`` element that shows it (if one does)."""
    story_headlines = src.story.get("headlines")
    declared = [
        clean(v)
        for v in (
            *as_strings(src.article.get("headline")),
            *as_strings(src.article.get("name")),
            *src.metas("og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title", "sailthru.title"),
            *src.microdata_values("headline"),
            *as_strings(src.story.get("headline")),
            *as_strings(story_headlines.get("basic") if isinstance(story_headlines, dict) else None),
            *as_strings(src.page_node.get("headline")),
            *as_strings(src.page_node.get("name")),
        )
    ]
    titles = [t for t in declared if t]
    page_title = _first(clean(t.text_content()) for t in src.by_tag["title"][:1])
    if page_title:
        titles.append(page_title)
    h1s = [(clean(h.text_content(), limit=400), h) for h in src.by_tag["h1"][:20]]
    best: tuple[str | None, etree._Element | None] = (None, None)
    best_score = 0.0
    for text, element in h1s:
        if not text or len(text) <= 2:
            continue
        score = max((_similarity(text, t) for t in titles), default=0.0)
        if score > best_score:
            best, best_score = (text, element), score
    if best[0] is not None and best_score >= 0.5:
        return best
    for title in titles:
        stripped = strip_site_name(title, site_names)
        if stripped:
            return stripped, None
    visible = [(t, e) for t, e in h1s if t and len(t) > 2]
    return visible[0] if len(visible) == 1 else (None, None)


# --------------------------------------------------------------------------------------------
# Authors

def _profile_from_node(node: dict[str, Any], jsonld: JsonLd) -> list[AuthorProfile]:
    """An author object of JSON-LD (Person or Organization) as a profile."""
    raw_name = clean(first_string(node.get("name")) or _join_names(node))
    if not raw_name:
        return []
    is_org = bool(type_names(node) & {"organization", "newsmediaorganization", "corporation"})
    if is_org:
        parsed = [BylineName(raw_name)] if looks_like_name(raw_name) else []
    else:
        parsed = split_byline(raw_name) or ([BylineName(raw_name)] if looks_like_name(raw_name) else [])
    if not parsed:
        return []
    if len(parsed) > 1:  # "Jane Doe and John Roe" in one name field
        return [_profile(p) for p in parsed]
    organization = None
    for key in ("affiliation", "worksFor"):
        for org in jsonld.resolve_all(node.get(key)) or [{"name": node.get(key)}]:
            organization = organization or clean(first_string(org.get("name")))
    image = node.get("image")
    profile = _profile(
        parsed[0],
        role=clean(first_string(node.get("jobTitle"))),
        organization=organization,
        bio=clean(first_string(node.get("description"))),
        url=clean(first_string(node.get("url"))),
        email=clean(first_string(node.get("email"))),
        image=clean(first_string(image.get("url") if isinstance(image, dict) else image)),
        education=[c for c in (clean(s) for s in as_strings(node.get("alumniOf"))) if c],
        expertise=[c for c in (clean(s) for s in as_strings(node.get("knowsAbout"))) if c],
        same_as=[c for c in (clean(s) for s in as_strings(node.get("sameAs"))) if c],
    )
    return [profile] if profile is not None else []


def _join_names(node: dict[str, Any]) -> str | None:
    given, family = first_string(node.get("givenName")), first_string(node.get("familyName"))
    return f"{given} {family}" if given and family else None


def _profile(person: BylineName, **extra: Any) -> AuthorProfile:
    email = extra.pop("email", None)
    if email is not None:
        email = email.removeprefix("mailto:")
        if "@" not in email or any(c.isspace() for c in email):
            email = None
    fields = {k: v for k, v in extra.items() if v}
    fields.setdefault("role", person.role)
    fields.setdefault("organization", person.organization)
    if person.credentials:
        fields["education"] = (*person.credentials, *fields.get("education", ()))
    return AuthorProfile(name=person.name, email=email, **fields)


def _jsonld_authors(src: _Sources) -> list[AuthorProfile]:
    node = src.article or src.page_node
    found: list[AuthorProfile] = []
    for key in ("author", "creator"):
        value = node.get(key)
        if isinstance(value, str):
            found.extend(_profile(p) for p in split_byline(value))
        elif isinstance(value, list):
            for item in value[:50]:
                if isinstance(item, str):
                    found.extend(_profile(p) for p in split_byline(item))
        for author in src.jsonld.resolve_all(value):
            found.extend(_profile_from_node(author, src.jsonld))
        if found:
            break
    return found


def _story_authors(src: _Sources) -> list[AuthorProfile]:
    credits = src.story.get("credits")
    people = credits.get("by") if isinstance(credits, dict) else src.story.get("authors") or src.story.get("author")
    found: list[AuthorProfile] = []
    for person in as_dicts(people)[:50]:
        found.extend(_profile_from_node(person, src.jsonld))
    if isinstance(people, str):
        found.extend(_profile(p) for p in split_byline(people))
    return found


def _microdata_authors(src: _Sources) -> list[AuthorProfile]:
    found: list[AuthorProfile] = []
    for element in src.microdata.get("author", [])[:20]:
        if _in_foreign_region(element):
            continue
        names = element.xpath(".//*[@itemprop='name']")
        value = element.get("content") or (names[0].get("content") or names[0].text_content() if names else None)
        text = clean(value if value is not None else element.text_content(), limit=300)
        if text:
            found.extend(_profile(p) for p in split_byline(text))
    return found


_NAME_ELEMENTS = etree.XPath(
    ".//*[@itemprop='name' or @rel='author' or contains(@class, 'fn') or contains(@class, 'name')"
    " or contains(@class, 'Name')]"
    " | .//a[contains(@href, '/author') or contains(@href, '/people/') or contains(@href, '/staff/')"
    " or contains(@href, '/profile') or contains(@href, '/writer') or contains(@href, '/contributor')"
    " or contains(@href, '/team/') or contains(@href, '/experts/')]"
)
_CONNECTOR = re.compile(r"^(?:,|&|and|und|et|y|e)$", re.IGNORECASE)
_BARE_PREFIX = re.compile(r"^(?:by|written by|posted by|words by|author|authors|by:|author:|from)$", re.IGNORECASE)


def _node_text(element: etree._Element) -> str:
    """An element's text with its child elements' texts kept apart ("By" + "Jane" is not "ByJane").

    Separate text nodes become ``|``-separated segments, so a role or organisation written in
    its own element stays apart from the name; "and" / "," between names joins them back.
    """
    parts: list[str] = []
    for piece in element.itertext():
        piece = " ".join(piece.split())
        if not piece or _BARE_PREFIX.match(piece):
            continue
        if parts and (_CONNECTOR.match(piece) or parts[-1].endswith(",") or _CONNECTOR.match(parts[-1])):
            parts[-1] = f"{parts[-1]} {piece}"
        else:
            parts.append(piece)
        if len(parts) > 12:
            break
    return " | ".join(parts)


def _byline_names(element: etree._Element) -> list[BylineName]:
    """The people an author/byline element names: its name elements, else its own text."""
    named = [e for e in _NAME_ELEMENTS(element)[:10] if e is not element]
    people: list[BylineName] = []
    for inner in named:
        text = clean(inner.get("content") or _node_text(inner), limit=300)
        if text:
            people.extend(split_byline(text))
    if people:
        return people
    text = clean(_node_text(element), limit=300)
    return split_byline(text) if text and len(text) <= 200 else []


def _dom_authors(src: _Sources) -> list[AuthorProfile]:
    """Names from visible bylines: rel=author, hAtom/vCard ``.author``/``.fn``, ``.byline``."""
    found: list[AuthorProfile] = []
    anchor: etree._Element | None = None
    for element in src.byline_candidates[:200]:
        rel = (element.get("rel") or "").lower()
        classes = element.get("class") or ""
        ident = element.get("id") or ""
        if "author" not in rel and element.get("itemprop") not in ("author", "creator"):
            if not _BYLINE_CLASS.search(classes + " " + ident) or _NOT_BYLINE_CLASS.search(classes):
                continue
        if element.tag in ("body", "html", "article", "main", "meta", "link", "img"):
            continue
        if anchor is not None:
            if not _near(anchor, element):
                break
            # After the first byline only repeats of it count (one element per author): its
            # neighbours with other classes hold the role, the organisation or a bio.
            same_kind = (element.tag, element.get("class")) == (anchor.tag, anchor.get("class"))
            if not same_kind or _inside(element, anchor):
                continue
        if _in_foreign_region(element):
            continue
        people = _byline_names(element)
        if people:
            anchor = anchor if anchor is not None else element
            found.extend(_profile(p) for p in people)
    return found


def _inside(element: etree._Element, container: etree._Element) -> bool:
    return any(a is container for a in element.iterancestors())





def _near(anchor: etree._Element, element: etree._Element) -> bool:
    """Whether ``element`` is in the same byline block as ``anchor`` (shares a close ancestor)."""
    ancestors = set()
    node: etree._Element | None = anchor
    for _ in range(4):
        if node is None:
            break
        ancestors.add(node)
        node = node.getparent()
    node = element
    for _ in range(4):
        if node is None:
            return False
        if node in ancestors:
            return True
        node = node.getparent()
    return False


def _meta_authors(src: _Sources) -> list[AuthorProfile]:
    found: list[AuthorProfile] = []
    for value in src.metas(
        "author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
        "byl", "citation_author",
    ):
        if "://" in value or value.startswith("@"):
            continue  # a profile URL or a social handle, not a name
        found.extend(_profile(p) for p in split_byline(value))
        if found:
            break
    return found


def _unique(profiles: Iterable[AuthorProfile]) -> list[AuthorProfile]:
    seen: dict[str, AuthorProfile] = {}
    for profile in profiles:
        key = fold_name(profile.name)
        if key and key not in seen:
            seen[key] = profile
    return list(seen.values())


def _merge(primary: AuthorProfile, other: AuthorProfile) -> AuthorProfile:
    """Fill the gaps of ``primary`` with what another source says about the same person."""
    updates = {
        field.name: getattr(other, field.name)
        for field in attrs.fields(AuthorProfile)
        if field.name != "name" and not getattr(primary, field.name) and getattr(other, field.name)
    }
    return attrs.evolve(primary, **updates) if updates else primary


def _authors(src: _Sources, site_names: list[str]) -> tuple[AuthorProfile, ...]:
    sources = [
        _unique(f(src)) for f in (_jsonld_authors, _microdata_authors, _story_authors, _dom_authors, _meta_authors)
    ]
    sites = {fold_name(s) for s in site_names}

    def is_person_list(profiles: list[AuthorProfile]) -> bool:
        return bool(profiles) and all(fold_name(p.name) not in sites for p in profiles)

    chosen = next((s for s in sources if s), [])
    if chosen and not is_person_list(chosen):
        # The structured author is only the site itself: a visible byline of people is better.
        chosen = next((s for s in sources if is_person_list(s)), chosen)
    by_key = {fold_name(p.name): p for s in sources for p in reversed(s)}
    merged = []
    for profile in chosen:
        for source in sources:
            for other in source:
                if fold_name(other.name) == fold_name(profile.name) and other is not profile:
                    profile = _merge(profile, other)
        merged.append(profile)
    del by_key
    return tuple(merged[:20])


# --------------------------------------------------------------------------------------------
# Dates

def _dates(src: _Sources, keys: tuple[str, ...], metas: tuple[str, ...], props: tuple[str, ...],
           time_class: re.Pattern[str]) -> Iterator[datetime]:
    """Candidate dates in priority order: JSON-LD, meta, microdata, app state, ``<time>``."""
    for node in (src.article, src.page_node, src.story):
        for key in keys:
            for value in as_strings(node.get(key))[:1]:
                parsed = parse_date(value)
                if parsed:
                    yield parsed
    for value in (*src.metas(*metas), *src.microdata_values(props[0]), *src.microdata_values(props[-1])):
        parsed = parse_date(value)
        if parsed:
            yield parsed
    for element in src.by_tag["time"][:50]:
        marker = " ".join(filter(None, (element.get("class"), element.get("itemprop"),
                                        (element.getparent().get("class") if element.getparent() is not None
                                         else None))))
        if element.get("pubdate") is None and not time_class.search(marker):
            continue
        if _in_foreign_region(element):
            continue
        value = element.get("datetime")
        parsed = parse_date(value) if value else parse_date(element.text_content(), written=True)
        if parsed:
            yield parsed


_UPDATED_WORDS = re.compile(r"updat|modifi|revis|edited|aktualisiert|mis à jour|actualizado", re.IGNORECASE)
_NOT_VISIBLE = frozenset({"script", "style", "noscript", "template", "option", "title", "button", "select"})
_WINDOW_LEVELS = 5
_WINDOW_AFTER = 150
_WINDOW_BEFORE = 40


@attrs.frozen
class _TextWindow:
    """The page's visible text pieces around the headline, in document order.

    ``pieces`` pairs each text with the element that holds it; ``start`` is the index of the
    first piece of the headline (0 when the page has no headline element).
    """

    pieces: list[tuple[str, etree._Element]]
    start: int

    def nearest_first(self) -> list[tuple[str, etree._Element]]:
        """Pieces ordered by distance from the headline, after it before before it."""
        after = self.pieces[self.start : self.start + _WINDOW_AFTER]
        before = self.pieces[max(0, self.start - _WINDOW_BEFORE) : self.start][::-1]
        mixed = [p for pair in zip(after, before) for p in pair]
        return mixed + after[len(before) :] + before[len(after) :]


def _text_window(src: _Sources, headline: etree._Element | None) -> _TextWindow:
    container: etree._Element = headline if headline is not None else src.tree
    if headline is not None:
        for _ in range(_WINDOW_LEVELS):
            parent = container.getparent()
            if parent is None or parent.tag in ("body", "html"):
                break
            container = parent
    pieces: list[tuple[str, etree._Element]] = []
    start = 0
    seen_headline = headline is None
    limit = 400 if headline is None else _WINDOW_AFTER
    for element in container.iter():
        if element is headline:
            seen_headline = True
            start = len(pieces)
            limit = start + _WINDOW_AFTER
        if isinstance(element.tag, str) and element.tag not in _NOT_VISIBLE:
            text = element.text
            if text and not text.isspace():
                pieces.append((text, element))
        tail = element.tail
        if tail and not tail.isspace() and element is not container:
            parent = element.getparent()
            if parent is not None:
                pieces.append((tail, parent))
        if not seen_headline and len(pieces) > 2 * _WINDOW_BEFORE:
            del pieces[:-_WINDOW_BEFORE]  # only the pieces just before the headline matter
        elif seen_headline and len(pieces) > limit:
            break
    return _TextWindow(pieces, start)


def _visible_dates(src: _Sources, window: _TextWindow) -> tuple[datetime | None, datetime | None]:
    """The publication and update dates written near the headline.

    Only short text pieces that are essentially a date ("Published on July 18, 2025",
    "Updated: 10/31/2024") count, nearest to the ``<h1>`` first; a date in running prose or in
    comments and related links does not.
    """
    lang = (_language(src) or "en-us").lower()
    day_first = not (lang in ("en", "en-us") or lang.startswith("en-us"))
    published = modified = None
    for text, parent in window.nearest_first():
        stripped = text.strip()
        if not 6 <= len(stripped) <= 80 or not any(c.isdigit() for c in stripped):
            continue
        value = parse_date(stripped, written=True, day_first=day_first)
        if value is None or _in_foreign_region(parent):
            continue
        context = stripped + " " + (clean(parent.text_content(), limit=120) or "")
        grand = parent.getparent()
        if grand is not None:
            context += " " + (clean(grand.text_content(), limit=120) or "")
        if _UPDATED_WORDS.search(stripped) or (
            not re.search(r"publi|posted|\bon\b", context, re.IGNORECASE) and _UPDATED_WORDS.search(context)
        ):
            modified = modified or value
        else:
            published = value
            break
    return published, modified


def _published(src: _Sources) -> datetime | None:
    found = next(
        _dates(
            src,
            ("datePublished", "dateCreated", "publishedAt", "first_publish_date", "display_date", "uploadDate"),
            ("article:published_time", "og:published_time", "published_time", "og:article:published_time",
             "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.date", "dcterms.created", "dc.date.created",
             "date", "pubdate", "publishdate", "publish-date", "sailthru.date", "parsely-pub-date",
             "article.published", "citation_publication_date", "datepublished"),
            ("datePublished", "dateCreated"),
            _DATE_CLASS,
        ),
        None,
    )
    if found is None:
        # Site-specific meta names still say what they hold: "w-published-date", "publish_date_gmt".
        for key, values in src.meta.items():
            if _PUBLISHED_META.search(key) and not _UPDATED_WORDS.search(key):
                found = _first_date(values)
                if found is not None:
                    break
    return found


_PUBLISHED_META = re.compile(r"publish|pub_?date|issued|created", re.IGNORECASE)


def _first_date(values: Iterable[str]) -> datetime | None:
    return next((d for d in map(parse_date, values) if d is not None), None)


def _modified(src: _Sources) -> datetime | None:
    return next(
        _dates(
            src,
            ("dateModified", "last_updated_date", "updatedAt"),
            ("article:modified_time", "og:updated_time", "modified_time", "dcterms.modified", "dc.date.modified",
             "last-modified", "lastmod", "datemodified"),
            ("dateModified",),
            _MODIFIED_CLASS,
        ),
        None,
    )


# --------------------------------------------------------------------------------------------
# The rest

_LANG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*\Z")


def _language(src: _Sources) -> str | None:
    candidates = [
        src.tree.getroottree().getroot().get("lang"),
        src.tree.getroottree().getroot().get("{http://www.w3.org/XML/1998/namespace}lang"),
        *src.metas("content-language", "language", "dc.language", "og:locale"),
        *as_strings(src.article.get("inLanguage")),
    ]
    for value in candidates:
        if value:
            tag = value.strip().split(",")[0].strip().replace("_", "-")
            if _LANG.match(tag):
                return tag
    return None


def _summary(src: _Sources) -> str | None:
    return _first(
        clean(v)
        for v in (
            *as_strings(src.article.get("description")),
            *src.metas("og:description", "description", "twitter:description", "dc.description"),
            *src.microdata_values("description"),
            *as_strings(src.story.get("description")),
        )
    )


def _kicker(src: _Sources) -> str | None:
    return _first(clean(v) for v in (*as_strings(src.article.get("articleSection")), *src.metas("article:section")))


def _url(src: _Sources) -> str | None:
    candidates = [
        *src.canonical[:1],
        *src.metas("og:url"),
        *as_strings(src.article.get("url")),
        src.base_url,
    ]
    return _first(_absolute(clean(v), src.base_url) for v in candidates)


def _identifier(src: _Sources) -> str | None:
    return _first(
        clean(v)
        for v in (
            *as_strings(src.article.get("identifier")),
            *src.metas("parsely-post-id", "sailthru.contentid", "article:id", "dc.identifier"),
        )
    )


def _publisher(src: _Sources) -> Publisher | None:
    for node in src.jsonld.resolve_all(src.article.get("publisher")):
        name = clean(first_string(node.get("name")))
        if name:
            return Publisher(name=name, url=_absolute(clean(first_string(node.get("url"))), src.base_url))
    name = _first(clean(v) for v in src.metas("og:site_name", "application-name", "dc.publisher"))
    return Publisher(name=name) if name else None


def _subjects(src: _Sources) -> tuple[Subject, ...]:
    values: list[str] = []
    keywords = src.article.get("keywords")
    if isinstance(keywords, str):
        values.extend(keywords.split(","))
    else:
        values.extend(as_strings(keywords))
    values.extend(src.metas("article:tag"))
    if not values:
        for value in src.metas("news_keywords", "keywords"):
            values.extend(value.split(","))
    subjects: dict[str, Subject] = {}
    for value in values[:100]:
        name = clean(value, limit=200)
        if name and fold_name(name) not in subjects:
            subjects[fold_name(name)] = Subject(name=name)
    return tuple(list(subjects.values())[:50])


def _image(src: _Sources) -> str | None:
    image = src.article.get("image")
    image = image[0] if isinstance(image, list) and image else image
    candidates = [
        *src.metas("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"),
        first_string(image.get("url") if isinstance(image, dict) else image),
    ]
    return _first(_absolute(clean(v), src.base_url) for v in candidates)


def _article_body(src: _Sources) -> str | None:
    body = src.article.get("articleBody")
    if isinstance(body, str):
        return _clean_body(body)
    for key in ("articleBody", "body"):
        if isinstance(src.story.get(key), str):
            return _clean_body(src.story[key])
    elements = src.story.get("content_elements")
    if isinstance(elements, list):
        texts = [
            e.get("content") for e in elements[:2000] if isinstance(e, dict) and e.get("type") in ("text", "header")
        ]
        return _clean_body("\n\n".join(t for t in texts if isinstance(t, str)))
    return None


_READERS: tuple[tuple[str, Callable[[_Sources], Any]], ...] = (
    ("summary", _summary),
    ("kicker", _kicker),
    ("url", _url),
    ("identifier", _identifier),
    ("publisher", _publisher),
    ("subjects", _subjects),
    ("image", _image),
    ("article_body", _article_body),
    ("language", _language),
)


import os
_OVERRIDE = os.environ.get("OVR") == "1"

def extract_metadata(tree: HtmlElement, *, url: str | None = None) -> PageMetadata:
    """Read and reconcile an article's metadata from a parsed HTML page.

    ``url`` is where the page came from; relative URLs on the page are resolved against it.
    A field the page does not state is left ``None`` (or empty): nothing is guessed, and no
    date is ever taken from the clock.

    >>> from lxml.html import fromstring
    >>> page = fromstring('''<html lang="en"><head>
    ...   <title>Rates rise again | The Daily Gazette</title>
    ...   <meta property="og:site_name" content="The Daily Gazette">
    ...   <meta property="article:published_time" content="2025-09-04T08:00:00-04:00">
    ... </head><body><h1>Rates rise again</h1><p class="byline">By Jane Doe and John Roe</p></body></html>''')
    >>> meta = extract_metadata(page)
    >>> meta.headline, [a.name for a in meta.authors], meta.published.isoformat(), meta.language
    ('Rates rise again', ['Jane Doe', 'John Roe'], '2025-09-04T08:00:00-04:00', 'en')
    """
    src = _Sources(tree, url)
    site_names = _site_names(src)
    headline, headline_element = _headline(src, site_names)
    published, modified = _published(src), _modified(src)
    window = _text_window(src, headline_element)
    visible_published, visible_modified = _visible_dates(src, window)
    if published is None:
        published, modified = visible_published, modified or visible_modified
    elif visible_published is not None and visible_published.date() != published.date():
        if modified is not None and visible_published.date() == modified.date():
            # The page shows its revision date as the date of the article: the visible page wins.
            published = modified
        elif _OVERRIDE:
            published = visible_published
    if published is None:
        published = date_in_url(_url(src) or "")
    published, modified = settle_zone(published, [modified]), settle_zone(modified, [published])
    fields = {name: reader(src) for name, reader in _READERS}
    return PageMetadata(
        headline=headline,
        authors=_authors(src, site_names),
        published=published,
        modified=modified,
        **fields,
    )
