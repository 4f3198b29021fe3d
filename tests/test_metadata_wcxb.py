"""Regression: a pinned sample of WCXB dev pages whose title, authors and date we read correctly.

The expected values are the benchmark's ground truth, read from ../shared at test time (never
copied here), compared with the matching rules of benchmarks/bench_metadata.py in short form.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

import lxml.html
import pytest

from newsmodel.parse.metadata import extract_metadata

# Pages with a title, an author and a date in the ground truth, from several page styles.
PINNED = [
    "0001", "0009", "0059", "0092", "0158", "0232", "0287", "0319",
    "0387", "0448", "0425", "4027", "4084", "4413", "4458", "4698",
]  # fmt: skip
# Pages whose ground truth has neither author nor date: nothing may be invented for them.
PINNED_EMPTY = ["0005", "0012", "0036", "0125", "0223", "0313"]

_CREDENTIAL = re.compile(r"^(?:[A-Z]{1,5}|(?:[A-Za-z]{1,3}\.){1,4}[A-Za-z]?\.?)$")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", letters).split())


def _names(entries: list[str]) -> set[str]:
    parts = (p.strip() for e in entries for p in re.split(r"\s*(?:,|;|&|\band\b)\s*", e.split("|")[0]))
    return {_fold(p) for p in parts if p and not _CREDENTIAL.match(p)}


def _load(conformance: Path, file_id: str) -> tuple[dict[str, Any], Any]:
    folder = conformance / "extraction" / "wcxb-dev-articles"
    record = json.loads((folder / "ground-truth" / f"{file_id}.json").read_text(encoding="utf-8"))
    html = gzip.decompress((folder / "html" / f"{file_id}.html.gz").read_bytes()).decode("utf-8", "replace")
    meta = extract_metadata(lxml.html.document_fromstring(html), url=record.get("url"))
    return record["ground_truth"], meta


@pytest.mark.parametrize("file_id", PINNED)
def test_pinned_page_matches_ground_truth(conformance: Path, file_id: str) -> None:
    truth, meta = _load(conformance, file_id)
    assert meta.headline is not None
    assert _fold(meta.headline) == _fold(truth["title"])
    assert _names([a.name for a in meta.authors]) == _names([truth["author"]])
    assert meta.published is not None
    assert meta.published.date().isoformat() == truth["publish_date"]


@pytest.mark.parametrize("file_id", PINNED_EMPTY)
def test_pinned_page_without_author_or_date_gets_none(conformance: Path, file_id: str) -> None:
    truth, meta = _load(conformance, file_id)
    assert _fold(meta.headline or "") == _fold(truth["title"])
    assert meta.authors == ()
    assert meta.published is None
