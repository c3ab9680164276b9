"""Who cannot be a party to an act: a news outlet is a reporter, not a signatory.

An outlet (CAMEO role MED: "Russian state media", "Xinhua", "Iranian state television") speaks:
it reports, comments, praises, criticises, appeals, accuses. When the reading makes it the source
of a material or diplomatic act ("Russian state media signed a cooperation deal", an agency's
dateline taken as the subject of "ended a defence accord", "state television protested") or the
partner of a cooperation ("Minsk signed the accord with Russian state media"), the outlet stands
where the article's real party or its credit line stands: an outlet's act that is not speech is
dropped, and an outlet as partner gives way to its country. Force, threats and coercion aimed at
an outlet stay ("fired a missile towards South Korean media").
"""

from __future__ import annotations

import dataclasses

from pactwatch.nlp.grammar.words import word_sequence
from pactwatch.records import Event

OUTLET_ROLE = "MED"
SPEECH_CODES = word_sequence("outlet_speech_codes")  # what an outlet can do: code prefixes
COOPERATION_CODES = word_sequence("cooperation_codes")  # what nobody does with an outlet as partner


def _is_outlet(code: str) -> bool:
    return code[3:6] == OUTLET_ROLE


def outlet_misread(event: Event) -> bool:
    """Whether an outlet is the source of an act that is not speech (the event is dropped)."""
    return _is_outlet(event.source) and not event.cameo_code.startswith(SPEECH_CODES)


def outlet_partner(event: Event) -> bool:
    """Whether an outlet is the partner of a cooperation (its country is the partner instead)."""
    return _is_outlet(event.target) and event.cameo_code.startswith(COOPERATION_CODES)


def without_outlet_parties(events: list[Event]) -> list[Event]:
    """Drop outlets' non-speech acts; an outlet as partner of a cooperation gives way to its country,
    whose act it reported ("Putin signed ..., and North Korean state media reported that Kim had
    signed" is Russia's signing with North Korea), unless that event is already there."""
    kept: list[Event] = []
    seen = set()
    for event in events:
        if outlet_misread(event):
            continue
        if outlet_partner(event):
            event = dataclasses.replace(event, target=event.target[:3])
        key = (event.source, event.target, event.cameo_code, event.start)
        if key not in seen:
            seen.add(key)
            kept.append(event)
    return kept
