"""The commitment graph for the page, read from the commitments store (``pactwatch.pacts``).

Edges are what the news (and the baseline tables) had established by the day asked about:
a commitment whose parties are bound that day is ``in_force``; one signed, announced or
ratified but not yet binding is ``signed`` — the page shows both, so replaying dates shows a
pact from its signing on. Each commitment is described once (``commitments``, with its evidence);
edges name it by key, so a many-party treaty does not repeat its sources on every pair. An
organisation's treaty (NATO, CSTO) is drawn as a hub: one edge from
each bound member to the organisation, rather than a clique of every pair of members.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Sequence
from itertools import combinations
from typing import Any

from pactwatch.store import Database
from pactwatch.store import commitments as commitment_sql

SIGNING = frozenset({"announced", "signed", "ratified"})
ENDING = frozenset({"expired", "withdrew", "terminated", "ended"})
KIND_ORDER = ("mutual_defense", "nonaggression", "neutrality", "consultation", "strategic_partnership",
              "military_cooperation", "economic", "accession", "other")


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)


def _bound(party: dict[str, Any], day: str) -> bool:
    return bool(party["joined"]) and party["joined"] <= day and (not party["left_on"] or party["left_on"] > day) \
        and (not party["suspended_from"] or party["suspended_from"] > day)


def graph(db: Database, day: str, origins: Sequence[str]) -> dict[str, Any]:
    commitments, parties, events = commitment_sql.graph_rows(db, origins)
    all_nodes: set[str] = set()
    dates: list[str] = []
    obligations = commitment_sql.obligations_of(db, [c["id"] for c in commitments])
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    described: dict[str, dict[str, Any]] = {}  # each commitment once; edges refer to it by key
    for c in commitments:
        members = parties.get(c["id"], [])
        hub = c["organisation"]
        all_nodes.update(p["party"] for p in members)
        if hub:
            all_nodes.add(hub)
        steps = [e for e in events.get(c["id"], []) if e["date"]]
        dates += [e["date"] for e in steps if e["source"] == "article"]
        if c["ended"] and c["ended"] <= day:
            continue
        bound = sorted({p["party"] for p in members if _bound(p, day)})
        if bound:
            status, linked = "in_force", bound
        elif not hub and any(e["lifecycle_event"] in SIGNING and e["date"] <= day and not e["party"] for e in steps) \
                and not any(e["lifecycle_event"] in ENDING and e["date"] <= day for e in steps):
            status, linked = "signed", sorted({p["party"] for p in members})
        else:
            continue
        pairs = [tuple(sorted((p, hub))) for p in linked if p != hub] if hub else list(combinations(linked, 2))
        kinds = json.loads(c["kinds"])
        for pair in pairs:
            edge = edges.setdefault(pair, {"id": f"{pair[0]}-{pair[1]}", "source": pair[0], "target": pair[1],
                                           "kinds": [], "status": "signed", "commitments": []})
            edge["kinds"] = sorted(set(edge["kinds"]) | set(kinds), key=_kind_rank)
            if status == "in_force":
                edge["status"] = "in_force"
            edge["commitments"].append({"key": c["key"], "status": status})
            _direct(edge, pair, hub, obligations.get(c["id"], []))
            if c["key"] not in described:
                described[c["key"]] = {
                    "key": c["key"], "name": c["name"], "origin": c["origin"], "kinds": kinds,
                    "organisation": hub, "signed": c["signed"], "in_force": c["in_force"],
                    "sources": [_source(e) for e in steps if e["date"] <= day]
                    or [{"reference": c["reference"], "source": c["origin"]}],
                }
    for edge in edges.values():
        edge["kind"] = edge["kinds"][0] if edge["kinds"] else "other"
        edge.pop("_ways", None)
    return {
        "on": day,
        "nodes": sorted({n for pair in edges for n in pair}),
        "edges": sorted(edges.values(), key=lambda e: e["id"]),
        "commitments": described,
        "all_nodes": sorted(all_nodes),
        "dates": {"first": min(dates) if dates else None, "last": max(dates) if dates else None},
    }


def _direct(edge: dict[str, Any], pair: tuple[str, ...], hub: str | None, obligations: list[Any]) -> None:
    """Who owes defence to whom along an edge: mutual, one way (guarantor -> protected), or none
    (the Taiwan Relations Act, consultation-only agreements). An organisation's edge (member to
    hub) is mutual when its treaty has a defence obligation."""
    a, b = pair
    defence = [o for o in obligations if o.defence]
    if hub:
        ways = {(a, b), (b, a)} if defence else set()
    else:
        ways = {(x, y) for x, y in ((a, b), (b, a)) if any(o.binds(x, y) for o in defence)}
    ways |= {tuple(w) for w in edge.pop("_ways", [])}
    edge["_ways"] = sorted(ways)
    edge["defence"] = bool(ways)
    if len(ways) == 2:
        edge["direction"] = "mutual"
        edge.pop("from", None), edge.pop("to", None)
    elif ways:
        (owner, protected), = ways
        edge.update({"direction": "one_way", "from": owner, "to": protected})
    else:
        edge["direction"] = "none"


def _source(event: dict[str, Any]) -> dict[str, Any]:
    keys = ("lifecycle_event", "date", "party", "source", "article_id", "article_title", "publisher", "sentence",
            "start_char", "end_char", "reference")
    return {k: event.get(k) for k in keys}


class ResponseCache:
    """Recent answers (already encoded), valid while the commitment store is unchanged.

    Replaying the graph asks for the same few days again and again; the stamp of the last
    commitment rebuild is part of every key, so a rebuild makes all older entries unreachable."""

    def __init__(self, size: int = 128) -> None:
        self.size = size
        self._items: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: tuple[Any, ...], make: Callable[[], bytes]) -> bytes:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


def store_stamp(db: Database) -> tuple[Any, ...]:
    """What identifies the current state of the commitments store (its last rebuild)."""
    return commitment_sql.build_stamp(db)


# Kinds that oblige a party to act or to refrain (the question "who is bound to defend X" is about
# these); cooperation, partnership and economic agreements bind nobody to anything in a war.
BINDING_KINDS = frozenset({"mutual_defense", "nonaggression", "neutrality", "consultation"})


def binding(edge: dict[str, Any]) -> bool:
    """Whether a pair's commitments oblige anyone to act or refrain (``defence`` when the edge says)."""
    return bool(edge.get("defence")) or bool(BINDING_KINDS.intersection(edge["kinds"]))


