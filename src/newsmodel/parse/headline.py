"""The article's headline: the visible ``<h1>`` that matches the declared titles.

Pages declare their title in many places (JSON-LD, OpenGraph, Twitter, Dublin Core, ``<title>``),
often with the site name appended or in an SEO wording. The headline readers see is the ``<h1>``;
it is taken when it agrees with the declared titles, which keeps a site logo or a section name
in an ``<h1>`` out. Otherwise the best declared title is used, without the site name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from lxml import etree

from .jsonld import as_strings
from .page_sources import PageSources, clean, first, in_foreign_region, text_of
from .web_bylines import fold_name

__all__ = ["find_headline", "site_names", "strip_site_name"]

_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:·•»«/]\s+|\s*[|·•»«]\s*")
_WORDS = re.compile(r"\w+")
_H1_SIMILARITY = 0.5
_LONE_H1_SIMILARITY = 0.2


def _tokens(text: str) -> list[str]:
    return _WORDS.findall(fold_name(text))


def _similarity(a: str, b: str) -> float:
    """Share of words in common, over the longer of the two titles."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 0.0
    common = len(set(ta) & set(tb))
    return common / max(len(set(ta)), len(set(tb)))


def site_names(src: PageSources) -> list[str]:
    names = list(src.metas("og:site_name", "application-name", "apple-mobile-web-app-title", "twitter:site"))
    for node in src.jsonld.of_type("website", "organization", "newsmediaorganization"):
        names.extend(as_strings(node.get("name")))
    for publisher in src.jsonld.resolve_all(src.article.get("publisher")):
        names.extend(as_strings(publisher.get("name")))
    return [n.lstrip("@") for n in names if n]


def _host_key(url: str | None) -> str:
    """The letters of a URL's host name ("blog.rust-lang.org" -> "blogrustlangorg")."""
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return re.sub(r"[^a-z0-9]", "", host.removeprefix("www."))


def _names_site(part: str, folded_sites: set[str], host: str) -> bool:
    folded = fold_name(part)
    if not folded:
        return True
    if folded in folded_sites or any(folded in site for site in folded_sites):
        return True
    # "| Rust Blog" on blog.rust-lang.org, "| DianaHR" on getdianahr.com
    squeezed = folded.replace(" ", "")
    if len(squeezed) >= 3 and squeezed in host:
        return True
    words = folded.split()
    return len(words) <= 4 and all(len(w) >= 3 and w in host for w in words)


def strip_site_name(title: str, site_names: Iterable[str], url: str | None = None) -> str:
    """Remove a " | Site" / " - Site" suffix (or "Site | " prefix) naming the site.

    The site is known by its declared names and, with ``url``, by its host name.

    >>> strip_site_name("Rates rise again | The Daily Gazette", ["The Daily Gazette"])
    'Rates rise again'
    >>> strip_site_name("What people love | Rust Blog", [], "https://blog.rust-lang.org/x")
    'What people love'
    """
    folded_sites = {fold_name(s) for s in site_names if s}
    host = _host_key(url)
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    while len(parts) > 1 and _names_site(parts[-1], folded_sites, host):
        title = title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»«/")
        parts = parts[:-1]
    if len(parts) > 1 and fold_name(parts[0]) in folded_sites:
        title = title[len(parts[0]) :].lstrip(" |-–—:·•»«/")
    return title


_BREAKING_TAGS = frozenset({"br", "div", "p", "span", "small"})


def _heading_text(heading: etree._Element) -> str:
    """A heading's text, with a space where a line break or a nested block split it."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if isinstance(node.tag, str) and node.tag not in ("script", "style"):
            gap = " " if node is not heading and node.tag in _BREAKING_TAGS else ""
            parts.append(gap + (node.text or ""))
            for child in node:
                walk(child)
            parts.append(gap)
        if node is not heading:
            parts.append(node.tail or "")

    walk(heading)
    return "".join(parts)


def find_headline(src: PageSources, site_names: list[str]) -> tuple[str | None, etree._Element | None]:
    """The headline, and the ``<h1>`` element that shows it (if one does)."""
    story_headlines = src.story.get("headlines")
    declared = [
        clean(v)
        for v in (
            *as_strings(src.article.get("headline")),
            *as_strings(src.article.get("name")),
            *src.metas(
                "og:title", "twitter:title", "dc.title", "dcterms.title", "parsely-title", "sailthru.title"
            ),
            *src.microdata_values("headline"),
            *as_strings(src.story.get("headline")),
            *as_strings(story_headlines.get("basic") if isinstance(story_headlines, dict) else None),
            *as_strings(src.page_node.get("headline")),
            *as_strings(src.page_node.get("name")),
        )
    ]
    titles = [t for t in declared if t]
    page_title = first(clean(text_of(t)) for t in src.by_tag["title"][:1])
    if page_title:
        titles.append(page_title)
    h1s = [(clean(_heading_text(h), limit=400), h) for h in src.by_tag["h1"][:20]]
    best: tuple[str | None, etree._Element | None] = (None, None)
    best_score = 0.0
    for text, element in h1s:
        if not text or len(text) <= 2:
            continue
        score = max((_similarity(text, t) for t in titles), default=0.0)
        if score > best_score:
            best, best_score = (text, element), score
    if best[0] is not None and best_score >= _H1_SIMILARITY:
        return best
    # A page's only real <h1> is its headline even when the SEO titles reword it, as long as
    # it shares some words with them (a lone site logo or section name shares none).
    sites = {fold_name(n) for n in site_names}
    lone = [
        (t, e)
        for t, e in h1s
        if t and len(t) >= 10 and fold_name(t) not in sites and not in_foreign_region(e)
    ]
    if (
        len(lone) == 1
        and max((_similarity(lone[0][0], t) for t in titles), default=0.0) >= _LONE_H1_SIMILARITY
    ):
        return lone[0]
    for title in titles:
        stripped = strip_site_name(title, site_names, src.base_for_links)
        if stripped:
            return stripped, None
    visible = [(t, e) for t, e in h1s if t and len(t) > 2]
    return visible[0] if len(visible) == 1 else (None, None)
