"""Event coding on sentences written for these tests: constructions, negation, dates."""

from __future__ import annotations

from datetime import date

import pytest

from pactwatch.nlp.event_lexicon import EventLexicon
from pactwatch.nlp.events import code_events
from pactwatch.nlp.grammar.dates import find_dates, resolve_date

ON = date(2024, 6, 19)  # a Wednesday


@pytest.fixture(scope="module")
def nlp():
    from pactwatch.nlp.pipeline import load_spacy

    return load_spacy()


@pytest.fixture(scope="module")
def coder(nlp):
    from pactwatch.nlp.actor_tables import ActorTables
    from pactwatch.nlp.actors import find_mentions

    tables = ActorTables.load()
    lexicon = EventLexicon.load()

    def run(text: str, on: date | None = ON):
        doc = nlp(text)
        return code_events(doc, find_mentions(doc, tables, on), lexicon, on)

    return run


def triples(events):
    return {(e.source[:3], e.target[:3], e.cameo_code) for e in events}


def roots(events):
    return {(e.source[:3], e.target[:3], e.root_code) for e in events}


def test_compound_subject_signing_codes_one_joint_act(coder):
    events = coder("Brazil and Argentina signed a trade agreement in Brasilia on Monday.")
    # analysts code a joint signing once, first-named party first (tests/nlp/test_joint_acts.py)
    assert ("BRA", "ARG", "057") in triples(events) and ("ARG", "BRA", "057") not in triples(events)
    assert all(e.date == date(2024, 6, 17) for e in events)


def test_sign_with_object_prep(coder):
    assert ("FRA", "IND", "057") in triples(coder("France signed a defence pact with India."))


def test_negated_signing_is_not_coded(coder):
    assert not [e for e in coder("France did not sign the defence pact with India.") if e.root_code == "05"]


def test_conditional_attack_is_not_coded(coder):
    assert not [e for e in coder("If Iran attacks Israel, the region will burn.") if e.root_code == "19"]


def test_possible_attack_is_not_coded(coder):
    assert not [e for e in coder("Iran could attack Israel within days.") if e.root_code == "19"]


def test_question_is_not_coded(coder):
    assert coder("Will Egypt sign the treaty with Sudan?") == []


def test_passive_with_agent(coder):
    events = coder("Ukraine was attacked by Russia on Tuesday.")
    assert ("RUS", "UKR", "190") in triples(events)
    assert ("UKR", "RUS", "190") not in triples(events)


def test_intent_kept_apart_from_action(coder):
    events = coder("Japan and Australia agreed to help each other in a crisis.")
    # a mutual pledge is two pledges, one each way
    assert {("JPN", "AUS", "03"), ("AUS", "JPN", "03")} <= roots(events)
    assert not [e for e in events if e.root_code == "07"]


def test_reported_speech_codes_embedded_clause(coder):
    events = coder("The minister said Kenya and Ethiopia agreed to cooperate on border security.")
    assert ("KEN", "ETH", "03") in roots(events) and ("ETH", "KEN", "03") not in roots(events)


def test_future_meeting_is_intent_to_meet(coder):
    assert ("IND", "JPN", "036") in triples(coder("India will hold talks with Japan next month."))


def test_visit_and_host(coder):
    assert ("CHN", "BRA", "042") in triples(coder("China's foreign minister visited Brazil on Friday."))


def test_summon_envoy_is_criticism(coder):
    events = coder("Turkey summoned the Swedish ambassador on Monday.")
    assert ("TUR", "SWE", "11") in roots(events)


def test_accuse_and_condemn(coder):
    assert ("GBR", "IRN", "112") in triples(coder("Britain accused Iran of lying."))
    # an accusation of aggression has its own code
    assert ("GBR", "IRN", "1123") in triples(coder("Britain accused Iran of plotting attacks."))
    assert ("FRA", "SYR", "111") in triples(coder("France condemned Syria for the bombing."))


def test_sanctions_noun_takes_source_from_governing_verb(coder):
    assert ("CAN", "RUS", "163") in triples(coder("Canada imposed new sanctions on Russia."))


def test_missile_test_takes_reporting_state_as_target(coder):
    events = coder("North Korea fired a ballistic missile into the sea, Japan's defence ministry said.")
    assert ("PRK", "JPN", "150") in triples(events)


def test_dedup_within_sentence(coder):
    events = coder("Germany criticised and condemned Hungary.")
    keys = [(e.source, e.target, e.cameo_code) for e in events]
    assert len(keys) == len(set(keys))


def test_event_offsets_point_at_sentence(coder, nlp):
    text = "Nothing happened. Peru praised Chile on Monday."
    events = coder(text)
    assert events and all(text[e.start:e.end] == e.sentence for e in events)
    assert events[0].sentence.startswith("Peru")


