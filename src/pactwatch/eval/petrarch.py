"""Scoring the event coder on PETRARCH's unit-test records with their own dictionaries.

Each ``<Sentence>`` in the records file gives its text and the expected codings (source, target,
event code). The sentence is parsed with spaCy, actors come from the given Phoenix-format actor
and agent files, and events from the given verb dictionaries only (our own lexicon is off, since
the validation dictionaries use their own codes). The figure is the share of expected codings
found exactly (source, target and code all equal).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any


def read_records(xml_path: Path) -> list[dict[str, Any]]:
    """Sentence records: id, category, text, expected [(source, target, code)], noevents flag."""
    root = ET.parse(xml_path).getroot()
    records = []
    for sentence in root.iter("Sentence"):
        text_node = sentence.find("Text")
        if text_node is None or not (text_node.text or "").strip():
            continue
        expected = []
        noevents = False
        for coding in sentence.findall("EventCoding"):
            attrs = {k.strip(): v.strip().strip('"') for k, v in coding.attrib.items()}
            if attrs.get("noevents"):
                noevents = True
            elif attrs.get("eventcode"):
                expected.append((attrs.get("sourcecode", ""), attrs.get("targetcode", ""), attrs["eventcode"]))
        stamp = (sentence.get("date") or "").strip()
        records.append({
            "id": sentence.get("id"), "category": sentence.get("category"),
            "date": _record_date(stamp),
            "text": " ".join((text_node.text or "").split()), "expected": expected, "noevents": noevents,
        })
    return records


def _record_date(stamp: str) -> date | None:
    """``19950101`` -> 1995-01-01 (the actor dictionaries' dated codes depend on it)."""
    try:
        return date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8])) if len(stamp) == 8 else None
    except ValueError:
        return None


def evaluate_petrarch(xml_path: Path, actor_files: Sequence[Path], verb_files: Sequence[Path],
                      nlp: Any = None) -> dict[str, Any]:
    from pactwatch.nlp.actor_tables import ActorTables
    from pactwatch.nlp.actors import find_mentions
    from pactwatch.nlp.event_lexicon import EventLexicon
    from pactwatch.nlp.events import code_events
    from pactwatch.nlp.pipeline import load_spacy

    nlp = nlp or load_spacy()
    tables = ActorTables.load(dictionaries=[Path(p) for p in actor_files])
    lexicon = EventLexicon.load(verb_dictionaries=[Path(p) for p in verb_files], use_own=False)
    records = read_records(Path(xml_path))
    expected_total = found = predicted_total = 0
    noevent_total = noevent_clean = 0
    details = []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records)):
        on = record["date"]
        events = code_events(doc, find_mentions(doc, tables, on), lexicon, on)
        predicted = {(e.source, e.target, e.cameo_code) for e in events}
        predicted_total += len(predicted)
        hits = [c for c in record["expected"] if c in predicted]
        expected_total += len(record["expected"])
        found += len(hits)
        if record["noevents"]:
            noevent_total += 1
            noevent_clean += not predicted
        details.append({"id": record["id"], "category": record["category"], "expected": record["expected"],
                        "predicted": sorted(predicted), "matched": len(hits)})
    problems = [f"{d.path}:{line}: {msg}" for d in lexicon.petrarch for line, msg in d.problems]
    return {
        "sentences": len(records),
        "expected": expected_total,
        "matched": found,
        "accuracy": found / expected_total if expected_total else 0.0,
        "predicted": predicted_total,
        "noevent_sentences": noevent_total,
        "noevent_clean": noevent_clean,
        "dictionary_problems": problems,
        "details": details,
    }
