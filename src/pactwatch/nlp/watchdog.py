"""Bounds on one article's annotation: a time limit (a watchdog) and any exception caught.

An article whose steps run past ``seconds`` or raise is stored unannotated with the reason (the
``annotation_note``), and the batch goes on. The watchdog is SIGALRM, so it works in the main
thread of a process (the CLI and every worker process); elsewhere (a server thread) only the
exception guard applies, and the input bounds of ``ingest.limits`` keep each article small.
"""

from __future__ import annotations

import resource
import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pactwatch.guard import STOPPED, unexpected
from pactwatch.records import Annotation, Article


class ArticleTimeout(Exception):
    """Raised inside the annotation when its time is up."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``ArticleTimeout`` in the block once ``seconds`` have passed (main thread only)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise ArticleTimeout()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def annotate_guarded(annotator: Any, batch: list[Article], seconds: float) -> list[Annotation]:
    """One Annotation per article of ``batch``, never raising.

    The batch is parsed together (as fast as before) within ``seconds`` per article; if that
    fails or runs out of time, each article is done alone within its own ``seconds``, so only
    the article at fault is stored unannotated, with the reason."""
    try:
        with time_limit(seconds * len(batch)):
            return list(annotator.annotate_many(batch))
    except Exception:  # noqa: BLE001 - find the article at fault below
        pass
    out = []
    for article in batch:
        try:
            with time_limit(seconds):
                out.append(annotator.annotate(article))
        except ArticleTimeout:
            out.append(Annotation(skipped=f"{STOPPED} after {seconds:g} s (the per-article limit)"))
        except Exception as error:  # noqa: BLE001 - this article only
            out.append(Annotation(skipped=unexpected("annotating", error)))
    return out


def limit_memory(max_bytes: int) -> None:
    """Cap this process's address space: an allocation past it raises MemoryError (caught per
    article) instead of the kernel's OOM killer ending the process or the machine swapping."""
    if max_bytes <= 0:
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        max_bytes = min(max_bytes, hard)
    resource.setrlimit(resource.RLIMIT_AS, (max_bytes, hard))