def only_binding(body: dict[str, Any]) -> dict[str, Any]:
    """``graph()``'s answer without the pairs whose commitments bind nobody to act or refrain."""
    edges = [e for e in body["edges"] if binding(e)]
    return {**body, "edges": edges, "nodes": sorted({n for e in edges for n in (e["source"], e["target"])})}


def neighbourhood(body: dict[str, Any], focus: str, depth: int = 1, expand: Sequence[str] = ()) -> dict[str, Any]:
    """The part of ``graph()``'s answer around one actor: what a reader of "who defends X" needs.

    Walks ``depth`` steps out from ``focus`` along the day's edges. An organisation reached this way
    (NATO, the EU, the CSTO) stays one node — its other members are not walked through — unless it
    is named in ``expand``, when all its members on that day are shown with it. Edges between
    states already shown are kept, so a treaty between two of X's allies is visible too. Every
    organisation in view is listed in ``organisations`` with its member count and whether it is
    expanded, so a client can offer to expand it."""
    edges = body["edges"]
    hubs = {c["organisation"] for c in body["commitments"].values() if c["organisation"]}
    touching: dict[str, list[dict[str, Any]]] = {}
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            touching.setdefault(end, []).append(edge)

    def other(edge: dict[str, Any], node: str) -> str:
        return edge["target"] if edge["source"] == node else edge["source"]

    shown, frontier = {focus}, {focus}
    for _ in range(depth):
        reached = {other(e, n) for n in frontier for e in touching.get(n, [])} - shown
        shown |= reached
        frontier = reached - hubs  # an organisation is not walked through unless expanded
    opened = [h for h in dict.fromkeys(expand) if h in hubs and h in shown]
    members = {other(e, hub) for hub in opened for e in touching.get(hub, [])}
    # what the walk reached is shown with every edge among it; an expanded organisation's members
    # only with their membership edges (their own bilateral treaties are another neighbourhood)
    kept = [e for e in edges if e["source"] in shown and e["target"] in shown
            or (e["source"] in opened and e["target"] in members | shown)
            or (e["target"] in opened and e["source"] in members | shown)]
    keys = {ref["key"] for e in kept for ref in e["commitments"]}
    nodes = sorted({n for e in kept for n in (e["source"], e["target"])} | {focus})
    return {
        **body,
        "focus": focus, "depth": depth, "expand": opened,
        "nodes": nodes, "all_nodes": nodes, "edges": kept,
        "commitments": {k: v for k, v in body["commitments"].items() if k in keys},
        "organisations": [{"code": h, "members": len(touching.get(h, [])), "expanded": h in opened}
                          for h in sorted(hubs & set(nodes))],
    }

