"""The page asked as an analyst would: "who is bound to defend Poland / Taiwan / North Korea on
1 July 2024", with the country picked by typing its name, in a real headless Chromium.

The answers come from the shipped baseline treaty table and the seed article (the Russia–North
Korea treaty, signed on 19 June 2024 and in force from 4 December 2024)."""

from __future__ import annotations

import json
import urllib.request

import pytest

from tests.browser.conftest import SCREENSHOTS

pytestmark = pytest.mark.browser

DAY = "2024-07-01"


def ask(page, typed: str, option: str, code: str) -> None:
    """Type part of a name, pick the suggestion, wait for the answer on DAY."""
    page.fill("#defend-x", "")
    page.type("#defend-x", typed)
    suggestion = page.locator(f'.picker-options li[data-code="{code}"]')
    suggestion.wait_for()
    assert suggestion.inner_text().startswith(option)
    page.keyboard.press("ArrowDown") if page.locator(".picker-options li.active").get_attribute("data-code") != code else None
    page.keyboard.press("Enter")
    page.wait_for_selector(f'#defend[data-state=ready][data-focus="{code}"][data-on="{DAY}"]')
    assert page.input_value("#defend-x") == option


def chips(page, category: str) -> set[str]:
    return set(page.locator(f'#defend-answer [data-category="{category}"] [data-state-code]').evaluate_all(
        "nodes => nodes.map(n => n.dataset.stateCode)"))


def in_force_allies(server: dict, code: str, day: str) -> set[str]:
    """What the API answers: the page must show exactly these as defenders."""
    with urllib.request.urlopen(f"{server['base']}/api/allies/{code}?on={day}", timeout=30) as response:
        return {row["ally"]["code"] for row in json.load(response)["items"]}


def map_category(page, code: str) -> str:
    return page.locator(f'#defend-map path.country[data-code="{code}"]').first.get_attribute("data-category")


def test_who_defends_poland_taiwan_and_north_korea(server: dict, page) -> None:
    page.goto(server["base"] + "/#/defend")
    page.fill("#defend-date", DAY)
    page.wait_for_selector("#defend[data-state=empty]")

    # Poland: its NATO allies (and its EU partners), each under its treaty, with the reference
    ask(page, "pola", "Poland", "POL")
    title = page.locator("#defend-title").inner_text()
    assert "bound to defend Poland" in title and "1 July 2024" in title
    defenders = chips(page, "defender")
    assert {"USA", "DEU", "FRA", "TUR", "GBR", "CAN", "SWE"} <= defenders and "POL" not in defenders
    assert "RUS" not in defenders
    nato = page.locator('#defend-answer li.obligation.defender', has_text="North Atlantic Treaty")
    assert nato.count() == 1
    assert nato.locator('a[href^="https://www.nato.int/"]').count() >= 1  # the baseline reference
    assert map_category(page, "POL") == "focus"
    assert map_category(page, "USA") == "defender" and map_category(page, "DEU") == "defender"
    assert map_category(page, "RUS") == "none" and map_category(page, "BRA") == "none"
    # the graph is Poland's neighbourhood: NATO and the EU as one node each, until expanded
    assert page.locator('#graph [data-node="NATO"].hub').count() == 1
    assert page.locator('#graph [data-edge="NATO-POL"]').count() == 1
    assert page.locator('#graph [data-node="FRA"]').count() == 0
    assert page.locator("#graph-legend [data-style=signed]").count() == 1
    assert page.locator("#graph-legend [data-style=one_way]").count() == 1
    page.screenshot(path=str(SCREENSHOTS / "07-who-defends-poland.png"), full_page=True)
    page.click('#graph [data-node="NATO"]')
    page.wait_for_selector('#graph [data-node="FRA"]')
    assert "expand=NATO" in page.url
    assert page.locator('#graph [data-edge="FRA-NATO"]').count() == 1
    assert page.locator('#graph [data-node="NATO"]').get_attribute("aria-pressed") == "true"
    page.screenshot(path=str(SCREENSHOTS / "08-poland-nato-expanded.png"), full_page=True)

    # Taiwan: nobody is bound; the Taiwan Relations Act is no defence obligation and draws no line
    ask(page, "taiw", "Taiwan", "TWN")
    assert page.locator("#defend-title").inner_text().startswith("Nobody is bound to defend Taiwan")
    assert chips(page, "defender") == set()
    assert page.locator('#defend-answer [data-category="defender"] .none').count() == 1
    assert map_category(page, "TWN") == "focus" and map_category(page, "USA") == "none"
    assert page.locator("#graph .edge").count() == 0
    assert chips(page, "not-binding") == {"USA"}  # named apart, as no obligation to defend
    page.screenshot(path=str(SCREENSHOTS / "09-who-defends-taiwan.png"), full_page=True)

    # North Korea, found by its name: China in force
    ask(page, "north k", "North Korea", "PRK")
    assert "CHN" in chips(page, "defender")
    assert map_category(page, "CHN") == "defender"
    assert page.locator('#graph [data-edge="CHN-PRK"]').count() == 1
    page.screenshot(path=str(SCREENSHOTS / "10-who-defends-north-korea.png"), full_page=True)

    assert page.errors == []  # type: ignore[attr-defined]
    assert page.off_site == []  # type: ignore[attr-defined]


