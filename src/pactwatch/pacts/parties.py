"""Which states a commitment step names as its parties: the party code of each token inside a
resolved actor mention, the groups of states a sentence names together (for a later "the two
countries" or "the three states"), the subject a pronoun stands for, and how the parties of one
step split into one agreement or several bilateral ones ("X concluded pacts with A and B").
Split from ``extract.py``, which reads the sentence; this module only answers "who"."""

from __future__ import annotations

from typing import Any

from pactwatch.nlp.grammar.actors import token_owners
from pactwatch.nlp.grammar.words import words
from pactwatch.pacts.clauses import subject_of
from pactwatch.pacts.drafts import Discourse, PartyCodes
from pactwatch.pacts.signals import in_membership_phrase
from pactwatch.records import Mention

THING_PRONOUNS = words("reference_thing_pronouns")


def token_parties(sent: Any, mentions: list[Mention], codes: PartyCodes) -> dict[int, str]:
    """Token index -> party code for every token of the sentence inside a resolved actor mention,
    the tokens mapped as the actor component maps them (``token_owners``)."""
    party = {id(m): p for m in mentions if (p := codes.party(m)) is not None}
    owners = token_owners(sent.doc, [m for m in mentions if id(m) in party])
    return {i: party[id(m)] for i, m in owners.items() if sent.start <= i < sent.end}


def named_states(sent: Any, token_party: dict[int, str], codes: PartyCodes) -> frozenset[str]:
    return frozenset(p for i, p in token_party.items() if not codes.is_org(p) and not in_membership_phrase(sent.doc[i]))


def remember_pair(sent: Any, token_party: dict[int, str], codes: PartyCodes, state: Discourse) -> None:
    """Two or more states named outside membership phrases: a later "the two countries" means them."""
    named = named_states(sent, token_party, codes)
    if len(named) >= 2:
        state.pair = named


def group_of(size: int | None, at: int, state: Discourse) -> list[str]:
    """"The three juntas" when the body names three states together: the nearest such group
    before this sentence, else the first after it (a lead may name them, the body only later).
    Without a number, or when no group of that size is named, nobody."""
    if size is None:
        return []
    fitting = [(start, group) for start, group in state.groups if len(group) == size and start != at]
    before = [group for start, group in fitting if start < at]
    after = [group for start, group in fitting if start > at]
    chosen = before[-1] if before else after[0] if after else None
    return sorted(chosen) if chosen else []


def state_at(i: int, token_party: dict[int, str], codes: PartyCodes) -> str | None:
    party = token_party.get(i)
    return party if party is not None and not codes.is_org(party) else None


def pronoun_subject(token: Any, token_party: dict[int, str], codes: PartyCodes) -> list[str]:
    """"China has sought … since it concluded a pact with X": a pronoun subject of a subordinate
    clause is the state that is the main clause's subject."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.lower_ not in THING_PRONOUNS or token.dep_ not in ("advcl", "conj"):
        return []  # "they" may be both parties: no guess
    antecedent = subject._.antecedent  # the reference component: the governing clause's subject first
    if antecedent is None:
        return []
    found = [p for p in (state_at(t.i, token_party, codes) for t in antecedent.root.subtree) if p]
    return found[:1]


def parties_in(covered: set[int], token_party: dict[int, str], sent: Any) -> list[str]:
    seen: dict[str, None] = {}
    for i in sorted(covered):
        if i in token_party:
            seen.setdefault(token_party[i])
    return list(seen)


def bilateral_split(token: Any, covered: set[int], token_party: dict[int, str], states: list[str],
                     codes: PartyCodes) -> list[list[str]]:
    """One party list per agreement: "X concluded pacts with A and B" is two bilateral pacts."""
    if len(states) < 2:
        return []
    subject = subject_of(token)
    with_parties: list[str] = []
    heads = [token, *[c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]]
    for child in (c for h in heads for c in h.children):
        if child.dep_ == "prep" and child.lower_ in words("company_preps"):
            with_parties += [token_party[t.i] for t in child.subtree if t.i in token_party and t.i in covered]
    subject_parties = [token_party[t.i] for t in subject.subtree if t.i in token_party] if subject is not None else []
    with_parties = [p for p in dict.fromkeys(with_parties) if not codes.is_org(p)]
    subject_parties = [p for p in dict.fromkeys(subject_parties) if not codes.is_org(p)]
    if len(subject_parties) == 1 and len(with_parties) >= 2:
        return [[subject_parties[0], other] for other in with_parties if other != subject_parties[0]]
    return [states]
