"""Where an act's target comes from when its clause names none: the ordered rows of
``data/grammar/event_targets.jsonl``.

A row names a finder (a method of the sentence coder that returns candidate targets from the
sentence or the article), the stage of the pairing it belongs to, and the conditions under which
it is tried. Rows of one stage are tried in file order, each on what the rows before it left: a
row whose conditions hold and whose finder finds something replaces the targets and applies its
``sets``. The stages, in the order ``event_pairs`` runs them:

- ``unnamed``: the clause named no target, or only the source's own country;
- ``joint``: after parties named together were read as one joint act ("the talks between X and
  Y"), the other party of a one-sided joint act from context;
- ``unpaired``: no pair came out at all (the place force was used in, CAMEO's missing target).

Conditions (``when``): ``sources`` ("some" / "one"), ``targets`` ("none" / "own_country_only": none
of another country than the sources'), ``reciprocal`` (the act as read so far is mutual),
``entry_flags`` / ``entry_flags_absent`` (flags of the lexicon entry), ``roots`` / ``roots_not``
(CAMEO roots, a list or an "@word_class"), ``codes`` (full CAMEO codes, the same), ``checks`` (coder methods
asked with the trigger and its clause). A misspelt key fails at load, not silently.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pactwatch.data import table_path
from pactwatch.nlp.grammar.words import words
from pactwatch.records import Mention

TABLE = "grammar/event_targets.jsonl"
STAGES = ("unnamed", "joint", "unpaired")
CONDITIONS = frozenset({"sources", "targets", "reciprocal", "entry_flags", "entry_flags_absent", "roots", "roots_not",
                        "codes", "checks"})
SETTABLE = frozenset({"reciprocal", "both_ways"})


@dataclass
class Reading:
    """What the pairing knows of the act while it looks for a target."""

    sources: list[Mention]
    targets: list[Mention]
    reciprocal: bool
    both_ways: bool = False


@dataclass(frozen=True)
class TargetRow:
    name: str
    stage: str
    finder: str
    when: Mapping[str, Any] = field(default_factory=dict)
    sets: Mapping[str, bool] = field(default_factory=dict)
    why: str = ""
    examples: tuple[Mapping[str, Any], ...] = ()

    def holds(self, reading: Reading, entry_flags: frozenset[str], code: str) -> bool:
        """Whether the row's conditions (all but ``checks``, which ask the coder) hold."""
        when = self.when
        own = {s.code[:3] for s in reading.sources}
        if "sources" in when and not (reading.sources if when["sources"] == "some" else len(reading.sources) == 1):
            return False
        if when.get("targets") == "none" and reading.targets:
            return False
        if when.get("targets") == "own_country_only" and any(t.code[:3] not in own for t in reading.targets):
            return False
        if "reciprocal" in when and reading.reciprocal != when["reciprocal"]:
            return False
        if not set(when.get("entry_flags", ())) <= entry_flags or set(when.get("entry_flags_absent", ())) & entry_flags:
            return False
        if "roots" in when and code[:2] not in _items(when["roots"]):
            return False
        if "roots_not" in when and code[:2] in _items(when["roots_not"]):
            return False
        return "codes" not in when or code in _items(when["codes"])


def _items(value: Any) -> frozenset[str]:
    """A list of codes, or the items of the word class an "@name" names."""
    return words(value[1:]) if isinstance(value, str) and value.startswith("@") else frozenset(value)


@functools.cache
def target_rows() -> tuple[TargetRow, ...]:
    """The rows of ``data/grammar/event_targets.jsonl`` in file order (names unique, keys known)."""
    path = table_path(TABLE)
    return parse_rows(path.read_text(encoding="utf-8"), path.name)


def parse_rows(text: str, name: str) -> tuple[TargetRow, ...]:
    """Rows from the lines of a table named ``name``; a misspelt key or stage, or a name used twice, fails."""
    rows: list[TargetRow] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = json.loads(line)
        where = f"{name} line {number}"
        if row["name"] in {r.name for r in rows}:
            raise ValueError(f"{where}: target row {row['name']!r} defined twice")
        if row["stage"] not in STAGES:
            raise ValueError(f"{where}: unknown stage {row['stage']!r}")
        unknown = (set(row.get("when", {})) - CONDITIONS) | (set(row.get("sets", {})) - SETTABLE)
        if unknown:
            raise ValueError(f"{where}: unknown condition or setting {sorted(unknown)}")
        rows.append(TargetRow(name=row["name"], stage=row["stage"], finder=row["finder"], when=row.get("when", {}),
                              sets=row.get("sets", {}), why=row.get("why", ""),
                              examples=tuple(row.get("examples", ()))))
    return tuple(rows)
