"""Every kind of bad input in one batch: good files still come out, one failure per bad file."""

from __future__ import annotations

import gzip
import os
import random
from pathlib import Path

import pytest

from pactwatch.ingest import Article, ReadFailure, ReadOptions, read_all

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
DUMP = (FIXTURES / "labelled_dump.txt").read_bytes()


def _batch(tmp: Path) -> tuple[list[str], dict[str, str]]:
    """Paths in reading order, and for each bad one a word its failure reason must contain."""
    good1 = tmp / "good1.txt"
    good1.write_bytes(DUMP)
    good2 = tmp / "good2.html"
    good2.write_bytes((FIXTURES / "page.html").read_bytes())
    bad: dict[str, str] = {}

    def add(name: str, data: bytes, word: str) -> str:
        path = tmp / name
        path.write_bytes(data)
        bad[str(path)] = word
        return str(path)

    paths = [str(good1)]
    paths.append(add("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"))
    paths.append(add("archive.txt", b"PK\x03\x04" + bytes(100), "zip"))
    paths.append(add("program", b"\x7fELF\x02\x01\x01" + bytes(300), "ELF"))
    paths.append(add("nuls.txt", b"abc\x00\x00\x00def\x00" * 50, "NUL"))
    rng = random.Random(7)
    paths.append(add("noise.txt", bytes(rng.randrange(0x80, 0x100) for _ in range(4000)), "undecodable"))
    paths.append(add("empty.txt", b"", "empty"))
    paths.append(add("blank.txt", b"  \n\n \t\n", "empty"))
    paths.append(add("cut.txt.gz", gzip.compress(DUMP * 50)[:-200], "gzip"))
    paths.append(add("nothing.html", (FIXTURES / "empty_page.html").read_bytes(), "no article text"))
    paths.append(add("huge.txt", DUMP * 40, "size limit"))
    paths.append(str(good2))
    missing = str(tmp / "missing.txt")
    paths.append(missing)
    bad[missing] = "no such file"
    broken = tmp / "broken.txt"
    broken.symlink_to(tmp / "nowhere.txt")
    paths.append(str(broken))
    bad[str(broken)] = "broken symbolic link"
    empty_dir = tmp / "emptydir"
    empty_dir.mkdir()
    (empty_dir / ".hidden").write_bytes(DUMP)
    paths.append(str(empty_dir))
    bad[str(empty_dir)] = "no readable files"
    paths.append(str(tmp / "nomatch-*.txt"))
    bad[str(tmp / "nomatch-*.txt")] = "no file matches"
    return paths, bad


def test_each_bad_input_gives_one_clear_failure(tmp_path: Path) -> None:
    paths, bad = _batch(tmp_path)
    options = ReadOptions(max_bytes=len(DUMP) * 20)
    items = list(read_all(paths, options))
    articles = [i for i in items if isinstance(i, Article)]
    failures = [i for i in items if isinstance(i, ReadFailure)]
    assert [Path(a.origin).name for a in articles] == ["good1.txt", "good2.html"]
    assert sorted(f.origin for f in failures) == sorted(bad)
    for failure in failures:
        assert bad[failure.origin].lower() in failure.reason.lower(), failure
        assert "\n" not in failure.reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(DUMP)
    path.chmod(0)
    [failure] = list(read_all([str(path)]))
    assert isinstance(failure, ReadFailure) and "permission denied" in failure.reason
