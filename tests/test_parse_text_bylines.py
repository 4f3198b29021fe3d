"""parse_byline and parse_bio: people, roles and organisations from plain text."""

from __future__ import annotations

import pytest

from newsmodel.parse.bylines import looks_like_person_name, parse_bio, parse_byline


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Ana Lima", [("Ana Lima", None, None)]),
        ("by ana lima", []),
        ("BY ANA LIMA", [("Ana Lima", None, None)]),
        ("By Ana Lima and Tom Reed", [("Ana Lima", None, None), ("Tom Reed", None, None)]),
        (
            "By Ana Lima, Tom Reed & Lee Chan",
            [("Ana Lima", None, None), ("Tom Reed", None, None), ("Lee Chan", None, None)],
        ),
        ("By Ana Lima, Associated Press", [("Ana Lima", None, "Associated Press")]),
        ("By Ana Lima | Senior Reporter", [("Ana Lima", "Senior Reporter", None)]),
        ("By Ana Lima, Staff Writer", [("Ana Lima", "Staff Writer", None)]),
        (
            "By Ana Lima, Special Correspondent, The Daily Ledger",
            [("Ana Lima", "Special Correspondent", "The Daily Ledger")],
        ),
        ("Von Klaus Meyer und Anna Schmidt", [("Klaus Meyer", None, None), ("Anna Schmidt", None, None)]),
        ("Par Camille Durand", [("Camille Durand", None, None)]),
        (
            "Ana Lima and Jean-Luc van der Berg",
            [("Ana Lima", None, None), ("Jean-Luc van der Berg", None, None)],
        ),
        ("By Gwen Pryce, Border Weekly", [("Gwen Pryce", None, "Border Weekly")]),
        (
            "By Ana Lima and Tom Reed, Border Weekly",
            [("Ana Lima", None, "Border Weekly"), ("Tom Reed", None, "Border Weekly")],
        ),
        (
            "By Ana Lima, Tom Reed, and Lee Chan, Associated Press",
            [
                ("Ana Lima", None, "Associated Press"),
                ("Tom Reed", None, "Associated Press"),
                ("Lee Chan", None, "Associated Press"),
            ],
        ),
        ("By the Associated Press", []),
        ("By Reuters", []),
    ],
)
def test_bylines(byline: str, expected: list[tuple[str, str | None, str | None]]) -> None:
    assert [(a.name, a.role, a.organization) for a in parse_byline(byline)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Lima", True),
        ("Mei-Ling Zhou", True),
        ("Gary O’Donoghue", True),
        ("Associated Press", False),
        ("The Daily Ledger", False),
        ("Staff Writer", False),
        ("Reuters", False),
        ("ana lima", False),
        ("Ana Lima 2026", False),
    ],
)
def test_looks_like_person_name(text: str, expected: bool) -> None:
    assert looks_like_person_name(text) is expected


def test_bio_with_role_organisation_education_and_contacts() -> None:
    profile = parse_bio(
        [
            "Tomasz Brenner is an award-winning Investigative Reporter at the Harbour Gazette, where he "
            "covers courts and local government.",
            "He holds a degree in Political Science from the University of Gdansk. Email him at "
            "tbrenner@gazette.example or follow him on Twitter @tbrenner. More at https://gazette.example/tb.",
        ]
    )
    assert profile is not None
    assert (profile.name, profile.role, profile.organization) == (
        "Tomasz Brenner",
        "Investigative Reporter",
        "Harbour Gazette",
    )
    assert profile.education == ("Political Science, University of Gdansk",)
    assert profile.expertise == ("courts and local government",)
    assert profile.email == "tbrenner@gazette.example"
    assert profile.url == "https://gazette.example/tb"
    assert profile.same_as == ("https://x.com/tbrenner",)
    assert profile.bio is not None and profile.bio.count("\n\n") == 1


def test_bio_with_an_apposition_and_a_lowercase_role() -> None:
    profile = parse_bio(["Jon Park, a former teacher, is the education correspondent for the Valley Ledger."])
    assert profile is not None
    assert (profile.name, profile.role, profile.organization) == (
        "Jon Park",
        "education correspondent",
        "Valley Ledger",
    )


def test_bio_name_can_be_given() -> None:
    profile = parse_bio(["She writes about food and farming."], name="Ana Lima")
    assert (
        profile is not None
        and profile.name == "Ana Lima"
        and profile.bio == "She writes about food and farming."
    )


@pytest.mark.parametrize("paragraphs", [[], [""], ["The council met on Tuesday."], ["she is a reporter."]])
def test_no_bio(paragraphs: list[str]) -> None:
    assert parse_bio(paragraphs) is None
