"""When a sentence that names force (CAMEO roots 18-20) reports no act of force.

The roots of material conflict carry the scale's heaviest weights (Goldstein -10), so a misread
one distorts a dyad's record more than any other code. Three general readings are not acts:

- **A force noun with no performer.** "Russia's strikes", "strikes by Russia" and "Russia launched
  strikes" name who used force; "the two states agreed to treat an attack on one as an attack on
  both", "the ministry protested over the attack on its embassy" do not: the subject of
  ``agreed`` or ``protested`` did not attack. A force noun takes its source from its own
  possessor, agent or compound, or from the subject of a verb that carries out an act
  (word class ``force_performing_verbs``), never from another verb's subject or the speaker.
- **Force as the purpose or content of something else.** "missiles to hit targets inside
  Russia", "pleas for jets in order to strike the bases", "a plan to bomb the port": an
  infinitive hanging from a noun or marked as a purpose is what someone wants done, not done.
- **A verbal clash.** "Trump clashed with Zelenskyy", "the two ministers fought over the
  budget": a fight or clash between persons (no state, army or armed group named on either side)
  is a quarrel, coded as criticism (111), not as force.

An act's target may also be named by an aiming participle ("strikes targeting sites in Y",
"raids aimed at Y", ``aimed_at``): the coder reads it as it reads "strikes against Y".

Negated, conditional and merely possible force is never coded (``ClauseMixin.adjust``), and
planned force is a threat (138).
"""

from __future__ import annotations

from typing import Any

from pactwatch.nlp.event_lexicon import LexEntry
from pactwatch.nlp.grammar.words import words
from pactwatch.records import Mention

Token = Any  # spacy.tokens.Token
FORCE_ROOTS = words("force_roots")
PERFORMING_VERBS = words("force_performing_verbs")
PURPOSE_MARKS = words("purpose_marks")
DECISION_NOUNS = words("decision_nouns")
INFINITIVE = words("infinitive_markers")
AIMING_VERBS = words("aiming_verbs")
AIMING_PREPS = words("aiming_preps")
PERSONAL_KINDS = ("person", "pronoun", "role")
VERBAL_CLASH = "111"  # a quarrel between persons: criticism, not force


def aimed_at(act: Token) -> list[Token]:
    """The phrases an aiming participle of the act names as what it is aimed at: "strikes targeting
    sites in Y" (the noun's own participle), "launched strikes on Sunday targeting Y" (the participle
    of the verb the noun is the object of), "sanctions aimed at Y's banks", "raids directed against Y",
    "strikes targeting what it called militant bases in Y" (a hedge still names the place)."""
    holders = [act] + ([act.head] if act.dep_ == "dobj" and act.head.pos_ == "VERB" else [])
    found: list[Token] = []
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ not in ("acl", "advcl") or clause.lemma_.lower() not in AIMING_VERBS \
                    or clause.tag_ not in ("VBG", "VBN"):
                continue
            for child in clause.children:
                if child.dep_ == "dobj" or (child.dep_ == "ccomp" and any(
                        g.dep_ == "dobj" and g.tag_ == "WP" for g in child.children)):
                    found.append(child)  # also "targeting what it called militant bases in Y"
                elif child.dep_ == "prep" and child.lower_ in AIMING_PREPS:
                    found += [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
    return found


class ForceMixin:
    """Checks the event coder asks before coding an act of force."""

    @staticmethod
    def force_without_performer(code: str, governor: Token | None) -> bool:
        """Whether a force noun with no agent of its own would take its source from a verb that
        does not carry out the act ("agreed to treat an attack ...", "summoned X over the attack")."""
        if code[:2] not in FORCE_ROOTS:
            return False
        return governor is None or governor.lemma_.lower() not in PERFORMING_VERBS

    @staticmethod
    def force_as_purpose(code: str, verb: Token) -> bool:
        """Whether a force verb is an infinitive naming a purpose or a wish ("missiles to hit
        targets", "in order to strike"), not an act."""
        if code[:2] not in FORCE_ROOTS or not any(c.dep_ == "aux" and c.lower_ in INFINITIVE for c in verb.children):
            return False
        if verb.dep_ == "acl":  # "Russia's decision to annex Crimea" names the act decided, not a wish
            return verb.head.lemma_.lower() not in DECISION_NOUNS
        return verb.dep_ == "advcl" and any(c.lower_ in PURPOSE_MARKS for c in verb.children)

    @staticmethod
    def verbal_clash(entry: LexEntry, code: str, sources: list[Mention], targets: list[Mention]) -> str:
        """The code of a reciprocal force verb whose every party is a person: a quarrel (111)."""
        if code[:2] not in FORCE_ROOTS or "reciprocal" not in entry.flags or not sources or not targets:
            return code
        parties = sources + targets
        if all(m.kind in PERSONAL_KINDS and m.code[3:6] not in ("MIL", "REB", "INS") for m in parties):
            return VERBAL_CLASH
        return code
