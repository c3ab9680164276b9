"""The constructions' dependency patterns matched with the work a spaCy ``DependencyMatcher`` does
for them, and only that work; the matches are the same set.

Why: spaCy's ``DependencyMatcher`` runs every node of every pattern as a token pattern over every
token of the article (its ``Matcher`` calls each ``_`` attribute's Python getter once per token
and per pattern), then looks up every matched token's whole chain of heads. That was about a
third of pactwatch's own CPU time per article. Here the anchor (the first node) is found from
per-article columns of token attribute ids read once (``Doc.to_array``), each other node is only
tried on the tokens its relation reaches from an already matched node, and each token's tree
root is computed only for the tokens that match.

Same answer, by construction: a match is a tuple (one token per node) whose tokens meet their
node's attributes, each relation ``LEFT_ID REL_OP RIGHT_ID``, and share one tree root, as in
``DependencyMatcher._get_matches`` (whose cartesian product over the candidates of each root
checks exactly those conditions). Attribute values compare as the ``Matcher`` compares them
(string ids, ``get_string_id``); the relations are the ``DependencyMatcher``'s own functions.
A node whose attributes use anything not read here (other attributes, operators, ``OP``) is
matched by a spaCy ``Matcher`` of its own, once per article. ``tests/nlp/test_tree_match.py``
checks the sets are equal on parsed articles and on every construction's examples.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from spacy.strings import get_string_id

# token attributes read from Doc.to_array, as the Matcher names them (TEXT is ORTH there too)
COLUMNS = ("ORTH", "LOWER", "NORM", "LEMMA", "POS", "TAG", "DEP", "ENT_TYPE")
_ALIASES = {"TEXT": "ORTH"}
SET_OPERATORS = ("IN", "NOT_IN", "INTERSECTS")

# extension attributes whose values for a whole Doc can be computed without a Token per token:
# name -> function(doc, columns) -> one value per token, equal to token._.get(name)
EXTENSION_COLUMNS: dict[str, Callable[[Any, Mapping[str, list[int]]], list[Any]]] = {}

_COLUMNS_KEY = "pactwatch.grammar.columns"
_EXTENSIONS_KEY = "pactwatch.grammar.extension_ids"
_ROOTS_KEY = "pactwatch.grammar.roots"


def string_id(value: Any) -> int:
    return int(get_string_id(value))


class Unsupported(Exception):
    """A node's attributes use something this module does not read: a spaCy Matcher matches it."""


class _Test:
    """One condition of a node on one column (an attribute's ids, or an extension's values)."""

    def __init__(self, column: str, extension: bool, op: str, value: Any) -> None:
        self.column, self.extension, self.op = column, extension, op
        if op == "==":
            self.value: Any = value if isinstance(value, int) else string_id(value)
        elif op in SET_OPERATORS:
            self.value = frozenset(string_id(v) for v in value)
        else:  # REGEX
            self.value = re.compile(value)

    def holds(self, value: Any, strings: Any) -> bool:
        if self.op == "==":
            return bool(value == self.value)
        if self.op == "REGEX":
            return bool(self.value.search(value if self.extension else strings[value]))
        if self.op in ("IN", "NOT_IN"):
            if not isinstance(value, int):  # an extension's list (or other) value: no match
                return False
            return (value in self.value) == (self.op == "IN")
        if isinstance(value, int):  # INTERSECTS: a str/int value is a set of one
            return value in self.value
        return isinstance(value, frozenset) and not self.value.isdisjoint(value)


