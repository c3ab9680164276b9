"""Which date a commitment step takes: the references the shared date component found in its
sentence (``pactwatch.nlp.grammar.dates``, ``doc._.dates``), chosen by the step's clause.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pactwatch.nlp.grammar.dates import dates_of
from pactwatch.nlp.grammar.words import words

SAME_DAY_MEASURES = words("same_day_measures")
REPORTED_ACT_NOUNS = words("reported_act_nouns")
YEAR_PREPS = words("year_preps")
RELATIVE_TIME_MARKS = words("relative_time_marks")


def clause_year(trigger: Any, covered: set[int]) -> int | None:
    """A bare year in the step's own clause ("agreed in 2013", "revised in 2019"), which the date
    reader leaves unresolved (year-only dates are null) but which still sets the step apart."""
    for token in trigger.sent if hasattr(trigger, "sent") else ():
        if token.shape_ == "dddd" and 1900 <= int(token.text) <= 2099 and token.dep_ == "pobj" \
                and token.head.lower_ in YEAR_PREPS \
                and (token.head.head.i == trigger.i or token.head.head.i in covered):
            return int(token.text)
    return None


def token_dates(sent: Any, on: date | None) -> list[tuple[int, date, bool]]:
    """(token index, date, explicit) for each resolvable date in the sentence."""
    return dates_of(sent.doc, on).in_tokens(sent.start, sent.end)


def date_for(trigger: Any, covered: set[int], dates: list[tuple[int, date, bool]], n_triggers: int) -> date | None:
    """The date attached to this trigger's statement; a sole trigger takes the sentence's date."""
    own = [d for d in dates if d[0] in covered]
    pool = own or (dates if n_triggers == 1 else [d for d in dates if trigger.doc[d[0]].head.dep_ == "ROOT"
                                                    or trigger.doc[d[0]].head.head.dep_ == "ROOT"])
    explicit = [d for d in pool if d[2]]
    chosen = explicit or pool
    return chosen[0][1] if chosen else None


def same_day_as(trigger: Any, dates: list[tuple[int, date, bool]], last: date | None) -> date | None:
    """"The announcement came just hours after the OECD approved Colombia": a step told as hours
    or moments before or after the act the article last dated (the main clause's subject names
    that act) took place on that act's day. A sentence with a date of its own keeps it."""
    if dates or last is None:
        return None
    if trigger.dep_ == "advcl":
        marker = next((c for c in trigger.children if c.dep_ == "mark" and c.lower_ in RELATIVE_TIME_MARKS), None)
        measured, governor = trigger, trigger.head
    elif trigger.dep_ == "pobj" and trigger.head.lower_ in RELATIVE_TIME_MARKS:
        marker, measured, governor = trigger.head, trigger.head, trigger.head.head
    else:
        return None
    if marker is None:
        return None
    measures = [c for t in (measured, governor, marker) for c in t.children if c.dep_ in ("npadvmod", "advmod")]
    if not any(c.lemma_.lower() in SAME_DAY_MEASURES for c in measures):
        return None
    subject = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return last if subject is not None and subject.lemma_.lower() in REPORTED_ACT_NOUNS else None
