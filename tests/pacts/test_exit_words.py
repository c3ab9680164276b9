"""Issue 12 item 6, the words of ending and pausing a pact beyond freeze/revoke/scrap/put on hold
(data/lexicon/commitment_terms.tsv): tear up, abrogate, annul, cancel, renounce, rescind,
repudiate, walk away from, back out of end it; pause, halt, shelve suspend it; as active and
passive verbs and as nouns. Sentences invented for these tests; 2024-03-06 is a Wednesday."""

from __future__ import annotations

from datetime import date

MONDAY = date(2024, 3, 4)


def keys(reports):
    return {(r.parties, r.kinds[0], r.lifecycle_event, r.date) for r in reports}


def test_verbs_of_ending_a_pact_are_withdrawals(extract):
    for verb in ("tore up", "abrogated", "annulled", "cancelled", "renounced", "rescinded", "repudiated",
                 "walked away from", "backed out of"):
        got = keys(extract(f"Bolivia {verb} the security treaty with Peru on Monday."))
        assert got == {(("BOL", "PER"), "withdrawal", "withdrew", MONDAY)}, verb


def test_ending_told_in_the_passive_or_as_a_noun(extract):
    assert keys(extract("The defence accords between Niger and France were torn up on Monday.")) == {
        (("FRA", "NER"), "withdrawal", "withdrew", MONDAY)}
    assert keys(extract("The cancellation of the security pact between Mali and France took effect on Monday.")) == {
        (("FRA", "MLI"), "withdrawal", "withdrew", MONDAY)}
    assert keys(extract("The abrogation of the military agreement between Niger and France took effect "
                        "on Monday.")) == {(("FRA", "NER"), "withdrawal", "withdrew", MONDAY)}


def test_verbs_of_pausing_a_pact_or_membership_are_suspensions(extract):
    assert keys(extract("Armenia paused its participation in the CSTO on Monday.")) == {
        (("ARM", "CSTO"), "suspension", "suspended", MONDAY)}
    assert keys(extract("Armenia halted its participation in the CSTO on Monday.")) == {
        (("ARM", "CSTO"), "suspension", "suspended", MONDAY)}
    assert keys(extract("The defence agreement between Chad and France was shelved on Monday.")) == {
        (("FRA", "TCD"), "suspension", "suspended", MONDAY)}


def test_the_same_words_about_no_pact_are_no_step(extract):
    assert extract("Kenya cancelled a visit to Uganda on Monday.") == []
    assert extract("The two sides paused to consider the deal.") == []
    assert extract("Kenya said its decision on the accord with Uganda was not an exit, only a pause.") == []
    assert extract("Bolivia did not renounce the security treaty with Peru.") == []
