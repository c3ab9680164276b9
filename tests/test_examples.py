"""The bundled examples: formats present, every article readable, dated and titled, the WARC
reproducible from its sources, the README complete, and the text written in our own words.

These tests read the example files directly (regular expressions, json, warcio, and trafilatura
for the HTML bodies) rather than through pactwatch's readers, so that they check the material
itself; the readers have their own tests.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest
import trafilatura
from warcio.archiveiterator import ArchiveIterator

from tests.conftest import require_shared

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
WARC = EXAMPLES / "warc" / "pactwatch-demo-news.warc.gz"
BUILD_SCRIPT = ROOT / "scripts" / "build_example_warc.py"

MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], start=1)}
MONTH_RE = "|".join(sorted({m for name in MONTHS for m in (name, name[:3])}, key=len, reverse=True))
DATE_PATTERNS = (
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
    re.compile(rf"\b(?P<d>\d{{1,2}}) (?P<mon>{MONTH_RE})\.? (?P<y>\d{{4}})\b", re.I),
    re.compile(rf"\b(?P<mon>{MONTH_RE})\.? (?P<d>\d{{1,2}}), (?P<y>\d{{4}})\b", re.I),
)


@dataclass
class Example:
    key: str  # how README.md names it
    title: str
    published: date
    paragraphs: list[str]


def find_date(text: str) -> date | None:
    """First calendar date written in one of the forms the examples use."""
    hits = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            month = int(match["m"]) if "m" in pattern.groupindex else MONTHS[
                next(n for n in MONTHS if n.startswith(match["mon"].lower()[:3]))]
            hits.append((match.start(), date(int(match["y"]), month, int(match["d"]))))
    return min(hits)[1] if hits else None


def read_text_example(path: Path) -> Example:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    title = lines[0]
    # the date sits in the header area: the lines before the first long body paragraph ends
    header = "\n".join(lines[1:8])
    published = find_date(header)
    assert published is not None, f"{path.name}: no date in its header lines"
    # prose lines end a sentence; metadata, bylines, dates and related headlines do not
    body = [line for line in lines[1:] if not line.startswith("- ") and line[-1] in ".\"'”"]
    return Example(f"text/{path.name}", title, published, body)


def meta(page: str, attr: str, name: str) -> str | None:
    match = re.search(rf'<meta {attr}="{re.escape(name)}" content="([^"]*)"', page)
    return html.unescape(match.group(1)) if match else None


def read_html_example(page: str, key: str) -> Example:
    og_title = meta(page, "property", "og:title")
    published = meta(page, "property", "article:published_time")
    assert og_title and published, f"{key}: og:title or article:published_time missing"
    assert meta(page, "name", "author"), f"{key}: no author meta"
    ld = json.loads(re.search(
        r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1))
    assert ld["@type"] == "NewsArticle"
    assert ld["headline"] == og_title and ld["datePublished"] == published, key
    h1 = html.unescape(re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1]))
    assert h1.strip() == og_title, f"{key}: <h1> differs from og:title"
    times = re.findall(r'<time datetime="([^"]+)"', page)
    assert published in times, f"{key}: no <time datetime> with the published time"
    # body paragraphs are the bare <p> elements outside the page footer
    content = re.sub(r'<footer.*?</footer>|<div id="footer">.*?</div>', "", page, flags=re.S)
    paragraphs = [html.unescape(re.sub(r"<[^>]+>", "", p)).strip()
                  for p in re.findall(r"<p>(.*?)</p>", content, re.S)]
    # trafilatura must find every one of them and leave the fictional-publisher footer out
    extracted = trafilatura.extract(page, include_comments=False, include_tables=False) or ""
    lines = set(extracted.splitlines())
    assert [p for p in paragraphs if p not in lines] == [], f"{key}: paragraphs not extracted"
    assert "fictional" not in extracted.lower(), f"{key}: footer extracted as text"
    return Example(key, og_title, datetime.fromisoformat(published).date(), paragraphs)


def read_jsonl_examples(path: Path) -> list[Example]:
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        record = json.loads(line)
        assert {"title", "url", "published", "publisher"} <= record.keys(), (path.name, number)
        assert ("text" in record) != ("body" in record), f"{path.name}#{number}: text xor body"
        content = record.get("text") or record["body"]
        paragraphs = [p.strip() for p in re.split(r"\n+", content) if p.strip()]
        published = find_date(record["published"])
        assert published is not None, f"{path.name}#{number}: unreadable date"
        found.append(Example(f"jsonl/{path.name}#{number}", record["title"], published, paragraphs))
    return found


def warc_responses(path: Path) -> list[tuple[str, str, bytes, str]]:
    """(target URI, content type, payload, WARC-Date) of every response record."""
    out = []
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type == "response":
                out.append((record.rec_headers.get_header("WARC-Target-URI"),
                            record.http_headers.get_header("Content-Type"),
                            record.content_stream().read(),
                            record.rec_headers.get_header("WARC-Date")))
    return out


def manifest_rows() -> list[dict[str, str]]:
    lines = [line for line in (EXAMPLES / "warc-src" / "manifest.tsv").read_text(
        encoding="utf-8").splitlines() if line and not line.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, line.split("\t"), strict=True)) for line in lines[1:]]


def warc_examples() -> list[Example]:
    by_uri = {row["target_uri"]: row["file"] for row in manifest_rows()}
    found = []
    for uri, content_type, payload, _ in warc_responses(WARC):
        if content_type.startswith("text/html"):
            found.append(read_html_example(payload.decode("utf-8"), f"warc-src/{by_uri[uri]}"))
    return found


def all_examples() -> list[Example]:
    found = [read_text_example(p) for p in sorted((EXAMPLES / "text").glob("*.txt"))]
    found += [read_html_example(p.read_text(encoding="utf-8"), f"html/{p.name}")
              for p in sorted((EXAMPLES / "html").glob("*.html"))]
    for path in sorted((EXAMPLES / "jsonl").glob("*.jsonl")):
        found += read_jsonl_examples(path)
    return found + warc_examples()


def readme_rows() -> dict[str, tuple[str, date, str]]:
    """README table: key -> (format, event date, reference URL)."""
    rows = {}
    for line in (EXAMPLES / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 5 and cells[0].startswith("`") and re.fullmatch(r"\d{4}-\d\d-\d\d", cells[3]):
            rows[cells[0].strip("`")] = (cells[1].split()[0], date.fromisoformat(cells[3]), cells[4])
    return rows


@pytest.fixture(scope="module")
def examples() -> list[Example]:
    return all_examples()


def test_count_and_formats(examples: list[Example]) -> None:
    assert 15 <= len(examples) <= 30
    formats = {ex.key.split("/")[0] for ex in examples}
    assert formats == {"text", "html", "jsonl", "warc-src"}
    for fmt in formats:
        assert sum(ex.key.startswith(fmt + "/") for ex in examples) >= 3, fmt


def test_every_file_is_utf8() -> None:
    checked = 0
    for path in EXAMPLES.rglob("*"):
        if path.is_file() and path.suffix != ".gz":
            path.read_bytes().decode("utf-8")  # raises on a bad byte
            checked += 1
    with gzip.open(WARC) as handle:
        handle.read().decode("utf-8")
    assert checked >= 20


def test_every_article_has_headline_date_and_length(examples: list[Example]) -> None:
    keys = [ex.key for ex in examples]
    assert len(keys) == len(set(keys))
    for ex in examples:
        assert 15 <= len(ex.title) <= 160 and not ex.title.startswith("- "), ex.key
        assert date(2020, 1, 1) <= ex.published <= date(2026, 1, 1), ex.key
        words = sum(len(p.split()) for p in ex.paragraphs)
        assert 150 <= words <= 400, f"{ex.key}: {words} words"
        assert len(ex.paragraphs) >= 5, ex.key


def test_readme_lists_every_example_with_matching_date(examples: list[Example]) -> None:
    rows = readme_rows()
    assert set(rows) == {ex.key for ex in examples}
    for ex in examples:
        fmt, event_date, reference = rows[ex.key]
        assert ex.key.startswith({"warc": "warc-src"}.get(fmt, fmt) + "/"), ex.key
        # an article is published on the day of the event or up to two days later
        assert 0 <= (ex.published - event_date).days <= 2, (ex.key, ex.published, event_date)
        assert re.match(r"https?://[\w.-]+\.\w+/", reference), ex.key


def test_text_dumps_have_related_headlines_and_metadata_variants() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((EXAMPLES / "text").glob("*.txt"))]
    assert sum("Published Date:" in t for t in texts) >= 2
    assert any(re.search(r"^By [A-Z]", t, re.M) for t in texts)
    assert any("Updated:" in t for t in texts)
    # most files end with related-headline lines, and at least one has none
    endings = [t.strip().splitlines()[-1].startswith("- ") for t in texts]
    assert 3 <= sum(endings) < len(texts)


def test_warc_has_expected_records() -> None:
    rows = manifest_rows()
    responses = warc_responses(WARC)
    assert [r[0] for r in responses] == [row["target_uri"] for row in rows]
    assert all(r[0].startswith("https://demo.pactwatch.example/") for r in responses)
    # WARC-Date is the crawl date from the manifest, and no page was crawled before it appeared
    assert [r[3] for r in responses] == [row["warc_date"] for row in rows]
    for row, (_, ctype, payload, _) in zip(rows, responses, strict=True):
        assert ctype == row["content_type"]
        assert payload == (EXAMPLES / "warc-src" / row["file"]).read_bytes()
        published = meta(payload.decode("utf-8"), "property", "article:published_time")
        if published:
            crawled = datetime.fromisoformat(row["warc_date"].replace("Z", "+00:00"))
            assert datetime.fromisoformat(published) < crawled, row["file"]
    kinds = [r[1].split(";")[0] for r in responses]
    assert kinds.count("text/html") == 5
    assert {"text/plain", "image/svg+xml"} <= set(kinds)
    with WARC.open("rb") as handle:
        types = [record.rec_type for record in ArchiveIterator(handle)]
    assert types[0] == "warcinfo"
    assert types.count("request") == types.count("response") == len(rows)


def test_warc_rebuilds_identically(tmp_path: Path) -> None:
    out = tmp_path / WARC.name
    subprocess.run([sys.executable, str(BUILD_SCRIPT), "--out", str(out)], check=True,
                   capture_output=True)
    # compare uncompressed bytes: they hold every header, ID, digest and date; compressed bytes
    # could only differ through the zlib build
    with gzip.open(out) as fresh, gzip.open(WARC) as committed:
        assert fresh.read() == committed.read()


def _normalise(text: str) -> str:
    """Lower case, entities decoded, tags dropped, whitespace collapsed: how copies are compared."""
    text = re.sub(r"<[^>]+>", "", html.unescape(text))
    return " ".join(text.lower().split())


def _pieces(paragraphs: list[str]) -> list[str]:
    """Paragraphs and their sentences of 60 characters or more, normalised."""
    out = []
    for paragraph in paragraphs:
        for piece in [paragraph] + re.split(r"(?<=[.!?\"])\s+(?=[A-Z\"])", paragraph):
            piece = _normalise(piece)
            if len(piece) >= 60:
                out.append(piece)
    return sorted(set(out))


def find_copies(pieces: list[str], root: Path) -> list[tuple[str, str]]:
    """(file, piece) for every piece that occurs verbatim in a file under root (.gz read inside).

    A substring search per piece per file would scan ~100 MB several hundred times, so each file
    is also reduced to its set of words, and only files holding every inner word of a piece are
    searched for the piece itself.
    """
    found = []
    for path in sorted(root.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if path.suffix == ".gz":
            data = gzip.decompress(data)
        text = _normalise(data.decode("utf-8", errors="ignore"))
        words = set(text.split())
        for piece in pieces:
            if set(piece.split()[1:-1]) <= words and piece in text:
                found.append((str(path.relative_to(root)), piece))
    return found


def test_copy_detector_finds_a_copied_paragraph(tmp_path: Path) -> None:
    seed = require_shared("seeds", "000_018b8fec1f9a9e1f.txt").read_text(encoding="utf-8")
    copied = max(seed.splitlines(), key=len)
    # the detector must see through markup, entity escapes, case and line wrapping
    marked = html.escape(copied.upper()).replace(" ", "\n", 3).replace(",", "<b>,</b>", 1)
    (tmp_path / "page.html.gz").write_bytes(gzip.compress(f"<p>{marked}</p>".encode()))
    (tmp_path / "other.txt").write_text("nothing to see here", encoding="utf-8")
    mine = ["A sentence that was written for the examples and appears nowhere else at all."]
    hits = find_copies(_pieces([copied] + mine), tmp_path)
    assert ("page.html.gz", _normalise(copied)) in hits
    assert {name for name, _ in hits} == {"page.html.gz"}
    assert not any("written for the examples" in piece for _, piece in hits)


def test_examples_are_in_our_own_words(examples: list[Example]) -> None:
    shared = require_shared()
    pieces = _pieces([p for ex in examples for p in ex.paragraphs])
    assert len(pieces) > 200
    assert find_copies(pieces, shared) == []