@pytest.mark.parametrize("text,expected", [
    ("on Wednesday", date(2024, 6, 19)),
    ("on Monday", date(2024, 6, 17)),
    ("last Wednesday", date(2024, 6, 12)),
    ("yesterday", date(2024, 6, 18)),
    ("on 5 July", date(2023, 7, 5)),
    ("on June 3", date(2024, 6, 3)),
    ("July 8, 2024", date(2024, 7, 8)),
    ("last month", None),
    ("next Friday", date(2024, 6, 21)),
    ("this coming Monday", date(2024, 6, 24)),
    ("next Wednesday", date(2024, 6, 26)),  # the same weekday as publication: a week ahead
])
def test_relative_dates(text, expected):
    assert resolve_date(text, ON) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("The two ministers will sign the accord next Tuesday in Accra.", date(2024, 6, 25)),
    ("Talks on the draft resume this coming Saturday, officials said.", date(2024, 6, 22)),
    ("Ghana said on Monday that the pact would be ratified next Thursday.", date(2024, 6, 17)),
])
def test_weekday_ahead_in_a_sentence(sentence, expected):
    """A weekday after "next"/"coming" is the first such day after publication; a plain weekday is
    the latest on or before it, and an explicit-free sentence gives its first reference."""
    found = find_dates(sentence, ON)
    assert found[0].value == expected
    if "next Thursday" in sentence:
        assert found[1].value == date(2024, 6, 20)


@pytest.mark.parametrize("sentence,expected", [
    ("The envoys will meet again tomorrow in Geneva.", [date(2024, 6, 20)]),
    ("Rockets struck the port last night and again on 2024-06-17.", [date(2024, 6, 18), date(2024, 6, 17)]),
    ("They met on Monday and again this morning.", [date(2024, 6, 17), date(2024, 6, 19)]),
    ("Both sides may 12 times have tried; talks resumed on May 12.", [date(2024, 5, 12)]),
])
def test_one_reference_grammar_for_sentences_and_expressions(sentence, expected):
    """The sentence reading and the expression reading are one grammar: every reference a
    sentence holds is found in order, and each alone resolves to the same day."""
    found = find_dates(sentence, ON)
    assert [m.value for m in found] == expected
    assert [resolve_date(sentence[m.start:m.end], ON) for m in found] == expected


def test_weekday_without_publication_date_is_unknown():
    assert resolve_date("on Friday", None) is None


# ---- context actors, missing targets, intent and demands (sentences written for these tests) ----

def test_pronoun_subject_takes_previous_sentence_person(coder):
    events = coder("Russian President Vladimir Putin landed in Ulaanbaatar on Monday. "
                   "He is due to hold talks with Mongolian President Ukhnaagiin Khurelsukh.")
    assert ("RUS", "MNG", "036") in triples(events)


def test_the_north_is_north_korea_in_a_korea_story(coder):
    events = coder("South Korea said North Korea keeps testing weapons. The North fired a ballistic missile "
                   "into the sea on Friday, South Korea's military said.")
    assert any(e.source == "PRK" and e.root_code == "15" for e in events)


def test_one_actor_act_has_missing_target(coder):
    events = coder("Ugandan rebels surrendered to the army on Sunday.")
    assert any(e.source == "UGAREB" and e.target == "---" and e.root_code == "08" for e in events)


def test_meeting_without_counterpart_is_not_coded_targetless(coder):
    events = coder("The Japanese prime minister held talks on Monday.")
    assert not any(e.target == "---" for e in events)


def test_unnamed_role_holder_takes_country_of_place(coder):
    events = coder("Demonstrators in Nairobi blocked the main road on Tuesday.")
    assert ("KEN", "---", "144") in triples(events)


def test_visited_capital_stands_for_its_country(coder):
    events = coder("Indian Prime Minister Narendra Modi arrived in Moscow on Monday.")
    assert ("IND", "RUS", "042") in triples(events)


def test_reported_must_is_a_demand(coder):
    events = coder("France said on Monday that Iran must release the detained journalists.")
    assert ("FRA", "IRN", "1053") in triples(events)


def test_willing_to_withdraw_is_intent_to_yield(coder):
    events = coder("Syria says it is willing to withdraw its troops from Lebanon.")
    assert events and events[0].source == "SYR" and events[0].root_code == "03"


def test_agentless_arrest_takes_country_of_place(coder):
    events = coder("A British journalist was arrested in Iran on Friday.")
    assert ("IRN", "GBR", "173") in triples(events)


def test_bombing_a_place_targets_its_country(coder):
    events = coder("Russia bombed a children's hospital in Kyiv on Monday.")
    assert ("RUS", "UKR", "195") in triples(events)


def test_main_clause_event_comes_first(coder):
    events = coder("Japan said on Tuesday it had halted economic aid to Serbia after troops attacked Croatia.")
    assert events and events[0].root_code == "16"


