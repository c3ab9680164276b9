"""PETRARCH-style coding with users' verb dictionaries (``pactwatch.nlp.petrarch_verbs``).

Called once per document from ``pactwatch.nlp.events.code_events``; events that our own lexicon
already coded for the same sentence and actor pair are not repeated.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from pactwatch.nlp.event_lexicon import EventLexicon, LexEntry
from pactwatch.nlp.types import Event, Mention


def code_petrarch_events(doc: Any, mentions: list[Mention], lexicon: EventLexicon, on: date | None,
                         coded: list[Event]) -> list[Event]:
    """Events from the PETRARCH dictionaries in ``lexicon`` not already in ``coded``."""
    if not lexicon.petrarch or not mentions:
        return []
    from pactwatch.nlp.events import _SentenceCoder, _token_owners  # transitional

    owner = _token_owners(doc, mentions)
    done = {(e.start, e.source, e.target) for e in coded}
    out: list[Event] = []
    seen: set[tuple[int, str, str, str]] = set()
    for sent in doc.sents:
        if not any(i in owner for i in range(sent.start, sent.end)):
            continue
        coder = _SentenceCoder(doc, sent, owner, lexicon, on, mentions)
        for verb in sent:
            if verb.pos_ not in ("VERB", "AUX"):
                continue
            for event in _code_verb(coder, verb):
                key = (event.start, event.source, event.target, event.cameo_code)
                if key in seen or key[:3] in done:
                    continue
                seen.add(key)
                out.append(event)
    return out


def _code_verb(coder: Any, verb: Any) -> list[Event]:
    from pactwatch.nlp.petrarch_verbs import match_verb

    sent, owner = coder.sent, coder.owner
    words = [t.text for t in sent]
    spans = _mention_spans(sent, owner)
    for dictionary in coder.lexicon.petrarch:
        hit = match_verb(dictionary, verb.lemma_.lower(), verb.i - sent.start, words, spans, verb.lower_)
        if hit is None:
            continue
        code, label, source_i, target_i = hit
        entry = LexEntry(lemma=verb.lemma_.lower(), code=code, pos="verb", flags=frozenset())
        state = coder.status(verb)
        if state in ("unreal",) or (state == "negated" and "not" not in label.lower()):
            return []
        sources = [owner[sent.start + source_i]] if source_i is not None else coder.subject_of(verb)[0]
        targets = [owner[sent.start + target_i]] if target_i is not None \
            else coder.targets_of(verb, entry, sources)
        if sources and not targets:  # PETRARCH codes a missing target as "---"
            targets = [Mention(verb.idx, verb.idx + len(verb), verb.text, "---", "none", "petrarch")]
        events = coder.pairs(verb, entry, code, sources, targets, verb)
        return [replace(e, matched=f"petrarch:{label}") for e in events]
    return []


def _mention_spans(sent: Any, owner: dict[int, Mention]) -> dict[int, int]:
    """Sentence-relative start token -> end token (exclusive) of each actor mention."""
    spans: dict[int, int] = {}
    i = sent.start
    while i < sent.end:
        mention = owner.get(i)
        if mention is None:
            i += 1
            continue
        j = i
        while j < sent.end and owner.get(j) is mention:
            j += 1
        spans[i - sent.start] = j - sent.start
        i = j
    return spans
