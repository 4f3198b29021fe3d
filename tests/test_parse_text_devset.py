"""Every hand-written article of the development and held-out sets parses as its fixture says.

Speakers and quote kinds are not asserted here: they are the quote engine's, measured by
benchmarks/bench_parse_text.py. Everything else the fixture states is.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

import pytest

from newsmodel.parse.text import parse_text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from devset import AUTHOR_FIELDS, Case, load_cases

CASES = load_cases("dev") + load_cases("heldout")


def test_the_sets_are_big_enough() -> None:
    assert len(load_cases("dev")) >= 20
    assert len(load_cases("heldout")) >= 5


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_structure_and_metadata(case: Case) -> None:
    article = parse_text(case.text)
    want = case.expected
    assert article.headline == want["headline"]
    assert [[s.heading, len(s.paragraphs)] for s in article.sections] == want["sections"]
    for key in ("kicker", "summary", "dateline", "language"):
        if key in want or key != "language":
            assert getattr(article, key) == want.get(key), key
    for key in ("published", "modified"):
        expected = datetime.fromisoformat(want[key]) if key in want else None
        assert getattr(article, key) == expected, key
        if expected is not None:
            assert getattr(article, key).utcoffset() == expected.utcoffset()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_authors(case: Case) -> None:
    article = parse_text(case.text)
    assert [a.name for a in article.authors] == [a["name"] for a in case.expected["authors"]]
    for author, want in zip(article.authors, case.expected["authors"], strict=True):
        for key in AUTHOR_FIELDS[1:]:
            if key in want:
                got = getattr(author, key)
                assert (list(got) if isinstance(got, tuple) else got) == want[key], key


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_quote_spans(case: Case) -> None:
    article = parse_text(case.text)
    assert [q.text for q in article.quotes] == [q["text"] for q in case.expected["quotes"]]