def test_purpose_clause_under_uncoded_verb_is_coded(coder):
    events = coder("The United Nations sent a team to Bosnia to investigate the killings.")
    assert any(e.source == "UNO" and e.root_code == "09" for e in events)


def test_noun_modifying_a_noun_is_not_an_event(coder):
    events = coder("Britain deployed riot police outside the Iranian embassy.")
    assert not any(e.root_code == "14" for e in events)


def test_future_attack_is_a_threat(coder):
    events = coder("Israel will strike Iran if it attacks again, the defence minister said.")
    assert not any(e.root_code == "19" for e in events)


def test_mood_adjective_is_a_pessimistic_or_optimistic_comment(coder):
    assert ("DEU", "FRA", "012") in triples(coder("The German chancellor said she was sceptical about France's plan."))
    assert ("JPN", "CHN", "013") in triples(coder("Japan is confident that China will reopen the border."))


def test_plain_copula_is_not_a_statement(coder):
    assert not [e for e in coder("Japan is a large country near China.") if e.root_code == "01"]


def test_titled_stranger_takes_the_one_country_of_the_sentence(coder):
    events = coder("President Ndaye Kwamoro resigned on Tuesday to allow Gabon's first free elections.")
    assert [e.source[:3] for e in events][:1] == ["GAB"]


def test_titled_stranger_is_not_the_country_acted_on(coder):
    # The only country is the object of the verb: it is the other party, not the actor's state.
    events = coder("President Ndaye Kwamoro criticised Gabon on Tuesday.")
    assert not [e for e in events if e.source[:3] == "GAB"]


def test_counted_group_acts_through_its_of_phrase(coder):
    events = coder("Thousands of students in Chile staged a demonstration against the government.")
    assert any(e.source[:3] == "CHL" and e.root_code == "14" for e in events)


def test_killing_by_militia_is_assault_not_fight(coder):
    assert ("SOM", "KEN", "180") in triples(coder("Somali militants killed three Kenyan soldiers near the border."))
    assert ("RUS", "UKR", "190") in triples(coder("Russian troops killed three Ukrainian soldiers near the border."))


def test_artillery_fired_at_a_target_is_fighting(coder):
    assert ("ISR", "PSE", "194") in triples(coder("Israeli tanks fired shells at Palestinian positions on Monday."))


def test_announced_curfew_is_a_threat_but_announced_exit_is_the_act(coder):
    assert any(e.cameo_code == "1323" for e in coder("Kenya will impose a curfew in Mombasa."))
    assert not [e for e in coder("Armenia will leave the alliance led by Russia, its premier said.")
                if e.root_code == "13"]


def test_building_up_forces_is_force_posture(coder):
    assert any(e.source[:3] == "IND" and e.cameo_code == "154"
               for e in coder("India has strengthened its forces along the border with China."))


def test_ethnic_cleansing_noun(coder):
    assert any(e.source[:3] == "SRB" and e.cameo_code == "203"
               for e in coder("Serbian forces carried out ethnic cleansing against Albanians in Kosovo."))


# -- undated text, groups and collective pronouns (third quality round) -------------------------------


def test_undated_surname_of_a_past_leader_is_the_state(coder):
    # no article date: a surname nobody in office now answers to names the past holder
    events = coder("President Mitterrand condemned the bombing of the embassy.", on=None)
    assert events and events[0].source == "FRAGOV"
    events = coder("Museveni banned opposition rallies in Kampala.", on=None)
    assert events and events[0].source.startswith("UGA")


def test_dated_surname_needs_the_office_on_that_day(coder):
    # in 2024 a bare "Mitterrand" is no longer France's president: no state actor from it
    events = coder("Mitterrand condemned the bombing of the embassy.", on=ON)
    assert not any(e.source.startswith("FRA") for e in events)


def test_ethnic_and_religious_groups_act(coder):
    events = coder("Igbo community leaders demanded more seats in the cabinet.", on=None)
    assert events and events[0].source == "NGAIBO" and events[0].root_code == "10"
    events = coder("Buddhist monks demonstrated in Colombo against the new law.", on=None)
    assert events and events[0].source == "LKABUD" and events[0].root_code == "14"
    events = coder("Christian activists defaced hundreds of government web sites.", on=None)
    assert events and events[0].source == "CHR"


def test_a_named_body_is_not_the_religious_group(coder):
    events = coder("The Muslim Brotherhood demanded early elections.", on=None)
    assert not any(e.source == "MOS" for e in events)


def test_they_and_their_forces_take_the_collective_named_before(coder):
    events = coder("Chadian rebels said they would free the captured soldiers next week.")
    assert events and events[0].source.startswith("TCD")
    events = coder("Serbia said on Monday that their forces had withdrawn from the border villages.")
    assert events and events[0].source == "SRBMIL"


def test_they_is_not_resolved_to_a_person(coder):
    events = coder("Putin met the visitors, and they promised to send more aid.")
    assert not any(e.source.startswith("RUS") and e.cameo_code.startswith("03") for e in events)


