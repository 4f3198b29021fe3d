"""Turning byline text into people: "By Jane Doe and John Roe, Reuters" -> two names, one organisation.

The rules lean towards missing a name rather than inventing one: a part that does not look like
a person's or a desk's name is dropped, and lines that credit a photographer, an editor or a
reviewer are not bylines at all.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs

from ..model import _XML_UNSAFE
from ._names import PAGE_JOB_PATTERN, PAGE_ORG_PATTERN, PAGE_PARTICLES, PAGE_PREFIX

__all__ = [
    "BylineName",
    "credits_someone_else",
    "fold_name",
    "looks_like_handle",
    "looks_like_name",
    "split_byline",
]


@attrs.frozen
class BylineName:
    """One name read from a byline, with the role, organisation and credentials written beside it."""

    name: str
    role: str | None = None
    organization: str | None = None
    credentials: tuple[str, ...] = ()


# Lines that credit somebody other than the writer.
_NOT_AUTHOR = re.compile(
    r"^\s*(?:photo(?:graph)?s?|images?|illustrations?|video|graphics?|pictures?|credit|edited|editing|"
    r"reviewed|medically\s+reviewed|fact[\s-]*checked|checked|translated|produced|sponsored|"
    r"presented|contributions?|additional\s+reporting|comments?|reply|replies|updated)\b",
    re.IGNORECASE,
)
# Where the names end: a date, "Updated", "Published", a reading time, "Follow", an e-mail.
_TAIL = re.compile(
    r"\s*(?:[|•·]\s*)?\b(?:updated|published|posted|last\s+updated|on\s+(?=[A-Z0-9])|"
    r"\d+\s+min(?:ute)?s?\b|follow\b|read\s+more|share\b|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*\.?\s+\d{1,2}\b|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}).*$",
    re.IGNORECASE | re.DOTALL,
)
_SPLIT_PEOPLE = re.compile(
    r"\s*(?:,?\s+(?:and|und|et|y|e|og|och|en)\s+|\s*&\s*|;\s*|\s+\+\s+)\s*", re.IGNORECASE
)
_CREDENTIAL = re.compile(
    r"^(?:[A-Z][A-Za-z]?\.?){1,4}(?:-[A-Z]+)?(?:\s+\d+)?$|^(?:Ph\.?\s?D|M\.?D|M\.?S|M\.?A|B\.?S|R\.?N|"
    r"RDN?|CPT|MPH|MBA|CFA|CPA|LCSW|Esq|Jr|Sr|II|III|IV)\.?$"
)
_NOT_NAMES = frozenset(
    [
        "admin",
        "administrator",
        "anonymous",
        "guest",
        "unknown",
        "user",
        "editor",
        "editors",
        "staff",
        "author",
        "authors",
        "none",
        "null",
        "undefined",
        "home",
        "menu",
        "search",
        "login",
        "share",
        "comments",
        "comment",
        "reply",
        "posts",
        "post",
        "by",
        "webmaster",
        "privacy",
        "history",
        "about",
        "contact",
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "today",
        "yesterday",
    ]
) | {"contact us", "written by", "posted by", "about us", "read more", "view all", "see all", "all posts"}
_WORD = re.compile(r"[^\W\d_][\w'’.\-]*\Z")
_DIGIT = re.compile(r"\d")
_PUNCTUATION = re.compile(r"[^\w\s]")


# Cached: the reconcilers fold the same few names and titles again and again for each page.
@functools.lru_cache(maxsize=4096)
def fold_name(name: str) -> str:
    """A key for comparing names across sources: case, diacritics, punctuation and spacing folded."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    # No ASCII character is a combining mark: most names need no per-character pass.
    letters = (
        decomposed if decomposed.isascii() else "".join(c for c in decomposed if not unicodedata.combining(c))
    )
    return " ".join(_PUNCTUATION.sub(" ", letters).split())


def looks_like_name(text: str) -> bool:
    """Whether ``text`` could be a person's or desk's name: a few capitalised words, no digits or URLs.

    >>> looks_like_name("Jane van der Berg")
    True
    >>> looks_like_name("Share this article")
    False
    """
    if not 2 <= len(text) <= 60 or "@" in text or "://" in text or "www." in text or _DIGIT.search(text):
        return False
    words = text.split()
    if not 1 <= len(words) <= 6:
        return False
    if fold_name(text) in _NOT_NAMES:
        return False
    capitalised = 0
    for word in words:
        if not _WORD.match(word):
            return False
        if word[0].isupper():
            capitalised += 1
        elif word.lower() not in PAGE_PARTICLES:
            return False
    return capitalised >= 1


# Letters, dots, dashes, underscores; no digits ("mdelatorreq6vkpg2" is an account id, not a name).
_HANDLE_WORD = re.compile(r"[^\W\d][\w.'’\-]*\Z")


