"""Event-coding floors on shared gold material.

Gold events are matched in their evidence (GOLD.md: the predicted event's sentence is the gold
evidence's sentence or covers half of its words). Measured 2026-12-03 on the eval branch point
(40362b8): news-dev 0.664 = 75/113 in sentence (0.788 = 89/113 under the earlier article-level
rule), examples 0.784 = 40/51 (0.824 = 42/51), news-dev-2 0.318 = 28/88 (0.443 = 39/88). The
floors sit three items below (72/113, 37/51, 25/88), so an honest one-item change passes. PETRARCH
unit tests 0.772, PLOVER 0.714, CAMEO examples 0.809 (their own measures, unchanged)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from tests.conftest import require_shared


@pytest.fixture(scope="module")
def nlp():
    from pactwatch.nlp.pipeline import load_spacy

    return load_spacy()


def test_seed_events_found_with_directions(seed_path):
    from pactwatch.ingest.reader import read_all
    from pactwatch.nlp.pipeline import Annotator

    article = next(iter(read_all([str(seed_path)])))
    events = Annotator().annotate(article).events
    found = {(e.source[:3], e.target[:3], e.root_code) for e in events}
    labels = json.loads(require_shared("formats", "seed.labels.jsonl").read_text().splitlines()[0])
    for gold in labels["events"]:
        assert (gold["source"][:3], gold["target"][:3], gold["cameo_root"]) in found, gold
    assert {("RUSGOV", "PRKGOV", "057"), ("PRKGOV", "RUSGOV", "057")} <= {
        (e.source, e.target, e.cameo_code) for e in events}
    # related headlines are not part of the body and give nothing
    assert not any("Rafah" in e.sentence or "Aegean" in e.sentence for e in events)
    assert all(e.date == date(2024, 6, 19) for e in events)


@pytest.mark.parametrize("folder, gold_events, floor", [
    (("testdata", "news-dev"), 113, 0.635),
    (("testdata", "news-dev-2"), 88, 0.28),
])
def test_shared_root_recall_in_sentence(folder, gold_events, floor):
    from pactwatch.eval.gold_run import evaluate_gold

    labels = require_shared(*folder, "labels.jsonl")
    events = evaluate_gold(labels, parts=("events",))["summary"]["events"]
    assert events["gold"] == gold_events
    assert events["recall_root"] >= floor, events
    assert events["article_recall_root"] >= events["recall_root"]  # the sentence can only take matches away


def test_petrarch_unit_records_floor(nlp):
    from pactwatch.eval.petrarch import evaluate_petrarch

    folder = require_shared("testdata", "events", "gold", "petrarch_unittest")
    result = evaluate_petrarch(folder / "PETR.UnitTest.records.xml",
                               [folder / "PETR.Validate.actors.txt", folder / "PETR.Validate.agents.txt"],
                               [folder / "PETR.Validate.verbs.txt"], nlp=nlp)
    assert result["expected"] > 300
    assert result["accuracy"] >= 0.75


def test_plover_floor(nlp):
    from pactwatch.eval.plover import evaluate_plover

    result = evaluate_plover(require_shared("testdata", "events", "gold", "PLOVER_GSR_CAMEO.txt"), nlp=nlp)
    assert result["records"] > 300
    assert result["accuracy"] >= 0.71


def test_cameo_examples_floor(nlp):
    from pactwatch.eval.cameo_examples import evaluate_cameo_examples

    result = evaluate_cameo_examples(require_shared("testdata", "events", "codebook", "cameo_codes.json"), nlp=nlp)
    assert result["examples"] > 150
    assert result["root_accuracy"] >= 0.80


def test_examples_root_recall_floor():
    """The project's own example articles (examples/, in the repo) are a second gold set the coder
    was not tuned on; measured 0.784 (40/51) root recall in sentence (0.824 = 42/51 article-level)."""
    from pathlib import Path

    from pactwatch.eval.gold_run import evaluate_gold

    labels = Path(__file__).resolve().parents[2] / "examples" / "labels.jsonl"
    result = evaluate_gold(labels, parts=("events",))
    events = result["summary"]["events"]
    assert events["gold"] == 51
    assert events["recall_root"] >= 0.72


def test_news_dev_event_precision_from_review_floor():
    """Reviewed event precision on news-dev (matched + judged right over predicted): 0.556 when a
    joint act is coded once; the floor sits a little below it."""
    from pathlib import Path

    from pactwatch.eval.gold_run import evaluate_gold
    from pactwatch.eval.review import review

    labels = require_shared("testdata", "news-dev", "labels.jsonl")
    report = evaluate_gold(labels, parts=("events",))
    reviewed = Path(__file__).resolve().parents[2] / "reviews" / "news-dev.tsv"
    events = review(report, reviewed, write=False)["precision"]["event"]
    assert events["unreviewed_share"] <= 0.02, events
    assert events["precision"] >= 0.53, events