def test_demands_through_conclusions_and_reminders(coder):
    events = coder("The French government concluded that Iran must halt enrichment.")
    assert ("FRA", "IRN") in {(e.source[:3], e.target[:3]) for e in events if e.root_code == "10"}
    events = coder("The Egyptian government issued a stern reminder on Monday that Libya must stop arming the militias.")
    assert ("EGY", "LBY") in {(e.source[:3], e.target[:3]) for e in events if e.root_code == "10"}
    # an order to a domestic body stays no demand on a state: no speaker noun, no event
    events = coder("The reminder arrived late, and Libya must now decide.")
    assert not any(e.root_code == "10" for e in events)


def test_expelling_embassy_staff_reduces_relations(coder):
    events = coder("Poland said on Friday it was expelling 12 employees of the Belarusian embassy in Warsaw.")
    assert ("POL", "BLR", "16") in roots(events)
    events = coder("On Monday Belarus ordered 10 Polish embassy staff to leave the country.")
    assert ("BLR", "POL", "16") in roots(events)
    # an order to one's own troops is no expulsion
    assert not any(e.root_code == "16" for e in coder("Belarus ordered its troops to leave the border."))


def test_freezing_participation_and_voting_for_membership(coder):
    assert ("SRB", "CST", "16") in roots(coder("Serbia has frozen its participation in the Collective Security Treaty Organization."))
    events = coder("Greek lawmakers voted 200 to 50 in favour of Macedonia's membership of NATO.")
    assert ("GRC", "MKD", "05") in roots(events)
    assert not any(e.root_code == "05" for e in coder("Greek lawmakers voted against the budget."))


def test_criticism_of_a_reported_act_targets_its_author_not_a_resolution(coder):
    events = coder("North Korea fired a missile on Monday. Canada, Britain and France condemned the launch "
                   "as a clear violation of UN Security Council resolutions.")
    assert {("CAN", "PRK", "11"), ("FRA", "PRK", "11")} <= roots(events)
    assert not any(e.target == "UNO" for e in events)
    events = coder("In a statement, the North Atlantic Council said allies condemned Russia's decision.")
    assert ("NAT", "RUS", "11") in roots(events)


def test_ratification_written_as_a_noun_codes_like_ratify(coder):
    events = coder("Egypt and Israel exchanged the ratification documents at a ceremony in Cairo.")
    assert ("EGY", "ISR", "05") in roots(events) and ("ISR", "EGY", "05") not in roots(events)  # one joint act
    events = coder("President Macron signed the ratification law for the treaty with Germany on Monday.")
    assert any(e.source.startswith("FRA") and e.root_code == "05" for e in events)
    # a domestic law that ratifies nothing stays uncoded, and exchanging fire is no ratification
    assert not any(e.root_code == "05" for e in coder("President Macron signed the pension law on Monday."))
    assert not any(e.root_code == "05" for e in coder("India and Pakistan exchanged fire across the border."))


def test_calling_an_act_a_provocation_is_disapproval(coder):
    assert ("IND", "PAK", "11") in roots(coder("The Indian foreign minister called the Pakistani strikes a provocation."))
    assert ("CHN", "USA", "11") in roots(coder("China called the American sanctions illegal and said it would respond."))
    # neutral characterisation and "call on" keep their own codes
    assert not any(e.root_code == "11" for e in coder("France called the talks with Italy useful."))
    assert ("DEU", "RUS", "02") in roots(coder("Germany called on Russia to withdraw."))
    # "what they called illegal sanctions" only hedges the writer's wording: no characterisation event
    events = coder("Iran condemned what it called illegal sanctions imposed by the United States.")
    assert not any(e.matched.startswith("verb:call") for e in events)


def test_announcing_a_security_partnership_is_military_cooperation(coder):
    events = coder("India and Japan announced a defence partnership on Monday.")
    assert ("IND", "JPN", "0312") in triples(events) and ("JPN", "IND", "0312") not in triples(events)  # one joint act
    assert ("FRA", "GRC", "0312") in triples(coder("France announced a security partnership with Greece."))
    # a partnership that is not about security is no military cooperation
    assert not any(e.cameo_code == "0312" for e in coder("Brazil announced an economic partnership with Chile."))


def test_the_two_sides_are_the_pair_the_sentence_names(coder):
    events = coder("The border accord between Egypt and Israel took effect on Monday, when the two sides "
                   "exchanged instruments of ratification in Cairo.")
    assert ("EGY", "ISR", "05") in roots(events) and ("ISR", "EGY", "05") not in roots(events)  # one joint act
    # with no "between X and Y" pair in the sentence, "the two sides" stays unresolved
    assert not any(e.root_code == "05" for e in coder("The two sides exchanged instruments of ratification in Cairo."))


