"""The package's shape: records in one module, no import circles, the store below the steps.

Imports are read from the source (``ast``), function-level imports included: a lazy import
still ties two modules together.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"


def _modules() -> dict[str, Path]:
    found = {}
    for path in (SRC / "pactwatch").rglob("*.py"):
        parts = path.with_suffix("").relative_to(SRC).parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def import_graph() -> dict[str, set[str]]:
    """module -> the pactwatch modules it imports (``from pkg import submodule`` counts as the submodule)."""
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                subs = {f"{node.module}.{a.name}" for a in node.names} & modules.keys()
                graph[name] |= subs
                if node.module in modules and len(subs) < len(node.names):
                    graph[name].add(node.module)
            elif isinstance(node, ast.Import):
                graph[name] |= {a.name for a in node.names} & modules.keys()
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_circle_finder_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert circles(graph) == [["a", "b", "c"]]


def test_no_import_circles() -> None:
    assert circles(import_graph()) == []


def test_store_imports_no_understanding_step_and_no_face() -> None:
    below = ("pactwatch.nlp", "pactwatch.pacts", "pactwatch.cli", "pactwatch.api", "pactwatch.service")
    wrong = {name: sorted(t for t in targets if t.startswith(below))
             for name, targets in import_graph().items() if name.startswith("pactwatch.store")}
    assert {k: v for k, v in wrong.items() if v} == {}


def test_record_types_are_defined_once_in_records() -> None:
    graph = import_graph()
    records = {"Article", "Mention", "Quote", "Event", "CommitmentReport", "Annotation", "CommitmentRecord",
               "PartyRecord", "EventRecord"}
    defined: dict[str, list[str]] = {}
    for name, path in _modules().items():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and node.name in records:
                defined.setdefault(node.name, []).append(name)
    assert defined == {r: ["pactwatch.records"] for r in records}
    assert "pactwatch.records" in graph["pactwatch.store.articles"]


_SQL = re.compile(r"^\s*(SELECT|INSERT|DELETE|UPDATE|WITH|CREATE|DROP|ALTER)\b")
# a clause inside a string, wherever the string starts (" FROM events e JOIN ..." fragments)
_SQL_CLAUSE = re.compile(r"\b(FROM|JOIN|WHERE|ORDER BY|GROUP BY|COALESCE\()\s*[a-z_(]")
_DATABASE_CALLS = {"query", "query_one", "scalar", "execute", "executemany"}


def sql_strings(path: Path) -> list[str]:
    return [node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and (_SQL.match(node.value) or _SQL_CLAUSE.search(node.value))]


def database_calls(path: Path) -> list[str]:
    """Calls of the Database's statement methods (``db.query(...)``), by line."""
    return [f"{path.name}:{node.lineno} .{node.func.attr}()" for node in ast.walk(ast.parse(path.read_text("utf-8")))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in _DATABASE_CALLS and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ("db", "database")]


def test_sql_finder_finds_sql_in_a_string_and_an_f_string(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text('x = 1\nq = f"SELECT id FROM t WHERE {x}"\nr = "DELETE FROM t"\ns = "selection"\n'
                      't = " JOIN articles a ON a.id = e.article_id"\nu = "Where from? From here."\n'
                      'db.query(q)\nother.query(q)\n')
    assert sorted(sql_strings(module)) == [" JOIN articles a ON a.id = e.article_id", "DELETE FROM t",
                                           "SELECT id FROM t WHERE "]
    assert database_calls(module) == ["m.py:7 .query()"]


def test_sql_lives_only_in_store() -> None:
    outside = {name: path for name, path in _modules().items() if not name.startswith("pactwatch.store")}
    assert {name: sql_strings(path) for name, path in outside.items() if sql_strings(path)} == {}, \
        "SQL belongs in pactwatch.store"
    assert [call for path in outside.values() for call in database_calls(path)] == [], \
        "statements are run by pactwatch.store functions"


MODULE_LINES = 500


def test_no_module_over_the_line_limit() -> None:
    over = {name: n for name, path in _modules().items()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MODULE_LINES}
    assert over == {}, f"split these modules: {over}"
