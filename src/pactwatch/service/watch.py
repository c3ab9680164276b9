"""Following folders: new and changed files are ingested as they arrive, until told to stop.

Folders are polled (``os.scandir`` every ``interval`` seconds) rather than watched through
inotify: polling works the same on every file system (network mounts and containers' bind
mounts deliver no inotify events), and a file has to be checked for being complete anyway —
a file is taken once its size and modification time have not changed between two polls, so a
file still being copied in is not read half-written. Writers that can should still write under
a hidden name (``.name.part``; hidden files are never read) and rename when done.

A stop (``stop`` event set, e.g. by SIGINT/SIGTERM) is honoured between articles: the articles
already read are stored, each in its own transaction, the derived tables are refreshed, and
the loop ends — nothing is left half-written.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pactwatch.ingest import ReadFailure, ReadOptions, Skipped, read_all
from pactwatch.records import Article
from pactwatch.service.ingest import IngestSummary, after_write, ingest_stream
from pactwatch.store.database import Database

if TYPE_CHECKING:
    from pactwatch.nlp.engines import Engine

DEFAULT_INTERVAL = 2.0  # seconds between polls


@dataclass
class FolderState:
    """What the last polls saw: each file's (size, mtime) and the signature last ingested."""

    seen: dict[Path, tuple[int, int]] = field(default_factory=dict)
    done: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def settled(self, roots: Sequence[Path]) -> list[Path]:
        """Files unchanged since the previous poll and not ingested in that state yet."""
        now = dict(_files(roots))
        ready = [p for p, sig in now.items() if self.seen.get(p) == sig and self.done.get(p) != sig]
        self.seen = now
        return sorted(ready)

    def mark_done(self, paths: Sequence[Path]) -> None:
        for path in paths:
            if path in self.seen:
                self.done[path] = self.seen[path]


def _files(roots: Sequence[Path]) -> Iterator[tuple[Path, tuple[int, int]]]:
    for root in roots:
        for folder, dirs, names in os.walk(root):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in names:
                if name.startswith("."):
                    continue  # hidden: editors' and copiers' temporary files
                path = Path(folder) / name
                try:
                    stat = path.stat()
                except OSError:
                    continue  # removed or renamed between listing and stat
                yield path, (stat.st_size, stat.st_mtime_ns)


def _until_stopped(items: Iterator[Article | ReadFailure | Skipped],
                   stop: threading.Event) -> Iterator[Article | ReadFailure | Skipped]:
    for item in items:
        if stop.is_set():
            return
        yield item


def watch_folders(db: Database, roots: Sequence[Path], stop: threading.Event, engine: Engine | None,
                  options: ReadOptions | None = None, interval: float = DEFAULT_INTERVAL,
                  batch_size: int = 16, on_round: Callable[[IngestSummary], None] | None = None,
                  state: FolderState | None = None) -> IngestSummary:
    """Ingest the files of ``roots`` as they settle, until ``stop`` is set; returns the totals.

    Files are judged as files of a folder (README, robots.txt, images... are skipped). Each
    round that read something is reported to ``on_round`` with its own summary.
    """
    state = state or FolderState()
    options = options or ReadOptions()
    total = IngestSummary()
    state.settled(roots)  # first sight: every file must then stay unchanged for one interval
    while not stop.wait(interval):
        ready = state.settled(roots)
        if not ready:
            continue
        summary = IngestSummary()
        items = _until_stopped(read_all([str(p) for p in ready], options, found=True), stop)
        ingest_stream(db, items, engine, summary, None, batch_size)
        after_write(db, summary.stored)
        if not stop.is_set():  # a round cut short is read again on the next start
            state.mark_done(ready)
        _add(total, summary)
        if on_round is not None:
            on_round(summary)
    return total


def _add(total: IngestSummary, part: IngestSummary) -> None:
    total.new += part.new
    total.known += part.known
    total.failures += part.failures
    total.stored += part.stored
    total.skipped += part.skipped
    total.unannotated_languages.update(part.unannotated_languages)
    total.summary_only += part.summary_only