def test_agreeing_to_a_ceasefire_is_an_intent_not_a_truce(coder):
    events = coder("Armenia and Azerbaijan agreed to a ceasefire on Monday after three days of shelling.")
    assert ("ARM", "AZE", "0356") in triples(events) and ("AZE", "ARM", "0356") not in triples(events)  # one joint act
    assert not any(e.cameo_code == "0871" for e in events)
    # declaring one is the act itself
    assert ("ARM", "---", "0871") in triples(coder("Armenia declared a unilateral ceasefire on Monday."))


def test_a_verb_that_undoes_its_object_noun_codes_alone(coder):
    events = coder("Ecuador lifted the curfew in Guayaquil on Tuesday.")
    assert ("ECU", "---", "0813") in triples(events)
    assert not any(e.root_code == "17" for e in events)  # the curfew is lifted, not imposed


def test_a_place_in_a_where_clause_is_not_the_agent(coder):
    events = coder("Peru lifted the curfew in Bolivia, where 12 people were killed in riots last month.")
    assert not any(e.source == "BOL" for e in events)


def test_former_names_of_actors(coder):
    assert ("SRB", "ALB", "114") in triples(coder("Yugoslavia lodged an official protest with Albania on Monday."))
    # money given is economic aid (071); the aid noun's own words say which aid (tests/nlp/test_event_nouns.py)
    assert ("EU", "POL", "071") in triples(coder("The European Community gave Poland 40 million dollars of aid."))


def test_new_lexicon_senses(coder):
    assert ("ARG", "---", "194") in triples(coder("Argentine forces launched artillery and mortar fire on Monday."))
    assert ("KEN", "---", "142") in triples(coder("Kenya's leading rights activist staged a hunger strike on Monday."))
    assert ("BRA", "---", "140") in triples(coder("Brazilian teachers staged protests in Brasilia on Friday."))
    assert ("EGY", "UNH", "166") in triples(coder("Cairo forced the UN refugee agency, UNHCR, out of the country."))
    assert ("NOR", "LBN", "074") in triples(coder("Norway contributed 300 troops to the peacekeeping force in Lebanon."))
    assert ("GBR", "---", "124") in triples(coder("Britain said it would not meet the kidnappers' demands."))
    assert ("CHL", "---", "1721") in triples(coder("Chilean police prevented a demonstration in Santiago."))


def test_announced_act_is_coded_not_the_announcing(coder):
    events = coder("Canada announced on Monday it would withhold all aid to Haiti.")
    assert ("CAN", "HTI", "162") in triples(events)
    assert not any(e.root_code == "07" for e in events)


def test_bare_security_council_is_the_un(coder):
    assert ("UNO", "---", "030") in triples(coder("The Security Council agreed to a six-month extension of the mission."))


def test_descriptive_noun_modifier_is_not_an_actor(coder):
    events = coder("EU-member Ireland pledged aid to Sudan on Monday.")
    assert ("IRL", "SDN", "033") in triples(events)
    assert not any(e.source == "EU" for e in events)
    # a direct pair of countries as modifiers stays a pair
    events = coder("Today, with the signing of the Japan-India defence treaty, both nations are safer.")
    assert ("JPN", "IND", "057") in triples(events) and ("IND", "JPN", "057") not in triples(events)  # one joint act


def test_ethnic_group_placed_in_another_country_acts_as_that_country(coder):
    assert ("GEO", "---", "141") in roots_codes(coder("Ethnic Armenians in southern Georgia demonstrated on Tuesday."))
    assert ("MKD", "---", "141") in roots_codes(coder("Up to 200 ethnic Albanians demonstrated in Macedonia on Tuesday."))
    # without "ethnic" a demonym is the country itself
    assert ("ARM", "---", "141") in roots_codes(coder("Armenians demonstrated in Yerevan on Tuesday."))


def test_statement_noun_subject_is_the_issuer(coder):
    events = coder("The Iraqi foreign ministry issued a statement demanding that Turkey withdraw its troops.")
    assert ("IRQ", "TUR", "10") in roots(events)


def roots_codes(events):
    return {(e.source[:3], e.target[:3], e.cameo_code) for e in events}


def test_more_lexicon_senses(coder):
    # not renewing sanctions eases them
    assert ("EU", "VEN", "085") in triples(coder("The European Union failed on Monday to renew sanctions against Venezuela."))
    assert ("EU", "VEN", "163") in triples(coder("The European Union renewed sanctions against Venezuela on Monday."))
    # a mission of observers received is international involvement, a minister received is a visit
    assert ("GEO", "OSC", "086") in roots_codes(coder("Georgia received a mission of observers from the OSCE."))
    assert ("GEO", "ARM", "043") in roots_codes(coder("Georgia's president received Armenia's foreign minister on Monday."))
    # ordering a newspaper to stop printing restricts press freedom
    assert ("BLR", "---", "1721") in roots_codes(
        coder("Belarus's government ordered the opposition newspaper to suspend publication."))
    # a withdrawal from a town is a military retreat, from a treaty a cut in relations
    assert ("ARM", "---", "0874") in roots_codes(coder("Armenian forces completed their withdrawal from the town."))


