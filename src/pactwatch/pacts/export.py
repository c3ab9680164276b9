"""The commitment graph on a day, as networkx and as GraphML, node-link JSON or Graphviz DOT."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from datetime import date
from itertools import combinations
from typing import Any

from pactwatch.pacts.queries import _day, _origins
from pactwatch.store import commitments as sql
from pactwatch.store.database import Database

FORMATS = ("graphml", "json", "dot")


def commitment_graph(db: Database, on: str | date | None = None, baseline: bool = True,
                     origins: Sequence[str] | None = None) -> Any:
    """Undirected graph: states and organisations' members as nodes, one edge per bound pair.

    Edge attributes are strings (GraphML needs scalars): ``commitments`` (keys joined by "; "),
    ``kinds``, ``origins`` and ``defense`` (1 when any of the commitments is a defence pledge)."""
    import networkx as nx

    day = _day(on)
    graph = nx.Graph(on=day)
    members: dict[int, list[dict[str, Any]]] = {}
    for row in sql.active_pairs(db, day, _origins(baseline, origins)):
        members.setdefault(row["id"], []).append(row)
    for rows in members.values():
        first = rows[0]
        kinds = json.loads(first["kinds"])
        for row in rows:
            graph.add_node(row["party"])
        for a, b in combinations(sorted({r["party"] for r in rows}), 2):
            data = graph.get_edge_data(a, b) or {"commitments": "", "kinds": "", "origins": "", "defense": 0}
            data["commitments"] = "; ".join(filter(None, [data["commitments"], first["name"] or first["key"]]))
            data["kinds"] = ",".join(dict.fromkeys(filter(None, data["kinds"].split(",") + kinds)))
            data["origins"] = ",".join(dict.fromkeys(filter(None, data["origins"].split(",") + [first["origin"]])))
            data["defense"] = int(data["defense"] or "mutual_defense" in kinds)
            graph.add_edge(a, b, **data)
    return graph


def render_graph(graph: Any, fmt: str) -> str:
    import networkx as nx

    if fmt == "graphml":
        buffer = io.BytesIO()
        nx.write_graphml(graph, buffer)
        return buffer.getvalue().decode("utf-8")
    if fmt == "json":
        return json.dumps(nx.node_link_data(graph, edges="links"), ensure_ascii=False, indent=1) + "\n"
    if fmt == "dot":
        lines = [f'graph commitments {{  // on {graph.graph.get("on", "")}']
        lines += [f'  "{n}";' for n in sorted(graph.nodes)]
        for a, b, data in sorted((min(a, b), max(a, b), d) for a, b, d in graph.edges(data=True)):
            label = data["commitments"].replace('"', "'")
            style = "bold" if data["defense"] else "dashed"
            lines.append(f'  "{a}" -- "{b}" [label="{label}", style={style}];')
        return "\n".join(lines) + "\n}\n"
    raise ValueError(f"unknown graph format {fmt!r}; use one of {', '.join(FORMATS)}")
