"""Reading coded events back (bound parameters only; SQL both backends accept)."""

from __future__ import annotations

from typing import Any

from pactwatch.store.database import Database
from pactwatch.store.patterns import confidence_clauses, member_confidence_clauses


def code_range(code: str) -> tuple[str, str]:
    """[code, next) so that an index serves "starts with code" (RUS matches RUSGOV, RUSMIL)."""
    code = code.upper()
    return code, code[:-1] + chr(ord(code[-1]) + 1)


def codes_with_prefix(db: Database, column: str, code: str, most: int = 20) -> list[str] | None:
    """Distinct codes of ``column`` (source or target) starting with ``code``; None when there
    are more than ``most`` (a short prefix: a scan is then the better plan)."""
    return codes_with_prefixes(db, [(column, code)], most)[0]


def codes_with_prefixes(db: Database, wanted: list[tuple[str, str]], most: int = 20) -> list[list[str] | None]:
    """``codes_with_prefix`` for several (column, code) pairs in one statement: each is a loose
    index scan (a recursive step asks the index for the next code after the last one found)."""
    arms, params = [], []
    for n, (column, code) in enumerate(wanted):
        if column not in ("source", "target"):
            raise ValueError(column)
        low, high = code_range(code)
        # "> code", not ">= code + NUL": PostgreSQL text cannot hold a NUL byte.
        arms.append(
            f"found{n}(code, k) AS ("
            f" SELECT (SELECT MIN({column}) FROM events WHERE {column} >= ? AND {column} < ?), 1"
            f" UNION ALL SELECT (SELECT MIN({column}) FROM events WHERE {column} > found{n}.code AND {column} < ?),"
            f" k + 1 FROM found{n} WHERE found{n}.code IS NOT NULL AND k <= ?)")
        params += [low, high, high, most]
    select = " UNION ALL ".join(f"SELECT {n} AS arm, code FROM found{n} WHERE code IS NOT NULL"
                                for n in range(len(wanted)))
    rows = db.execute(f"WITH RECURSIVE {', '.join(arms)} {select}", params).fetchall()
    found: list[list[str]] = [[] for _ in wanted]
    for arm, code in rows:
        found[int(arm)].append(code)
    return [None if len(codes) > most else sorted(codes) for codes in found]


DyadSeek = tuple[str, str, str, bool]  # exact source code, target range [low, high), forward?


def dyad_seeks(db: Database, x: str, y: str, most: int = 1000) -> list[DyadSeek]:
    """The seeks that together read every event between x and y (either way), each one index
    range of events_dyad (source, target, date, goldstein)."""
    (x0, x1), (y0, y1) = code_range(x), code_range(y)
    x_codes, y_codes = codes_with_prefixes(db, [("source", x), ("source", y)], most)
    return ([(code, y0, y1, True) for code in x_codes or []]
            + [(code, x0, x1, False) for code in y_codes or []])


def _seek_where(db: Database, dated: bool) -> str:
    # SQLite: unary + keeps the planner on the dyad index rather than the date index.
    # ``dated``: only events with a date in range, as plain comparisons, which PostgreSQL checks
    # in the index (a COALESCE is checked only after fetching each row from the table).
    column = ("+date" if db.dialect == "sqlite" else "date") if dated else (
        "+COALESCE(date, '')" if db.dialect == "sqlite" else "COALESCE(date, '')")
    return f"source = ? AND target >= ? AND target < ? AND {column} >= ? AND {column} <= ?"


def dyad_monthly(db: Database, seeks: list[DyadSeek], low: str, high: str) -> list[tuple[bool, str | None, int, float]]:
    """(forward, month or None for undated, events, Goldstein sum) of every seek, in one statement;
    dates compared as COALESCE(date, '') so that undated events count when ``low`` is ''."""
    if not seeks:
        return []
    arms, params = [], []
    for code, b0, b1, forward in seeks:
        arms.append(f"SELECT {int(forward)} AS forward, substr(date, 1, 7) AS month, COUNT(*) AS n,"
                    f" SUM(goldstein) AS total FROM events WHERE {_seek_where(db, False)} GROUP BY substr(date, 1, 7)")
        params += [code, b0, b1, low, high]
    rows = db.execute(" UNION ALL ".join(arms), params).fetchall()
    return [(bool(forward), month or None, int(n), float(total)) for forward, month, n, total in rows]