def test_talks_put_on_hold_halt_negotiations_with_the_other_party(coder):
    events = coder("Serbia's foreign minister met EU officials in Belgrade on Monday.\n\n"
                   "As a result, Brussels has put accession talks on hold.")
    assert ("EU", "SRB", "164") in roots_codes(events)
    assert not any(e.root_code == "04" and "hold" in e.sentence for e in events)


def test_former_soviet_union_is_russia(coder):
    assert ("USA", "RUS", "04") in roots(coder("U.S. and Soviet negotiators return to Geneva this week for talks on missiles."))


def test_future_act_unless_the_other_side_complies_is_an_ultimatum(coder):
    events = coder("Kenya said it will withdraw its troops from Somalia unless Mogadishu pays their salaries.")
    assert ("KEN", "SOM", "139") in roots_codes(events)
    # without the condition it stays the announced act
    assert not any(e.cameo_code == "139" for e in coder("Kenya said it will withdraw its troops from Somalia."))


def test_named_parties_and_courts_act_for_the_country_the_sentence_names(coder):
    events = coder("The opposition Freedom party said it will boycott Zambia's elections unless the president resigns.")
    assert ("ZMB", "---", "139") in roots_codes(events)
    assert any(e.source == "ZMBPTY" for e in events)
    assert ("ISR", "---", "090") in roots_codes(coder("Israel's high court opened a hearing into the case on Monday."))


def test_bare_role_placed_by_its_own_phrase(coder):
    events = coder("Protesters in Tbilisi blocked a highway to show their anger at Russia's policies.")
    assert ("GEO", "---", "144") in roots_codes(events) or ("GEO", "RUS", "144") in roots_codes(events)
    assert not any(e.source.startswith("RUS") for e in events)


def test_stative_participle_subject_is_the_actor(coder):
    assert ("TUR", "NOR", "126") in roots_codes(coder("Turkey is opposed to Norwegian mediation in the dispute."))
    assert ("MNG", "---", "034") in roots_codes(coder("Mongolia is committed to opening up its economy, its president said."))


def test_mediation_effort_is_mediation(coder):
    events = coder("Qatar's emir launched a mediation effort on Saturday between Sudan and Chad.")
    assert ("QAT", "SDN", "045") in roots_codes(events)


def test_allowing_and_denying(coder):
    assert ("CIV", "---", "0812") in roots_codes(
        coder("The Ivory Coast's Supreme Court allowed the opposition candidate to run in the election."))
    assert ("PAK", "---", "0811") in roots_codes(coder("Pakistan's interior minister allowed the opposition to hold a rally."))
    assert ("TUR", "---", "120") in roots_codes(coder("Ankara denied permission for the march on Sunday."))
    assert ("ZMB", "---", "120") in roots_codes(coder("Zambia's president reneged on his commitment to a new constitution."))


def test_vowing_not_to_act_is_no_promise(coder):
    assert not any(e.root_code == "03" for e in coder("Israel vowed not to return the land to Syria."))


def test_party_and_movement_names(coder):
    assert ("PSE", "---", "140") in roots_codes(coder("Activists from the Fatah party staged rallies in Ramallah."))
    events = code_on(coder, "UNITA refused to allow United Nations planes to land.", date(1998, 1, 5))
    assert any(e.source == "AGOREB" and e.root_code == "12" for e in events)


def code_on(coder, text, on):
    return coder(text, on)


def test_troops_arriving_is_a_deployment_not_a_visit(coder):
    assert not any(e.root_code == "04" for e in coder("US troops arrived in Poland on Monday."))
    assert ("UNO", "LBN", "074") in roots_codes(coder("The first UN peacekeeping troops arrived in Lebanon on Monday."))
    assert ("CHN", "RUS", "042") in roots_codes(coder("The Chinese foreign minister arrived in Moscow on Monday."))


def test_verbless_sentence_noun_is_the_actor_of_its_misparsed_verb(coder):
    events = coder('An official Iranian newspaper called Friday on Muslims to unite and "mobilize" against Israel.')
    assert ("IRN", "ISR", "113") in roots_codes(events)


def test_refusing_to_end_a_strike(coder):
    events = coder("Greek dockers will not end their strike unless their demands are met by Athens, a union leader said.")
    assert any(e.cameo_code == "1242" and e.source.startswith("GRC") for e in events)


def test_verbless_parse_subject_through_a_modifier(coder):
    events = coder("Doctors from two Canadian aid groups donated and delivered medicine worth $40,000 to a Haitian clinic.")
    assert any(e.source == "CAN" and e.root_code == "07" for e in events)


