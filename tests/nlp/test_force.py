"""No act of force (CAMEO 18-20) where the sentence reports none: a force noun whose only actor is
the subject of a verb that does not carry it out, force as the purpose of something wanted, and a
clash between persons (a quarrel: 111). Sentences invented here."""

from __future__ import annotations

from datetime import date

import pytest

ON = date(2025, 3, 4)
FORCE = ("18", "19", "20")


@pytest.fixture
def coder(code_text):
    """The folder's shared coder (conftest ``code_text``), dated against ``ON``."""
    return lambda text: code_text(text, ON)


@pytest.mark.parametrize("text", [
    # a force noun with no performer: the pact's condition, a protest's occasion, a quoted principle
    "Saudi Arabia and Pakistan signed a defence pact committing them to treat an attack on one as an attack on both.",
    "The Foreign Ministry summoned the British envoy over the attack on its embassy in London.",
    '"Any attack on Estonia is an attack on all of us," the Latvian president said.',
    # force as the purpose or content of something wanted
    "Ukraine asked Germany for long-range missiles in order to hit targets inside Russia.",
    "Kenya asked for drones to strike al-Shabaab camps in Somalia.",
    "Armenia seeks rockets to shell Azerbaijani positions.",
])
def test_no_act_of_force(coder, text):
    assert [e for e in coder(text) if e.root_code in FORCE] == []


@pytest.mark.parametrize("text", [
    "Trump clashed with Zelenskyy in the Oval Office.",
    "Macron clashed with Meloni over migration at the summit.",
    "Putin clashed with Erdogan over Syria during the call.",
])
def test_a_clash_between_persons_is_a_quarrel(coder, text):
    events = coder(text)
    assert [e.cameo_code for e in events] == ["111"]


@pytest.mark.parametrize("text, source, target, root", [
    ("Russia launched missile strikes on Kyiv overnight.", "RUS", "UKR", "19"),  # performing verb + noun
    ("Israel carried out air strikes against Hezbollah.", "ISR", "LBN", "19"),  # phrasal performing verb
    ("Indian and Chinese troops clashed in the Galwan valley.", "IND", "CHN", "19"),  # soldiers clash
    ("Gunmen attacked the Nigerian embassy in Niamey.", "NER", "NGA", "18"),  # a verb of force, done
])
def test_force_that_was_used_is_still_coded(coder, text, source, target, root):
    assert (source, target, root) in {(e.source[:3], e.target[:3], e.root_code) for e in coder(text)}


@pytest.mark.parametrize("text, pair", [
    # the noun's own participle, its object naming the place
    ("Turkey carried out airstrikes targeting Kurdish militia positions in Syria.", ("TUR", "SYR")),
    # the participle of the verb the force noun is the object of, a time phrase between them
    ("Pakistan launched strikes before dawn on Tuesday targeting militant hideouts in Afghanistan.", ("PAK", "AFG")),
    # 'aimed at', inside a quotation
    ('"We conducted raids aimed at smuggling bases in Libya," the Egyptian army said.', ("EGY", "LBY")),
    # a hedge as the participle's object
    ("India launched strikes on Wednesday targeting what it called terrorist camps in Pakistan.",
     ("IND", "PAK")),
    # a force verb's participle
    ("Russian forces shelled the region overnight, targeting power plants in Ukraine.", ("RUS", "UKR")),
])
def test_an_aiming_participle_names_the_target_of_force(coder, text, pair):
    events = {(e.source[:3], e.target[:3]) for e in coder(text) if e.cameo_code[:2] in FORCE}
    assert pair in events, events


def test_an_aiming_participle_of_no_act_of_force_codes_none(coder):
    assert not [e for e in coder("Nigeria launched a campaign targeting corruption in Benin.")
                if e.cameo_code[:2] in FORCE]
