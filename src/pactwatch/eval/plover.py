"""Scoring the event coder on the PLOVER gold-standard records (CAMEO manual examples).

Each record gives a sentence, its source actor(s) (country code, or CAMEO's IGO/NGO class for
organisations) and its PLOVER category. We code the sentence with our own lexicon, map each
event's CAMEO code to PLOVER with
``data/cameo/plover_map.tsv`` and score two things: the PLOVER category of the first event
(the record's category, in the 2016 names the records use) and its source country. A record
counts as correct when both agree with the first predicted event; records with no event count
as wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pactwatch.data import read_table


def plover_map() -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER 2021 category, 2016 category name)."""
    return {row["cameo_code"]: (row["plover"], row["plover_2016"]) for row in read_table("cameo/plover_map.tsv")}


def organisation_prefixes() -> dict[str, str]:
    """Our organisation code -> the first three letters of its CAMEO code ("UNO" -> "IGO").

    The PLOVER records code organisations by CAMEO's generic class (IGO, NGO), not by name, so a
    predicted organisation is compared by that class."""
    return {row["code"]: row["cameo"][:3] for row in read_table("actors/organisations.tsv") if row.get("cameo")}


def to_plover(code: str, table: dict[str, tuple[str, str]]) -> tuple[str, str]:
    probe = code
    while probe and probe not in table:
        probe = probe[:-1]
    return table.get(probe, ("", ""))


def read_records(path: Path) -> list[dict[str, Any]]:
    records = json.loads(Path(path).read_text(encoding="utf-8"))
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


def evaluate_plover(path: Path, nlp: Any = None) -> dict[str, Any]:
    from pactwatch.nlp.event_lexicon import EventLexicon
    from pactwatch.nlp.events import code_events
    from pactwatch.nlp.pipeline import load_spacy

    nlp = nlp or load_spacy()
    lexicon = EventLexicon.load()
    table = plover_map()
    org_class = organisation_prefixes()
    records = read_records(Path(path))
    category_ok = source_ok = both_ok = coded = 0
    details = []
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        events = code_events(doc, doc._.mentions, lexicon, None)  # the actor component, no article day
        gold_sources = {a.get("code", "")[:3] for a in record.get("source", []) if a.get("code")}
        first = events[0] if events else None
        category = to_plover(first.cameo_code, table)[1] if first else ""
        cat_hit = category == record["event"]
        src_hit = bool(first and ({first.source[:3], org_class.get(first.source, "")} & gold_sources))
        coded += first is not None
        category_ok += cat_hit
        source_ok += src_hit
        both_ok += cat_hit and src_hit
        details.append({"id": record["id"], "gold": record["event"], "gold_sources": sorted(gold_sources),
                        "predicted": category, "source": first.source if first else None,
                        "code": first.cameo_code if first else None})
    n = len(records) or 1
    return {
        "records": len(records),
        "coded": coded,
        "category_accuracy": category_ok / n,
        "source_accuracy": source_ok / n,
        "accuracy": both_ok / n,
        "details": details,
    }
