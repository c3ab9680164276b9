"""Re-run every command shown in the user guide and write its real output under it.

    .venv/bin/python scripts/refresh_guide.py [--check]

The guide (``docs/*.md``) and the README show commands in ```console blocks: a line ``$ pactwatch …`` is
followed by what the command printed. This script builds the guide's database
(``var/guide.sqlite``: empty for the first-ingest page, whose own ``ingest`` stores the guide's
article as article 1; then the bundled examples are added for every other page), runs each
command from the repository root with ``PACTWATCH_DB`` pointing at it and ``COLUMNS=100``, and
replaces the lines under it with its stdout and stderr. ``--check`` writes nothing and exits 1
when a page's outputs differ from what the commands print now.
"""

from __future__ import annotations

import argparse
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DB = ROOT / "var" / "guide.sqlite"
README_DB = ROOT / "var" / "readme.sqlite"  # the README's example starts from an empty database too
PACTWATCH = Path(sys.executable).with_name("pactwatch")
BLOCK = re.compile(r"^```console\n(.*?)^```\n", re.S | re.M)
FIRST_PAGE = "first-ingest.md"  # runs on the empty database: its ingest is the first
EXAMPLES = ["ingest", "--quiet", "examples/text", "examples/html", "examples/jsonl", "examples/warc"]


def environment(db: Path = DB) -> dict[str, str]:
    return {**os.environ, "PACTWATCH_DB": str(db), "COLUMNS": "100", "PYTHONUTF8": "1"}


def empty_database(db: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    db.parent.mkdir(parents=True, exist_ok=True)


def add_examples() -> None:
    subprocess.run([str(PACTWATCH), *EXAMPLES], check=True, cwd=ROOT, env=environment(),
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def run(command: str, db: Path) -> str:
    """What the command prints; a trailing ``| head -n N`` keeps the first N lines."""
    keep = None
    piped = re.match(r"^(.*?)\s*\|\s*head -n (\d+)\s*$", command)
    if piped:
        command, keep = piped.group(1), int(piped.group(2))
    argv = shlex.split(command, comments=True)
    if not argv or argv[0] != "pactwatch":
        raise SystemExit(f"the guide runs only pactwatch commands: {command!r}")
    done = subprocess.run([str(PACTWATCH), *argv[1:]], cwd=ROOT, env=environment(db), capture_output=True,
                          text=True)
    text = done.stdout + done.stderr
    return "\n".join(text.splitlines()[:keep]) + "\n" if keep is not None else text


def refresh_block(block: str, db: Path) -> str:
    out: list[str] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            out.append(line)
            out += run(line[2:], db).rstrip("\n").splitlines()
    return "\n".join(out) + "\n"


def refresh_page(text: str, db: Path) -> str:
    return BLOCK.sub(lambda m: "```console\n" + refresh_block(m.group(1), db) + "```\n", text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if a page's outputs are not current")
    args = parser.parse_args()
    empty_database(README_DB)
    empty_database(DB)
    stale = []
    examples_added = False
    pages = [ROOT / "README.md", *sorted(DOCS.glob("*.md"), key=lambda p: (p.name != FIRST_PAGE, p.name))]
    for page in pages:
        if page.parent == DOCS and page.name != FIRST_PAGE and not examples_added:
            add_examples()
            examples_added = True
        text = page.read_text(encoding="utf-8")
        fresh = refresh_page(text, README_DB if page.name == "README.md" else DB)
        if fresh != text:
            stale.append(page.name)
            if not args.check:
                page.write_text(fresh, encoding="utf-8")
    print(("stale: " if args.check else "refreshed: ") + (", ".join(stale) or "nothing"))
    sys.exit(1 if args.check and stale else 0)


if __name__ == "__main__":
    main()
