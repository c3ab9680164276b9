"""Steps a report tells in passing: each party's own ratification, an earlier agreement or revision
beside today's step (sentences invented for these tests; 2024-03-06 is a Wednesday)."""

from __future__ import annotations

from datetime import date


def keys(reports):
    return {(r.parties, r.kinds[0], r.lifecycle_event, r.date) for r in reports}


def test_each_party_ratifies_for_itself(extract):
    text = ("Ghana and Togo signed a defence agreement in Accra on 2 January 2024. "
            "Ghana's president signed the ratification law on 4 March 2024, and Togolese media said "
            "on 5 March 2024 that Togo had adopted a decree ratifying the agreement.")
    got = keys(extract(text))
    assert (("GHA", "TGO"), "military_cooperation", "ratified", date(2024, 3, 4)) in got
    ratified = [k for k in got if k[2] == "ratified"]
    assert len(ratified) == 2  # Ghana's and Togo's, not one step told twice


def test_a_ratification_law_without_a_pact_word_is_not_a_step_without_a_pact_in_focus(extract):
    assert extract("Ghana's president signed the ratification law on 4 March 2024.") == []


def test_an_earlier_agreement_in_a_bare_year_is_its_own_step(extract):
    text = ("Chile and Argentina raised their relations to a strategic partnership on Monday. "
            "The leaders spoke of a leap from the strategic partnership the two countries had agreed in 2009.")
    got = keys(extract(text))
    assert (("ARG", "CHL"), "strategic_partnership", "signed", date(2024, 3, 4)) in got
    assert (("ARG", "CHL"), "strategic_partnership", "signed", None) in got


def test_an_undated_repeat_without_a_year_is_still_dropped(extract):
    text = ("Chile and Argentina raised their relations to a strategic partnership on Monday. "
            "The strategic partnership the two countries agreed will cover trade.")
    got = keys(extract(text))
    assert (("ARG", "CHL"), "strategic_partnership", "signed", None) not in got


def test_a_revised_agreement_was_signed_again(extract):
    text = ("Senegal announced on Tuesday that it was ending its defence cooperation agreement with France. "
            "Senegal would respect the notice period set out in the agreement, which was revised in 2018.")
    got = keys(extract(text))
    assert (("FRA", "SEN"), "military_cooperation", "signed", None) in got
    assert (("FRA", "SEN"), "withdrawal", "announced", date(2024, 3, 5)) in got


def test_a_revised_forecast_is_no_step(extract):
    assert extract("Kenya and Uganda revised their growth forecasts in 2023.") == []


def test_the_three_states_are_the_three_the_body_names_later(extract):
    text = ("Speaking on state radio, the governments of the three states said their decision to quit ECOWAS "
            "took effect at once. Coups brought soldiers to power in Guinea in 2021, in Mali in 2021 and in "
            "Burkina Faso in 2022.")
    got = keys(extract(text))
    assert got == {(tuple(sorted((code, "ECOWAS"))), "withdrawal", "announced", None)
                   for code in ("BFA", "GIN", "MLI")}


def test_a_plural_description_without_a_matching_group_names_nobody(extract):
    text = ("The three governments said their decision to quit ECOWAS took effect at once. "
            "Mali and Guinea have been under sanctions.")
    assert extract(text) == []


def test_an_indefinite_member_is_a_rule_not_the_state_in_focus(extract):
    text = ("Mali announced on Tuesday that it would leave ECOWAS. "
            "Under the treaty, a member wishing to leave must give a year's notice.")
    assert keys(extract(text)) == {(("ECOWAS", "MLI"), "withdrawal", "announced", date(2024, 3, 5))}


def test_an_accession_told_in_passing_as_done_and_an_application(extract):
    text = ("Moscow blamed the growth of NATO, saying the accession of Estonia and the application of "
            "Georgia had changed the balance.")
    assert keys(extract(text)) == {(("EST", "NATO"), "accession", "joined", None),
                                   (("GEO", "NATO"), "accession", "proposed", None)}


def test_an_accession_still_to_come_is_no_joining(extract):
    assert extract("Officials said the accession of Georgia to NATO would take years.") == []
    assert extract("Officials said the accession of Georgia to NATO has not happened.") == []


def test_since_an_accession_is_a_joining(extract):
    assert keys(extract("NATO's border with Russia has doubled since Finland's accession.")) == {
        (("FIN", "NATO"), "accession", "joined", None)}


def test_ending_a_military_presence_there_is_a_withdrawal_between_two_states(extract):
    text = "Germany said on Monday that it would pull its envoy out of Mali and end its military presence there."
    assert keys(extract(text)) == {(("DEU", "MLI"), "withdrawal", "announced", date(2024, 3, 4))}


def test_ending_cooperation_under_way_is_announced(extract):
    text = ("Belgium said on Monday that it would end its military presence in Chad. "
            "\"We are ending our military cooperation with the authorities of Chad,\" the minister said.")
    assert keys(extract(text)) == {(("BEL", "TCD"), "withdrawal", "announced", date(2024, 3, 4))}


def test_ending_a_presence_with_one_state_named_is_no_step(extract):
    assert extract("The company said it would end its military presence there.") == []
