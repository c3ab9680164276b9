"""Quality floors for commitment extraction, scored by ``pactwatch eval``'s own scoring function.

Two development sets, so that a change tuned to one shows on the other:
- news-dev (``shared/testdata/news-dev``, 36 real articles, 40 commitments);
- the bundled examples (``examples/labels.jsonl``, 23 project-written articles in four input
  formats, 41 commitments), labelled from the text before the system's output was read.

Measured when pinned (2026-11-29, second session): seed P = R = 1.0; news-dev P 0.975, R 0.975,
F1 0.975 (39 of 40, 40 predicted); examples P 1.000, R 0.976, F1 0.988 (40 of 41, 40 predicted).
First session: examples P 1.000 R 0.780 F1 0.877; before that news-dev P 0.941 R 0.800 F1 0.865,
examples P 0.520 R 0.289 F1 0.371. The floors sit a
little below, so a change that loses a commitment or two still passes and a regression fails.

Since 2026-12-03 (GOLD.md) a match needs parties, kind and event only, and dates are scored apart
over matched pairs whose gold has a date (within a day; undated = wrong): identity figures were
unchanged (news-dev 0.975, examples 0.988); date accuracy measured news-dev 0.958 = 23/24,
examples 0.783 = 18/23; floors two items below (21/24, 16/23).
"""

from __future__ import annotations

from pathlib import Path

from pactwatch.eval.gold_run import evaluate_gold
from tests.conftest import require_shared

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "labels.jsonl"


def test_seed_commitments_are_exact():
    labels = require_shared("formats", "seed.labels.jsonl")
    scores = evaluate_gold(labels, parts=("commitments",))["summary"]["commitments"]
    assert (scores["tp"], scores["predicted"], scores["gold"]) == (2, 2, 2)


def test_news_dev_commitment_floor():
    labels = require_shared("testdata", "news-dev", "labels.jsonl")
    scores = evaluate_gold(labels, parts=("commitments",))["summary"]["commitments"]
    assert scores["gold"] == 40
    assert scores["precision"] >= 0.94, scores
    assert scores["recall"] >= 0.94, scores
    assert scores["f1"] >= 0.94, scores
    assert scores["dated_pairs"] >= 22 and scores["date_accuracy"] >= 0.87, scores


def test_examples_commitment_floor():
    report = evaluate_gold(EXAMPLES, parts=("commitments",))
    assert report["read_failures"] == 0  # every file, JSONL line and WARC record (file#N) is found
    scores = report["summary"]["commitments"]
    assert scores["gold"] == 41
    assert scores["precision"] >= 0.97, scores
    assert scores["recall"] >= 0.92, scores
    assert scores["f1"] >= 0.95, scores
    assert scores["dated_pairs"] >= 21 and scores["date_accuracy"] >= 0.69, scores
