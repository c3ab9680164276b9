"""Dyad timelines: monthly totals come from SQL, and a bounded timeline is the tail of the full one.

Random events (role-suffixed codes, undated ones, other dyads around them) on both backends,
checked against totals computed here from the inserted rows.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from pactwatch.pacts import queries

CODES = ("RUS", "RUSGOV", "RUSMIL", "PRK", "PRKGOV", "CHN", "USA")
WEIGHTS = (-10.0, -4.4, -2.0, 0.0, 1.9, 3.4, 7.4)


def _fill(db, rng: random.Random, count: int) -> list[tuple]:
    rows = []
    for _ in range(count):
        source, target = rng.sample(CODES, 2)
        when = (date(2022, 1, 1) + timedelta(days=rng.randrange(900))).isoformat()
        when = None if rng.random() < 0.05 else when
        rows.append((1, when, source, target, "042", "04", 1, rng.choice(WEIGHTS), "s", 0, 1))
    with db.transaction():
        db.execute("INSERT INTO articles (id, content_hash, origin, body, ingested_at)"
                   " VALUES (1, 'h', 't', 'b', 'x')")
        db.executemany("INSERT INTO events (article_id, date, source, target, cameo_code, root_code,"
                       " quad_class, goldstein, sentence, start_char, end_char)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return rows


def _expected_months(rows: list[tuple], x: str, y: str, lo: str, hi: str) -> list[dict]:
    months: dict[str, dict] = {}
    for _, when, source, target, _code, _root, _quad, goldstein, *_ in rows:
        forward = source.startswith(x) and target.startswith(y)
        backward = source.startswith(y) and target.startswith(x)
        if not (forward or backward) or not lo <= (when or "") <= hi:
            continue
        month = (when or "")[:7] or "undated"
        bucket = months.setdefault(month, {"month": month, "events": 0, "goldstein": 0.0,
                                           f"{x}->{y}": 0, f"{y}->{x}": 0})
        bucket["events"] += 1
        bucket["goldstein"] = round(bucket["goldstein"] + goldstein, 2)
        bucket[f"{x}->{y}" if forward else f"{y}->{x}"] += 1
    return [months[k] for k in sorted(months)]


def test_monthly_totals_and_bounded_events(db):
    rows = _fill(db, random.Random(3), 1500)
    for start, end in ((None, None), ("2022-06-01", "2023-03-31")):
        full = queries.timeline(db, "rus", "PRK", start, end)
        expected = _expected_months(rows, "RUS", "PRK", start or "", end or "9999")
        assert full["monthly"] == expected
        assert full["event_count"] == len(full["events"]) == sum(m["events"] for m in expected) > 50
        assert [(e["date"] or "", e["id"]) for e in full["events"]] == \
            sorted((e["date"] or "", e["id"]) for e in full["events"])
        pairs = {(e["source"][:3], e["target"][:3]) for e in full["events"]}
        assert pairs == {("RUS", "PRK"), ("PRK", "RUS")}
        for limit in (0, 1, 40, len(full["events"]), len(full["events"]) + 5):
            bounded = queries.timeline(db, "RUS", "PRK", start, end, events_limit=limit)
            assert bounded["events"] == (full["events"][-limit:] if limit else [])
            assert bounded["monthly"] == full["monthly"] and bounded["event_count"] == full["event_count"]
    assert any(m["month"] == "undated" for m in queries.timeline(db, "RUS", "PRK")["monthly"])
