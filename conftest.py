"""Shared pytest configuration and fixtures."""

import os
import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploaded files of a test go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths, the page cache keeps memos per content generation: a
    rolled-back test must not leave stale ones behind."""
    from django.core.cache import cache

    from home.page_cache import forget_memos

    cache.clear()
    forget_memos()
    yield
    cache.clear()
    forget_memos()


@pytest.fixture
def browser_page(monkeypatch):
    """A page of Debian's Chromium driven by Playwright (`apt-get install chromium`).

    Skipped with the reason when Chromium is missing, unless REQUIRE_BROWSER is set (CI), where
    a missing browser is a failure rather than a silent skip.
    """
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: run `make browser-deps`"
        if os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # around it are still plain synchronous calls.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        context = browser.new_context(locale="en-GB")
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            yield page
        finally:
            context.close()
            browser.close()
