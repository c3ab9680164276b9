"""Membership steps: who joins, leaves or suspends membership of which organisation, and how."""

from __future__ import annotations

from typing import Any

from pactwatch.nlp.grammar.words import words
from pactwatch.pacts.clauses import subject_of
from pactwatch.pacts.drafts import PartyCodes
from pactwatch.pacts.lexicon import CommitmentLexicon, Match
from pactwatch.pacts.signals import MEMBER_NOUNS, in_membership_phrase

MEMBER_VERBS = words("membership_verbs")
DISCOURSE_MEMBER_VERBS = words("discourse_membership_verbs")
OWNER_PRONOUNS = words("collective_possessives")
LIST_JOINERS = words("list_joiners")
MEMBERSHIP_STEP_NOUNS = words("membership_step_nouns")
ANY_MEMBER_DETERMINERS = words("any_member_determiners")
ADMISSION_VERBS = words("admission_verbs")
BECOMING_VERBS = words("becoming_verbs")
MEMBER_WORD = words("member_nouns")
APPLICATION_VERBS = words("application_verbs")
FOUNDED_BODY_NOUNS = words("founded_body_nouns")


def become_member(sent: Any, lex: CommitmentLexicon) -> list[Match]:
    """"became the 31st member of NATO": a joining, though the words are not adjacent."""
    joined = next((t for t in lex.terms if t.type == "lifecycle" and t.value == "joined"), None)
    if joined is None:
        return []
    return [Match(joined, t.i, t.i + 1) for t in sent if t.lemma_.lower() in BECOMING_VERBS
            and any(c.dep_ == "attr" and c.lemma_.lower() in MEMBER_WORD for c in t.children)]


def member_noun(covered: set[int], sent: Any) -> bool:
    return any(sent.doc[i].lemma_.lower() in MEMBERSHIP_STEP_NOUNS for i in covered)


def generic_member(covered: set[int], sent: Any) -> bool:
    """"A member wishing to leave must give notice": any member, a rule, not the state in focus."""
    return any(sent.doc[i].lemma_.lower() in MEMBER_WORD and any(
        c.dep_ == "det" and c.lower_ in ANY_MEMBER_DETERMINERS for c in sent.doc[i].children)
        for i in covered)


def joins(token: Any) -> bool:
    """Membership verbs whose organisation may come from the discourse ("which was admitted")."""
    if token.lemma_.lower() in APPLICATION_VERBS:  # "Sweden applied alongside Finland", not "applied sanctions"
        return not any(c.dep_ == "dobj" for c in token.children)
    return token.lemma_.lower() in DISCOURSE_MEMBER_VERBS


def member_states(sent: Any, covered: set[int], token_party: dict[int, str], codes: PartyCodes) -> list[str]:
    """States whose membership changes: possessors of "accession", subjects of "join", objects of "allow"."""
    found: list[str] = []
    for i in sorted(covered):
        party = token_party.get(i)
        if party is None or codes.is_org(party):
            continue
        token = _role_token(sent.doc[i], token_party)
        head = token.head
        if token.dep_ == "poss" and head.lemma_.lower() in MEMBER_NOUNS | {"entry", "bid", "country"}:
            found.append(party)
        elif in_membership_phrase(token):  # "the accessions of Finland and Sweden": every conjunct
            found.append(party)
        elif token.dep_ in ("nsubj", "nsubjpass") and head.lemma_.lower() in MEMBER_VERBS - {"become"}:
            found.append(party)
        elif token.dep_ in ("dobj", "nsubj") and head.lemma_.lower() in ADMISSION_VERBS:
            found.append(party)
        elif head.dep_ == "relcl" and head.lemma_.lower() in MEMBER_VERBS | {"admit"}:
            found.append(party)
    for i in sorted(covered):  # "Austria submitted its bid": the possessive pronoun is the clause's subject
        token = sent.doc[i]
        if token.dep_ == "poss" and token.lower_ in OWNER_PRONOUNS and token.head.lemma_.lower() in MEMBER_NOUNS:
            subject = subject_of(token.head.head) if token.head.dep_ in ("dobj", "pobj") else None
            if subject is not None:
                found += [token_party[t.i] for t in subject.subtree if t.i in token_party]
    for i in sorted(covered):  # "Finland, which was admitted": the noun a membership relcl modifies
        token = sent.doc[i]
        if token.dep_ == "relcl" and token.lemma_.lower() in MEMBER_VERBS and token.head.i in token_party:
            found.append(token_party[token.head.i])
    found += _listed_with(sent, found, token_party)
    return [p for p in dict.fromkeys(found) if not codes.is_org(p)]


def _listed_with(sent: Any, found: list[str], token_party: dict[int, str]) -> list[str]:
    """States in one written list with a member ("Burkina Faso, Mali, and Niger"), which the
    parser often splits into appositions and stray subjects."""
    out: list[str] = []
    for i, party in token_party.items():
        if party not in found:
            continue
        for step in (-1, 1):
            j = i
            while sent.start <= j + step < sent.end:
                nxt = sent.doc[j + step]
                if nxt.i in token_party or nxt.lower_ in LIST_JOINERS or nxt.dep_ in ("compound", "case"):
                    j += step
                    if nxt.i in token_party:
                        out.append(token_party[nxt.i])
                else:
                    break
    return out


def _role_token(token: Any, token_party: dict[int, str]) -> Any:
    """The token that carries a mention's role in the clause: "Burkina Faso" -> Faso; in
    "Mali, Niger and Burkina Faso" every conjunct -> Mali."""
    for _ in range(8):
        if token.dep_ in ("compound", "flat") and token.head.i != token.i:
            token = token.head
        elif token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        else:
            break
    return token


def membership_kind(events: list[str], covered: set[int], sent: Any) -> str:
    words = {sent.doc[i].lemma_.lower() for i in covered}
    if "withdrew" in events:
        return "withdrawal"
    if "suspended" in events:
        return "accession" if "accession" in words or "talk" in words else "suspension"
    return "accession"


def founds_a_body(noun: Any, token_party: dict[int, str], is_org: Any) -> bool:
    """"founded the EAC", "created a regional bloc": the noun a founding verb takes is a body (an
    organisation mention, or a noun of founded_body_nouns), not "created jobs"."""
    return noun.lemma_.lower() in FOUNDED_BODY_NOUNS or any(
        t.i in token_party and is_org(token_party[t.i]) for t in noun.subtree if t.i <= noun.i)
