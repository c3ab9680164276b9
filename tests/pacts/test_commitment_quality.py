"""Quality floors for commitment extraction, scored by ``pactwatch eval``'s own scoring function.

Measured when pinned (2026-11-29): seed P = R = 1.0; news-dev P 0.941, R 0.800, F1 0.865
(32 of 40 gold commitments, 34 predicted). The floors sit a little below, so a change that
loses a few commitments fails here.
"""

from __future__ import annotations

from tests.conftest import require_shared

from pactwatch.eval.gold_run import evaluate_gold


def test_seed_commitments_are_exact():
    labels = require_shared("formats", "seed.labels.jsonl")
    scores = evaluate_gold(labels, parts=("commitments",))["summary"]["commitments"]
    assert (scores["tp"], scores["predicted"], scores["gold"]) == (2, 2, 2)


def test_news_dev_commitment_floor():
    labels = require_shared("testdata", "news-dev", "labels.jsonl")
    scores = evaluate_gold(labels, parts=("commitments",))["summary"]["commitments"]
    assert scores["gold"] == 40
    assert scores["precision"] >= 0.88, scores
    assert scores["recall"] >= 0.75, scores
    assert scores["f1"] >= 0.82, scores
