"""Dates, read once per article: the registered spaCy component ``pactwatch_dates``.

It ``requires`` the entities and the article's day (``doc._.article_day``, which the Annotator
sets before the shared components run) and ``assigns`` ``doc._.dates``: every day-precise date
reference of each sentence line with its token and day (``find_dates``), and the reading of every
DATE/TIME entity (``resolve_date``, ``is_period_reference``). Steps read these instead of parsing
date text themselves: event dates (``event_clauses``, the PETRARCH coder) and commitment-step
dates (``pacts.dates``). A step asking about another day than the one the component read with
(an evaluation driver calling ``nlp(text)`` directly) gets the readings recomputed for that day.

Two readings remain, kept apart because their consumers were tuned on them: ``resolve_date`` reads
one date expression (an entity's text) for an event; ``find_dates`` finds every reference in a
sentence for a commitment step (it also reads "this morning" and "last night", and a lower-case
"may 5" is not a date there).

Resolving the date words of a clause ("on Wednesday", "yesterday", "on 5 July") to a day:
everything is resolved against the publication date ``on``. Only day-precise references give a
date: a weekday is the most recent such day on or before publication ("last Thursday": strictly
before), unless a word points ahead ("next Friday", "this coming Friday": the first such day after
publication); a day and month without a year is the most recent such day on or before publication.
Month- and year-level references ("last month", "in May") return ``None`` — the day is unknown —
which is the dev set's convention for commitment dates too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pactwatch.nlp.doc_text import doc_ents, doc_sents
from pactwatch.nlp.grammar.words import word_sequence

WEEKDAYS = word_sequence("weekdays")
# month name or abbreviation -> month number; an abbreviation is the start of its month's name
MONTHS = {name: number for number, name in enumerate(word_sequence("months"), start=1)}
MONTHS |= {short: next(n for name, n in MONTHS.items() if name.startswith(short))
           for short in word_sequence("month_abbreviations")}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
DAY_MONTH = re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b", re.I)
MONTH_DAY = re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}", re.I)
ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b")
_AHEAD = r"(?P<ahead>(?:" + "|".join(word_sequence("weekday_ahead_words")) + r")\s+)"
WEEKDAY = re.compile(r"\b(?:(?P<last>last\s+|this\s+past\s+|past\s+)|" + _AHEAD + r")?(?P<weekday>"
                     + "|".join(WEEKDAYS) + r")\b", re.I)
# day word -> days from publication, searched in this order
RELATIVE_DAY = {**dict.fromkeys(word_sequence("same_day_words"), 0),
                **dict.fromkeys(word_sequence("day_before_words"), -1),
                **dict.fromkeys(word_sequence("day_after_words"), 1)}


def shift_day(on: date, days: int) -> date | None:
    """``on`` moved by ``days``, or None past the calendar's ends (0001-01-01, 9999-12-31)."""
    try:
        return on + timedelta(days=days)
    except OverflowError:
        return None


def weekday_day(on: date, weekday: str, *, ahead: bool = False, strictly_before: bool = False) -> date | None:
    """The day a weekday name refers to from ``on``: the most recent such day on or before it
    (strictly before with ``strictly_before``), or the first such day after it with ``ahead``."""
    index = WEEKDAYS.index(weekday.lower())
    if ahead:
        return shift_day(on, (index - on.weekday() - 1) % 7 + 1)
    back = (on.weekday() - index) % 7
    if strictly_before and back == 0:
        back = 7
    return shift_day(on, -back)


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
        return weekday_day(on, match.group("weekday"), ahead=bool(match.group("ahead")),
                           strictly_before=bool(match.group("last")))
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


