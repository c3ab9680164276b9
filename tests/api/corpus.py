"""A small test corpus for the API: files written here, ingested by the real readers, and
annotation rows written with the store's own ``write_annotation``, at offsets found in the
stored bodies (so every expected value below is known exactly, whatever the NLP steps do).
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from pactwatch.cli.progress import Progress
from pactwatch.ingest import ReadOptions, read_all
from pactwatch.records import Annotation, CommitmentReport, Event, Mention, Quote
from pactwatch.service.ingest import IngestSummary, ingest_stream
from pactwatch.store import Database
from pactwatch.store.annotations import write_annotation

COASTAL = """Estonia and Finland agree to pool coastal air defences
The two neighbours say a shared radar picture will cover the Gulf of Finland.
- Europe
- Baltic Test Wire
- Published: 14 March 2023, 10:00
Estonia and Finland will merge parts of their coastal air defence networks, the two defence ministers announced in Tallinn on Tuesday.
"Our shores are one shore now," Estonian defence minister Hanno Pevkur said after the signing ceremony.
The arrangement also commits both governments to consult each other whenever either of them faces a military threat.
"""

ACCESS = """Japan and Australia sign reciprocal access agreement
The deal lets each country's forces train on the other's territory.
- Asia Pacific
- Harbour Test Desk
- Published: 6 January 2022, 08:30
Japan and Australia signed a reciprocal access agreement on Thursday that eases joint training by their armed forces.
"This treaty will take our security cooperation to a new level," Japanese Prime Minister Fumio Kishida said at a virtual ceremony.
Officials said the pact still needs approval by both parliaments.
"""

FEED = [
    {
        "title": "Japan protests new missile launch by North Korea",
        "body": "Japan lodged a strong protest with North Korea on Saturday after a ballistic missile fell"
                " inside its exclusive economic zone.\nPyongyang warned that further drills would follow if"
                " joint exercises in the region continued.",
        "published": "2024-02-10T07:15:00",
        "publisher": "Harbour Test Desk",
        "url": "https://example.test/news/missile-protest",
        "language": "en",
    },
    {
        "title": "Estonia ends consultation clause of coastal pact",
        "body": "Estonia said on Wednesday it would withdraw from the consultation clause of its coastal defence"
                " arrangement with Finland while keeping the shared radar network.",
        "published": "2025-01-15T12:00:00",
        "publisher": "Baltic Test Wire",
        "language": "en",
    },
    {
        "title": "Berlin und Paris vereinbaren gemeinsame Übungen",
        "body": "Deutschland und Frankreich wollen im kommenden Jahr häufiger gemeinsam üben, teilten beide"
                " Regierungen am Freitag mit.",
        "published": "2024-03-01T09:00:00",
        "publisher": "Testpresse",
        "language": "de",
    },
]


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "coastal.txt").write_text(COASTAL, encoding="utf-8")
    (folder / "access.txt").write_text(ACCESS, encoding="utf-8")
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in FEED), encoding="utf-8")
    return [folder / "coastal.txt", folder / "access.txt", folder / "feed.jsonl"]


def ingest_files(db: Database, paths: list[Path]) -> IngestSummary:
    """The CLI's ingest path, without the NLP steps (annotations are written below)."""
    summary = IngestSummary()
    ingest_stream(db, read_all([str(p) for p in paths], ReadOptions()), None, summary, Progress(enabled=False))
    return summary


def _span(body: str, text: str) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def _sentence(body: str, needle: str) -> tuple[int, int]:
    """The sentence containing ``needle`` (body sentences here end with '.' and a space/newline)."""
    at = body.index(needle)
    start = max(body.rfind(". ", 0, at) + 2 if body.rfind(". ", 0, at) >= 0 else 0,
                body.rfind("\n", 0, at) + 1)
    end = body.find(".", at)
    return start, end + 1


def _mentions(body: str, names: dict[str, str]) -> list[Mention]:
    found = []
    for name, code in names.items():
        pos = body.find(name)
        while pos >= 0:
            found.append(Mention(pos, pos + len(name), name, code, "country", "table"))
            pos = body.find(name, pos + len(name))
    return sorted(found, key=lambda m: m.start)


def _quote(body: str, text: str, speaker: str, actor: str) -> Quote:
    start, end = _span(body, text)
    s_start, s_end = _span(body, speaker)
    return Quote(text, start, end, speaker, actor, "say", s_start, s_end)