def test_the_picker_finds_states_by_other_names_and_by_keyboard(server: dict, page) -> None:
    page.goto(server["base"] + f"/#/defend?on={DAY}")
    page.wait_for_selector("#defend[data-state=empty]")
    page.type("#defend-x", "dprk")
    page.wait_for_selector('.picker-options li[data-code="PRK"]')
    page.keyboard.press("Escape")
    assert page.locator(".picker-options").first.is_hidden()
    page.fill("#defend-x", "")
    page.type("#defend-x", "united")
    options = page.locator(".picker-options li").evaluate_all("nodes => nodes.map(n => n.dataset.code)")
    assert {"USA", "GBR", "ARE"} <= set(options)
    while page.locator(".picker-options li.active").get_attribute("data-code") != "GBR":
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_selector('#defend[data-state=ready][data-focus="GBR"]')
    assert "x=GBR" in page.url
    # a half-typed name is not left on screen when the field is left
    page.type("#defend-by", "zzz")
    page.click("#defend-title")
    assert page.input_value("#defend-by") == ""
    # a name typed in full (any case) and asked with the button needs no pick from the list
    page.fill("#defend-x", "")
    page.type("#defend-x", "republic of korea")
    page.keyboard.press("Tab")  # leaving the field closes the suggestions and keeps the full name
    page.click("#defend-form button[type=submit]")
    page.wait_for_selector('#defend[data-state=ready][data-focus="KOR"]')
    assert page.input_value("#defend-x") == "South Korea"
    # the map picks too: a click on a country asks about it
    page.locator('#defend-map path.country[data-code="DEU"]').first.click()
    page.wait_for_selector('#defend[data-state=ready][data-focus="DEU"]')
    assert page.input_value("#defend-x") == "Germany"
    assert page.errors == []  # type: ignore[attr-defined]


def test_signed_not_in_force_is_shown_apart_and_dashed(server: dict, page) -> None:
    # Russia signed its treaty with North Korea on 2024-06-19; it entered into force on 2024-12-04
    page.goto(server["base"] + f"/#/defend?x=PRK&on={DAY}")
    page.wait_for_selector(f'#defend[data-state=ready][data-focus="PRK"][data-on="{DAY}"]')
    # China under the 1961 treaty (and whatever else the tables hold in force, e.g. ATOP-carried
    # treaties); Russia only apart, as signed
    defenders = in_force_allies(server, "PRK", DAY)
    assert "CHN" in defenders and "RUS" not in defenders
    assert chips(page, "defender") == defenders
    assert chips(page, "signed") == {"RUS"}
    signed = page.locator('#defend-answer section[data-category="signed"]')
    assert "not in force" in signed.locator("h3").inner_text()
    assert signed.locator(".status.signed").count() >= 1
    # the evidence: the seed's sentence, linked to the article reader, and the baseline reference
    assert signed.locator(f'a[data-article-link="{server["seed_id"]}"]').count() >= 1
    assert signed.locator("blockquote.evidence").count() >= 1
    assert signed.locator('a[href^="https://"]').count() >= 1
    assert map_category(page, "RUS") == "signed" and map_category(page, "CHN") == "defender"
    edge = page.locator('#graph [data-edge="PRK-RUS"]')
    assert edge.get_attribute("data-status") == "signed"
    assert edge.locator("line[stroke-dasharray]").count() == 1
    assert "Russia" not in page.locator("#defend-title").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "11-north-korea-russia-signed.png"), full_page=True)
    # once in force, Russia is a defender like China
    page.fill("#defend-date", "2025-01-01")
    page.wait_for_selector('#defend[data-state=ready][data-on="2025-01-01"]')
    assert chips(page, "defender") == defenders | {"RUS"} == in_force_allies(server, "PRK", "2025-01-01")
    assert chips(page, "signed") == set()
    assert page.locator('#graph [data-edge="PRK-RUS"]').get_attribute("data-status") == "in_force"
    assert page.errors == []  # type: ignore[attr-defined]


