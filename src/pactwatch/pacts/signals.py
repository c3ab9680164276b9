"""Clause-level signals for commitment extraction: what a clause says about a step or a kind.

Pure predicates over spaCy tokens, kept apart from the discourse walk in ``extract``: free-word
mutual-defence obligations, negated obligations, agreements reached by agreeing or upgrading,
questions and obstructions that are no steps, states named only as members, names that belong
to a cited document rather than the agreement reported.
"""

from __future__ import annotations

import re
from typing import Any

from pactwatch.nlp.grammar.words import words
from pactwatch.pacts.lexicon import CommitmentLexicon, Match, Term

MEMBER_NOUNS = words("membership_nouns")


AID_WORDS = words("aid_words")
ATTACK_WORDS = words("attack_words")
NAMING_VERBS = words("naming_verbs")
NON_PAST_AUX = words("non_past_auxiliaries")
SEVERAL_PARTY = words("several_party_words")
NEGATORS = words("negating_determiners")
CITING_PREPS = words("citing_preps")
QUESTION_MARKS = words("question_marks")
OF = words("genitive_preps")
UPGRADE_PREPS = words("upgrade_preps")
VOTING_VERBS = words("voting_verbs")
OPPOSING_PREPS = words("opposing_preps")
ACCESSION_NOUNS = words("accession_nouns")
SINCE_PREPS = words("membership_since_preps")
CARGO_PREPS = words("cargo_preps")
INFINITIVE = words("infinitive_markers")
WITH = words("company_preps")
RECIPROCAL = (("each", "other"), ("one", "another"), ("the", "other"), ("either",))


def mutual_aid(sent: Any, taken: set[int]) -> list[Match]:
    """"commits each country to assist the other if it comes under attack": a mutual-defence
    obligation stated in free words — aid to each other / the other, tied to an attack."""
    lemmas = [t.lemma_.lower() for t in sent]
    if not any(w in ATTACK_WORDS for w in lemmas):
        return []
    words = [t.lower_ for t in sent]
    if not any(tuple(words[i:i + len(r)]) == r for r in RECIPROCAL for i in range(len(words))):
        return []
    term = Term("obligation", "mutual_defense", ("mutual", "aid"))
    return [Match(term, t.i, t.i + 1) for t in sent
            if t.lemma_.lower() in AID_WORDS and t.i not in taken and not negated(t)][:1]


def negated(token: Any) -> bool:
    """"was not a mutual defence obligation", "no defence clause": the clause denies it."""
    current = token
    for _ in range(6):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ in NEGATORS) for c in current.children):
            return True
        if current.pos_ in ("VERB", "AUX") or current.head.i == current.i:
            return False
        current = current.head
    return False


def names_agreement(token: Any, agreement_heads: set[int]) -> bool:
    """The organisation mention is the agreement's own name: a compound of, or apposition or
    "named/called X" to, an agreement noun."""
    current = token
    for _ in range(3):
        if current.i in agreement_heads:
            return True
        if current.dep_ in ("compound", "appos", "oprd", "attr", "npadvmod", "dobj") or (
                current.dep_ in ("acl", "amod") and current.lemma_.lower() in NAMING_VERBS):
            if current.head.i == current.i:
                return False
            current = current.head
            continue
        if current.head.lemma_.lower() in NAMING_VERBS and current.dep_ in ("oprd", "dobj", "attr"):
            current = current.head
            continue
        return False
    return current.i in agreement_heads


AGREE_VERBS = words("agreement_verbs")
UPGRADE_VERBS = words("upgrade_verbs")


def agreed_on(token: Any, obligations: list[Match], agreement_tokens: set[int]) -> bool:
    """An agreement reached, not a plan: "agreed to consult one another" (an obligation agreed),
    "the partnership the two countries had agreed" / "agreed a deal" (an agreement as object) —
    but "agreed to sign a treaty" stays an intention (the sign trigger governs)."""
    if token.lemma_.lower() not in AGREE_VERBS:
        return False
    inside = {t.i for c in token.children if c.dep_ in ("xcomp", "ccomp") for t in c.subtree}
    if any(m.start in inside for m in obligations):
        return True
    if token.dep_ == "relcl" and token.head.i in agreement_tokens:
        return True
    return any(c.dep_ == "dobj" and c.i in agreement_tokens for c in token.children)


