"""Issue 12 items 8, 10 and 15, classes named from news-dev-2's commitment misses (session 5):
agreements named as statements or letters of intent, one text among three parties, reaching a
pact, a bloc approving a state as a member, steps still awaited, a step dated from the act it
came hours after, organisations of the actor table that leave and are left. Sentences invented
for these tests; 2024-03-06 is a Wednesday."""

from __future__ import annotations

from datetime import date


def keys(reports):
    return {(r.parties, r.kinds[0], r.lifecycle_event, r.date) for r in reports}


# -- intent instruments are agreements -------------------------------------------------------------
def test_statements_and_letters_of_intent_are_agreements(extract):
    assert keys(extract("Sweden and the United States signed a statement of intent on defence cooperation "
                        "on Monday.")) == {(("SWE", "USA"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("A letter of intent on security cooperation was signed by Kenya and Uganda on Monday.")) == {
        (("KEN", "UGA"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("Japan and India signed a memorandum of understanding on defence cooperation on Monday.")) == {
        (("IND", "JPN"), "military_cooperation", "signed", date(2024, 3, 4))}


# -- one text among three parties ------------------------------------------------------------------
def test_a_trilateral_text_with_two_partners_is_one_agreement_of_three(extract):
    assert keys(extract("In 2018, Sweden adopted a trilateral statement of intent with Finland and the "
                        "United States.")) == {(("FIN", "SWE", "USA"), "other", "signed", None)}
    assert keys(extract("Kenya signed a tripartite security pact with Uganda and Rwanda on Monday.")) == {
        (("KEN", "RWA", "UGA"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("A trilateral defence agreement was signed by Japan with Australia and the Philippines "
                        "on Monday.")) == {(("AUS", "JPN", "PHL"), "military_cooperation", "signed", date(2024, 3, 4))}


def test_pacts_with_two_partners_and_no_trilateral_word_stay_bilateral(extract):
    assert keys(extract("Kenya signed security pacts with Uganda and Rwanda on Monday.")) == {
        (("KEN", "UGA"), "military_cooperation", "signed", date(2024, 3, 4)),
        (("KEN", "RWA"), "military_cooperation", "signed", date(2024, 3, 4))}


# -- reaching a pact whose words name its kind -----------------------------------------------------
def test_reaching_a_defence_or_partnership_agreement_is_a_signing(extract):
    assert keys(extract("Kenya and Uganda reached a defence agreement on Monday.")) == {
        (("KEN", "UGA"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("A security pact was reached by Ghana and Togo on Monday after long talks.")) == {
        (("GHA", "TGO"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("NATO reached a partnership agreement with Finland in 2014.")) == {
        (("FIN", "NATO"), "strategic_partnership", "signed", None)}


def test_reaching_a_bare_agreement_or_a_truce_is_no_pact(extract):
    assert extract("Kenya and Uganda reached an agreement on a prisoner swap on Monday.") == []
    assert extract("Kenya and Uganda reached a ceasefire deal on Monday.") == []
    assert extract("Kenya and Uganda did not reach a defence agreement on Monday.") == []


# -- a bloc approving or admitting a state as a member ---------------------------------------------
def test_a_bloc_approving_a_state_as_a_member_ratifies_its_accession(extract):
    assert keys(extract("The OECD approved Colombia as a new member on Monday.")) == {
        (("COL", "OECD"), "accession", "ratified", date(2024, 3, 4))}
    assert keys(extract("Colombia was approved as a member by the OECD on Monday.")) == {
        (("COL", "OECD"), "accession", "ratified", date(2024, 3, 4))}
    assert keys(extract("The African Union approved Morocco as a member state on 30 January 2017.")) == {
        (("AU", "MAR"), "accession", "ratified", date(2017, 1, 30))}
    assert keys(extract("NATO admitted Finland as its 31st member on Monday.")) == {
        (("FIN", "NATO"), "accession", "joined", date(2024, 3, 4))}


def test_as_with_another_noun_is_still_a_circumstance(extract):
    assert extract("Kenya approved the pact as a model for others.") == []


# -- steps still awaited ---------------------------------------------------------------------------
def test_a_step_looked_forward_to_or_awaited_is_not_taken(extract):
    assert extract("We look forward to Poland's swift ratification of the pact with Lithuania.") == []
    assert extract("Officials hope for an early signing of the security pact between Kenya and Uganda.") == []
    assert extract("Kenya awaits the ratification of the security pact with Uganda.") == []
    assert extract("Kenya is waiting for the ratification of the security pact with Uganda.") == []
    text = ("Poland and Lithuania signed a defence pact on Monday. "
            "\"We look forward to its swift ratification,\" the State Department said.")
    assert keys(extract(text)) == {(("LTU", "POL"), "military_cooperation", "signed", date(2024, 3, 4))}


def test_a_ratification_looked_back_on_is_taken(extract):
    text = ("Poland and Lithuania signed a defence pact on 2 January 2024. "
            "Poland looked back on its swift ratification of the pact on Monday.")
    assert (("LTU", "POL"), "military_cooperation", "ratified", date(2024, 3, 4)) in keys(extract(text))


# -- a step dated from the act it came hours after -------------------------------------------------
def test_a_step_hours_after_the_act_last_dated_takes_its_day(extract):
    got = keys(extract("Colombia said on Friday it would join NATO. "
                       "The announcement came just hours after the OECD approved Colombia as a new member."))
    assert (("COL", "OECD"), "accession", "ratified", date(2024, 3, 1)) in got
    got = keys(extract("Peru will join APEC next month, its president said late on Friday. The announcement "
                       "came hours after the Organisation for Economic Co-operation and Development (OECD) "
                       "approved Peru as a new member."))
    assert (("OECD", "PER"), "accession", "ratified", date(2024, 3, 1)) in got
    got = keys(extract("Mali announced on Monday that it would leave ECOWAS. "
                       "The move came minutes after Niger withdrew from the G5 Sahel."))
    assert (("G5S", "NER"), "withdrawal", "withdrew", date(2024, 3, 4)) in got
    got = keys(extract("Mali announced on Monday that it would leave ECOWAS. "
                       "The decision came hours before the signing of a defence pact between Niger and Chad."))
    assert (("NER", "TCD"), "military_cooperation", "signed", date(2024, 3, 4)) in got


def test_a_step_weeks_apart_or_with_its_own_date_keeps_its_own(extract):
    first = "Mali announced on Monday that it would leave ECOWAS. "
    assert (("G5S", "NER"), "withdrawal", "withdrew", None) in keys(
        extract(first + "The move came weeks after Niger withdrew from the G5 Sahel."))
    assert (("G5S", "NER"), "withdrawal", "withdrew", None) in keys(
        extract(first + "Weeks later, Niger withdrew from the G5 Sahel."))
    assert (("G5S", "NER"), "withdrawal", "withdrew", date(2024, 1, 2)) in keys(
        extract(first + "The move came shortly after Niger withdrew from the G5 Sahel on 2 January 2024."))


# -- organisations states leave and join -----------------------------------------------------------
def test_withdrawing_from_the_bodies_of_a_regional_bloc_is_one_withdrawal_per_state(extract):
    assert keys(extract("Niger and Chad withdrew from all the bodies of the Group of Five for the Sahel "
                        "on Monday.")) == {(("G5S", "NER"), "withdrawal", "withdrew", date(2024, 3, 4)),
                                           (("G5S", "TCD"), "withdrawal", "withdrew", date(2024, 3, 4))}
    assert keys(extract("Mali quit the G5 Sahel on Monday.")) == {
        (("G5S", "MLI"), "withdrawal", "withdrew", date(2024, 3, 4))}
    assert keys(extract("Costa Rica became the 38th member of the OECD on Monday.")) == {
        (("CRI", "OECD"), "accession", "joined", date(2024, 3, 4))}


# -- parties from the leaders who take the step (actor table: heads of further European and Latin
#    American states) ---------------------------------------------------------------------------
def test_heads_of_state_and_government_name_their_states_as_parties(extract):
    assert keys(extract("Maia Sandu and Emmanuel Macron signed a defence pact on Monday.")) == {
        (("FRA", "MDA"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("A security agreement was announced on Monday by Prime Minister Kyriakos Mitsotakis "
                        "and Chancellor Olaf Scholz.")) == {
        (("DEU", "GRC"), "military_cooperation", "announced", date(2024, 3, 4))}
    assert keys(extract("Moldova's leader has courted the West for years. "
                        "On Monday, Sandu signed a security accord with Romania.")) == {
        (("MDA", "ROU"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("President Petro and President Boric signed a strategic partnership on Monday.")) == {
        (("CHL", "COL"), "strategic_partnership", "signed", date(2024, 3, 4))}


def test_a_leader_stands_for_the_office_held_on_the_day(extract):
    # Kaja Kallas led Estonia's government until July 2024; since December 2024 she speaks for the EU
    text = "Kaja Kallas signed a security pact with Moldova on Monday."
    assert keys(extract(text, on=date(2023, 3, 8))) == {
        (("EST", "MDA"), "military_cooperation", "signed", date(2023, 3, 6))}
    assert keys(extract(text, on=date(2025, 3, 5))) == {
        (("EU", "MDA"), "military_cooperation", "signed", date(2025, 3, 3))}


# -- item 14: conditional defence pledges; item 10/15: guarantees offered --------------------------
def test_an_attack_setting_off_a_states_obligations_is_an_announced_defence_pledge(extract):
    assert keys(extract("Poland said an attack on Lithuania would trigger its treaty obligations.")) == {
        (("LTU", "POL"), "mutual_defense", "announced", None)}
    assert keys(extract("\"An attack on Estonia would trigger our obligations under the treaty,\" the Latvian "
                        "prime minister said.")) == {(("EST", "LVA"), "mutual_defense", "announced", None)}
    assert keys(extract("Any aggression against Moldova would activate Romania's defence commitments, "
                        "officials said on Monday.")) == {(("MDA", "ROU"), "mutual_defense", "announced", date(2024, 3, 4))}


def test_the_attacker_a_denial_or_a_crisis_set_off_make_no_pledge(extract):
    assert keys(extract("Poland said an attack by Belarus on Lithuania would trigger its treaty obligations.")) == {
        (("LTU", "POL"), "mutual_defense", "announced", None)}
    assert extract("Poland said an attack on Lithuania would not trigger its treaty obligations.") == []
    assert extract("An attack on Lithuania triggered a crisis in Poland.") == []


def test_security_guarantees_offered_or_pledged_are_announced(extract):
    assert keys(extract("France offered security guarantees for Moldova on Monday.")) == {
        (("FRA", "MDA"), "mutual_defense", "announced", date(2024, 3, 4))}
    assert keys(extract("Security guarantees were offered to Moldova by France on Monday.")) == {
        (("FRA", "MDA"), "mutual_defense", "announced", date(2024, 3, 4))}
    assert keys(extract("Britain's pledge of security guarantees to Finland was made on Monday.")) == {
        (("FIN", "GBR"), "mutual_defense", "announced", date(2024, 3, 4))}
    assert extract("France offered Moldova talks on Monday.") == []
    assert extract("France's offer of talks with Moldova came on Monday.") == []
    assert extract("France did not offer security guarantees to Moldova.") == []
