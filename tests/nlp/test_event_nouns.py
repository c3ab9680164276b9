"""Events told by less common verbs, by nouns and by sentence structure (issue 12, items 7, 9, 10,
13, 14). Every sentence is invented for these tests; each construction has sentences of
different shapes (verb and noun, active and passive, plain and reported)."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.nlp.event_lexicon import EventLexicon, own_entries
from pactwatch.nlp.events import code_events
from pactwatch.nlp.grammar.words import words

ON = date(2024, 6, 19)


@pytest.fixture(scope="module")
def coder():
    from pactwatch.nlp.actor_tables import ActorTables
    from pactwatch.nlp.actors import find_mentions
    from pactwatch.nlp.pipeline import load_spacy

    nlp, tables, lexicon = load_spacy(), ActorTables.load(), EventLexicon.load()

    def run(text: str) -> set[tuple[str, str, str]]:
        doc = nlp(text)
        events = code_events(doc, find_mentions(doc, tables, ON), lexicon, ON)
        return {(e.source, e.target, e.cameo_code) for e in events}

    return run


def test_a_class_row_stands_for_every_word_of_its_class():
    lemmas = {e.lemma for e in own_entries() if e.code == "111" and e.pos == "verb"}
    assert words("criticism_verbs") <= lemmas
    voicing = [e for e in own_entries() if e.lemma == "voice" and e.code == "030"]
    assert voicing and words("resolve_nouns") <= voicing[0].objects


# -- item 7: vivid sanction verbs, rare criticism verbs, intent idioms, demands, welcome as approval --

@pytest.mark.parametrize("text,event", [
    ("The European Union rolled out a new sanctions package on Belarus on Monday.", ("EU", "BLR", "163")),
    ("The United States unleashed a fresh wave of sanctions on Venezuela.", ("USA", "VEN", "163")),
    ("Canada hit Iran with new sanctions over the crackdown.", ("CAN", "IRN", "163")),
    ("Britain unveiled tariffs on Chinese steel.", ("GBR", "CHN", "163")),
])
def test_vivid_sanction_verbs_impose_sanctions(coder, text, event):
    assert event in coder(text)


@pytest.mark.parametrize("text,event", [
    ("Brazil critiqued Argentina's new tariff policy.", ("BRA", "ARG", "111")),
    ("The Indian government berated Pakistan for the border incident.", ("INDGOV", "PAK", "111")),
    ("Ghana lashed out at Togo over the closure of the border.", ("GHA", "TGO", "111")),
])
def test_rare_criticism_verbs_criticise(coder, text, event):
    assert event in coder(text)


@pytest.mark.parametrize("text,event", [
    ("Japan and India voiced their resolve to deepen ties.", ("JPN", "IND", "030")),
    ("Ghana expressed its determination to strengthen cooperation with Nigeria.", ("GHA", "NGA", "030")),
    ("Chile reaffirmed its commitment to work with Peru on the border.", ("CHL", "PER", "030")),
])
def test_voiced_resolve_is_intent_to_cooperate(coder, text, event):
    assert event in coder(text)


def test_voiced_resolve_without_a_partner_names_none(coder):
    assert not {e for e in coder("Ghana expressed its determination to win the match.") if e[1] != "---"}


@pytest.mark.parametrize("text,event", [
    ("Spain is still waiting for Morocco to honour the fisheries deal.", ("ESP", "MAR", "100")),
    ("Seoul expects Tokyo to respect the 2015 agreement.", ("KORGOV", "JPNGOV", "100")),
    ("Kyiv is relying on Washington to deliver the promised weapons.", ("UKRGOV", "USAGOV", "100")),
    ("Iran said it expects Britain to release the detained sailors.", ("IRN", "GBR", "1053")),
])
def test_awaited_compliance_is_a_demand(coder, text, event):
    assert event in coder(text)


def test_an_expected_outcome_is_not_a_demand(coder):
    assert not [e for e in coder("Analysts expect Russia to win the war.") if e[2].startswith("10")]


@pytest.mark.parametrize("text,event", [
    ("Greece welcomed Turkey's readiness to mediate.", ("GRC", "TUR", "051")),
    ("Egypt welcomed the Sudanese delegation's proposal for a truce.", ("EGY", "SDNGOV", "051")),
    ("The decision by Canada to lift the tariffs was greeted by Mexico.", ("MEX", "CAN", "051")),
])
def test_welcoming_a_decision_is_approval_not_a_visit(coder, text, event):
    events = coder(text)
    assert event in events and not [e for e in events if e[2] == "043"]


def test_welcoming_a_visitor_is_still_hosting(coder):
    assert ("KENGOV", "UGAGOV", "043") in coder("The Kenyan president welcomed the Ugandan prime minister to Nairobi.")


# -- item 13: drills and deployments as nouns --

@pytest.mark.parametrize("text,event", [
    ("China began large-scale military drills around Taiwan on Monday.", ("CHN", "TWN", "150")),
    ("Russia launched naval exercises in the Baltic Sea near Finland.", ("RUS", "FIN", "150")),
    ("China staged war games around Taiwan.", ("CHN", "TWN", "150")),
    ("Russia's drills near the Ukrainian border began on Monday.", ("RUS", "UKR", "150")),
])
def test_drills_by_one_side_are_a_show_of_force_not_cooperation(coder, text, event):
    events = coder(text)
    assert event in events and not [e for e in events if e[2] == "062"]


@pytest.mark.parametrize("text,event", [
    ("India held military exercises with France off the coast of Goa.", ("IND", "FRA", "062")),
    ("South Korean and American troops are conducting eleven-day joint military drills.", ("KOR", "USAMIL", "062")),
    ("The week-long joint drills involve Egyptian and Saudi troops.", ("EGY", "SAUMIL", "062")),
    ("French and Egyptian warships on Monday launched ten days of war games at sea.", ("FRA", "EGYMIL", "062")),
])
def test_joint_drills_are_military_cooperation(coder, text, event):
    events = coder(text)
    assert event in events and not [e for e in events if e[2] == "150"]


def test_drills_named_by_their_participants_aim_at_the_place(coder):
    events = coder("The drills, code-named Iron Shield, involve naval units from Russia and China near Japan.")
    assert {("RUS", "JPN", "150"), ("CHN", "JPN", "150")} <= events
    events = coder("Russian and Belarusian forces began military drills near the Polish border.")
    assert ("RUS", "POL", "150") in events and not [e for e in events if e[2] == "062"]


def test_the_exercise_of_a_right_is_no_drill(coder):
    events = coder("Iran defended the exercise of its rights against Israel.")
    assert not [e for e in events if e[2][:2] in ("06", "15")]


def test_drills_talked_about_are_not_coded_again(coder):
    assert coder("Sweden said the Russian drills were a threat.") == {("SWE", "RUS", "111")}


@pytest.mark.parametrize("text,event", [
    ("North Korea announced the deployment of extra troops near the border with South Korea.", ("PRK", "KOR", "154")),
    ("Russia ordered a military buildup near the Finnish border.", ("RUS", "FIN", "154")),
    ("The United Nations approved the deployment of peacekeepers to Haiti.", ("UNO", "HTI", "0334")),
    ("Kenya began the deployment of peacekeepers to Haiti.", ("KEN", "HTI", "074")),
])
def test_deployments_as_nouns_mobilise_force(coder, text, event):
    events = coder(text)
    assert event in events and not [e for e in events if e[2].startswith("10")]


# -- item 10: aid, loan and arms packages; acts agreed under a deal --

@pytest.mark.parametrize("text,event", [
    ("Germany announced a €1 billion defence aid package for Ukraine.", ("DEU", "UKR", "0332")),
    ("Japan unveiled a humanitarian aid package for Gaza.", ("JPN", "PSE", "0333")),
    ("The World Bank approved a $2 billion loan to Egypt.", ("WBK", "EGY", "0331")),
    ("The IMF cleared the way for a loan package for Pakistan.", ("IMF", "PAK", "0331")),
])
def test_an_aid_package_announced_is_an_intent_to_give_that_aid(coder, text, event):
    assert event in coder(text)


@pytest.mark.parametrize("text,event", [
    ("Italy delivered the latest package of military aid to Ukraine.", ("ITA", "UKR", "072")),
    ("The United States sent military aid to Ukraine.", ("USA", "UKR", "072")),
    ("North Korea supplied Moscow with large packages of ammunition.", ("PRK", "RUSGOV", "072")),
])
def test_aid_delivered_is_coded_by_its_kind(coder, text, event):
    events = coder(text)
    assert event in events and not [e for e in events if e[2] in ("071", "073")]


def test_aid_with_no_recipient_is_not_coded(coder):
    assert not [e for e in coder("Germany pledged more development aid on Tuesday.") if e[1] == "---"]


@pytest.mark.parametrize("text,event", [
    ("Greece will buy frigates from France under a new deal.", ("GRC", "FRA", "062")),
    ("India will acquire 26 jets from France under the agreement signed on Friday.", ("IND", "FRA", "062")),
    ("Under the deal, Australia will provide 200 million dollars to Papua New Guinea.", ("AUS", "PNG", "071")),
])
def test_an_act_agreed_under_a_deal_is_the_act_not_an_intent(coder, text, event):
    assert event in coder(text)


def test_a_purchase_without_a_deal_stays_an_intent(coder):
    assert ("GRC", "FRA", "031") in coder("Greece will buy frigates from France.")
