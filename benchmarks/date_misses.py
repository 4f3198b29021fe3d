"""Every WCXB page whose published date misses the ground truth, with where each date came from.

For each miss: our ``published`` / ``modified``, the truth, trafilatura's date (with
``--trafilatura``), the date each of our sources gives (markup, the date shown near the headline,
a labelled date, the URL), and where the truth's calendar day is written in the page (JSON-LD,
another script, a meta element, a ``<time>`` attribute, visible text, the URL). Misses are then
put in classes (the truth is our ``modified``; the truth is not on the page; the same instant on
another zone's calendar day; ...) with counts for the tuning and held-out splits.

    PYTHONPATH=src python benchmarks/date_misses.py [--trafilatura] [--limit N] > misses.txt
"""

from __future__ import annotations

import argparse
import re
import sys
import warnings
from datetime import date, datetime, timedelta, timezone

from bench_extraction import Page, load_wcxb
from newsmodel.errors import NewsModelError
from newsmodel.parse import page_dates
from newsmodel.parse.headline import find_headline, site_names
from newsmodel.parse.html import _PAGE_PARSER, MAX_PAGE_SIZE, _load, parse_html
from newsmodel.parse.metadata import _url
from newsmodel.parse.page_sources import PageSources, text_window
from newsmodel.parse.web_dates import date_in_url

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _spellings(day: date) -> list[str]:
    month = _MONTHS[day.month - 1]
    return [
        day.isoformat(),
        f"{month} {day.day}, {day.year}",
        f"{month} {day.day:02d}, {day.year}",
        f"{month[:3]} {day.day}, {day.year}",
        f"{month[:3]}. {day.day}, {day.year}",
        f"{day.day} {month} {day.year}",
        f"{day.day} {month[:3]} {day.year}",
        f"{day.month:02d}/{day.day:02d}/{day.year}",
        f"{day.month}/{day.day}/{day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day:02d}.{day.month:02d}.{day.year}",
        f"{day.year}/{day.month:02d}/{day.day:02d}",
    ]


def where_written(html: str, url: str | None, truth: str) -> list[str]:
    """Where the truth's day is written: jsonld, script, meta, time@, link, attr, text, url."""
    try:
        day = date.fromisoformat(truth[:10])
    except ValueError:
        return ["partial-truth"]
    found = set()
    pattern = re.compile("|".join(re.escape(s) for s in _spellings(day)), re.IGNORECASE)
    for match in pattern.finditer(html):
        before = html[max(0, match.start() - 400) : match.start()]
        opened, closed = before.rfind("<script"), before.rfind("</script")
        if opened > closed:
            found.add("jsonld" if "ld+json" in before[opened:] else "script")
            continue
        tag_start = before.rfind("<")
        if tag_start > before.rfind(">"):
            tag = before[tag_start : tag_start + 40]
            found.add("meta" if tag.startswith("<meta") else "time@" if tag.startswith("<time") else "attr")
        else:
            found.add("text")
    if url and re.search(rf"{day.year}[/-]0?{day.month}[/-]0?{day.day}\b", url):
        found.add("url")
    return sorted(found)


def _day(value: datetime | str | None) -> str | None:
    if value is None:
        return None
    return (value.isoformat() if isinstance(value, datetime) else value)[:10]


def sources(page: Page) -> dict[str, str | None]:
    """The date each of our sources gives for the page, before they are reconciled."""
    root = _load(page.html, MAX_PAGE_SIZE, _PAGE_PARSER)
    src = PageSources(root, page.url)
    _, headline = find_headline(src, site_names(src))
    window = text_window(src, headline)
    visible = page_dates._visible_dates(src, window)
    canonical = _url(src)
    return {
        "markup_published": _day(page_dates._published(src)[0]),
        "markup_modified": _day(page_dates._modified(src)[0]),
        "shown_published" if visible.published_shown else "near_published": _day(visible.published),
        "shown_modified" if visible.modified_shown else "near_modified": _day(visible.modified),
        "labelled": _day(page_dates._labelled_date(src, window)),
        "url": _day(date_in_url(canonical)) if canonical else None,
    }


def _same_instant_elsewhere(truth: str, ours: datetime | None) -> bool:
    """Whether our instant falls on the truth's calendar day in some real zone (UTC-12..+14)."""
    if ours is None or len(truth) < 10:
        return False
    instant = ours.astimezone(timezone.utc).replace(tzinfo=None)
    earliest = (instant - timedelta(hours=12)).date().isoformat()
    latest = (instant + timedelta(hours=14)).date().isoformat()
    return earliest <= truth[:10] <= latest


def classify(truth: str, published: datetime | None, modified: datetime | None, where: list[str]) -> str:
    if _day(modified) == truth[:10]:
        return "A truth is the page's update date (ours: modified)"
    if where == ["partial-truth"]:
        return "G truth is not a full date"
    if _same_instant_elsewhere(truth, published):
        return "C same instant, truth is another zone's calendar day"
    if not where or where == ["url"]:
        return "B truth's day is not written on the page"
    if published is None:
        return "D truth written on the page, we find no date"
    return "F we took another date the page states"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--trafilatura", action="store_true", help="also show trafilatura's date")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    classes: dict[str, list[str]] = {}
    totals = {"tuning": [0, 0], "held-out": [0, 0]}
    for page in load_wcxb(args.limit):
        if not page.date:
            continue
        try:
            article = parse_html(page.html, url=page.url)
            published, modified = article.published, article.modified
        except NewsModelError:
            published = modified = None
        split = "held-out" if page.held_out else "tuning"
        totals[split][0] += 1
        if _day(published) == page.date[:10]:
            totals[split][1] += 1
            continue
        theirs = ""
        if args.trafilatura:
            import trafilatura

            document = trafilatura.bare_extraction(page.html, url=page.url, with_metadata=True)
            theirs = f" trafilatura={_day(getattr(document, 'date', None))}"
        where = where_written(page.html, page.url, page.date)
        label = classify(page.date, published, modified, where)
        classes.setdefault(label, []).append(page.id + ("H" if page.held_out else ""))
        print(
            f"{page.id}{' H' if page.held_out else '  '} truth={page.date} published={_day(published)}"
            f" modified={_day(modified)}{theirs}\n     sources={sources(page)}\n"
            f"     truth written in={where} {page.url}\n     class={label[0]}"
        )
    print()
    for label in sorted(classes):
        print(f"{len(classes[label]):4d}  {label}: {' '.join(classes[label])}")
    for split, (pages, hits) in totals.items():
        print(f"{split}: {hits}/{pages} = {hits / max(1, pages):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
