"""Time newsmodel's JSON round trip against orjson, msgspec and pydantic v2 on a seed-sized article.

    pip install -e ".[bench]" && python benchmarks/bench_json.py [--rounds N]

The article has the shape of ../shared/seed-article.txt: 10 sections, 40 paragraphs, 6 quotes,
2 authors with profiles. The competitors get the same data: orjson a plain dict (the floor: no
model, no validation), msgspec and pydantic v2 typed models of the same shape. All timings are
medians over many repetitions, measured in this one run.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta, timezone
from typing import Literal

import msgspec
import orjson
import pydantic

import newsmodel
from newsmodel import Article, AuthorProfile, Paragraph, Quote, Section
from timing import interleaved_medians

SENTENCE = (
    "The council's decision reflects a broader shift in how small towns pay for ageing infrastructure, "
    "and officials say the precedent will matter for years. "
)


def seed_sized_article() -> Article:
    quotes_left = 6
    sections = []
    for s in range(10):
        paragraphs = []
        for p in range(4):
            text = SENTENCE * 3
            quotes: tuple[Quote, ...] = ()
            if quotes_left and p == 1:
                words = "almost nobody"
                text = f"Asked about trust, he said he trusts “{words}” these days. " + text
                start = text.index(words)
                quotes = (
                    Quote(text=words, start=start, end=start + len(words), speaker="Trump", kind="partial"),
                )
                quotes_left -= 1
            paragraphs.append(Paragraph(text=text, quotes=quotes))
        sections.append(Section(heading=f"Section heading number {s + 1}", blocks=tuple(paragraphs)))
    bio = "Sophia Rivers is an experienced News Content Editor with a sharp eye for detail. " * 4
    return Article(
        headline="Trump-Putin Relations: Analyzing Presidential Diplomacy and Trust",
        summary=SENTENCE * 2,
        authors=(
            AuthorProfile(
                name="Sophia Rivers",
                role="News Content Editor",
                organization="TheArchivists",
                bio=bio,
                education=("Journalism, University of Toronto",),
            ),
            AuthorProfile(name="Daniel Brooks", role="Correspondent", organization="TheArchivists"),
        ),
        published=datetime(2025, 7, 15, 9, 30, tzinfo=timezone(timedelta(hours=-4))),
        language="en",
        url="https://example.org/news/trump-putin-relations",
        sections=tuple(sections),
    )


# ---- msgspec and pydantic models of the same shape -------------------------------------------


class MQuote(msgspec.Struct, kw_only=True, omit_defaults=True):
    text: str
    start: int
    end: int
    speaker: str | None = None
    kind: Literal["direct", "partial", "block", "scare"] = "direct"


class MParagraph(msgspec.Struct, kw_only=True, omit_defaults=True, tag="paragraph", tag_field="type"):
    text: str
    quotes: tuple[MQuote, ...] = ()


class MSection(msgspec.Struct, kw_only=True, omit_defaults=True):
    heading: str | None = None
    level: int = 2
    blocks: tuple[MParagraph, ...] = ()


class MAuthor(msgspec.Struct, kw_only=True, omit_defaults=True):
    name: str
    role: str | None = None
    organization: str | None = None
    bio: str | None = None
    education: tuple[str, ...] = ()


class MArticle(msgspec.Struct, kw_only=True, omit_defaults=True):
    format_version: int
    headline: str
    summary: str | None = None
    authors: tuple[MAuthor, ...] = ()
    published: datetime | None = None
    language: str | None = None
    url: str | None = None
    sections: tuple[MSection, ...] = ()


class PQuote(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")
    text: str
    start: int
    end: int
    speaker: str | None = None
    kind: Literal["direct", "partial", "block", "scare"] = "direct"


class PParagraph(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")
    type: Literal["paragraph"] = "paragraph"
    text: str
    quotes: tuple[PQuote, ...] = ()


class PSection(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")
    heading: str | None = None
    level: int = 2
    blocks: tuple[PParagraph, ...] = ()


class PAuthor(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")
    name: str
    role: str | None = None
    organization: str | None = None
    bio: str | None = None
    education: tuple[str, ...] = ()


class PArticle(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(frozen=True, extra="forbid")
    format_version: int
    headline: str
    summary: str | None = None
    authors: tuple[PAuthor, ...] = ()
    published: datetime | None = None
    language: str | None = None
    url: str | None = None
    sections: tuple[PSection, ...] = ()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=31, help="timing rounds per measurement")
    rounds = parser.parse_args().rounds

    article = seed_sized_article()
    text = newsmodel.to_json(article)
    data = text.encode()
    plain = orjson.loads(data)
    m_article = msgspec.json.decode(data, type=MArticle)
    p_article = PArticle.model_validate_json(data)
    assert newsmodel.from_json(data) == article
    assert msgspec.json.decode(msgspec.json.encode(m_article), type=MArticle) == m_article
    assert PArticle.model_validate_json(p_article.model_dump_json(exclude_defaults=True)) == p_article

    encoder = msgspec.json.Encoder()
    decoder = msgspec.json.Decoder(MArticle)
    timed = interleaved_medians(
        {
            "newsmodel dump": lambda: newsmodel.to_json(article),
            "newsmodel load": lambda: newsmodel.from_json(data),
            "orjson dump": lambda: orjson.dumps(plain),
            "orjson load": lambda: orjson.loads(data),
            "msgspec dump": lambda: encoder.encode(m_article),
            "msgspec load": lambda: decoder.decode(data),
            "pydantic dump": lambda: p_article.model_dump_json(exclude_defaults=True),
            "pydantic load": lambda: PArticle.model_validate_json(data),
        },
        rounds,
    )
    results = {
        label: (timed[f"{key} dump"] * 1e6, timed[f"{key} load"] * 1e6)
        for label, key in (
            ("newsmodel", "newsmodel"),
            ("orjson on a dict (floor)", "orjson"),
            ("msgspec Struct", "msgspec"),
            ("pydantic v2", "pydantic"),
        )
    }
    paragraphs = sum(len(s.blocks) for s in article.sections)
    print(
        f"seed-sized article: {len(article.sections)} sections, {paragraphs} paragraphs, "
        f"{len(article.quotes)} quotes, {len(article.authors)} authors, {len(data):,} bytes of JSON"
    )
    ours = sum(results["newsmodel"])
    print(
        f"{'library':28} {'to_json µs':>11} {'from_json µs':>13} {'round trip µs':>14} {'newsmodel ÷ this':>17}"
    )
    for name, (dump, load) in results.items():
        total = dump + load
        print(f"{name:28} {dump:11.1f} {load:13.1f} {total:14.1f} {ours / total:17.2f}")
    print(
        f"targets: round trip faster than pydantic v2 (ratio < 1: {ours / sum(results['pydantic v2']):.2f}); "
        f"within 2x of msgspec (ratio <= 2: {ours / sum(results['msgspec Struct']):.2f})"
    )


if __name__ == "__main__":
    main()
