"""Title, author and date accuracy and speed of ``extract_metadata`` against trafilatura, on WCXB dev.

Run from the project root::

    PYTHONPATH=src python benchmarks/bench_metadata.py [--failures FIELD] [--limit N]

Both extractors read the same 711 pages (``../shared/conformance/extraction/wcxb-dev-articles``)
in one process; the page URL from the ground truth is given to both.

Matching rules (the same for both extractors):

* **title** - exact match after normalising both sides: Unicode NFKC, case folded, curly quotes
  and dashes made plain, runs of whitespace collapsed, trailing punctuation dropped.
* **author** - the ground truth is one string ("A, B and C", "Dylan Bailey, MS, RD"); anything
  after a "|" is dropped (an organisation), the rest is split into names at commas, ";", "&" and
  " and "; post-nominal credentials (all-capital short tokens such as "MS", "RD", or dotted ones
  such as "Ph.D."), honorifics ("Dr.") and, after the first part, descriptions of the writer
  ("Shipping Expert", "CEO of X", "10+ Years in ...") are dropped, and each name is folded
  (case, diacritics, punctuation). The prediction (our ``authors`` names; trafilatura's
  "; "-joined string) goes through the same rule, and the two *sets* of names must be equal.
* **date** - same calendar date as the ground truth ``publish_date`` (ours: the date of
  ``published`` in the offset the page gave; trafilatura: its ``date`` string).
* **page_date** - the same comparison for the page's single date: ours is ``published``, or
  ``modified`` when the page states no publication date (the ground truth often records a
  page's only, "Updated ...", date as its publish date, and trafilatura returns one date for
  both); trafilatura's value is its ``date`` again.

Where the ground truth has no value (158 pages have no author, 123 no date), the right answer is
to give none: a predicted value there counts as wrong. Accuracy is reported on all pages, on the
pages where the ground truth has a value, and on the held-out split (every 5th page, file ids
0005, 0010, ...), which was never looked at while tuning the rules.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html

from newsmodel.parse.metadata import extract_metadata

ROOT = Path(__file__).resolve().parent.parent
WCXB = ROOT.parent / "shared" / "conformance" / "extraction" / "wcxb-dev-articles"
FIELDS = ("title", "author", "date", "page_date")

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\u00a0": " "})
_CREDENTIAL = re.compile(
    r"^(?:[A-Z]{1,5}(?:-[A-Z]+)?(?:\s+\d+)?|(?:[A-Za-z]{1,3}\.){1,4}[A-Za-z]?\.?|[A-Z]{2,6}\W*)$"
)
_HONORIFIC = re.compile(r"^(?:dr|prof|mr|mrs|ms|sir)\.?\s+", re.IGNORECASE)
# A ground-truth part that describes the writer instead of naming them ("Shipping Expert").
_DESCRIPTION = re.compile(
    r"\d|\b(?:expert|editor|writer|director|officer|ceo|founder|dietitian|nutritionist|contributor|"
    r"manager|specialist|reporter|correspondent|of|at|in)\b",
    re.IGNORECASE,
)


def norm_title(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").translate(_QUOTES).casefold()
    return " ".join(text.split()).rstrip(" .!?:;,")


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", letters).split())


def author_set(names: list[str]) -> frozenset[str]:
    found = set()
    for entry in names:
        entry = entry.split("|")[0]  # "Name | Organisation"
        for i, part in enumerate(re.split(r"\s*(?:,|;|&|\band\b)\s*", entry)):
            part = _HONORIFIC.sub("", part.strip())
            if not part or _CREDENTIAL.match(part) or (i and _DESCRIPTION.search(part)):
                continue
            key = fold(part)
            if key:
                found.add(key)
    return frozenset(found)


def date_str(value: Any) -> str | None:
    return str(value)[:10] if value else None


def ours(html: bytes, url: str | None) -> tuple[dict[str, Any], float]:
    tree = lxml.html.document_fromstring(html.decode("utf-8", errors="replace"))
    start = time.perf_counter()
    meta = extract_metadata(tree, url=url)
    elapsed = time.perf_counter() - start
    return {
        "title": meta.headline,
        "author": [a.name for a in meta.authors],
        "date": meta.published.date().isoformat() if meta.published else None,
        "page_date": (meta.published or meta.modified).date().isoformat()
        if meta.published or meta.modified
        else None,
    }, elapsed


def ours_with_parse(html: bytes, url: str | None) -> float:
    start = time.perf_counter()
    extract_metadata(lxml.html.document_fromstring(html.decode("utf-8", errors="replace")), url=url)
    return time.perf_counter() - start


def trafilatura_meta(html: bytes, url: str | None) -> tuple[dict[str, Any], float]:
    import trafilatura

    text = html.decode("utf-8", errors="replace")
    start = time.perf_counter()
    doc = trafilatura.extract_metadata(text, default_url=url)
    elapsed = time.perf_counter() - start
    author = doc.author if doc is not None else None
    return {
        "title": doc.title if doc is not None else None,
        "author": author.split(";") if author else [],
        "date": date_str(doc.date) if doc is not None else None,
        "page_date": date_str(doc.date) if doc is not None else None,
    }, elapsed


def correct(field: str, predicted: Any, truth: Any) -> bool:
    if field == "title":
        return norm_title(predicted) == norm_title(truth) if truth else not predicted
    if field == "author":
        return author_set(predicted) == author_set([truth] if truth else [])
    return date_str(predicted) == date_str(truth)


def load_pages(limit: int | None) -> list[tuple[str, bytes, dict[str, Any]]]:
    if not WCXB.exists():
        sys.exit(f"needs the shared WCXB pages at {WCXB}")
    pages = []
    for truth_file in sorted((WCXB / "ground-truth").glob("*.json"))[:limit]:
        record = json.loads(truth_file.read_text(encoding="utf-8"))
        html = gzip.decompress((WCXB / "html" / f"{truth_file.stem}.html.gz").read_bytes())
        pages.append((truth_file.stem, html, record))
    return pages


def held_out(file_id: str) -> bool:
    return int(file_id) % 5 == 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--failures", choices=FIELDS, help="print our failures on the tuning split")
    parser.add_argument("--no-trafilatura", action="store_true")
    args = parser.parse_args()
    pages = load_pages(args.limit)
    runners: dict[str, Callable[[bytes, str | None], tuple[dict[str, Any], float]]] = {"newsmodel": ours}
    if not args.no_trafilatura:
        runners["trafilatura"] = trafilatura_meta
    scores: dict[str, dict[str, dict[str, list[bool]]]] = {
        name: {f: {"all": [], "present": [], "held": []} for f in FIELDS} for name in runners
    }
    times: dict[str, list[float]] = {name: [] for name in runners}
    parse_times: list[float] = []
    for file_id, html, record in pages:
        truth = record["ground_truth"]
        url = record.get("url")
        expected = {
            "title": truth.get("title"),
            "author": truth.get("author"),
            "date": truth.get("publish_date"),
            "page_date": truth.get("publish_date"),
        }
        for name, runner in runners.items():
            got, elapsed = runner(html, url)
            times[name].append(elapsed)
            for field in FIELDS:
                ok = correct(field, got[field], expected[field])
                bucket = scores[name][field]
                bucket["all"].append(ok)
                if expected[field]:
                    bucket["present"].append(ok)
                if held_out(file_id):
                    bucket["held"].append(ok)
                if name == "newsmodel" and args.failures == field and not ok and not held_out(file_id):
                    print(
                        f"{file_id} {record.get('url')}\n   want {expected[field]!r}\n   got  {got[field]!r}"
                    )
        parse_times.append(ours_with_parse(html, url))

    def pct(values: list[bool]) -> str:
        return f"{100 * sum(values) / len(values):5.1f}" if values else "  n/a"

    print(f"\nWCXB dev articles: {len(pages)} pages ({sum(held_out(p[0]) for p in pages)} held out)\n")
    header = f"{'extractor':<13}{'field':<10}{'all %':>8}{'present %':>11}{'held-out %':>12}"
    print(header)
    print("-" * len(header))
    for name in runners:
        for field in FIELDS:
            b = scores[name][field]
            print(f"{name:<13}{field:<10}{pct(b['all']):>8}{pct(b['present']):>11}{pct(b['held']):>12}")
    if "trafilatura" in runners:
        print("\nmargin (newsmodel - trafilatura, points, all pages / held out):")
        for field in FIELDS:
            a, t = scores["newsmodel"][field], scores["trafilatura"][field]
            d_all = 100 * (sum(a["all"]) - sum(t["all"])) / len(a["all"])
            d_held = 100 * (sum(a["held"]) - sum(t["held"])) / max(1, len(a["held"]))
            print(f"  {field:<10}{d_all:+6.1f} / {d_held:+6.1f}")
    print("\nmedian ms per page:")
    base = statistics.median(times["newsmodel"]) * 1000
    print(f"  newsmodel extract_metadata (tree given)   {base:7.2f}")
    print(f"  newsmodel lxml parse + extract_metadata   {statistics.median(parse_times) * 1000:7.2f}")
    if "trafilatura" in runners:
        traf = statistics.median(times["trafilatura"]) * 1000
        print(f"  trafilatura extract_metadata (parses)     {traf:7.2f}   ratio {traf / base:5.1f}x ours")


if __name__ == "__main__":
    main()
