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
from datetime import date, timedelta

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")], start=1)
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

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
                value = on - timedelta(days=back)
            found.append(DateMention(m.start(), m.end(), value, False))
        elif groups["rel"]:
            rel = groups["rel"].lower()
            value = None if on is None else on - timedelta(days=1) if rel in ("yesterday", "last night") else on
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
