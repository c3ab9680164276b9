"""Dates, read once per article: the registered spaCy component ``pactwatch_dates``.

It ``requires`` the entities and the article's day (``doc._.article_day``, which the Annotator
sets before the shared components run) and ``assigns`` ``doc._.dates``: every day-precise date
reference of each sentence line with its token and day, and the reading of every DATE/TIME
entity. Steps read these instead of parsing date text themselves: event dates
(``event_clauses``, the PETRARCH coder) and commitment-step dates (``pacts.dates``). A step asking
about another day than the one the component read with (an evaluation driver calling
``nlp(text)`` directly) gets the readings recomputed for that day.

One grammar of day references (``REFERENCE``) serves both readings: ``find_dates`` lists every
reference of a text (a sentence line), ``resolve_date`` gives the day of one expression (an
entity's text: its calendar date if it names one, else its first reference).

Everything is resolved against the publication date ``on``. Only day-precise references give a
date: a weekday is the most recent such day on or before publication ("last Thursday": strictly
before), unless a word points ahead ("next Friday", "this coming Friday": the first such day after
publication); "today", "yesterday", "tomorrow", "last night" count from publication; a day and
month without a year is the most recent such day on or before publication (the year before if
it would fall after it); a full date is taken as written. Month- and year-level references ("last
month", "in May") give ``None`` — the day is unknown — which is the dev set's convention for
commitment dates too, and so does any relative reference without a publication date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from pactwatch.nlp.doc_text import doc_ents, doc_sents, doc_text
from pactwatch.nlp.grammar.words import word_sequence

WEEKDAYS = word_sequence("weekdays")
# month name or abbreviation -> month number; an abbreviation is the start of its month's name
MONTHS = {name: number for number, name in enumerate(word_sequence("months"), start=1)}
MONTHS |= {short: next(n for name, n in MONTHS.items() if name.startswith(short))
           for short in word_sequence("month_abbreviations")}
# day word -> days from publication; longest first so that "last night" is not "night"
RELATIVE_DAY = {**dict.fromkeys(word_sequence("same_day_words"), 0),
                **dict.fromkeys(word_sequence("day_before_words"), -1),
                **dict.fromkeys(word_sequence("day_after_words"), 1)}


def _alternation(names: Any) -> str:
    return "|".join(r"\s+".join(map(re.escape, name.split())) for name in sorted(names, key=len, reverse=True))


def _month(n: int) -> str:
    return rf"(?P<m{n}>{_alternation(MONTHS)})\.?"


def _day(n: int) -> str:
    return rf"(?P<d{n}>[0-3]?\d)(?:st|nd|rd|th)?"


def _year(n: int) -> str:
    return rf"(?:,?\s+(?P<y{n}>(?:19|20)\d\d))?"


REFERENCE = re.compile(
    r"\b(?:"
    r"(?P<iso_y>(?:19|20)\d\d)-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)"
    + "|" + _day(1) + r"\s+(?:of\s+)?" + _month(1) + _year(1)
    + "|" + _month(2) + r"\s+" + _day(2) + r"\b" + _year(2)
    + r"|(?:(?P<last>last|this\s+past|past)\s+|(?P<ahead>" + _alternation(word_sequence("weekday_ahead_words"))
    + r")\s+)?(?P<wd>" + "|".join(WEEKDAYS) + r")"
    + r"|(?P<rel>" + _alternation(RELATIVE_DAY) + r")"
    + r")\b",
    re.IGNORECASE,
)


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


def _calendar(day: int, month: int, year: int | None, on: date | None) -> date | None:
    if year is not None:
        return _safe_date(year, month, day)
    if on is None:
        return None
    candidate = _safe_date(on.year, month, day)
    if candidate is not None and candidate > on:  # "on 30 December" read in January: last year
        candidate = _safe_date(on.year - 1, month, day)
    return candidate


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets within the searched text (of the day word itself: "Friday"
    end: int    # in "next Friday", so that the token found there is the date's head)
    value: date | None
    explicit: bool  # a calendar date (not a weekday or "today")


def _mention(m: re.Match[str], on: date | None) -> DateMention | None:
    """The reference one match of ``REFERENCE`` makes, or None when it is not a date after all."""
    groups = m.groupdict()
    if groups["iso_y"]:
        value = _safe_date(int(groups["iso_y"]), int(groups["iso_m"]), int(groups["iso_d"]))
        return DateMention(m.start(), m.end(), value, True)
    if groups["wd"]:
        value = None if on is None else weekday_day(on, groups["wd"], ahead=bool(groups["ahead"]),
                                                    strictly_before=bool(groups["last"]))
        return DateMention(m.start("wd"), m.end(), value, False)
    if groups["rel"]:
        offset = RELATIVE_DAY[" ".join(groups["rel"].lower().split())]
        return DateMention(m.start(), m.end(), None if on is None else shift_day(on, offset), False)
    n = "1" if groups["m1"] else "2"
    month_text, year = groups[f"m{n}"], groups[f"y{n}"]
    if n == "2" and month_text.lower() == "may" and not year and not month_text[0].isupper():
        return None  # "May 5" is a date, but "may 12 countries" is not
    value = _calendar(int(groups[f"d{n}"]), MONTHS[month_text.lower()], int(year) if year else None, on)
    return DateMention(m.start(), m.end(), value, True)


def find_dates(text: str, on: date | None) -> list[DateMention]:
    """Every day-precise date reference in ``text``; ``value`` is None when it cannot be resolved."""
    return [mention for m in REFERENCE.finditer(text) if (mention := _mention(m, on)) is not None]


def sentence_date(text: str, on: date | None) -> date | None:
    """One date for a text: an explicit calendar date wins over a weekday or "today"."""
    dates = find_dates(text, on)
    for mention in dates:
        if mention.explicit and mention.value:
            return mention.value
    for mention in dates:
        if mention.value:
            return mention.value
    return None


def resolve_date(text: str, on: date | None) -> date | None:
    """The day a date expression refers to, or None when it is not day-precise or unresolvable."""
    return sentence_date(text, on)


def is_day_reference(text: str) -> bool:
    """True when ``text`` names a day (weekday, relative day or day-and-month), not a period."""
    return bool(find_dates(text, None))


def is_period_reference(text: str) -> bool:
    """True for month/year/week-level references ("last month", "in May 2023", "last year")."""
    lowered = text.lower()
    return bool(
        re.search(r"\b(last|past|previous|next|this|earlier this|later this)\s+(week|month|year|decade)\b", lowered)
        or re.search(r"\b(19|20)\d\d\b", lowered)
        or any(re.search(rf"\b{m}\b", lowered) for m in MONTHS if len(m) > 3)
        or re.search(r"\b(ago|since)\b", lowered)
    )


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
    text = doc_text(doc)  # built once per Doc and kept for the steps
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


def article_lead(doc: Any) -> str | None:
    return doc.user_data.get("pactwatch.article_lead")


def set_article_lead(doc: Any, lead: str | None) -> None:
    """The article's lead when it is kept apart from the body (a standfirst, not parsed): then the
    body's first sentences already continue the story the lead told."""
    doc.user_data["pactwatch.article_lead"] = lead


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
