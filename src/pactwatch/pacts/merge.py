"""Merging commitment reports from many articles into commitments with a lifecycle and validity.

Identity. Reports about one state and one organisation (accession, withdrawal, suspension) all
belong to that organisation's membership commitment, one per organisation (key
``article:org:NATO``), with one party row per member state. Other reports merge when they have the
same set of parties and, when both are named, the same name (key ``article:PRK|RUS`` or
``article:PRK|RUS:treaty of …``); an unnamed report joins the named commitment of its parties.

Validity (a documented decision). A party is bound from the first of: the date the agreement
entered into force; else the date it was ratified; else the date it was signed — a signed
bilateral or multilateral pact counts as binding from signature unless an in-force date is
known, because news reports signature as the moment the pledge is made and most such pacts
(the 2024 Russia-DPRK treaty included) are applied from then in practice. Announced and proposed
steps bind no one. A member of an organisation is bound from the date it joined. A withdrawal or
expiry ends the binding, a suspension suspends it. An undated step takes its article's
publication date (the step had happened by then).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from pactwatch.pacts.lexicon import KIND_ORDER
from pactwatch.records import CommitmentRecord, EventRecord, PartyRecord, flags_for

MEMBERSHIP_KINDS = ("accession", "withdrawal", "suspension")


def _day(value: Any) -> date | None:
    if not value:
        return None
    return date.fromisoformat(str(value)[:10])


def _is_org(code: str, countries: frozenset[str]) -> bool:
    return code not in countries


def _norm_name(name: str | None) -> str | None:
    return " ".join(name.lower().split()) if name else None


def merge_reports(rows: Iterable[Mapping[str, Any]], countries: frozenset[str]) -> list[CommitmentRecord]:
    """Commitments from ``commitment_reports`` rows (with ``published`` of their article)."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    named: dict[tuple[str, ...], list[str]] = {}
    ordered = sorted(rows, key=lambda r: (r.get("name") is None, r["id"]))  # named reports first
    for row in ordered:
        parties = tuple(sorted(json.loads(row["parties"])))
        orgs = [p for p in parties if _is_org(p, countries)]
        if len(parties) == 2 and len(orgs) == 1:
            key = f"article:org:{orgs[0]}"
        else:
            base = "article:" + "|".join(parties)
            name = _norm_name(row.get("name"))
            known = named.setdefault(parties, [])
            if name and name not in known:
                known.append(name)
            key = f"{base}:{name}" if name else (f"{base}:{known[0]}" if known else base)
        groups.setdefault(key, []).append(row)
    return [_commitment(key, group, countries) for key, group in sorted(groups.items())]


def _event(row: Mapping[str, Any], party: str | None) -> EventRecord:
    return EventRecord(
        lifecycle_event=row["lifecycle_event"], date=_day(row.get("date")), source="article", party=party,
        report_id=row["id"], article_id=row["article_id"], sentence=row["sentence"],
        start_char=row["start_char"], end_char=row["end_char"],
    )


def _effective(row: Mapping[str, Any]) -> date | None:
    return _day(row.get("date")) or _day(row.get("published"))


def _commitment(key: str, rows: list[Mapping[str, Any]], countries: frozenset[str]) -> CommitmentRecord:
    kinds_seen: list[str] = []
    for row in rows:
        kinds_seen += json.loads(row["kinds"])
    if key.startswith("article:org:"):
        return _membership(key, rows, countries)
    kinds = tuple(sorted(set(kinds_seen) - set(MEMBERSHIP_KINDS), key=_kind_rank)) or ("other",)
    parties = sorted(json.loads(rows[0]["parties"]))
    steps: dict[str, date | None] = {}
    for row in sorted(rows, key=lambda r: (_effective(r) or date.max)):
        steps.setdefault(row["lifecycle_event"], _effective(row))
    start = steps.get("entered_into_force") or steps.get("ratified") or steps.get("signed") or steps.get("joined")
    ended = min((d for e, d in steps.items() if e in ("withdrew", "expired") and d), default=None)
    suspended = steps.get("suspended")
    flags = flags_for(kinds)
    record = CommitmentRecord(
        key=key, origin="article", kinds=kinds,
        name=next((r["name"] for r in rows if r.get("name")), None),
        signed=steps.get("signed"), in_force=steps.get("entered_into_force"), ended=ended,
        conditions=next((r["conditions"] for r in rows if r.get("conditions")), None),
        reference=f"article {rows[0]['article_id']}",
        parties=[PartyRecord(p, joined=start, left_on=ended, suspended_from=suspended, **flags) for p in parties],
        events=[_event(r, None) for r in rows],
    )
    return record


def _membership(key: str, rows: list[Mapping[str, Any]], countries: frozenset[str]) -> CommitmentRecord:
    org = key.rsplit(":", 1)[1]
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
        key=key, origin="article", kinds=("accession",), name=f"{org} membership", organisation=org,
        reference=f"article {rows[0]['article_id']}", parties=sorted(members.values(), key=lambda p: p.party),
        events=events,
    )


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