def looks_like_handle(text: str) -> bool:
    """Whether ``text`` could be the user name a CMS shows for its author ("jsmith", "anna k").

    Only for values a page declares *as* its author (JSON-LD, ``<meta name=author>``), where a
    lower-case user name is still the page's own statement; never for free text.

    >>> looks_like_handle("q_admin"), looks_like_handle("https://x.example/u/1")
    (True, False)
    """
    words = text.split()
    return (
        2 <= len(text) <= 40
        and 1 <= len(words) <= 3
        and "@" not in text
        and "://" not in text
        and fold_name(text) not in _NOT_NAMES
        and all(_HANDLE_WORD.match(word) for word in words)
        and not _DIGIT.search(text)
    )


def credits_someone_else(text: str) -> bool:
    """Whether the line credits a photographer, editor, reviewer or sponsor rather than a writer.

    >>> credits_someone_else("Photo by John Roe"), credits_someone_else("By Jane Doe")
    (True, False)
    """
    return _NOT_AUTHOR.match(text) is not None


def _classify_tail(text: str) -> str:
    """Whether a piece written after a name is a 'role', an 'organization' or a 'name'."""
    if PAGE_JOB_PATTERN.search(text):
        return "role"
    if PAGE_ORG_PATTERN.search(text) or (text.isupper() and len(text) > 1):
        return "organization"
    if looks_like_name(text):
        return "name"
    return "other"


def _people(segment: str) -> list[BylineName]:
    """Names in one ``|``-free segment: commas separate names, credentials, roles and organisations."""
    found: list[BylineName] = []
    for chunk in _SPLIT_PEOPLE.split(segment):
        pieces = [
            p.strip(" .,:;–—-") if not _CREDENTIAL.match(p.strip(" ,")) else p.strip(" ,")
            for p in chunk.split(",")
        ]
        pieces = [p for p in pieces if p]
        if not pieces:
            continue
        described = False  # a role or credential was written after the last name
        for piece in pieces:
            if _CREDENTIAL.match(piece) and found:
                last = found[-1]
                found[-1] = attrs.evolve(last, credentials=(*last.credentials, piece))
                described = True
                continue
            kind = (
                "name"
                if looks_like_name(piece)
                and not PAGE_ORG_PATTERN.search(piece)
                and not PAGE_JOB_PATTERN.search(piece)
                else _classify_tail(piece)
            )
            if kind == "name" and described and found[-1].organization is None:
                # "Jane Doe, Senior Editor, Acme Corp": after a role comes where, not who.
                found[-1] = attrs.evolve(found[-1], organization=piece)
            elif kind == "name":
                found.append(BylineName(piece))
                described = False
            elif kind == "role" and found and found[-1].role is None:
                found[-1] = attrs.evolve(found[-1], role=piece)
                described = True
            elif kind == "organization" and found and found[-1].organization is None:
                found[-1] = attrs.evolve(found[-1], organization=piece)
            elif kind == "organization" and not found and looks_like_name(piece):
                found.append(BylineName(piece))  # a desk byline: "Reuters"
    # An organisation written once after several names ("By A and B, Reuters") is everyone's.
    orgs = {p.organization for p in found if p.organization}
    if len(orgs) == 1:
        org = orgs.pop()
        found = [p if p.organization else attrs.evolve(p, organization=org) for p in found]
    return found


def split_byline(text: str) -> list[BylineName]:
    """Read the names in a byline, with their roles and organisations.

    >>> [p.name for p in split_byline("By Jane Doe and John Roe")]
    ['Jane Doe', 'John Roe']
    >>> split_byline("By Jane Doe, Reuters")[0].organization
    'Reuters'
    >>> split_byline("Jane Doe | Senior Editor")[0].role
    'Senior Editor'
    >>> split_byline("Photo by John Roe")
    []
    """
    text = " ".join(_XML_UNSAFE.sub("", text[:1000]).split())[:300]
    if not text or _NOT_AUTHOR.match(text):
        return []
    text = PAGE_PREFIX.sub("", text, count=1)
    text = _TAIL.sub("", text).strip(" |•·,-–—:")
    if not text:
        return []
    segments = [s.strip() for s in re.split(r"\s*[|•·]\s*|\s+[–—]\s+|\s+-\s+", text) if s.strip()]
    people = _people(segments[0]) if segments else []
    for segment in segments[1:]:
        if not people:
            break
        kind = _classify_tail(segment)
        last = people[-1]
        if kind == "role" and last.role is None:
            people[-1] = attrs.evolve(last, role=segment)
        elif kind == "organization" and last.organization is None:
            people[-1] = attrs.evolve(last, organization=segment)
    return people
