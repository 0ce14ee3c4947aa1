"""Keyboard use in real Chromium: the menus, the language switcher, the filters and the vote form
are reached and operated with Tab, Enter, Space and the arrow keys, and the focus is always visible.

(The skip link as the first stop on the home page and the small-screen menu's Enter/Escape are
covered by test_navigation.py.)
"""

from django.urls import reverse
from django.utils import translation

import pytest

from awards.models import PublicVote

from .keyboard import focused, matches_focus, tab_until, unseen_focus
from .site_content import build_site_content

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def content():
    return build_site_content()


def test_tab_reaches_the_main_menu_with_a_visible_focus_and_enter_follows_a_link(
    browser_page, live_server, content
):
    news_url = content["news"]["index"]["en"].url
    browser_page.goto(f"{live_server.url}/en/")
    stops = tab_until(browser_page, f".main-nav a[href='{news_url}']")
    assert stops[0]["html"].startswith('<a class="skip-link"')
    assert not unseen_focus(stops), unseen_focus(stops)
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url(f"{live_server.url}{news_url}")
    assert browser_page.locator("h1").inner_text() == "Actualités"


def test_collapsed_menu_opens_with_the_keyboard_and_its_links_follow_the_toggle(
    browser_page, live_server, content
):
    experiences_url = content["indexes"]["en"].url
    browser_page.set_viewport_size({"width": 375, "height": 700})
    browser_page.goto(f"{live_server.url}/en/")
    stops = tab_until(browser_page, ".menu-toggle")
    assert not browser_page.locator(".main-nav").is_visible()
    browser_page.keyboard.press("Enter")
    assert browser_page.locator(".menu-toggle").get_attribute("aria-expanded") == "true"
    # The menu opens right after its button in the tab order, not at the end of the page.
    browser_page.keyboard.press("Tab")
    assert matches_focus(browser_page, ".main-nav a")
    stops += [focused(browser_page)]
    stops += tab_until(browser_page, f".main-nav a[href='{experiences_url}']")
    assert not unseen_focus(stops), unseen_focus(stops)
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url(f"{live_server.url}{experiences_url}")


def test_language_switcher_is_reached_and_followed_with_the_keyboard(
    browser_page, live_server, content
):
    experience = content["experiences"]["valongo"]
    browser_page.goto(f"{live_server.url}{experience['en'].url}")
    stops = tab_until(browser_page, ".language-switcher a[hreflang=es]")
    assert not unseen_focus(stops), unseen_focus(stops)
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url(f"{live_server.url}{experience['es'].url}")
    assert browser_page.locator("html").get_attribute("lang") == "es"
    # The current language is marked, and is not a link to itself.
    assert browser_page.locator(".language-switcher [aria-current]").get_attribute("lang") == "es"
    assert browser_page.locator(".language-switcher a[hreflang=es]").count() == 0


def test_experience_filters_are_ticked_applied_and_removed_with_the_keyboard(
    browser_page, live_server, content
):
    index_url = content["indexes"]["en"].url
    browser_page.goto(f"{live_server.url}{index_url}")
    count = browser_page.locator(".results__count")
    assert count.inner_text().startswith("2 ")
    youth = ".filter-form input[name=theme][value=youth]"
    stops = tab_until(browser_page, youth)
    browser_page.keyboard.press("Space")
    assert browser_page.locator(youth).is_checked()
    stops += tab_until(browser_page, ".filter-form button[type=submit]")
    assert not unseen_focus(stops), unseen_focus(stops)
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url("**theme=youth**")
    assert count.inner_text().startswith("1 ")
    assert (
        browser_page.locator(".experience-card")
        .inner_text()
        .startswith("Conseil des jeunes de Lyon")
    )

    # Removing the filter: back to the box, Space to untick, Enter on the button.
    tab_until(browser_page, youth)
    browser_page.keyboard.press("Space")
    tab_until(browser_page, ".filter-form button[type=submit]")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url(lambda url: "theme=youth" not in url)
    assert count.inner_text().startswith("2 ")


def test_vote_form_is_filled_and_sent_with_the_keyboard(
    browser_page, live_server, content, mailoutbox
):
    edition = content["awards"]["edition"]["en"]
    with translation.override("en"):
        vote_url = reverse("awards:vote", args=[edition.pk])
    browser_page.goto(f"{live_server.url}{edition.url}")
    stops = tab_until(browser_page, f"main a[href='{vote_url}']")
    browser_page.keyboard.press("Enter")
    browser_page.wait_for_url(f"{live_server.url}{vote_url}")

    stops += tab_until(browser_page, "main input[type=radio]")
    first = browser_page.evaluate("document.activeElement.nextElementSibling.innerText")
    # The arrow key moves within the group and chooses the next finalist.
    browser_page.keyboard.press("ArrowDown")
    chosen = browser_page.evaluate("document.activeElement.nextElementSibling.innerText")
    assert chosen != first
    assert browser_page.evaluate("document.activeElement.checked")
    stops += [focused(browser_page)]
    stops += tab_until(browser_page, "main input[type=email]")
    browser_page.keyboard.type("keyboard.voter@example.org")
    assert not unseen_focus(stops), unseen_focus(stops)
    browser_page.keyboard.press("Enter")
    browser_page.get_by_role("heading", name="Check your inbox").wait_for()

    vote = PublicVote.objects.get()
    assert vote.email == "keyboard.voter@example.org"
    assert vote.candidature.title == chosen
    assert len(mailoutbox) == 1


@pytest.mark.parametrize(
    "page_name",
    ["experience index", "experience page", "suggestion form", "vote form", "member directory"],
)
def test_every_stop_of_the_tab_order_shows_the_focus_and_the_skip_link_leads_into_main(
    browser_page, live_server, content, page_name
):
    index = content["indexes"]["en"]
    with translation.override("en"):
        urls = {
            "experience index": index.url,
            "experience page": content["experiences"]["valongo"]["en"].url,
            "suggestion form": index.url + index.reverse_subpage("suggest_route"),
            "vote form": reverse("awards:vote", args=[content["awards"]["edition"]["en"].pk]),
            "member directory": reverse("members:directory"),
        }
    browser_page.goto(f"{live_server.url}{urls[page_name]}")

    browser_page.keyboard.press("Tab")
    assert matches_focus(browser_page, "a.skip-link[href='#main']")
    browser_page.keyboard.press("Enter")
    assert matches_focus(browser_page, "main")
    browser_page.keyboard.press("Tab")
    assert browser_page.evaluate("document.querySelector('main').contains(document.activeElement)")

    # Then through every focusable element to the end of the page.
    stops = [focused(browser_page)]
    last = browser_page.evaluate(
        """() => {
            const all = [...document.querySelectorAll('a[href], button, input, select, textarea')]
                .filter(el => el.tabIndex >= 0 && !el.disabled && el.offsetParent !== null);
            all[all.length - 1].setAttribute('data-last-stop', '');
            return all.length;
        }"""
    )
    stops += tab_until(browser_page, "[data-last-stop]", limit=last + 5)
    assert len(stops) > 3
    assert not unseen_focus(stops), "\n".join(str(stop) for stop in unseen_focus(stops))


def test_the_focus_check_notices_a_page_that_hides_its_focus_ring(
    browser_page, live_server, content
):
    browser_page.goto(f"{live_server.url}/en/")
    # A constructed style sheet: allowed by a Content-Security-Policy without unsafe-inline.
    browser_page.evaluate(
        """() => {
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(':focus-visible { outline: none !important; box-shadow: none !important; }');
            document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        }"""
    )
    stops = tab_until(browser_page, ".main-nav a")
    assert unseen_focus(stops) == stops
