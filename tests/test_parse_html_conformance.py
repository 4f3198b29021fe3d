"""parse_html on a sample of the shared benchmark pages (../shared/conformance/extraction/).

The floors pin the behaviour measured when this was written (with a margin), so a change that
makes extraction clearly worse fails here; the full measurement is benchmarks/bench_extraction.py.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from newsmodel.errors import ParseError
from newsmodel.parse._decode import decode_html
from newsmodel.parse.html import parse_html

_TOKEN = re.compile(r"\w+")
SAMPLE = 10


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(max(1, len(tokens) - 3)) if tokens[i : i + 4])


def f1(truth: str, predicted: str) -> float:
    want, got = shingles(truth), shingles(predicted)
    tp = sum((want & got).values())
    if not tp:
        return 0.0
    precision = tp / sum(got.values())
    recall = tp / sum(want.values())
    return 2 * precision * recall / (precision + recall)


@pytest.fixture(scope="module")
def scrapinghub(conformance: Path) -> list[tuple[bytes, str, str]]:
    folder = conformance / "extraction" / "scrapinghub"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        (
            gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()),
            truth[key]["url"],
            truth[key]["articleBody"],
        )
        for key in sorted(truth)[:SAMPLE]
    ]


@pytest.fixture(scope="module")
def wcxb(conformance: Path) -> list[tuple[bytes, str, str]]:
    folder = conformance / "extraction" / "wcxb-dev-articles"
    pages = []
    for path in sorted((folder / "ground-truth").glob("*.json"))[:SAMPLE]:
        record = json.loads(path.read_text(encoding="utf-8"))
        data = gzip.decompress((folder / "html" / f"{path.stem}.html.gz").read_bytes())
        pages.append((data, record["url"], record["ground_truth"]["main_content"]))
    return pages


def body_scores(pages: list[tuple[bytes, str, str]]) -> list[float]:
    scores = []
    for data, url, truth in pages:
        try:
            body = parse_html(data, url=url).body_text
        except ParseError:
            body = ""
        scores.append(f1(truth, body))
    return scores


def test_scrapinghub_sample_body_f1(scrapinghub):
    scores = body_scores(scrapinghub)
    assert sum(scores) / len(scores) > 0.93
    assert sum(score > 0.8 for score in scores) >= 9


def test_wcxb_sample_body_f1(wcxb):
    scores = body_scores(wcxb)
    assert sum(scores) / len(scores) > 0.85


def test_bytes_and_decoded_text_agree(scrapinghub):
    for data, url, _ in scrapinghub[:3]:
        assert parse_html(data, url=url) == parse_html(decode_html(data), url=url)


def test_headline_is_not_in_the_body(scrapinghub):
    for data, url, _ in scrapinghub:
        article = parse_html(data, url=url)
        first = next(article.iter_paragraphs()).text
        assert first != article.headline
        assert not any(s.heading == article.headline for s in article.sections)
