"""The plain-text conventions parse_text reads, one small hand-written article each."""

from __future__ import annotations

import textwrap

import pytest

from newsmodel.model import BlockQuote, Emphasis, Figure, Link, ListBlock, Paragraph, Table
from newsmodel.parse.text import parse_text

LONG_ONE = (
    "The harbour board met on Thursday to decide whether the old grain silo should be turned into "
    "flats, a climbing centre or a museum of the port's working history."
)
LONG_TWO = (
    "Members heard from forty residents over three hours, most of whom wanted the building kept "
    "open to the public in some form rather than sold to a private developer."
)


def body(text: str) -> list[str]:
    return [p.text for p in parse_text(text).iter_paragraphs()]


# --- paragraphs ---------------------------------------------------------------------------


def test_single_newlines_separate_paragraphs() -> None:
    assert body(f"Silo vote\n{LONG_ONE}\n{LONG_TWO}\n") == [LONG_ONE, LONG_TWO]


def test_blank_lines_separate_paragraphs() -> None:
    assert body(f"Silo vote\n\n{LONG_ONE}\n\n\n{LONG_TWO}") == [LONG_ONE, LONG_TWO]


@pytest.mark.parametrize("width", [60, 72, 79])
def test_hard_wrapped_paragraphs_are_joined(width: int) -> None:
    wrapped = "\n\n".join(textwrap.fill(p, width) for p in (LONG_ONE, LONG_TWO, LONG_ONE))
    assert body("Silo vote\n\n" + wrapped) == [LONG_ONE, LONG_TWO, LONG_ONE]


def test_hard_wrapped_paragraphs_without_blank_lines_split_where_a_line_ends_short() -> None:
    wrapped = "\n".join(textwrap.fill(p, 72) for p in (LONG_ONE, LONG_TWO))
    assert body("Silo vote\n" + wrapped) == [LONG_ONE, LONG_TWO]


def test_a_line_broken_after_a_hyphen_joins_without_a_space() -> None:
    text = "Trains\n\n" + textwrap.fill(
        "The operator will restore the long-distance sleeper service between the two capitals in "
        "December, with a stop-over in the border town that has waited decades for a station.",
        31,
    )
    (paragraph,) = body(text)
    assert "long-distance" in paragraph and "stop-over" in paragraph and "- " not in paragraph


# --- headings -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("marked", "heading", "level"),
    [
        ("## What we know", "What we know", 2),
        ("### What we know ###", "What we know", 3),
        ("What we know\n------------", "What we know", 2),
        ("What we know\n============", "What we know", 1),
        ("WHAT WE KNOW", "WHAT WE KNOW", 2),
        ("What We Know", "What We Know", 2),
        ("1. What we know", "1. What we know", 2),
        ("Conclusion: What We Know", "Conclusion: What We Know", 2),
    ],
)
def test_heading_forms(marked: str, heading: str, level: int) -> None:
    article = parse_text(f"Silo vote\n\n{LONG_ONE}\n\n{marked}\n\n{LONG_TWO}\n")
    assert [(s.heading, s.level, s.paragraphs) for s in article.sections] == [
        (None, 2, (LONG_ONE,)),
        (heading, level, (LONG_TWO,)),
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "Nobody was hurt.",
        "Was anyone hurt?",
        "The silo is ninety years old",
        "2026 was the wettest year on record.",
        "12 people were rescued from the roof.",
        "“We will be back,” she said.",
    ],
)
def test_short_paragraphs_are_not_headings(paragraph: str) -> None:
    article = parse_text(f"Silo vote\n\n{LONG_ONE}\n\n{paragraph}\n\n{LONG_TWO}\n")
    assert [s.heading for s in article.sections] == [None]
    assert article.sections[0].paragraphs == (LONG_ONE, paragraph, LONG_TWO)


