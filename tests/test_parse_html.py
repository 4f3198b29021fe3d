"""parse_html on pages written for these tests, one per common CMS / page style."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsmodel.model import BlockQuote, Emphasis, Figure, Link, ListBlock, Paragraph, Table
from newsmodel.parse.html import parse_html

FIXTURES = Path(__file__).parent / "fixtures" / "html"


def read(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture(scope="module")
def wordpress():
    return parse_html(read("wordpress.html"), url="https://example.org/news/ferry")


def test_wordpress_metadata(wordpress):
    assert wordpress.headline == "Harbour ferry returns after winter refit"
    assert [a.name for a in wordpress.authors] == ["Morwenna Trease"]
    assert wordpress.published is not None and wordpress.published.isoformat() == "2025-03-14T09:30:00+00:00"
    assert wordpress.language == "en-US"


def test_wordpress_body_leaves_out_boilerplate(wordpress):
    body = wordpress.body_text
    assert body.startswith("The Saint Piran ferry sailed back")
    for boilerplate in (
        "cookies",
        "Share this",
        "Old ferry sold",
        "About time too",
        "Most read",
        "©",
        "Sport",
    ):
        assert boilerplate not in body
    # The headline is the article's, not part of its body.
    assert "Harbour ferry returns" not in body


def test_wordpress_sections_keep_heading_levels(wordpress):
    assert [(s.heading, s.level) for s in wordpress.sections] == [
        (None, 2),
        ("What changes for passengers", 2),
        ("Fares", 3),
    ]


def test_wordpress_marks_sit_at_exact_offsets(wordpress):
    first, second = wordpress.sections[0].blocks[:2]
    assert isinstance(first, Paragraph) and isinstance(second, Paragraph)
    (strong,) = first.marks
    assert isinstance(strong, Emphasis) and strong.style == "strong"
    assert first.text[strong.start : strong.end] == "Saint Piran"
    (link,) = second.marks
    assert isinstance(link, Link)
    assert second.text[link.start : link.end] == "operator's website"
    assert link.href == "https://example.org/timetable" and link.title == "Spring timetable"


def test_wordpress_figure_caption_and_credit(wordpress):
    figure = wordpress.sections[0].blocks[2]
    assert figure == Figure(
        src="https://example.org/uploads/2025/03/ferry.jpg",
        caption="The Saint Piran passes the breakwater on its first crossing.",
        credit="Jory Hocking",
        alt="The ferry entering the harbour",
    )


def test_wordpress_list_blockquote_and_quotes(wordpress):
    blocks = wordpress.sections[1].blocks
    lists = [b for b in blocks if isinstance(b, ListBlock)]
    assert [item.text for item in lists[0].items] == [
        "an earlier first sailing at 6.40am",
        "bicycles carried free of charge",
        "contactless payment on board",
    ]
    assert lists[0].ordered is False
    (quote_block,) = [b for b in blocks if isinstance(b, BlockQuote)]
    assert quote_block.attribution == "Tamsin Rowe, island council chair"
    (block_quote,) = quote_block.paragraphs[0].quotes
    assert block_quote.kind == "block" and block_quote.speaker == "Tamsin Rowe"
    said = [q for q in wordpress.quotes if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in said] == [
        ("The weather was kind to us and the yard finished a week early,", "Peder Nance")
    ]


def test_wordpress_table(wordpress):
    (table,) = wordpress.sections[2].blocks
    assert table == Table(
        rows=(("Ticket", "Price"), ("Adult return", "£12"), ("Child return", "£6")), header_rows=1
    )


def test_drupal_page():
    article = parse_html(read("drupal.html"))
    assert article.headline == "Neue Stadtbibliothek öffnet im Herbst"
    assert article.language == "de"
    assert [s.heading for s in article.sections] == [None, "Längere Öffnungszeiten"]
    body = article.body_text
    assert "Kultur" not in body and "Impressum" not in body and "Schlagworte" not in body
    (ordered,) = [b for b in article.sections[1].blocks if isinstance(b, ListBlock)]
    assert ordered.ordered is True and len(ordered.items) == 2
    (quote,) = article.quotes
    assert quote.text == "Wir wollen, dass die Bibliothek ein Ort für alle Generationen wird."


def test_ghost_page():
    article = parse_html(read("ghost.html"), url="https://example.org/verges/")
    assert article.headline == "Why our town stopped mowing the verges"
    assert [a.name for a in article.authors] == ["Ines Calloway"]
    paragraphs = list(article.iter_paragraphs())
    assert paragraphs[0].text.startswith("When the parish council voted")
    assert paragraphs[-1].text.startswith("The council will review the policy")
    assert "Planting a meadow" not in article.body_text
    assert "Two summers without mowing" not in article.body_text  # the dek is the summary, not body
    (emphasis,) = paragraphs[0].marks
    assert paragraphs[0].text[emphasis.start : emphasis.end] == "neglected"


def test_amp_page_skips_amp_furniture():
    article = parse_html(read("amp.html"))
    assert article.headline == "Rail strike called off after overnight talks"
    texts = [p.text for p in article.iter_paragraphs()]
    assert len(texts) == 3
    assert texts[0].startswith("A strike that would have shut")
    assert "Business" not in article.body_text


def test_nextjs_story_from_embedded_data():
    article = parse_html(read("nextjs.html"))
    assert article.headline == "Council approves river path extension"
    assert [p.text for p in article.iter_paragraphs()] == [
        "The county council has approved a two-mile extension of the riverside path between "
        "Eastbridge and the old mill.",
        "Work is due to start in April and should take about six months, the council said. "
        "The path will be wide enough for cyclists and walkers to pass safely.",
        "Local groups had campaigned for the extension for more than a decade.",
    ]
    assert "Loading" not in article.body_text


def test_legacy_table_page_with_wrong_charset():
    data = read("legacy-table-cp1252.html")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the page says UTF-8, but its bytes are Windows-1252
    article = parse_html(data)
    assert article.headline == "Mill reopens as museum"
    paragraphs = [p.text for p in article.iter_paragraphs()]
    assert len(paragraphs) == 3
    assert "café" in paragraphs[1] and "crème brûlée" in paragraphs[1] and "Renée" in paragraphs[1]
    assert "valley’s" in paragraphs[0] and paragraphs[2].startswith("Admission is £4")
    assert "Archive" not in article.body_text and "1998" not in article.body_text


def test_str_and_bytes_give_the_same_article():
    data = read("ghost.html")
    assert parse_html(data) == parse_html(data.decode("utf-8"))


def test_q_element_gives_a_direct_quote():
    page = (
        "<html><body><article><h1>Mayor speaks</h1>"
        "<p>The mayor told reporters <q>the bridge will open in May</q> and left the hall.</p>"
        "</article></body></html>"
    )
    article = parse_html(page)
    (paragraph,) = article.iter_paragraphs()
    (quote,) = paragraph.quotes
    assert quote.kind == "direct"
    assert paragraph.text[quote.start : quote.end] == quote.text == "the bridge will open in May"


def test_line_breaks_split_paragraphs():
    page = (
        "<html><head><title>Notice</title></head><body><div class=story>"
        "First line of the notice<br>still the first paragraph<br><br>Second paragraph here"
        "</div></body></html>"
    )
    article = parse_html(page)
    assert [p.text for p in article.iter_paragraphs()] == [
        "First line of the notice\nstill the first paragraph",
        "Second paragraph here",
    ]


def test_spip_page_leaves_out_byline_and_forum():
    article = parse_html(read("spip.html"))
    assert article.headline == "Le marché couvert rouvre ses portes"
    assert [a.name for a in article.authors] == ["Odile Ferrand"]
    assert [(s.heading, s.level) for s in article.sections] == [(None, 2), ("Horaires", 3)]
    body = article.body_text
    assert body.startswith("Après dix-huit mois de travaux")
    for boilerplate in ("Odile Ferrand", "Enfin", "Messages", "Accueil", "Nouvelle piste", "Plan du site"):
        assert boilerplate not in body


def test_byline_is_only_dropped_before_the_prose():
    prose = "A paragraph of the story that is long enough to count as prose, " * 3
    page = (
        "<html><head><title>Council votes</title>"
        '<meta name="author" content="Ada Moss"></head><body><article><h1>Council votes</h1>'
        f"<p>By Ada Moss</p><p>{prose}</p><p>Ada Moss thanked the clerk.</p></article></body></html>"
    )
    article = parse_html(page)
    assert [p.text for p in article.iter_paragraphs()] == [prose.strip(), "Ada Moss thanked the clerk."]
