"""pactwatch from Python: ``db = pactwatch.open("pactwatch.sqlite")``, then ask it questions.

Every answer is a list of dataclasses (``Rows``) with the codes named (``source_name``,
``cameo_name`` …) and the evidence each fact was read from; ``rows.to_pandas()`` gives a
DataFrame when pandas is installed (``pip install 'pactwatch[pandas]'``). The CLI and the HTTP
API answer from the same functions, so the three agree.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Generic, TypeVar

from pactwatch.labels import shared_names, with_names
from pactwatch.records import DEFAULT_MIN_CONFIDENCE
from pactwatch.service.ingest import IngestSummary, ingest_paths
from pactwatch.store import Database, open_database

T = TypeVar("T")


class Rows(list[T], Generic[T]):
    """A list of result records that can become a pandas DataFrame."""

    def to_pandas(self) -> Any:
        """One DataFrame row per record (columns are the dataclass fields)."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - pandas is in requirements.lock
            raise ImportError("to_pandas() needs pandas: pip install 'pactwatch[pandas]'") from exc
        return pd.DataFrame([dataclasses.asdict(r) for r in self])  # type: ignore[call-overload]


@dataclass(frozen=True)
class EventRow:
    """A CAMEO event as read from one sentence of one article (offsets into the article body)."""

    id: int
    article_id: int
    date: str | None
    source: str
    source_name: str | None
    target: str
    target_name: str | None
    cameo_code: str
    cameo_name: str | None
    root_code: str
    quad_class: int
    goldstein: float
    sentence: str
    start_char: int
    end_char: int
    matched: str | None = None
    title: str | None = None
    published: str | None = None
    confidence: float | None = None  # 0-1 (pactwatch.nlp.confidence); None: stored before it was recorded


@dataclass(frozen=True)
class QuoteRow:
    """A direct quotation with its speaker; ``mentions`` counts its repeats in the article."""

    id: int
    article_id: int
    published: str | None
    speaker: str | None
    speaker_actor: str | None
    speaker_actor_name: str | None
    cue: str | None
    text: str
    start_char: int
    end_char: int
    mentions: int = 1
    title: str | None = None
    confidence: float | None = None  # 0-1 (pactwatch.nlp.confidence); None: stored before it was recorded


@dataclass(frozen=True)
class PactRow:
    """A commitment with its parties and lifecycle steps (each step with its evidence)."""

    id: int
    key: str
    name: str | None
    kinds: list[str]
    origin: str
    organisation: str | None
    signed: str | None
    in_force: str | None
    ended: str | None
    conditions: str | None
    reference: str | None
    parties: list[dict[str, Any]] = field(default_factory=list)
    party_names: dict[str, str | None] = field(default_factory=dict)
    lifecycle: list[dict[str, Any]] = field(default_factory=list)
    confidence: float | None = None  # an article commitment's best report's; None: curated or unscored


@dataclass(frozen=True)
class AllyRow:
    """One state committed to defend ``party`` on day ``on``, under one commitment."""

    ally: str
    ally_name: str | None
    party: str
    party_name: str | None
    on: str
    commitment: str
    commitment_key: str
    kinds: list[str]
    origin: str
    organisation: str | None
    conditions: str | None
    since: str | None
    evidence: list[dict[str, Any]] | None = None
    direction: str | None = None  # mutual, or one_way (the ally guarantees ``party``)
    scope: str | None = None
    article: str | None = None
    status: str | None = None


def _ally_fields(row: dict[str, Any], party: dict[str, Any], on: str) -> dict[str, Any]:
    """One row of ``queries.allies`` (the API's shape) as the flat fields of ``AllyRow``."""
    condition = row.get("condition") or {}
    return {"ally": row["ally"]["code"], "ally_name": row["ally"]["name"], "party": party["code"],
            "party_name": party["name"], "on": on, "commitment": row["commitment"]["name"],
            "commitment_key": row["commitment"]["key"], "kinds": row["commitment"]["kinds"], "origin": row["origin"],
            "organisation": row["commitment"]["organisation"],
            "conditions": condition.get("text") or condition.get("type"),
            "since": row["since"], "evidence": row["evidence"], "direction": row["direction"],
            "scope": (row.get("scope") or {}).get("text"), "article": (row.get("article") or {}).get("cited"),
            "status": row["status"]}


def _rows(cls: type[T], items: Iterable[dict[str, Any]]) -> Rows[T]:
    names = [f.name for f in dataclasses.fields(cls)]  # type: ignore[arg-type]
    return Rows(cls(**{n: row.get(n) for n in names if n in row or not _has_default(cls, n)})
                for row in (with_names(i) for i in items))


def _has_default(cls: type, name: str) -> bool:
    f = next(f for f in dataclasses.fields(cls) if f.name == name)
    return f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING


