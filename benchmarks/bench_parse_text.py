"""Score and time parse_text on the hand-written development and held-out sets.

    PYTHONPATH=src python benchmarks/bench_parse_text.py            # scores, speed, 50 MB input
    PYTHONPATH=src python benchmarks/bench_parse_text.py --big-mb 5 # a smaller large input

Prints, per split: headline accuracy, section structure, heading F1, quote-span F1, speaker
accuracy and author-profile accuracy; then a speed table of medians with ratios against named
baselines measured in the same run: ``naive`` (first line as headline, blank-line paragraphs,
no metadata, no quotes: the floor of building the model), the layout pass alone and the quote
engine alone; finally one parse of a large (default 50 MB) text.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from devset import Case, Counts, load_cases
from newsmodel.errors import NewsModelWarning
from newsmodel.model import Article, Section
from newsmodel.parse.paragraphs import split_blocks
from newsmodel.parse.text import parse_text
from newsmodel.quotes import quote_paragraphs


def naive_parse(text: str) -> Article:
    """Baseline: the first line is the headline, blank lines separate paragraphs."""
    head, _, rest = text.strip().partition("\n")
    paragraphs = [" ".join(p.split()) for p in rest.split("\n\n") if p.strip()]
    return Article(headline=head, sections=(Section(paragraphs=paragraphs),))


def quotes_only(text: str) -> object:
    """Baseline: the quote engine alone, on the lines of the text."""
    return quote_paragraphs([line for line in text.split("\n") if line.strip()])


def score(split: str, show_misses: bool) -> None:
    counts = Counts()
    for case in load_cases(split):
        counts.add(case.name, parse_text(case.text), case.expected)
    print(f"\n## {split}: {counts.articles} articles")
    print(f"| {'metric':<26} | {'score':>6} |")
    print(f"|{'-' * 28}|{'-' * 8}|")
    for metric, value in counts.scores().items():
        print(f"| {metric:<26} | {value:>6.3f} |")
    if show_misses and counts.misses:
        print("misses:\n  " + "\n  ".join(counts.misses))


def median_ms(function: Callable[[str], object], texts: list[str], rounds: int) -> tuple[float, float]:
    """Median milliseconds per article, and the median seconds for one pass over all texts."""
    per_article: list[float] = []
    passes: list[float] = []
    for _ in range(rounds):
        started = time.perf_counter()
        for text in texts:
            t0 = time.perf_counter()
            function(text)
            per_article.append((time.perf_counter() - t0) * 1000)
        passes.append(time.perf_counter() - started)
    return statistics.median(per_article), statistics.median(passes)


def speed(cases: list[Case], rounds: int) -> None:
    texts = [c.text for c in cases]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    contenders: list[tuple[str, Callable[[str], object]]] = [
        ("parse_text", parse_text),
        ("naive (baseline)", naive_parse),
        ("layout pass only", split_blocks),
        ("quote engine only", quotes_only),
    ]
    results = {name: median_ms(function, texts, rounds) for name, function in contenders}
    base_ms, base_s = results["naive (baseline)"]
    print(f"\n## speed: {len(texts)} articles, {megabytes * 1000:.1f} kB, {rounds} rounds, medians")
    print(f"| {'system':<18} | {'ms/article':>10} | {'MB/s':>7} | {'x naive':>8} |")
    print(f"|{'-' * 20}|{'-' * 12}|{'-' * 9}|{'-' * 10}|")
    for name, (ms, seconds) in results.items():
        print(f"| {name:<18} | {ms:>10.3f} | {megabytes / seconds:>7.2f} | {ms / base_ms:>8.1f} |")
    del base_s


def seed_article(rounds: int) -> None:
    """The reference article of issue 3, if the shared folder is beside the project."""
    path = Path(__file__).resolve().parent.parent.parent / "shared" / "seed-article.txt"
    if not path.exists():
        print(f"\n(no {path}: seed article skipped)")
        return
    text = path.read_text(encoding="utf-8")
    size = len(text.encode("utf-8")) / 1e6
    print(f"\n## the seed article ({size * 1000:.1f} kB), {rounds} rounds, medians")
    print(f"| {'system':<18} | {'ms/article':>10} | {'MB/s':>7} |")
    print(f"|{'-' * 20}|{'-' * 12}|{'-' * 9}|")
    for name, function in (("parse_text", parse_text), ("naive (baseline)", naive_parse)):
        ms, _ = median_ms(function, [text], rounds)
        print(f"| {name:<18} | {ms:>10.2f} | {size / (ms / 1000):>7.2f} |")


def big_input(cases: list[Case], megabytes: float) -> None:
    unit = "\n\n".join(c.text for c in cases)
    copies = max(1, int(megabytes * 1e6 / len(unit.encode("utf-8"))))
    text = "Large input\n\n" + "\n\n".join([unit] * copies)
    size = len(text.encode("utf-8")) / 1e6
    gc.collect()
    rows = []
    for name, function in (("naive (baseline)", naive_parse), ("parse_text", parse_text)):
        started = time.perf_counter()
        article = function(text)
        elapsed = time.perf_counter() - started
        paragraphs = sum(1 for _ in article.iter_paragraphs())
        rows.append((name, elapsed, paragraphs))
    print(f"\n## one large text: {size:.1f} MB")
    print(f"| {'system':<18} | {'seconds':>8} | {'MB/s':>7} | {'paragraphs':>10} |")
    print(f"|{'-' * 20}|{'-' * 10}|{'-' * 9}|{'-' * 12}|")
    for name, elapsed, paragraphs in rows:
        print(f"| {name:<18} | {elapsed:>8.2f} | {size / elapsed:>7.2f} | {paragraphs:>10} |")


def main() -> None:
    # The hand-written texts end in credits the model has no field for; the warning is expected.
    warnings.simplefilter("ignore", NewsModelWarning)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--big-mb", type=float, default=50.0, help="size of the large input (0: skip)")
    parser.add_argument("--misses", action="store_true", help="list every miss")
    args = parser.parse_args()
    for split in ("dev", "heldout"):
        score(split, args.misses)
    cases = load_cases("dev") + load_cases("heldout")
    speed(cases, args.rounds)
    seed_article(args.rounds)
    if args.big_mb > 0:
        big_input(cases, args.big_mb)


if __name__ == "__main__":
    main()
