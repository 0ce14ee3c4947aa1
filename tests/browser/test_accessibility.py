"""axe-core on the key pages in every language, in real Chromium: no serious or critical violation.

Each language builds the demo-like content once, then visits the home, the repository (filtered),
an experience, the news, a news item, an event, search with and without results, the member
directory, the login form, the suggestion form showing its errors, the award edition and its vote
form, and the 404 page. The failure message lists every violation with the offending markup.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from .axe import blocking, describe, run_axe
from .site_content import LANGUAGES, build_site_content

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@dataclass
class KeyPage:
    label: str
    path: str
    # An element that proves the page shows what it is meant to (results, errors, a form…).
    shows: str
    status: int = 200
    submit_empty_form: bool = False
    # On a phone-sized screen, with the collapsed menu opened.
    small_screen_menu: bool = False


def key_pages(content, code):
    """The key pages in the language `code`."""
    experiences = content["experiences"]
    news = content["news"]
    edition = content["awards"]["edition"][code]
    index = content["indexes"][code]
    with translation.override(code):
        members_directory = reverse("members:directory")
        login = reverse("members:login")
        search = reverse("search:search")
        vote = reverse("awards:vote", args=[edition.pk])
    suggest = index.url + index.reverse_subpage("suggest_route")
    filters = "?theme=governance&method=participatory-budgeting"
    return [
        KeyPage("home", content["homes"][code].url, ".main-nav a"),
        KeyPage(
            "home, small screen", content["homes"][code].url, ".main-nav a", small_screen_menu=True
        ),
        KeyPage("experience index, filtered", index.url + filters, ".active-filters li"),
        KeyPage("experience page", experiences["valongo"][code].url, "h1"),
        KeyPage("news index", news["index"][code].url, f"a[href='{news['item'][code].url}']"),
        KeyPage("news item", news["item"][code].url, "h1"),
        KeyPage("event", news["event"][code].url, "h1"),
        KeyPage("search with results", f"{search}?q=Valongo", ".search-result"),
        KeyPage("search with no result", f"{search}?q=xylophonique", ".search-no-results"),
        KeyPage("member directory", members_directory, ".directory-card"),
        KeyPage("member login", login, "input[type=password]"),
        KeyPage("suggestion form", suggest, ".form-errors", submit_empty_form=True),
        KeyPage("award edition", edition.url, f"a[href='{vote}']"),
        KeyPage("vote form", vote, "input[type=radio]"),
        KeyPage("page not found", f"/{code}/no-such-page/", "h1", status=404),
    ]


@pytest.mark.parametrize("code", LANGUAGES)
def test_key_pages_have_no_serious_accessibility_violation(browser_page, live_server, code):
    content = build_site_content()
    reports = []
    for key_page in key_pages(content, code):
        url = f"{live_server.url}{key_page.path}"
        width = 375 if key_page.small_screen_menu else 1280
        browser_page.set_viewport_size({"width": width, "height": 800})
        response = browser_page.goto(url)
        assert response.status == key_page.status, f"{key_page.label}: {url} {response.status}"
        assert browser_page.locator("html").get_attribute("lang") == code, key_page.label
        if key_page.small_screen_menu:
            browser_page.locator(".menu-toggle").click()
            assert browser_page.locator(".main-nav").is_visible()
        if key_page.submit_empty_form:
            browser_page.locator("main form button[type=submit]").click()
        try:
            browser_page.locator(key_page.shows).first.wait_for(state="attached")
        except PlaywrightTimeoutError:
            pytest.fail(f"{key_page.label}: {key_page.shows} not found at {browser_page.url}")
        violations = blocking(run_axe(browser_page))
        if violations:
            reports.append(describe(key_page.label, url, violations))
    assert not reports, "\n\n".join(reports)


def test_the_check_reports_a_violation_with_the_offending_markup(browser_page, live_server):
    """The harness is not blind: a button without a name and a missing alt are reported."""
    build_site_content()
    browser_page.goto(f"{live_server.url}/en/no-such-page/")
    browser_page.evaluate(
        """() => {
            const main = document.querySelector('main');
            main.insertAdjacentHTML('beforeend', '<img src="/static/img/logo.svg" id="no-alt">');
            main.insertAdjacentHTML('beforeend', '<button id="no-name"></button>');
        }"""
    )
    violations = blocking(run_axe(browser_page))
    rules = {violation["id"] for violation in violations}
    assert {"image-alt", "button-name"} <= rules
    report = describe("page not found", browser_page.url, violations)
    assert "image-alt" in report
    assert 'id="no-alt"' in report
    assert "#no-name" in report
