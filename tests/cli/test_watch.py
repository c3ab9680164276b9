"""`pactwatch watch DIR` as a real process: files are ingested as they arrive, and SIGTERM /
SIGINT stop it cleanly with every stored article whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pactwatch.store import open_database

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
INTERVAL = "0.2"


def story(n: int) -> str:
    return (f"Ferry line number {n} resumes after repairs\n"
            f"Published: 3 March 2025\n"
            f"The ferry on route {n} sailed again on Monday after a month of repairs, the operator said.\n"
            f"Passengers on route {n} said the crossing was calm and on time.\n")


def start(db: Path, folder: Path, *extra: str) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "pactwatch", "--db", str(db), "watch", str(folder), "--interval", INTERVAL,
         "--no-annotate", *extra],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    assert process.stderr is not None
    first = process.stderr.readline()
    assert first.startswith("watching "), first
    return process


def wait_for(db: Path, count: int, timeout: float = 60.0) -> int:
    deadline = time.monotonic() + timeout
    found = 0
    while time.monotonic() < deadline:
        if db.exists():
            handle = open_database(f"sqlite:///{db}")
            found = int(handle.scalar("SELECT COUNT(*) FROM articles"))
            handle.close()
            if found >= count:
                return found
        time.sleep(0.1)
    return found


def stop(process: subprocess.Popen[str], sig: int) -> tuple[int, str]:
    process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    return process.returncode, err


def test_new_files_are_ingested_as_they_arrive_and_sigterm_stops_cleanly(tmp_path: Path) -> None:
    folder, db = tmp_path / "inbox", tmp_path / "watch.sqlite"
    folder.mkdir()
    (folder / "early.txt").write_text(story(1), encoding="utf-8")  # there before the watch
    process = start(db, folder)
    try:
        assert wait_for(db, 1) == 1
        # a writer that writes under a hidden name and renames when done
        hidden = folder / ".late.txt.part"
        hidden.write_text(story(2), encoding="utf-8")
        hidden.rename(folder / "late.txt")
        (folder / "README.md").write_text("# Inbox\n\nDrop news files here.\n", encoding="utf-8")
        (folder / "sub").mkdir()
        (folder / "sub" / "wire.rss").write_bytes((FIXTURES / "feeds" / "harbour-wire.rss").read_bytes())
        assert wait_for(db, 4) == 4  # late.txt and the feed's two items
        time.sleep(0.6)  # a few more polls: nothing is read twice
        assert wait_for(db, 4) == 4
    finally:
        code, err = stop(process, signal.SIGTERM)
    assert code == 0, err
    assert "stopped: 4 new, 0 already stored, 0 failed, 1 skipped" in err, err
    assert "skipped (not news: project documentation (README))" in err
    handle = open_database(f"sqlite:///{db}")
    assert handle.integrity_check() == "ok"
    titles = {r["title"] for r in handle.query("SELECT title FROM articles")}
    assert "Ferry line number 2 resumes after repairs" in titles
    assert "Two island states sign a coastal patrol pact" in titles
    handle.close()


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_a_stop_in_the_middle_of_a_batch_leaves_whole_articles_and_the_rest_for_later(
        tmp_path: Path, sig: int) -> None:
    folder, db = tmp_path / "inbox", tmp_path / "watch.sqlite"
    folder.mkdir()
    process = start(db, folder, "--batch-size", "1")
    try:
        for n in range(60):
            (folder / f"story-{n:02d}.txt").write_text(story(n), encoding="utf-8")
        stored = wait_for(db, 1)
        assert stored >= 1
    finally:
        code, err = stop(process, sig)
    assert code == 0, err
    handle = open_database(f"sqlite:///{db}")
    assert handle.integrity_check() == "ok"
    rows = handle.query("SELECT a.id, a.body, COUNT(p.idx) AS paragraphs FROM articles a"
                        " LEFT JOIN paragraphs p ON p.article_id = a.id GROUP BY a.id, a.body")
    assert all(r["paragraphs"] == 2 and r["body"].count("\n\n") == 1 for r in rows)  # each whole
    first_run = len(rows)
    handle.close()
    # the next start reads what the stop left, and nothing twice
    process = start(db, folder)
    try:
        assert wait_for(db, 60) == 60
    finally:
        code, err = stop(process, signal.SIGTERM)
    assert code == 0 and f"stopped: {60 - first_run} new, {first_run} already stored" in err, err


def test_ingest_follow_reads_the_folder_then_keeps_watching(tmp_path: Path) -> None:
    folder, db = tmp_path / "inbox", tmp_path / "follow.sqlite"
    folder.mkdir()
    (folder / "first.txt").write_text(story(1), encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "pactwatch", "--db", str(db), "ingest", "-q", "--no-annotate", "--follow",
         "--interval", INTERVAL, str(folder)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert process.stderr is not None
        assert process.stderr.readline().startswith("1 new, 0 already stored, 0 failed")  # the ingest itself
        assert process.stderr.readline().startswith("watching ")
        (folder / "second.txt").write_text(story(2), encoding="utf-8")
        assert wait_for(db, 2) == 2
    finally:
        code, err = stop(process, signal.SIGINT)
    assert code == 0 and "stopped: 1 new, 1 already stored" in err, err