def test_embassy_opened_in_a_capital_names_the_host(coder):
    events = coder("Chile has established diplomatic ties with and opened an embassy in Hanoi.")
    assert ("CHL", "VNM", "05") in roots(events)
    # an embassy that is only where something happened names no host
    events = coder("Protesters attacked the Iranian Embassy in London on Sunday, Iran said.")
    assert not any(e.root_code == "05" for e in events)


def test_refusal_to_accept_is_no_acceptance(coder):
    events = coder("Serbia's refusal to accept the independence of Kosovo angered Pristina.")
    assert not any(e.root_code == "03" for e in events)


def test_it_in_a_clause_addressed_to_a_state_is_that_state(coder):
    events = coder("The Japanese prime minister issued a stern reminder on Monday to North Korea that it must "
                   "cooperate fully with UN inspectors.")
    assert ("JPN", "PRK", "10") in roots(events)


def test_homeless_group_takes_the_one_country_its_sentence_names(coder):
    events = coder("Islamic fundamentalists began a hunger strike to demand the resignation of Tunisia's president.")
    assert any(e.source == "TUNMOS" and e.cameo_code == "142" for e in events)


def test_reporters_are_not_the_actors_of_a_reported_passive(coder):
    events = coder("Poland, Latvia and Nordic governments say Belarusian troops have been sent to Serbia's border.")
    sources = {e.source[:3] for e in events}
    assert not sources & {"POL", "LVA"}
    assert ("BLR", "SRB", "072") in triples(events)


def test_reporter_still_speaks_for_a_subjectless_clause(coder):
    events = coder("The sanctions imposed on Iran today are only the start, the European Union said.")
    assert ("EU", "IRN", "163") in triples(events) or ("EU", "IRN", "16") in roots(events)


def test_untargeted_act_in_a_background_clause_is_not_coded(coder):
    events = coder("Chile joined the bloc in 2019, two years after Peru had suspended its own participation.")
    assert not [e for e in events if e.source[:3] == "PER" and e.target == "---"]
    events = coder("Peru suspended its participation in the talks on Monday.")
    assert [e for e in events if e.source[:3] == "PER" and e.root_code == "16"]


def test_dateline_agency_is_not_the_subject(coder):
    events = coder("TOKYO, May 2 (Kyodo) -- China fired a ballistic missile into the sea near Taiwan on Tuesday.")
    assert events and all(e.source[:3] == "CHN" for e in events if e.root_code == "15")


def test_object_of_a_control_verb_does_the_infinitive(coder):
    events = coder("Rising Russian pressure prompted Moldova to propose a defence pact.")
    assert {e.source[:3] for e in events if e.root_code == "03"} == {"MDA"}


def test_reported_clause_about_third_persons_is_not_the_reporters_act(coder):
    events = coder("Estonia's prime minister told parliament that the two suspects had cooperated with Iran for years.")
    assert not [e for e in events if e.source[:3] == "EST"]
    events = coder("In a statement, the Arab League said members condemned Israel's decision.")
    assert [e for e in events if e.source[:3] not in ("ISR", "---") and e.root_code == "11"]


def test_one_act_named_at_two_grains_is_one_event(coder):
    events = coder("Chilean President Gabriel Boric met his Argentine counterpart Javier Milei in Santiago.")
    chl_arg = [(e.source, e.target) for e in events if e.cameo_code == "040"
               and e.source[:3] == "CHL" and e.target[:3] == "ARG"]
    assert len(chl_arg) == 1


def test_praise_of_relations_between_their_countries_is_mutual(coder):
    events = coder("French President Emmanuel Macron and German Chancellor Olaf Scholz praised a close "
                   "relationship between their two countries.")
    assert ("FRA", "DEU", "05") in roots(events) and ("DEU", "FRA", "05") not in roots(events)  # one joint act


def test_countries_listed_alongside_are_not_parties(coder):
    events = coder("The move puts Lima in the top tier of Chile's diplomatic ties alongside Brazil, Mexico and Canada.")
    assert not [e for e in events if {e.source[:3], e.target[:3]} & {"BRA", "MEX", "CAN"}]


def test_welcomed_accession_targets_the_state_the_article_says_joined(coder):
    events = coder("Montenegro became a member of NATO on Monday. Albania's bid had taken longer. "
                   "Montenegro's application was filed in 2015. Albania joined in 2009. "
                   "The Serbian president welcomed the accession.")
    assert ("SRB", "MNE", "05") in roots(events)
    assert not any(e.source.startswith("SRB") and e.target in ("NATO", "ALB") for e in events)


def test_criticised_enlargement_targets_the_bloc_joined(coder):
    events = coder("Montenegro formally joined NATO on Monday. "
                   "A Kremlin spokesman called the enlargement a provocation aimed at Russia's security.")
    assert ("RUS", "NAT", "11") in roots(events)


