"""Importing the ATOP alliance data set (Leeds et al.) in the CSV form researchers hold it.

``atop*_a.csv`` has one row per alliance, ``atop*_m.csv`` one row per member and phase with COW
state numbers, entry/exit dates as year/month/day columns (0 or empty when unknown; exit year 0
when the alliance was still in force at the end of the data) and the five obligation flags.
Each alliance becomes one commitment (key ``atop-<atopid>``), each member phase one party row.
A re-import replaces every ATOP commitment, so importing twice gives the same rows.

ATOP's obligation flags become obligations (records.ObligationRecord) owed by the member whose
row carries them: ``defense`` an armed-attack obligation (against a named state when ``defcoadv``,
the states being ATOP's ``statthr1``/``statthr2``; only in a location ATOP does not name when
``defcoloc``), ``consul`` consultation, ``nonagg`` non-aggression, ``neutral`` neutrality.
``data/treaties/atop.tsv`` says, for every alliance still in force at the end of the data, which
baseline commitment it is (the alliance is then merged into it: its rows become sources of that
commitment and bind nobody on their own) or when it ended.

Dates: a missing month or day is taken as the first (entry) or the last day known by the
year (exit: the first of the next month or year, since ``left_on`` is exclusive).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import cast

from pactwatch.data import read_table
from pactwatch.records import CommitmentRecord, EventRecord, ObligationFlags, ObligationRecord, PartyRecord
from pactwatch.store.commitments import records_of_origin, replace_origin
from pactwatch.store.database import Database

FLAGS = ("defense", "offense", "neutral", "nonagg", "consul")
KIND_OF_FLAG = {"defense": "mutual_defense", "offense": "other", "neutral": "neutrality", "nonagg": "nonaggression",
                "consul": "consultation"}
# ATOP's condition variables for defence obligations, in words.
DEFENCE_CONDITIONS = {
    "defcoadv": "only against a named adversary",
    "defcoloc": "only in a named location",
    "defcocon": "only in a named kind of conflict",
    "defconum": "only if the adversary is not alone",
    "defcodem": "only if a demand is refused",
    "defconpr": "only if the partner has not provoked the attack",
}


@dataclass
class AtopSummary:
    alliances: int = 0
    members: int = 0
    unmapped: dict[str, int] = field(default_factory=dict)  # COW number -> rows skipped


def cow_codes() -> dict[str, str]:
    return {row["cow"]: row["code"] for row in read_table("actors/cow_iso3.tsv")}


def _int(row: Mapping[str, str], column: str) -> int:
    value = (row.get(column) or "").strip()
    try:
        return int(float(value)) if value else 0
    except ValueError:
        return 0


def entry_date(year: int, month: int, day: int) -> date | None:
    if year <= 0:
        return None
    month = month if 1 <= month <= 12 else 1
    try:
        return date(year, month, day if day >= 1 else 1)
    except ValueError:
        return date(year, month, 1)


def exit_date(year: int, month: int, day: int) -> date | None:
    """The first day no longer bound (exclusive end); None when still in force."""
    if year <= 0:
        return None
    if not 1 <= month <= 12:
        return date(year + 1, 1, 1)
    if day < 1:
        return date(year + (month == 12), month % 12 + 1, 1)
    try:
        return date(year, month, day)
    except ValueError:
        return date(year + (month == 12), month % 12 + 1, 1)


def _conditions(row: Mapping[str, str]) -> str | None:
    if _int(row, "conditio") == 0 and not any(_int(row, c) for c in DEFENCE_CONDITIONS):
        return None
    parts = [text for column, text in DEFENCE_CONDITIONS.items() if _int(row, column)]
    return "conditional obligations" + (": defence " + "; ".join(parts) if parts else "")


def _obligations(members: list[PartyRecord], rows: list[Mapping[str, str]], alliance: Mapping[str, str],
                 codes: Mapping[str, str]) -> list[ObligationRecord]:
    """ATOP's flags of each member as obligations that member owes the others."""
    threats = tuple(codes[t] for t in (str(_int(alliance, "statthr1")), str(_int(alliance, "statthr2")))
                    if t in codes)
    reference = f"ATOP 4.01 alliance {alliance['atopid'].strip()}"
    found: dict[tuple[str, str], ObligationRecord] = {}
    for party, row in zip(members, rows, strict=True):
        owner = (party.party,)
        if party.defense:
            named = bool(_int(row, "defcoadv"))
            scope = (("named_location",),) if _int(row, "defcoloc") else (("territory",),)
            found.setdefault((party.party, "defense"), ObligationRecord(
                owner, ("*",), "attack_by_named_state" if named else "any_armed_attack", scope,
                threats if named else (), text=_conditions(row), reference=reference))
        for flag, condition in (("consul", "consultation_only"), ("nonagg", "non_aggression"),
                                ("neutral", "neutrality")):
            if getattr(party, flag):
                found.setdefault((party.party, flag), ObligationRecord(owner, ("*",), condition,
                                                                      reference=reference))
    return list(found.values())


