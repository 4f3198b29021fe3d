"""An article's metadata from every source an HTML page carries, reconciled into one record.

Sources, read once each: JSON-LD (via :mod:`newsmodel.parse.jsonld`), microdata, OpenGraph
and ``article:*`` meta, Twitter cards, Dublin Core and other ``<meta>`` conventions, ``<time>``
elements, ``rel=author`` links and hAtom/vCard bylines, ``<html lang>``, and the embedded state
of Next.js / Arc Fusion pages. Where sources disagree the visible page wins: the headline is
the ``<h1>`` that matches the declared titles, a visible byline of people beats a JSON-LD
author that is only the publisher, and so on (see ``docs/metadata.md``).
"""

from __future__ import annotations

from datetime import datetime

import attrs
from lxml.html import HtmlElement

from ..model import AuthorProfile, Publisher, Subject
from .authors import find_authors
from .headline import find_headline, site_names
from .jsonld import as_strings, first_string
from .page_dates import find_dates
from .page_sources import PageSources, absolute, clean, clean_body, first, page_language, text_window
from .web_bylines import fold_name

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


def _summary(src: PageSources) -> str | None:
    return first(
        clean(v)
        for v in (
            *as_strings(src.article.get("description")),
            *src.metas("og:description", "description", "twitter:description", "dc.description"),
            *src.microdata_values("description"),
            *as_strings(_arc_basic(src.story.get("description"))),
            *as_strings(_arc_basic(src.story.get("subheadlines"))),
        )
    )


def _arc_basic(value: object) -> object:
    """Arc ANS wraps texts as ``{"basic": "..."}``; other app state gives the text itself."""
    return value.get("basic") if isinstance(value, dict) else value


def _kicker(src: PageSources) -> str | None:
    return first(
        clean(v) for v in (*as_strings(src.article.get("articleSection")), *src.metas("article:section"))
    )


def _url(src: PageSources) -> str | None:
    candidates = [
        *src.canonical[:1],
        *src.metas("og:url"),
        *as_strings(src.article.get("url")),
        src.base_url,
    ]
    return first(absolute(clean(v), src.base_for_links) for v in candidates)


def _identifier(src: PageSources) -> str | None:
    return first(
        clean(v)
        for v in (
            *as_strings(src.article.get("identifier")),
            *src.metas("parsely-post-id", "sailthru.contentid", "article:id", "dc.identifier"),
        )
    )


def _publisher(src: PageSources) -> Publisher | None:
    for node in src.jsonld.resolve_all(src.article.get("publisher")):
        name = clean(first_string(node.get("name")))
        if name:
            return Publisher(
                name=name, url=absolute(clean(first_string(node.get("url"))), src.base_for_links)
            )
    name = first(clean(v) for v in src.metas("og:site_name", "application-name", "dc.publisher"))
    return Publisher(name=name) if name else None


def _subjects(src: PageSources) -> tuple[Subject, ...]:
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


def _image(src: PageSources) -> str | None:
    image = src.article.get("image")
    image = image[0] if isinstance(image, list) and image else image
    candidates = [
        *src.metas("og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"),
        first_string(image.get("url") if isinstance(image, dict) else image),
    ]
    return first(absolute(clean(v), src.base_for_links) for v in candidates)


def _article_body(src: PageSources) -> str | None:
    body = src.article.get("articleBody")
    if isinstance(body, str):
        return clean_body(body)
    for key in ("articleBody", "body"):
        if isinstance(src.story.get(key), str):
            return clean_body(src.story[key])
    elements = src.story.get("content_elements")
    if isinstance(elements, list):
        texts = [
            e.get("content")
            for e in elements[:2000]
            if isinstance(e, dict) and e.get("type") in ("text", "header")
        ]
        return clean_body("\n\n".join(t for t in texts if isinstance(t, str)))
    return None


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
    src = PageSources(tree, url)
    names = site_names(src)
    headline, headline_element = find_headline(src, names)
    canonical_url = _url(src)
    window = text_window(src, headline_element)
    published, modified = find_dates(src, window, canonical_url)
    return PageMetadata(
        headline=headline,
        summary=_summary(src),
        kicker=_kicker(src),
        authors=find_authors(src, names, window),
        published=published,
        modified=modified,
        language=page_language(src),
        url=canonical_url,
        identifier=_identifier(src),
        publisher=_publisher(src),
        subjects=_subjects(src),
        image=_image(src),
        article_body=_article_body(src),
    )