def leaves_agreement(token: Any, agreement_tokens: set[int]) -> bool:
    """The membership verb's object is an agreement ("left the treaty", "quit the accord")."""
    return any(c.dep_ in ("dobj", "pobj") and c.i in agreement_tokens for c in token.children) or any(
        g.dep_ == "pobj" and g.i in agreement_tokens for c in token.children if c.dep_ == "prep" for g in c.children)


def reported_name(head: Any, reported: set[int]) -> bool:
    if reported:
        return head.i in reported and not under_preposition(head)
    return head.dep_ in ("nsubj", "nsubjpass", "dobj", "appos", "attr", "ROOT")


def under_preposition(head: Any) -> bool:
    """"Article 51 of the UN Charter", "under the Charter": a document cited, not the one reported."""
    return head.dep_ == "pobj" and head.head.lower_ in CITING_PREPS


def open_question(token: Any) -> bool:
    """"did not say whether Yerevan would leave": a question, not a step."""
    current = token
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in current.children):
            return True
        if current.dep_ not in ("xcomp", "conj") or current.head.i == current.i:
            return False
        current = current.head
    return False


def in_membership_phrase(token: Any) -> bool:
    """"the accession of Finland", "Sweden's application": a state named as a member."""
    if token.dep_ == "poss" and token.head.lemma_.lower() in MEMBER_NOUNS:
        return True
    return token.dep_ == "pobj" and token.head.lower_ in OF and token.head.head.lemma_.lower() in MEMBER_NOUNS


def member_of_agreement(token: Any, agreement_tokens: set[int]) -> bool:
    """"Bolivia's exit from the security pact with Peru": the state of a membership phrase whose
    noun leaves or joins an agreement (not a body) is a party of that agreement."""
    noun = token.head if token.dep_ == "poss" else token.head.head
    return any(t.i in agreement_tokens for t in noun.subtree)


def upgrades(sent: Any, lex: CommitmentLexicon) -> list[Match]:
    """"raised their relations to a comprehensive strategic partnership", "upgraded ties to …":
    a partnership concluded, though no word says signed."""
    signed = next((t for t in lex.terms if t.type == "lifecycle" and t.value == "signed"), None)
    if signed is None:
        return []
    heads = {m.end - 1 for m in lex.match(sent, "agreement")}
    out = []
    for t in sent:
        if t.lemma_.lower() in UPGRADE_VERBS and t.pos_ == "VERB":
            to = [c for c in t.children if c.dep_ == "prep" and c.lower_ in UPGRADE_PREPS]
            if any(g.i in heads for p in to for g in p.subtree):
                out.append(Match(signed, t.i, t.i + 1))
    return out


def votes_against(token: Any) -> bool:
    """"voted against the bill" rejects it."""
    return token.lemma_.lower() in VOTING_VERBS and any(c.dep_ == "prep" and c.lower_ in OPPOSING_PREPS
                                                       for c in token.children)


PAST_MARKERS = words("perfect_auxiliaries")


def completed_accessions(sent: Any, lex: CommitmentLexicon) -> list[Match]:
    """"The accession of Finland had made the treaty impossible", "since Finland's accession": an
    accession told in passing as done — the subject of a past-tense verb (no modal, no negation)
    or the object of "since"."""
    joined = next((t for t in lex.terms if t.type == "lifecycle" and t.value == "joined"), None)
    if joined is None:
        return []
    out = []
    for t in sent:
        if t.lemma_.lower() not in ACCESSION_NOUNS or t.pos_ != "NOUN":
            continue
        head = t.head
        if t.dep_ == "pobj" and head.lower_ in SINCE_PREPS:
            out.append(Match(joined, t.i, t.i + 1))
        elif t.dep_ == "nsubj" and head.pos_ in ("VERB", "AUX") and not negated(head) and (
                head.tag_ == "VBD" or any(c.dep_ == "aux" and c.lower_ in PAST_MARKERS for c in head.children)) \
                and not any(c.dep_ == "aux" and c.lower_ in NON_PAST_AUX for c in head.children):
            out.append(Match(joined, t.i, t.i + 1))
    return out


