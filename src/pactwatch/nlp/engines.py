"""Where annotation runs: in this process, in a pool of local processes, or on a Dask cluster.

Every engine takes batches of articles and yields, in input order, each batch with its
annotations. Annotation is a pure function of the article and the tables, so the three engines
store identical results; only the writer (the caller, in one process) touches the database.
"""

from __future__ import annotations

import functools
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from pactwatch.faults import checkpoint
from pactwatch.guard import unexpected
from pactwatch.ingest.limits import DEFAULT_LIMITS, Limits
from pactwatch.nlp.pipeline import Annotator, PipelineConfig
from pactwatch.nlp.watchdog import annotate_guarded, limit_memory
from pactwatch.records import Annotation, Article

Batch = list[Article]


class Engine(Protocol):
    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Annotation]]]: ...

    def close(self) -> None: ...


@functools.lru_cache(maxsize=4)
def _worker_annotator(config: PipelineConfig) -> Annotator:
    """One Annotator per worker process and config: the model loads once, not once per batch."""
    return Annotator(config)


def annotate_batch(config: PipelineConfig, batch: Batch, seconds: float = DEFAULT_LIMITS.article_seconds
                   ) -> list[Annotation]:
    """The annotations of one batch in a worker, each article within the time limit and never
    raising (``watchdog.annotate_guarded``)."""
    return annotate_guarded(_worker_annotator(config), batch, seconds)


WORKER_DIED = "annotation failed: the worker process died (out of memory or crashed)"


def _start_worker(parent: int, max_bytes: int) -> None:
    """In each worker process: cap its memory, and end it when the ingesting process is gone
    (killed with SIGKILL, it cannot tell its workers; they would go on with a batch for minutes)."""
    limit_memory(max_bytes)

    def watch() -> None:
        first = os.getppid()
        while True:
            time.sleep(0.5)
            if os.getppid() != first or not _alive(parent):
                os._exit(1)

    threading.Thread(target=watch, name="pactwatch-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class LocalEngine:
    def __init__(self, config: PipelineConfig, limits: Limits = DEFAULT_LIMITS) -> None:
        self.annotator = Annotator(config)
        self.seconds = limits.article_seconds

    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Annotation]]]:
        for batch in batches:
            checkpoint("parse")
            yield batch, annotate_guarded(self.annotator, batch, self.seconds)

    def close(self) -> None:
        pass


class _Windowed:
    """Keeps at most ``window`` batches in flight, so memory stays flat on any corpus size."""

    window: int

    def submit(self, batch: Batch) -> Any:
        raise NotImplementedError

    def result(self, handle: Any, batch: Batch) -> list[Annotation]:
        raise NotImplementedError

    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Annotation]]]:
        pending: deque[tuple[Batch, Any]] = deque()
        for batch in batches:
            pending.append((batch, self.submit(batch)))
            if len(pending) >= self.window:
                done, handle = pending.popleft()
                yield done, self.result(handle, done)
        while pending:
            done, handle = pending.popleft()
            yield done, self.result(handle, done)


class ProcessEngine(_Windowed):
    def __init__(self, config: PipelineConfig, workers: int, limits: Limits = DEFAULT_LIMITS) -> None:
        self.config = config
        self.workers = workers
        self.limits = limits
        self.window = workers * 2
        self.pool = self._new_pool()

    def _new_pool(self) -> ProcessPoolExecutor:
        import multiprocessing

        # forkserver: workers start clean (no inherited DB connections or threads).
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("forkserver"),
                                   initializer=_start_worker, initargs=(os.getpid(), self.limits.worker_bytes))

    def submit(self, batch: Batch) -> Future[list[Annotation]]:
        return self.pool.submit(annotate_batch, self.config, batch, self.limits.article_seconds)

    def result(self, handle: Future[list[Annotation]], batch: Batch) -> list[Annotation]:
        try:
            return handle.result()
        except BrokenProcessPool:
            pass
        # a worker died (the kernel's OOM killer, a crash in native code): a fresh pool does the
        # batch one article at a time, and the article that kills a worker again is skipped
        out: list[Annotation] = []
        for article in batch:
            self._replace_broken_pool()
            try:
                out += self.pool.submit(annotate_batch, self.config, [article], self.limits.article_seconds).result()
            except BrokenProcessPool:
                out.append(Annotation(skipped=WORKER_DIED))
        return out

    def _replace_broken_pool(self) -> None:
        if getattr(self.pool, "_broken", False):
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._new_pool()

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskEngine(_Windowed):
    """Submits batches to an existing dask.distributed cluster (``--dask tcp://HOST:8786``)."""

    def __init__(self, config: PipelineConfig, address: Any) -> None:
        from distributed import Client

        self.config = config
        self.client = address if isinstance(address, Client) else Client(address)
        self._owns_client = not isinstance(address, Client)
        workers = max(len(self.client.scheduler_info().get("workers", {})), 1)
        self.window = workers * 3

    def submit(self, batch: Batch) -> Any:
        return self.client.submit(annotate_batch, self.config, batch, pure=False)

    def result(self, handle: Any, batch: Batch) -> list[Annotation]:
        try:
            return handle.result()
        except Exception as error:  # noqa: BLE001 - a lost worker or task: these articles only
            return [Annotation(skipped=unexpected("annotating on the cluster", error))] * len(batch)

    def close(self) -> None:
        if self._owns_client:
            self.client.close()


def default_workers() -> int:
    return max(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1, 1)


def make_engine(config: PipelineConfig, workers: int | None = None, dask: Any = None) -> Engine:
    if dask is not None:
        return DaskEngine(config, dask)
    workers = workers or default_workers()
    return LocalEngine(config) if workers <= 1 else ProcessEngine(config, workers)