def read_csv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def atop_records(alliances: Iterable[Mapping[str, str]], members: Iterable[Mapping[str, str]],
                 codes: Mapping[str, str], summary: AtopSummary) -> list[CommitmentRecord]:
    by_id: dict[str, list[Mapping[str, str]]] = {}
    for row in members:
        by_id.setdefault(row["atopid"].strip(), []).append(row)
    records = []
    for alliance in alliances:
        atopid = alliance["atopid"].strip()
        kinds = tuple(dict.fromkeys(KIND_OF_FLAG[f] for f in FLAGS if _int(alliance, f))) or ("other",)
        begun = entry_date(_int(alliance, "begyr"), _int(alliance, "begmo"), _int(alliance, "begday"))
        ended = exit_date(_int(alliance, "endyr"), _int(alliance, "endmo"), _int(alliance, "endday"))
        parties = []
        mapped_rows = []
        for row in by_id.get(atopid, []):
            cow = str(_int(row, "member"))
            code = codes.get(cow)
            if code is None:
                summary.unmapped[cow] = summary.unmapped.get(cow, 0) + 1
                continue
            parties.append(PartyRecord(
                code,
                joined=entry_date(_int(row, "yrent"), _int(row, "moent"), _int(row, "dayent")),
                left_on=exit_date(_int(row, "yrexit"), _int(row, "moexit"), _int(row, "dayexit")),
                note=f"ATOP phase {_int(row, 'phase')}" if _int(row, "phase") else None,
                **cast(ObligationFlags, {flag: bool(_int(row, flag)) for flag in FLAGS}),
            ))
            mapped_rows.append(row)
            summary.members += 1
        events = [EventRecord("signed", begun, "atop", reference=f"ATOP {atopid}")] if begun else []
        if ended:
            events.append(EventRecord("expired", ended, "atop", reference=f"ATOP {atopid}"))
        records.append(CommitmentRecord(
            key=f"atop-{atopid}", origin="atop", kinds=kinds, name=f"ATOP alliance {atopid}", signed=begun,
            ended=ended, conditions=_conditions(alliance), reference=atopid, parties=parties, events=events,
            obligations=_obligations(parties, mapped_rows, alliance, codes),
        ))
        summary.alliances += 1
    return records


def import_atop(db: Database, alliances_csv: Path, members_csv: Path) -> AtopSummary:
    """Replace all ATOP commitments by the given files' contents, resolved against the baseline."""
    from pactwatch.pacts.baseline import load_baseline_records

    summary = AtopSummary()
    records = atop_records(read_csv(alliances_csv), read_csv(members_csv), cow_codes(), summary)
    with db.transaction():
        replace_origin(db, "atop", resolve_atop(records, load_baseline_records()))
    return summary


@dataclass(frozen=True)
class AtopLink:
    """One row of data/treaties/atop.tsv: what became of an alliance ATOP still had in force."""

    atopid: str
    baseline: str | None
    ended: date | None
    name: str
    note: str


def atop_links() -> dict[str, AtopLink]:
    return {row["atopid"]: AtopLink(row["atopid"], row["baseline"] or None,
                                    date.fromisoformat(row["ended"]) if row["ended"] else None, row["name"],
                                    row["note"]) for row in read_table("treaties/atop.tsv")}


def resolve_atop(records: list[CommitmentRecord], baseline: list[CommitmentRecord]) -> list[CommitmentRecord]:
    """Merge each alliance the links table names into its baseline commitment; end the ones it
    says ended after the data; name them all."""
    keys = {b.key for b in baseline}
    links = atop_links()
    for record in records:
        link = links.get(record.reference or "")
        record.merged_into = None
        if link is None:
            continue
        record.name = f"{link.name} (ATOP {link.atopid})"
        if link.baseline in keys:
            record.merged_into = link.baseline
        if link.ended and (record.ended is None or link.ended < record.ended):
            record.ended = link.ended
    return records


def resolve_stored_atop(db: Database, baseline: list[CommitmentRecord]) -> None:
    """Resolve the ATOP alliances already in the store again (the baseline tables changed)."""
    records = records_of_origin(db, "atop")
    if records:
        replace_origin(db, "atop", resolve_atop(records, baseline))
