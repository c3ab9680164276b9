"""Commitment extraction on sentences written for these tests (2024-03-06 is a Wednesday)."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.nlp.grammar.dates import find_dates, sentence_date
from pactwatch.pacts.lexicon import EVENTS, CommitmentLexicon


def keys(reports):
    return {(r.parties, r.kinds[0], r.lifecycle_event, r.date) for r in reports}


def test_signed_mutual_defence_with_weekday_date(extract):
    reports = extract("Estonia and Latvia signed a mutual defence treaty on Monday.")
    assert keys(reports) == {(("EST", "LVA"), "mutual_defense", "signed", date(2024, 3, 4))}
    report = reports[0]
    assert report.sentence == "Estonia and Latvia signed a mutual defence treaty on Monday."
    assert (report.start, report.end) == (0, len(report.sentence))


def test_application_to_join_is_proposed(extract):
    assert keys(extract("Moldova applied to join NATO on 3 May 2023.")) == {
        (("MDA", "NATO"), "accession", "proposed", date(2023, 5, 3))}


def test_future_exit_is_announced(extract):
    assert keys(extract("Serbia will leave the CSTO, its president said on Tuesday.")) == {
        (("CSTO", "SRB"), "withdrawal", "announced", date(2024, 3, 5))}


def test_ratifying_state_is_not_a_party(extract):
    assert keys(extract("The Turkish parliament ratified Sweden's accession to NATO on Thursday.")) == {
        (("NATO", "SWE"), "accession", "ratified", date(2024, 2, 29))}


def test_entry_into_force_and_conditions(extract):
    reports = extract("Chile and Peru agreed to defend each other in the event of aggression against either party. "
                      "The treaty entered into force on 1 March 2023.")
    assert (("CHL", "PER"), "mutual_defense", "entered_into_force", date(2023, 3, 1)) in keys(reports)
    assert all(r.conditions == "aggression against either party" for r in reports)


def test_becoming_a_member_is_joined(extract):
    assert keys(extract("Finland became the 31st member of NATO on 4 April 2023.")) == {
        (("FIN", "NATO"), "accession", "joined", date(2023, 4, 4))}


def test_suspended_membership(extract):
    assert keys(extract("Armenia suspended its membership in the CSTO.")) == {
        (("ARM", "CSTO"), "suspension", "suspended", None)}


def test_withdrawal_from_an_organisation_is_one_report_per_member(extract):
    reports = extract("Mali, Senegal and Burkina Faso withdrew from ECOWAS on Sunday.")
    assert keys(reports) == {
        (("ECOWAS", code), "withdrawal", "withdrew", date(2024, 3, 3)) for code in ("MLI", "SEN")
    } | {(("BFA", "ECOWAS"), "withdrawal", "withdrew", date(2024, 3, 3))}


def test_ending_a_bilateral_accord_is_a_withdrawal(extract):
    reports = extract("Senegal ended its defence cooperation agreement with France on Thursday.")
    assert keys(reports) == {(("FRA", "SEN"), "withdrawal", "withdrew", date(2024, 2, 29))}


def test_the_two_countries_resolve_to_the_pair_in_context(extract):
    reports = extract("Japan and Australia held talks in Tokyo on Monday. "
                      "The two countries signed a reciprocal access agreement.")
    assert keys(reports) == {(("AUS", "JPN"), "military_cooperation", "signed", None)}


def test_the_agreement_carries_its_parties_and_kind_through_the_article(extract):
    text = ("Poland and France have signed a treaty of friendship. "
            "The treaty commits both sides to mutual defence. "
            "The agreement was signed in Nancy on Friday.")
    reports = extract(text, date(2025, 5, 10))
    assert keys(reports) == {(("FRA", "POL"), "mutual_defense", "signed", date(2025, 5, 9))}


def test_pacts_with_two_partners_are_two_bilateral_reports(extract):
    reports = extract("Japan signed a reciprocal access agreement with the Philippines on Monday. "
                      "Japan had concluded such pacts with Australia and Britain.", date(2024, 7, 8))
    assert keys(reports) == {
        (("JPN", "PHL"), "military_cooperation", "signed", date(2024, 7, 8)),
        (("AUS", "JPN"), "military_cooperation", "signed", None),
        (("GBR", "JPN"), "military_cooperation", "signed", None),
    }


def test_announcement_of_a_signed_agreement_is_not_a_second_step(extract):
    reports = extract("Russia and Vietnam announced a strategic partnership agreement. "
                      "The agreement was signed today.", date(2024, 6, 20))
    assert keys(reports) == {(("RUS", "VNM"), "strategic_partnership", "signed", date(2024, 6, 20))}


def test_no_commitment_in_unrelated_news(extract):
    assert extract("North Korea fired a ballistic missile into the sea on Wednesday, "
                   "Japan's defence ministry said.") == []
    assert extract("The talks ended on Monday without a deal on tariffs.") == []


def test_negated_step_is_not_reported(extract):
    assert extract("Hungary has not ratified Sweden's accession to NATO.") == []


def test_name_is_kept(extract):
    reports = extract("Pakistan and Saudi Arabia signed the Strategic Mutual Defence Agreement on Wednesday.",
                      date(2025, 9, 17))
    assert [r.name for r in reports] == ["Strategic Mutual Defence Agreement"]
    assert keys(reports) == {(("PAK", "SAU"), "mutual_defense", "signed", date(2025, 9, 17))}


@pytest.mark.parametrize("text, on, expected", [
    ("on Thursday", date(2023, 3, 31), date(2023, 3, 30)),
    ("on Friday", date(2023, 3, 31), date(2023, 3, 31)),
    ("On 8 May, the parliament voted", date(2025, 6, 5), date(2025, 5, 8)),
    ("on 20 December", date(2025, 1, 5), date(2024, 12, 20)),
    ("signed on 5 July 2022", None, date(2022, 7, 5)),
    ("on July 8, 2024", None, date(2024, 7, 8)),
    ("yesterday", date(2024, 1, 1), date(2023, 12, 31)),
    ("in April 2023", date(2024, 1, 1), None),
    ("on Monday", None, None),
])
def test_dates(text, on, expected):
    assert sentence_date(text, on) == expected


def test_an_explicit_date_wins_over_the_weekday():
    found = find_dates("on Wednesday, June 12, without", date(2024, 6, 13))
    assert sentence_date("on Wednesday, June 12, without", date(2024, 6, 13)) == date(2024, 6, 12)
    assert [m.explicit for m in found] == [False, True]


def test_lexicon_table_is_valid():
    lexicon = CommitmentLexicon.load()
    lifecycle = {t.value for t in lexicon.terms if t.type == "lifecycle"}
    assert lifecycle == set(EVENTS)
    words = [(t.type, t.value, t.words) for t in lexicon.terms]
    assert len(words) == len(set(words)), "duplicate lexicon rows"


# -- error classes found on the bundled examples (sentences written for these tests) --------------
def test_acting_and_mentioned_states_are_not_joining_parties(extract):
    text = ("Norway applied for membership of the alliance in May. Portugal's parliament became the last to "
            "ratify Norway's accession to NATO on Monday, days after a vote in Greece.")
    found = keys(extract(text))
    assert (("NATO", "NOR"), "accession", "ratified", date(2024, 3, 4)) in found
    assert (("NATO", "NOR"), "accession", "ratified", None) in found  # Greece's vote: a second ratification
    assert not any("PRT" in k[0] or "GRC" in k[0] for k in found)


def test_ratified_it_and_its_approval_refer_to_the_named_bid(extract):
    text = ("Norway joined NATO in 2023. Austria's bid was delayed by Poland, which ratified it in January, "
            "and by Italy, whose parliament gave its approval on February 26.")
    found = keys(extract(text))
    assert (("AUT", "NATO"), "accession", "ratified", date(2024, 2, 26)) in found
    assert (("AUT", "NATO"), "accession", "ratified", None) in found
    assert not any(k[2] == "proposed" for k in found)  # a delayed bid is no new application


def test_did_so_repeats_the_step_for_the_companion(extract):
    text = "Austria submitted its bid to join NATO in June 2022. It did so at the same time as Ireland."
    found = keys(extract(text))
    assert {(("AUT", "NATO"), "accession", "proposed", None), (("IRL", "NATO"), "accession", "proposed", None)} <= found


def test_companions_of_an_application(extract):
    found = keys(extract("Denmark applied to join the EU together with Ireland in 1967."))
    assert {(("DNK", "EU"), "accession", "proposed", None), (("EU", "IRL"), "accession", "proposed", None)} <= found


def test_delayed_ratification_is_no_step(extract):
    assert extract("Slovakia delayed the ratification of Moldova's accession to the EU for months.") == []


def test_vote_in_favour_ratifies_and_vote_against_does_not(extract):
    assert keys(extract("Dutch lawmakers voted 120 to 20 in favour of Ukraine's membership of the EU on Monday.")) == {
        (("EU", "UKR"), "accession", "ratified", date(2024, 3, 4))}
    assert extract("Dutch lawmakers voted against Ukraine's membership of the EU on Monday.") == []


def test_free_words_for_mutual_defence(extract):
    reports = extract("Chile and Peru signed a treaty on Monday that commits each country to assist the other "
                      "if it comes under attack.")
    assert keys(reports) == {(("CHL", "PER"), "mutual_defense", "signed", date(2024, 3, 4))}


def test_a_denied_obligation_is_no_kind(extract):
    text = ("Chile, Peru and Bolivia agreed on Monday to consult one another in a crisis. "
            "Officials stressed that the commitment was not a mutual defence obligation.")
    assert keys(extract(text)) == {(("BOL", "CHL", "PER"), "consultation", "signed", date(2024, 3, 4))}


def test_a_named_partnership_is_no_organisation_to_join(extract):
    reports = extract("The leaders of India, Japan and Australia announced a new security partnership on "
                      "Monday, named AUKUS.")
    assert keys(reports) == {(("AUS", "IND", "JPN"), "military_cooperation", "announced", date(2024, 3, 4))}


def test_a_name_belongs_to_the_agreement_reported(extract):
    reports = extract("Chile and Peru signed a defence treaty on Monday. The treaty obliges each side to help "
                      "the other if attacked, with reference to Article 51 of the UN Charter.")
    assert reports and all(r.name != "UN Charter" for r in reports)


def test_upgrade_to_a_partnership_is_concluded(extract):
    text = ("Brazil and Indonesia raised their relations to a comprehensive strategic partnership on Monday, "
            "a step up from the comprehensive partnership the two countries had agreed in 2013.")
    found = keys(extract(text))
    assert (("BRA", "IDN"), "strategic_partnership", "signed", date(2024, 3, 4)) in found
    assert not any(k[2] == "announced" for k in found)


def test_parties_named_announcement_without_a_pact_is_nothing(extract):
    assert extract("Chile and Peru held talks, during which the two governments announced that Peru would buy "
                   "four jets from a Chilean firm.") == []


def test_open_question_is_no_step(extract):
    assert extract("He did not say whether Serbia would formally leave the CSTO.") == []


def test_leaving_a_treaty_is_not_leaving_the_org_named_beside_it(extract):
    found = keys(extract("Belarus formally left the Treaty on Open Skies on Tuesday, and NATO allies responded "
                         "by announcing that they were suspending their own participation."))
    assert not any("NATO" in k[0] and "BLR" in k[0] for k in found)


def test_pronoun_subject_of_a_subordinate_clause(extract):
    found = keys(extract("Fiji signed a policing agreement with Australia this year, while India has sought to "
                         "expand its presence since it concluded a security pact with Mauritius in 2022."))
    assert (("AUS", "FJI"), "military_cooperation", "signed", None) in found
    assert (("IND", "MUS"), "military_cooperation", "signed", None) in found


def test_ending_a_defence_agreement_is_an_announced_withdrawal(extract):
    assert keys(extract("Gabon announced on Monday that it was ending its defence cooperation agreement with "
                        "France.")) == {(("FRA", "GAB"), "withdrawal", "announced", date(2024, 3, 4))}


def test_suspended_accession_talks_keep_kind_accession(extract):
    reports = extract("Serbia said on Monday it will suspend accession talks with the European Union.")
    assert [(r.parties, r.kinds, r.lifecycle_event) for r in reports] == [(("EU", "SRB"), ("accession",), "suspended")]


def test_written_list_of_leaving_states(extract):
    found = keys(extract("The governments of Chad, Niger and Sudan have announced their immediate withdrawal "
                         "from the African Union on Monday."))
    assert {k[0] for k in found} == {("AU", "TCD"), ("AU", "NER"), ("AU", "SDN")}
