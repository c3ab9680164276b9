"""Conditional defence pledges: "an attack on Y would trigger our treaty obligations".

A state that says an attack on another would set off its obligations (its treaty obligations,
its defence commitments, Article 5) declares that it would defend that state: a mutual-defence
commitment between the two, announced. The pledging state is the owner of the obligations (a
possessor, "Romania's commitments") or, for "our"/"its", the state that says so (the subject of
the reporting verb, or the one state named outside the attack phrase); the attacker named in the
attack phrase ("an attack by Z on Y") is no party.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from pactwatch.nlp.grammar.clauses import clause_of
from pactwatch.nlp.grammar.words import words
from pactwatch.pacts.dates import token_dates
from pactwatch.pacts.drafts import Agreement, Draft

SETTING_OFF = words("obligation_setting_off_verbs")
OBLIGATION_NOUNS = words("defence_obligation_nouns")
ATTACK_WORDS = words("attack_words")
VICTIM_PREPS = ("on", "against")
PLEDGE = "commitment.fallback.conditional_pledge"  # a mechanism, not yet a construction of the grammar


def conditional_pledges(sent: Any, state_at: Callable[[int], str | None], on: date | None) -> list[Draft]:
    """One announced mutual-defence draft per attack-sets-off-obligations clause (none negated)."""
    drafts: list[Draft] = []
    for verb in sent:
        if verb.lemma_.lower() not in SETTING_OFF or clause_of(verb).negated:
            continue
        attack = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")
                       and c.lemma_.lower() in ATTACK_WORDS), None)
        duty = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in OBLIGATION_NOUNS), None)
        if attack is None or duty is None:
            continue
        victims = [p for prep in attack.children if prep.dep_ == "prep" and prep.lower_ in VICTIM_PREPS
                   for t in prep.subtree if (p := state_at(t.i))]
        attack_phrase = {t.i for t in attack.subtree}
        owners = [p for c in duty.children if c.dep_ == "poss" for t in c.subtree if (p := state_at(t.i))]
        if not owners and any(c.dep_ == "poss" and c.pos_ == "PRON" for c in duty.children):
            owners = _speaker_states(verb, attack_phrase, state_at)
        pair = sorted(set(victims[:1] + owners[:1]))
        if len(pair) == 2:
            dates = token_dates(sent, on)
            said = _reporting_head(verb)  # the pledge is stated as a fact, though its content is a condition
            drafts.append(Draft(tuple(pair), "announced", dates[0][1] if dates else None, sent,
                                agreement=Agreement(frozenset(pair), stated_kinds={"mutual_defense"}),
                                construction=PLEDGE, clause=clause_of(said).describe()))
    return drafts


def _speaker_states(verb: Any, attack_phrase: set[int], state_at: Callable[[int], str | None]) -> list[str]:
    """The state that says it: the reporting verb's subject, else the one state named outside the
    attack phrase."""
    head = _reporting_head(verb)
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None) if head is not verb else None
    if subject is not None:
        found = [p for t in subject.subtree if (p := state_at(t.i))]
        if found:
            return found[:1]
    outside = {p for t in verb.sent if t.i not in attack_phrase and (p := state_at(t.i))}
    return sorted(outside) if len(outside) == 1 else []


def _reporting_head(verb: Any) -> Any:
    head = verb
    while head.dep_ in ("ccomp", "xcomp", "conj") and head.head.i != head.i:
        head = head.head
    return head
