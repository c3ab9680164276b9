"""Scoring root-code accuracy on the example sentences of the CAMEO codebook.

Each example sentence illustrates one CAMEO code. We code it with our own lexicon and actor
tables and count it correct when the first event's root code equals the example's root.
Sentences with no coded event count as wrong; ``any_root_accuracy`` also reports the share
where any coded event has the right root.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def read_examples(path: Path) -> list[tuple[str, str]]:
    """(code, sentence) for every example in the codebook JSON."""
    codebook = json.loads(Path(path).read_text(encoding="utf-8"))
    return [(code, sentence) for code, entry in codebook.items() for sentence in entry.get("examples", [])
            if sentence.strip()]


def evaluate_cameo_examples(path: Path, nlp: Any = None) -> dict[str, Any]:
    from pactwatch.nlp.event_lexicon import EventLexicon
    from pactwatch.nlp.events import code_events
    from pactwatch.nlp.pipeline import load_spacy

    nlp = nlp or load_spacy()
    lexicon = EventLexicon.load()
    examples = read_examples(Path(path))
    first_ok = any_ok = coded = 0
    by_root: dict[str, list[int]] = {}
    details = []
    for (code, sentence), doc in zip(examples, nlp.pipe(s for _, s in examples), strict=True):
        events = code_events(doc, doc._.mentions, lexicon, None)  # the actor component, no article day
        root = code[:2]
        first = events[0].root_code if events else None
        hit = first == root
        coded += bool(events)
        first_ok += hit
        any_ok += any(e.root_code == root for e in events)
        by_root.setdefault(root, [0, 0])
        by_root[root][0] += hit
        by_root[root][1] += 1
        details.append({"code": code, "sentence": sentence, "predicted": [e.cameo_code for e in events]})
    n = len(examples) or 1
    return {
        "examples": len(examples),
        "coded": coded,
        "root_accuracy": first_ok / n,
        "any_root_accuracy": any_ok / n,
        "by_root": {r: v[0] / v[1] for r, v in sorted(by_root.items())},
        "details": details,
    }