def ends_cooperation(token: Any, obligations: list[Match]) -> bool:
    """"end its military presence", "terminate defence cooperation with X": the step's object is a
    military cooperation between states (a standing arrangement, though no agreement is named)."""
    objects = {c.i for c in token.children if c.dep_ == "dobj"}
    return any(m.value == "military_cooperation" and m.end - 1 in objects for m in obligations)


PLACE_PREPS = words("place_preps")


def places_of_agreements(sent: Any, agreement_tokens: set[int]) -> set[int]:
    """"a pact in Geneva, Switzerland", "the accord at the Elysee": where an agreement was made is a
    place, not a party (the verb's own "in Lomé" is cut as a circumstance already)."""
    out: set[int] = set()
    for i in agreement_tokens:
        for child in sent.doc[i].children:
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS and any(
                    g.dep_ == "pobj" and g.pos_ == "PROPN" for g in child.children):
                out |= {t.i for t in child.subtree}
    return out


TRANSFER_VERBS = words("arms_transfer_verbs")
TRANSFER_NOUNS = words("arms_transfer_nouns")
HARDWARE = words("military_hardware")
LINK_PREPS = words("agreement_link_preps")


def arms_transfer(sent: Any, agreement_tokens: set[int]) -> list[Match]:
    """"will buy frigates from X under a new deal", "a partnership under which X will supply
    submarines", "signed a deal to buy tanks", "a deal for the supply of air defence systems":
    arms bought or supplied under an agreement make it a defence (military cooperation) deal,
    whatever it is called. Arms bought with no agreement around them ("announced the purchase of
    jets") state nothing about one."""
    term = Term("obligation", "military_cooperation", ("arms", "transfer"))
    for t in sent:
        lemma = t.lemma_.lower()
        if not ((t.pos_ == "VERB" and lemma in TRANSFER_VERBS) or (t.pos_ == "NOUN" and lemma in TRANSFER_NOUNS)):
            continue
        if _carries_hardware(t) and _under_agreement(t, agreement_tokens) and not negated(t):
            return [Match(term, t.i, t.i + 1)]
    return []


def _carries_hardware(t: Any) -> bool:
    objects = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in t.children if c.dep_ == "prep" and c.lower_ in CARGO_PREPS for g in c.children
                if g.dep_ == "pobj"]
    return any(w.lemma_.lower() in HARDWARE for o in objects for w in o.subtree)


def _under_agreement(t: Any, agreement_tokens: set[int]) -> bool:
    if any(c.dep_ == "prep" and c.lower_ in LINK_PREPS and any(w.i in agreement_tokens for w in c.subtree)
           for c in t.children):
        return True  # "buy jets under a new deal"
    if t.dep_ in ("relcl", "acl") and t.head.i in agreement_tokens:
        return True  # "a deal to buy tanks", "a partnership under which X will supply"
    if t.dep_ == "pobj" and t.head.dep_ == "prep":  # "a deal for the supply of systems", "signed a deal for …"
        holder = t.head.head
        return holder.i in agreement_tokens or any(c.dep_ == "dobj" and c.i in agreement_tokens
                                                   for c in holder.children)
    # "signed a deal to buy": a purpose infinitive of the verb whose object is the agreement
    purpose = t.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ in INFINITIVE for c in t.children)
    return purpose and any(c.dep_ == "dobj" and c.i in agreement_tokens for c in t.head.children)


SUPERSEDING_VERBS = words("superseding_verbs")


def superseded_phrases(sent: Any, agreement_tokens: set[int]) -> set[int]:
    """Tokens of agreements a sentence says are replaced ("it replaces the 2001 partnership
    agreement", "supersedes the accord"): an older text whose kind is its own."""
    out: set[int] = set()
    for t in sent:
        if t.lemma_.lower() in SUPERSEDING_VERBS and t.pos_ == "VERB":
            for obj in (c for c in t.children if c.dep_ == "dobj" and c.i in agreement_tokens):
                out |= {w.i for w in obj.subtree}
    return out


