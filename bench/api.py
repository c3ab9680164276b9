"""Load test of the read API: `pactwatch serve` on loopback, N concurrent clients for S seconds.

    .venv/bin/python bench/api.py [--seconds 30] [--clients 50] [--db PATH] [--no-annotate]

Builds a database from examples/ (and the seed article when ../shared has it) with the real
`pactwatch ingest`, starts the server in a subprocess on a free 127.0.0.1 port, and runs the
clients (raw HTTP/1.1 on asyncio streams, keep-alive) against a rotation of read endpoints. Prints requests/s,
p50/p95/p99 latency and the error count. Traffic goes to loopback only and stops by itself.
Goal: 0 errors, p95 < 100 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_018b8fec1f9a9e1f.txt"
MAX_SECONDS = 600  # bound on any run, whatever is asked

READS = [
    "/api/articles",
    "/api/articles?limit=10&offset=5",
    "/api/articles?q=North%20Korea",
    "/api/articles?q=treaty&since=2024-01-01",
    "/api/articles/{id}",
    "/api/events?actor=RUS",
    "/api/events?dyad=RUS-PRK&since=2024-01-01",
    "/api/quotes?speaker=putin",
    "/api/quotes?actor=USA",
    "/api/pacts?party=RUS&on=2024-07-01",
    "/api/allies/PRK?on=2025-01-01",
    "/api/obligations?attacked=PRK&by=USA&on=2025-01-01",
    "/api/graph?on=2024-07-01",
    "/api/graph?on=2023-01-01",
    "/api/timeline?a=RUS&b=PRK",
]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def build_db(path: Path, annotate: bool) -> None:
    inputs = [str(ROOT / "examples" / d) for d in ("text", "html", "jsonl", "warc")]
    if SEED.exists():
        inputs.append(str(SEED))
    cmd = [sys.executable, "-m", "pactwatch", "--db", str(path), "ingest", "-q", *inputs]
    if not annotate:
        cmd.append("--no-annotate")
    started = time.monotonic()
    subprocess.run(cmd, check=True, timeout=1800)
    print(f"built {path} in {time.monotonic() - started:.1f}s", file=sys.stderr)


def start_server(db: Path, port: int, log: Path, workers: int = 1) -> subprocess.Popen:
    handle = open(log, "w")
    proc = subprocess.Popen([sys.executable, "-m", "pactwatch", "--db", str(db), "serve", "--host", "127.0.0.1",
                             "--port", str(port), "--log-level", "warning", "--workers", str(workers)],
                            stdout=handle, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("server exited: " + log.read_text())
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=2):
                return proc
        except OSError:
            time.sleep(0.3)
    proc.terminate()
    raise SystemExit("server did not start in 120 s")


async def read_response(reader: asyncio.StreamReader) -> tuple[int, bytes]:
    """Status and body of one HTTP/1.1 response (Content-Length or chunked)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:] if line)}
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = b""
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            chunk = await reader.readexactly(size + 2)
            if size == 0:
                return status, body
            body += chunk[:-2]
    return status, await reader.readexactly(int(headers.get("content-length", "0")))


async def client(base: str, paths: list[str], until: float, offset: int, latencies: list[float],
                 errors: list[str]) -> None:
    """One keep-alive connection sending requests back to back. A minimal HTTP/1.1 client on
    asyncio streams: a full client library costs more CPU per request than the server does,
    and on a 2-core machine the load generator would then measure itself."""
    host, port = base.rsplit("//", 1)[1].split(":")
    reader, writer = await asyncio.open_connection(host, int(port))
    i = offset
    try:
        while time.monotonic() < until:
            path = paths[i % len(paths)]
            i += 1
            started = time.perf_counter()
            try:
                writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
                status, body = await asyncio.wait_for(read_response(reader), timeout=10.0)
                if status != 200:
                    errors.append(f"{path}: HTTP {status}")
                else:
                    json.loads(body)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
                errors.append(f"{path}: {type(exc).__name__}")
                writer.close()
                reader, writer = await asyncio.open_connection(host, int(port))
            latencies.append(time.perf_counter() - started)
    finally:
        writer.close()


async def run(base: str, paths: list[str], clients: int, seconds: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    started = time.monotonic()
    until = started + seconds
    await asyncio.gather(*(client(base, paths, until, n, latencies, errors) for n in range(clients)))
    return latencies, errors, time.monotonic() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--db", type=Path, default=None, help="Use this database instead of building one.")
    parser.add_argument("--no-annotate", action="store_true", help="Build the database without the NLP steps.")
    parser.add_argument("--server-workers", type=int, default=1, help="`pactwatch serve --workers` value.")
    args = parser.parse_args()
    seconds = min(max(args.seconds, 1.0), MAX_SECONDS)
    clients = min(max(args.clients, 1), 500)

    workdir = Path(tempfile.mkdtemp(prefix="pactwatch-bench-"))
    db = args.db or workdir / "bench.sqlite"
    if args.db is None:
        build_db(db, annotate=not args.no_annotate)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = start_server(db, port, workdir / "serve.log", args.server_workers)
    try:
        ids = [str(i) for i in range(1, 25)]
        paths = [p.replace("{id}", ids[n % len(ids)]) for n, p in enumerate(READS * len(ids))]
        asyncio.run(run(base, READS[:1], 5, 1.0))  # warm-up: connections, caches, commitment graph
        latencies, errors, elapsed = asyncio.run(run(base, paths, clients, seconds))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
    n = len(latencies)
    print(f"pactwatch API bench: {clients} clients, {elapsed:.1f}s, {os.cpu_count()} cores, db {db}")
    print(f"requests      {n}")
    print(f"requests/s    {n / elapsed:.1f}")
    if latencies:
        print(f"latency p50   {percentile(latencies, 0.50) * 1000:.1f} ms")
        print(f"latency p95   {percentile(latencies, 0.95) * 1000:.1f} ms")
        print(f"latency p99   {percentile(latencies, 0.99) * 1000:.1f} ms")
        print(f"latency mean  {statistics.fmean(latencies) * 1000:.1f} ms")
    print(f"errors        {len(errors)}")
    for line in sorted(set(errors))[:10]:
        print(f"  {line}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
