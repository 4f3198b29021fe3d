"""The article's authors, reconciled across JSON-LD, microdata, app state, bylines and meta.

The first source that names anybody is taken (in the order above), except that a structured
author that is only the site itself gives way to a visible byline of people. Every other
source then fills the gaps in the profiles of the same people (matched by folded name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs
from lxml import etree

from ..model import AuthorProfile
from .jsonld import JsonLd, as_dicts, as_strings, first_string, type_names
from .page_sources import PageSources, TextWindow, absolute, clean, elements, in_foreign_region, text_of
from .web_bylines import (
    BylineName,
    credits_someone_else,
    fold_name,
    looks_like_handle,
    looks_like_name,
    split_byline,
)

__all__ = ["find_authors"]

_BYLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:author|byline|by-line|writer|contributor)(?:s|name|-name|_name|Name)?(?:$|[\s_-])",
    re.IGNORECASE,
)
# hCard's "fn" and "vcard" are exact class names; "fn-2" is a footnote.
_HCARD_CLASS = re.compile(r"(?:^|\s)(?:fn|vcard)(?:$|\s)")
_NOT_BYLINE_CLASS = re.compile(
    r"avatar|image|img|photo|pic|bio|description|social|follow|more|box-title|label|title|"
    r"comment|reply|share|date|time|twitter|email|mail|icon|job|prefix",
    re.IGNORECASE,
)


def _profile_from_node(node: dict[str, Any], jsonld: JsonLd) -> list[AuthorProfile]:
    """An author object of JSON-LD (Person or Organization) as a profile."""
    raw_name = clean(first_string(node.get("name")) or _join_names(node))
    if not raw_name:
        return []
    is_org = bool(type_names(node) & {"organization", "newsmediaorganization", "corporation"})
    if is_org:
        parsed = [BylineName(raw_name)] if looks_like_name(raw_name) or looks_like_handle(raw_name) else []
    else:
        parsed = _declared_names(raw_name)
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


def _declared_names(text: str) -> list[BylineName]:
    """Names in a value the page declares as its author: a byline, or else a plain user name."""
    text = clean(text, limit=300) or ""
    if credits_someone_else(text):
        return []
    return split_byline(text) or (
        [BylineName(text)] if looks_like_name(text) or looks_like_handle(text) else []
    )


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
    if fields["organization"] and fold_name(fields["organization"]) == fold_name(person.name):
        fields["organization"] = None  # an organisation credited as author is not its own member
    if person.credentials:
        fields["education"] = (*person.credentials, *fields.get("education", ()))
    return AuthorProfile(name=person.name, email=email, **fields)


def _jsonld_authors(src: PageSources) -> list[AuthorProfile]:
    node = src.article or src.page_node
    found: list[AuthorProfile] = []
    for key in ("author", "creator"):
        value = node.get(key)
        if isinstance(value, str):
            found.extend(_profile(p) for p in _declared_names(value))
        elif isinstance(value, list):
            for item in value[:50]:
                if isinstance(item, str):
                    found.extend(_profile(p) for p in _declared_names(item))
        for author in src.jsonld.resolve_all(value):
            found.extend(_profile_from_node(author, src.jsonld))
        if found:
            break
    return found


def _story_authors(src: PageSources) -> list[AuthorProfile]:
    credits = src.story.get("credits")
    people = (
        credits.get("by")
        if isinstance(credits, dict)
        else src.story.get("authors") or src.story.get("author")
    )
    found: list[AuthorProfile] = []
    for person in as_dicts(people)[:50]:
        found.extend(_profile_from_node(person, src.jsonld))
    if isinstance(people, str):
        found.extend(_profile(p) for p in _declared_names(people))
    return found


def _microdata_authors(src: PageSources) -> list[AuthorProfile]:
    found: list[AuthorProfile] = []
    first_author: etree._Element | None = None
    for element in src.microdata.get("author", [])[:20]:
        if in_foreign_region(element):
            continue
        # A page-wide Article item also holds the teasers' authors: only the first byline and
        # the authors next to it count (<meta itemprop=author> in the head always does).
        if first_author is not None and element.tag != "meta" and not _near(first_author, element):
            continue
        if element.tag != "meta":
            first_author = first_author if first_author is not None else element
        names = elements(_ITEMPROP_NAME, element)
        value = element.get("content") or (names[0].get("content") or text_of(names[0]) if names else None)
        text = clean(value if value is not None else text_of(element), limit=300)
        if text:
            found.extend(_profile(p) for p in _declared_names(text))
    return found


_NAME_ELEMENTS = etree.XPath(
    ".//*[@itemprop='name' or @rel='author' or contains(@class, 'fn') or contains(@class, 'name')"
    " or contains(@class, 'Name')]"
    " | .//a[contains(@href, '/author') or contains(@href, '/people/') or contains(@href, '/staff/')"
    " or contains(@href, '/profile') or contains(@href, '/writer') or contains(@href, '/contributor')"
    " or contains(@href, '/team/') or contains(@href, '/experts/')]"
)
_ITEMPROP_NAME = etree.XPath(".//*[@itemprop='name']")
_CONNECTOR = re.compile(r"^(?:,|&|and|und|et|y|e)$", re.IGNORECASE)
_BARE_PREFIX = re.compile(
    r"^(?:by|written by|posted by|words by|author|authors|by:|author:|from)$", re.IGNORECASE
)


def _node_text(element: etree._Element) -> str:
    """An element's text with its child elements' texts kept apart ("By" + "Jane" is not "ByJane").

    Separate text nodes become ``|``-separated segments, so a role or organisation written in
    its own element stays apart from the name; "and" / "," between names joins them back.
    """
    parts: list[str] = []
    for text in element.itertext():
        piece = " ".join(str(text).split())
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
    named = [e for e in elements(_NAME_ELEMENTS, element)[:10] if e is not element]
    people: list[BylineName] = []
    for inner in named:
        text = clean(inner.get("content") or _node_text(inner), limit=300)
        if text:
            people.extend(split_byline(text))
    if people:
        return people
    text = clean(_node_text(element), limit=300)
    return split_byline(text) if text and len(text) <= 200 else []


def _dom_authors(src: PageSources) -> list[AuthorProfile]:
    """Names from visible bylines: rel=author, hAtom/vCard ``.author``/``.fn``, ``.byline``."""
    found: list[AuthorProfile] = []
    anchor: etree._Element | None = None
    for element in src.byline_candidates[:200]:
        rel = (element.get("rel") or "").lower()
        classes = element.get("class") or ""
        ident = element.get("id") or ""
        marked = "author" in rel or element.get("itemprop") in ("author", "creator")
        if not marked and (
            not (_BYLINE_CLASS.search(classes + " " + ident) or _HCARD_CLASS.search(classes))
            or _NOT_BYLINE_CLASS.search(classes)
        ):
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
        if in_foreign_region(element):
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


def _meta_authors(src: PageSources) -> list[AuthorProfile]:
    found: list[AuthorProfile] = []
    for value in src.metas(
        "author",
        "article:author",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
        "sailthru.author",
        "byl",
        "citation_author",
    ):
        if "://" in value or value.startswith("@"):
            continue  # a profile URL or a social handle, not a name
        found.extend(_profile(p) for p in _declared_names(value))
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


_BY_PREFIX = re.compile(r"^(?:by|written by|posted by|words by|author:?|von|par|por)(?:\s+|$)", re.IGNORECASE)
_BY_STARTS = ("by", "written", "posted", "words", "author", "von", "par", "por")
_WINDOW_BYLINE_AFTER = 60
_WINDOW_BYLINE_BEFORE = 15


def _window_authors(window: TextWindow) -> list[AuthorProfile]:
    """A "By ..." line written just below (or above) the headline, whatever its markup."""
    start = window.start
    pieces = window.pieces
    near = (
        pieces[start : start + _WINDOW_BYLINE_AFTER] + pieces[max(0, start - _WINDOW_BYLINE_BEFORE) : start]
    )
    for index, (text, element) in enumerate(near):
        if not text.lstrip()[:8].lower().startswith(_BY_STARTS):
            continue  # cheap test first: most pieces are not bylines
        stripped = clean(text, limit=300) or ""
        match = _BY_PREFIX.match(stripped)
        if match is None or len(stripped) > 150:
            continue
        if match.end() == len(stripped):  # "By" alone: the name is in the next element
            following = near[index + 1][0] if index + 1 < len(near) else ""
            stripped = f"{stripped} {clean(following, limit=300) or ''}"
        if in_foreign_region(element):
            continue
        people = split_byline(stripped)
        # Free text needs a clear byline: the first name right after "By", every name a full name.
        rest = stripped[match.end() :].lstrip(" :")
        if people and rest.startswith(people[0].name) and all(" " in p.name for p in people):
            return [_profile(p) for p in people]
    return []


_AUTHOR_HREF = re.compile(
    r"/(?:authors?|people|staff|writers?|contributors?|columnists?|reporters?|journalists?|producers?|"
    r"experts?|profiles?|team|bio)/[^/?#]+/?(?:[?#]|$)",
    re.IGNORECASE,
)
_LINK_CLUSTER = 8


def _link_of(element: etree._Element) -> etree._Element | None:
    """The ``<a>`` a text piece belongs to (the element itself or a close ancestor)."""
    node: etree._Element | None = element
    for _ in range(3):
        if node is None:
            return None
        if node.tag == "a":
            return node
        node = node.getparent()
    return None


def _author_links(window: TextWindow, base_url: str | None) -> list[AuthorProfile]:
    """Names linked to an author page ("/author/jane-doe") right by the headline."""
    start = window.start
    pieces = window.pieces
    near = (
        pieces[start : start + _WINDOW_BYLINE_AFTER] + pieces[max(0, start - _WINDOW_BYLINE_BEFORE) : start]
    )
    found: list[AuthorProfile] = []
    seen: list[etree._Element] = []
    first_index: int | None = None
    for index, (_, element) in enumerate(near):
        if first_index is not None and index > first_index + _LINK_CLUSTER:
            break
        link = _link_of(element)
        if link is None or any(link is s for s in seen) or not _AUTHOR_HREF.search(link.get("href") or ""):
            continue
        seen.append(link)
        if in_foreign_region(link):
            continue
        # "Reviewed by <a href=/experts/...>" credits a reviewer, not a writer.
        label = near[index - 1][0] if index and index - 1 < len(near) else ""
        if credits_someone_else(" ".join(label.split()) + " x"):
            continue
        text = clean(_node_text(link), limit=200)
        people = split_byline(text) if text else []
        if people:
            first_index = index if first_index is None else first_index
            found.extend(_profile(p, url=absolute(clean(link.get("href")), base_url)) for p in people[:1])
    return found


def find_authors(src: PageSources, site_names: list[str], window: TextWindow) -> tuple[AuthorProfile, ...]:
    """The article's authors (see the module docstring for the order of sources)."""
    sources = [
        _unique(authors)
        for authors in (
            _jsonld_authors(src),
            _microdata_authors(src),
            _story_authors(src),
            _window_authors(window),
            _dom_authors(src),
            _author_links(window, src.base_for_links),
            _meta_authors(src),
        )
    ]
    sites = {fold_name(s) for s in site_names}

    def is_person_list(profiles: list[AuthorProfile]) -> bool:
        return bool(profiles) and all(fold_name(p.name) not in sites for p in profiles)

    chosen = next((s for s in sources if s), [])
    if chosen and not is_person_list(chosen):
        # The structured author is only the site itself: a visible byline of people is better.
        chosen = next((s for s in sources if is_person_list(s)), chosen)
    merged = []
    for profile in chosen:
        for source in sources:
            for other in source:
                if fold_name(other.name) == fold_name(profile.name) and other is not profile:
                    profile = _merge(profile, other)
        merged.append(_with_absolute_links(profile, src.base_for_links))
    return tuple(merged[:20])


def _with_absolute_links(profile: AuthorProfile, base_url: str | None) -> AuthorProfile:
    """Profile and image URLs resolved against the page, as the other page URLs are."""
    url, image = absolute(profile.url, base_url), absolute(profile.image, base_url)
    if (url, image) == (profile.url, profile.image):
        return profile
    return attrs.evolve(profile, url=url, image=image)