def _event(body: str, needle: str, source: str, target: str, code: str, quad: int, goldstein: float,
           day: date | None) -> Event:
    start, end = _sentence(body, needle)
    return Event(source, target, code, code[:2], quad, goldstein, day, body[start:end], start, end, "test")


def _report(body: str, needle: str, parties: tuple[str, ...], kinds: tuple[str, ...], event: str,
            day: date | None) -> CommitmentReport:
    start, end = _sentence(body, needle)
    return CommitmentReport(tuple(sorted(parties)), kinds, event, day, body[start:end], start, end)


def annotate_corpus(db: Database, with_seed: bool) -> dict[str, int]:
    """Hand-made annotations for each fixture article; returns title key -> article id."""
    ids = {r["title"]: r["id"] for r in db.query("SELECT id, title FROM articles")}
    bodies = {r["id"]: r["body"] for r in db.query("SELECT id, body FROM articles")}
    keys = {
        "coastal": ids["Estonia and Finland agree to pool coastal air defences"],
        "access": ids["Japan and Australia sign reciprocal access agreement"],
        "missile": ids["Japan protests new missile launch by North Korea"],
        "withdraw": ids["Estonia ends consultation clause of coastal pact"],
        "german": ids["Berlin und Paris vereinbaren gemeinsame Übungen"],
    }
    b = bodies[keys["coastal"]]
    write_annotation(db, keys["coastal"], Annotation(
        mentions=_mentions(b, {"Estonia": "EST", "Finland": "FIN", "Tallinn": "EST"}),
        quotes=[_quote(b, "Our shores are one shore now,", "Hanno Pevkur", "ESTGOV")],
        events=[_event(b, "will merge parts", "EST", "FIN", "057", 1, 8.0, date(2023, 3, 14))],
        commitments=[
            _report(b, "will merge parts", ("EST", "FIN"), ("military_cooperation",), "signed", date(2023, 3, 14)),
            _report(b, "consult each other", ("EST", "FIN"), ("consultation",), "signed", date(2023, 3, 14)),
        ],
    ))
    b = bodies[keys["access"]]
    write_annotation(db, keys["access"], Annotation(
        mentions=_mentions(b, {"Japan": "JPN", "Australia": "AUS"}),
        quotes=[_quote(b, "This treaty will take our security cooperation to a new level,", "Fumio Kishida",
                       "JPNGOV")],
        events=[_event(b, "signed a reciprocal", "JPN", "AUS", "057", 1, 8.0, date(2022, 1, 6))],
        commitments=[_report(b, "signed a reciprocal", ("AUS", "JPN"), ("military_cooperation",), "signed",
                             date(2022, 1, 6))],
    ))
    b = bodies[keys["missile"]]
    write_annotation(db, keys["missile"], Annotation(
        mentions=_mentions(b, {"Japan": "JPN", "North Korea": "PRK", "Pyongyang": "PRK"}),
        events=[
            _event(b, "lodged a strong protest", "JPN", "PRK", "111", 3, -2.0, date(2024, 2, 10)),
            _event(b, "warned that further", "PRKGOV", "JPN", "138", 3, -7.0, None),
        ],
    ))
    b = bodies[keys["withdraw"]]
    write_annotation(db, keys["withdraw"], Annotation(
        mentions=_mentions(b, {"Estonia": "EST", "Finland": "FIN"}),
        commitments=[_report(b, "withdraw from the consultation", ("EST", "FIN"), ("consultation",), "withdrew",
                             date(2025, 1, 15))],
    ))
    write_annotation(db, keys["german"], Annotation(skipped="language de: only English is annotated"))
    if with_seed:
        seed = next(r["id"] for r in db.query("SELECT id FROM articles WHERE publisher = 'Anadolu Agency'"))
        keys["seed"] = seed
        b = bodies[seed]
        quote = "The comprehensive partnership agreement signed today provides"
        q_start = b.index(quote)
        q_end = b.index('"', q_start)
        write_annotation(db, seed, Annotation(
            mentions=_mentions(b, {"Russia": "RUS", "North Korea": "PRK", "Pyongyang": "PRK"}),
            quotes=[Quote(b[q_start:q_end], q_start, q_end, "Vladimir Putin", "RUSGOV", "say")],
            events=[_event(b, "agreed to help each other", "RUS", "PRK", "057", 1, 8.0, date(2024, 6, 19))],
            commitments=[_report(b, "agreed to help each other", ("PRK", "RUS"), ("mutual_defense",), "signed",
                                 date(2024, 6, 19))],
        ))
    return keys
