"""Factories for the home app's content, used by the tests of every app."""

from django.conf import settings

from wagtail.models import Locale, Page, Site

import factory
import wagtail_factories

from .models import HomePage, SiteSettings, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Home {n}")
    intro = "A network for participatory democracy."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Standard page {n}")
    intro = "An introduction."

    class Meta:
        model = StandardPage


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    contact_address = "c/Avinyó 15\n08002 Barcelona"
    contact_email = "contact@example.org"
    footer_text = "<p>A UCLG network.</p>"

    class Meta:
        model = SiteSettings


def publish_translation(page, language_code):
    """A live translation of `page` into the given language (Wagtail's own copy)."""
    locale = Locale.objects.get_or_create(language_code=language_code)[0]
    translated = page.copy_for_translation(locale)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated.specific


def build_multilingual_site():
    """The site tree of the four languages: a home per language, the default one as site root.

    Returns the homes keyed by language code.
    """
    for code, _name in settings.LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    default = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, title="Accueil", slug="accueil", locale=default)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="testserver", root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.hostname = "testserver"
        site.port = 80
        site.save()
    homes = {settings.LANGUAGE_CODE: home}
    for code, _name in settings.LANGUAGES:
        if code != settings.LANGUAGE_CODE:
            homes[code] = publish_translation(home, code)
    return homes
