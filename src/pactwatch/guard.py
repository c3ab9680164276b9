"""One guard for every reader and step: any exception becomes a named failure, the batch goes on.

The readers already turn the failures they expect (binary files, bad gzip, invalid JSON) into
clear reasons; this is the net under them. A library raising something nobody foresaw
(warcio's ``AttributeError`` on a record without a target URI, a ``RecursionError`` in a parser)
gives one failure for that file or record, with the exception's type and message as its reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TypeVar

T = TypeVar("T")
F = TypeVar("F")

MAX_REASON_CHARS = 300
# the start of the reason an article is stored unannotated with when its annotation ran too long
STOPPED = "annotation stopped"

# C0/C1 controls (newlines and ANSI escapes among them), lone surrogates (the bytes of a file
# name that is not UTF-8), and the line and paragraph separators that terminals break lines on.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def printable(text: str) -> str:
    """``text`` safe to print on one line: controls and undecodable bytes as escapes (``\\n``,
    ``\\x1b``, ``\\udcff`` → ``\\xff``), so a file name cannot forge lines or colour a terminal."""
    def escape(match: re.Match[str]) -> str:
        ch = match.group(0)
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode (surrogateescape)
            return f"\\x{code - 0xDC00:02x}"
        return ch.encode("unicode_escape").decode("ascii")

    return _UNPRINTABLE.sub(escape, text)


def describe(error: BaseException) -> str:
    """One line naming what went wrong: the exception's type and its message, shortened."""
    text = str(error) if not isinstance(error, RecursionError) else "nested too deeply"
    text = " ".join(printable(text).split())
    if len(text) > MAX_REASON_CHARS:
        text = text[:MAX_REASON_CHARS] + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def unexpected(step: str, error: BaseException) -> str:
    """The reason shown for an exception no reader anticipated."""
    return f"unexpected error while {step} ({describe(error)})"


def guard_call(step: str, make_failure: Callable[[str], F], func: Callable[[], T]) -> T | F:
    """``func()``, or ``make_failure(reason)`` when it raises (MemoryError and RecursionError
    included; KeyboardInterrupt and SystemExit are let through)."""
    try:
        return func()
    except Exception as error:  # noqa: BLE001 - this is the one place that catches everything
        return make_failure(unexpected(step, error))


def guard_iter(step: str, make_failure: Callable[[str], F], items: Iterator[T]) -> Iterator[T | F]:
    """The items of ``items``; when producing the next one raises, one failure ends the stream
    (the items yielded before it are kept)."""
    while True:
        try:
            item = next(items)
        except StopIteration:
            return
        except Exception as error:  # noqa: BLE001 - see guard_call
            yield make_failure(unexpected(step, error))
            return
        yield item