# -- every reference in a sentence (the commitment steps' reading) ------------------------------
# Rules (the news-dev labelling conventions): a weekday is the most recent such day on or before
# publication ("next Friday": the first after it); "today"/"yesterday" count from publication; a
# day and month without a year take the publication year (the year before if that would fall
# after publication); a full date is taken as written; month-only or year-only references, and
# any relative date without a publication date, give None.
_MONTH_N = r"(?P<m{n}>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_N = r"(?P<d{n}>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR_N = r"(?P<y{n}>(?:19|20)\d\d)"
DATE_RE = re.compile(
    r"\b(?:"
    + _DAY_N.format(n=1) + r"\s+(?:of\s+)?" + _MONTH_N.format(n=1) + r"(?:,?\s+" + _YEAR_N.format(n=1) + r")?"
    + r"|" + _MONTH_N.format(n=2) + r"\s+" + _DAY_N.format(n=2) + r"\b(?:,?\s+" + _YEAR_N.format(n=2) + r")?"
    + r"|" + _AHEAD + r"?(?P<wd>" + "|".join(WEEKDAYS) + r")"
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
        candidate = _safe_date(on.year, month, day)
        if candidate is None:
            return None
        return candidate if candidate <= on else _safe_date(on.year - 1, month, day)
    return _safe_date(year, month, day)


def find_dates(text: str, on: date | None) -> list[DateMention]:
    """Every day-precise date reference in ``text``; ``value`` is None when it cannot be resolved."""
    found = []
    for m in DATE_RE.finditer(text):
        groups = m.groupdict()
        if groups["wd"]:
            value = None if on is None else weekday_day(on, groups["wd"], ahead=bool(groups["ahead"]))
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


# -- the component -------------------------------------------------------------------------------
COMPONENT = "pactwatch_dates"
_KEY = "pactwatch.dates"
BARE_DAY_WORDS = word_sequence("bare_day_words")  # day words the entity recogniser may leave out


@dataclass(frozen=True)
class DateReading:
    """What one date expression says: its day (None when not day-precise) and whether it names a
    period ("last month", "in May")."""

    value: date | None
    period: bool


@dataclass(frozen=True)
class ArticleDates:
    """The date readings of one Doc, against one article day."""

    on: date | None
    references: tuple[tuple[int, date, bool], ...]  # (token index, day, explicit), in text order
    entities: dict[int, DateReading]  # DATE/TIME entity start token -> its reading
    words: dict[str, DateReading]  # bare day words ("yesterday") -> their reading

    def in_tokens(self, start: int, end: int) -> list[tuple[int, date, bool]]:
        """The references whose token lies in [start, end), in text order."""
        return [r for r in self.references if start <= r[0] < end]

    def of_text(self, text: str) -> DateReading:
        """The reading of an expression the Doc has as an entity or a bare day word."""
        found = self.words.get(text)
        return found if found is not None else DateReading(resolve_date(text, self.on), is_period_reference(text))


def read_dates(doc: Any, on: date | None) -> ArticleDates:
    references: list[tuple[int, date, bool]] = []
    text = doc.text
    for sent in doc_sents(doc):
        tokens = list(sent)
        offset = sent.start_char
        # a line break ends a statement (a headline or dateline line): each line is read alone
        for line in text[sent.start_char:sent.end_char].split("\n"):
            for mention in find_dates(line, on):
                char = offset + mention.start
                token = next((t for t in tokens if t.idx <= char < t.idx + len(t)), None)
                if mention.value is not None and token is not None:
                    references.append((token.i, mention.value, mention.explicit))
            offset += len(line) + 1
    entities = {ent.start: DateReading(resolve_date(ent.text, on), is_period_reference(ent.text))
                for ent in doc_ents(doc) if ent.label_ in ("DATE", "TIME")}
    words = {w: DateReading(resolve_date(w, on), is_period_reference(w)) for w in BARE_DAY_WORDS}
    return ArticleDates(on, tuple(references), entities, words)


def dates_of(doc: Any, on: date | None) -> ArticleDates:
    """``doc._.dates`` when the component read it against ``on``; else read now (and kept)."""
    stored = doc.user_data.get(_KEY)
    if stored is None or stored.on != on:
        stored = doc.user_data[_KEY] = read_dates(doc, on)
    return stored


def article_day(doc: Any) -> date | None:
    return doc.user_data.get("pactwatch.article_day")


def set_article_day(doc: Any, on: date | None) -> None:
    """The day relative dates count from ("on Wednesday"), read by the shared components."""
    doc.user_data["pactwatch.article_day"] = on


def register() -> None:
    """The ``dates`` and ``article_day`` extensions and the ``pactwatch_dates`` factory (idempotent)."""
    from spacy.language import Language
    from spacy.tokens import Doc

    if not Doc.has_extension("dates"):
        Doc.set_extension("dates", getter=lambda doc: dates_of(doc, article_day(doc)))
    if not Doc.has_extension("article_day"):
        Doc.set_extension("article_day", getter=article_day)
    if not Language.has_factory(COMPONENT):
        Language.factory(COMPONENT, requires=["doc.ents", "doc.sents", "doc._.article_day"],
                         assigns=["doc._.dates"],
                         func=lambda nlp, name: lambda doc: (dates_of(doc, article_day(doc)), doc)[1])
