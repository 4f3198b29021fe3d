"""IPTC NewsML-G2 2.35: ``to_newsml`` writes a text ``newsItem``; ``from_newsml`` reads one back.

Writing is lossless and valid: ``from_newsml(to_newsml(article)) == article`` for every article,
and the item validates against the NewsML-G2 2.35 XSD with an XHTML 1.0 Strict body. Each field
goes to the place NewsML-G2 has for it (``headline``, ``description``, ``creator`` ...). Where the
standard's place cannot hold a value exactly (a name with a line break in a whitespace-normalised
``name``, a URL that is not a valid ``xs:anyURI``, a time zone), the standard place gets the
closest valid value and the exact one travels in an attribute of newsmodel's extension namespace
(:data:`NEWSMODEL_NS`), which NewsML-G2 admits on every element (``anyAttribute ##other``).

Reading accepts items from other producers too: XHTML bodies with or without their namespace,
NITF bodies, ``newsMessage`` envelopes, ``assert``-ed creator details, several headlines with
roles, any encoding the XML declaration names. What the model cannot hold is reported with a
:class:`NewsModelWarning` (or an error with ``strict=True``), never silently dropped.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone, tzinfo
from urllib.parse import quote
from uuid import UUID, uuid5
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from lxml import etree

from .._isotime import parse_iso_datetime
from .._version import __version__
from ..errors import DeserializationError, NewsModelError, ValidationError
from ..model import (
    Article,
    AuthorProfile,
    Publisher,
    Quote,
    Section,
    Subject,
    characters_already_checked,
)
from ._xhtml import (
    XHTML_NS,
    body_title,
    read_summary_markup,
    read_xhtml_body,
    write_summary,
    write_xhtml,
)
from ._xml import (
    NewsModelWarning,
    children_by_name,
    collapse,
    escape_attribute,
    escape_text,
    local_name,
    namespace,
    parse_xml,
    text_of,
)
from .nitf import NITF_NS, NitfHead, read_nitf_body

__all__ = [
    "NAR_NS",
    "NEWSMODEL_NS",
    "NewsModelWarning",
    "from_newsml",
    "read_newsml_items",
    "to_newsml",
]

#: The NewsML-G2 namespace.
NAR_NS = "http://iptc.org/std/nar/2006-10-01/"
#: newsmodel's extension namespace: exact values where the standard place cannot hold them.
NEWSMODEL_NS = "urn:newsmodel:newsml-g2:1"
GENERATOR = "newsmodel"

_N = "{" + NAR_NS + "}"
_NM = "{" + NEWSMODEL_NS + "}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# QCode is "scheme:code" with no XML whitespace (XSD \s is only these four characters).
_QCODE = re.compile(r"[^ \t\n\r:]+:[^ \t\n\r]+\Z")
# A conservative xs:anyURI: RFC 3986 characters, well-formed %-escapes, at most one '#'.
_URI_CHARS = r"(?:[A-Za-z0-9\-._~/?=&@+,;!$'()*:]|%[0-9A-Fa-f]{2})*"
_CLEAN_URI = re.compile(_URI_CHARS + r"(?:#" + _URI_CHARS + r")?\Z")
_URI_SAFE = "-._~/?=&@+,;!$'()*"
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
_LAYOUT = str.maketrans("\t\n\r", "   ")

KICKER_ROLE = "hlrole:kicker"
SUMMARY_ROLE = "drol:summary"
BIO_ROLE = "definitionrole:biog"
JOBTITLE_ROLE = "nrol:jobtitle"
EDUCATION_REL = "exrel:alumniOf"
EXPERTISE_REL = "exrel:knowsAbout"
IMAGE_REL = "exrel:image"
URL_REL = "irel:seeAlso"


# --------------------------------------------------------------------------------------------
# Writing helpers
#
# The item is written as text, in one pass: building it element by element through lxml and
# serialising the tree costs several times more. The escaping is lxml's own (see _xml), and the
# XSD and DTD tests check the result on every generated article.


def _attribute(name: str, value: str) -> str:
    return f' {name}="{escape_attribute(value)}"'


def _element(name: str, text: str | None = None, attributes: str = "") -> str:
    if text is None:
        return f"<{name}{attributes}/>"
    return f"<{name}{attributes}>{escape_text(text)}</{name}>"


def _normalised(name: str, value: str) -> str:
    """An element of a whitespace-normalised type (``name``): tabs and breaks as spaces, exact value aside."""
    shown = value.translate(_LAYOUT)
    return _element(name, shown, "" if shown == value else _attribute("nm:text", value))


def _uri(value: str) -> tuple[str, str | None]:
    """A valid xs:anyURI for ``value`` and, if it had to be escaped, the exact value to carry aside."""
    scheme = _SCHEME.match(value)
    prefix = scheme.group() if scheme else ""
    rest = value[len(prefix) :]
    # Without a scheme, a colon before the first slash would be read as one; RFC 3986 forbids it.
    first_segment = re.split(r"[/?#]", rest, maxsplit=1)[0]
    if _CLEAN_URI.match(rest) and (prefix or ":" not in first_segment):
        return value, None
    return prefix + quote(rest, safe=_URI_SAFE), value


def _uri_attribute(name: str, value: str) -> str:
    shown, exact = _uri(value)
    if exact is None:
        return _attribute(name, shown)
    return _attribute(name, shown) + _attribute("nm:" + name, exact)


def _uri_element(name: str, value: str) -> str:
    shown, exact = _uri(value)
    return _element(name, shown, "" if exact is None else _attribute("nm:text", exact))


def _fits_xsd(offset: timedelta) -> bool:
    """Whether xs:dateTime can write this UTC offset: whole minutes, at most 14 hours either way."""
    return offset.microseconds == 0 and offset.seconds % 60 == 0 and abs(offset) <= timedelta(hours=14)


def _datetime_element(name: str, value: datetime) -> str:
    """An xs:dateTime; a time zone or a sub-minute UTC offset the XSD cannot express travels aside."""
    offset = value.utcoffset()
    assert offset is not None  # the model only holds aware datetimes
    fits = _fits_xsd(offset)
    text = value.isoformat() if fits else value.astimezone(timezone.utc).isoformat()
    zone = value.tzinfo
    key = getattr(zone, "key", None) if isinstance(zone, ZoneInfo) else None
    if key is not None:
        attributes = _attribute("nm:tz", key)
    elif isinstance(zone, timezone) and fits:
        return _element(name, text)
    else:
        attributes = _attribute("nm:offset", _format_offset(offset))
    attributes += _attribute("nm:local", value.replace(tzinfo=None).isoformat())
    if value.fold:
        attributes += ' nm:fold="1"'
    return _element(name, text, attributes)


def _format_offset(offset: timedelta) -> str:
    # datetime.isoformat writes exactly what fromisoformat reads back, seconds and microseconds too.
    return datetime(2000, 1, 1, tzinfo=timezone(offset)).isoformat()[19:]


def _utc(value: datetime) -> str:
    return value.astimezone(timezone.utc).isoformat()


def _write_creator(out: list[str], author: AuthorProfile) -> None:
    out.append("<creator>")
    out.append(_normalised("name", author.name))
    if author.bio is not None:
        out.append(_element("definition", author.bio, f' role="{BIO_ROLE}"'))
    if author.role is not None:
        out.append(_element("note", author.role, f' role="{JOBTITLE_ROLE}"'))
    for same in author.same_as:
        out.append(_element("sameAs", None, _uri_attribute("uri", same)))
    if author.image is not None:
        out.append(_element("related", None, f' rel="{IMAGE_REL}"' + _uri_attribute("uri", author.image)))
    for rel, values in ((EDUCATION_REL, author.education), (EXPERTISE_REL, author.expertise)):
        for value in values:
            out.append(f'<related rel="{rel}">{_normalised("name", value)}</related>')
    if author.organization is not None or author.email is not None or author.url is not None:
        out.append("<personDetails>")
        if author.organization is not None:
            out.append(f"<affiliation>{_normalised('name', author.organization)}</affiliation>")
        if author.email is not None or author.url is not None:
            out.append("<contactInfo>")
            if author.email is not None:
                out.append(_element("email", author.email))
            if author.url is not None:
                out.append(_uri_element("web", author.url))
            out.append("</contactInfo>")
        out.append("</personDetails>")
    out.append("</creator>")


_ITEM_START = (
    f'<newsItem xmlns="{NAR_NS}" xmlns:nm="{NEWSMODEL_NS}" standard="NewsML-G2" standardversion="2.35"'
    ' conformance="power" version="1"'
)
_CATALOG = '<catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>'
_META_END = '<pubStatus qcode="stat:usable"/>' + _element(
    "generator", GENERATOR, _attribute("versioninfo", __version__)
)


# The namespace of the name-based UUIDs newsmodel generates for items without an identifier.
_GUID_NAMESPACE = UUID("5c7f2a55-3f4e-5b0e-9d3e-6e65777364ce")


def _generated_guid(article: Article) -> UUID:
    """A name-based guid, so that converting an archive twice gives the same items.

    A NewsML-G2 guid names the story across its versions: the page's URL when it has one,
    else what identifies a story to a reader (headline, publication time, publisher).
    """
    if article.url is not None:
        return uuid5(_GUID_NAMESPACE, "url\0" + article.url)
    published = "" if article.published is None else article.published.isoformat()
    publisher = "" if article.publisher is None else article.publisher.name
    return uuid5(_GUID_NAMESPACE, "\0".join(("story", article.headline, published, publisher)))


def _write_item(out: list[str], article: Article) -> None:
    """The whole ``newsItem``, its XHTML body included, as pieces of text appended to ``out``."""
    if article.identifier is not None:
        guid = _attribute("guid", article.identifier)
    else:
        guid = f' guid="urn:uuid:{_generated_guid(article)}" nm:guid="generated"'
    lang = "" if article.language is None else _attribute("xml:lang", article.language)
    out.append(f'{_ITEM_START}{guid}{lang}>{_CATALOG}<itemMeta><itemClass qcode="ninat:text"/>')
    publisher = article.publisher
    if publisher is None:
        out.append('<provider literal="unknown"/>')
    else:
        uri = "" if publisher.url is None else _uri_attribute("uri", publisher.url)
        out.append(f"<provider{uri}>{_normalised('name', publisher.name)}</provider>")
    version = article.modified or article.published or datetime.now(timezone.utc).replace(microsecond=0)
    out.append(_element("versionCreated", _utc(version)))
    if article.published is not None:
        out.append(_element("firstCreated", _utc(article.published)))
    out.append(_META_END)
    if article.url is not None:
        out.append(
            _element(
                "link",
                None,
                f' rel="{URL_REL}" contenttype="text/html"' + _uri_attribute("href", article.url),
            )
        )
    out.append("</itemMeta><contentMeta>")
    if article.published is not None:
        out.append(_datetime_element("contentCreated", article.published))
    if article.modified is not None:
        out.append(_datetime_element("contentModified", article.modified))
    for author in article.authors:
        _write_creator(out, author)
    if article.language is not None:
        out.append(_element("language", None, _attribute("tag", article.language)))
    for subject in article.subjects:
        code = subject.code
        if code is None:
            attributes = ""
        elif _QCODE.match(code):
            attributes = _attribute("qcode", code)
        else:
            attributes = _attribute("nm:code", code)
        out.append(f"<subject{attributes}>{_normalised('name', subject.name)}</subject>")
    out.append(_element("headline", article.headline))
    if article.kicker is not None:
        out.append(_element("headline", article.kicker, f' role="{KICKER_ROLE}"'))
    if article.dateline is not None:
        out.append(_element("dateline", article.dateline))
    if article.authors:
        out.append(_element("by", ", ".join(author.name for author in article.authors)))
    if article.summary is not None:
        if article.summary_quotes:
            # description is mixed content open to other namespaces: the quotes go in as XHTML <q>.
            out.append(f'<description role="{SUMMARY_ROLE}">')
            write_summary(out, article.summary, article.summary_quotes)
            out.append("</description>")
        else:
            out.append(_element("description", article.summary, f' role="{SUMMARY_ROLE}"'))
    out.append("</contentMeta>")
    if article.sections:
        out.append('<contentSet><inlineXML contenttype="application/xhtml+xml">')
        write_xhtml(out, article)
        out.append("</inlineXML></contentSet>")
    out.append("</newsItem>")


_DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n"


def to_newsml(article: Article) -> bytes:
    """Return the article as a NewsML-G2 2.35 ``newsItem`` (UTF-8 bytes with an XML declaration).

    The body is XHTML 1.0 Strict in ``contentSet/inlineXML``. The item is valid against the
    NewsML-G2 2.35 XSD and :func:`from_newsml` reads back an equal article.
    """
    if not isinstance(article, Article):
        raise TypeError(f"to_newsml() takes an Article, not {type(article).__name__}")
    out = [_DECLARATION]
    _write_item(out, article)
    return "".join(out).encode("utf-8")


# --------------------------------------------------------------------------------------------
# Reading


class _Reader:
    """Reads one newsItem; remembers what it used so the rest can be reported."""

    def __init__(self, item: etree._Element, *, where: str, strict: bool) -> None:
        self.item = item
        self.where = where
        self.strict = strict
        self._index: dict[etree._Element, dict[str, list[etree._Element]]] = {}
        self.ours = any(
            (g.text or "").strip() == GENERATOR
            for meta in self.children(item, "itemMeta")
            for g in self.children(meta, "generator")
        )
        self.used: set[etree._Element] = set()
        self.lost: list[str] = []
        self.had_authors = False

    # -- small helpers

    def children(self, parent: etree._Element | None, name: str) -> list[etree._Element]:
        if parent is None:
            return []
        index = self._index.get(parent)
        if index is None:
            index = self._index[parent] = children_by_name(parent)
        return index.get(name, [])

    def child(self, parent: etree._Element | None, name: str) -> etree._Element | None:
        found = self.children(parent, name)
        return found[0] if found else None

    def use(self, element: etree._Element | None) -> etree._Element | None:
        if element is not None:
            self.used.add(element)
        return element

    def text(self, element: etree._Element) -> str:
        exact = element.get(_NM + "text") if self.ours else None
        if exact is not None:
            return exact
        # Most elements hold one text node: no itertext() round needed.
        raw = (element.text or "") if not len(element) else text_of(element)
        return raw if self.ours else collapse(raw)

    def optional_text(self, element: etree._Element | None) -> str | None:
        if element is None:
            return None
        return self.text(element) or None

    def uri(self, element: etree._Element, attribute: str) -> str | None:
        if self.ours:
            exact = element.get(_NM + attribute)
            if exact is not None:
                return exact
        value = element.get(attribute)
        return value if value else None

    def lose(self, what: str) -> None:
        self.lost.append(what)

    # -- dates

    def moment(self, element: etree._Element | None) -> datetime | None:
        if element is None:
            return None
        raw = (element.text or "").strip()
        try:
            value = parse_iso_datetime(raw)
        except ValueError:
            self.lose(f"{local_name(element)} {raw!r} (not an ISO 8601 date-time)")
            return None
        if "T" not in raw:
            self.lose(f"{local_name(element)} {raw!r} (a date without a time)")
            return None
        if value.tzinfo is None:
            self.lose(f"{local_name(element)} {raw!r} (no UTC offset)")
            return None
        return self._restore_zone(element, value) if self.ours else value

    def _restore_zone(self, element: etree._Element, value: datetime) -> datetime:
        local = element.get(_NM + "local")
        if local is None:
            return value
        zone: tzinfo | None = None
        key = element.get(_NM + "tz")
        try:
            if key is not None:
                zone = ZoneInfo(key)
            else:
                offset = datetime.fromisoformat(
                    "2000-01-01T00:00:00" + element.get(_NM + "offset", "")
                ).utcoffset()
                zone = timezone(offset) if offset is not None else None
        except (ValueError, ZoneInfoNotFoundError):
            zone = None
        if zone is None:
            self.lose(f"time zone {key!r} of {local_name(element)} (unknown here: kept as a UTC offset)")
            return value
        fold = 1 if element.get(_NM + "fold") == "1" else 0
        try:
            return parse_iso_datetime(local).replace(tzinfo=zone, fold=fold)
        except ValueError:
            self.lose(f"local time {local!r} of {local_name(element)} (not a date-time: kept in UTC)")
            return value

    # -- the parts of an item

    def read(self) -> Article:
        meta = self.use(self.child(self.item, "itemMeta"))
        content = self.use(self.child(self.item, "contentMeta"))
        for catalog in self.children(self.item, "catalogRef") + self.children(self.item, "catalog"):
            self.use(catalog)
        for name in ("itemClass", "versionCreated", "pubStatus", "generator"):
            for element in self.children(meta, name):
                self.use(element)
        sections, head = self.body()
        headline, kicker = self.headlines(content)
        if headline is None:
            headline = head.headline
        if headline is None:
            raise DeserializationError(f"{self.where}: no headline", ["the item has no headline element"])
        authors = self.authors(content)
        if not authors:
            authors = list(head.authors)
        self.had_authors = bool(authors)
        summary, summary_quotes = self.description(content)
        dateline = self.optional_text(self.use(self.child(content, "dateline")))
        published = self.moment(self.use(self.child(content, "contentCreated")))
        if published is None and not self.ours:
            published = self.moment(self.use(self.child(meta, "firstCreated")))
        else:
            self.use(self.child(meta, "firstCreated"))
        modified = self.moment(self.use(self.child(content, "contentModified")))
        language = self.language(content)
        url = self.url(meta)
        publisher = self.publisher(meta)
        subjects = tuple(self.subjects(content))
        self.report_unused(meta, content, head)
        try:
            return Article(
                headline=headline,
                summary=summary if summary is not None else head.summary,
                summary_quotes=summary_quotes if summary is not None else (),
                kicker=kicker,
                dateline=dateline if dateline is not None else head.dateline,
                authors=tuple(authors),
                published=published,
                modified=modified,
                language=language,
                url=url,
                identifier=self.identifier(),
                publisher=publisher,
                subjects=subjects,
                sections=tuple(sections),
            )
        except NewsModelError as exc:
            raise DeserializationError(
                f"{self.where}: the item does not make a valid article", [str(exc)]
            ) from exc

    def headlines(self, content: etree._Element | None) -> tuple[str | None, str | None]:
        headline = kicker = None
        language = None
        for element in self.children(content, "language"):
            language = element.get("tag")
        for element in self.children(content, "headline"):
            roles = (element.get("role") or "").split()
            text = self.optional_text(element)
            lang = element.get(_XML_LANG)
            if text is None:
                self.use(element)
                continue
            if any(r.endswith(":kicker") for r in roles):
                if kicker is None:
                    kicker = text
                    self.use(element)
            elif (not roles or any(r.endswith(":main") for r in roles)) and (
                headline is None or (lang is not None and lang == language and not self.ours)
            ):
                headline = text
                self.use(element)
        return headline, kicker

    def description(self, content: etree._Element | None) -> tuple[str | None, tuple[Quote, ...]]:
        for element in self.children(content, "description"):
            roles = (element.get("role") or "").split()
            if not roles or any(r.endswith(":summary") for r in roles):
                self.use(element)
                quoted = read_summary_markup(element) if self.ours else None
                if quoted is not None:
                    return quoted.text, quoted.quotes
                return self.optional_text(element), ()
        return None, ()

    def language(self, content: etree._Element | None) -> str | None:
        element = self.use(self.child(content, "language"))
        tag = element.get("tag") if element is not None else self.item.get(_XML_LANG)
        if tag is None:
            return None
        tag = tag.strip()
        if not re.fullmatch(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*", tag):
            self.lose(f"language {tag!r} (not a BCP 47 tag)")
            return None
        return tag

    def identifier(self) -> str | None:
        if self.ours and self.item.get(_NM + "guid") == "generated":
            return None
        guid = self.item.get("guid")
        return guid if guid else None

    def url(self, meta: etree._Element | None) -> str | None:
        for link in self.children(meta, "link"):
            if link.get("rel") == URL_REL and link.get("href"):
                self.use(link)
                return self.uri(link, "href")
        return None

    def publisher(self, meta: etree._Element | None) -> Publisher | None:
        provider = self.use(self.child(meta, "provider"))
        if provider is None:
            return None
        name = self.optional_text(self.child(provider, "name"))
        if name is None or not name.strip():
            if not self.ours and (provider.get("qcode") or provider.get("uri") or provider.get("literal")):
                self.lose("provider given only as a code (the model needs a publisher name)")
            return None
        return Publisher(name=name, url=self.uri(provider, "uri"))

    def subjects(self, content: etree._Element | None) -> Iterator[Subject]:
        for element in self.children(content, "subject"):
            code = element.get("qcode") or element.get("uri") or element.get("literal")
            if self.ours and code is None:
                code = element.get(_NM + "code")
            name = self.optional_text(self.child(element, "name"))
            if name is None:
                name = self.asserted_name(element)
            if name is None or not name.strip():
                if code is not None and not self.ours:
                    self.lose(f"subject {code} (no name)")
                    self.use(element)
                continue
            self.use(element)
            yield Subject(name=name, code=code)

    # -- creators

    def asserted(self, element: etree._Element) -> etree._Element | None:
        """The newsItem's ``assert`` about the concept ``element`` refers to, if any."""
        candidates = self.children(self.item, "assert")
        if not candidates:
            return None
        keys = [(a, element.get(a)) for a in ("qcode", "uri", "literal") if element.get(a)]
        if not keys:
            return None
        for candidate in candidates:
            if any(candidate.get(a) == v for a, v in keys):
                self.use(candidate)
                return candidate
        return None

    def asserted_name(self, element: etree._Element) -> str | None:
        found = self.asserted(element)
        return self.optional_text(self.child(found, "name")) if found is not None else None

    def authors(self, content: etree._Element | None) -> list[AuthorProfile]:
        found = []
        for creator in self.children(content, "creator"):
            author = self.author(creator)
            if author is not None:
                self.use(creator)
                found.append(author)
        return found

    def author(self, creator: etree._Element) -> AuthorProfile | None:
        sources = [creator]
        asserted = self.asserted(creator)
        if asserted is not None:
            sources.append(asserted)

        def first(name: str, role: str | None = None, rel: str | None = None) -> etree._Element | None:
            """The first ``name`` child whose ``role``/``rel`` token list holds the value given."""
            for source in sources:
                for element in self.children(source, name):
                    if (role is None or role in (element.get("role") or "").split()) and (
                        rel is None or rel in (element.get("rel") or "").split()
                    ):
                        return element
            return None

        def every(name: str, rel: str | None = None) -> list[etree._Element]:
            return [
                element
                for source in sources
                for element in self.children(source, name)
                if rel is None or element.get("rel") == rel
            ]

        name = self.optional_text(first("name"))
        if name is None or not name.strip():
            self.lose(
                f"creator {creator.get('qcode') or creator.get('uri') or ''} (no name)".replace(" ()", "")
            )
            return None
        details = first("personDetails")
        affiliation = self.child(details, "affiliation")
        contact = self.child(details, "contactInfo")
        email = self.child(contact, "email")
        web = self.child(contact, "web")
        image = first("related", rel=IMAGE_REL)
        role = first("note", role=JOBTITLE_ROLE)
        bio = first("definition", role=BIO_ROLE)
        if bio is None and not self.ours:
            bio = first("definition")
        email_text = self.optional_text(email)
        if email_text is not None and ("@" not in email_text or email_text.split() != [email_text]):
            self.lose(f"e-mail {email_text!r} of creator {name!r} (not an address)")
            email_text = None
        return AuthorProfile(
            name=name,
            role=self.optional_text(role),
            organization=self.optional_text(self.child(affiliation, "name")),
            bio=self.optional_text(bio),
            url=self.web(web),
            email=email_text,
            image=self.uri(image, "uri") if image is not None else None,
            education=self.related_names(every("related", rel=EDUCATION_REL)),
            expertise=self.related_names(every("related", rel=EXPERTISE_REL)),
            same_as=tuple(v for v in (self.uri(s, "uri") or s.get("qcode") for s in every("sameAs")) if v),
        )

    def web(self, element: etree._Element | None) -> str | None:
        if element is None:
            return None
        if self.ours and element.get(_NM + "text") is not None:
            return element.get(_NM + "text")
        return (element.text or "").strip() or None

    def related_names(self, elements: list[etree._Element]) -> tuple[str, ...]:
        names = [self.optional_text(self.child(e, "name")) or e.get("literal") for e in elements]
        return tuple(n for n in names if n)

    # -- the body

    def body(self) -> tuple[list[Section], NitfHead]:
        content_set = self.use(self.child(self.item, "contentSet"))
        if content_set is None:
            return [], NitfHead()
        for inline in self.children(content_set, "inlineXML"):
            self.use(inline)
            root = next((c for c in inline if isinstance(c.tag, str)), None)
            if root is None:
                continue
            kind = local_name(root)
            if kind == "html" or (kind == "body" and namespace(root) in (XHTML_NS, "", NAR_NS)):
                sections = read_xhtml_body(root, verbatim=self.ours, where=self.where)
                return sections, NitfHead(headline=body_title(root))
            if kind == "nitf" or namespace(root) == NITF_NS:
                return read_nitf_body(root, where=self.where)
            self.lose(f"inlineXML body <{kind}> ({inline.get('contenttype')})")
        for other in content_set:
            if isinstance(other.tag, str) and local_name(other) != "inlineXML":
                self.lose(
                    f"contentSet/{local_name(other)} ({other.get('contenttype') or other.get('href') or ''})"
                )
        return [], NitfHead()

    def report_unused(
        self, meta: etree._Element | None, content: etree._Element | None, head: NitfHead
    ) -> None:
        for element in self.children(content, "by"):
            # by is derived from the creators; without any, it is the only record of who wrote it.
            if not self.had_authors and self.text(element):
                self.lose(f"contentMeta/by {self.text(element)!r} (no creator to match it)")
            self.use(element)
        for parent, label in ((self.item, ""), (meta, "itemMeta/"), (content, "contentMeta/")):
            for child in self.children(parent, "*"):
                name = local_name(child)
                if child not in self.used and name not in _REPORTED_ELSEWHERE:
                    self.lose(label + name)
        for element in self.children(self.item, "assert"):
            if element not in self.used:
                self.lose(
                    f"assert {element.get('qcode') or element.get('uri') or element.get('literal') or ''}"
                )
        for parent, name in (
            (content, "headline"),
            (content, "description"),
            (content, "subject"),
        ):
            for child in self.children(parent, name):
                if child not in self.used and (self.text(child) or child.get("qcode")):
                    role = child.get("role")
                    self.lose(f"contentMeta/{name}" + (f" role={role}" if role else ""))
        for child in self.children(meta, "link"):
            if child not in self.used:
                self.lose(f"itemMeta/link rel={child.get('rel')}")
        self.lost.extend(head.lost)
        if self.lost:
            message = f"{self.where}: not carried by the model: " + "; ".join(_summarise(self.lost))
            if self.strict:
                raise DeserializationError(f"{self.where}: the item holds what the model cannot", self.lost)
            warnings.warn(message, NewsModelWarning, stacklevel=4)