def test_consecutive_numbered_lines_are_a_list_not_headings() -> None:
    article = parse_text(f"Silo vote\n\n{LONG_ONE}\n\n1. flats\n2. a climbing centre\n3. a museum\n")
    (section,) = article.sections
    assert section.heading is None
    lists = [b for b in section.blocks if isinstance(b, ListBlock)]
    assert [[i.text for i in lst.items] for lst in lists] == [["flats", "a climbing centre", "a museum"]]
    assert lists[0].ordered


def test_bulleted_list() -> None:
    (section,) = parse_text(f"Silo vote\n\n{LONG_ONE}\n\n- flats\n* climbing\n• museum\n").sections
    (lst,) = [b for b in section.blocks if isinstance(b, ListBlock)]
    assert [i.text for i in lst.items] == ["flats", "climbing", "museum"] and not lst.ordered


# --- header lines -------------------------------------------------------------------------


def test_kicker_headline_standfirst_byline_and_date() -> None:
    article = parse_text(
        "ANALYSIS\nThe silo question\n\nWhy a grain store became the town's favourite argument\n\n"
        "By Ines Carvalho and Piotr Nowak | Harbour Reporters\n"
        f"Published: Feb. 9, 2026 3:45 p.m. ET\n\n{LONG_ONE}"
    )
    assert article.kicker == "ANALYSIS"
    assert article.headline == "The silo question"
    assert article.summary == "Why a grain store became the town's favourite argument"
    assert [(a.name, a.role) for a in article.authors] == [
        ("Ines Carvalho", "Harbour Reporters"),
        ("Piotr Nowak", "Harbour Reporters"),
    ]
    assert article.published is not None and article.published.isoformat() == "2026-02-09T15:45:00-05:00"
    assert [p.text for p in article.iter_paragraphs()] == [LONG_ONE]


@pytest.mark.parametrize(
    ("byline", "names", "organization"),
    [
        ("By Ines Carvalho", ["Ines Carvalho"], None),
        ("BY INES CARVALHO", ["Ines Carvalho"], None),
        ("By Ines Carvalho, The Harbour Gazette", ["Ines Carvalho"], "The Harbour Gazette"),
        ("By Ines Carvalho, Piotr Nowak and Lee Chan", ["Ines Carvalho", "Piotr Nowak", "Lee Chan"], None),
        ("Von Ines Carvalho und Piotr Nowak", ["Ines Carvalho", "Piotr Nowak"], None),
    ],
)
def test_byline_forms(byline: str, names: list[str], organization: str | None) -> None:
    article = parse_text(f"The silo question\n{byline}\n{LONG_ONE}")
    assert [a.name for a in article.authors] == names
    assert {a.organization for a in article.authors} == {organization}
    assert article.sections[0].paragraphs == (LONG_ONE,)


def test_outlet_line_after_the_byline_is_the_authors_organisation() -> None:
    article = parse_text(f"The silo question\nBy Ines Carvalho\nThe Harbour Gazette\n\n{LONG_ONE}")
    assert [(a.name, a.organization) for a in article.authors] == [("Ines Carvalho", "The Harbour Gazette")]


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Feb. 9, 2026", "2026-02-09T00:00:00+00:00"),
        ("February 9, 2026 at 4:10 PM EST", "2026-02-09T16:10:00-05:00"),
        ("3 March 2026", "2026-03-03T00:00:00+00:00"),
        ("Tuesday 3 March 2026 14.05 GMT", "2026-03-03T14:05:00+00:00"),
        ("2026-03-03T09:30:00+01:00", "2026-03-03T09:30:00+01:00"),
        ("11. März 2026, 18:45 Uhr", "2026-03-11T18:45:00+00:00"),
        ("Published: 11.03.2026", "2026-03-11T00:00:00+00:00"),
    ],
)
def test_date_lines(line: str, iso: str) -> None:
    article = parse_text(f"The silo question\nBy Ines Carvalho\n{line}\n\n{LONG_ONE}")
    assert article.published is not None and article.published.isoformat() == iso
    assert article.sections[0].paragraphs == (LONG_ONE,)


