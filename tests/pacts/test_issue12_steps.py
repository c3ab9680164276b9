"""Issue 12 items 6, 8 and 15: suspensions and withdrawals told as nouns or by a verb apart from
its particle, parties only from the agreement, and the steps reports tell in passing (sentences
invented for these tests; 2024-03-06 is a Wednesday)."""

from __future__ import annotations

from datetime import date


def keys(reports):
    return {(r.parties, r.kinds[0], r.lifecycle_event, r.date) for r in reports}


# -- item 6: suspension and withdrawal as nouns, treaties named by description ------------------
def test_the_announced_suspension_of_an_accord_is_its_suspension(extract):
    assert keys(extract("Moldova announced the suspension of the accord with Romania on Tuesday.")) == {
        (("MDA", "ROU"), "suspension", "suspended", date(2024, 3, 5))}


def test_a_step_noun_under_a_light_verb_is_done_by_the_verb_subject(extract):
    assert keys(extract("Poland completed its pullout from the arms deal with Ukraine on Monday.")) == {
        (("POL", "UKR"), "withdrawal", "withdrew", date(2024, 3, 4))}
    assert keys(extract("Niger finalized its exit from the security pact with Benin on Monday.")) == {
        (("BEN", "NER"), "withdrawal", "withdrew", date(2024, 3, 4))}
    assert keys(extract("Chad and Sudan have completed their pullout from the border accord.")) == {
        (("SDN", "TCD"), "withdrawal", "withdrew", None)}


def test_a_light_verb_with_a_treaty_noun_is_no_signing(extract):
    got = keys(extract("Niger finalized its exit from the security pact with Benin on Monday."))
    assert not any(k[2] == "signed" for k in got)


def test_an_announced_intention_to_quit_a_treaty_named_before(extract):
    text = ("Mali and France signed a defence treaty in 2014. "
            "Mali announced its intention to quit the treaty on Tuesday.")
    assert (("FRA", "MLI"), "withdrawal", "announced", date(2024, 3, 5)) in keys(extract(text))


def test_freeze_revoke_scrap_and_put_on_hold_end_or_pause_a_pact(extract):
    assert keys(extract("Serbia said on Monday it was freezing the defence agreement with Hungary.")) == {
        (("HUN", "SRB"), "suspension", "suspended", date(2024, 3, 4))}
    assert keys(extract("Senegal revoked its defence cooperation agreement with France on Tuesday.")) == {
        (("FRA", "SEN"), "withdrawal", "withdrew", date(2024, 3, 5))}
    assert keys(extract("Ghana scrapped the security pact with Togo on Monday.")) == {
        (("GHA", "TGO"), "withdrawal", "withdrew", date(2024, 3, 4))}
    assert keys(extract("Chad put its defence agreement with France on hold on Monday.")) == {
        (("FRA", "TCD"), "suspension", "suspended", date(2024, 3, 4))}


def test_put_on_hold_in_the_passive_and_negated(extract):
    assert keys(extract("The security pact between Ghana and Togo was placed on hold on Monday.")) == {
        (("GHA", "TGO"), "suspension", "suspended", date(2024, 3, 4))}
    assert extract("Chad did not put its defence agreement with France on hold.") == []


def test_freeze_in_quotation_marks_is_a_suspension(extract):
    assert keys(extract('Armenia "froze" its membership of the CSTO on Monday.')) == {
        (("ARM", "CSTO"), "suspension", "suspended", date(2024, 3, 4))}
    assert keys(extract('Armenia said it had "frozen" its participation in the CSTO.')) == {
        (("ARM", "CSTO"), "suspension", "suspended", None)}
    assert keys(extract('Serbia said on Monday it was "freezing" the defence agreement with Hungary.')) == {
        (("HUN", "SRB"), "suspension", "suspended", date(2024, 3, 4))}
    assert keys(extract('Armenia announced a "freeze" of its membership in the CSTO.')) == {
        (("ARM", "CSTO"), "suspension", "suspended", None)}
    assert extract("Talks on the frozen conflict between Armenia and Azerbaijan resumed.") == []


def test_not_an_exit_only_a_pause_is_no_withdrawal(extract):
    text = ("Armenia suspended its participation in the CSTO on Monday. "
            "\"This is not an exit, only a pause,\" the Armenian prime minister said.")
    got = keys(extract(text))
    assert (("ARM", "CSTO"), "suspension", "suspended", date(2024, 3, 4)) in got
    assert not any(k[1] == "withdrawal" for k in got)
    assert extract("Kenya said its decision on the accord with Uganda was not an exit, only a pause.") == []