def _compile(attrs: Mapping[str, Any]) -> list[_Test]:
    tests: list[_Test] = []
    for key, value in attrs.items():
        if key == "_":
            if not isinstance(value, dict):
                raise Unsupported(key)
            for name, spec in value.items():
                if isinstance(spec, str):  # the Matcher compares a str value's string id
                    tests.append(_Test(name, True, "==", spec))
                    continue
                if not isinstance(spec, dict) or not spec or any(op not in (*SET_OPERATORS, "REGEX") for op in spec):
                    raise Unsupported(name)
                tests += [_Test(name, True, op, v) for op, v in spec.items()]
            continue
        column = _ALIASES.get(key.upper(), key.upper())
        if column not in COLUMNS:
            raise Unsupported(key)
        if isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool)):
            tests.append(_Test(column, False, "==", value))
        elif isinstance(value, dict) and value and all(op in ("IN", "NOT_IN", "REGEX") for op in value):
            tests += [_Test(column, False, op, v) for op, v in value.items()]
        else:
            raise Unsupported(key)
    return tests


class _Node:
    def __init__(self, index: int, attrs: Mapping[str, Any], left: int, op: str) -> None:
        self.index, self.left, self.op = index, left, op  # left = -1 for the anchor
        try:
            self.tests: list[_Test] | None = _compile(attrs)
        except Unsupported:
            self.tests = None  # matched by the fallback Matcher under this node's key
        self.attrs = dict(attrs)


class TreeMatcher:
    """Patterns added as to a ``DependencyMatcher`` (``add(key, pattern)``, one pattern per key);
    calling it on a parsed Doc gives every match as ``(key, [token index per node])``."""

    def __init__(self, vocab: Any) -> None:
        from spacy.matcher import DependencyMatcher, Matcher

        self.vocab = vocab
        self._ops = DependencyMatcher(vocab)._ops  # the relations, exactly as spaCy defines them
        self._fallback = Matcher(vocab)
        self._fallback_keys: dict[tuple[int, int], str] = {}
        self._patterns: list[tuple[int, list[_Node]]] = []

    def add(self, key: int, pattern: list[dict[str, Any]]) -> None:
        ids = {str(node["RIGHT_ID"]): i for i, node in enumerate(pattern)}
        nodes = []
        for i, node in enumerate(pattern):
            left = ids[node["LEFT_ID"]] if "REL_OP" in node else -1
            built = _Node(i, node.get("RIGHT_ATTRS", {}), left, str(node.get("REL_OP", "")))
            if built.tests is None:
                name = f"pactwatch.node.{len(self._patterns)}.{i}"
                self._fallback.add(name, [[built.attrs]])
                self._fallback_keys[(len(self._patterns), i)] = name
            nodes.append(built)
        self._patterns.append((key, nodes))

    def __call__(self, doc: Any) -> list[tuple[int, list[int]]]:
        run = _Run(self, doc)
        return [match for number in range(len(self._patterns)) for match in run.matches(number)]


