"""Merging commitment reports from many articles into commitments with a lifecycle and validity.

Identity. Reports about one state and one organisation (accession, withdrawal, suspension) all
belong to that organisation's membership commitment, one per organisation, with one party row
per member state. Other reports merge when they have the same set of parties and their names
agree (pacts.identity: spelling and word order normalised, fuzzy); an unnamed report joins the
first named commitment of its parties. Each commitment gets a stable key derived from its
parties, strongest kind and first dated step (``prk-rus-mutual-defense-2024``; membership
``nato-membership``) and a human name: the text's own, else "<kind> between <parties> (<year>)".
``pacts.graph.rebuild`` then resolves these to the baseline treaty they report, when there is one.

Validity (a documented decision, issue 13). A party is bound from the date the agreement entered
into force; a commitment only signed (or ratified by some) is ``signed``, not in force, and binds
nobody yet — ``allies`` lists it apart and says so. Announced and proposed steps bind no one. A
member of an organisation is bound from the date it joined. A withdrawal or expiry ends the
binding, a suspension suspends it. An undated step takes its article's publication date (the step
had happened by then).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from pactwatch.pacts.identity import article_key, human_name, names_a_treaty, names_agree
from pactwatch.pacts.lexicon import KIND_ORDER
from pactwatch.records import CommitmentRecord, EventRecord, PartyRecord, flags_for, obligations_for

MEMBERSHIP_KINDS = ("accession", "withdrawal", "suspension")


def _day(value: Any) -> date | None:
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


def _is_org(code: str, countries: frozenset[str]) -> bool:
    return code not in countries


def merge_reports(rows: Iterable[Mapping[str, Any]], countries: frozenset[str]) -> list[CommitmentRecord]:
    """Commitments from ``commitment_reports`` rows (with ``published`` of their article)."""
    groups: dict[tuple[str, ...], list[list[Mapping[str, Any]]]] = {}
    memberships: dict[str, list[Mapping[str, Any]]] = {}
    ordered = sorted(rows, key=lambda r: (not names_a_treaty(r.get("name")), r["id"]))  # named reports first
    for row in ordered:
        parties = tuple(sorted(json.loads(row["parties"])))
        orgs = [p for p in parties if _is_org(p, countries)]
        if len(parties) == 2 and len(orgs) == 1:
            memberships.setdefault(orgs[0], []).append(row)
            continue
        clusters = groups.setdefault(parties, [])
        name = row.get("name") if names_a_treaty(row.get("name")) else None
        home = next((c for c in clusters if name is None or names_agree(name, _cluster_name(c))), None)
        if home is None:
            clusters.append([row])
        else:
            home.append(row)
    records = [_membership(org, group, countries) for org, group in sorted(memberships.items())]
    for clusters in groups.values():
        records += [_commitment(cluster) for cluster in clusters]
    return _unique_keys(records)


def give_names(records: Iterable[CommitmentRecord], names: Mapping[str, str]) -> None:
    """A human name for each commitment the text left unnamed ("Mutual defence pact between North
    Korea and Russia (2024)"); done after resolution, which compares the text's own names only."""
    for record in records:
        if record.name is None:
            first = min((e.date for e in record.events if e.date), default=None)
            record.name = human_name(record.kinds, [p.party for p in record.parties], first.year if first else None,
                                     names)


def _cluster_name(rows: list[Mapping[str, Any]]) -> str | None:
    return next((r["name"] for r in rows if names_a_treaty(r.get("name"))), None)


def _unique_keys(records: list[CommitmentRecord]) -> list[CommitmentRecord]:
    """Two treaties of the same parties, kind and year: the second (by name) gets ``-2``."""
    seen: dict[str, int] = {}
    for record in sorted(records, key=lambda r: (r.key, r.name or "")):
        count = seen.get(record.key, 0) + 1
        seen[record.key] = count
        if count > 1:
            record.key = f"{record.key}-{count}"
    return sorted(records, key=lambda r: r.key)


def _event(row: Mapping[str, Any], party: str | None) -> EventRecord:
    return EventRecord(
        lifecycle_event=row["lifecycle_event"], date=_day(row.get("date")), source="article", party=party,
        report_id=row["id"], article_id=row["article_id"], sentence=row["sentence"],
        start_char=row["start_char"], end_char=row["end_char"],
    )


def _effective(row: Mapping[str, Any]) -> date | None:
    return _day(row.get("date")) or _day(row.get("published"))


def _commitment(rows: list[Mapping[str, Any]]) -> CommitmentRecord:
    kinds_seen: list[str] = []
    for row in rows:
        kinds_seen += json.loads(row["kinds"])
    kinds = tuple(sorted(set(kinds_seen) - set(MEMBERSHIP_KINDS), key=_kind_rank)) or ("other",)
    parties = sorted(json.loads(rows[0]["parties"]))
    steps: dict[str, date | None] = {}
    for row in sorted(rows, key=lambda r: (_effective(r) or date.max)):
        steps.setdefault(row["lifecycle_event"], _effective(row))
    start = steps.get("entered_into_force") or steps.get("joined")
    ended = min((d for e, d in steps.items() if e in ("withdrew", "expired") and d), default=None)
    suspended = steps.get("suspended")
    first = min((d for d in steps.values() if d), default=None)
    year = first.year if first else None
    flags = flags_for(kinds)
    conditions = next((r["conditions"] for r in rows if r.get("conditions")), None)
    return CommitmentRecord(
        key=article_key(parties, kinds, year), origin="article", kinds=kinds,
        name=_cluster_name(rows),  # None when the text names none: see give_names
        signed=steps.get("signed"), in_force=steps.get("entered_into_force"), ended=ended,
        conditions=conditions,
        reference=f"article {rows[0]['article_id']}",
        parties=[PartyRecord(p, joined=start, left_on=ended, suspended_from=suspended, **flags) for p in parties],
        events=[_event(r, None) for r in rows],
        obligations=obligations_for(kinds, conditions),
    )


def _membership(org: str, rows: list[Mapping[str, Any]], countries: frozenset[str]) -> CommitmentRecord:
    members: dict[str, PartyRecord] = {}
    events = []
    for row in sorted(rows, key=lambda r: (_effective(r) or date.max)):
        member = next(p for p in json.loads(row["parties"]) if not _is_org(p, countries))
        record = members.setdefault(member, PartyRecord(member))
        when = _effective(row)
        event = row["lifecycle_event"]
        if event in ("joined", "entered_into_force") and record.joined is None:
            record.joined = when
        elif event in ("withdrew", "expired") and record.left_on is None:
            record.left_on = when
        elif event == "suspended" and "suspension" in json.loads(row["kinds"]) and record.suspended_from is None:
            record.suspended_from = when
        events.append(_event(row, member))
    return CommitmentRecord(
        key=f"{org.lower()}-membership", origin="article", kinds=("accession",), name=f"{org} membership",
        organisation=org, reference=f"article {rows[0]['article_id']}",
        parties=sorted(members.values(), key=lambda p: p.party), events=events,
    )


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