# -- item 8: parties only from the agreement -----------------------------------------------------
def test_the_place_of_signing_is_no_party(extract):
    assert keys(extract("Estonia and Latvia signed a defence cooperation agreement in Geneva, Switzerland, "
                        "on Monday.")) == {(("EST", "LVA"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("The accord between Kenya and Uganda in Nairobi, Kenya, was signed on Monday.")) == {
        (("KEN", "UGA"), "other", "signed", date(2024, 3, 4))}
    assert keys(extract("Ghana and Togo signed a border security pact in Lomé, days after Burkina Faso "
                        "closed its frontier.")) == {(("GHA", "TGO"), "military_cooperation", "signed", None)}


def test_the_adversary_of_the_trigger_and_states_of_other_clauses_are_no_parties(extract):
    assert keys(extract("Chile and Peru signed a mutual defence treaty on Monday that obliges each to help the "
                        "other in the event of an attack by Bolivia.")) == {
        (("CHL", "PER"), "mutual_defense", "signed", date(2024, 3, 4))}
    assert keys(extract("Poland and Lithuania signed a mutual defence pact on Monday, as Russia massed troops "
                        "on the Belarusian border.")) == {
        (("LTU", "POL"), "mutual_defense", "signed", date(2024, 3, 4))}
    assert keys(extract("Kenya and Uganda signed a security pact on Monday. "
                        "Their neighbours Tanzania and Rwanda were not consulted.")) == {
        (("KEN", "UGA"), "military_cooperation", "signed", date(2024, 3, 4))}


# -- item 15: commitment steps -------------------------------------------------------------------
def test_signed_into_law_is_a_ratification(extract):
    text = ("Ghana and Togo signed a defence agreement on 2 January 2024. "
            "Ghana's president signed the agreement into law on 4 March 2024.")
    assert keys(extract(text)) == {
        (("GHA", "TGO"), "military_cooperation", "signed", date(2024, 1, 2)),
        (("GHA", "TGO"), "military_cooperation", "ratified", date(2024, 3, 4))}
    assert keys(extract("President Ruto signed the Kenya-Uganda defence pact into law on Monday.")) == {
        (("KEN", "UGA"), "military_cooperation", "ratified", date(2024, 3, 4))}


def test_a_pronoun_object_is_the_pact_in_focus(extract):
    first = "Romania and Moldova signed a security pact on 2 January 2024. "
    assert (("MDA", "ROU"), "military_cooperation", "ratified", date(2024, 3, 4)) in keys(
        extract(first + "Romania ratified it on Monday."))
    assert (("MDA", "ROU"), "military_cooperation", "ratified", None) in keys(
        extract(first + "The Romanian parliament ratified it in March."))
    assert keys(extract(first + "Moldova, which approved it on Monday, now awaits Romania.")) >= {
        (("MDA", "ROU"), "military_cooperation", "ratified", date(2024, 3, 4))}


def test_the_second_chamber_endorsing_it_is_a_ratification_too(extract):
    text = ("Romania and Moldova signed a security pact on 2 January 2024. "
            "The Romanian senate approved the pact on Monday, while the lower house endorsed it on 5 March 2024.")
    got = keys(extract(text))
    assert (("MDA", "ROU"), "military_cooperation", "ratified", date(2024, 3, 4)) in got
    assert (("MDA", "ROU"), "military_cooperation", "ratified", date(2024, 3, 5)) in got


def test_plural_accessions_are_one_report_per_member_and_not_the_ratifier(extract):
    assert keys(extract("The Turkish parliament approved the accessions of Finland and Sweden to NATO on Monday.")) == {
        (("FIN", "NATO"), "accession", "ratified", date(2024, 3, 4)),
        (("NATO", "SWE"), "accession", "ratified", date(2024, 3, 4))}
    assert keys(extract("Hungary ratified the accessions of Sweden and Finland to NATO.")) == {
        (("FIN", "NATO"), "accession", "ratified", None), (("NATO", "SWE"), "accession", "ratified", None)}


def test_a_step_mentioned_again_is_one_record(extract):
    text = ("Estonia and Latvia signed a mutual defence treaty on Monday. "
            "Estonia and Latvia signed the treaty in Tallinn on Monday, officials said. "
            "The treaty, signed on Monday, is the first of its kind.")
    assert keys(extract(text)) == {(("EST", "LVA"), "mutual_defense", "signed", date(2024, 3, 4))}


def test_the_kind_comes_from_the_content_whatever_the_text_calls_it(extract):
    assert keys(extract("Britain and Australia signed a partnership on Monday under which Britain will supply "
                        "nuclear-powered submarines to Australia.")) == {
        (("AUS", "GBR"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("Japan and India adopted a declaration on Monday that commits them to consult each other "
                        "if either is attacked.")) == {(("IND", "JPN"), "consultation", "signed", date(2024, 3, 4))}
    assert keys(extract("Chile and Peru signed a partnership on Monday by which they will come to each other's aid "
                        "if attacked.")) == {(("CHL", "PER"), "mutual_defense", "signed", date(2024, 3, 4))}


def test_a_superseded_earlier_treaty_keeps_its_own_kind(extract):
    first = "Estonia and Latvia signed a mutual defence treaty on Monday. "
    assert keys(extract(first + "It supersedes the partnership agreement the two states concluded in 2001.")) == {
        (("EST", "LVA"), "mutual_defense", "signed", date(2024, 3, 4)),
        (("EST", "LVA"), "strategic_partnership", "signed", None)}
    assert keys(extract(first + "The new treaty supersedes the strategic partnership the two countries signed "
                        "in 2009.")) == {
        (("EST", "LVA"), "mutual_defense", "signed", date(2024, 3, 4)),
        (("EST", "LVA"), "strategic_partnership", "signed", None)}
    assert keys(extract("Estonia and Latvia signed a mutual defence treaty on Monday that replaces a cooperation "
                        "agreement the two countries signed in 1995.")) == {
        (("EST", "LVA"), "mutual_defense", "signed", date(2024, 3, 4)),
        (("EST", "LVA"), "other", "signed", None)}


# -- item 10: defence deals ----------------------------------------------------------------------
def test_arms_bought_or_supplied_under_a_deal_are_a_defence_deal(extract):
    assert keys(extract("Greece will buy frigates from France under a new deal.")) == {
        (("FRA", "GRC"), "military_cooperation", "signed", None)}
    assert keys(extract("Under a deal signed on Monday, Poland will buy tanks from South Korea.")) == {
        (("KOR", "POL"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("Egypt signed a deal on Monday to buy submarines from Germany.")) == {
        (("DEU", "EGY"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("India and Russia signed a deal on Monday for the supply of air defence systems.")) == {
        (("IND", "RUS"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("Indonesia agreed on Monday to purchase fighter jets from France in a new deal.")) == {
        (("FRA", "IDN"), "military_cooperation", "signed", date(2024, 3, 4))}


def test_no_defence_deal_without_arms_or_without_an_agreement(extract):
    assert extract("Hungary announced the purchase of four fighter jets from Sweden.") == []
    assert extract("Greece did not buy frigates from France under the deal.") == []
    assert keys(extract("Brazil signed a deal on Monday to buy wheat from Argentina.")) == {
        (("ARG", "BRA"), "other", "signed", date(2024, 3, 4))}
    assert keys(extract("Russia and North Korea signed a strategic partnership on Monday, as Pyongyang supplied "
                        "Moscow with missiles.")) == {
        (("PRK", "RUS"), "strategic_partnership", "signed", date(2024, 3, 4))}


# -- concluding an agreement without the word "sign" ---------------------------------------------
def test_verbs_of_concluding_with_the_agreement_as_object_are_signings(extract):
    assert keys(extract("Kenya and Uganda struck a defence deal on Monday.")) == {
        (("KEN", "UGA"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("Kenya and Uganda extended their defence cooperation agreement for five years on Monday.")) == {
        (("KEN", "UGA"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("Kenya and Uganda entered into a defence pact on Monday.")) == {
        (("KEN", "UGA"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("Kenya and Uganda agreed on a security pact on Monday.")) == {
        (("KEN", "UGA"), "military_cooperation", "signed", date(2024, 3, 4))}


def test_not_yet_concluded_is_no_step(extract):
    assert extract("Kenya and Uganda have yet to strike a defence deal.") == []
    assert extract("Kenya has yet to ratify the pact with Uganda.") == []
    assert extract("Kenya and Uganda could not strike a deal on Monday.") == []
    assert extract("Kenyan troops reached the border on Monday.") == []


# -- item 8: an organisation that signs is a party, one named around the signing is not -----------
def test_an_organisation_that_signs_or_is_signed_with_is_a_party(extract):
    assert keys(extract("The EU and Ukraine signed a security agreement on Monday.")) == {
        (("EU", "UKR"), "military_cooperation", "signed", date(2024, 3, 4))}
    assert keys(extract("A partnership agreement was signed by NATO and Finland on Monday.")) == {
        (("FIN", "NATO"), "strategic_partnership", "signed", date(2024, 3, 4))}
    assert keys(extract("Kenya signed a security pact with the African Union on Monday.")) == {
        (("AU", "KEN"), "military_cooperation", "signed", date(2024, 3, 4))}


def test_an_organisation_around_the_signing_is_no_party(extract):
    assert keys(extract("Japan and the Philippines signed a defence pact at the ASEAN summit on Monday.")) == {
        (("JPN", "PHL"), "military_cooperation", "signed", date(2024, 3, 4))}