def test_updated_line_sets_modified() -> None:
    article = parse_text(f"The silo question\nFeb. 9, 2026\nUpdated: Feb. 10, 2026 9:00 GMT\n\n{LONG_ONE}")
    assert article.published is not None and article.published.day == 9
    assert article.modified is not None and article.modified.isoformat() == "2026-02-10T09:00:00+00:00"


@pytest.mark.parametrize(
    ("opening", "dateline"),
    [
        ("KITWE, Zambia (Agency) —", "KITWE, Zambia (Agency)"),
        ("HARLOW SPRINGS, Colo. —", "HARLOW SPRINGS, Colo."),
        ("BERLIN (dpa) -", "BERLIN (dpa)"),
        ("LONDON --", "LONDON"),
        ("Harlow Springs, Colo. —", "Harlow Springs, Colo."),
        ("Kitwe, Zambia (Reuters) —", "Kitwe, Zambia (Reuters)"),
    ],
)
def test_datelines(opening: str, dateline: str) -> None:
    article = parse_text(f"The silo question\n\n{opening} {LONG_ONE}\n\n{LONG_TWO}")
    assert article.dateline == dateline
    assert article.sections[0].paragraphs == (LONG_ONE, LONG_TWO)


def test_a_sentence_with_a_dash_is_not_a_dateline() -> None:
    text = "The board — all nine members — voted to keep the silo."
    article = parse_text(f"The silo question\n\n{text}\n\n{LONG_TWO}")
    assert article.dateline is None
    assert article.sections[0].paragraphs[0] == text


def test_editors_note_opens_the_body() -> None:
    note = "Editor's note: An earlier version of this story misstated the silo's height."
    article = parse_text(f"The silo question\nBy Ines Carvalho\n\n{note}\n\n{LONG_ONE}")
    assert article.sections[0].paragraphs == (note, LONG_ONE)
    assert [a.name for a in article.authors] == ["Ines Carvalho"]


def test_photo_credit_line_becomes_a_figure_credit() -> None:
    article = parse_text(
        f"The silo question\nBy Ines Carvalho\nPhoto: Ana Ruiz/Harbour Gazette\n\n{LONG_ONE}"
    )
    figures = [b for b in article.sections[0].blocks if isinstance(b, Figure)]
    assert [(f.credit, f.alt) for f in figures] == [("Ana Ruiz/Harbour Gazette", "Photo")]
    assert article.sections[0].paragraphs == (LONG_ONE,)


# --- footers ------------------------------------------------------------------------------


def test_about_the_author_section_becomes_the_profile() -> None:
    article = parse_text(
        f"The silo question\nBy Ines Carvalho\n\n{LONG_ONE}\n\n## About the author\n\n"
        "Ines Carvalho is a senior reporter at the Harbour Gazette. She is a graduate of the University "
        "of Porto. Email: ines@gazette.example"
    )
    (author,) = article.authors
    assert (author.name, author.role, author.organization) == (
        "Ines Carvalho",
        "senior reporter",
        "Harbour Gazette",
    )
    assert author.education == ("University of Porto",)
    assert author.email == "ines@gazette.example"
    assert [s.heading for s in article.sections] == [None]
    assert article.sections[0].paragraphs == (LONG_ONE,)


def test_bare_bio_of_the_byline_author_leaves_the_body() -> None:
    bio = "Ines Carvalho covers the port for the Harbour Gazette. Ines Carvalho is the author of two books."
    article = parse_text(f"The silo question\nBy Ines Carvalho\n\n{LONG_ONE}\n\n{LONG_TWO}\n\n{bio}")
    assert article.sections[0].paragraphs == (LONG_ONE, LONG_TWO)
    assert article.authors[0].bio == bio


