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
from pactwatch.pacts.atop import resolve_stored_atop
from pactwatch.pacts.baseline import load_baseline_records
from pactwatch.pacts.identity import resolve
from pactwatch.pacts.merge import give_names, merge_reports
from pactwatch.records import CommitmentRecord
from pactwatch.store.commitments import last_build, record_build, replace_origin, report_rows, reports_fingerprint
from pactwatch.store.database import Database

# Every table a rebuild reads from the baseline: a change to any of them rebuilds the graph.
BASELINE_TABLES = ("treaties/commitments.tsv", "treaties/members.tsv", "treaties/obligations.tsv",
                   "treaties/atop.tsv")


@dataclass(frozen=True)
class RebuildSummary:
    article_commitments: int
    baseline_commitments: int


def rebuild(db: Database) -> RebuildSummary:
    """Recompute article commitments from commitment_reports, reload the baseline, and fold every
    article commitment that reports a baseline treaty into that treaty (one treaty, one commitment,
    every source kept). When the baseline tables changed, ATOP alliances are resolved afresh."""
    countries = frozenset(row["code"] for row in read_table("actors/countries.tsv"))
    names = {row["code"]: row["name"] for row in read_table("actors/countries.tsv")}
    baseline = load_baseline_records()
    articles = []
    for record in merge_reports(report_rows(db), countries):
        target = resolve(record, baseline)
        if target is None:
            articles.append(record)
        else:
            fold(record, target)
    give_names(articles, names)
    built = last_build(db)
    with db.transaction():
        replace_origin(db, "baseline", baseline)
        replace_origin(db, "article", articles)
        if built is None or built["baseline"] != _baseline_fingerprint():
            resolve_stored_atop(db, baseline)
        record_build(db, reports_fingerprint(db), _baseline_fingerprint())
    return RebuildSummary(len(articles), len(baseline))


def fold(report: CommitmentRecord, target: CommitmentRecord) -> None:
    """Add an article commitment's evidence to the treaty it reports. The baseline's dates stay
    authoritative; a member the baseline does not list yet (a newer accession) joins as reported."""
    target.events.extend(report.events)
    known = {p.party for p in target.parties}
    if target.organisation:
        target.parties.extend(p for p in report.parties if p.party not in known and p.joined is not None)


def _baseline_fingerprint() -> str:
    digest = hashlib.sha256()
    for name in BASELINE_TABLES:
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
