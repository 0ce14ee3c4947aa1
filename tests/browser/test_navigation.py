"""A visitor finds their way with the keyboard and the language switcher, in real Chromium."""

import pytest

from home.factories import StandardPageFactory, build_multilingual_site, publish_translation

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def site_tree():
    homes = build_multilingual_site()
    about = StandardPageFactory(
        parent=homes["fr"], title="À propos", slug="a-propos", show_in_menus=True
    )
    about_pt = publish_translation(about, "pt")
    about_pt.title = "Sobre"
    about_pt.save_revision().publish()
    return homes


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(
    browser_page, live_server, site_tree
):
    browser_page.goto(f"{live_server.url}/fr/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert browser_page.locator(".skip-link").is_visible()
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_leads_to_the_translation(browser_page, live_server, site_tree):
    browser_page.goto(f"{live_server.url}/fr/a-propos/")
    browser_page.locator(".language-switcher a[hreflang=pt]").click()
    browser_page.wait_for_url(f"{live_server.url}/pt/a-propos/")
    assert browser_page.locator("html").get_attribute("lang") == "pt"
    assert browser_page.locator("h1").inner_text() == "Sobre"


def test_small_screen_menu_opens_and_closes_from_the_keyboard(browser_page, live_server, site_tree):
    browser_page.set_viewport_size({"width": 375, "height": 700})
    browser_page.goto(f"{live_server.url}/fr/")
    toggle = browser_page.locator(".menu-toggle")
    menus = browser_page.locator("#site-menus")
    assert toggle.is_visible()
    assert not menus.is_visible()
    toggle.focus()
    browser_page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert browser_page.locator(".main-nav a", has_text="À propos").is_visible()
    browser_page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not menus.is_visible()