def test_accession_with_its_own_actor_is_not_redirected(coder):
    events = coder("Montenegro joined NATO on Monday. The Serbian president welcomed the accession of Albania.")
    assert ("SRB", "ALB", "05") in roots(events)
    assert not any(e.source.startswith("SRB") and e.target == "MNE" for e in events)


def test_opposing_cooperation_between_the_two_countries_targets_the_pair_named_before(coder):
    events = coder("Iran and Venezuela have expanded arms sales this year. "
                   "Colombia strongly opposed any military cooperation between the two countries.")
    assert {("COL", "IRN", "11"), ("COL", "VEN", "11")} <= roots(events)
    assert not any(e.source.startswith(("IRN", "VEN")) for e in events)  # not a mutual act


def test_it_after_a_ministry_statement_is_that_ministry(coder):
    events = coder("The Kenyan foreign ministry said on Monday that the border talks had stalled. "
                   "It accused Somalia of violating the maritime boundary.")
    assert ("KEN", "SOM", "11") in roots(events)


def test_it_is_not_a_body_when_another_actor_is_subject_in_between(coder):
    events = coder("The Kenyan foreign ministry said on Monday that the border talks had stalled. "
                   "Ethiopia has long wanted a port, and it accused Somalia of bad faith.")
    assert not any(e.source.startswith("KEN") and e.target.startswith("SOM") for e in events)


def test_the_statement_is_its_issuers(coder):
    events = coder("The Kenyan foreign ministry said in a statement on Monday that the border talks had stalled. "
                   "The statement accused Somalia of violating the maritime boundary.")
    assert ("KEN", "SOM", "11") in roots(events)


def test_a_statement_issued_jointly_has_no_single_author(coder):
    events = coder("Kenya and Uganda said in a joint statement on Monday that the border talks had stalled. "
                   "The statement accused Somalia of violating the maritime boundary.")
    assert not any(e.target.startswith("SOM") and e.source[:3] in ("KEN", "UGA") for e in events)


def test_leaving_a_country_at_the_end_of_a_visit_is_a_visit_to_it(coder):
    events = coder("Kenya said on Tuesday that it would deepen trade ties with Japan. The announcement came "
                   "after the Japanese foreign minister left the country at the end of a three-day visit.")
    assert ("JPN", "KEN", "042") in triples(events)
    events = coder("The Japanese foreign minister left Kenya on Friday after a short official visit.")
    assert ("JPN", "KEN", "042") in triples(events)


def test_leaving_for_a_visit_is_not_a_visit_to_the_place_left(coder):
    events = coder("The Japanese foreign minister left Kenya on Friday for an official visit.")
    assert not any(e.source.startswith("JPN") and e.target.startswith("KEN") and e.root_code == "04"
                   for e in events)
    events = coder("Kenya and Ethiopia held talks on Tuesday. The Japanese foreign minister left the country "
                   "at the end of a short visit.")  # two candidate countries: no guess
    assert not any(e.source.startswith("JPN") and e.root_code == "04" for e in events)


def test_later_test_fire_without_target_keeps_the_earlier_audience(coder):
    events = coder("Iran fired a medium-range missile on Tuesday, the Saudi military said. "
                   "Iran last fired three cruise missiles in March.")
    fired = [e for e in events if e.source.startswith("IRN") and e.cameo_code == "150"]
    assert len(fired) == 2 and all(e.target.startswith("SAU") for e in fired)


def test_test_fire_without_earlier_audience_stays_untargeted(coder):
    events = coder("Iran last fired three cruise missiles in March.")
    assert ("IRN", "---", "150") in triples(events)


def test_whose_body_is_the_country_the_clause_hangs_on(coder):
    events = coder("Norway's application was held up by Austria, whose parliament ratified Norway's accession "
                   "on Friday.")
    assert ("AUT", "NOR", "05") in roots(events)


def test_reported_copula_characterising_an_act_is_disapproval(coder):
    events = coder("The Kenyan president said Ethiopian troops crossing into Somalia was a reckless escalation.")
    assert ("KEN", "ETH", "111") in triples(events)
    assert not any(e.target.startswith("SOM") for e in events)  # the place the act concerns is not its author


def test_reported_copula_negated_or_about_talks_is_not_disapproval(coder):
    assert not coder("The Kenyan president said Ethiopia's decision was not a provocation.")
    events = coder("The Kenyan president said the talks with Ethiopia were a mistake.")
    assert not any(e.cameo_code == "111" for e in events)


def test_a_rebuke_drawn_from_another_state_runs_from_it_to_the_acts_owner(coder):
    events = coder("Ethiopia's decision drew a sharp rebuke from Kenya.")
    assert ("KEN", "ETH", "111") in triples(events)
    assert not any(e.source.startswith("ETH") for e in events)
    assert not coder("Ethiopia's decision drew sharp criticism on Monday.")  # who criticised is not said
