"""The commitment graph in the store: rebuilt from article reports and the baseline tables.

``rebuild(db)`` is what ``ingest`` and ``annotate`` call when they finish: it replaces every
``article`` commitment by merging all stored commitment reports afresh (pacts.merge) and reloads
the ``baseline`` commitments from data/treaties. It is idempotent (same input, same rows) and
touches only those two origins; ATOP rows are left to ``pactwatch import atop``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from pactwatch.data import read_table, table_path
from pactwatch.pacts.baseline import BaselineCommitment, BaselineMembership, load_baseline
from pactwatch.pacts.merge import merge_reports
from pactwatch.records import CommitmentRecord, EventRecord, PartyRecord, flags_for
from pactwatch.store.commitments import (
    last_build, record_build, replace_origin, report_rows, reports_fingerprint,
)
from pactwatch.store.database import Database

# The baseline table writes the European Union as EUR (a CAMEO region code); the actor tables and
# the gold labels use EU, so the graph does too.
ORGANISATION_ALIASES = {"EUR": "EU"}


@dataclass(frozen=True)
class RebuildSummary:
    article_commitments: int
    baseline_commitments: int


def rebuild(db: Database) -> RebuildSummary:
    """Recompute article commitments from commitment_reports and reload the baseline."""
    countries = frozenset(row["code"] for row in read_table("actors/countries.tsv"))
    commitments, memberships = load_baseline()
    baseline = baseline_records(commitments, memberships)
    articles = merge_reports(report_rows(db), countries)
    by_org = {b.organisation: b for b in baseline if b.organisation}
    for record in articles:
        source = by_org.get(record.organisation) if record.organisation else None
        if source is not None:  # joining NATO binds as NATO's treaty does
            record.kinds = tuple(dict.fromkeys((*source.kinds, *record.kinds)))
            record.conditions = source.conditions
            for party in record.parties:
                for flag, value in flags_for(source.kinds).items():
                    setattr(party, flag, value)
    with db.transaction():
        replace_origin(db, "baseline", baseline)
        replace_origin(db, "article", articles)
        record_build(db, reports_fingerprint(db), _baseline_fingerprint())
    return RebuildSummary(len(articles), len(baseline))


def _baseline_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in ("treaties/commitments.tsv", "treaties/members.tsv"):
        digest.update(table_path(name).read_bytes())
    return digest.hexdigest()[:16]


def ensure_current(db: Database) -> bool:
    """Rebuild when commitment reports or the baseline changed since the last build; True if rebuilt.

    Queries call this first, so answers never lag behind what was ingested, whichever command
    wrote the reports."""
    built = last_build(db)
    if built and built["reports"] == reports_fingerprint(db) and built["baseline"] == _baseline_fingerprint():
        return False
    rebuild(db)
    return True


def baseline_records(commitments: tuple[BaselineCommitment, ...],
                     memberships: tuple[BaselineMembership, ...]) -> list[CommitmentRecord]:
    records = []
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
            key=f"baseline:{c.id}", origin="baseline", kinds=c.kinds, name=c.name,
            organisation=ORGANISATION_ALIASES.get(c.organisation or "", c.organisation), signed=c.signed,
            in_force=c.in_force, ended=c.ended, conditions=c.conditions, reference=c.reference,
            parties=parties, events=events,
        ))
    return records
