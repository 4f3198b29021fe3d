"""The guard against tags with huge numbers of attributes: its cost, and parse_html on hostile pages.

Times the check (C and Python, interleaved) on every shared benchmark page
(../shared/conformance/extraction/ from the project root) as _load runs it, on the UTF-8 bytes
or the text, and then parse_html (CPU seconds) on pages built to be slow to parse.

    PYTHONPATH=src python benchmarks/bench_attributes.py [--limit N] [--no-hostile]
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import time
from pathlib import Path

from newsmodel.errors import ParseError
from newsmodel.parse import _attributes
from newsmodel.parse._decode import decode_html
from newsmodel.parse.html import MAX_ATTRIBUTES, _utf8_if_safe, parse_html

ROOT = Path(__file__).resolve().parent.parent
EXTRACTION = ROOT.parent / "shared" / "conformance" / "extraction"
ROUNDS = 5
C_CALLS = 20


def _attributes_text(n: int) -> str:
    return "".join(f' a{i}="v"' for i in range(n))


def hostile_pages() -> dict[str, str]:
    head = "<html><body><h1>Headline words</h1>"
    body = "<p>A paragraph long enough to count as the body of an article, with several words in it.</p>"
    tag500 = "<p" + _attributes_text(500) + ">text of the tag</p>"
    return {
        "one <p> with 100,000 attributes": head + "<p" + _attributes_text(100_000) + ">text</p>",
        "1,000 tags x 600 attributes": head
        + ("<p" + _attributes_text(600) + ">text of the tag</p>") * 1000
        + body,
        "16 MB of 500-attribute tags": head + tag500 * (16_000_000 // len(tag500)) + body,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages")
    parser.add_argument("--no-hostile", action="store_true", help="skip the hostile pages")
    options = parser.parse_args()

    paths = sorted(EXTRACTION.glob("*/html/*.html.gz"))[: options.limit]
    c_check = _attributes.c_attributes_over
    c_ms, py_ms, sizes = [], [], []
    for path in paths:
        text = decode_html(gzip.decompress(path.read_bytes()))
        data = _utf8_if_safe(text) or text.encode("utf-8", "surrogatepass")
        sizes.append(len(data))
        c_times: list[float] = []
        py_times: list[float] = []
        # Interleaved rounds, so background load falls on both alike; timeit's autorange would
        # take a quarter of an hour over all the pages.
        for _ in range(ROUNDS):
            if c_check is not None:
                start = time.perf_counter()
                for _ in range(C_CALLS):
                    c_check(data, MAX_ATTRIBUTES)
                c_times.append((time.perf_counter() - start) / C_CALLS)
            start = time.perf_counter()
            _attributes.py_attributes_over(text, MAX_ATTRIBUTES)
            py_times.append(time.perf_counter() - start)
        py_ms.append(statistics.median(py_times) * 1e3)
        if c_times:
            c_ms.append(statistics.median(c_times) * 1e3)
    print(
        f"{len(paths)} pages, median {statistics.median(sizes) / 1e3:.0f} KB, mean {statistics.mean(sizes) / 1e3:.0f} KB"
    )
    print("check    median ms/page  mean ms/page")
    for name, values in (("C", c_ms), ("Python", py_ms)):
        if values:
            print(f"{name:8s} {statistics.median(values):14.4f} {statistics.mean(values):13.4f}")

    if options.no_hostile:
        return
    print("\nparse_html on hostile pages (CPU seconds)")
    for name, page in hostile_pages().items():
        start = time.process_time()
        try:
            parse_html(page)
            outcome = "parsed"
        except ParseError as error:
            outcome = f"ParseError: {str(error)[:50]}"
        print(f"{name:34s} {len(page) / 1e6:5.1f} MB {time.process_time() - start:8.3f} s  {outcome}")


if __name__ == "__main__":
    main()
