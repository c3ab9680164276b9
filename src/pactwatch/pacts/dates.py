"""Dates of commitment steps, resolved against the article's publication date.

Rules (the news-dev labelling conventions): a weekday is the most recent such day on or before
publication; "today"/"yesterday" count from publication; a day and month without a year take the
publication year (the year before if that would fall after publication); a full date is taken as
written; month-only or year-only references, and any relative date without a publication date,
give None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from pactwatch.nlp.dates import shift_day
from pactwatch.nlp.grammar.words import word_sequence

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1)
    for name in names
}
WEEKDAYS = word_sequence("weekdays")

_MONTH = r"(?P<m{n}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<d{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<y{n}>(?:19|20)\d\d)"
DATE_RE = re.compile(
    r"\b(?:"
    + _DAY.format(n=1) + r"\s+(?:of\s+)?" + _MONTH.format(n=1) + r"(?:,?\s+" + _YEAR.format(n=1) + r")?"
    + r"|" + _MONTH.format(n=2) + r"\s+" + _DAY.format(n=2) + r"\b(?:,?\s+" + _YEAR.format(n=2) + r")?"
    + r"|(?P<wd>" + "|".join(WEEKDAYS) + r")"
    + r"|(?P<rel>today|yesterday|tonight|this morning|this afternoon|this evening|last night)"
    + r")\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets within the searched text
    end: int
    value: date | None
    explicit: bool  # a calendar date (not a weekday or "today")


def _calendar(day: int, month: int, year: int | None, on: date | None) -> date | None:
    if year is None:
        if on is None:
            return None
        year = on.year
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        return candidate if candidate <= on else _safe(year - 1, month, day)
    return _safe(year, month, day)


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, on: date | None) -> list[DateMention]:
    """Every day-precise date reference in ``text``; ``value`` is None when it cannot be resolved."""
    found = []
    for m in DATE_RE.finditer(text):
        groups = m.groupdict()
        if groups["wd"]:
            value = None
            if on is not None:
                back = (on.weekday() - WEEKDAYS.index(groups["wd"].lower())) % 7
                value = shift_day(on, -back)
            found.append(DateMention(m.start(), m.end(), value, False))
        elif groups["rel"]:
            rel = groups["rel"].lower()
            value = None if on is None else shift_day(on, -1) if rel in ("yesterday", "last night") else on
            found.append(DateMention(m.start(), m.end(), value, False))
        else:
            n = "1" if groups["m1"] else "2"
            if groups[f"m{n}"].lower() == "may" and not groups[f"y{n}"] and n == "2":
                # "May 5" is a date, but "may 12 countries" is not: require a capital M
                if not m.group(f"m{n}")[0].isupper():
                    continue
            day = int(groups[f"d{n}"])
            year = int(groups[f"y{n}"]) if groups[f"y{n}"] else None
            found.append(DateMention(m.start(), m.end(), _calendar(day, MONTHS[groups[f"m{n}"].lower()], year, on),
                                     True))
    return found


def sentence_date(text: str, on: date | None) -> date | None:
    """One date for a sentence: an explicit calendar date wins over a weekday or "today"."""
    dates = find_dates(text, on)
    for mention in dates:
        if mention.explicit and mention.value:
            return mention.value
    for mention in dates:
        if mention.value:
            return mention.value
    return None


def clause_year(trigger: Any, covered: set[int]) -> int | None:
    """A bare year in the step's own clause ("agreed in 2013", "revised in 2019"), which the date
    reader leaves unresolved (year-only dates are null) but which still sets the step apart."""
    for token in trigger.sent if hasattr(trigger, "sent") else ():
        if token.shape_ == "dddd" and 1900 <= int(token.text) <= 2099 and token.dep_ == "pobj" \
                and token.head.lower_ == "in" and (token.head.head.i == trigger.i or token.head.head.i in covered):
            return int(token.text)
    return None


def token_dates(sent: Any, on: date | None) -> list[tuple[int, date, bool]]:
    """(token index, date, explicit) for each resolvable date in the sentence."""
    out = []
    for mention in find_dates(sent.text, on):
        if mention.value is None:
            continue
        char = sent.start_char + mention.start
        token = next((t for t in sent if t.idx <= char < t.idx + len(t)), None)
        if token is not None:
            out.append((token.i, mention.value, mention.explicit))
    return out


def date_for(trigger: Any, covered: set[int], dates: list[tuple[int, date, bool]], n_triggers: int) -> date | None:
    """The date attached to this trigger's statement; a sole trigger takes the sentence's date."""
    own = [d for d in dates if d[0] in covered]
    pool = own or (dates if n_triggers == 1 else [d for d in dates if trigger.doc[d[0]].head.dep_ == "ROOT"
                                                    or trigger.doc[d[0]].head.head.dep_ == "ROOT"])
    explicit = [d for d in pool if d[2]]
    chosen = explicit or pool
    return chosen[0][1] if chosen else None
