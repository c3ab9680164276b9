"""Event-coding floors on shared gold material. Floors sit just under what was measured
(news-dev 0.788 = 89/113 with 246 predicted events, PETRARCH unit tests 0.772, PLOVER 0.714,
CAMEO examples 0.809); the project's goals (0.75 / 0.70 / 0.70 / 0.80) are met."""

from __future__ import annotations

import json
import re
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


def test_news_dev_root_recall(nlp):
    from pactwatch.nlp.actor_tables import ActorTables
    from pactwatch.nlp.actors import find_mentions
    from pactwatch.nlp.event_lexicon import EventLexicon
    from pactwatch.nlp.events import code_events

    folder = require_shared("testdata", "news-dev")
    tables, lexicon = ActorTables.load(), EventLexicon.load()
    total = hit = 0
    for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        _, _, body = (folder / record["file"]).read_text(encoding="utf-8").partition("\n\n")
        body = "\n\n".join(p.strip() for p in re.split(r"\n\s*\n", body) if p.strip())
        on = date.fromisoformat(record["published"][:10]) if record["published"] else None
        doc = nlp(body)
        events = code_events(doc, find_mentions(doc, tables, on), lexicon, on)
        keys = {(e.source[:3], e.target[:3], e.root_code) for e in events}
        for gold in record["events"]:
            total += 1
            hit += (gold["source"][:3], gold["target"][:3], gold["cameo_root"]) in keys
    assert total == 113
    assert hit / total >= 0.785


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
    was not tuned on; measured 0.824 (42/51) root recall."""
    from pathlib import Path

    from pactwatch.eval.gold_run import evaluate_gold

    labels = Path(__file__).resolve().parents[2] / "examples" / "labels.jsonl"
    result = evaluate_gold(labels, parts=("events",))
    events = result["summary"]["events"]
    assert events["gold"] == 51
    assert events["recall_root"] >= 0.82