DYAD_EVENT_COLUMNS = "id, article_id, date, source, target, cameo_code, root_code, quad_class, goldstein, sentence"


def dyad_events(db: Database, seeks: list[DyadSeek], low: str, high: str) -> list[dict[str, Any]]:
    """The events of every seek with COALESCE(date, '') in [low, high], in one statement."""
    if not seeks:
        return []
    arm = f"SELECT {DYAD_EVENT_COLUMNS} FROM events WHERE {_seek_where(db, bool(low))}"
    params: list[Any] = []
    for code, b0, b1, _ in seeks:
        params += [code, b0, b1, low, high]
    return db.query(" UNION ALL ".join([arm] * len(seeks)), params)


def event_filters(actor: str | None = None, dyad: tuple[str, str] | None = None, directed: bool = False,
                  code: str | None = None, root: str | None = None, quad: int | None = None,
                  since: str | None = None, until: str | None = None,
                  date_column: str = "e.date") -> tuple[list[str], list[Any]]:
    """WHERE clauses over columns aliased ``e`` (events and merged_events share their names).

    ``actor`` matches source or target by code prefix ("RUS" finds RUSGOV); ``dyad`` (A, B)
    matches A->B and, unless ``directed``, B->A; ``code`` is a CAMEO code prefix;
    ``since``/``until`` bound the event date (inclusive)."""
    clauses: list[str] = []
    params: list[Any] = []
    # Prefixes as ranges [code, next): an index on the column serves them, which LIKE (case-folding
    # in SQLite, collation-bound in PostgreSQL) never does. Codes are stored in upper case.
    if actor:
        low, high = code_range(actor)
        clauses.append("((e.source >= ? AND e.source < ?) OR (e.target >= ? AND e.target < ?))")
        params += [low, high, low, high]
    if dyad:
        (a0, a1), (b0, b1) = code_range(dyad[0]), code_range(dyad[1])
        forward = "(e.source >= ? AND e.source < ? AND e.target >= ? AND e.target < ?)"
        if directed:
            clauses.append(forward)
            params += [a0, a1, b0, b1]
        else:
            clauses.append(f"({forward} OR (e.source >= ? AND e.source < ? AND e.target >= ? AND e.target < ?))")
            params += [a0, a1, b0, b1, b0, b1, a0, a1]
    if code:
        clauses.append("e.cameo_code >= ? AND e.cameo_code < ?")
        params += list(code_range(code))
    if root:
        clauses.append("e.root_code = ?")
        params.append(root.zfill(2))
    if quad is not None:
        clauses.append("e.quad_class = ?")
        params.append(quad)
    if since:
        clauses.append(f"{date_column} >= ?")
        params.append(since)
    if until:
        clauses.append(f"{date_column} <= ?")
        params.append(until)
    return clauses, params


# An event's date, or its article's publication day when the text gave none (the HTTP API
# filters the same way, so the CLI and the API answer alike).
EVENT_DAY = "COALESCE(e.date, substr(a.published, 1, 10))"


EVENT_LIST_COLUMNS = (
    "e.id, e.article_id, e.date, e.source, e.target, e.cameo_code, e.root_code, e.quad_class,"
    " e.goldstein, e.matched, e.sentence, e.start_char, e.end_char, e.confidence, a.title, a.published"
)
NEWEST_FIRST = "date DESC, article_id DESC, start_char, id"