def _day(value: str | date | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


class Pactwatch:
    """An open pactwatch database (SQLite file or PostgreSQL URL). Use as a context manager or
    call ``close()``."""

    def __init__(self, db: Database) -> None:
        self.db = db

    @classmethod
    def open(cls, url: str | Path | None = None) -> Pactwatch:
        return cls(open_database(str(url) if url is not None else None))

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Pactwatch:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------
    def ingest(self, paths: str | Path | Sequence[str | Path], annotate: bool = True,
               workers: int | None = 1) -> IngestSummary:
        """Read files or directories (text dumps, HTML, WARC, JSONL, .gz), store each article once,
        annotate it and refresh the commitment graph. Returns counts and each failure's reason;
        re-ingesting the same files stores nothing new."""
        if isinstance(paths, (str, Path)):
            paths = [paths]
        return ingest_paths(self.db, list(paths), annotate=annotate, workers=workers)

    # -- asking --------------------------------------------------------------------------------
    def events(self, actor: str | None = None, dyad: tuple[str, str] | None = None, directed: bool = False,
               code: str | None = None, root: int | None = None, quad: int | None = None,
               since: str | date | None = None, until: str | date | None = None,
               article: int | None = None, limit: int | None = 100,
               min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Rows[EventRow]:
        """CAMEO events newest first. ``actor``/``dyad`` are code prefixes ("RUS" finds RUSGOV),
        ``code`` a CAMEO code prefix, ``root`` 1-20, ``quad`` 1-4; an undated event counts on its
        article's publication day; events read with less than ``min_confidence`` (0 keeps all)
        are left out."""
        from pactwatch.store.events import list_events

        found = list_events(self.db, actor, dyad, directed, code, f"{root:02d}" if root else None, quad,
                            _day(since), _day(until), article, limit, min_confidence=min_confidence)
        return _rows(EventRow, found)

    def quotes(self, speaker: str | None = None, actor: str | None = None, article: int | None = None,
               since: str | date | None = None, until: str | date | None = None, text: str | None = None,
               limit: int | None = 100, min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Rows[QuoteRow]:
        """Direct quotations, newest article first; ``speaker``/``text`` match case-insensitively
        anywhere, ``actor`` is a code prefix of the speaker's actor; attributions read with less
        than ``min_confidence`` (0 keeps all) are left out."""
        from pactwatch.store.quotes import list_quotes

        found = list_quotes(self.db, speaker, actor, article, _day(since), _day(until), text, limit,
                            min_confidence=min_confidence)
        return _rows(QuoteRow, found)

    def pacts(self, party: str | None = None, kind: str | None = None, on: str | date | None = None,
              source: str | None = None, baseline: bool = True, limit: int = 1000,
              min_confidence: float = DEFAULT_MIN_CONFIDENCE) -> Rows[PactRow]:
        """Commitments (from articles, the shipped baseline and ATOP imports) with parties and
        lifecycle; ``on`` keeps those in force on that day; article commitments none of whose
        reports reaches ``min_confidence`` are left out."""
        from pactwatch.pacts import queries

        self._current()
        found = queries.pacts(self.db, party, kind, _day(on), source, baseline=baseline, limit=limit,
                              min_confidence=min_confidence)
        return _rows(PactRow, found)

    def allies(self, party: str, on: str | date | None = None, baseline: bool = True) -> Rows[AllyRow]:
        """Who is committed to defend ``party`` on ``on`` (default today), under which commitment
        and condition, since when, and on what evidence."""
        from pactwatch.pacts import queries

        self._current()
        body = queries.allies(self.db, party, _day(on), baseline=baseline)
        return _rows(AllyRow, [_ally_fields(r, body["actor"], body["on"]) for r in body["items"]])

    def graph(self, on: str | date | None = None, baseline: bool = True) -> Any:
        """The commitment graph on a day as a directed ``networkx.DiGraph``.

        Nodes are party codes with ``name``. For every two parties of a commitment in force there
        is an edge each way; its ``commitments`` attribute lists each commitment (``id``, ``key``,
        ``name``, ``kinds``, ``origin``); ``defends`` is true on an edge A -> B when A is bound to
        defend B, and ``evidence`` then lists where that was read (article id and sentence, or the
        baseline's reference)."""
        import networkx as nx

        from pactwatch.pacts import queries
        from pactwatch.store.commitments import active_pairs

        self._current()
        day = queries._day(_day(on))
        names = shared_names()
        graph = nx.DiGraph(on=day)
        members: dict[int, list[dict[str, Any]]] = {}
        for row in active_pairs(self.db, day, queries._origins(baseline, None)):
            members.setdefault(row["id"], []).append(row)
        for rows in members.values():
            first = rows[0]
            commitment = {"id": first["id"], "key": first["key"], "name": first["name"],
                          "kinds": json.loads(first["kinds"]), "origin": first["origin"]}
            parties = sorted({r["party"] for r in rows})
            for party in parties:
                graph.add_node(party, name=names.describe(party))
            for a in parties:
                for b in parties:
                    if a != b:
                        if not graph.has_edge(a, b):
                            graph.add_edge(a, b, commitments=[], defends=False, evidence=[])
                        graph.edges[a, b]["commitments"].append(commitment)
        for party in list(graph.nodes):
            for ally in queries.allies(self.db, party, day, baseline=baseline)["items"]:
                if graph.has_edge(ally["ally"]["code"], party):
                    edge = graph.edges[ally["ally"]["code"], party]
                    edge["defends"] = True
                    edge["evidence"] += [{"commitment": ally["commitment"]["key"], **e} for e in ally["evidence"]]
        return graph

    def _current(self) -> None:
        from pactwatch.pacts.graph import ensure_current

        ensure_current(self.db)


def open(url: str | Path | None = None) -> Pactwatch:  # noqa: A001 - pactwatch.open reads like open()
    """Open (and create, or migrate) a pactwatch database: a path, ``sqlite:///PATH`` or a
    ``postgresql://`` URL; default ``./pactwatch.sqlite`` or ``$PACTWATCH_DB``."""
    return Pactwatch.open(url)
