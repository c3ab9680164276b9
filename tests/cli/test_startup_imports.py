"""Listing commands never need the heavy libraries: importing the CLI must not load them.

Checked in a fresh interpreter (this test process has imported them already). Times are in
``bench/startup.py``, not here.
"""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("spacy", "scipy", "datasketch", "pyarrow", "matplotlib", "fastapi", "dask", "trafilatura", "pandas")


def loaded_after(statement: str) -> list[str]:
    probe = (f"import sys, json\n{statement}\n"
             f"print(json.dumps(sorted(m for m in {list(HEAVY)!r} if m in sys.modules)))")
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_the_probe_sees_a_heavy_import() -> None:
    assert loaded_after("import scipy") == ["scipy"]


def test_importing_the_cli_loads_no_heavy_library() -> None:
    assert loaded_after("import pactwatch.cli") == []


def test_importing_the_python_api_loads_no_heavy_library() -> None:
    assert loaded_after("import pactwatch; pactwatch.open") == []