class _Run:
    """One Doc's matching: its columns, the tokens each node meets, each token's tree root."""

    def __init__(self, matcher: TreeMatcher, doc: Any) -> None:
        self.matcher, self.doc, self.strings = matcher, doc, doc.vocab.strings
        self.columns = doc_columns(doc)
        self.roots: dict[int, int] = doc.user_data.setdefault(_ROOTS_KEY, {})
        self.met: dict[tuple[int, int], dict[int, bool]] = {}
        self.fallback: dict[str, set[int]] | None = None

    def matches(self, number: int) -> Iterator[tuple[int, list[int]]]:
        key, nodes = self.matcher._patterns[number]
        for anchor in self.anchors(number, nodes[0]):
            root = self.root(anchor)
            for found in self.extend(number, nodes, [anchor], root):
                yield key, found

    def anchors(self, number: int, node: _Node) -> list[int]:
        if node.tests is None:
            return sorted(self.fallback_tokens(number, 0))
        if not node.tests:
            return list(range(len(self.doc)))
        first = node.tests[0]
        values = self.values(first)
        if first.op == "==":
            hits = [i for i, v in enumerate(values) if v == first.value]
        elif first.op == "IN":  # an extension's list value is a frozenset, never in a set of ids
            wanted = first.value
            hits = [i for i, v in enumerate(values) if v in wanted]
        else:
            hits = [i for i, v in enumerate(values) if first.holds(v, self.strings)]
        for test in node.tests[1:]:
            if not hits:
                break
            values = self.values(test)
            if test.op == "IN":
                wanted = test.value
                hits = [i for i in hits if values[i] in wanted]
            else:
                hits = [i for i in hits if test.holds(values[i], self.strings)]
        return hits

    def extend(self, number: int, nodes: list[_Node], chosen: list[int], root: int) -> Iterator[list[int]]:
        if len(chosen) == len(nodes):
            yield list(chosen)
            return
        node = nodes[len(chosen)]
        reached = dict.fromkeys(t.i for t in self.matcher._ops[node.op](self.doc, chosen[node.left]))
        for i in reached:
            if self.meets(number, node, i) and self.root(i) == root:
                chosen.append(i)
                yield from self.extend(number, nodes, chosen, root)
                chosen.pop()

    def meets(self, number: int, node: _Node, i: int) -> bool:
        if node.tests is None:
            return i in self.fallback_tokens(number, node.index)
        memo = self.met.setdefault((number, node.index), {})
        hit = memo.get(i)
        if hit is None:
            hit = memo[i] = all(t.holds(self.values(t)[i], self.strings) for t in node.tests)
        return hit

    def values(self, test: _Test) -> list[Any]:
        if not test.extension:
            return self.columns[test.column]
        raw, ids = extension_values(self.doc, test.column)
        return raw if test.op == "REGEX" else ids

    def fallback_tokens(self, number: int, index: int) -> set[int]:
        if self.fallback is None:
            self.fallback = {}
            for match_id, start, _end in self.matcher._fallback(self.doc):
                self.fallback.setdefault(self.strings[match_id], set()).add(start)
        return self.fallback.get(self.matcher._fallback_keys[(number, index)], set())

    def root(self, i: int) -> int:
        """The last of token i's ancestors, or i (as ``DependencyMatcher`` groups its candidates)."""
        root = self.roots.get(i)
        if root is None:
            heads = self.columns["HEAD"]
            root, steps = i, 0
            while heads[root] != 0 and steps < len(heads):
                root += heads[root]
                steps += 1
            self.roots[i] = root
        return root


def doc_columns(doc: Any) -> dict[str, list[int]]:
    """Each token's attribute ids (and relative head offset, ``HEAD``), read once per Doc."""
    columns = doc.user_data.get(_COLUMNS_KEY)
    if columns is None:
        names = (*COLUMNS, "HEAD")
        array = doc.to_array(list(names)).astype("int64")  # HEAD offsets are signed
        columns = {name: array[:, j].tolist() for j, name in enumerate(names)}
        mask = (1 << 64) - 1
        for name in COLUMNS:  # attribute ids are unsigned 64-bit hashes
            columns[name] = [v & mask for v in columns[name]]
        doc.user_data[_COLUMNS_KEY] = columns
    return dict(columns)


def extension_values(doc: Any, name: str) -> tuple[list[Any], list[Any]]:
    """Each token's value of extension ``name``, and the same as the Matcher's set predicates
    compare it: a str or int as its string id, a list of str/int as a frozenset of ids, anything
    else as None (never in a set)."""
    cache = doc.user_data.setdefault(_EXTENSIONS_KEY, {})
    found = cache.get(name)
    if found is None:
        column = EXTENSION_COLUMNS.get(name)
        raw = column(doc, doc_columns(doc)) if column else [token._.get(name) for token in doc]
        found = cache[name] = (raw, [_as_ids(v) for v in raw])
    return found


def _as_ids(value: Any) -> Any:
    if isinstance(value, (str, int)):
        return string_id(value)
    if isinstance(value, Iterable) and all(isinstance(v, (str, int)) for v in value):
        return frozenset(string_id(v) for v in value)
    return None
