"""Issue 12 items 8 and 10: the parties of an agreement only from the agreement, and defence deals.
A comment apposition on the act (", a move likely to irk Y") names no party; a pact told in a
participle on the subject of a provision verb ("The pact, signed in Paris, commits X and Y to
…") has the states it binds as parties, not the adversary of the condition; more kinds of
military hardware make a purchase under a deal a defence deal. Sentences invented for these
tests; 2024-03-06 is a Wednesday."""

from __future__ import annotations

from datetime import date


def keys(reports):
    return {(r.parties, r.kinds[0], r.lifecycle_event, r.date) for r in reports}


def test_a_comment_apposition_on_the_act_names_no_party(extract):
    assert keys(extract("India signed a deal with France to buy 26 Rafale jets, a move likely to irk Pakistan.")) == {
        (("FRA", "IND"), "military_cooperation", "signed", None)}
    assert keys(extract("Kenya and Uganda signed a defence pact on Monday, a step that angered Somalia.")) == {
        (("KEN", "UGA"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("Japan ratified the security pact with Mongolia, a blow to China's influence there.")) == {
        (("JPN", "MNG"), "military_cooperation", "ratified", None)}


def test_an_apposition_naming_a_party_still_counts(extract):
    assert keys(extract("Kenya signed a defence pact with its neighbour, Uganda, on Monday.")) == {
        (("KEN", "UGA"), "military_cooperation", "signed", date(2024, 3, 4))}


def test_the_states_a_provision_binds_are_the_parties_of_a_participle_step(extract):
    got = keys(extract("The pact, signed in Paris, commits Greece and France to defend each other "
                       "against any attack by Turkey."))
    assert got == {(("FRA", "GRC"), "mutual_defense", "signed", None)}
    got = keys(extract("The accord, ratified on Monday, obliges Ghana and Togo to share intelligence."))
    assert got == {(("GHA", "TGO"), "other", "ratified", date(2024, 3, 4))}
    got = keys(extract("The treaty, concluded in Lima, binds Chile and Peru to consult each other."))
    assert {k[:3] for k in got} == {(("CHL", "PER"), "consultation", "signed")}


def test_helicopters_aircraft_and_radars_bought_under_a_deal_are_a_defence_deal(extract):
    assert keys(extract("Poland will buy 96 Apache helicopters from the United States under a deal "
                        "signed on Monday.")) == {(("POL", "USA"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("Under a new agreement, Indonesia will purchase transport aircraft from Brazil.")) == {
        (("BRA", "IDN"), "military_cooperation", "signed", None)}  # the deal is made (test_issue12_steps)
    assert keys(extract("Sweden will supply radars to Ukraine as part of a defence agreement.")) == {
        (("SWE", "UKR"), "military_cooperation", "signed", None)}