def superseded(token: Any, agreement_tokens: set[int]) -> Any | None:
    """The step's agreement noun when the sentence says it is replaced: "the partnership
    agreement the two states concluded in 2001", object of "supersedes"; else None."""
    nouns = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass") and c.i in agreement_tokens]
    current = token
    for _ in range(2):  # "the partnership (the two countries) signed in 2009": the parser may hang it on the appositive
        if current.dep_ not in ("relcl", "acl", "appos") or current.head.i == current.i:
            break
        current = current.head
        if current.i in agreement_tokens:
            nouns.append(current)
            break
    return next((n for n in nouns if n.dep_ == "dobj" and n.head.lemma_.lower() in SUPERSEDING_VERBS), None)


def signing_bodies(token: Any, token_party: dict[int, str], is_org: Any) -> list[str]:
    """"The EU and Ukraine signed a security agreement", "a pact signed by NATO and Finland", "signed
    a deal with the African Union": an organisation that signs (the step's subject, its agent) or is
    signed with is a party of the agreement, as a state is; one named elsewhere in the clause (a
    summit's host, a framework) is not."""
    from pactwatch.pacts.clauses import subject_of

    holders = [subject_of(token)] + [c for c in token.children if c.dep_ == "agent"]
    holders += [c for h in (token, *[c for c in token.children if c.dep_ in ("dobj", "nsubjpass")])
                for c in h.children if c.dep_ == "prep" and c.lower_ in WITH]
    found = [token_party[t.i] for h in holders if h is not None for t in h.subtree if t.i in token_party]
    return [p for p in dict.fromkeys(found) if is_org(p)]


def owning_bodies(covered: set[int], agreement_tokens: set[int], token_party: dict[int, str], is_org: Any,
                  sent: Any) -> list[str]:
    """"Ghana is a signatory to the African Union's convention", "signed NATO's charter": an
    organisation whose agreement the step is about (its possessor) is a party, as a signer is."""
    found = [token_party[i] for i in sorted(covered) if i in token_party and is_org(token_party[i])
             and _possessor_of(sent.doc[i], agreement_tokens)]
    return list(dict.fromkeys(found))


def _possessor_of(token: Any, agreement_tokens: set[int]) -> bool:
    head = token
    while head.dep_ in ("compound", "flat") and head.head.i != head.i:
        head = head.head  # "the African Union's": the name's last word is the possessor
    return head.dep_ == "poss" and head.head.i in agreement_tokens


def bound_by_provision(token: Any, provisions: set[int]) -> set[int]:
    """"The pact, signed in Paris, commits Greece and France to defend each other": a step told in
    a participle on the subject of a provision verb names its parties in what the agreement
    binds: the verb's object, or the subject of its complement clause (not deeper phrases: "any
    attack by Turkey" stays out)."""
    noun = token.head
    if token.dep_ != "acl" or noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i not in provisions:
        return set()
    verb = noun.head
    bound = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    bound += [s for c in verb.children if c.dep_ in ("ccomp", "xcomp") for s in c.children if s.dep_ == "nsubj"]
    return {t.i for b in bound for t in b.subtree}


CONDITION_RE = re.compile(r"\b(?:in the event of|in case of|in the case of|if)\s+([^,;.\"”]+)", re.IGNORECASE)


def conditions_of(sent: Any, obligations: list[Match]) -> str | None:
    if not obligations:
        return None
    found = CONDITION_RE.search(sent.text)
    return found.group(1).strip() if found else None


def several_party(sent: Any, covered: set[int], agreement_tokens: set[int]) -> bool:
    """"adopted a trilateral statement with Finland and the United States": one text signed by
    all, which a with-list would otherwise split into one bilateral pact per partner."""
    return any(sent.doc[i].lower_ in SEVERAL_PARTY and sent.doc[i].head.i in agreement_tokens
               for i in covered)
