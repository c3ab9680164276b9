"""Exits and suspensions told with the day they take effect (sentences invented for these tests;
2024-03-06, the publication day, is a Wednesday): a decided exit whose effective day has come by
publication is done on that day (news-dev-2's labelling), one still ahead is only announced
(news-dev's "will leave"); an exit noun that "takes effect" is that exit, not an entry into force;
the state whose exit from an agreement a noun names is a party of the agreement."""

from __future__ import annotations

from datetime import date


def keys(reports):
    return {(r.parties, r.kinds[0], r.lifecycle_event, r.date) for r in reports}


def test_a_decided_exit_whose_effective_day_has_come_is_done_that_day(extract):
    assert keys(extract("Mali decided to withdraw from the G5 Sahel, effective from February 1.")) == {
        (("G5S", "MLI"), "withdrawal", "withdrew", date(2024, 2, 1))}
    assert keys(extract("Chad announced its withdrawal from the defence pact with France with effect from "
                        "1 February.")) == {(("FRA", "TCD"), "withdrawal", "withdrew", date(2024, 2, 1))}
    got = keys(extract('"We are leaving the G5 Sahel as of February 1," the Malian foreign minister said.'))
    assert got == {(("G5S", "MLI"), "withdrawal", "withdrew", date(2024, 2, 1))}


def test_a_decided_exit_still_ahead_is_announced_on_the_day_it_was_told(extract):
    assert keys(extract("Mali said on Monday it would leave the G5 Sahel, effective 1 January 2025.")) == {
        (("G5S", "MLI"), "withdrawal", "announced", date(2024, 3, 4))}
    assert keys(extract("Chad decided to end the defence pact with France, effective 1 June 2024.")) == {
        (("FRA", "TCD"), "withdrawal", "announced", None)}


def test_an_effective_day_does_not_make_other_steps_exits(extract):
    assert keys(extract("Ghana and Togo signed a border security pact, effective from February 1.")) == {
        (("GHA", "TGO"), "military_cooperation", "signed", date(2024, 2, 1))}
    assert keys(extract("Mali said on Monday it would leave the G5 Sahel.")) == {
        (("G5S", "MLI"), "withdrawal", "announced", date(2024, 3, 4))}


def test_an_exit_or_suspension_that_takes_effect_is_that_step(extract):
    assert keys(extract("Bolivia's exit from the security pact with Peru took effect on Monday.")) == {
        (("BOL", "PER"), "withdrawal", "withdrew", date(2024, 3, 4))}
    assert keys(extract("The withdrawal of Mali from the G5 Sahel came into effect on Monday.")) == {
        (("G5S", "MLI"), "withdrawal", "withdrew", date(2024, 3, 4))}
    assert keys(extract("The suspension of the defence pact between Chad and France took effect on Monday.")) == {
        (("FRA", "TCD"), "suspension", "suspended", date(2024, 3, 4))}
    assert keys(extract("The defence pact between Chad and France took effect on Monday.")) == {
        (("FRA", "TCD"), "military_cooperation", "entered_into_force", date(2024, 3, 4))}


def test_the_state_whose_exit_from_an_agreement_a_noun_names_is_its_party(extract):
    assert keys(extract("Bolivia completed its exit from the security pact with Peru on Monday.")) == {
        (("BOL", "PER"), "withdrawal", "withdrew", date(2024, 3, 4))}
    assert keys(extract("Bolivia's pullout from the defence accord with Peru was completed on Monday.")) == {
        (("BOL", "PER"), "withdrawal", "withdrew", date(2024, 3, 4))}
    # a state's exit from a body stays one membership record, the body's partner no party
    assert keys(extract("Mali's withdrawal from the G5 Sahel took effect on Monday.")) == {
        (("G5S", "MLI"), "withdrawal", "withdrew", date(2024, 3, 4))}
