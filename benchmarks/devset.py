"""The hand-written development set for parse_text and the scores it is judged by.

Each ``tests/fixtures/text/<split>/<name>.txt`` has a ``<name>.json`` beside it with what a
careful reader takes from the text (headline, sections with paragraph counts, authors,
quotes with speakers). ``score`` compares parsed articles with those expectations.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsmodel.model import Article

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "text"
AUTHOR_FIELDS = ("name", "role", "organization", "education", "email")


@dataclass(frozen=True)
class Case:
    name: str
    text: str
    expected: dict[str, Any]


def load_cases(split: str) -> list[Case]:
    """The cases of one split ("dev" or "heldout"), sorted by name."""
    folder = FIXTURES / split
    return [
        Case(
            path.stem,
            path.read_text(encoding="utf-8"),
            json.loads(path.with_suffix(".json").read_text("utf-8")),
        )
        for path in sorted(folder.glob("*.txt"))
    ]


@dataclass
class Counts:
    articles: int = 0
    headlines_right: int = 0
    structure_right: int = 0
    heading_tp: int = 0
    heading_fp: int = 0
    heading_fn: int = 0
    quote_tp: int = 0
    quote_fp: int = 0
    quote_fn: int = 0
    speakers_right: int = 0
    author_fields: int = 0
    author_fields_right: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, article: Article, expected: dict[str, Any]) -> None:
        self.articles += 1
        if article.headline == expected["headline"]:
            self.headlines_right += 1
        else:
            self.misses.append(f"{name}: headline {article.headline!r}")
        got_sections = [[s.heading, len(s.paragraphs)] for s in article.sections]
        if got_sections == expected["sections"]:
            self.structure_right += 1
        else:
            self.misses.append(f"{name}: sections {got_sections}")
        tp, fp, fn = _overlap(
            [s.heading for s in article.sections if s.heading],
            [h for h, _ in expected["sections"] if h],
        )
        self.heading_tp, self.heading_fp, self.heading_fn = (
            self.heading_tp + tp,
            self.heading_fp + fp,
            self.heading_fn + fn,
        )
        self._add_quotes(name, article, expected["quotes"])
        self._add_authors(name, article, expected["authors"])

    def _add_quotes(self, name: str, article: Article, expected: list[dict[str, Any]]) -> None:
        remaining = list(expected)
        for quote in article.quotes:
            match = next((e for e in remaining if e["text"] == quote.text), None)
            if match is None:
                self.quote_fp += 1
                self.misses.append(f"{name}: extra quote {quote.text!r}")
                continue
            remaining.remove(match)
            self.quote_tp += 1
            if match["speaker"] == quote.speaker:
                self.speakers_right += 1
            else:
                self.misses.append(f"{name}: speaker of {quote.text[:30]!r} {quote.speaker!r}")
        self.quote_fn += len(remaining)
        self.misses.extend(f"{name}: missed quote {e['text']!r}" for e in remaining)

    def _add_authors(self, name: str, article: Article, expected: list[dict[str, Any]]) -> None:
        got = {a.name: a for a in article.authors}
        for want in expected:
            author = got.get(want["name"])
            for key in AUTHOR_FIELDS:
                if key not in want and key != "name":
                    continue
                self.author_fields += 1
                value = getattr(author, key) if author is not None else None
                if isinstance(value, tuple):
                    value = list(value)
                if value == want.get(key, want["name"] if key == "name" else None):
                    self.author_fields_right += 1
                else:
                    self.misses.append(f"{name}: author {want['name']} {key}={value!r}")
        extra = set(got) - {w["name"] for w in expected}
        self.author_fields += len(extra)
        self.misses.extend(f"{name}: extra author {n!r}" for n in extra)

    def scores(self) -> dict[str, float]:
        return {
            "headline accuracy": self.headlines_right / self.articles,
            "section structure exact": self.structure_right / self.articles,
            "heading F1": _f1(self.heading_tp, self.heading_fp, self.heading_fn),
            "quote-span F1": _f1(self.quote_tp, self.quote_fp, self.quote_fn),
            "speaker accuracy": self.speakers_right / self.quote_tp if self.quote_tp else 0.0,
            "author-profile accuracy": (
                self.author_fields_right / self.author_fields if self.author_fields else 1.0
            ),
        }


def _overlap(got: Iterable[str], want: Iterable[str]) -> tuple[int, int, int]:
    got_counts, want_counts = Counter(got), Counter(want)
    tp = sum((got_counts & want_counts).values())
    return tp, sum(got_counts.values()) - tp, sum(want_counts.values()) - tp


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
