"""Generated articles in every combination of the conventions come back as they were written."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import datetime, timezone

from hypothesis import given
from hypothesis import strategies as st

from newsmodel.parse.text import parse_text

# Made-up words from consonant-vowel syllables: never an English verb, job or outlet word.
_SYLLABLE = st.sampled_from(["ba", "do", "ki", "lu", "me", "no", "ra", "si", "tu", "vo", "ze", "pa"])
_WORD = st.lists(_SYLLABLE, min_size=2, max_size=4).map("".join)
_SENTENCE = st.lists(_WORD, min_size=5, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
_PARAGRAPH = st.lists(_SENTENCE, min_size=2, max_size=4).map(" ".join)
_TITLE = st.lists(_WORD, min_size=2, max_size=6).map(lambda ws: " ".join(w.capitalize() for w in ws))
_NAME = st.lists(_WORD, min_size=2, max_size=2).map(lambda ws: " ".join(w.capitalize() for w in ws))
_DAY = st.dates(min_value=datetime(1990, 1, 1).date(), max_value=datetime(2040, 12, 31).date())


@dataclass
class Written:
    text: str
    headline: str
    authors: list[str]
    published: datetime | None
    sections: list[tuple[str | None, list[str]]]


def _heading(title: str, style: str) -> str:
    return {
        "markdown": f"## {title}",
        "setext": f"{title}\n{'-' * len(title)}",
        "caps": title.upper(),
        "bare": title,
    }[style]


@st.composite
def articles(draw: st.DrawFn) -> Written:
    headline = draw(_TITLE.filter(lambda t: len(t.split()) >= 4))
    authors = draw(st.lists(_NAME, max_size=2, unique=True))
    day = draw(st.none() | _DAY)
    style = draw(st.sampled_from(["markdown", "setext", "caps", "bare"]))
    gap = draw(st.sampled_from(["\n", "\n\n"]))
    wrap = gap == "\n\n" and draw(st.booleans())
    intro = draw(st.lists(_PARAGRAPH, min_size=1, max_size=3))
    titled = draw(st.lists(st.tuples(_TITLE, st.lists(_PARAGRAPH, min_size=1, max_size=3)), max_size=4))
    sections: list[tuple[str | None, list[str]]] = [(None, intro), *titled]
    lines = [headline]
    if authors:
        lines.append("By " + " and ".join(authors))
    if day is not None:
        lines.append(
            draw(
                st.sampled_from(
                    [f"{day:%B} {day.day}, {day.year}", f"{day.day} {day:%B} {day.year}", f"{day:%Y-%m-%d}"]
                )
            )
        )
    # A hard-wrapped text of only a line or two of body gives no evidence of its wrapping
    # (see wrap_width): wrapping is tried on bodies long enough to show it.
    wrap = wrap and sum(len(p) for _, ps in sections for p in ps) > 600
    blocks = ["\n".join(lines)]
    for heading, paragraphs in sections:
        if heading is not None:
            blocks.append(_heading(heading, style))
        blocks.extend(textwrap.fill(p, 72) if wrap else p for p in paragraphs)
    published = datetime(day.year, day.month, day.day, tzinfo=timezone.utc) if day is not None else None
    expected = [(h.upper() if h is not None and style == "caps" else h, ps) for h, ps in sections]
    return Written(gap.join(blocks), headline, authors, published, expected)


@given(articles())
def test_generated_articles_round_trip(written: Written) -> None:
    article = parse_text(written.text)
    assert article.headline == written.headline
    assert [a.name for a in article.authors] == written.authors
    assert article.published == written.published
    assert [(s.heading, list(s.paragraphs)) for s in article.sections] == written.sections
