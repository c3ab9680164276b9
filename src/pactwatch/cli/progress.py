"""A progress bar on a terminal (count, rate, ETA); silent when stderr is not a terminal."""

from __future__ import annotations

import glob
import os
import sys
import time
from collections.abc import Sequence
from types import TracebackType


def input_files(paths: Sequence[str]) -> list[str]:
    """Files named by the paths (directories walked, globs expanded), for the progress total."""
    files: list[str] = []
    for path in paths:
        if path == "-":
            continue
        matches = glob.glob(path, recursive=True) if glob.has_magic(path) else [path]
        for match in matches:
            if os.path.isdir(match):
                for root, dirs, names in os.walk(match):
                    dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                    files += [os.path.join(root, n) for n in sorted(names) if not n.startswith(".")]
            else:
                files.append(match)
    return files


class Progress:
    """Counts items; the ETA comes from the share of input files done (articles per file vary)."""

    def __init__(self, total: int | None = None, files: list[str] | None = None, enabled: bool = True) -> None:
        self.files = files or []
        self.total = total if total is not None else (len(self.files) or None)
        self.enabled = enabled and sys.stderr.isatty()
        self.count = 0
        self.file_index = 0
        self.started = time.monotonic()
        self._last_draw = 0.0

    @classmethod
    def for_paths(cls, paths: Sequence[str], enabled: bool = True) -> Progress:
        return cls(files=input_files(paths) if enabled and sys.stderr.isatty() else [], enabled=enabled)

    def _done_units(self, origin: str | None) -> int:
        if not self.files:
            return self.count
        if origin:
            while self.file_index < len(self.files) and not origin.startswith(self.files[self.file_index]):
                self.file_index += 1
            if self.file_index >= len(self.files):
                self.file_index = len(self.files) - 1
        return self.file_index

    def advance(self, origin: str | None) -> None:
        self.count += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last_draw < 0.1:
            return
        self._last_draw = now
        self.draw(self._done_units(origin))

    def draw(self, done: int) -> None:
        elapsed = max(time.monotonic() - self.started, 1e-6)
        rate = self.count / elapsed
        line = f"\r{self.count} articles  {rate:.1f}/s"
        if self.total:
            share = min(done / self.total, 1.0)
            width = 24
            filled = int(share * width)
            eta = (elapsed / share - elapsed) if share > 0 else None
            line += f"  [{'#' * filled}{'.' * (width - filled)}] {share:4.0%}"
            line += f"  ETA {int(eta) // 60}:{int(eta) % 60:02d}" if eta is not None else "  ETA --:--"
        sys.stderr.write(line + " " * 4)
        sys.stderr.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self.enabled and self.count:
            self.draw(self.total or self.count)
            sys.stderr.write("\n")
