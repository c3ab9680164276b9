"""Steps told by reference to another: who acts, who goes along, and what "it" or "did so" is.

News reports one accession's ratifications in a chain ("Turkey, which ratified it in January,
and Hungary, whose parliament gave its approval on February 26"; "days after a vote in
Hungary"; "after Hungary's legislature approved a similar bill"), and one state's step as
another's ("It did so at the same time as Finland"). These helpers read such clauses from the
dependency tree; ``extract`` decides what the referred-to step is from its discourse state.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from pactwatch.nlp.grammar.words import word_sequence, words
from pactwatch.pacts.clauses import subject_of
from pactwatch.pacts.drafts import Discourse, Draft, PartyCodes
from pactwatch.pacts.signals import in_membership_phrase

OBSTRUCTING = words("obstructing_verbs")
MODALS = words("requirement_modals")
AWAITING = words("awaiting_verbs")
BACK_WORDS = words("back_reference_words")
RELATIVES = words("relative_pronouns_commitment")
CHAMBER_NOUNS = words("legislative_chambers")
STEP_OBJECT_PREPS = words("step_object_preps")
WHOSE = words("relative_possessives")
ACCOMPANYING = words("accompanying_adverbs")
ALONGSIDE = words("alongside_preps")
WITH = words("company_preps")
TIME_NOUNS = words("time_nouns")
SIMULTANEITY = words("simultaneity_preps")
PROFORM_VERBS = words("proform_verbs")
REPEAT_PROFORMS = words("repeat_proforms")
THERE = words("place_proforms")
THE = words("definite_article")
PAIR_COUNTS = words("pair_counting_words")
SELF_DEFINITE = words("self_definite_counts")


def obstructed(token: Any) -> bool:
    """The trigger is what another verb holds up ("delayed the ratification", "blocked its
    accession"), or a modal makes it a requirement or a possibility ("must be ratified"), or a
    verb of waiting or hoping names it as still to come ("looks forward to its swift ratification",
    "awaits the signing", "hopes for an early signing")."""
    if any(c.dep_ == "aux" and c.lower_ in MODALS for c in token.children) or awaited(token):
        return True
    head = token.head
    if token.dep_ in ("dobj", "nsubjpass", "pobj") and head.lemma_.lower() in OBSTRUCTING:
        return True
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.head.lemma_.lower() in OBSTRUCTING:
        return True  # "the delay in Hungary's approval"
    # "Sweden's bid was delayed": the trigger noun is the subject of an obstructing passive
    return token.dep_ == "nsubjpass" and head.lemma_.lower() in OBSTRUCTING


def awaited(token: Any) -> bool:
    """A step noun as the object of a verb of waiting, hoping or urging, directly ("awaits the
    ratification") or through its preposition ("hopes for", "looks forward to", "calls for")."""
    if token.pos_ != "NOUN" or token.dep_ not in ("dobj", "pobj"):
        return False
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
    if token.dep_ == "pobj" and verb is token.head:
        return False
    lemma = verb.lemma_.lower()
    if lemma == "look":  # "look forward to": only with its particle
        return any(c.lower_ in words("awaiting_particles") for c in verb.children)
    return lemma in AWAITING


def refers_back(token: Any) -> bool:
    """The trigger's object (or, for a noun, the trigger itself) names no agreement of its own but
    points back: "ratified it", "approved a similar bill", "gave its approval", "a vote in X"."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.pos_ == "NOUN":
        return not any(c.dep_ == "prep" and c.lower_ in STEP_OBJECT_PREPS for c in token.children)
    for obj in objects:
        if obj.lower_ in BACK_WORDS or any(c.lower_ in BACK_WORDS for c in obj.children):
            return True
    return False


def acting_state(token: Any, party_at: Callable[[int], str | None]) -> str | None:
    """The state that takes the step: the subject's state, the noun a relative clause hangs on
    ("Turkey, which ratified it"; "Hungary, whose parliament gave its approval"), or for a noun
    "a vote in Hungary" / "Hungary's approval"."""
    clause = token
    if token.pos_ == "NOUN":
        for child in token.children:
            found = _state_in(child, party_at) if child.dep_ in ("poss", "prep") else None
            if found:
                return found
        clause = token.head if token.dep_ in ("dobj", "pobj") else token
        if clause.dep_ == "prep":
            clause = clause.head
    for _ in range(4):
        subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            if subject.lower_ in RELATIVES or any(c.lower_ in WHOSE for c in subject.children):
                if clause.dep_ == "relcl":
                    return _state_in(clause.head, party_at, whole=False)
            found = _state_in(subject, party_at)
            if found:
                return found
        if clause.dep_ in ("xcomp", "advcl", "conj", "ccomp") and clause.head.i != clause.i:
            clause = clause.head
            continue
        if clause.dep_ == "relcl":
            return _state_in(clause.head, party_at, whole=False)
        break
    return None


def _state_in(token: Any, party_at: Callable[[int], str | None], whole: bool = True) -> str | None:
    tokens = token.subtree if whole else [token, *[c for c in token.children if c.dep_ in ("compound", "poss")]]
    for t in tokens:
        party = party_at(t.i)
        if party:
            return party
    return None


def companions(token: Any, party_at: Callable[[int], str | None]) -> list[str]:
    """States that take the same step with the subject: "applied together with Sweden",
    "alongside Finland", "at the same time as Finland"."""
    preps: list[Any] = []
    heads = [token, *[c for c in token.children if c.dep_ in ("xcomp", "dobj")]]  # "applied to join … together with X"
    for child in (c for h in heads for c in h.children):
        if child.dep_ != "prep":
            continue
        word = child.lower_
        if word in ALONGSIDE or (word in WITH and any(c.lower_ in ACCOMPANYING for c in child.children)):
            preps.append(child)
        elif word == "at":  # "at the same time as Finland"
            for noun in (c for c in child.children if c.dep_ == "pobj" and c.lemma_.lower() in TIME_NOUNS):
                preps += [c for c in noun.children if c.dep_ == "prep" and c.lower_ in SIMULTANEITY]
    found = [p for prep in preps for p in (party_at(t.i) for t in prep.subtree) if p]
    return list(dict.fromkeys(found))


def does_so(token: Any) -> bool:
    """"It did so", "Finland did the same": a step told as the previous one."""
    if token.lemma_.lower() not in PROFORM_VERBS or token.pos_ not in ("VERB", "AUX"):
        return False
    return any(c.lower_ in REPEAT_PROFORMS and c.dep_ == "advmod" for c in token.children) or any(
        c.dep_ == "dobj" and c.lower_ in REPEAT_PROFORMS for c in token.children)


# "the three juntas": number words in counting order from two; "both" counts two as "two" does
NUMBERS = {w: n for n, w in enumerate(word_sequence("number_words"), start=2)} | {w: 2 for w in PAIR_COUNTS}
PLURAL_PRONOUNS = words("plural_pronouns")


def plural_count(sent: Any) -> int | None:
    """How many states a numbered plural description counts: "the three juntas", "the two
    neighbours", "both countries" (the first such phrase of the sentence)."""
    for token in sent:
        if token.tag_ not in ("NNS", "NNPS"):
            continue
        for child in token.children:
            word = child.lower_
            if child.dep_ in ("nummod", "det", "predet") and word in NUMBERS and (
                    word in SELF_DEFINITE or any(c.lower_ in THE for c in token.children)):
                return NUMBERS[word]
    return None


def plural_actor(token: Any, covered: set[int]) -> bool:
    """The step's doer is a plural description, not a named state: its subject is a plural noun
    or pronoun ("the governments said they would leave"), or a plural possessive sits in its
    statement ("their decision to withdraw")."""
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and (subject.lower_ in PLURAL_PRONOUNS or subject.tag_ == "NNS"):
        return True
    doc = token.doc
    return any(doc[i].lower_ in PLURAL_PRONOUNS and doc[i].dep_ == "poss" for i in covered)


def place_back(token: Any, covered: set[int], party_at: Callable[[int], str | None]) -> list[str]:
    """"… from Niger and end its military presence there": "there" in the step's statement is the
    last state the sentence names before it."""
    doc = token.doc
    there = [i for i in covered if doc[i].lower_ in THERE and doc[i].dep_ == "advmod"]
    if not there:
        return []
    for i in range(there[0] - 1, token.sent.start - 1, -1):
        party = party_at(i)
        if party:
            return [party]
    return []


def echo(last: Draft | None, event: str, when: date | None, sent: Any, actor: str | None) -> list[Draft]:
    """The step in focus taken again by another state: "after Hungary's legislature approved a
    similar bill", "Turkey, which ratified it", "days after a vote in Hungary"."""
    if last is None or actor is None or actor in last.parties or last.actor == actor:
        return []
    return [Draft(last.parties, event, when, sent, agreement=last.agreement, membership_kind=last.membership_kind,
                  actor=actor, org=last.org)]


def chamber_of_a_party(token: Any, drafts: list[Draft]) -> bool:
    """"The senate approved the pact, while the lower house endorsed it": a legislative chamber
    named by no state, in a clause beside a ratification this sentence already gave a party."""
    subject = subject_of(token)
    return (subject is not None and subject.lemma_.lower() in CHAMBER_NOUNS and token.dep_ in ("advcl", "conj")
            and any(d.event == "ratified" and d.sent.start <= token.i < d.sent.end and d.actor for d in drafts))


def named_member(sent: Any, token_party: dict[int, str], codes: PartyCodes, state: Discourse) -> Draft | None:
    """"Sweden's bid was delayed by Turkey, which ratified it": the membership this sentence
    names (a state's bid, accession, application) is what "it" ratifies."""
    if state.org is None:
        return None
    for i, party in token_party.items():
        if not codes.is_org(party) and in_membership_phrase(sent.doc[i]):
            return Draft(tuple(sorted((party, state.org))), "ratified", None, sent, membership_kind="accession",
                         org=state.org)
    return None
