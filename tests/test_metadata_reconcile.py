"""How extract_metadata reconciles sources that disagree: the visible page wins."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import lxml.html

from newsmodel.parse.headline import strip_site_name
from newsmodel.parse.metadata import PageMetadata, extract_metadata


def snippet(head: str = "", body: str = "", *, url: str | None = None) -> PageMetadata:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return extract_metadata(lxml.html.document_fromstring(html), url=url)


def ld(payload: str) -> str:
    return f'<script type="application/ld+json">{payload}</script>'


# --------------------------------------------------------------------------------------------
# Headline


def test_visible_h1_wins_over_seo_title() -> None:
    meta = snippet(
        '<meta property="og:title" content="Lake levels: what you need to know (2025 guide) | Water Weekly">',
        '<div class="logo"><h1>Water Weekly</h1></div><h1>Lake levels: what you need to know</h1>',
    )
    assert meta.headline == "Lake levels: what you need to know"


def test_title_without_matching_h1_loses_the_site_name() -> None:
    meta = snippet(
        "<title>Orchard prices fall - Farm Gazette</title>"
        '<meta property="og:site_name" content="Farm Gazette">',
        "<h1>Farm Gazette</h1>",
    )
    assert meta.headline == "Orchard prices fall"


def test_site_name_prefix_and_suffix_are_stripped() -> None:
    assert strip_site_name("Farm Gazette | Orchard prices fall", ["Farm Gazette"]) == "Orchard prices fall"
    assert strip_site_name("Orchard prices fall — Farm Gazette", ["Farm Gazette"]) == "Orchard prices fall"
    # A separator inside the headline itself stays when the rest is not the site.
    assert strip_site_name("Rain: a wet week ahead", ["Farm Gazette"]) == "Rain: a wet week ahead"


def test_the_only_h1_wins_over_a_reworded_seo_title() -> None:
    meta = snippet(
        '<meta property="og:title" content="Best hiking boots 2025 - top 10 picks reviewed">',
        "<h1>Top 10: hiking boots we walked 500 miles in</h1>",
    )
    assert meta.headline == "Top 10: hiking boots we walked 500 miles in"


def test_an_unrelated_lone_h1_does_not_replace_the_title() -> None:
    meta = snippet(
        '<meta property="og:title" content="Rates rise again">', "<h1>Subscribe to our newsletter</h1>"
    )
    assert meta.headline == "Rates rise again"


def test_title_suffix_naming_the_host_is_stripped() -> None:
    meta = snippet(
        "<title>What people love about kayaks | Paddle Blog</title>",
        url="https://blog.paddle-club.example/2025/kayaks",
    )
    assert meta.headline == "What people love about kayaks"


def test_line_breaks_inside_the_h1_become_spaces() -> None:
    meta = snippet(
        body="<h1>Top schools of 2025<br>Your <em>complete</em> guide<span>to applying</span></h1>"
    )
    assert meta.headline == "Top schools of 2025 Your complete guide to applying"


def test_mojibake_in_declared_titles_is_repaired() -> None:
    meta = snippet('<meta property="og:title" content="An investor\u00e2\u0080\u0099s guide">')
    assert meta.headline == "An investor\u2019s guide"


def test_no_headline_is_invented_for_a_page_without_one() -> None:
    assert snippet(body="<p>Just some text.</p>").headline is None


# --------------------------------------------------------------------------------------------
# Authors


def test_site_as_author_gives_way_to_a_visible_byline() -> None:
    meta = snippet(
        '<meta property="og:site_name" content="Hill Times">'
        + ld(
            '{"@type": "NewsArticle", "headline": "Trail reopens",'
            ' "author": {"@type": "Organization", "name": "Hill Times"}}'
        ),
        '<h1>Trail reopens</h1><p class="byline">By Petra Novak</p>',
    )
    assert [a.name for a in meta.authors] == ["Petra Novak"]


def test_authors_are_deduplicated_across_sources_ignoring_case_and_diacritics() -> None:
    meta = snippet(
        '<meta name="author" content="jose alvarez">'
        + ld(
            '{"@type": "Article", "headline": "Dam report",'
            ' "author": [{"@type": "Person", "name": "José Álvarez"},'
            ' {"@type": "Person", "name": "JOSÉ ALVAREZ"}]}'
        ),
        '<h1>Dam report</h1><span class="author">Jose Alvarez | Water Correspondent</span>',
    )
    assert [a.name for a in meta.authors] == ["José Álvarez"]
    # The byline's role fills the gap in the JSON-LD profile of the same person.
    assert meta.authors[0].role == "Water Correspondent"


def test_photographer_credit_is_not_a_byline() -> None:
    meta = snippet(body='<h1>Storm damage</h1><p class="byline">Photo by Ezra Kline</p>')
    assert meta.authors == ()


def test_names_in_recirculation_and_comments_are_not_authors() -> None:
    meta = snippet(
        body="<h1>Budget vote</h1>"
        '<div class="related-stories"><span class="byline">By Carl Jensen</span></div>'
        '<ol class="comment-list"><li><span class="comment-author vcard">'
        '<b class="fn">Mo Tran</b></span></li></ol>'
    )
    assert meta.authors == ()


def test_related_story_cards_marked_as_articles_are_not_the_article() -> None:
    card = (
        '<article class="related-content__card" itemscope itemtype="https://schema.org/Article">'
        '<h3>Other story {n}</h3><div itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<span class="author" itemprop="name">By Ola Nord{n}</span></div></article>'
    )
    meta = snippet(body="<h1>Main story</h1><p>Text.</p>" + card.format(n="a") + card.format(n="b"))
    assert meta.authors == ()


def test_page_wide_microdata_item_keeps_only_the_headline_byline() -> None:
    byline = (
        '<span class="byline">by <span itemprop="author" itemscope itemtype="http://schema.org/Person">'
        '<a class="url fn" href="/author/{slug}"><span itemprop="name">{name}</span></a></span></span>'
    )
    body = (
        '<div itemscope itemtype="http://schema.org/Article"><div class="header"><header>'
        '<h1 itemprop="headline">Understanding grids</h1><div class="entry-meta">'
        + byline.format(slug="ana", name="Ana Lima")
        + "</div></header></div><div><p>Body text.</p></div>"
        + "".join(
            f'<div class="more"><div><div><h4>Teaser {n}</h4><div class="entry-meta">'
            + byline.format(slug=n, name=n)
            + "</div></div></div></div>"
            for n in ("Rui Costa", "Eva Sousa")
        )
        + "</div>"
    )
    assert [a.name for a in snippet(body=body).authors] == ["Ana Lima"]


def test_a_link_to_an_author_page_next_to_the_headline_names_the_author() -> None:
    meta = snippet(
        body='<h1>Solar panels, explained</h1><ul><li><a href="/authors/emily-stone/">Emily Stone</a></li>'
        '<li>Reviewed by <a href="/authors/kai-berg/">Kai Berg</a></li></ul><p>Text.</p>'
        '<footer><a href="/authors/other-person/">Other Person</a></footer>',
        url="https://energy.example/guides/solar",
    )
    assert [(a.name, a.url) for a in meta.authors] == [
        ("Emily Stone", "https://energy.example/authors/emily-stone/")
    ]


def test_sponsors_are_not_authors_even_when_declared() -> None:
    meta = snippet(
        ld('{"@type": "NewsArticle", "headline": "Deal of the day", "author": "Sponsored by Gadget Shop"}')
    )
    assert meta.authors == ()


def test_footnotes_are_not_hcard_names() -> None:
    meta = snippet(body='<h1>Notes</h1><ol><li id="fn-1">Even so, it worked.</li></ol>')
    assert meta.authors == ()


def test_declared_user_names_count_but_lower_case_free_text_does_not() -> None:
    assert [a.name for a in snippet('<meta name="author" content="q_admin">').authors] == ["q_admin"]
    assert snippet('<meta name="author" content="user8812x">').authors == ()
    assert snippet(body='<h1>Notes</h1><p class="byline">by some body</p>').authors == ()


def test_several_authors_in_repeated_byline_elements() -> None:
    meta = snippet(
        body='<h1>Bridge study</h1><div class="meta"><a class="author-name" href="/author/a">Uma Patel</a>'
        '<span class="author-title">Staff Writer</span>'
        '<a class="author-name" href="/author/b">Leo Grant</a></div>'
    )
    assert [a.name for a in meta.authors] == ["Uma Patel", "Leo Grant"]


# --------------------------------------------------------------------------------------------
# Dates


def test_naive_date_borrows_the_offset_of_the_pages_other_dates() -> None:
    meta = snippet(
        '<meta property="article:published_time" content="2025-04-01T09:00:00">'
        '<meta property="article:modified_time" content="2025-04-02T10:00:00-07:00">'
    )
    assert meta.published == datetime(2025, 4, 1, 9, tzinfo=timezone(timedelta(hours=-7)))
    assert meta.published is not None and meta.published.utcoffset() == timedelta(hours=-7)


def test_a_naive_date_stated_elsewhere_with_a_zone_takes_that_zone() -> None:
    meta = snippet(
        ld('{"@type": "NewsArticle", "headline": "Tides", "datePublished": "2025-04-01T09:00:00"}')
        + '<meta property="article:published_time" content="2025-04-01T09:00:00+10:00">'
    )
    assert meta.published == datetime(2025, 4, 1, 9, tzinfo=timezone(timedelta(hours=10)))


def test_naive_date_without_any_zoned_date_is_utc() -> None:
    meta = snippet('<meta property="article:published_time" content="2025-04-01T09:00:00">')
    assert meta.published == datetime(2025, 4, 1, 9, tzinfo=timezone.utc)


def test_visible_date_near_the_headline_when_markup_has_none() -> None:
    meta = snippet(
        body="<h1>Festival dates set</h1><div><span>Published on July 18, 2025</span></div><p>Body.</p>"
    )
    assert meta.published == datetime(2025, 7, 18, tzinfo=timezone.utc)


def test_visible_updated_date_is_a_modification_not_a_publication() -> None:
    meta = snippet(body="<h1>Festival dates set</h1><p>Last updated: March 3, 2025</p>")
    assert meta.published is None
    assert meta.modified == datetime(2025, 3, 3, tzinfo=timezone.utc)


def test_a_shown_revision_date_does_not_replace_the_publication_date() -> None:
    meta = snippet(
        ld(
            '{"@type": "BlogPosting", "headline": "Best tents", "datePublished": "2021-05-01T08:00:00+00:00",'
            ' "dateModified": "2025-06-10T08:00:00+00:00"}'
        ),
        '<h1>Best tents</h1><span class="post-date">June 10, 2025</span>',
    )
    assert meta.published == datetime(2021, 5, 1, 8, tzinfo=timezone.utc)
    assert meta.modified == datetime(2025, 6, 10, 8, tzinfo=timezone.utc)


def test_visible_date_fills_a_missing_publication_date_only() -> None:
    meta = snippet(
        ld('{"@type": "BlogPosting", "headline": "Best tents", "dateModified": "2025-06-10T08:00:00+02:00"}'),
        "<h1>Best tents</h1><p>Posted on May 1, 2021</p>",
    )
    assert meta.published == datetime(2021, 5, 1, tzinfo=timezone(timedelta(hours=2)))
    assert meta.modified == datetime(2025, 6, 10, 8, tzinfo=timezone(timedelta(hours=2)))


def test_a_layout_class_above_the_headline_does_not_hide_its_date() -> None:
    meta = snippet(
        body='<div class="story-template-sidebar"><div><h1>Festival dates set</h1></div>'
        '<div class="story-date"><span>May 31, 2024</span></div><p>Body.</p></div>'
    )
    assert meta.published == datetime(2024, 5, 31, tzinfo=timezone.utc)


def test_a_date_in_a_sidebar_beside_the_headline_is_still_foreign() -> None:
    meta = snippet(
        body='<main><h1>Festival dates set</h1><div class="sidebar"><span>May 31, 2024</span></div>'
        "<p>Body.</p></main>"
    )
    assert meta.published is None


def test_a_written_out_date_in_a_meta_element_is_read() -> None:
    meta = snippet('<meta name="published" content="July 17, 2025">', "<h1>Festival dates set</h1>")
    assert meta.published == datetime(2025, 7, 17, tzinfo=timezone.utc)


def test_a_labelled_publication_date_far_from_the_headline_is_read() -> None:
    filler = "".join(f"<p>Paragraph {i} of the story, with enough words to be prose.</p>" for i in range(120))
    meta = snippet(
        body=f"<h1>Festival dates set</h1>{filler}<div><span>Posted on April 13, 2023</span></div>"
    )
    assert meta.published == datetime(2023, 4, 13, tzinfo=timezone.utc)


def test_a_labelled_date_in_related_links_is_not_taken() -> None:
    filler = "".join(f"<p>Paragraph {i} of the story, with enough words to be prose.</p>" for i in range(120))
    meta = snippet(
        body=f'<h1>Festival dates set</h1>{filler}<div class="related-posts"><span>Posted on April 13, 2023</span></div>'
    )
    assert meta.published is None


def test_dates_in_running_prose_are_not_taken() -> None:
    meta = snippet(
        body="<h1>History of the mill</h1><p>The mill burned down on September 4, 1998, and was rebuilt "
        "by the village over the following decade with money from a long series of summer fairs.</p>"
    )
    assert meta.published is None


def test_url_date_is_the_last_resort() -> None:
    meta = snippet(body="<h1>Short note</h1>", url="https://blog.example/2016/02/09/short-note/")
    assert meta.published == datetime(2016, 2, 9, tzinfo=timezone.utc)


def test_no_date_is_ever_invented() -> None:
    meta = snippet(body="<h1>Timeless piece</h1><p>No dates here.</p>")
    assert (meta.published, meta.modified) == (None, None)


def test_a_date_shown_beside_the_headline_wins_over_markup_naming_another_day() -> None:
    # A government page whose markup carries the CMS's re-publication date.
    meta = snippet(
        '<meta property="article:published_time" content="2024-07-05T12:00:00-04:00">'
        '<meta property="article:modified_time" content="2024-07-05T12:00:00-04:00">',
        '<h1>Healthy Eating Tips</h1><div class="page-title-bar">'
        '<time class="page-title-bar__item--date">March 1, 2024</time></div><p>Body.</p>',
    )
    assert meta.published == datetime(2024, 3, 1, tzinfo=timezone(timedelta(hours=-4)))
    assert meta.modified == datetime(2024, 7, 5, 12, tzinfo=timezone(timedelta(hours=-4)))


def test_a_shown_day_that_the_markup_instant_falls_on_somewhere_keeps_the_markup_instant() -> None:
    # 02:41 UTC on the 19th is the evening of the 18th in America: the same moment, not a conflict.
    meta = snippet(
        '<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">',
        "<h1>Day Eighteen</h1><p><a href='/2025/12/18/'>December 18, 2025</a></p><p>Body.</p>",
    )
    assert meta.published == datetime(2025, 12, 19, 2, 41, 41, tzinfo=timezone.utc)


def test_a_shown_numeric_date_read_the_other_way_agrees_with_the_markup() -> None:
    meta = snippet(
        '<meta property="article:published_time" content="2024-09-10T08:00:00+00:00">',
        '<h1>Renovation phases</h1><p class="post-date">09.10.2024</p><p>Body.</p>',
    )
    assert meta.published == datetime(2024, 9, 10, 8, tzinfo=timezone.utc)


def test_a_date_far_below_the_headline_does_not_override_the_markup() -> None:
    filler = "".join(f"<p>Paragraph {i} of the story, with enough words to be prose.</p>" for i in range(30))
    meta = snippet(
        '<meta property="article:published_time" content="2025-01-17T08:00:00+00:00">',
        f"<h1>Filing your taxes</h1>{filler}<p>April 15, 2025</p>",
    )
    assert meta.published == datetime(2025, 1, 17, 8, tzinfo=timezone.utc)


def test_a_shown_update_date_wins_over_a_stale_markup_modification() -> None:
    meta = snippet(
        '<meta property="article:published_time" content="2025-06-17T09:00:00+00:00">'
        '<meta property="article:modified_time" content="2025-06-17T09:00:00+00:00">',
        "<h1>Blockchain trends</h1><p>Updated: Dec 18, 2025</p><p>Body.</p>",
    )
    assert meta.published == datetime(2025, 6, 17, 9, tzinfo=timezone.utc)
    assert meta.modified == datetime(2025, 12, 18, tzinfo=timezone.utc)


def test_an_update_label_in_the_parents_sibling_makes_the_date_a_revision() -> None:
    meta = snippet(
        '<meta property="article:published_time" content="2020-11-12T01:15:00+00:00">'
        '<meta property="article:modified_time" content="2025-10-02T20:38:20+00:00">',
        '<h1>Backpacking checklist</h1><div class="article-date"><div class="wrapper">'
        '<span class="label">Last Updated:</span> <span class="date">September 26, 2024</span>'
        "</div></div><p>Body.</p>",
    )
    assert meta.published == datetime(2020, 11, 12, 1, 15, tzinfo=timezone.utc)
    assert meta.modified == datetime(2024, 9, 26, tzinfo=timezone.utc)


def test_an_update_label_belongs_to_its_own_date_not_to_the_line_before_it() -> None:
    meta = snippet(
        body="<h1>Meditation</h1><p class='dateline'><span>August 16, 2019</span>"
        "<span> - Updated July 9, 2025</span></p><p>Body.</p>"
    )
    assert meta.published == datetime(2019, 8, 16, tzinfo=timezone.utc)