def test_a_closing_paragraph_about_someone_else_stays_in_the_body() -> None:
    last = "Maria Lopez is a nurse at the county hospital and has lived beside the silo for thirty years."
    article = parse_text(f"The silo question\nBy Ines Carvalho\n\n{LONG_ONE}\n\n{last}")
    assert article.sections[0].paragraphs == (LONG_ONE, last)
    assert article.authors[0].bio is None


@pytest.mark.parametrize("mark", ["###", "-30-", "# # #", "- 30 -", "ENDS"])
def test_end_marks_end_the_body(mark: str) -> None:
    article = parse_text(f"The silo question\n\n{LONG_ONE}\n\n{mark}\n\nFor internal use: file under PORT.")
    assert article.sections[0].paragraphs == (LONG_ONE,)


@pytest.mark.parametrize(
    "line",
    [
        "Ines Carvalho reported from Kitwe.",
        "Additional reporting by Piotr Nowak.",
        "Reporting by Piotr Nowak; Editing by Lee Chan",
        "Contact: newsdesk@gazette.example",
        "Follow her on Twitter @inescarvalho",
    ],
)
def test_footer_lines_stay_out_of_the_body(line: str) -> None:
    article = parse_text(f"The silo question\nBy Ines Carvalho\n\n{LONG_ONE}\n\n{LONG_TWO}\n\n{line}")
    assert article.sections[0].paragraphs == (LONG_ONE, LONG_TWO)


def test_contact_block_email_goes_to_the_single_author() -> None:
    article = parse_text(
        f"The silo question\nBy Ines Carvalho\n\n{LONG_ONE}\n\nContact: ines@gazette.example"
    )
    assert article.authors[0].email == "ines@gazette.example"


# --- Markdown, quotes, transcripts --------------------------------------------------------


def test_markdown_emphasis_and_links_become_marks() -> None:
    article = parse_text(
        "# The silo question\n\nThe board voted **nine to nil** after reading the "
        '[engineers\' report](https://gazette.example/silo "Survey") and *`silo.pdf`*.'
    )
    (paragraph,) = article.iter_paragraphs()
    text = paragraph.text
    assert text == "The board voted nine to nil after reading the engineers' report and silo.pdf."
    spans = {
        (text[m.start : m.end], type(m).__name__, getattr(m, "style", getattr(m, "href", None)))
        for m in paragraph.marks
    }
    assert spans == {
        ("nine to nil", "Emphasis", "strong"),
        ("engineers' report", "Link", "https://gazette.example/silo"),
        ("silo.pdf", "Emphasis", "emphasis"),
        ("silo.pdf", "Emphasis", "code"),
    }
    (link,) = [m for m in paragraph.marks if isinstance(m, Link)]
    assert link.title == "Survey"
    assert all(isinstance(m, Emphasis | Link) for m in paragraph.marks)


def test_markdown_block_quote_with_attribution() -> None:
    article = parse_text(
        f"The silo question\n\n{LONG_ONE}\n\n> Keep it open.\n> Keep it ours.\n>\n> — Ana Ruiz, campaigner\n"
    )
    quotes = [b for b in article.sections[0].blocks if isinstance(b, BlockQuote)]
    assert [([p.text for p in q.paragraphs], q.attribution) for q in quotes] == [
        (["Keep it open. Keep it ours."], "Ana Ruiz, campaigner")
    ]
    (quote,) = quotes[0].paragraphs[0].quotes
    assert (quote.text, quote.kind, quote.speaker) == ("Keep it open. Keep it ours.", "block", "Ana Ruiz")


def test_quotes_are_attached_to_their_paragraphs() -> None:
    article = parse_text(f'The silo question\n\n"It should stay open," said Ana Ruiz.\n\n{LONG_TWO}')
    paragraph = next(article.iter_paragraphs())
    (quote,) = paragraph.quotes
    assert paragraph.text[quote.start : quote.end] == quote.text == "It should stay open,"
    assert quote.speaker == "Ana Ruiz"