# Elements whose leftovers report_unused describes itself (with roles), or that hold the others.
_REPORTED_ELSEWHERE = frozenset(
    {
        "itemMeta",
        "contentMeta",
        "contentSet",
        "assert",
        "headline",
        "description",
        "subject",
        "creator",
        "language",
        "contentCreated",
        "contentModified",
        "dateline",
        "link",
        "provider",
        "firstCreated",
    }
)


def _read_item(item: etree._Element, where: str, strict: bool) -> Article:
    try:
        # The XML parser already refused every character XML 1.0 cannot carry, and the reader
        # builds strings only from the parsed text, so the model need not scan them again.
        with characters_already_checked():
            return _Reader(item, where=where, strict=strict).read()
    except ValidationError as exc:
        # A part of the item (a quote, a table) that makes no valid model object.
        raise DeserializationError(f"{where}: the item does not make a valid article", [str(exc)]) from exc


def _summarise(items: list[str]) -> list[str]:
    counts: dict[str, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return [f"{item} (x{n})" if n > 1 else item for item, n in counts.items()]


def _items(root: etree._Element) -> tuple[list[etree._Element], list[str]]:
    name = local_name(root)
    if name == "newsItem":
        return [root], []
    if name == "newsMessage":
        items: list[etree._Element] = []
        others: list[str] = []
        for element in root.iter():
            if not isinstance(element.tag, str) or element is root:
                continue
            kind = local_name(element)
            if kind == "newsItem":
                items.append(element)
            elif kind in ("packageItem", "conceptItem", "knowledgeItem", "planningItem", "catalogItem"):
                others.append(kind)
        return items, others
    if name == "contentSet":
        # A bare contentSet (as IPTC's own examples show one): an item with a body and nothing else.
        item = etree.Element(_N + "newsItem")
        item.append(root)
        return [item], []
    raise DeserializationError(
        "not a NewsML-G2 news item",
        [f"the root element is <{name}>, expected <newsItem>, <newsMessage> or <contentSet>"],
    )


def read_newsml_items(data: bytes | str, *, strict: bool = False) -> list[Article]:
    """Read every ``newsItem`` of a NewsML-G2 document: a single item or a ``newsMessage``.

    Other items in a ``newsMessage`` (packages, concepts) are reported with a
    :class:`NewsModelWarning`. With ``strict=True`` anything the model cannot hold raises
    :class:`~newsmodel.errors.DeserializationError` instead of warning.
    """
    root = parse_xml(data, what="NewsML-G2 document")
    items, others = _items(root)
    if others:
        message = "newsMessage: skipped items that are not news items: " + ", ".join(_summarise(others))
        if strict:
            raise DeserializationError("the newsMessage holds items that are not news items", others)
        warnings.warn(message, NewsModelWarning, stacklevel=2)
    return [
        _read_item(item, f"newsItem {item.get('guid') or index + 1}", strict)
        for index, item in enumerate(items)
    ]


def from_newsml(data: bytes | str, *, strict: bool = False) -> Article:
    """Read the article of a NewsML-G2 ``newsItem`` (or the first news item of a ``newsMessage``).

    Accepts bytes (any encoding the XML declaration names) or str. Raises
    :class:`~newsmodel.errors.DeserializationError` for input that is not NewsML-G2 or makes no
    valid article, and :class:`~newsmodel.errors.UnsafeXMLError` for DTDs and entities. Items
    after the first in a ``newsMessage`` are reported with a :class:`NewsModelWarning`; use
    :func:`read_newsml_items` to get them all.
    """
    root = parse_xml(data, what="NewsML-G2 document")
    items, others = _items(root)
    if not items:
        raise DeserializationError("no news item found", [f"<{local_name(root)}> holds no <newsItem>"])
    skipped = others + [f"newsItem {item.get('guid')}" for item in items[1:]]
    if skipped:
        message = "newsMessage: read the first news item only; skipped " + ", ".join(_summarise(skipped))
        if strict:
            raise DeserializationError("the newsMessage holds more than one item", skipped)
        warnings.warn(message + " (use read_newsml_items for all)", NewsModelWarning, stacklevel=2)
    first = items[0]
    return _read_item(first, f"newsItem {first.get('guid')}", strict)
