"""Named moments at which a test can kill this process, to prove what a crash leaves behind.

``checkpoint("write")`` does nothing unless the environment variable ``PACTWATCH_KILL_AT`` names
that moment and its count, e.g. ``write:3`` (the third time a run reaches "write"): the process
then sends itself SIGKILL, exactly as a power cut or the OOM killer would end it, with no
clean-up of any kind. ``tests/robust/test_crash.py`` kills ``pactwatch ingest`` this way at
every moment of reading, parsing, annotating, writing and the cross-article refresh.
"""

from __future__ import annotations

import os
import signal
from collections import Counter

ENV_VAR = "PACTWATCH_KILL_AT"
_reached: Counter[str] = Counter()


def checkpoint(name: str) -> None:
    target = os.environ.get(ENV_VAR)
    if not target:
        return
    _reached[name] += 1
    if target == f"{name}:{_reached[name]}":
        os.kill(os.getpid(), signal.SIGKILL)
