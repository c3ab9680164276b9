"""Count the word lists and word tests still written in Python in the understanding steps.

Run from the root of the checkout to count: ``.venv/bin/python scripts/count_word_tests.py [--list]``.
It reads ``src/pactwatch/nlp/**`` and ``src/pactwatch/pacts/*.py`` with ``ast`` (no import) and
prints three counts, so two trees can be compared the same way:

* word lists: module-level names bound to a tuple/list/set/frozenset of two or more string
  literals whose items are words (letters, spaces, hyphens, apostrophes; not quote marks or
  codes in capitals), or to a dict literal whose two or more keys are such words;
* word tests: comparisons of a token's word (``.lower_``, ``.lemma_``, ``.text``, ``.norm_``,
  ``.orth_``, or any of these ``.lower()``-ed) with a string literal or a literal collection of
  strings (``t.lower_ == "said"``, ``t.lemma_ in ("say", "tell")``);
* label tests: the same for ``.dep_``, ``.pos_``, ``.tag_``, ``.ent_type_``, ``.label_`` (parse
  labels, not English words; counted apart).

``--list`` prints every finding with its file and line.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

ROOT = Path.cwd() / "src" / "pactwatch"  # the checkout it is run from (to count an older tree too)
WORD_ATTRS = {"lower_", "lemma_", "text", "norm_", "orth_"}
LABEL_ATTRS = {"dep_", "pos_", "tag_", "ent_type_", "label_"}
_WORD = re.compile(r"^[a-z][a-z' \-]*$")


def files() -> list[Path]:
    return sorted([*(ROOT / "nlp").rglob("*.py"), *(ROOT / "pacts").glob("*.py")])


def _strings(node: ast.AST) -> list[str] | None:
    """The items of a literal collection of strings (or a lone string), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("frozenset", "set") \
            and len(node.args) == 1:
        return _strings(node.args[0])
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)) and node.elts:
        items = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
        return items if len(items) == len(node.elts) else None
    return None


def _attribute(node: ast.AST) -> str | None:
    """``x.lower_`` -> "lower_"; ``x.lemma_.lower()`` -> "lemma_"; ``x.text.lower()`` -> "text"."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "lower":
        node = node.func.value
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def findings(path: Path) -> dict[str, list[str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = str(path.relative_to(ROOT))
    found: dict[str, list[str]] = {"word lists": [], "word tests": [], "label tests": []}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            items = _strings(node.value)
            if isinstance(node.value, ast.Dict) and node.value.keys:
                keys = [k.value for k in node.value.keys if isinstance(k, ast.Constant) and isinstance(k.value, str)]
                items = keys if len(keys) == len(node.value.keys) else None
            if items and len(items) >= 2 and all(_WORD.match(i) for i in items):
                target = node.targets[0] if isinstance(node, ast.Assign) else node.target
                name = target.id if isinstance(target, ast.Name) else "?"
                found["word lists"].append(f"{where}:{node.lineno} {name} ({len(items)} words)")
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        attrs = {a for a in map(_attribute, sides) if a}
        if not any(_strings(s) for s in sides):
            continue
        kind = "word tests" if attrs & WORD_ATTRS else "label tests" if attrs & LABEL_ATTRS else None
        if kind:
            found[kind].append(f"{where}:{node.lineno} {ast.unparse(node)[:90]}")
    return found


def main(argv: list[str]) -> None:
    total: dict[str, list[str]] = {"word lists": [], "word tests": [], "label tests": []}
    for path in files():
        for kind, items in findings(path).items():
            total[kind] += items
    for kind, items in total.items():
        if "--list" in argv:
            print(f"# {kind}")
            print("\n".join(items))
        print(f"{kind}: {len(items)}")


if __name__ == "__main__":
    main(sys.argv[1:])
