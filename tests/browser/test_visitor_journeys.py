"""A visitor's journeys in real Chromium: searching and filtering the experiences, switching the
language of a page, and suggesting an experience after correcting a mistake.
"""

import pytest

from repository.models import ExperiencePage

from .site_content import build_site_content

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def content():
    return build_site_content()


def result_titles(page):
    return sorted(page.locator(".search-result h2").all_inner_texts())


def test_visitor_searches_from_the_header_then_applies_and_removes_a_facet(
    browser_page, live_server, content
):
    browser_page.goto(f"{live_server.url}/en/")
    browser_page.get_by_label("Search the site").fill("quartier")
    browser_page.locator(".search-box button[type=submit]").click()
    browser_page.wait_for_url("**/en/search/?q=quartier")
    assert result_titles(browser_page) == [
        "Budget participatif de Valongo",
        "Conseil des jeunes de Lyon",
    ]
    assert browser_page.locator(".search-summary").inner_text().startswith("2 ")

    # The theme facet counts one experience about youth; following it keeps the query.
    theme_facet = browser_page.locator(".search-facet", has_text="Jeunesse")
    youth = theme_facet.get_by_role("link", name="Jeunesse")
    assert "(1)" in youth.inner_text()
    youth.click()
    browser_page.wait_for_url("**theme=youth**")
    assert "q=quartier" in browser_page.url
    assert result_titles(browser_page) == ["Conseil des jeunes de Lyon"]
    active = browser_page.locator(".search-active-filters")
    assert "Jeunesse" in active.inner_text()
    assert browser_page.get_by_role("searchbox", name="Search for").input_value() == "quartier"

    # Removing it from the active filters brings both results back.
    active.get_by_role("link", name="Jeunesse").click()
    browser_page.wait_for_url(lambda url: "theme=" not in url)
    assert result_titles(browser_page) == [
        "Budget participatif de Valongo",
        "Conseil des jeunes de Lyon",
    ]
    assert browser_page.locator(".search-active-filters").count() == 0


def test_visitor_switches_the_language_of_an_event_and_lands_on_its_translation(
    browser_page, live_server, content
):
    event = content["news"]["event"]
    translated = event["pt"]
    translated.title = "Webinário sobre orçamentos participativos"
    translated.save_revision().publish()

    browser_page.goto(f"{live_server.url}{event['es'].url}")
    assert browser_page.locator("html").get_attribute("lang") == "es"
    browser_page.locator(".language-switcher a[hreflang=pt]").click()
    browser_page.wait_for_url(f"{live_server.url}{translated.url}")
    assert browser_page.locator("html").get_attribute("lang") == "pt"
    assert browser_page.locator("h1").inner_text() == "Webinário sobre orçamentos participativos"
    # And back to French from there: the original page, not the French home.
    browser_page.locator(".language-switcher a[hreflang=fr]").click()
    browser_page.wait_for_url(f"{live_server.url}{event['fr'].url}")
    assert browser_page.locator("h1").inner_text() == "Webinaire sur les budgets participatifs"


def test_visitor_suggests_an_experience_fixes_the_error_and_sends_it(
    browser_page, live_server, content, mailoutbox
):
    index = content["indexes"]["en"]
    browser_page.goto(f"{live_server.url}{index.url}")
    browser_page.get_by_role("link", name="Suggest an experience").click()
    form = browser_page.locator("form.suggest-form")
    form.get_by_label("Name of the experience").fill("Budget des écoles de Cascais")
    form.get_by_label("Summary").fill("Pupils choose and vote on projects for their school.")
    form.get_by_label("Country").select_option("PT")
    form.get_by_label("City or territory").fill("Cascais")
    form.get_by_label("Year it started").fill("2011")
    form.get_by_label("Your name").fill("Rita")
    form.get_by_label("Your e-mail").fill("rita-at-example.org")
    form.locator("input[type=checkbox][name=consent]").check()
    form.locator("button[type=submit]").click()

    errors = browser_page.locator(".form-errors")
    errors.wait_for()
    assert "Your e-mail" in errors.inner_text()
    assert "everything you typed has been kept" in errors.inner_text()
    # What was typed is still there, the faulty field is marked and described.
    assert form.get_by_label("Name of the experience").input_value() == (
        "Budget des écoles de Cascais"
    )
    assert form.get_by_label("Country").input_value() == "PT"
    assert form.get_by_label("Year it started").input_value() == "2011"
    assert form.get_by_label("Your e-mail").input_value() == "rita-at-example.org"
    assert form.locator(".form-field--error #id_email").count() == 1
    assert not ExperiencePage.objects.filter(title="Budget des écoles de Cascais").exists()

    # The summary's link leads to the field in error.
    errors.get_by_role("link").click()
    assert browser_page.evaluate("document.activeElement.id") == "id_email"
    form.get_by_label("Your e-mail").fill("rita@example.org")
    form.locator("button[type=submit]").click()
    # (The fragment of the error link stays on the URL through the redirect.)
    browser_page.wait_for_url(lambda url: "/en/experiences/suggest/thanks/" in url)
    assert browser_page.locator("h1").inner_text() == "Thank you for your suggestion"

    draft = ExperiencePage.objects.get(title="Budget des écoles de Cascais")
    assert not draft.live
    assert draft.city == "Cascais"
    assert draft.get_parent().specific.locale.language_code == "en"
    assert ["rita@example.org"] in [message.to for message in mailoutbox]
