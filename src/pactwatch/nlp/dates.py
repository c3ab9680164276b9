"""Resolving the date words of a clause ("on Wednesday", "yesterday", "on 5 July") to a day.

Everything is resolved against the publication date ``on``. Only day-precise references give a
date: a weekday is the most recent such day on or before publication ("last Thursday": strictly
before); a day and month without a year is the most recent such day on or before publication.
Month- and year-level references ("last month", "in May") return ``None`` — the day is unknown —
which is the dev set's convention for commitment dates too.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from pactwatch.nlp.grammar.words import word_sequence

WEEKDAYS = word_sequence("weekdays")
MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.I)
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}", re.I)
ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
WEEKDAY = re.compile(r"\b(?P<last>last\s+|this\s+past\s+|past\s+)?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)
RELATIVE_DAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def shift_day(on: date, days: int) -> date | None:
    """``on`` moved by ``days``, or None past the calendar's ends (0001-01-01, 9999-12-31)."""
    try:
        return on + timedelta(days=days)
    except OverflowError:
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day_month(match: re.Match[str], on: date | None) -> date | None:
    month_text = match.group("month").lower()
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text]
    day = int(match.group("day"))
    if match.group("year"):
        return _safe_date(int(match.group("year")), month, day)
    if on is None:
        return None
    candidate = _safe_date(on.year, month, day)
    if candidate is not None and candidate > on:  # "on 30 December" read in January: last year
        candidate = _safe_date(on.year - 1, month, day)
    return candidate


def resolve_date(text: str, on: date | None) -> date | None:
    """The day a date expression refers to, or None when it is not day-precise or unresolvable."""
    for pattern in (ISO, DAY_MONTH, MONTH_DAY):
        match = pattern.search(text)
        if match:
            return _day_month(match, on)
    if on is None:
        return None
    lowered = text.lower()
    for word, offset in RELATIVE_DAY.items():
        if re.search(rf"\b{word}\b", lowered):
            return shift_day(on, offset)
    match = WEEKDAY.search(text)
    if match:
        back = (on.weekday() - WEEKDAYS.index(match.group("weekday").lower())) % 7
        if match.group("last") and back == 0:
            back = 7
        return shift_day(on, -back)
    return None


def is_day_reference(text: str) -> bool:
    """True when ``text`` names a day (weekday, relative day or day-and-month), not a period."""
    lowered = text.lower()
    return bool(
        ISO.search(text) or DAY_MONTH.search(text) or MONTH_DAY.search(text) or WEEKDAY.search(text)
        or any(re.search(rf"\b{w}\b", lowered) for w in RELATIVE_DAY)
    )


def is_period_reference(text: str) -> bool:
    """True for month/year/week-level references ("last month", "in May 2023", "last year")."""
    lowered = text.lower()
    return bool(
        re.search(r"\b(last|past|previous|next|this|earlier this|later this)\s+(week|month|year|decade)\b", lowered)
        or re.search(r"\b(19|20)\d\d\b", lowered)
        or any(re.search(rf"\b{m}\b", lowered) for m in MONTHS if len(m) > 3)
        or re.search(r"\b(ago|since)\b", lowered)
    )
