"""The model's matrix products through numpy's OpenBLAS, one thread per process.

thinc multiplies with the blis library it ships, and blis picks its kernels by CPU model: on a
CPU it does not know it falls back to generic reference kernels (AMD Zen 4, the machines this
project is measured on: ``BLIS_ARCH_DEBUG=1`` prints "selecting sub-configuration 'generic'";
explosion/cython-blis#53 is the same for Zen 3). numpy's OpenBLAS chooses kernels for the CPU it
finds at run time. thinc's own ``NumpyOps(use_blis=False)`` sends its products to numpy; the
weights and the float32 arithmetic stay the same, and the annotations are the same token for
token (``tests/nlp/test_openblas_products.py``). The parser's and recogniser's transition loops
still call blis directly from C; only the layers thinc runs go through numpy.

OpenBLAS would start a thread per core for each large product; an annotating process is meant
to use one core (``--workers`` says how many), and its threads spin on a shared machine, so the
model is loaded with the process's BLAS limited to one thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_limited = False


def load_with_openblas(load: Callable[[], Any]) -> Any:
    """``load()`` (a spaCy model load) with every layer's products sent to numpy's BLAS."""
    from thinc.api import use_ops

    one_blas_thread()
    with use_ops("numpy", use_blis=False):
        return load()


def one_blas_thread() -> None:
    """Limit the BLAS libraries loaded in this process to one thread (once per process)."""
    global _limited
    if not _limited:
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")
        _limited = True
