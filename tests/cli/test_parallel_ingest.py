"""`--workers 2` and `--dask` store exactly what a one-worker run stores."""

from __future__ import annotations

import json

import pytest

from pactwatch.cli import main
from pactwatch.nlp.engines import DaskEngine, LocalEngine, ProcessEngine
from pactwatch.nlp.pipeline import PipelineConfig
from tests.conftest import ROOT

EXAMPLES = [str(ROOT / "examples" / d) for d in ("text", "jsonl", "html", "warc")]
TABLES = {
    "mentions": "start_char, end_char, text, actor_code, kind, resolved_by, name",
    "quotes": "speaker, speaker_actor, cue, text, start_char, end_char, mentions",
    "events": "date, source, target, cameo_code, goldstein, start_char, end_char, matched",
    "commitment_reports": "parties, kinds, lifecycle_event, date, start_char, end_char",
}


def stored(db_url: str) -> dict[str, list[str]]:
    """Every annotation row, keyed by article content hash instead of row ids."""
    from pactwatch.store import open_database

    db = open_database(db_url)
    out = {}
    for table, columns in TABLES.items():
        rows = db.query(f"SELECT a.content_hash, {columns} FROM {table} t JOIN articles a ON a.id = t.article_id")
        out[table] = sorted(json.dumps(r, sort_keys=True, default=str) for r in rows)
    out["articles"] = sorted(r["content_hash"] for r in db.query("SELECT content_hash FROM articles"))
    db.close()
    return out


@pytest.fixture(scope="module")
def one_worker(tmp_path_factory, seed_path_module):
    url = f"sqlite:///{tmp_path_factory.mktemp('one') / 'one.sqlite'}"
    from click.testing import CliRunner

    result = CliRunner().invoke(main, ["--db", url, "ingest", "-q", "--workers", "1", *EXAMPLES, str(seed_path_module)])
    assert result.exit_code == 0, result.output
    return stored(url)


@pytest.fixture(scope="module")
def seed_path_module():
    from tests.conftest import require_shared

    return require_shared("seeds", "000_018b8fec1f9a9e1f.txt")


@pytest.mark.slow
def test_two_workers_store_the_same(one_worker, runner, tmp_path, seed_path_module):
    url = f"sqlite:///{tmp_path / 'two.sqlite'}"
    result = runner.invoke(main, ["--db", url, "ingest", "-q", "--workers", "2", *EXAMPLES, str(seed_path_module)])
    assert result.exit_code == 0, result.output
    assert stored(url) == one_worker
    assert len(one_worker["articles"]) >= 15


@pytest.mark.slow
def test_dask_cluster_stores_the_same(one_worker, tmp_path, seed_path_module):
    from distributed import Client, LocalCluster

    from pactwatch.cli.progress import Progress
    from pactwatch.ingest import read_all
    from pactwatch.service.ingest import IngestSummary, ingest_stream
    from pactwatch.store import open_database

    url = f"sqlite:///{tmp_path / 'dask.sqlite'}"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        engine = DaskEngine(PipelineConfig(), client)
        assert engine.window == 6  # three batches in flight per worker
        db = open_database(url)
        ingest_stream(db, read_all([*EXAMPLES, str(seed_path_module)]), engine, IngestSummary(),
                      Progress(enabled=False))
        db.close()
    assert stored(url) == one_worker


def test_engine_choice():
    from pactwatch.nlp.engines import make_engine

    assert isinstance(make_engine(PipelineConfig(), workers=1), LocalEngine)
    engine = make_engine(PipelineConfig(), workers=2)
    try:
        assert isinstance(engine, ProcessEngine) and engine.window == 4
    finally:
        engine.close()


def test_batches_end_at_a_size_in_articles_or_in_body_text():
    from pactwatch.records import Article
    from pactwatch.service.ingest import batched

    def articles(*lengths: int) -> list[Article]:
        return [Article(title=str(i), paragraphs=["x" * n], origin=f"a{i}") for i, n in enumerate(lengths)]

    short = articles(*[100] * 7)
    assert [len(b) for b in batched(iter(short), 3, characters=10_000)] == [3, 3, 1]
    long = articles(6_000, 6_000, 100, 9_000, 20_000, 100)
    batches = list(batched(iter(long), 16, characters=10_000))
    # an article that would take a batch past the budget starts the next; a longer one is alone
    assert [[a.origin for a in b] for b in batches] == [["a0"], ["a1", "a2"], ["a3"], ["a4"], ["a5"]]
    assert [a for b in batches for a in b] == long
