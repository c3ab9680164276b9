"""Commitments between states as the API shows them, read from the stored commitment reports.

A commitment is one (pair of parties, kind). Its reports are replayed in date order: signing,
ratifying, entering into force, joining or announcing makes it active; suspending, withdrawing
or expiry ends it; a proposal alone does not count. ``on`` is the day the question is asked for,
so replaying a date shows the graph as the news had described it by then.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from pactwatch.store import Database

STARTS = frozenset({"announced", "signed", "ratified", "entered_into_force", "joined"})
ENDS = frozenset({"suspended", "withdrew", "expired"})
DEFENCE_KINDS = frozenset({"mutual_defense"})
# strongest first: decides an edge's colour when a pair has several kinds
KIND_ORDER = ("mutual_defense", "nonaggression", "neutrality", "consultation", "strategic_partnership",
              "military_cooperation", "economic", "other")

REPORT_DATE = "COALESCE(c.date, substr(a.published, 1, 10))"


@dataclass
class Commitment:
    parties: tuple[str, str]
    kind: str
    reports: list[dict[str, Any]] = field(default_factory=list)

    def state_on(self, on: str) -> dict[str, Any] | None:
        """Status on a day from the reports dated up to it; None when nothing was reported yet."""
        status, since, last = None, None, None
        for report in self.reports:
            if report["date"] is None or report["date"] > on:
                continue
            event = report["lifecycle_event"]
            if event in STARTS:
                if status != "active":
                    since = report["date"]
                status = "active"
            elif event in ENDS:
                status = "ended" if event != "suspended" else "suspended"
            elif status is None:
                status = event  # proposed: known, not binding
            last = report
        if last is None:
            return None
        return {"status": status, "since": since, "last_event": last["lifecycle_event"], "last_date": last["date"]}

    def to_json(self, on: str | None, state: dict[str, Any] | None) -> dict[str, Any]:
        reports = [r for r in self.reports if on is None or (r["date"] is not None and r["date"] <= on)]
        return {
            "id": f"{self.parties[0]}-{self.parties[1]}:{self.kind}",
            "parties": list(self.parties),
            "kind": self.kind,
            **(state or {"status": None, "since": None, "last_event": None, "last_date": None}),
            "sources": [_source(r) for r in reports],
        }


def _source(report: dict[str, Any]) -> dict[str, Any]:
    keys = ("report_id", "article_id", "article_title", "publisher", "published", "date", "lifecycle_event",
            "name", "conditions", "sentence", "start_char", "end_char")
    return {k: report.get(k) for k in keys}


def load_commitments(db: Database, party: str | None = None) -> list[Commitment]:
    """Every (pair, kind) ever reported, with its reports in date order."""
    rows = db.query(
        "SELECT c.id AS report_id, c.article_id, c.parties, c.kinds, c.lifecycle_event, "
        + REPORT_DATE + " AS date, c.conditions, c.name, c.sentence, c.start_char, c.end_char,"
        " a.title AS article_title, a.publisher, a.published"
        " FROM commitment_reports c JOIN articles a ON a.id = c.article_id"
        " ORDER BY date, c.id"
    )
    groups: dict[tuple[tuple[str, str], str], Commitment] = {}
    for row in rows:
        parties = sorted(set(json.loads(row["parties"])))
        for kind in json.loads(row["kinds"]) or ["other"]:
            for pair in combinations(parties, 2):
                if party and party not in pair:
                    continue
                key = (pair, kind)
                groups.setdefault(key, Commitment(pair, kind)).reports.append(row)
    return sorted(groups.values(), key=lambda c: (c.parties, _kind_rank(c.kind)))


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def pacts(db: Database, on: str, party: str | None = None, kind: str | None = None,
          include_inactive: bool = False) -> list[dict[str, Any]]:
    out = []
    for c in load_commitments(db, party):
        if kind and c.kind != kind:
            continue
        state = c.state_on(on)
        if state is None or (state["status"] != "active" and not include_inactive):
            continue
        out.append(c.to_json(on, state))
    return out


def allies(db: Database, actor: str, on: str) -> list[dict[str, Any]]:
    """Partners of ``actor`` with an active commitment on ``on``, strongest kind first."""
    by_partner: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in pacts(db, on, party=actor):
        partner = p["parties"][1] if p["parties"][0] == actor else p["parties"][0]
        by_partner[partner].append(p)
    out = []
    for partner, items in sorted(by_partner.items()):
        kinds = sorted({i["kind"] for i in items}, key=_kind_rank)
        out.append({"actor": partner, "kinds": kinds, "defence": bool(DEFENCE_KINDS & set(kinds)),
                    "commitments": items})
    return sorted(out, key=lambda a: (not a["defence"], a["actor"]))


def obligations(db: Database, attacked: str, by: str | None, on: str) -> list[dict[str, Any]]:
    """Who has pledged to help defend ``attacked`` on ``on`` (the attacker itself excluded)."""
    out = []
    for ally in allies(db, attacked, on):
        if not ally["defence"] or ally["actor"] == by:
            continue
        defence = [c for c in ally["commitments"] if c["kind"] in DEFENCE_KINDS]
        also_bound_to_attacker = bool(by) and any(
            a["actor"] == by and a["defence"] for a in allies(db, ally["actor"], on)
        )
        out.append({"actor": ally["actor"], "commitments": defence,
                    "also_bound_to_attacker": also_bound_to_attacker})
    return out


def graph(db: Database, on: str) -> dict[str, Any]:
    """Nodes and edges active on ``on``; ``all_nodes`` and ``dates`` let a page keep its layout."""
    commitments = load_commitments(db)
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    all_nodes: set[str] = set()
    dates: list[str] = []
    for c in commitments:
        all_nodes.update(c.parties)
        dates += [r["date"] for r in c.reports if r["date"]]
        state = c.state_on(on)
        if state is None or state["status"] != "active":
            continue
        edge = edges.setdefault(c.parties, {
            "id": f"{c.parties[0]}-{c.parties[1]}", "source": c.parties[0], "target": c.parties[1],
            "kinds": [], "commitments": [],
        })
        edge["kinds"].append(c.kind)
        edge["commitments"].append(c.to_json(on, state))
    for edge in edges.values():
        edge["kinds"].sort(key=_kind_rank)
        edge["kind"] = edge["kinds"][0]
    nodes = sorted({p for e in edges for p in e})
    return {
        "on": on,
        "nodes": nodes,
        "edges": sorted(edges.values(), key=lambda e: e["id"]),
        "all_nodes": sorted(all_nodes),
        "dates": {"first": min(dates) if dates else None, "last": max(dates) if dates else None},
    }
