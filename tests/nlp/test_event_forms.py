"""Acts told by a phrase's shape or by a lexicon row of issue 12, item 14: troops sent into a
country (an invasion, not aid), vessels that ram, diplomats expelled, declared persona non grata
or ordered to leave (161), and acts decided by a noun's owner. Every sentence is invented."""

from __future__ import annotations

from datetime import date

ON = date(2025, 5, 6)


def _coded(code_text, text: str) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.cameo_code) for e in code_text(text, ON)}


def test_troops_sent_into_a_country_invade_it_troops_sent_to_it_are_aid(code_text):
    assert ("RUS", "GEO", "192") in _coded(code_text, "Russia sent troops into Georgia in August 2008.")
    assert ("RWA", "COD", "192") in _coded(code_text, '"Rwanda has sent its soldiers into Congo," the UN envoy said.')
    assert ("ARM", "AZE", "192") in _coded(code_text, "Armenia dispatched tanks into Azerbaijan overnight.")
    sent_to = _coded(code_text, "Turkey sent troops to Qatar under a defence agreement.")
    assert ("TUR", "QAT", "072") in sent_to and not any(code[:2] == "19" for _, _, code in sent_to)


def test_a_vessel_that_rams_acts_for_its_flag_state(code_text):
    assert ("CHNCOP", "PHL", "190") in _coded(code_text, "A Chinese coast guard ship rammed a Philippine supply boat.")
    assert ("RUSMIL", "NOR", "190") in _coded(code_text, "A Russian navy frigate rammed a Norwegian fishing trawler.")
    assert not any(code[:2] == "19" for _, _, code in _coded(code_text, "Kenya's government rammed the bill through parliament."))


def test_expelled_diplomats_reduce_relations(code_text):
    # the CAMEO codebook, under 166: "When diplomats are withdrawn or expelled, use 161"
    assert ("CHE", "RUSGOV", "161") in _coded(code_text, "Switzerland expelled two Russian diplomats for spying.")
    assert ("GBR", "IRNGOV", "161") in _coded(code_text, "Britain ordered three Iranian diplomats out of the country.")
    assert ("POLGOV", "BLR", "161") in _coded(
        code_text, "Polish authorities ordered the Belarusian consul to leave the country within 72 hours.")


def test_an_order_to_leave_is_an_expulsion_only_for_an_envoy(code_text):
    assert ("DEU", "IRNGOV", "161") in _coded(code_text, "The Iranian envoy was ordered to leave Germany within 48 hours.")
    assert not any(code == "161" for _, _, code in _coded(code_text, "Chad ordered French troops to leave its bases."))


def test_the_act_a_decision_noun_names_is_its_owners(code_text):
    assert ("LVA", "RUSGOV", "161") in _coded(code_text, "Moscow condemned Latvia's move to expel the Russian ambassador.")
    assert ("RUS", "GEO", "192") in _coded(code_text, "Georgia protested against Russia's decision to annex parts of Georgia.")
    assert ("FRA", "MLI", "0874") in _coded(code_text, "Mali condemned a decision by France to withdraw its troops from Mali.")
    # an attempt or a wish is not a decision: the infinitive of force stays a purpose
    assert not any(code[:2] == "19" for _, _, code in _coded(code_text, "Russia's attempt to annex parts of Georgia failed."))


def test_troops_sent_into_a_country_in_the_passive_are_sent_by_their_state(code_text):
    assert ("ETHMIL", "SOM", "192") in _coded(code_text, "Ethiopian troops were dispatched into Somalia to fight the militants.")
    # a passive act of force done to soldiers is not done by their state
    assert not any(s == "UKRMIL" for s, _, _ in _coded(code_text, "Ukrainian troops were attacked near the border."))


def test_leaving_an_organisation_reduces_relations_with_it(code_text):
    assert ("TCD", "AU", "161") in _coded(code_text, "Chad has decided to withdraw from all the bodies of the African Union.")
    assert ("BFA", "ECOWAS", "161") in _coded(code_text, "Burkina Faso will leave ECOWAS next year, its foreign minister said.")
    # leaving a place, or pulling troops out, is a withdrawal (0874), not a cut in relations
    assert ("FRAMIL", "---", "0874") in _coded(code_text, "French troops withdrew from Gao.")
    assert ("IRN", "EU", "164") in _coded(code_text, "Iran withdrew from talks with the European Union.")


def test_a_joint_act_at_a_meeting_takes_its_partner_from_the_meeting(code_text):
    assert ("CHL", "PER", "057") in _coded(code_text, "Chile signed the treaty during talks with Peru.")
    assert ("KENGOV", "UGA", "057") in _coded(code_text, "The accord was signed during the Kenyan president's visit to Uganda.")
    joint = _coded(code_text, "Japan and India signed the deal during a summit with Australia.")
    assert ("JPN", "IND", "057") in joint and ("JPN", "AUS", "057") not in joint



def test_a_crowd_protesting_demonstrates_an_organ_of_state_protests_officially(code_text):
    assert ("GEO", "GEOGOV", "141") in _coded(code_text, "Demonstrators in Tbilisi protested against the Georgian government.")
    assert ("JPN", "CHNMIL", "114") in _coded(code_text, "Japan protested against China's military drills.")
