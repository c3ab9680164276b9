"""The web page in a real headless Chromium, against `pactwatch serve` on a loopback port.

The database is built by the real `pactwatch ingest` (with the NLP steps) from the seed article
and files written here, so these tests check what a user sees at the end of the whole pipeline.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import SCREENSHOTS, XSS_SPEAKER

pytestmark = pytest.mark.browser


def test_search_read_graph_and_timeline(server: dict, page) -> None:
    base = server["base"]
    page.goto(base + "/")
    page.fill("#search", "North Korea")
    page.press("#search", "Enter")
    # the answer to this query, not the listing the page opened with
    page.wait_for_selector('#results[data-state=ready][data-query="North Korea"] li')
    seed_result = page.locator(f'#results li[data-article-id="{server["seed_id"]}"] a')
    assert seed_result.inner_text() == server["seed_title"]
    # matches are <mark>ed in the snippet; no literal [brackets] from the index's markers
    snippet = page.locator(f'#results li[data-article-id="{server["seed_id"]}"] .snippet')
    assert snippet.locator("mark").count() >= 1 and "[" not in snippet.inner_text()
    page.screenshot(path=str(SCREENSHOTS / "01-search.png"))

    seed_result.click()
    page.wait_for_selector(f'#article[data-state=ready][data-article-id="{server["seed_id"]}"]')
    assert page.locator("#article-title").inner_text() == server["seed_title"]
    putin = page.locator('#article-body [data-quote-speaker*="Putin"]')
    assert putin.count() >= 1
    assert "Putin" in (putin.first.get_attribute("title") or "")
    assert page.locator("#article-body .actor[data-actor^=RUS]").count() >= 1
    assert page.locator("#article-commitments li[data-parties='PRK-RUS']").count() >= 1
    page.screenshot(path=str(SCREENSHOTS / "02-article.png"), full_page=True)

    # the commitment graph around North Korea, replayed by date
    page.goto(base + "/#/defend?x=PRK")
    page.fill("#defend-date", "2024-07-01")
    page.wait_for_selector('#defend[data-state=ready][data-focus=PRK][data-on="2024-07-01"]')
    edge = page.locator('#graph [data-edge="PRK-RUS"]')
    assert edge.count() == 1
    edge.click()
    page.wait_for_selector('#edge-sources[data-edge="PRK-RUS"] li')
    assert page.locator(f'#edge-sources a[data-article-link="{server["seed_id"]}"]').count() >= 1
    page.screenshot(path=str(SCREENSHOTS / "03-graph-2024-07-01.png"), full_page=True)

    page.fill("#defend-date", "2024-06-01")
    page.wait_for_selector('#defend[data-state=ready][data-on="2024-06-01"]')
    assert page.locator('#graph [data-edge="PRK-RUS"]').count() == 0
    page.screenshot(path=str(SCREENSHOTS / "04-graph-2024-06-01.png"), full_page=True)

    # the slider replays too: moving it sets the date field and redraws for that day
    page.eval_on_selector("#defend-slider", "s => { s.value = String(Number(s.value) + 45);"
                                            " s.dispatchEvent(new Event('input')); }")
    page.wait_for_selector('#defend[data-state=ready][data-on="2024-07-16"]')
    assert page.input_value("#defend-date") == "2024-07-16"
    assert page.locator('#graph [data-edge="PRK-RUS"]').count() == 1

    page.goto(base + "/#/timeline?a=RUS&b=PRK")
    page.wait_for_selector('#timeline[data-state=ready][data-dyad="RUS-PRK"]')
    assert page.locator("#timeline-chart svg rect.bar").count() >= 1
    assert page.locator("#timeline-events tbody tr[data-event-id]").count() >= 1
    page.screenshot(path=str(SCREENSHOTS / "05-timeline-RUS-PRK.png"), full_page=True)
    assert page.errors == []  # type: ignore[attr-defined]


def test_untrusted_article_text_executes_nothing(server: dict, page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(server["base"] + f"/#/article/{server['xss_id']}")
    page.wait_for_selector(f'#article[data-state=ready][data-article-id="{server["xss_id"]}"]')
    page.wait_for_timeout(500)  # give any injected handler (img onerror) the chance to run
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []
    # the markup is shown as text, and no element came out of it
    assert "<script>" in page.locator("#article-title").inner_text()
    assert "<script>" in page.locator("#article-body").inner_text()
    for selector in ("script", "img", "iframe", "svg", "a"):
        assert page.locator(f"#article {selector}").count() == 0, selector
    assert page.locator('a[href^="javascript:"]').count() == 0
    assert "javascript:" in page.locator("#article-meta .unsafe-url").inner_text()
    speaker = page.locator('#article-body [data-quote-speaker^="<img"]')
    assert speaker.count() == 1 and speaker.get_attribute("data-quote-speaker") == XSS_SPEAKER
    page.screenshot(path=str(SCREENSHOTS / "06-xss-article.png"), full_page=True)

    page.goto(server["base"] + "/#/?q=Ruritania")
    page.wait_for_selector("#results[data-state=ready] li")
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__xss") == "undefined" and dialogs == []
    assert page.locator("#results img, #results script").count() == 0
    assert page.errors == []  # type: ignore[attr-defined]


def test_inline_script_is_blocked_by_the_policy(server: dict, page) -> None:
    # even if markup did get in, the Content-Security-Policy forbids inline script
    page.goto(server["base"] + "/")
    page.wait_for_selector("#results[data-state=ready]")
    page.evaluate("""() => {
        const s = document.createElement('script');
        s.textContent = "window.__xss = 'inline'";
        document.body.appendChild(s);
    }""")
    page.wait_for_timeout(200)
    assert page.evaluate("typeof window.__xss") == "undefined"
