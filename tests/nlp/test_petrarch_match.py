"""PETRARCH-style pattern coding (nlp/petrarch_match.py) with a tiny dictionary written here."""

from __future__ import annotations

import pytest

from pactwatch.nlp.actor_tables import ActorTables
from pactwatch.nlp.actors import find_mentions
from pactwatch.nlp.event_lexicon import EventLexicon
from pactwatch.nlp.events import code_events
from pactwatch.nlp.petrarch_verbs import load_verb_dictionary, regular_forms

ACTORS = """\
NORLAND [NOR]
+NORLANDIC
SOUTHIA [SOU]
EASTMARK [EAS]
WESTVALE [WES]
"""

AGENTS = """\
PRESIDENT [~GOV]
GOVERNMENT [~GOV]
FOREIGN_MINISTER [~GOVFRM]
SOLDIER [~MIL]
"""

VERBS = """\
&BONDS
+TRADE
+MILITARY
+GOLDEN PARTNERSHIP

&DENIAL
+DID N'T
+WILL NOT

--- CONDEMN [122] ---
CONDEMN
- &DENIAL * [---]

--- RESTORE [---] ---
RESTORE
- * &BONDS TIES [064]
- * TIES [065]

--- DEPART [032:033] ---
DEPART {LEFT}

--- AGREE [081] ---
AGREE
- % * [030:030]
- * WITH % [031]

--- ATTACK [190] ---
ATTACK
+CRACK_DOWN [1723]
- &DENIAL * [081]
- * CARD [---]
- * AT ^ + [194]
"""


@pytest.fixture(scope="module")
def nlp():
    from pactwatch.nlp.pipeline import load_spacy

    return load_spacy()


@pytest.fixture(scope="module")
def resources(tmp_path_factory):
    folder = tmp_path_factory.mktemp("petrarch")
    for name, text in (("actors.txt", ACTORS), ("agents.txt", AGENTS), ("verbs.txt", VERBS)):
        (folder / name).write_text(text, encoding="utf-8")
    tables = ActorTables.load(dictionaries=[folder / "actors.txt", folder / "agents.txt"])
    lexicon = EventLexicon.load(verb_dictionaries=[folder / "verbs.txt"], use_own=False)
    return tables, lexicon, folder


def coded(nlp, resources, text: str) -> set[tuple[str, str, str]]:
    tables, lexicon, _ = resources
    doc = nlp(text)
    return {(e.source, e.target, e.cameo_code) for e in code_events(doc, find_mentions(doc, tables, None), lexicon)}


def test_default_code_subject_and_object(nlp, resources):
    assert coded(nlp, resources, "Norland condemned Southia on Monday.") == {("NOR", "SOU", "122")}


def test_target_found_inside_a_prepositional_phrase(nlp, resources):
    # "trade ties with Southia": the target is two phrases below the verb
    assert ("NOR", "SOU", "064") in coded(nlp, resources, "Norland restored trade ties with Southia last week.")


def test_synset_member_of_several_words_and_fallback_pattern(nlp, resources):
    assert ("NOR", "SOU", "064") in coded(nlp, resources, "Norland restored golden partnership ties with Southia.")
    # "cultural" is not in &BONDS: the plainer pattern applies
    assert ("NOR", "SOU", "065") in coded(nlp, resources, "Norland restored cultural ties with Southia.")


def test_block_without_default_codes_nothing_unmatched(nlp, resources):
    assert coded(nlp, resources, "Norland restored order in Southia.") == set()


def test_paired_code_and_irregular_form_with_dictionary_agent(nlp, resources):
    events = coded(nlp, resources, "The Norland president left for Southia on Sunday.")
    assert {("NORGOV", "SOU", "032"), ("SOU", "NORGOV", "033")} <= events


def test_dictionary_agents_combine_with_dictionary_actors(nlp, resources):
    tables, _, _ = resources
    for text, code in (("The Norland government met.", "NORGOV"), ("Norland's foreign minister spoke.", "NORGOVFRM"),
                       ("Soldiers from Southia arrived.", "SOUMIL")):
        doc = nlp(text)
        assert code in {m.code for m in find_mentions(doc, tables, None)}, text


def test_compound_source_gives_one_event_per_actor(nlp, resources):
    events = coded(nlp, resources, "Norland, Eastmark and Westvale condemned Southia.")
    assert {("NOR", "SOU", "122"), ("EAS", "SOU", "122"), ("WES", "SOU", "122")} <= events


def test_agent_carried_over_coordinated_actors(nlp, resources):
    events = coded(nlp, resources, "The presidents of Norland and Eastmark condemned Southia.")
    assert {("NORGOV", "SOU", "122"), ("EASGOV", "SOU", "122")} <= events


def test_percent_before_verb_codes_compound_members_with_each_other(nlp, resources):
    events = coded(nlp, resources, "Norland and Eastmark agree that the border should stay open.")
    assert {("NOR", "EAS", "030"), ("EAS", "NOR", "030")} <= events


def test_percent_after_verb_is_a_compound_target(nlp, resources):
    events = coded(nlp, resources, "Westvale agreed with Norland and Eastmark on Monday.")
    assert {("WES", "NOR", "031"), ("WES", "EAS", "031")} <= events


def test_passive_with_agent(nlp, resources):
    assert ("NOR", "SOU", "122") in coded(nlp, resources, "Southia was condemned by Norland on Friday.")


def test_negation_blocks_unless_the_pattern_names_it(nlp, resources):
    assert coded(nlp, resources, "Norland did not condemn Southia.") == set()
    assert coded(nlp, resources, "Norland didn't condemn Southia.") == set()  # null pattern
    assert ("NOR", "SOU", "081") in coded(nlp, resources, "Norland will not attack Southia.")


def test_null_pattern_blocks_the_default(nlp, resources):
    assert coded(nlp, resources, "Norland attacked the card of Southia.") == set()
    assert ("NOR", "SOU", "190") in coded(nlp, resources, "Norland attacked Southia.")


def test_skip_marker_passes_over_a_phrase(nlp, resources):
    # "^" passes over the first phrase after AT (Westvale), so the target is the next actor
    events = coded(nlp, resources, "Norland attacked at Westvale the outposts of Southia.")
    assert ("NOR", "SOU", "194") in events and ("NOR", "WES", "194") not in events


def test_multi_word_verb_takes_its_own_code(nlp, resources):
    assert ("NOR", "SOU", "1723") in coded(nlp, resources, "Norland cracked down on Southia.")


def test_regular_forms():
    assert {"stop", "stops", "stopped", "stopping"} <= regular_forms("stop")
    assert {"agree", "agrees", "agreed", "agreeing"} <= regular_forms("agree")
    assert {"deny", "denies", "denied"} <= regular_forms("deny")


def test_reader_keeps_null_and_paired_codes(resources):
    _, _, folder = resources
    d = load_verb_dictionary(folder / "verbs.txt")
    depart = d.entries["depart"][0]
    assert (depart.block.code, depart.block.paired) == ("032", "033")
    assert "left" in d.surface and "depart" in d.surface["left"]
    assert any(p.code is None for p in d.entries["attack"][0].block.patterns)
    crack = [e for e in d.entries["crack"] if e.after == ("DOWN",)]
    assert crack and crack[0].code == "1723"
