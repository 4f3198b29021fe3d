"""Front matter: the ``---``-fenced ``key: value`` block Markdown exports put above the text.

Only the flat subset that article exports use is read (no YAML library): ``key: value``,
``key: [a, b]`` and ``key:`` followed by ``- item`` lines; quotes around values are removed.
"""

from __future__ import annotations

import re
from datetime import tzinfo
from typing import Any

import attrs

from ..errors import ValidationError
from ..model import Article, AuthorProfile, Publisher, Subject
from .bylines import parse_byline
from .dates import parse_date

__all__ = ["FRONT_MATTER_KEYS", "apply_front_matter", "first_value", "split_front_matter"]

#: The keys read, by the Article field they fill (the first key present wins).
FRONT_MATTER_KEYS: dict[str, tuple[str, ...]] = {
    "headline": ("title", "headline"),
    "summary": ("description", "summary", "subtitle", "excerpt", "standfirst"),
    "kicker": ("kicker",),
    "authors": ("authors", "author", "byline"),
    "published": ("date", "published", "pubdate", "publishdate", "created"),
    "modified": ("updated", "modified", "lastmod", "last_modified"),
    "language": ("language", "lang"),
    "url": ("url", "canonical", "canonical_url", "permalink", "link"),
    "identifier": ("id", "guid", "uuid", "identifier"),
    "publisher": ("publisher", "source", "site_name", "outlet"),
    "subjects": ("tags", "categories", "keywords", "subjects"),
}

_FENCE = re.compile(r"---[ \t]*\n")
_CLOSE = re.compile(r"\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)")
_ENTRY = re.compile(r"(?P<key>[A-Za-z_][\w-]{0,40})[ \t]*:[ \t]*(?P<value>.*)")
_ITEM = re.compile(r"[ \t]*-[ \t]+(?P<value>.+)")
_MAX_FRONT_MATTER = 20_000


def split_front_matter(text: str) -> tuple[dict[str, list[str]], str]:
    """Split front matter off ``text``: ``({key: [values]}, rest)``; ``({}, text)`` when there is none.

    Keys are lower-cased; every value is a list (one item for a scalar).

    >>> split_front_matter("---\\ntitle: 'Silo vote'\\ntags: [port, council]\\n---\\nBody")
    ({'title': ['Silo vote'], 'tags': ['port', 'council']}, 'Body')
    """
    if not _FENCE.match(text):
        return {}, text
    close = _CLOSE.search(text, 3, _MAX_FRONT_MATTER)
    if close is None:
        return {}, text
    entries: dict[str, list[str]] = {}
    key: str | None = None
    for line in text[text.index("\n") + 1 : close.start()].split("\n"):
        item = _ITEM.fullmatch(line)
        if item is not None and key is not None:
            entries[key].append(_unquote(item.group("value")))
            continue
        entry = _ENTRY.fullmatch(line.rstrip())
        if entry is None:
            if line.strip():
                return {}, text  # not the simple key: value form: leave the text alone
            continue
        key = entry.group("key").lower()
        value = entry.group("value").strip()
        if value.startswith("[") and value.endswith("]"):
            entries[key] = [_unquote(v) for v in value[1:-1].split(",") if v.strip()]
        else:
            entries[key] = [_unquote(value)] if value else []
    return entries, text[close.end() :]


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def first_value(entries: dict[str, list[str]], field: str) -> str | None:
    """The first non-empty value of the keys that fill ``field`` (see ``FRONT_MATTER_KEYS``)."""
    for key in FRONT_MATTER_KEYS[field]:
        for value in entries.get(key, ()):
            if value.strip():
                return value.strip()
    return None


def apply_front_matter(article: Article, entries: dict[str, list[str]], default_timezone: tzinfo) -> Article:
    """``article`` with the fields its front matter states; they win over what the text suggested.

    A value the model would refuse (a malformed language tag, say) is ignored, not fatal.
    """
    changes: dict[str, Any] = {}
    for field in ("summary", "kicker", "url", "identifier"):
        value = first_value(entries, field)
        if value is not None:
            changes[field] = value
    for field in ("published", "modified"):
        value = first_value(entries, field)
        moment = parse_date(value, default_timezone=default_timezone) if value else None
        if moment is not None:
            changes[field] = moment
    publisher = first_value(entries, "publisher")
    if publisher is not None:
        changes["publisher"] = Publisher(name=publisher)
    names = next((entries[k] for k in FRONT_MATTER_KEYS["authors"] if entries.get(k)), [])
    authors = [a for name in names for a in (parse_byline(name) or _bare_author(name))]
    if authors:
        known = {a.name: a for a in article.authors}
        changes["authors"] = tuple(known.get(a.name, a) for a in authors) + tuple(
            a for a in article.authors if a.name not in {b.name for b in authors}
        )
    tags = next((entries[k] for k in FRONT_MATTER_KEYS["subjects"] if entries.get(k)), [])
    if tags:
        changes["subjects"] = tuple(Subject(name=t) for t in tags if t.strip())
    article = attrs.evolve(article, **changes)
    language = first_value(entries, "language")
    if language is None:
        return article
    try:
        return attrs.evolve(article, language=language.replace("_", "-"))
    except ValidationError:  # not a BCP 47 tag: keep the guessed language
        return article


def _bare_author(name: str) -> tuple[AuthorProfile, ...]:
    return (AuthorProfile(name=name),) if name.strip() else ()