def list_events(db: Database, actor: str | None = None, dyad: tuple[str, str] | None = None,
                directed: bool = False, code: str | None = None, root: str | None = None,
                quad: int | None = None, since: str | None = None, until: str | None = None,
                article_id: int | None = None, limit: int | None = 100,
                min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Events (one row per article's report) newest first; filters as in ``event_filters``, dates
    falling back to the article's publication day; ``min_confidence`` hides weaker readings."""
    clauses, params = event_filters(None, None, False, code, root, quad, since, until, EVENT_DAY)
    weak, weak_params = confidence_clauses("e", min_confidence)
    clauses, params = clauses + weak, params + weak_params
    if article_id is not None:
        clauses.append("e.article_id = ?")
        params.append(article_id)
    seeks = _party_seeks(db, actor, dyad, directed) if article_id is None and (actor or dyad) else None
    if seeks is None:
        party_clauses, party_params = event_filters(actor, dyad, directed)
        return _events_where(db, clauses + party_clauses, params + party_params, limit)
    if not seeks:
        return []
    # One index-ordered read per exact code (RUS, RUSGOV, RUSMIL …), each stopping after ``limit``
    # rows, merged by the database: a busy actor has hundreds of thousands of events, and sorting
    # them all for the newest hundred is what made this question slow. The reads carry only the
    # sort key; the page's rows are fetched and joined to their articles once, at the end.
    join = " JOIN articles a ON a.id = e.article_id" if since or until else ""  # EVENT_DAY reads a.published
    parts, args = [], []
    for n, (seek_sql, seek_params) in enumerate(seeks):
        where = " WHERE " + " AND ".join([seek_sql, *clauses])
        part = f"SELECT e.id, e.date, e.article_id, e.start_char FROM events e{join}{where}"
        if limit is not None:
            part += f" ORDER BY {_aliased(NEWEST_FIRST)} LIMIT ?"
        parts.append(f"SELECT * FROM ({part}) AS seek{n}")
        args += [*seek_params, *params] + ([limit] if limit is not None else [])
    page = " UNION ".join(parts) + f" ORDER BY {NEWEST_FIRST}"  # UNION: an event can match two seeks
    if limit is not None:
        page += " LIMIT ?"
        args.append(limit)
    sql = (f"SELECT {EVENT_LIST_COLUMNS} FROM ({page}) AS newest JOIN events e ON e.id = newest.id"
           f" JOIN articles a ON a.id = e.article_id ORDER BY {_aliased(NEWEST_FIRST)}")
    return db.query(sql, args)


def _aliased(order: str) -> str:
    return ", ".join("e." + term for term in order.split(", "))


def _events_where(db: Database, clauses: list[str], params: list[Any], limit: int | None) -> list[dict[str, Any]]:
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (f"SELECT {EVENT_LIST_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id{where}"
           f" ORDER BY {_aliased(NEWEST_FIRST)}")
    if limit is not None:
        sql += " LIMIT ?"
        params = [*params, limit]
    return db.query(sql, params)


def _party_seeks(db: Database, actor: str | None, dyad: tuple[str, str] | None,
                 directed: bool) -> list[tuple[str, list[Any]]] | None:
    """Equality conditions on exact codes that together select the actor's or dyad's events, each
    served in date order by an index (source, date), (target, date) or (source, target, date);
    None when a prefix is too short to enumerate."""
    if actor and dyad:
        return None
    if actor:
        sources, targets = codes_with_prefixes(db, [("source", actor), ("target", actor)])
        if sources is None or targets is None:
            return None
        return [("e.source = ?", [c]) for c in sources] + [("e.target = ?", [c]) for c in targets]
    assert dyad is not None
    directions = [dyad] if directed else [dyad, (dyad[1], dyad[0])]
    found = codes_with_prefixes(db, [(column, code) for a, b in directions
                                     for column, code in (("source", a), ("target", b))])
    seeks = []
    for sources, targets in zip(found[::2], found[1::2], strict=False):
        if sources is None or targets is None:
            return None
        seeks += [("e.source = ? AND e.target = ?", [s, t]) for s in sources for t in targets]
    return seeks


def list_merged_events(db: Database, actor: str | None = None, dyad: tuple[str, str] | None = None,
                       directed: bool = False, code: str | None = None, root: str | None = None,
                       quad: int | None = None, since: str | None = None, until: str | None = None,
                       limit: int | None = 100, min_confidence: float | None = None) -> list[dict[str, Any]]:
    """Events merged across articles (GDELT counts), most reported first within a date; a merged
    event's confidence is its best report's, and ``min_confidence`` keeps those with one report
    at least that strong."""
    clauses, params = event_filters(actor, dyad, directed, code, root, quad, since, until)
    weak, weak_params = member_confidence_clauses("e", "merged_event_members", "event_id", "events", min_confidence)
    clauses, params = clauses + weak, params + weak_params
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql = (
        "SELECT e.id, e.date, e.last_date, e.source, e.target, e.cameo_code, e.root_code, e.quad_class,"
        " e.goldstein, e.num_mentions, e.num_sources, e.num_articles,"
        " (SELECT MIN(x.sentence) FROM merged_event_members m JOIN events x ON x.id = m.event_id"
        "  WHERE m.merged_id = e.id) AS sentence,"
        " (SELECT MAX(x.confidence) FROM merged_event_members m JOIN events x ON x.id = m.event_id"
        "  WHERE m.merged_id = e.id) AS confidence"
        f" FROM merged_events e{where} ORDER BY e.date DESC, e.num_articles DESC, e.id"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return db.query(sql, params)


# -- the HTTP API's event pages ------------------------------------------------------------------
def _page_filters(actor: str | None = None, dyad: tuple[str, str] | None = None, code: str | None = None,
                  root: str | None = None, quad: int | None = None, since: str | None = None,
                  until: str | None = None, article: int | None = None,
                  min_confidence: float | None = None) -> tuple[str, list[Any]]:
    """The CLI's filters (a dyad is the pair, whoever acted), plus one article."""
    clauses, params = event_filters(actor, dyad, False, code, root, quad, since, until, EVENT_DAY)
    weak, weak_params = confidence_clauses("e", min_confidence)
    clauses, params = clauses + weak, params + weak_params
    if article is not None:
        clauses.append("e.article_id = ?")
        params.append(article)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


PAGE_EVENT_COLUMNS = (
    "e.id, e.article_id, " + EVENT_DAY + " AS date, e.date IS NULL AS date_from_article, e.source, e.target,"
    " e.cameo_code, e.root_code, e.quad_class, e.goldstein, e.sentence, e.start_char, e.end_char, e.matched,"
    " e.confidence, a.title AS article_title, a.published AS article_published"
)


def _query_page(db: Database, where: str, params: list[Any], limit: int | None, offset: int = 0,
                 order: str = "date DESC, e.id DESC") -> list[dict[str, Any]]:
    sql = f"SELECT {PAGE_EVENT_COLUMNS} FROM events e JOIN articles a ON a.id = e.article_id{where} ORDER BY {order}"
    args = list(params)
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    rows = db.query(sql, args)
    for row in rows:
        row["date_from_article"] = bool(row["date_from_article"])
    return rows


def page_events(db: Database, actor: str | None = None, dyad: tuple[str, str] | None = None,
                code: str | None = None, root: str | None = None, quad: int | None = None,
                since: str | None = None, until: str | None = None, article: int | None = None,
                limit: int | None = 100, offset: int = 0,
                min_confidence: float | None = None) -> tuple[list[dict[str, Any]], int]:
    """One page of events (newest first, with their article's title and publication time; an
    undated event takes its article's day, ``date_from_article`` says so) and how many match."""
    where, params = _page_filters(actor, dyad, code, root, quad, since, until, article, min_confidence)
    total = int(db.scalar(f"SELECT COUNT(*) FROM events e JOIN articles a ON a.id = e.article_id{where}", params))
    return _query_page(db, where, params, limit, offset), total
