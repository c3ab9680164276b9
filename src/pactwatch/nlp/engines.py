"""Where annotation runs: in this process, in a pool of local processes, or on a Dask cluster.

Every engine takes batches of articles and yields, in input order, each batch with its
annotations. Annotation is a pure function of the article and the tables, so the three engines
store identical results; only the writer (the caller, in one process) touches the database.
"""

from __future__ import annotations

import functools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, Protocol

from pactwatch.records import Annotation, Article
from pactwatch.nlp.pipeline import Annotator, PipelineConfig

Batch = list[Article]


class Engine(Protocol):
    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Annotation]]]: ...

    def close(self) -> None: ...


@functools.lru_cache(maxsize=4)
def _worker_annotator(config: PipelineConfig) -> Annotator:
    """One Annotator per worker process and config: the model loads once, not once per batch."""
    return Annotator(config)


def annotate_batch(config: PipelineConfig, batch: Batch) -> list[Annotation]:
    return list(_worker_annotator(config).annotate_many(batch))


class LocalEngine:
    def __init__(self, config: PipelineConfig) -> None:
        self.annotator = Annotator(config)

    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Annotation]]]:
        for batch in batches:
            yield batch, list(self.annotator.annotate_many(batch))

    def close(self) -> None:
        pass


class _Windowed:
    """Keeps at most ``window`` batches in flight, so memory stays flat on any corpus size."""

    window: int

    def submit(self, batch: Batch) -> Any:
        raise NotImplementedError

    def result(self, handle: Any) -> list[Annotation]:
        raise NotImplementedError

    def run(self, batches: Iterable[Batch]) -> Iterator[tuple[Batch, list[Annotation]]]:
        pending: deque[tuple[Batch, Any]] = deque()
        for batch in batches:
            pending.append((batch, self.submit(batch)))
            if len(pending) >= self.window:
                done, handle = pending.popleft()
                yield done, self.result(handle)
        while pending:
            done, handle = pending.popleft()
            yield done, self.result(handle)


class ProcessEngine(_Windowed):
    def __init__(self, config: PipelineConfig, workers: int) -> None:
        import multiprocessing

        self.config = config
        self.window = workers * 2
        # forkserver: workers start clean (no inherited DB connections or threads).
        self.pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("forkserver"))

    def submit(self, batch: Batch) -> Future[list[Annotation]]:
        return self.pool.submit(annotate_batch, self.config, batch)

    def result(self, handle: Future[list[Annotation]]) -> list[Annotation]:
        return handle.result()

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

    def result(self, handle: Any) -> list[Annotation]:
        return handle.result()

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
