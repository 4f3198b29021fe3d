"""Front matter above a Markdown export: split off and taken into the article."""

from __future__ import annotations

from newsmodel.parse.front_matter import split_front_matter
from newsmodel.parse.text import parse_text

BODY = "The harbour board met on Thursday to decide whether the old grain silo should become flats."

EXPORT = f"""---
title: "The silo question"
description: Why a grain store became the town's favourite argument
author:
  - Ines Carvalho
  - Piotr Nowak
date: 2026-03-03T09:30:00+01:00
lastmod: 2026-03-04
tags: [port, "local politics"]
lang: pt_BR
canonical: https://gazette.example/silo
publisher: The Harbour Gazette
---

# The silo question

{BODY}
"""


def test_front_matter_fills_the_article() -> None:
    article = parse_text(EXPORT)
    assert article.headline == "The silo question"
    assert article.summary == "Why a grain store became the town's favourite argument"
    assert [a.name for a in article.authors] == ["Ines Carvalho", "Piotr Nowak"]
    assert article.published is not None and article.published.isoformat() == "2026-03-03T09:30:00+01:00"
    assert article.modified is not None and article.modified.isoformat() == "2026-03-04T00:00:00+00:00"
    assert [s.name for s in article.subjects] == ["port", "local politics"]
    assert article.language == "pt-BR"
    assert article.url == "https://gazette.example/silo"
    assert article.publisher is not None and article.publisher.name == "The Harbour Gazette"
    assert [(s.heading, s.paragraphs) for s in article.sections] == [(None, (BODY,))]


def test_front_matter_title_without_a_repeated_headline_line() -> None:
    article = parse_text(f"---\ntitle: The silo question\n---\n{BODY}\n")
    assert article.headline == "The silo question"
    assert article.sections[0].paragraphs == (BODY,)


def test_a_bad_language_tag_is_ignored() -> None:
    article = parse_text(f"---\ntitle: The silo question\nlang: not a tag\n---\n{BODY}\n")
    assert article.language == "en"


def test_a_thematic_break_at_the_top_is_not_front_matter() -> None:
    text = f"---\nThe silo question\n\n{BODY}\n\n---\n\nMore text follows here."
    assert split_front_matter(text) == ({}, text)
    assert parse_text(text).headline == "The silo question"


def test_unclosed_front_matter_is_left_alone() -> None:
    text = f"---\ntitle: The silo question\n\n{BODY}"
    assert split_front_matter(text) == ({}, text)


def test_the_language_argument_wins_over_front_matter_and_guess() -> None:
    assert parse_text(EXPORT, language="en-GB").language == "en-GB"


def test_front_matter_authors_are_known_to_the_quote_engine() -> None:
    text = (
        "---\ntitle: The silo question\nauthor: Ines Carvalho\n---\n\n"
        f"{BODY}\n\n“I grew up in its shadow,” Carvalho wrote in 2019."
    )
    (quote,) = parse_text(text).quotes
    assert quote.text == "I grew up in its shadow,"
    assert quote.speaker is not None and "Carvalho" in quote.speaker
