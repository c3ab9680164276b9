#!/usr/bin/env python3
"""Build the example WARC (examples/warc/*.warc.gz) from the sources in examples/warc-src/.

The sources are plain files listed in ``manifest.tsv`` (file, target URI, crawl date, content
type). For every row the script writes a request record and a response record, the way a news
crawler such as Common Crawl News stores a fetch; non-HTML rows (robots.txt, an image) are there
so that WARC readers are exercised on records they must skip.

The output is deterministic: record IDs are UUIDv5 values derived from the target URI, all dates
come from the manifest and gzip members carry no timestamp, so rebuilding from unchanged sources
gives identical bytes (tests/test_examples.py checks this).

Usage: python scripts/build_example_warc.py [--src DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import uuid
from datetime import datetime
from email.utils import format_datetime
from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = ROOT / "examples" / "warc-src"
DEFAULT_OUT = ROOT / "examples" / "warc" / "pactwatch-demo-news.warc.gz"
# fixed namespace so that record IDs only depend on the URI and the record type
ID_NAMESPACE = uuid.UUID("6f1c2a4e-5d0b-4c1e-9a57-0c3f1b2d7e11")
USER_AGENT = "pactwatch-demo-crawler/1.0 (+https://demo.pactwatch.example/about/)"


def record_id(kind: str, key: str) -> str:
    return f"<urn:uuid:{uuid.uuid5(ID_NAMESPACE, kind + ':' + key)}>"


def read_manifest(src: Path) -> list[dict[str, str]]:
    with (src / "manifest.tsv").open(encoding="utf-8", newline="") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def http_date(warc_date: str) -> str:
    return format_datetime(datetime.fromisoformat(warc_date.replace("Z", "+00:00")), usegmt=True)


def build(src: Path, out: Path) -> int:
    """Write the WARC; return the number of response records written."""
    rows = read_manifest(src)
    out.parent.mkdir(parents=True, exist_ok=True)
    info_id = record_id("warcinfo", out.name)
    with out.open("wb") as handle:
        writer = WARCWriter(handle, gzip=True)
        info = {
            "software": "pactwatch scripts/build_example_warc.py (warcio)",
            "format": "WARC File Format 1.0",
            "description": "Fictional demo crawl of articles written for the pactwatch examples",
            "isPartOf": "pactwatch-examples",
        }
        payload = "".join(f"{k}: {v}\r\n" for k, v in info.items()).encode("utf-8")
        writer.write_record(writer.create_warc_record(
            "", "warcinfo", payload=BytesIO(payload), length=len(payload),
            warc_content_type="application/warc-fields",
            warc_headers_dict={"WARC-Record-ID": info_id, "WARC-Date": rows[0]["warc_date"],
                               "WARC-Filename": out.name}))
        for row in rows:
            uri, date = row["target_uri"], row["warc_date"]
            body = (src / row["file"]).read_bytes()
            host = uri.split("/")[2]
            path = "/" + uri.split("/", 3)[3]
            resp_id = record_id("response", uri)
            request_headers = StatusAndHeaders(f"GET {path} HTTP/1.1", [
                ("Host", host), ("User-Agent", USER_AGENT),
                ("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"),
                ("Accept-Encoding", "identity")], is_http_request=True)
            writer.write_record(writer.create_warc_record(
                uri, "request", http_headers=request_headers,
                warc_headers_dict={"WARC-Record-ID": record_id("request", uri), "WARC-Date": date,
                                   "WARC-Concurrent-To": resp_id, "WARC-Warcinfo-ID": info_id}))
            response_headers = StatusAndHeaders("200 OK", [
                ("Date", http_date(date)), ("Server", "demo-httpd"),
                ("Content-Type", row["content_type"]), ("Content-Length", str(len(body)))],
                protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=BytesIO(body), length=len(body),
                http_headers=response_headers,
                warc_headers_dict={"WARC-Record-ID": resp_id, "WARC-Date": date,
                                   "WARC-Warcinfo-ID": info_id,
                                   "WARC-Identified-Payload-Type": row["content_type"].split(";")[0]}))
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--src", type=Path, default=DEFAULT_SRC, help="folder with manifest.tsv")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output .warc.gz path")
    args = parser.parse_args()
    count = build(args.src, args.out)
    print(f"wrote {count} response records to {args.out}")


if __name__ == "__main__":
    main()
