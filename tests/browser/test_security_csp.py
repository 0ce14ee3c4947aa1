"""The Content-Security-Policy breaks nothing: key pages and the admin editor run in Chromium
with no policy violation (``securitypolicyviolation`` events and console reports recorded)."""

from django.contrib.auth import get_user_model
from django.test import Client

from wagtail.users.models import UserProfile

import pytest

from repository.factories import ExperiencePageFactory, OrganisationFactory
from repository.tests.base import build_repository

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

RECORDER = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
    window.__cspViolations.push(
        event.violatedDirective + " blocked " + (event.blockedURI || "inline") +
        " at " + event.sourceFile + ":" + event.lineNumber
    );
});
"""


@pytest.fixture
def recorded(browser_page):
    """The browser page, recording every CSP violation it meets (events and console)."""
    console = []
    browser_page.add_init_script(RECORDER)
    browser_page.on(
        "console",
        lambda message: (
            console.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )

    def violations():
        return browser_page.evaluate("window.__cspViolations || []") + console

    browser_page.csp_violations = violations
    return browser_page


@pytest.fixture
def site(settings, live_server):
    # Tiles from the site's own origin, so that the map really starts (no network here).
    settings.REPOSITORY_MAP_TILE_URL = "/static/img/favicon.svg?{z}/{x}/{y}"
    tree = build_repository()
    experience = ExperiencePageFactory(
        parent=tree["indexes"]["fr"], title="Budget participatif de Porto Alegre", slug="poa"
    )
    OrganisationFactory(
        name="Ciudad Abierta", slug="abierta", is_member=True, latitude=40.4, longitude=-3.7
    )
    return {"tree": tree, "experience": experience}


def test_public_pages_run_without_any_policy_violation(recorded, live_server, site):
    page = recorded
    page.goto(f"{live_server.url}/fr/")
    assert page.locator("main").is_visible()
    assert page.csp_violations() == []

    page.goto(f"{live_server.url}/fr/experiences/")
    page.goto(live_server.url + site["experience"].url)
    assert page.locator("h1").inner_text() == "Budget participatif de Porto Alegre"
    assert page.csp_violations() == []

    # The recorder does see violations, and the policy does block an injected inline script.
    page.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.appendChild(script);
        }"""
    )
    page.wait_for_function("window.__cspViolations.length > 0")
    assert page.evaluate("window.injected === undefined")
    assert any(v.startswith("script-src") for v in page.csp_violations())


def test_search_autocomplete_works_under_the_policy(recorded, live_server, site):
    page = recorded
    page.goto(f"{live_server.url}/fr/search/")
    page.locator("#search-box-q").fill("Budget")
    page.locator(".search-suggestions").get_by_text(
        "Budget participatif de Porto Alegre"
    ).wait_for()
    assert page.csp_violations() == []


def test_the_members_map_draws_under_the_policy(recorded, live_server, site):
    page = recorded
    page.goto(f"{live_server.url}/fr/members/directory/")
    page.locator("#experience-map .leaflet-marker-icon").first.wait_for()
    assert page.csp_violations() == []


def test_the_admin_page_editor_works_under_the_admin_policy(recorded, live_server, site):
    admin = get_user_model().objects.create_superuser(
        "admin", "admin@example.org", "a-long-passphrase-42"
    )
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(admin)
    page = recorded
    page.context.add_cookies(
        [
            {
                "name": "sessionid",
                "value": client.cookies["sessionid"].value,
                "url": live_server.url,
            }
        ]
    )
    page.goto(f"{live_server.url}/admin/pages/{site['experience'].pk}/edit/")
    # The editor's scripts ran: the title field is drawn and the tabs respond.
    title = page.locator("#id_title")
    title.wait_for()
    assert title.input_value() == "Budget participatif de Porto Alegre"
    page.get_by_role("tab").nth(1).click()
    page.wait_for_timeout(500)
    assert page.csp_violations() == []
