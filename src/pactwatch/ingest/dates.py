"""Turning the date strings printed on news pages into datetimes, the same way on any machine.

dateparser's defaults depend on the locale, today's date and the language guessed from the
string; news metadata lines need none of that. Relative phrases ("2 hours ago") are refused:
without the moment of crawling they cannot be resolved honestly.
"""

from __future__ import annotations

import re
from datetime import datetime

import dateparser

# Noise that surrounds dates on pages: separators, reading times, "IST"-style zone names that
# dateparser does not know, ordinal suffixes.
_SEPARATORS = re.compile(r"\s*[|•·]\s*")
_READING_TIME = re.compile(r"\b\d+\s*(?:min|minute|minutes)\s+read\b", re.IGNORECASE)
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIME = r"(?:\s*,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?)?"
# Date-looking pieces of a longer line, tried when the whole line does not parse.
_DATE_PIECES = re.compile(
    rf"\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?\s+\d{{1,2}}\s+{_MONTH}\s+\d{{4}}"  # 01:07 19 June 2024
    rf"|\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}{_TIME}"  # 19 June 2024 04:47
    rf"|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}{_TIME}"  # June 19, 2024 4:47 PM
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"  # 2024-06-19T04:47
    rf"|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{4}}{_TIME}",  # 19.06.2024 / 06/19/2024
    re.IGNORECASE,
)
# a weekday name, whole or abbreviated ("Fri", "Tues", "Wednesday")
_WEEKDAY_NAME = r"(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?"
_TEXT_MONTH = re.compile(_MONTH, re.IGNORECASE)
# An all-numeric date with a 12-hour clock, the first number a possible month ("3/4/2022 9:15:02 AM").
_US_TIMESTAMP = re.compile(r"^(?:0?[1-9]|1[0-2])/\d{1,2}/\d{4},?\s+\d{1,2}:\d{2}(?::\d{2})?\s*[ap]\.?m\.?$",
                           re.IGNORECASE)


def _settings(date_order: str) -> dict[str, object]:
    return {
        "DATE_ORDER": date_order,
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "past",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
        # a fixed base: nothing we accept is relative, but dateparser asks for one anyway
        "RELATIVE_BASE": datetime(2000, 1, 1),
        "PARSERS": ["custom-formats", "absolute-time"],
    }


def _prepare(text: str) -> str:
    text = _SEPARATORS.sub(" ", text)
    text = _READING_TIME.sub(" ", text)
    text = _ORDINAL.sub(r"\1", text)
    return " ".join(text.split())


def _parse_one(text: str, date_order: str, languages: tuple[str, ...] = ("en",)) -> datetime | None:
    match = _ISO.match(text)
    if match:
        y, m, d, hh, mm, ss = (int(g) if g else 0 for g in match.groups())
        try:
            return datetime(y, m, d, hh, mm, ss)
        except ValueError:
            return None
    # A textual month settles day/month order by itself; only all-numeric dates use date_order,
    # except that a 12-hour clock after one ("3/4/2022 9:15:02 AM") is the US layout, month first.
    order = date_order if not _TEXT_MONTH.search(text) else "DMY"
    if order == "DMY" and _US_TIMESTAMP.match(text):
        order = "MDY"
    try:
        return dateparser.parse(text, languages=list(dict.fromkeys((*languages, "en"))), settings=_settings(order))
    except (ValueError, OverflowError, TypeError, AttributeError):
        return None


def parse_date(text: str | None, date_order: str = "DMY", languages: tuple[str, ...] = ("en",)) -> datetime | None:
    """The date (and time, when given) in a metadata value such as ``01:07 | 19 June 2024``.

    ``date_order`` ("DMY", "MDY", "YMD") settles all-numeric dates such as ``03/04/2024``;
    ``languages`` are those whose month names may appear (a "Publicado:" label says Spanish).
    Returns None for anything that is not an absolute calendar date with day, month and year.
    """
    if not text:
        return None
    cleaned = _prepare(text)
    if not cleaned or len(cleaned) > 200:
        return None
    found = _parse_one(cleaned, date_order, languages) if len(cleaned) <= 40 else None
    if found is not None:
        return found
    for piece in _DATE_PIECES.finditer(cleaned):
        found = _parse_one(piece.group(0), date_order, languages)
        if found is not None:
            return found
    return None


def looks_like_date_only(text: str, date_order: str = "DMY") -> bool:
    """True when a line is nothing but a date/time (a bare dateline under a headline); weekday
    names, whole or abbreviated ("Fri 4 Mar 2022 10.05 GMT"), and zone names may surround it."""
    cleaned = _prepare(text)
    if not cleaned or len(cleaned) > 40 or not re.search(r"\d", cleaned):
        return False
    rest = _DATE_PIECES.sub("", cleaned)
    rest = re.sub(r"[\s,.:\-–—/|]|\b(?:am|pm|gmt|utc|[a-z]{2,4}t|" + _WEEKDAY_NAME + r")\b", "", rest, flags=re.I)
    return not rest and parse_date(cleaned, date_order) is not None
