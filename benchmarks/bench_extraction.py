"""Body extraction: newsmodel.parse_html against trafilatura, same pages, same process.

Reads the shared conformance pages (../shared/conformance/extraction/ from the project root),
decodes each page once, and hands the same ``str`` to both extractors. Prints, per dataset and
split (every 5th page is held out of tuning), body F1 / precision / recall with the benchmark's
metric (multisets of 4-token shingles of ``\\w+`` tokens), the median milliseconds per page, and
for WCXB title / author / date accuracy.

    PYTHONPATH=src python benchmarks/bench_extraction.py [--limit N] [--dataset scrapinghub|wcxb]
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
import warnings
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsmodel.errors import NewsModelError
from newsmodel.parse._decode import decode_html
from newsmodel.parse.html import parse_html

ROOT = Path(__file__).resolve().parent.parent
EXTRACTION = ROOT.parent / "shared" / "conformance" / "extraction"
_TOKEN = re.compile(r"\w+")
HOLD_OUT_EVERY = 5


@dataclass
class Page:
    """One benchmark page: decoded HTML, its URL and the ground truth."""

    id: str
    html: str
    url: str | None
    body: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    held_out: bool = False


@dataclass
class Result:
    """What an extractor returned for a page, and how long it took."""

    body: str
    seconds: float
    cpu: float = 0.0
    title: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass
class Tally:
    """Running sums of the per-page metric for one extractor on one split."""

    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    times: list[float] = field(default_factory=list)
    cpu_times: list[float] = field(default_factory=list)
    title_hits: int = 0
    author_hits: int = 0
    author_pages: int = 0
    date_hits: int = 0
    date_pages: int = 0
    pages: int = 0

    def f1(self) -> tuple[float, float, float]:
        p = statistics.fmean(self.precisions) if self.precisions else 0.0
        r = statistics.fmean(self.recalls) if self.recalls else 0.0
        return (2 * p * r / (p + r) if p + r else 0.0), p, r


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """The multiset of n-token shingles of ``\\w+`` tokens (a short text is one shingle)."""
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def page_scores(truth: str, predicted: str) -> tuple[float | None, float]:
    """(precision or None if nothing was predicted, recall) of one page."""
    want, got = shingles(truth), shingles(predicted)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall


def _normal(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    return " ".join(_TOKEN.findall(text))


def title_match(truth: str | None, got: str | None) -> bool:
    """Titles agree when their normalised tokens are equal."""
    return bool(truth) and _normal(truth) == _normal(got)


def author_match(truth: str | None, got: str | None) -> bool:
    """Authors agree when every name token of the truth appears in the answer and vice versa."""
    if not truth:
        return False
    return set(_normal(truth).split()) == set(_normal(got).split())


def date_match(truth: str | None, got: str | None) -> bool:
    """Dates agree on the calendar day (the truth is YYYY-MM-DD)."""
    return bool(truth) and bool(got) and str(got)[:10] == str(truth)[:10]


def load_scrapinghub(limit: int | None) -> list[Page]:
    folder = EXTRACTION / "scrapinghub"
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for index, key in enumerate(sorted(truth)[:limit]):
        data = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        pages.append(
            Page(
                id=key,
                html=decode_html(data),
                url=truth[key].get("url"),
                body=truth[key]["articleBody"],
                held_out=index % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1,
            )
        )
    return pages


def load_wcxb(limit: int | None) -> list[Page]:
    folder = EXTRACTION / "wcxb-dev-articles"
    pages = []
    for index, path in enumerate(sorted((folder / "ground-truth").glob("*.json"))[:limit]):
        record = json.loads(path.read_text(encoding="utf-8"))
        truth = record["ground_truth"]
        data = gzip.decompress((folder / "html" / f"{path.stem}.html.gz").read_bytes())
        pages.append(
            Page(
                id=path.stem,
                html=decode_html(data),
                url=record.get("url"),
                body=truth.get("main_content") or "",
                title=truth.get("title"),
                author=truth.get("author"),
                date=truth.get("publish_date"),
                held_out=index % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1,
            )
        )
    return pages


def run_newsmodel(page: Page) -> Result:
    start, cpu_start = time.perf_counter(), time.process_time()
    try:
        article = parse_html(page.html, url=page.url)
    except NewsModelError:
        return Result(body="", seconds=time.perf_counter() - start, cpu=time.process_time() - cpu_start)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    author = " ".join(a.name for a in article.authors) or None
    date = article.published.isoformat() if article.published else None
    return Result(
        body=article.body_text, seconds=seconds, cpu=cpu, title=article.headline, author=author, date=date
    )


def run_trafilatura(page: Page, *, with_metadata: bool = True) -> Result:
    import trafilatura

    start, cpu_start = time.perf_counter(), time.process_time()
    document = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=with_metadata)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    if document is None:
        return Result(body="", seconds=seconds, cpu=cpu)
    data: Any = document.as_dict() if hasattr(document, "as_dict") else document
    return Result(
        body=data.get("text") or "",
        seconds=seconds,
        cpu=cpu,
        title=data.get("title"),
        author=data.get("author"),
        date=data.get("date"),
    )


def run_trafilatura_body(page: Page) -> Result:
    return run_trafilatura(page, with_metadata=False)


# The last one is the baseline of the ratio column: trafilatura doing what parse_html does
# (body and metadata). "trafilatura-body" skips its metadata extraction. Article.body_text leaves
# figure captions out, as both ground truths do.
EXTRACTORS: dict[str, Callable[[Page], Result]] = {
    "newsmodel": run_newsmodel,
    "trafilatura-body": run_trafilatura_body,
    "trafilatura": run_trafilatura,
}


def print_stages(pages: list[Page]) -> None:
    """Where parse_html spends its time: median ms per page of each stage."""
    from newsmodel.parse._blocks import build_sections
    from newsmodel.parse._content import clean_tree, find_content_root, score_page
    from newsmodel.parse.html import _PAGE_PARSER, MAX_PAGE_SIZE, _load, _with_quotes
    from newsmodel.parse.metadata import extract_metadata

    stages: dict[str, list[float]] = {name: [] for name in ("parse", "metadata", "body", "quotes")}
    for page in pages:
        start = time.process_time()
        root = _load(page.html, MAX_PAGE_SIZE, _PAGE_PARSER)  # as parse_html loads it
        parsed = time.process_time()
        metadata = extract_metadata(root, url=page.url)
        read = time.process_time()
        clean_tree(root)
        scores = score_page(root)
        content = find_content_root(scores)
        sections = [] if content is None else build_sections(content, scores, headline=metadata.headline)
        built = time.process_time()
        _with_quotes(sections, metadata.language)
        done = time.process_time()
        for name, seconds in zip(
            stages, (parsed - start, read - parsed, built - read, done - built), strict=True
        ):
            stages[name].append(seconds)
    print(
        "newsmodel stages, median CPU ms/page: "
        + ", ".join(f"{name} {statistics.median(values) * 1000:.2f}" for name, values in stages.items())
    )
    print()


def measure(pages: Iterable[Page], names: list[str]) -> dict[tuple[str, str], Tally]:
    """Run every extractor on every page; tallies keyed by (extractor, split)."""
    tallies: dict[tuple[str, str], Tally] = {}
    for page in pages:
        split = "held-out" if page.held_out else "tuning"
        for name in names:
            result = EXTRACTORS[name](page)
            for key in ((name, split), (name, "all")):
                tally = tallies.setdefault(key, Tally())
                tally.pages += 1
                precision, recall = page_scores(page.body, result.body)
                if precision is not None:
                    tally.precisions.append(precision)
                tally.recalls.append(recall)
                tally.times.append(result.seconds)
                tally.cpu_times.append(result.cpu)
                tally.title_hits += title_match(page.title, result.title)
                if page.author:
                    tally.author_pages += 1
                    tally.author_hits += author_match(page.author, result.author)
                if page.date:
                    tally.date_pages += 1
                    tally.date_hits += date_match(page.date, result.date)
    return tallies


def print_table(
    dataset: str, tallies: dict[tuple[str, str], Tally], names: list[str], metadata: bool
) -> None:
    header = f"{'dataset':12} {'split':9} {'system':16} {'pages':>5} {'F1':>6} {'P':>6} {'R':>6}"
    header += f" {'ms/page':>8} {'x base':>7} {'cpu ms':>7} {'x base':>7}"
    if metadata:
        header += f" {'title':>6} {'author':>6} {'date':>6}"
    print(header)
    for split in ("all", "tuning", "held-out"):
        base = tallies.get((names[-1], split))
        base_ms = statistics.median(base.times) * 1000 if base and base.times else 0.0
        base_cpu = statistics.median(base.cpu_times) * 1000 if base and base.cpu_times else 0.0
        for name in names:
            tally = tallies.get((name, split))
            if tally is None:
                continue
            f1, p, r = tally.f1()
            ms = statistics.median(tally.times) * 1000
            ratio = ms / base_ms if base_ms else float("nan")
            cpu = statistics.median(tally.cpu_times) * 1000
            cpu_ratio = cpu / base_cpu if base_cpu else float("nan")
            line = f"{dataset:12} {split:9} {name:16} {tally.pages:5d} {f1:6.3f} {p:6.3f} {r:6.3f}"
            line += f" {ms:8.2f} {ratio:7.2f} {cpu:7.2f} {cpu_ratio:7.2f}"
            if metadata and name.endswith("-body"):
                line += f" {'-':>6} {'-':>6} {'-':>6}"
            elif metadata:
                line += (
                    f" {tally.title_hits / tally.pages:6.3f}"
                    f" {tally.author_hits / max(1, tally.author_pages):6.3f}"
                    f" {tally.date_hits / max(1, tally.date_pages):6.3f}"
                )
            print(line)
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each dataset")
    parser.add_argument("--dataset", choices=("scrapinghub", "wcxb", "both"), default="both")
    parser.add_argument("--only", choices=tuple(EXTRACTORS), help="run a single extractor")
    args = parser.parse_args(argv)
    if not EXTRACTION.exists():
        print(f"benchmark data not found at {EXTRACTION}", file=sys.stderr)
        return 2
    warnings.filterwarnings("ignore")
    names = [args.only] if args.only else list(EXTRACTORS)
    print(
        f"x base: median ms/page relative to {names[-1]}, measured in this run; ms/page is wall-clock,"
        " cpu ms is process time (steadier on a shared machine)\n"
    )
    if args.dataset in ("scrapinghub", "both"):
        pages = load_scrapinghub(args.limit)
        print_table("scrapinghub", measure(pages, names), names, metadata=False)
        print_stages(pages)
    if args.dataset in ("wcxb", "both"):
        pages = load_wcxb(args.limit)
        print_table("wcxb-dev", measure(pages, names), names, metadata=True)
        print_stages(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
