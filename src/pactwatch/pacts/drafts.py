"""What one pass over an article builds: the agreements met so far, the discourse state, drafts
of commitment steps, and the de-duplicated reports those drafts become at the end."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from pactwatch.data import read_table
from pactwatch.pacts.lexicon import KIND_ORDER, CommitmentLexicon
from pactwatch.records import CommitmentReport, Mention

STAGE = {"proposed": 0, "announced": 1, "signed": 2, "ratified": 3, "entered_into_force": 4, "joined": 4,
         "suspended": 5, "withdrew": 6, "expired": 6}


@dataclass
class Agreement:
    parties: frozenset[str]
    named_kinds: set[str] = field(default_factory=set)  # implied by what it is called
    stated_kinds: set[str] = field(default_factory=set)  # obligations the text states
    provided_kinds: set[str] = field(default_factory=set)  # "the treaty also provides for …"
    name: str | None = None
    conditions: str | None = None

    def kinds(self) -> tuple[str, ...]:
        """Most specific kind first, then obligations stated as separate provisions."""
        pool = {("other" if k == "economic" else k) for k in self.named_kinds | self.stated_kinds} or {"other"}
        ordered = sorted(pool, key=KIND_ORDER.index)
        primary = ordered[0]
        extra = [k for k in sorted(self.provided_kinds, key=KIND_ORDER.index) if k != primary and k != "economic"]
        return (primary, *extra)


@dataclass
class Discourse:
    agreements: dict[frozenset[str], Agreement] = field(default_factory=dict)
    current: Agreement | None = None
    org: str | None = None
    member: str | None = None  # the last state whose membership the article spoke about
    last: Draft | None = None  # the step told last ("It did so …" repeats it)
    pair: frozenset[str] | None = None  # the last two or more states a sentence named together
    groups: list[tuple[int, frozenset[str]]] = field(default_factory=list)  # (sentence start, states) in the body
    superseded: dict[frozenset[str], Agreement] = field(default_factory=dict)  # older texts the new ones replace

    def earlier(self, parties: frozenset[str]) -> Agreement:
        """An older agreement between the same parties that a newer one replaces: kept apart (its
        kind is its own) and never the one in focus."""
        return self.superseded.setdefault(parties, Agreement(parties))

    def agreement(self, parties: frozenset[str]) -> Agreement:
        found = self.agreements.get(parties)
        if found is None:
            found = self.agreements[parties] = Agreement(parties)
        self.current = found
        return found


@dataclass
class Draft:
    parties: tuple[str, ...]
    event: str
    date: date | None
    sent: Any
    agreement: Agreement | None = None
    membership_kind: str | None = None
    actor: str | None = None  # the state taking the step (kept apart: Turkey's and Hungary's ratifications)
    org: str | None = None
    year: int | None = None  # a bare year the step's clause gives ("had agreed in 2013"): no date, but a time
    construction: str = ""  # the construction that read the step (data/grammar/commitments.jsonl)
    clause: str = ""  # the step's clause status
    news_day: datetime.date | None = None  # the lead's day for an undated step told as the news (dates.news_day)


@dataclass(frozen=True)
class PartyCodes:
    """Which actor codes are states (reduced to ISO3) and which are organisations."""

    countries: frozenset[str]
    organisations: frozenset[str]  # intergovernmental bodies and groupings (regions like WST are not parties)

    @classmethod
    def load(cls) -> PartyCodes:
        return cls(frozenset(row["code"] for row in read_table("actors/countries.tsv")),
                   frozenset(row["code"] for row in read_table("actors/organisations.tsv")
                             if row.get("type") in ("igo", "group")))

    def party(self, mention: Mention) -> str | None:
        if mention.code in self.organisations:
            return mention.code
        if mention.code[:3] in self.countries and mention.kind != "organisation":
            return mention.code[:3]
        return None

    def is_org(self, code: str) -> bool:
        return code not in self.countries


@dataclass(frozen=True)
class Resources:
    lexicon: CommitmentLexicon
    codes: PartyCodes

    @classmethod
    def load(cls) -> Resources:
        return cls(CommitmentLexicon.load(), PartyCodes.load())


def finish(drafts: list[Draft]) -> list[CommitmentReport]:
    reports: list[CommitmentReport] = []
    report_actors: list[str | None] = []
    years: dict[int, int | None] = {}  # id(report) -> the bare year its clause gave
    news_days: dict[int, date | None] = {}  # id(report) -> the day it takes if no telling dates it
    for draft in drafts:
        if len(draft.parties) < 2:
            continue
        report_actors.append(draft.actor)
        agreement = draft.agreement
        kinds = (draft.membership_kind,) if draft.membership_kind else agreement.kinds() if agreement else ("other",)
        reports.append(CommitmentReport(
            parties=draft.parties, kinds=kinds, lifecycle_event=draft.event, date=draft.date,
            sentence=draft.sent.text, start=draft.sent.start_char, end=draft.sent.end_char,
            conditions=agreement.conditions if agreement else None, name=agreement.name if agreement else None,
            construction=draft.construction, clause=draft.clause,
        ))
        years[id(reports[-1])] = draft.year
        news_days[id(reports[-1])] = draft.news_day
    # an announcement of what the article also reports as done is the same step, told early
    done = {(r.parties, r.kinds[0]) for r in reports if STAGE[r.lifecycle_event] >= STAGE["signed"]}
    keep = [not (r.lifecycle_event == "announced" and (r.parties, r.kinds[0]) in done) for r in reports]
    reports = [r for r, k in zip(reports, keep, strict=True) if k]
    report_actors = [a for a, k in zip(report_actors, keep, strict=True) if k]
    # one report per (parties, kinds, step, date); an undated repeat of a dated step is dropped,
    # unless another state took it (ratifications are each state's own act)
    kept: dict[tuple, CommitmentReport] = {}
    actors: dict[tuple, str | None] = {}
    for report, actor in zip(reports, report_actors, strict=True):
        key = (report.parties, report.kinds, report.lifecycle_event)
        actor = actor if report.lifecycle_event == "ratified" else None
        if report.date is not None:
            actors.setdefault((*key, report.date), actor)
            kept.setdefault((*key, report.date), report)
        else:
            kept.setdefault((*key, None, actor), report)
            actors.setdefault((*key, None, actor), actor)
    dated: dict[tuple, set[str | None]] = {}
    for k, r in kept.items():
        if r.date is not None:
            dated.setdefault(k[:3], set()).add(actors[k])
    out = []
    for k, r in kept.items():
        year = years.get(id(r))
        if r.date is None and year is not None and all(
                d.year != year for kk, rr in kept.items() if kk[:3] == k[:3] and (d := rr.date) is not None):
            out.append(r)  # "the partnership the two countries had agreed in 2013", beside today's upgrade
            continue
        if r.date is None and k[:3] in dated:
            by = dated[k[:3]]
            if k[4] is None or None in by or k[4] in by:
                continue
        if r.date is None and k[4] is None and any(kk[:3] == k[:3] and kk[3] is None and kk[4] is not None
                                                   for kk in kept):
            continue  # an undated repeat without an actor of an undated step by a named state
        day = news_days.get(id(r))
        # a step no telling dates, told as the continuing news: the lead's day (after the repeats are
        # dropped, so that "the treaty was concluded for an unlimited period" stays the dated signing)
        out.append(replace(r, date=day) if r.date is None and day is not None else r)
    return out