def test_question_and_answer_transcript_keeps_each_turn() -> None:
    article = parse_text(
        "Five minutes with the silo's last keeper\n\nQ: How long did you work here?\n"
        "A: Thirty-one years, man and boy.\nQ: Will you miss it?\nA: Every day."
    )
    assert article.sections[0].paragraphs == (
        "Q: How long did you work here?",
        "A: Thirty-one years, man and boy.",
        "Q: Will you miss it?",
        "A: Every day.",
    )
    assert all(isinstance(b, Paragraph) for b in article.sections[0].blocks)


@pytest.mark.parametrize(
    "last",
    [
        "X marks the spot where the silo will stand.",
        "Email is how most residents sent their objections.",
        "Follow-up meetings are planned for the spring.",
    ],
)
def test_sentences_that_start_like_contact_lines_stay_in_the_body(last: str) -> None:
    article = parse_text(f"The silo question\nBy Ines Carvalho\n\n{LONG_ONE}\n\n{last}")
    assert article.sections[0].paragraphs == (LONG_ONE, last)


def test_reuters_dateline_with_a_date() -> None:
    article = parse_text(f"The silo question\n\nLONDON, March 3 (Reuters) - {LONG_ONE}")
    assert article.dateline == "LONDON, March 3 (Reuters)"
    assert article.sections[0].paragraphs == (LONG_ONE,)


def test_all_caps_headline_over_a_short_paragraph_is_not_a_kicker() -> None:
    article = parse_text("FIRE DESTROYS MILL\n\nThe old mill burned down overnight. Nobody was hurt.")
    assert (article.kicker, article.headline) == (None, "FIRE DESTROYS MILL")
    assert article.sections[0].paragraphs == ("The old mill burned down overnight. Nobody was hurt.",)


def test_by_the_outlet_is_the_publisher_and_a_by_sentence_is_body() -> None:
    article = parse_text(f"The silo question\nBy the Associated Press\n\n{LONG_ONE}")
    assert article.publisher is not None and article.publisher.name == "Associated Press"
    assert article.authors == ()
    sentence = "By the end of the year the silo will have been empty for a decade."
    article = parse_text(f"The silo question\n\n{sentence}\n\n{LONG_ONE}")
    assert article.publisher is None
    assert article.sections[0].paragraphs == (sentence, LONG_ONE)


def test_a_closing_sentence_about_a_report_stays_in_the_body() -> None:
    last = "Police reported that the fire started in the kitchen shortly after three in the morning."
    article = parse_text(f"The silo question\n\n{LONG_ONE}\n\n{last}")
    assert article.sections[0].paragraphs == (LONG_ONE, last)


@pytest.mark.parametrize(
    "line",
    [
        "© 2026 The Harbour Gazette. All rights reserved.",
        "Copyright 2026 The Harbour Gazette",
        "(c) Harbour Gazette",
    ],
)
def test_copyright_footer_sets_the_publisher(line: str) -> None:
    article = parse_text(f"The silo question\n\n{LONG_ONE}\n\n{LONG_TWO}\n\n{line}")
    assert article.publisher is not None
    assert article.publisher.name in ("The Harbour Gazette", "Harbour Gazette")
    assert article.sections[0].paragraphs == (LONG_ONE, LONG_TWO)


def test_italic_standfirst_under_the_headline() -> None:
    article = parse_text(
        f"# The silo question\n\n*Why a grain store became the town's favourite argument*\n\n{LONG_ONE}"
    )
    assert article.summary == "Why a grain store became the town's favourite argument"
    assert article.sections[0].paragraphs == (LONG_ONE,)


def test_a_paragraph_about_copyright_stays_in_the_body() -> None:
    last = "Copyright law has changed little since 1988, the minister said."
    article = parse_text(f"The silo question\n\n{LONG_ONE}\n\n{last}")
    assert article.sections[0].paragraphs == (LONG_ONE, last)
    assert article.publisher is None


