"""The reference case of issue 3: ../shared/seed-article.txt, parsed in full."""

from __future__ import annotations

import pytest

from newsmodel.model import Article
from newsmodel.parse.text import parse_text

HEADINGS = [
    "The Evolution of Trump-Putin Relations",
    "Campaign Promises and Diplomatic Reality",
    "Economic Pressure and Diplomatic Strategy",
    "Diplomatic Frustrations and Personal Dynamics",
    "Trust and International Relations",
    "Historical Context and Leaked Communications",
    "Military Aid and Strategic Support",
    "Implications for Future Diplomacy",
    "Conclusion: Realism in International Relations",
]


@pytest.fixture(scope="module")
def seed(seed_article_text: str) -> Article:
    return parse_text(seed_article_text)


def test_headline_is_the_first_line(seed: Article, seed_article_text: str) -> None:
    assert seed.headline == seed_article_text.splitlines()[0]
    assert seed.headline.startswith("Trump-Putin Relations: Analyzing Presidential Diplomacy")


def test_executive_summary_becomes_the_summary(seed: Article) -> None:
    assert seed.summary is not None
    assert seed.summary.startswith("President Donald Trump’s recent statements regarding Russian President")
    assert seed.summary.endswith("resolve the ongoing war.")
    assert all(section.heading != "Executive Summary" for section in seed.sections)


def test_nine_sections_with_exact_headings_and_paragraph_counts(seed: Article) -> None:
    assert [s.heading for s in seed.sections] == HEADINGS
    assert [len(s.paragraphs) for s in seed.sections] == [3] * 8 + [4]
    assert all(s.level == 2 for s in seed.sections)
    assert seed.sections[0].paragraphs[0].startswith("The relationship between President Trump")
    assert seed.sections[-1].paragraphs[-1].endswith("reliability of all international partners.")


def test_bio_becomes_the_author_profile_and_leaves_the_body(seed: Article) -> None:
    (author,) = seed.authors
    assert author.name == "Sophia Rivers"
    assert author.role == "News Content Editor"
    assert author.organization == "TheArchivists"
    assert author.education == ("Journalism, University of Toronto",)
    assert author.bio is not None
    assert author.bio.startswith("Sophia Rivers is an experienced News Content Editor")
    assert author.bio.count("\n\n") == 3  # the four bio paragraphs
    assert author.bio.endswith("inspire change.")
    assert "Sophia" not in seed.body_text


def test_every_partial_quote_is_attributed_to_trump(seed: Article) -> None:
    assert [(q.text, q.kind) for q in seed.quotes] == [
        ("almost nobody", "partial"),
        ("very severe", "partial"),
        ("not done with him,", "partial"),
        ("almost nobody", "partial"),
        ("bomb Moscow", "partial"),
        ("almost nobody", "partial"),
    ]
    assert all(q.speaker is not None and "Trump" in q.speaker for q in seed.quotes)


def test_the_first_quote_is_in_the_summary(seed: Article) -> None:
    assert seed.summary is not None
    (quote,) = seed.summary_quotes
    assert seed.summary[quote.start : quote.end] == "almost nobody"
    assert seed.quotes[0] is quote


def test_metadata_the_text_does_not_state_is_left_empty(seed: Article) -> None:
    assert seed.language == "en"
    assert seed.published is None and seed.dateline is None and seed.kicker is None
