"""Concurrent ingests of overlapping inputs, on SQLite and PostgreSQL: every article is stored
once, none is lost, and the derived tables equal those of one ingest after the other."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.robust.harness import WarmIngest, check_integrity, differences, snapshot
from tests.robust.test_crash import CORPUS, _drop, _fresh

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def warm() -> WarmIngest:
    return WarmIngest(batch_size=1)


def test_overlapping_ingests_at_once(warm: WarmIngest, db_url: str) -> None:
    # three runs over overlapping halves and the whole corpus, started together
    inputs = [CORPUS[:3], CORPUS[1:], list(reversed(CORPUS))]
    url = _fresh(db_url, 9)
    try:
        for paths in inputs:  # one after the other: the reference
            assert warm.run_forked(url, paths) == 0
        expected = snapshot(url)
    finally:
        _drop(url)
    for attempt in range(2):  # interleavings differ from run to run
        url = _fresh(db_url, 10 + attempt)
        try:
            pids = [warm.start_forked(url, paths) for paths in inputs]
            assert [warm.wait(pid) for pid in pids] == [0, 0, 0]
            assert check_integrity(url) == []
            got = snapshot(url)
            assert len(got["articles"]) == 7
            assert differences(got, expected) == []
        finally:
            _drop(url)
