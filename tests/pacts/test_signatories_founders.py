"""Signatories and founders (issue 12, the conventions session 5 left): a state said to be a
signatory or party of an agreement has signed it, with an organisation whose agreement it is as
a party; states founding a body conclude one agreement of all founders. Sentences invented for
these tests; 2024-03-06 is a Wednesday."""

from __future__ import annotations

from datetime import date


def keys(reports):
    return {(r.parties, r.kinds[0], r.lifecycle_event, r.date) for r in reports}


def test_a_signatory_or_party_to_an_agreement_has_signed_it(extract):
    assert keys(extract("Ghana and Togo are signatories to the border security pact.")) == {
        (("GHA", "TGO"), "military_cooperation", "signed", None)}
    assert keys(extract("Kenya became a party to the defence treaty with Uganda in 2019.")) == {
        (("KEN", "UGA"), "mutual_defense", "signed", None)}
    assert keys(extract("Uganda, a signatory of the defence pact with Kenya, said on Monday it would stay.")) == {
        (("KEN", "UGA"), "military_cooperation", "signed", None)}  # the saying's Monday is not the signing's


def test_the_organisation_whose_agreement_it_is_is_a_party(extract):
    assert keys(extract("Ghana is a signatory to the African Union's convention on border cooperation.")) == {
        (("AU", "GHA"), "other", "signed", None)}


def test_no_signatory_of_a_conflict_nor_a_denied_one(extract):
    assert extract("Kenya is a party to the conflict in Sudan.") == []
    assert extract("Kenya is not a party to the defence treaty with Uganda.") == []


def test_states_founding_a_body_conclude_one_agreement(extract):
    assert keys(extract("Kenya, Uganda and Tanzania founded the EAC in 2000.")) == {
        (("KEN", "TZA", "UGA"), "other", "signed", None)}
    assert keys(extract("The East African Community was founded by Kenya, Uganda and Tanzania.")) == {
        (("KEN", "TZA", "UGA"), "other", "signed", None)}  # the body founded is no party
    assert keys(extract("Mali and Niger set up a joint security alliance on Monday.")) == {
        (("MLI", "NER"), "other", "signed", date(2024, 3, 4))}
    got = keys(extract("The G5 Sahel, created in 2014 by Mali, Niger and Chad, said on Monday it would disband."))
    assert got == {(("MLI", "NER", "TCD"), "other", "signed", None)}


def test_founding_no_body_or_a_body_without_founders_is_no_step(extract):
    assert extract("Kenya and Uganda created jobs in the border region.") == []
    assert extract("Mali and Niger set up a committee on Monday.") == []
    assert extract("NATO was founded in 1949.") == []


def test_a_treaty_establishing_a_body_is_one_signing_dated_by_its_sentence(extract):
    got = keys(extract("The leaders of Mali and Niger at a summit in Niamey on Saturday signed a treaty "
                       "establishing a confederation."))
    assert got == {(("MLI", "NER"), "other", "signed", date(2024, 3, 2))}


def test_a_founding_verb_without_a_body_leaves_the_steps_below_it(extract):
    # "launched its bid": the bid is the step (a proposal), the verb founds nothing
    assert keys(extract("Sweden launched its bid to join NATO in May 2022.")) == {
        (("NATO", "SWE"), "accession", "proposed", None)}
    assert keys(extract("Kenya and Uganda launched joint patrols on Monday.")) == set()
