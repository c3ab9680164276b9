"""Country and bloc words that describe a phrase instead of naming a party: no actor mention.

A country or region word can sit inside a phrase without being one of the sentence's actors, and
every step that takes parties from mentions (events, quotes, commitments) then misreads it:

- a stance: "the pro-European president", "anti-American protesters" say what someone favours
  or opposes, not whose official or citizen they are;
- the leader or backer of a phrase that names its own actor: "the Russian-led CSTO", "Iran-backed
  Houthis" (the CSTO, the Houthis are the party; "the US-led coalition", which names nobody
  else, keeps the United States);
- a news outlet's name: "The Zimbabwe Mail", "the Kyiv Post" (a newspaper, not the state);
- a region adjective in a definite description: "the West African nation", "the Western defence
  alliance" point back at a country or bloc named elsewhere, not at the region (plural,
  indefinite "Western countries" stays the West).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from pactwatch.data import read_table
from pactwatch.nlp.actor_tables import normalise
from pactwatch.nlp.grammar.words import words
from pactwatch.records import Mention

Token = Any  # spacy.tokens.Token

STANCE = words("stance_prefixes")
AFFILIATION = words("affiliation_participles")
OUTLET_HEADS = words("outlet_name_heads")
DESCRIPTION_HEADS = words("description_heads")
ORGANISATION_NOUNS = words("organisation_nouns")
DEFINITE = ("the", "this", "that")
MODIFYING_DEPS = ("amod", "compound", "npadvmod", "nmod")


@cache
def region_codes() -> frozenset[str]:
    """Codes of regions (the West, Europe, Africa ...) in the organisations table."""
    return frozenset(row["code"] for row in read_table("actors/organisations.tsv") if row.get("type") == "region")


def naming_mentions(doc: Any, mentions: list[Mention]) -> list[Mention]:
    """``mentions`` without those whose words only describe the phrase they stand in."""
    if not doc.has_annotation("DEP"):
        return mentions
    return [m for m in mentions if not _describes(doc, m, mentions)]


def _describes(doc: Any, mention: Mention, mentions: list[Mention]) -> bool:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    first, last = span[0], span[-1]
    if first.i >= 2 and doc[first.i - 1].text == "-" and normalise(doc[first.i - 2].text) in STANCE:
        return True
    if last.i + 2 < len(doc) and doc[last.i + 1].text == "-":
        participle = doc[last.i + 2]
        if participle.lower_ in AFFILIATION and _names_other_actor(participle.head, mention, mentions):
            return True
    after = doc[last.i + 1] if last.i + 1 < len(doc) else None
    if after is not None and after.lower_ in OUTLET_HEADS and after.text[:1].isupper() and after.pos_ == "PROPN":
        return True
    return mention.code in region_codes() and _in_definite_description(span)


def _names_other_actor(head: Token, mention: Mention, mentions: list[Mention]) -> bool:
    """Whether the phrase a participle modifies ("the Russian-led CSTO") is itself another actor, also
    by reference ("the Russian-led bloc" after the CSTO was named: the reference component's
    nearest named organisation)."""
    if any(other is not mention and other.start <= head.idx < other.end for other in mentions):
        return True
    ref = head._.reference if head.lemma_.lower() in ORGANISATION_NOUNS else None
    if ref is None or ref.rule != "organisation":
        return False
    named = ref.antecedent.root.idx
    return any(other is not mention and other.start <= named < other.end for other in mentions)


def _in_definite_description(span: Any) -> bool:
    """Whether a region word modifies a definite descriptive noun ("the West African nation")."""
    words_ = [t for t in span if t.dep_ != "det"]  # "the West" in "the West African nation": the det is the noun's
    if not words_:
        return False
    node = words_[-1]
    for _ in range(4):
        if node.dep_ not in MODIFYING_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if node.i >= span.end and node.pos_ == "NOUN":
            break
    if node.pos_ != "NOUN" or node.lemma_.lower() not in DESCRIPTION_HEADS:
        return False
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in node.children)
