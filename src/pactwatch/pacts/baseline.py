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

COMMITMENTS_TABLE = "treaties/commitments.tsv"
MEMBERS_TABLE = "treaties/members.tsv"

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
