"""Dependency-tree helpers for commitment extraction: which tokens a lifecycle verb speaks about.

A lifecycle trigger ("signed", "ratify", "withdrawal") governs a *region*: its own subtree, minus
adverbial and relative clauses (which report other happenings: "after Hungary approved…"), minus
the regions of other triggers, plus the noun it modifies when it is a participle ("the agreement
signed today") and the subject it inherits when it has none ("agreed to sign", "… and signed").
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pactwatch.nlp.grammar.words import words

DOMINATING_DEPS = words("step_dominating_deps")
CUT_DEPS = words("step_cut_deps")
CIRCUMSTANCE_PREPS = words("circumstance_preps")
NOUN_CIRCUMSTANCE_PREPS = words("noun_circumstance_preps")
SUBJECT_DEPS = words("step_subject_deps")
PRONOUNS = words("subject_pronouns_commitment")
STEP_PLANNING = words("step_planning_governors")
SUPPORT_NOUNS = words("support_nouns")
MEMBER_ROLE_NOUNS = words("member_role_nouns")
MEMBER_ROLE_PREPS = words("member_role_preps")
APPLICATION_WORDS = words("application_words")
POSSESSIVE_PRONOUNS = words("collective_possessives")
INFINITIVE = words("infinitive_markers")
SUPPORT_PREPS = words("support_preps")
APPLICATION_PREPS = words("application_preps")
PROSPECT_MARKS = words("prospect_marks")
PROSPECT_NOUNS = words("prospect_nouns")
FUTURE_AUX = words("future_auxiliaries")
COMMENT_NOUNS = words("act_comment_nouns")


def dominated_by(token: Any, triggers: set[int]) -> int | None:
    """Index of the trigger that governs ``token`` through argument links, if any."""
    current = token
    while current.head.i != current.i and (current.dep_ in DOMINATING_DEPS or _purpose(current)):
        current = current.head
        if current.i in triggers:
            return current.i
    return None


def _purpose(token: Any) -> bool:
    """An infinitive of purpose ("approved a bill to allow Finland to join") belongs to its verb."""
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ in INFINITIVE for c in token.children)


def subject_of(token: Any) -> Any | None:
    """The token's own subject, or the one it inherits through xcomp/conj/acl chains."""
    current = token
    for _ in range(6):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects and not (subjects[0].lower_ in PRONOUNS and current.dep_ in ("ccomp", "conj", "xcomp")):
            return subjects[0]
        if current.dep_ in ("xcomp", "conj", "advcl", "ccomp") and current.head.i != current.i:
            current = current.head
            continue
        if current.dep_ in ("relcl", "acl") and current.head.i != current.i:
            return current.head  # "Finland, which was admitted…": the modified noun
        return None
    return None


def region(trigger: Any, other_triggers: Iterable[int], keep: frozenset[int] = frozenset()) -> set[int]:
    """Token indices the trigger's statement covers (see the module docstring).

    ``keep``: tokens (organisation mentions) whose prepositional phrase is never a circumstance
    ("membership in the CSTO")."""
    others = set(other_triggers) - {trigger.i}
    covered: set[int] = set()

    def walk(token: Any, top: bool) -> None:
        if not top and (token.i in others or (token.dep_ in CUT_DEPS and not _purpose(token))):
            return
        if not top and token.dep_ == "appos" and token.lemma_.lower() in COMMENT_NOUNS:
            return  # "…, a move likely to irk Pakistan": a comment on the act, not its parties
        if not top and token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and any(
                c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
            return  # "Russia left the treaty, and NATO allies responded …": another statement
        if not top and token.dep_ == "prep" and not _supports(token):
            on_noun = token.head.pos_ in ("NOUN", "PROPN", "PRON")
            if token.lower_ in (NOUN_CIRCUMSTANCE_PREPS if on_noun else CIRCUMSTANCE_PREPS) and not (
                    keep and any(t.i in keep for t in token.subtree)):
                return
        covered.add(token.i)
        for child in token.children:
            walk(child, False)

    walk(trigger, True)
    if trigger.dep_ in ("acl", "amod", "relcl", "compound") and trigger.head.i != trigger.i:
        walk(trigger.head, True)  # "the agreement signed today", "the signed treaty"
    subject = subject_of(trigger) or _light_verb_subject(trigger)
    if subject is not None and subject.i not in covered:
        walk(subject, True)
    return covered


def _light_verb_subject(trigger: Any) -> Any | None:
    """"Niger finalized its exit from the pact", "completed its pullout": a step noun owned by a
    possessive pronoun, the object of a verb that only carries it, is done by that verb's subject."""
    if trigger.pos_ != "NOUN" or trigger.dep_ != "dobj" or not any(
            c.dep_ == "poss" and c.lower_ in POSSESSIVE_PRONOUNS for c in trigger.children):
        return None
    return subject_of(trigger.head)


def _supports(prep: Any) -> bool:
    """"voted in favour of X", "voted for X", "applied for membership", "approved Colombia as a
    new member": what the step is about, not a circumstance."""
    if prep.lower_ in MEMBER_ROLE_PREPS:
        return any(c.dep_ == "pobj" and bool(MEMBER_ROLE_NOUNS & {c.lemma_.lower(), *(
            g.lemma_.lower() for g in c.children if g.dep_ == "compound")}) for c in prep.children)
    if prep.lower_ in SUPPORT_PREPS:
        return any(c.dep_ == "pobj" and c.lemma_.lower() in SUPPORT_NOUNS for c in prep.children)
    return prep.lower_ in APPLICATION_PREPS and prep.head.lemma_.lower() in APPLICATION_WORDS


def is_future(token: Any) -> bool:
    """'will leave', 'plans to sign', 'is expected to join': an intention, not a done step."""
    current = token
    if any(c.dep_ == "mark" and c.lower_ in PROSPECT_MARKS for c in token.children) or (
            token.dep_ in ("relcl", "acl") and token.head.lemma_.lower() in PROSPECT_NOUNS):
        return True  # "clearing the way for Helsinki to join": a prospect
    for _ in range(3):
        for child in current.children:
            if child.dep_ == "aux" and child.lower_ in FUTURE_AUX:
                return True
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in STEP_PLANNING:
            return True
        if current.dep_ in ("xcomp", "conj") and current.head.i != current.i:
            current = current.head
            continue
        break
    return False
