"""What the browser tests share: a real `pactwatch serve` over a database built by the real
`pactwatch ingest` (with the NLP steps) from the seed article and files written here, and a
headless Chromium page (Debian's chromium, driven by playwright) that records every request."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from pactwatch.records import Annotation, Quote
from pactwatch.store import open_database
from pactwatch.store.annotations import write_annotation
from tests.conftest import ROOT, require_shared

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
TOKEN = "browser-test-token"

XSS_TITLE = "Ruritania talks <img src=x onerror=\"window.__xss='title'\"> <script>window.__xss='t'</script>"
XSS_BODY = [
    "Negotiators from Ruritania and Grand Fenwick met in Geneva on Monday <script>window.__xss='body'</script>"
    " to discuss a border treaty.",
    "\"<img src=x onerror=\"window.__xss='quote'\">We are close to a deal,\" the Ruritanian foreign minister said.",
    "Background reading: <a href=\"javascript:window.__xss='link'\">click here</a> or javascript:window.__xss='bare'"
    " and <svg onload=\"window.__xss='svg'\"></svg> <iframe src=\"javascript:window.__xss='frame'\"></iframe>.",
]
XSS_SPEAKER = "<img src=x onerror=\"window.__xss='speaker'\">Minister"


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium_path() -> Path:
    if not CHROMIUM.exists():
        _skip_or_fail(f"{CHROMIUM} not found: install Debian's chromium (make system) to run browser tests")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        _skip_or_fail("the playwright Python package is not installed (pip install -r requirements.lock)")
    return CHROMIUM


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _write_inputs(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    record = {"title": XSS_TITLE, "body": "\n".join(XSS_BODY), "published": "2024-05-02T10:00:00",
              "publisher": "<b onmouseover=\"window.__xss='publisher'\">Evil Wire</b>",
              "url": "javascript:window.__xss='url'", "language": "en"}
    (folder / "xss.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (folder / "xss.txt").write_text(
        "Grand Fenwick <script>window.__xss='txt'</script> protests\n"
        "- Demo Desk\n- Published: 3 May 2024\n"
        "Grand Fenwick lodged a protest with Ruritania on Friday over <img src=x onerror=alert(1)> border posts.\n",
        encoding="utf-8")
    return [folder / "xss.jsonl", folder / "xss.txt"]


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, chromium_path: Path) -> Iterator[dict]:
    seed = require_shared("seeds", "000_018b8fec1f9a9e1f.txt")
    folder = tmp_path_factory.mktemp("browser")
    url = f"sqlite:///{folder / 'page.sqlite'}"
    inputs = _write_inputs(folder / "in")
    cmd = [sys.executable, "-m", "pactwatch", "--db", url]
    done = subprocess.run([*cmd, "ingest", "-q", "--workers", "1", str(seed), *map(str, inputs)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    # a speaker name that is itself markup, written at real offsets, to test attribute handling
    db = open_database(url)
    try:
        xss_id = int(db.scalar("SELECT id FROM articles WHERE publisher LIKE '%Evil Wire%'"))
        body = db.scalar("SELECT body FROM articles WHERE id = ?", (xss_id,))
        start = body.index("We are close")
        end = body.index(",", start) + 1
        write_annotation(db, xss_id, Annotation(quotes=[Quote(body[start:end], start, end, XSS_SPEAKER, None, "say")]))
        seed_id = int(db.scalar("SELECT id FROM articles WHERE origin LIKE ?", ("%000_018b8fec1f9a9e1f%",)))
    finally:
        db.close()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(folder / "serve.log", "w")
    proc = subprocess.Popen([*cmd, "serve", "--port", str(port), "--log-level", "warning", "--ingest-token", TOKEN],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(base + "/api", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError("server did not start: " + (folder / "serve.log").read_text())
            time.sleep(0.3)
        yield {"base": base, "seed_id": seed_id, "xss_id": xss_id, "seed_title": seed.read_text().splitlines()[0]}
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture
def page(chromium_path: Path) -> Iterator:
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium_path), args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        # the page must work offline: anything it asks of another host is refused and recorded
        pg = context.new_page()
        pg.errors = []  # type: ignore[attr-defined]
        pg.off_site = []  # type: ignore[attr-defined]
        pg.on("pageerror", lambda err: pg.errors.append(str(err)))  # type: ignore[attr-defined]

        def only_loopback(route) -> None:
            if route.request.url.startswith(("http://127.0.0.1:", "data:")):
                route.continue_()
            else:
                pg.off_site.append(route.request.url)  # type: ignore[attr-defined]
                route.abort()

        context.route("**/*", only_loopback)
        try:
            yield pg
        finally:
            context.close()
            browser.close()