@pytest.mark.parametrize("line", ["By Ines Carvalho", "Written by Ines Carvalho, Harbour Gazette"])
def test_closing_byline_names_the_author(line: str) -> None:
    article = parse_text(f"The silo question\n\n{LONG_ONE}\n\n{LONG_TWO}\n\n{line}")
    assert [a.name for a in article.authors] == ["Ines Carvalho"]
    assert article.sections[0].paragraphs == (LONG_ONE, LONG_TWO)


def test_setext_heading_right_after_a_paragraph_line() -> None:
    article = parse_text(f"The silo question\n{LONG_ONE}\nWhat comes next\n---------------\n{LONG_TWO}")
    assert [(s.heading, s.paragraphs) for s in article.sections] == [
        (None, (LONG_ONE,)),
        ("What comes next", (LONG_TWO,)),
    ]


def test_job_line_under_an_all_caps_byline_is_the_role() -> None:
    article = parse_text(f"The silo question\nBy INES CARVALHO\nAssociated Press Writer\n\n{LONG_ONE}")
    assert [(a.name, a.role, a.organization) for a in article.authors] == [
        ("Ines Carvalho", "Associated Press Writer", None)
    ]


def test_a_name_and_a_dash_opening_the_story_is_not_a_dateline() -> None:
    text = "Ana Ruiz — a campaigner since the silo closed — spoke first at the meeting."
    article = parse_text(f"The silo question\n\n{text}\n\n{LONG_TWO}")
    assert article.dateline is None
    assert article.sections[0].paragraphs[0] == text


@pytest.mark.parametrize(
    ("line", "role", "organization"),
    [
        ("Senior Reporter, The Harbour Gazette", "Senior Reporter", "The Harbour Gazette"),
        ("Harbour Reporter", "Harbour Reporter", None),
        ("The Harbour Gazette", None, "The Harbour Gazette"),
    ],
)
def test_job_and_outlet_line_under_the_byline(line: str, role: str | None, organization: str | None) -> None:
    article = parse_text(f"The silo question\nBy Ines Carvalho\n{line}\n\n{LONG_ONE}")
    assert [(a.role, a.organization) for a in article.authors] == [(role, organization)]
    assert article.sections[0].paragraphs == (LONG_ONE,)


def test_photos_by_line_is_a_credit() -> None:
    article = parse_text(f"The silo question\nBy Ines Carvalho\nPhotos by Ana Ruiz\n\n{LONG_ONE}")
    figures = [b for b in article.sections[0].blocks if isinstance(b, Figure)]
    assert [f.credit for f in figures] == ["Ana Ruiz"]


def test_markdown_pipe_table() -> None:
    article = parse_text(
        f"The silo question\n\n{LONG_ONE}\n\n| Option | Votes |\n|---|---:|\n| **Flats** | 3 |\n"
        f"| A museum | |\n| Pipe \\| inside | 1 |\n\n{LONG_TWO}"
    )
    (section,) = article.sections
    (table,) = [b for b in section.blocks if isinstance(b, Table)]
    assert table.header_rows == 1
    assert table.rows == (("Option", "Votes"), ("Flats", "3"), ("A museum", ""), ("Pipe | inside", "1"))
    assert section.paragraphs == (LONG_ONE, LONG_TWO)


def test_hard_wrapped_lines_that_end_at_full_stops_still_join() -> None:
    # Wrapped at 72 columns, and most lines happen to end a sentence: the breaks are still the
    # wrapper's, since the next line's first word never fits on the line before it.
    text = (
        "Council Backs Harbour Loan\n\n"
        "The council voted on Tuesday to borrow money for the harbour repairs. The\n"
        "vote ended a dispute that had lasted for most of the year in the town.\n"
        "Opponents said the repairs should have been paid from reserves instead.\n\n"
        "Residents were told that the bridge would stay open during the works.\n"
        "Engineers expect the first phase to be finished before the winter ends.\n"
    )
    article = parse_text(text)
    assert [len(s.paragraphs) for s in article.sections] == [2]
