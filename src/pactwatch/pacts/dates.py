"""Which date a commitment step takes: the references the shared date component found in its
sentence (``pactwatch.nlp.grammar.dates``, ``doc._.dates``), chosen by the step's clause.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from pactwatch.nlp.doc_text import doc_sents
from pactwatch.nlp.grammar.dates import article_lead, dates_of, sentence_date
from pactwatch.nlp.grammar.words import words

SAME_DAY_MEASURES = words("same_day_measures")
REPORTED_ACT_NOUNS = words("reported_act_nouns")
YEAR_PREPS = words("year_preps")
RELATIVE_TIME_MARKS = words("relative_time_marks")
PERFECT = words("perfect_auxiliaries")
BACKGROUND_DEPS = words("background_clause_deps")
EFFECTIVE_OPENERS = sorted((tuple(w.split()) for w in words("effective_date_openers")), key=len, reverse=True)
LEAD_SENTENCES = 3  # the headline-like lead and its dateline or byline
NEWS_DAY_SPAN = 7  # a lead's day further back than a week before publication is not the day's news


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


def date_for(trigger: Any, covered: set[int], dates: list[tuple[int, date, bool]], n_triggers: int,
             own_only: bool = False) -> date | None:
    """The date attached to this trigger's statement; a sole trigger takes the sentence's date
    (not when ``own_only``: "Norway, a signatory of the treaty, said on Monday" dates the saying)."""
    own = [d for d in dates if d[0] in covered]
    main = [d for d in dates if trigger.doc[d[0]].head.dep_ == "ROOT" or trigger.doc[d[0]].head.head.dep_ == "ROOT"]
    pool = own if own_only else own or (dates if n_triggers == 1 else main)
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


def news_day(trigger: Any, sent: Any, on: date | None) -> date | None:
    """"Mali and Niger said on Sunday they were leaving ECOWAS. (...) The governments said their
    decision to withdraw took effect at once": a step told in the simple past, in a sentence with
    no time expression of any kind and not in a background clause (a relative or adverbial clause,
    the perfect), continues the article's news, which the lead dates: it takes the lead's day (a
    day at most a week before publication). A lead kept apart from the body (not parsed) tells the
    news of its own day, else of the publication day. A step of the lead itself, or after a lead
    with no day, stays undated; so do "have signed" with no date (news-dev's convention), "signed
    in 2014", "signed in September" and "which they signed", which are background."""
    if on is None or _has_time_expression(sent, on):
        return None
    node = trigger
    while True:  # the chain of clauses from the step up to the sentence's main verb
        infinitive = node.dep_ == "acl" and node.tag_ == "VB"  # "their decision to withdraw": the noun's content
        if node.dep_ in BACKGROUND_DEPS and not infinitive or any(
                c.dep_ == "aux" and c.lower_ in PERFECT for c in node.children):
            return None
        if node.head is node or node.dep_ == "ROOT":
            break
        node = node.head
    if node.tag_ != "VBD" and not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in node.children):
        return None  # the simple past, active or passive ("was ratified"); not the present or future
    apart = article_lead(sent.doc)
    if apart:
        told = sentence_date(apart, on)
        return told if told is not None and 0 <= (on - told).days <= NEWS_DAY_SPAN else on
    lead = doc_sents(sent.doc)[:LEAD_SENTENCES]
    if not lead or sent.start < lead[-1].end:
        return None  # a step of the lead itself has its own date or none
    found = dates_of(sent.doc, on).in_tokens(lead[0].start, lead[-1].end)
    days = [d for _, d, _ in found if 0 <= (on - d).days <= NEWS_DAY_SPAN]
    return days[0] if days else None


def _has_time_expression(sent: Any, on: date) -> bool:
    """Any date or time entity in the sentence, a day or a period ("in 2014", "last month")."""
    readings = dates_of(sent.doc, on)
    return bool(readings.in_tokens(sent.start, sent.end)) or any(
        sent.start <= i < sent.end for i in readings.entities) or any(
        t.shape_ == "dddd" and t.text[:2] in ("19", "20") for t in sent)


def effective_day(sent: Any, dates: list[tuple[int, date, bool]]) -> tuple[int, date] | None:
    """The date a declared step takes effect, by the words just before it ("effective from
    1 May", "with effect from 1 February", "as of March 1"): (its token, its day)."""
    doc = sent.doc
    for i, day, _ in dates:
        before = tuple(t.lower_ for t in doc[max(sent.start, i - 4):i])
        if any(before[-len(opener):] == opener for opener in EFFECTIVE_OPENERS):
            return i, day
    return None


def decided_exit(event: str, steps: set[str], sent: Any, dates: list[tuple[int, date, bool]],
                 when: date | None, on: date | None) -> tuple[str, date | None]:
    """"Mali decided to withdraw from the bloc, effective from 1 May": a declared exit or
    suspension with the day it takes effect is done on that day once the day has come (by the
    publication day), and only announced when it is still ahead (then the effective day is not
    the day of the announcement). Any other step is left as it is."""
    exit_step = next((s for s in ("withdrew", "suspended") if s in steps), None)
    found = effective_day(sent, dates) if event == "announced" and exit_step else None
    if found is None or exit_step is None:
        return event, when
    _, day = found
    if on is not None and day <= on:
        return exit_step, day
    return event, when if when != day else None
