"""Extraction benchmark: pactwatch's HTML reader against trafilatura alone, in one run.

    .venv/bin/python bench/extraction.py [--shared ../shared]

Prints body F1 (scrapinghub benchmark scoring: 4-token shingles, and plain token multisets),
publication-date accuracy (htmldate news set) and pages per second, with ratios.
Goals: F1 >= 0.96, date accuracy >= 0.92, speed >= 0.9x trafilatura alone.
"""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path

import trafilatura

from pactwatch.eval.extraction import (
    body_score,
    date_accuracy,
    htmldate_cases,
    overlap,
    scrapinghub_cases,
)
from pactwatch.ingest import Article
from pactwatch.ingest.html import parse_html
from pactwatch.ingest.reader import article_from_html
from pactwatch.ingest.sources import decode

ROOT = Path(__file__).resolve().parents[1]


def _as_date(value: object) -> date | None:
    if value is None:
        return None
    if hasattr(value, "date"):
        return value.date()  # type: ignore[no-any-return]
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def pactwatch_page(html: str, url: str | None) -> tuple[str, date | None]:
    """The whole HTML reader: extraction, dates, cleaning and language detection."""
    item = article_from_html(html, "bench", url)
    if not isinstance(item, Article):
        # a page refused as "no article text" still has the date the reader found on it
        return "", _as_date(parse_html(html, url).published)
    return item.body, _as_date(item.published)


def trafilatura_page(html: str, url: str | None) -> tuple[str, date | None]:
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return "", None
    return doc.text or "", _as_date(doc.date)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT / ".." / "shared")
    args = parser.parse_args()
    folder = args.shared / "testdata" / "extraction"
    bodies = [(c, decode(c.html)) for c in scrapinghub_cases(folder / "scrapinghub")]
    dates = [(c, decode(c.html)) for c in htmldate_cases(folder / "htmldate-news")]
    systems = {"pactwatch": pactwatch_page, "trafilatura": trafilatura_page}
    for extract in systems.values():  # warm up imports and caches outside the timing
        extract(bodies[0][1], bodies[0][0].url)
    # Systems run page by page in turn, each call timed on its own, so that warm-up, caches
    # and machine load fall on both alike.
    rows = {name: {"seconds": 0.0, "shingle": [], "token": [], "pairs": []} for name in systems}
    for case, html in bodies:
        for name, extract in systems.items():
            start = time.perf_counter()
            text, _ = extract(html, case.url)
            rows[name]["seconds"] += time.perf_counter() - start
            rows[name]["shingle"].append(overlap(case.body, text))
            rows[name]["token"].append(overlap(case.body, text, ngram=1))
    for dcase, html in dates:
        for name, extract in systems.items():
            start = time.perf_counter()
            _, found = extract(html, dcase.url)
            rows[name]["seconds"] += time.perf_counter() - start
            rows[name]["pairs"].append((found, dcase.date))
    figures = {
        name: {
            "f1": body_score(row["shingle"]).f1,
            "f1_tokens": body_score(row["token"]).f1,
            "date": date_accuracy(row["pairs"]),
            "pps": (len(bodies) + len(dates)) / row["seconds"],
        }
        for name, row in rows.items()
    }
    mine, base = figures["pactwatch"], figures["trafilatura"]
    print(f"pages: {len(bodies)} body (scrapinghub), {len(dates)} date (htmldate news)")
    print(f"{'':22}{'pactwatch':>12}{'trafilatura':>13}{'ratio':>8}{'goal':>8}")
    for key, label, goal in (
        ("f1", "body F1 (4-shingles)", "0.96"),
        ("f1_tokens", "body F1 (tokens)", ""),
        ("date", "date accuracy", "0.92"),
        ("pps", "pages per second", "0.9x"),
    ):
        ratio = mine[key] / base[key] if base[key] else float("nan")
        print(f"{label:22}{mine[key]:12.3f}{base[key]:13.3f}{ratio:8.2f}{goal:>8}")


if __name__ == "__main__":
    main()
