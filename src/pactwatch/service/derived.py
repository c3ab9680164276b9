"""The tables that span articles, kept current however a run ends.

Story clusters, merged events and quotes and the commitment graph are derived from the stored
articles. Every write of an article or its annotation also notes the article in
``derived_pending`` (same transaction); ``refresh_derived`` rebuilds what those articles touch
and clears the notes, all in one transaction under one lock. So a process killed after its
last article and before (or during) the refresh leaves the notes, and the next run catches up,
even one that stores nothing new; two processes refreshing at once take turns. The refresh is
idempotent: the same stored articles give the same derived rows.
"""

from __future__ import annotations

from pactwatch.faults import checkpoint
from pactwatch.store.annotations import clear_pending, pending_articles
from pactwatch.store.database import DERIVED_LOCK, Database


def refresh_derived(db: Database, every_article: bool = False) -> int:
    """Refresh the derived tables for the articles noted as pending (all of them when
    ``every_article``, after a re-annotation that may have removed old keys). Returns how many
    pending articles were handled."""
    from pactwatch.dedup.merge import merge_events, merge_quotes
    from pactwatch.dedup.stories import add_signatures, rebuild_clusters
    from pactwatch.pacts.graph import rebuild as rebuild_commitments

    with db.transaction():
        db.lock_for(DERIVED_LOCK)
        pending = pending_articles(db)
        if not pending and not every_article:
            return 0
        checkpoint("merge")
        add_signatures(db, pending)
        rebuild_clusters(db)
        checkpoint("merge")
        merge_events(db, None if every_article else pending)
        checkpoint("merge")
        merge_quotes(db, None if every_article else pending)
        rebuild_commitments(db)
        checkpoint("merge")
        clear_pending(db, None if every_article else pending)
    return len(pending)
