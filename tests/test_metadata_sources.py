"""extract_metadata reads each source a page may carry: one fixture page or snippet per source."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import lxml.html
import pytest

from newsmodel.parse.metadata import PageMetadata, extract_metadata

FIXTURES = Path(__file__).parent / "fixtures" / "metadata"


def page(name: str, url: str | None = None) -> PageMetadata:
    html = (FIXTURES / name).read_text(encoding="utf-8")
    return extract_metadata(lxml.html.document_fromstring(html), url=url)


def snippet(head: str = "", body: str = "", *, lang: str = "", url: str | None = None) -> PageMetadata:
    attribute = f' lang="{lang}"' if lang else ""
    html = f"<html{attribute}><head>{head}</head><body>{body}</body></html>"
    return extract_metadata(lxml.html.document_fromstring(html), url=url)


# --------------------------------------------------------------------------------------------
# Whole pages


def test_wordpress_graph_page_reads_every_field() -> None:
    meta = page("wordpress_graph.html")
    assert meta.headline == "Harbour ferry returns after winter repairs"
    assert meta.summary == "The blue ferry is back on the water after three months in dry dock."
    assert meta.kicker == "Local"
    assert meta.published == datetime(2025, 3, 14, 7, 30, tzinfo=timezone.utc)
    assert meta.modified == datetime(2025, 3, 15, 9, 0, tzinfo=timezone.utc)
    assert meta.language == "en-GB"
    assert meta.url == "https://courier.example/2025/03/14/harbour-ferry-returns/"
    assert meta.publisher is not None
    assert (meta.publisher.name, meta.publisher.url) == ("The Lakeside Courier", "https://courier.example/")
    assert [s.name for s in meta.subjects] == ["Transport", "Harbour", "Ferries"]
    assert meta.image == "https://courier.example/media/ferry.jpg"
    assert meta.article_body == "The blue ferry is back.\n\nIt spent the winter in dry dock."


def test_jsonld_person_reference_resolves_to_a_full_profile() -> None:
    (author,) = page("wordpress_graph.html").authors
    assert author.name == "Maren Holt"
    assert author.role == "Transport Reporter"
    assert author.organization == "The Lakeside Courier"
    assert author.bio == "Maren covers buses, trains and boats."
    assert author.url == "https://courier.example/author/maren-holt/"
    assert author.image == "https://courier.example/media/maren.jpg"
    assert author.same_as == ("https://social.example/marenholt",)


def test_commenters_related_bylines_photographers_and_footers_are_not_authors() -> None:
    names = {a.name for a in page("wordpress_graph.html").authors}
    assert names.isdisjoint({"Harriet Moss", "Oskar Lind", "Tomas Reed", "Editor"})


def test_nextjs_story_gives_authors_body_and_dates() -> None:
    meta = page("nextjs_story.html")
    assert meta.headline == "Neue Brücke über den Fluss eröffnet"
    assert [a.name for a in meta.authors] == ["Ilse Brandt", "Jörg Weber"]
    assert meta.authors[0].role == "Redakteurin"
    assert meta.published == datetime(2025, 6, 2, 10, 15, tzinfo=timezone(timedelta(hours=2)))
    assert meta.article_body == "Die neue Brücke verbindet beide Ufer.\n\nSie ist 240 Meter lang."
    assert meta.language == "de"


def test_arc_fusion_global_content_is_read() -> None:
    meta = page("arc_fusion.html")
    assert meta.headline == "Council approves new library hours"
    assert meta.summary == "Branches will open on Sundays from April."
    assert [a.name for a in meta.authors] == ["Priya Nandakumar"]
    assert meta.published == datetime(2025, 2, 20, 17, 55, tzinfo=timezone.utc)
    assert meta.modified == datetime(2025, 2, 21, 8, 0, tzinfo=timezone.utc)
    assert meta.article_body == (
        "The council voted 7-2 on Tuesday.\n\nWhat changes\n\nEvery branch opens noon to five on Sundays."
    )


def test_legacy_upper_case_page_with_dublin_core() -> None:
    meta = page("legacy_table.html")
    assert meta.headline == "Frost warning for blossom week"
    assert [a.name for a in meta.authors] == ["Ada Quill"]
    # DC gives a date without a zone and nothing else on the page has one: read as UTC.
    assert meta.published == datetime(2004, 4, 18, tzinfo=timezone.utc)
    assert meta.language == "en"


def test_microdata_article_ignores_the_comment_item() -> None:
    meta = page("microdata_blog.html")
    assert meta.headline == "Seven lessons from a wet summer on the allotment"
    assert [a.name for a in meta.authors] == ["Rowan Achebe"]
    assert meta.published == datetime(2024, 9, 3, tzinfo=timezone.utc)
    assert meta.modified == datetime(2024, 9, 5, 12, 0, tzinfo=timezone.utc)


# --------------------------------------------------------------------------------------------
# One source at a time


@pytest.mark.parametrize("kind", ["NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle"])
def test_jsonld_article_types(kind: str) -> None:
    meta = snippet(
        '<script type="application/ld+json">'
        f'{{"@type": "{kind}", "headline": "Tide tables change", "datePublished": "2025-01-02T03:04:05Z",'
        ' "author": {"@type": "Person", "name": "Nia Okafor"}}</script>'
    )
    assert meta.headline == "Tide tables change"
    assert [a.name for a in meta.authors] == ["Nia Okafor"]
    assert meta.published == datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def test_jsonld_array_and_nested_main_entity() -> None:
    meta = snippet(
        '<script type="application/ld+json">[{"@type": "BreadcrumbList"},'
        ' {"@type": "WebPage", "mainEntity": {"@type": ["NewsArticle"], "headline": "Nested story",'
        ' "author": [{"@type": "Person", "name": "Ana Ruiz"}, {"@type": "Person", "name": "Bo Lund"}]}}]'
        "</script>"
    )
    assert meta.headline == "Nested story"
    assert [a.name for a in meta.authors] == ["Ana Ruiz", "Bo Lund"]


def test_jsonld_organization_author_and_person_details() -> None:
    meta = snippet(
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Wire story",'
        ' "author": {"@type": "Organization", "name": "Northern Wire Service"}}</script>'
    )
    assert [a.name for a in meta.authors] == ["Northern Wire Service"]
    meta = snippet(
        '<script type="application/ld+json">{"@type": "Article", "headline": "Profiled",'
        ' "author": {"@type": "Person", "name": "Lea Marsh", "jobTitle": "Science Editor",'
        ' "worksFor": {"@type": "Organization", "name": "Fjord Post"}, "email": "mailto:lea@fjord.example",'
        ' "knowsAbout": ["Glaciers", "Climate"], "alumniOf": "Bergen University"}}</script>'
    )
    (author,) = meta.authors
    assert (author.role, author.organization, author.email) == (
        "Science Editor",
        "Fjord Post",
        "lea@fjord.example",
    )
    assert author.expertise == ("Glaciers", "Climate")
    assert author.education == ("Bergen University",)


def test_opengraph_and_twitter_cards() -> None:
    meta = snippet(
        '<meta property="og:title" content="Market hall reopens">'
        '<meta property="og:description" content="Stalls are back.">'
        '<meta name="twitter:image" content="https://img.example/hall.jpg">'
        '<meta property="article:published_time" content="2025-05-05T05:05:05+05:30">'
        '<meta property="article:author" content="https://social.example/someone">'
    )
    assert meta.headline == "Market hall reopens"
    assert meta.summary == "Stalls are back."
    assert meta.image == "https://img.example/hall.jpg"
    assert meta.published == datetime(2025, 5, 5, 5, 5, 5, tzinfo=timezone(timedelta(hours=5, minutes=30)))
    assert meta.authors == ()  # a profile URL is not a name


def test_dublin_core() -> None:
    meta = snippet(
        '<meta name="DC.title" content="Canal lock repaired"><meta name="DC.creator" content="Ivo Stern">'
        '<meta name="DC.date" content="2023-11-30T12:00:00-05:00"><meta name="DC.language" content="nl">'
    )
    assert meta.headline == "Canal lock repaired"
    assert [a.name for a in meta.authors] == ["Ivo Stern"]
    assert meta.published == datetime(2023, 11, 30, 12, tzinfo=timezone(timedelta(hours=-5)))
    assert meta.language == "nl"


def test_time_element_with_pubdate_class() -> None:
    meta = snippet(
        body='<h1>Bakery wins prize</h1><time class="published" datetime="2022-02-22">Feb 22</time>'
    )
    assert meta.published == datetime(2022, 2, 22, tzinfo=timezone.utc)


def test_rel_author_and_hatom_vcard() -> None:
    meta = snippet(body='<h1>Snow closes pass</h1><a rel="author" href="/people/kai">Kai Moreno</a>')
    assert [a.name for a in meta.authors] == ["Kai Moreno"]
    meta = snippet(
        body="<h1>Snow closes pass</h1>"
        '<address class="author vcard"><span class="fn">Ruth Aalto</span></address>'
    )
    assert [a.name for a in meta.authors] == ["Ruth Aalto"]


def test_byline_with_organization_and_role() -> None:
    meta = snippet(body='<h1>Port strike ends</h1><div class="byline">By Jane Doe, Reuters</div>')
    assert [(a.name, a.organization) for a in meta.authors] == [("Jane Doe", "Reuters")]
    meta = snippet(body='<h1>Port strike ends</h1><div class="byline">Jane Doe | Senior Editor</div>')
    assert [(a.name, a.role) for a in meta.authors] == [("Jane Doe", "Senior Editor")]


def test_language_from_content_language_and_og_locale() -> None:
    assert snippet('<meta http-equiv="content-language" content="fr-CA">').language == "fr-CA"
    assert snippet('<meta property="og:locale" content="pt_BR">').language == "pt-BR"
    assert snippet(lang="sv").language == "sv"
    assert snippet(lang="not a language!").language is None


def test_relative_urls_resolve_against_the_page_url() -> None:
    meta = snippet(
        '<link rel="canonical" href="/news/a-story"><meta property="og:image" content="img/a.jpg">',
        url="https://paper.example/section/index.html",
    )
    assert meta.url == "https://paper.example/news/a-story"
    assert meta.image == "https://paper.example/section/img/a.jpg"


def test_keywords_become_subjects_without_duplicates() -> None:
    meta = snippet('<meta name="keywords" content="Rail, rail , Buses,,Ferries">')
    assert [s.name for s in meta.subjects] == ["Rail", "Buses", "Ferries"]


def test_an_empty_page_states_nothing() -> None:
    meta = snippet()
    assert meta == PageMetadata()


def test_the_jsonld_article_about_this_page_is_chosen() -> None:
    meta = snippet(
        '<link rel="canonical" href="https://paper.example/b">'
        '<script type="application/ld+json">{"@graph": ['
        '{"@type": "NewsArticle", "url": "https://paper.example/a", "headline": "Teaser story",'
        ' "author": {"@type": "Person", "name": "Wrong Person"}},'
        '{"@type": "NewsArticle", "url": "https://paper.example/b", "headline": "This story",'
        ' "author": {"@type": "Person", "name": "Right Person"}}]}</script>'
    )
    assert meta.headline == "This story"
    assert [a.name for a in meta.authors] == ["Right Person"]


def test_schema_article_embedded_in_app_state() -> None:
    meta = snippet(
        '<script id="__NEXT_DATA__" type="application/json">{"props": {"pageProps": {"seo": {"schema":'
        ' {"@type": "Article", "headline": "Plumbing trends", "author": {"@type": "Person", "name": "Desk Staff"},'
        ' "datePublished": "2024-04-16T10:00:00Z"}}}}}</script>'
    )
    assert meta.headline == "Plumbing trends"
    assert [a.name for a in meta.authors] == ["Desk Staff"]
    assert meta.published == datetime(2024, 4, 16, 10, tzinfo=timezone.utc)


def test_author_profile_links_resolve_against_the_page() -> None:
    meta = snippet(
        '<script type="application/ld+json">{"@type": "Article", "headline": "Relative links",'
        ' "author": {"@type": "Person", "name": "Ida Holm", "url": "/people/ida", "image": "ida.jpg"}}</script>',
        url="https://paper.example/news/story",
    )
    (author,) = meta.authors
    assert (author.url, author.image) == (
        "https://paper.example/people/ida",
        "https://paper.example/news/ida.jpg",
    )
