"""The baseline of standing defence commitments, loaded from ``data/treaties/*.tsv``.

The tables are project-authored (see the comment header of each file). This module only
parses and checks them; it holds no state, so callers keep the loaded tuples themselves.

Membership intervals are half-open: a party is active in a commitment on day ``d`` iff
``joined <= d < left`` and ``d < suspended_from``. A row without ``joined`` records a
signed-but-not-in-force commitment and is never active.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from pactwatch.data import read_table
from pactwatch.records import CONDITIONS, CommitmentRecord, EventRecord, ObligationRecord, PartyRecord, flags_for

# The baseline table writes the European Union as EUR (a CAMEO region code); the actor tables and
# the gold labels use EU, so the graph does too.
ORGANISATION_ALIASES = {"EUR": "EU"}

COMMITMENTS_TABLE = "treaties/commitments.tsv"
MEMBERS_TABLE = "treaties/members.tsv"
OBLIGATIONS_TABLE = "treaties/obligations.tsv"

# Ordered from strongest to weakest obligation; kept in step with CommitmentReport.kinds.
KINDS: tuple[str, ...] = (
    "mutual_defense",
    "nonaggression",
    "neutrality",
    "consultation",
    "strategic_partnership",
    "military_cooperation",
    "economic",
    "other",
)


class BaselineError(ValueError):
    """A baseline table row that cannot be read as a commitment or membership."""


@dataclass(frozen=True)
class BaselineCommitment:
    id: str
    name: str
    kinds: tuple[str, ...]  # strongest first
    organisation: str | None
    signed: date | None
    in_force: date | None
    ended: date | None
    conditions: str
    symmetric: bool
    reference: str
    checked: date | None = None


@dataclass(frozen=True)
class BaselineMembership:
    commitment_id: str
    party: str  # ISO 3166-1 alpha-3
    joined: date | None
    left: date | None
    suspended_from: date | None
    note: str
    reference: str


def _where(table: str, row: Mapping[str, str]) -> str:
    key = row.get("id") or f"{row.get('commitment_id', '?')}/{row.get('party', '?')}"
    return f"{table} row {key!r}"


def _date(row: Mapping[str, str], column: str, table: str) -> date | None:
    value = row.get(column, "")
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise BaselineError(f"{_where(table, row)}: {column}={value!r} is not an ISO date") from exc


def _required(row: Mapping[str, str], column: str, table: str) -> str:
    value = row.get(column, "")
    if not value:
        raise BaselineError(f"{_where(table, row)}: {column} is empty")
    return value


def parse_commitment(row: Mapping[str, str]) -> BaselineCommitment:
    """One ``commitments.tsv`` row as a :class:`BaselineCommitment` (raises BaselineError)."""
    table = COMMITMENTS_TABLE
    kinds = tuple(k.strip() for k in _required(row, "kind", table).split("|"))
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise BaselineError(f"{_where(table, row)}: unknown kind(s) {unknown}")
    symmetric = _required(row, "symmetric", table)
    if symmetric not in ("yes", "no"):
        raise BaselineError(f"{_where(table, row)}: symmetric must be yes or no, not {symmetric!r}")
    return BaselineCommitment(
        id=_required(row, "id", table),
        name=_required(row, "name", table),
        kinds=kinds,
        organisation=row.get("organisation") or None,
        signed=_date(row, "signed", table),
        in_force=_date(row, "in_force", table),
        ended=_date(row, "ended", table),
        conditions=row.get("conditions", ""),
        symmetric=symmetric == "yes",
        reference=_required(row, "reference", table),
        checked=_date(row, "checked", table),
    )


def parse_membership(row: Mapping[str, str]) -> BaselineMembership:
    """One ``members.tsv`` row as a :class:`BaselineMembership` (raises BaselineError)."""
    table = MEMBERS_TABLE
    membership = BaselineMembership(
        commitment_id=_required(row, "commitment_id", table),
        party=_required(row, "party", table),
        joined=_date(row, "joined", table),
        left=_date(row, "left", table),
        suspended_from=_date(row, "suspended_from", table),
        note=row.get("status_note", ""),
        reference=_required(row, "reference", table),
    )
    if membership.joined and membership.left and membership.left < membership.joined:
        raise BaselineError(f"{_where(table, row)}: left precedes joined")
    return membership


def _codes(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def parse_obligation(row: Mapping[str, str]) -> tuple[str, ObligationRecord]:
    """One ``obligations.tsv`` row as (commitment id, obligation) (raises BaselineError)."""
    table = OBLIGATIONS_TABLE
    where = f"{table} row {row.get('commitment_id', '?')}/{row.get('condition', '?')}"
    condition = _required(row, "condition", table)
    if condition not in CONDITIONS:
        raise BaselineError(f"{where}: condition must be one of {', '.join(CONDITIONS)}, not {condition!r}")
    scope = tuple(tuple(part.strip() for part in alternative.split("+") if part.strip())
                  for alternative in _required(row, "scope", table).split("|"))
    _required(row, "reference", table)
    _date({**row, "id": where}, "checked", table)
    return _required(row, "commitment_id", table), ObligationRecord(
        owed_by=_codes(_required(row, "owed_by", table)), owed_to=_codes(_required(row, "owed_to", table)),
        condition=condition, scope=scope, adversaries=_codes(row.get("adversaries", "")),
        article=row.get("article") or None, text=row.get("scope_text") or None, reference=row["reference"])


def load_obligations(known: set[str] | None = None) -> dict[str, list[ObligationRecord]]:
    """Every baseline obligation by commitment id, checked against the commitments table."""
    found: dict[str, list[ObligationRecord]] = {}
    for row in read_table(OBLIGATIONS_TABLE):
        commitment_id, obligation = parse_obligation(row)
        if known is not None and commitment_id not in known:
            raise BaselineError(f"{OBLIGATIONS_TABLE}: obligation of unknown commitment {commitment_id!r}")
        found.setdefault(commitment_id, []).append(obligation)
    return found


def load_baseline() -> tuple[tuple[BaselineCommitment, ...], tuple[BaselineMembership, ...]]:
    """All baseline commitments and memberships shipped with pactwatch, checked for consistency."""
    commitments = tuple(parse_commitment(row) for row in read_table(COMMITMENTS_TABLE))
    memberships = tuple(parse_membership(row) for row in read_table(MEMBERS_TABLE))
    seen: set[str] = set()
    for commitment in commitments:
        if commitment.id in seen:
            raise BaselineError(f"{COMMITMENTS_TABLE}: duplicate id {commitment.id!r}")
        seen.add(commitment.id)
    for membership in memberships:
        if membership.commitment_id not in seen:
            raise BaselineError(
                f"{MEMBERS_TABLE}: {membership.party} refers to unknown commitment "
                f"{membership.commitment_id!r}"
            )
    return commitments, memberships


def is_active(membership: BaselineMembership, on: date) -> bool:
    """Whether this membership interval makes its party an active participant on ``on``."""
    if membership.joined is None or on < membership.joined:
        return False
    if membership.left is not None and on >= membership.left:
        return False
    return membership.suspended_from is None or on < membership.suspended_from


def members_on(commitment_id: str, on: date, memberships: Iterable[BaselineMembership]) -> set[str]:
    """Parties actively bound by ``commitment_id`` on day ``on``."""
    return {
        m.party for m in memberships if m.commitment_id == commitment_id and is_active(m, on)
    }


def load_baseline_records() -> list[CommitmentRecord]:
    commitments, memberships = load_baseline()
    return baseline_records(commitments, memberships, load_obligations({c.id for c in commitments}))


def baseline_records(commitments: tuple[BaselineCommitment, ...], memberships: tuple[BaselineMembership, ...],
                     obligations: dict[str, list[ObligationRecord]] | None = None) -> list[CommitmentRecord]:
    records = []
    obligations = load_obligations() if obligations is None else obligations
    for c in commitments:
        flags = flags_for(c.kinds)
        parties = [
            PartyRecord(m.party, joined=m.joined, left_on=m.left, suspended_from=m.suspended_from,
                        note=m.note or None, **flags)
            for m in memberships if m.commitment_id == c.id
        ]
        events = [EventRecord(step, when, "baseline", reference=c.reference)
                  for step, when in (("signed", c.signed), ("entered_into_force", c.in_force), ("expired", c.ended))
                  if when is not None]
        events += [EventRecord("joined", m.joined, "baseline", party=m.party, reference=m.reference)
                   for m in memberships if m.commitment_id == c.id and m.joined is not None and c.organisation]
        records.append(CommitmentRecord(
            key=c.id, origin="baseline", kinds=c.kinds, name=c.name,
            organisation=ORGANISATION_ALIASES.get(c.organisation or "", c.organisation), signed=c.signed,
            in_force=c.in_force, ended=c.ended, conditions=c.conditions, reference=c.reference,
            parties=parties, events=events, obligations=list(obligations.get(c.id, [])), checked=c.checked,
        ))
    return records
