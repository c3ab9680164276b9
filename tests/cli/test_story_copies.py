"""Twenty outlets' copies of one story: one cluster, and its events merged with num_articles = 20."""

from __future__ import annotations

import json

import pytest

from pactwatch.cli import main
from tests.dedup.wire_copies import UNRELATED, copies


@pytest.mark.slow
def test_twenty_copies_one_cluster_one_merged_event(runner, db_url, tmp_path):
    corpus = tmp_path / "copies.jsonl"
    with open(corpus, "w", encoding="utf-8") as out:
        for article in [*copies(20), UNRELATED]:
            out.write(json.dumps({"title": article.title, "body": article.body, "publisher": article.publisher,
                                  "published": article.published.isoformat()}) + "\n")
    result = runner.invoke(main, ["--db", db_url, "ingest", "-q", "--workers", "1", str(corpus)])
    assert result.exit_code == 0, result.output
    clusters = json.loads(runner.invoke(main, ["--db", db_url, "articles", "--clusters", "--format", "json"]).stdout)
    assert len(clusters) == 1 and clusters[0]["articles"] == 20 and clusters[0]["publishers"] == 20
    merged = json.loads(runner.invoke(
        main, ["--db", db_url, "events", "--merged", "--dyad", "NOR", "ISL", "--root", "5", "--format", "json"]).stdout)
    assert merged, "the signing is coded"
    assert max(m["num_articles"] for m in merged) == 20
    raw = json.loads(runner.invoke(
        main, ["--db", db_url, "events", "--dyad", "NOR", "ISL", "--root", "5", "--format", "json"]).stdout)
    assert len({r["article_id"] for r in raw}) == 20  # the per-article rows stay queryable
