"""Scoring of article extraction: body text overlap and publication-date accuracy.

Body scoring follows the Zyte/scrapinghub article-extraction benchmark so our figures can be
set beside its published table: text is cut into ``\\w+`` tokens, grouped into overlapping
4-token shingles, and each page gets true/false positive and false negative counts over the
shingle multisets, normalised so long pages weigh no more than short ones. Precision and recall
are averaged over pages and F1 is taken from those two means. ``ngram=1`` gives the plain
token-multiset variant.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Overlap:
    """Shares of true positives, false positives and false negatives for one page (sum 1)."""

    tp: float
    fp: float
    fn: float


@dataclass(frozen=True)
class BodyScore:
    precision: float
    recall: float
    f1: float
    pages: int


def shingles(text: str, ngram: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of ``ngram``-token shingles; a text shorter than ``ngram`` is one shingle."""
    tokens = _WORD.findall(text or "")
    count = max(1, len(tokens) - ngram + 1)
    return Counter(tuple(tokens[i : i + ngram]) for i in range(count) if tokens[i : i + ngram])


def overlap(truth: str, predicted: str, ngram: int = 4) -> Overlap:
    gold, guess = shingles(truth, ngram), shingles(predicted, ngram)
    tp = sum((gold & guess).values())
    fp = sum((guess - gold).values())
    fn = sum((gold - guess).values())
    total = tp + fp + fn
    if total == 0:
        return Overlap(0.0, 0.0, 0.0)
    return Overlap(tp / total, fp / total, fn / total)


def _precision(o: Overlap) -> float:
    if o.fp == 0 and o.fn == 0:
        return 1.0
    return o.tp / (o.tp + o.fp) if o.tp + o.fp else 0.0


def _recall(o: Overlap) -> float:
    if o.fp == 0 and o.fn == 0:
        return 1.0
    return o.tp / (o.tp + o.fn) if o.tp + o.fn else 0.0


def body_score(overlaps: Iterable[Overlap]) -> BodyScore:
    """Mean precision and recall over pages (pages with nothing to score are left out)."""
    items = list(overlaps)
    precisions = [_precision(o) for o in items if o.tp + o.fp > 0]
    recalls = [_recall(o) for o in items if o.tp + o.fn > 0]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return BodyScore(p, r, f1, len(items))


# --- the two public test sets -------------------------------------------------------------


@dataclass(frozen=True)
class BodyCase:
    key: str
    url: str | None
    html: bytes
    body: str


@dataclass(frozen=True)
class DateCase:
    url: str
    html: bytes
    date: date


def scrapinghub_cases(folder: Path) -> Iterator[BodyCase]:
    """Pages of the scrapinghub benchmark (``html/<id>.html.gz`` + ``ground-truth.json``)."""
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        yield BodyCase(key, truth[key].get("url"), html, truth[key].get("articleBody", ""))


def htmldate_cases(folder: Path) -> Iterator[DateCase]:
    """Pages of the htmldate news evaluation set with their reviewed publication date."""
    truth = json.loads((folder / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    for url in sorted(truth):
        entry = truth[url]
        path = folder / "test_set" / f"{entry['file']}.gz"
        # a few entries have no reviewed date (NaN in the file) or no page: nothing to score
        if not isinstance(entry.get("date"), str) or not path.exists():
            continue
        yield DateCase(url, gzip.decompress(path.read_bytes()), date.fromisoformat(entry["date"]))


def date_accuracy(pairs: Iterable[tuple[date | None, date]]) -> float:
    """Share of pages whose predicted date (date part only) equals the reviewed one."""
    items = list(pairs)
    if not items:
        return 0.0
    return sum(1 for guess, truth in items if guess == truth) / len(items)
