"""Which CAMEO demand an act stands for when one party demands or expects it of another.

"X said Y must release the sailors" (``event.obligation``) and "X expects Y to withdraw its troops"
(``event.awaited_compliance``) are X's demand on Y; the rows of ``data/lexicon/demanded_acts.tsv``
choose its code by the demanded verb and, where the verb alone does not say, by its object: "must
stop the shelling" is a demand for de-escalation (1056), "must end its probe" one for a policy
change (1042).
"""

from __future__ import annotations

import functools
from typing import Any

from pactwatch.data import read_table
from pactwatch.nlp.grammar.words import words

TABLE = "lexicon/demanded_acts.tsv"
UNSPECIFIED = "100"  # CAMEO: make a demand, not specified below
OBJECT_DEPS = ("dobj", "xcomp")  # 'stop the shelling', 'stop attacking'
OBJECT_MODIFIER_DEPS = ("amod", "compound")  # 'end military operations'


@functools.cache
def _rows() -> tuple[tuple[frozenset[str], str, str], ...]:
    return tuple((frozenset(row["lemmas"].split("|")), row["object"].removeprefix("@"), row["code"])
                 for row in read_table(TABLE))


def demanded_code(verb: Any) -> str:
    """The code of the demand that ``verb`` (the act demanded or expected) stands for."""
    lemma = verb.lemma_.lower()
    objects = [c for c in verb.children if c.dep_ in OBJECT_DEPS]
    named = {o.lemma_.lower() for o in objects} | {
        m.lemma_.lower() for o in objects for m in o.children if m.dep_ in OBJECT_MODIFIER_DEPS}
    for lemmas, object_class, code in _rows():
        if lemma in lemmas and (not object_class or named & words(object_class)):
            return code
    return UNSPECIFIED
