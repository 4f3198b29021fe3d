"""Benchmark: to_newsml / from_newsml on a seed-sized article against lxml's floor and IPTC's newsmlg2.

Run from the project root: ``PYTHONPATH=src python benchmarks/bench_newsml.py``. Every figure is
measured in this one run: the median time per call over several repeats, and its ratio to the
baselines. The lxml floor parses and serialises the very bytes to_newsml writes, with no model;
newsmlg2 (IPTC's reader, ``pip install newsmlg2``) reads the same bytes into its own objects.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

from lxml import etree

from newsmodel.formats.newsml import from_newsml, to_newsml
from newsmodel.model import Article, AuthorProfile, Emphasis, Link, Paragraph, Quote, Section, Subject
from timing import interleaved_medians

try:
    import NewsMLG2
except ImportError:  # pragma: no cover - the bench extra installs it
    NewsMLG2 = None


def seed_sized_article() -> Article:
    """10 sections of 4 paragraphs each, a quote in every other paragraph, links, emphasis, 2 authors."""
    sections = []
    for s in range(10):
        paragraphs = []
        for p in range(4):
            said = f"We will finish phase {s}.{p} before the winter"
            text = (
                f"Section {s}, paragraph {p}: the council met on Tuesday to discuss the budget for the "
                f"new bridge, the library and the harbour. “{said},” said the mayor, Ann Lee, adding that "
                "costs had risen by 12 percent since the spring and that residents would be consulted."
            )
            start = text.index(said)
            quotes = (
                (Quote(text=said, start=start, end=start + len(said), speaker="Ann Lee"),)
                if p % 2 == 0
                else ()
            )
            marks = (Link(start=27, end=34, href="https://example.org/council"), Emphasis(start=0, end=7))
            paragraphs.append(Paragraph(text=text, quotes=quotes, marks=marks))
        sections.append(Section(heading=f"Part {s + 1}", blocks=tuple(paragraphs)))
    return Article(
        headline="Council approves the new bridge after a long night",
        summary="Councillors voted 7–2 for the crossing; work starts in spring.",
        dateline="PORTMERE, March 4",
        language="en-GB",
        identifier="urn:newsml:example.org:20260304:bridge",
        published=datetime(2026, 3, 4, 8, 30, tzinfo=timezone.utc),
        modified=datetime(2026, 3, 4, 10, 10, tzinfo=timezone.utc),
        authors=(
            AuthorProfile(
                name="Jane Doe", role="City editor", organization="Example News", bio="Covers City Hall."
            ),
            AuthorProfile(name="Rui Costa", email="rui@example.org", url="https://example.org/rui"),
        ),
        subjects=(Subject(name="politics", code="medtop:11000000"),),
        sections=tuple(sections),
    )


def main() -> None:
    article = seed_sized_article()
    data = to_newsml(article)
    assert from_newsml(data) == article
    parser = etree.XMLParser(resolve_entities=False, no_network=True)

    def lxml_floor() -> bytes:
        return etree.tostring(etree.fromstring(data, parser))

    def newsmlg2_read() -> object:
        document = NewsMLG2.NewsMLG2Document(data)
        return document.get_item().contentmeta.headline

    calls: dict[str, Callable[[], object]] = {
        "to_newsml": lambda: to_newsml(article),
        "from_newsml": lambda: from_newsml(data),
        "round trip (to + from)": lambda: from_newsml(to_newsml(article)),
        "lxml floor (parse + serialise)": lxml_floor,
        # Not a competitor: what building the same Article costs with no XML at all (model validation).
        "model only (build the Article)": seed_sized_article,
    }
    if NewsMLG2 is not None:
        calls["newsmlg2 read"] = newsmlg2_read
    timings = interleaved_medians(calls, rounds=31)
    floor = timings["lxml floor (parse + serialise)"]
    reader = timings.get("newsmlg2 read")
    paragraphs = sum(len(s.blocks) for s in article.sections)
    print(
        f"article: {len(article.sections)} sections, {paragraphs} paragraphs, {len(article.quotes)} quotes, "
        f"{len(article.authors)} authors; NewsML-G2 document: {len(data):,} bytes"
    )
    print(f"{'operation':<32} {'median ms':>10} {'x lxml floor':>13} {'x newsmlg2':>11}")
    for name, seconds in timings.items():
        versus_reader = f"{seconds / reader:>11.2f}" if reader else f"{'n/a':>11}"
        print(f"{name:<32} {seconds * 1000:>10.3f} {seconds / floor:>13.2f} {versus_reader}")
    if reader:
        print(f"\nfrom_newsml is {reader / timings['from_newsml']:.1f}x faster than newsmlg2 (target: > 1)")
    print(f"round trip is {timings['round trip (to + from)'] / floor:.2f}x the lxml floor (target: <= 4)")


if __name__ == "__main__":
    main()
