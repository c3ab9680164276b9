"""Crash safety: an ingest killed with SIGKILL at any moment leaves an intact database, no article
without its annotations, and a restart ends in exactly the state of an uninterrupted run,
derived tables included; worker processes die with the ingest. On SQLite and PostgreSQL."""

from __future__ import annotations

import signal
import time
from pathlib import Path

import pytest

from tests.robust.harness import (
    MOMENTS,
    WarmIngest,
    alive,
    check_integrity,
    child_pids,
    differences,
    run_cli,
    snapshot,
)

ROOT = Path(__file__).resolve().parents[2]
CORPUS = [str(ROOT / "examples" / p) for p in (
    "text/01-russia-dprk-partnership-signed.txt", "text/02-russia-dprk-treaty-in-force.txt",
    "jsonl/wire-feed-2021-2023.jsonl", "text/04-armenia-freezes-csto.txt", "html/01-finland-joins-nato.html",
)]  # seven articles: three files, three JSONL records, one page


@pytest.fixture(scope="module")
def warm() -> WarmIngest:
    return WarmIngest(batch_size=2)


def _fresh(db_url: str, k: int) -> str:
    """A second empty database beside the fixture's (same backend)."""
    if db_url.startswith("sqlite:///"):
        return db_url.replace(".sqlite", f"-{k}.sqlite")
    import psycopg

    base, name = db_url.rsplit("/", 1)
    with psycopg.connect(base + "/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}_{k}"')
    return f"{base}/{name}_{k}"


def _drop(db_url: str) -> None:
    if db_url.startswith("postgresql"):
        import psycopg

        base, name = db_url.rsplit("/", 1)
        with psycopg.connect(base + "/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_killed_at_every_moment_then_restarted(warm: WarmIngest, db_url: str) -> None:
    assert warm.run_forked(db_url, CORPUS) == 0
    expected = snapshot(db_url)
    assert len(expected["articles"]) == 7 and expected["merged_events"] and expected["commitments"]
    assert not expected["pending"]
    kills = 0
    # each group starts from an empty database and is killed once per moment, each run resuming
    # the one before; every moment of MOMENTS is the first kill of some group
    groups = [MOMENTS[i::7] for i in range(7)]
    for k, group in enumerate(groups):
        url = _fresh(db_url, k)
        try:
            for moment in group:
                status = warm.run_forked(url, CORPUS, moment)
                kills += status == -signal.SIGKILL
                assert status in (0, -signal.SIGKILL), (moment, status)
                assert check_integrity(url) == [], moment
            assert warm.run_forked(url, CORPUS) == 0
            assert differences(snapshot(url), expected) == [], group
        finally:
            _drop(url)
    assert kills >= 20


def test_killed_after_the_last_commit_the_merge_catches_up(warm: WarmIngest, db_url: str) -> None:
    # every article stored, killed before the cross-article refresh: the re-run stores nothing
    # new and still brings merged events, quotes, clusters and commitments up to date
    assert warm.run_forked(db_url, CORPUS, "merge:1") == -signal.SIGKILL
    stale = snapshot(db_url)
    assert len(stale["articles"]) == 7 and stale["pending"] and not stale["merged_events"]
    assert warm.run_forked(db_url, CORPUS) == 0
    fresh = snapshot(db_url)
    assert not fresh["pending"] and fresh["merged_events"] and fresh["clusters"]


def test_the_command_line_killed_with_workers_leaves_no_worker(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite'}"
    import os
    import subprocess
    import sys

    env = dict(os.environ, PACTWATCH_KILL_AT="annotate:1")
    process = subprocess.Popen([sys.executable, "-m", "pactwatch", "--db", url, "ingest", "-q", "--workers", "2",
                                "--batch-size", "1", *CORPUS], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: list[int] = []
    while process.poll() is None:
        workers = child_pids(process.pid) or workers
        time.sleep(0.05)
    assert process.returncode == -signal.SIGKILL
    assert workers, "the ingest started no worker processes"
    deadline = time.monotonic() + 10
    while any(alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in workers if alive(p)], "workers outlived the killed ingest"
    assert check_integrity(url) == []
    done = run_cli(url, CORPUS, None, "--workers", "1")
    assert done.returncode == 0, done.stderr
    assert "0 failed" in done.stderr