def test_one_way_guarantees_and_states_bound_to_both_sides(server: dict, page) -> None:
    # the Compact of Free Association: the United States guarantees Micronesia, not the reverse
    page.goto(server["base"] + f"/#/defend?x=FSM&on={DAY}")
    page.wait_for_selector('#defend[data-state=ready][data-focus="FSM"]')
    assert chips(page, "defender") == {"USA"}
    assert "one-way" in page.locator('#defend-answer [data-category="defender"] .direction').inner_text()
    edge = page.locator('#graph [data-edge="FSM-USA"]')
    assert edge.get_attribute("data-direction") == "one_way"
    assert edge.locator("line[marker-end]").count() == 1
    assert map_category(page, "FSM") == "focus"
    assert page.locator('#defend-map circle.dot[data-code="FSM"]').count() == 1  # too small to see unmarked
    page.screenshot(path=str(SCREENSHOTS / "12-micronesia-one-way.png"), full_page=True)
    page.goto(server["base"] + f"/#/defend?x=USA&on={DAY}")
    page.wait_for_selector('#defend[data-state=ready][data-focus="USA"]')
    assert "FSM" not in chips(page, "defender")

    # Greece attacked by Turkey: NATO allies are bound to both; the attacker defends nobody here
    page.goto(server["base"] + f"/#/defend?x=GRC&on={DAY}")
    page.wait_for_selector('#defend[data-state=ready][data-focus="GRC"]')
    page.type("#defend-by", "turk")
    page.wait_for_selector('.picker-options li[data-code="TUR"]')
    page.keyboard.press("Enter")
    page.wait_for_selector('#defend[data-state=ready][data-focus="GRC"]')
    page.wait_for_function("() => location.hash.includes('by=TUR')")
    page.wait_for_selector('#defend[data-state=ready] [data-category="conflicted"] [data-state-code="USA"]')
    assert "TUR" not in chips(page, "defender")
    assert {"USA", "DEU", "FRA"} <= chips(page, "conflicted")
    assert {"CYP", "AUT"} <= chips(page, "defender")
    assert map_category(page, "TUR") == "attacker" and map_category(page, "USA") == "conflicted"
    assert "Turkey" in page.locator("#defend-title").inner_text()
    page.screenshot(path=str(SCREENSHOTS / "13-greece-attacked-by-turkey.png"), full_page=True)
    assert page.errors == []  # type: ignore[attr-defined]


def test_a_place_outside_a_treaty_area_leaves_its_parties_out_with_the_reason(server: dict, page) -> None:
    # Guam is outside the North Atlantic area of NATO's Art. 6: the allies are listed apart, with why
    page.goto(server["base"] + f"/#/defend?x=USA&on={DAY}")
    page.wait_for_selector('#defend[data-state=ready][data-focus="USA"]')
    assert "CAN" in chips(page, "defender")
    page.fill("#defend-where", "Guam")
    page.press("#defend-where", "Enter")
    page.wait_for_selector('#defend[data-state=ready] section[data-category="out_of_scope"]')
    assert "where=Guam" in page.url
    assert "at Guam" in page.locator("#defend-title").inner_text()
    out = page.locator('#defend-answer li.obligation.out_of_scope', has_text="North Atlantic Treaty")
    assert out.count() == 1 and "CAN" in chips(page, "out_of_scope")
    assert "North Atlantic" in out.locator(".reason").inner_text()
    assert "CAN" not in chips(page, "defender") and "AUS" in chips(page, "defender")  # ANZUS: the Pacific area
    # still bound to consult under Art. 4, which the map shows before the defence left out here
    assert "CAN" in chips(page, "consultation") and map_category(page, "CAN") == "consultation"
    page.screenshot(path=str(SCREENSHOTS / "14-united-states-at-guam.png"), full_page=True)
    assert page.errors == []  # type: ignore[attr-defined]
