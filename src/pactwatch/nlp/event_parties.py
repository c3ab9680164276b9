"""Who cannot be a party to an act: a news outlet is a reporter, not a signatory.

An outlet (CAMEO role MED: "Russian state media", "Xinhua", "Iranian state television") speaks:
it reports, comments, praises, criticises, appeals, accuses. When the reading makes it the source
of a material or diplomatic act ("Russian state media signed a cooperation deal", an agency's
dateline taken as the subject of "ended a defence accord", "state television protested") or the
partner of a cooperation ("Minsk signed the accord with Russian state media"), the outlet stands
where the article's real party or its credit line stands, and the event is dropped. Force, threats
and coercion aimed at an outlet stay ("fired a missile towards South Korean media").
"""

from __future__ import annotations

from pactwatch.nlp.grammar.words import word_sequence
from pactwatch.records import Event

OUTLET_ROLE = "MED"
SPEECH_CODES = word_sequence("outlet_speech_codes")  # what an outlet can do: code prefixes
COOPERATION_CODES = word_sequence("cooperation_codes")  # what nobody does with an outlet as partner


def _is_outlet(code: str) -> bool:
    return code[3:6] == OUTLET_ROLE


def outlet_misread(event: Event) -> bool:
    """Whether an outlet is the source of an act that is not speech, or the partner of a cooperation."""
    if _is_outlet(event.source) and not event.cameo_code.startswith(SPEECH_CODES):
        return True
    return _is_outlet(event.target) and event.cameo_code.startswith(COOPERATION_CODES)


def without_outlet_parties(events: list[Event]) -> list[Event]:
    return [e for e in events if not outlet_misread(e)]
