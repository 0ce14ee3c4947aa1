"""Demo-like content for the browser tests: every key page exists and is live in fr, es, en, pt.

Built with the apps' own factories, so the pages look like the seeded demo: a home per
language with its footer, the repository with vocabularies and two experiences, the news,
an event, an award edition in its public vote with two finalists, and member organisations.
"""

import datetime

from django.conf import settings

from wagtail.models import Locale, Page

from awards.factories import CandidatureFactory
from awards.models import Candidature
from awards.tests.base import build_awards
from home.factories import SiteSettingsFactory, publish_translation
from news.factories import EventPageFactory, NewsPageFactory, build_sections
from repository.factories import ExperiencePageFactory, OrganisationFactory, sdg

LANGUAGES = [code for code, _name in settings.LANGUAGES]
OTHER_LANGUAGES = [code for code in LANGUAGES if code != settings.LANGUAGE_CODE]


def _in_every_language(page):
    """The page and its live translations, keyed by language code."""
    versions = {settings.LANGUAGE_CODE: page}
    for code in OTHER_LANGUAGES:
        versions[code] = publish_translation(page, code)
    return versions


def build_site_content():
    tree = build_awards(phase="vote")
    homes = tree["homes"]
    for code in LANGUAGES:
        SiteSettingsFactory(locale=Locale.objects.get(language_code=code))

    themes, methods = tree["themes"], tree["methods"]
    valongo = ExperiencePageFactory(
        parent=tree["indexes"]["fr"],
        title="Budget participatif de Valongo",
        slug="budget-valongo",
        country="PT",
        city="Valongo",
        summary="Les habitants de chaque quartier décident d'une partie du budget municipal.",
        themes=[themes["governance"], themes["budgets"]],
        methods=[methods["pb"]],
        sdgs=[sdg(16)],
    )
    youth = ExperiencePageFactory(
        parent=tree["indexes"]["fr"],
        title="Conseil des jeunes de Lyon",
        slug="conseil-jeunes-lyon",
        country="FR",
        city="Lyon",
        summary="Les jeunes proposent des projets pour leur quartier.",
        start_date=datetime.date(2021, 9, 1),
        themes=[themes["youth"]],
        methods=[methods["assembly"]],
        sdgs=[sdg(11)],
    )
    experiences = {
        "valongo": _in_every_language(valongo),
        "youth": _in_every_language(youth),
    }
    edition = tree["edition"]
    for experience in (valongo, youth):
        CandidatureFactory(edition=edition, experience=experience, state=Candidature.State.FINALIST)
    awards = {"index": _in_every_language(tree["award_index"]), "edition": {}}
    awards["edition"] = {"fr": edition}
    for code in OTHER_LANGUAGES:
        awards["edition"][code] = publish_translation(edition, code)

    sections = build_sections(homes)
    news_item = NewsPageFactory(
        parent=sections["news"],
        title="Assemblée annuelle du réseau",
        slug="assemblee-annuelle",
        teaser="Les membres se sont réunis à Barcelone.",
    )
    event = EventPageFactory(
        parent=sections["events"],
        title="Webinaire sur les budgets participatifs",
        slug="webinaire-budgets",
        start_date=datetime.date.today() + datetime.timedelta(days=30),
    )
    news = {
        "index": _in_every_language(sections["news"]),
        "events": _in_every_language(sections["events"]),
        "item": _in_every_language(news_item),
        "event": _in_every_language(event),
    }

    for name, slug, country in (
        ("Ville de Lyon", "lyon", "FR"),
        ("Prefeitura de Porto Alegre", "porto-alegre", "BR"),
    ):
        OrganisationFactory(
            name=name,
            slug=slug,
            country=country,
            is_member=True,
            publication_consent=True,
            publication_consent_date=datetime.date(2024, 1, 10),
        )
    # The main menu: the sections under each home, as editors tick "show in menus".
    in_menus = [tree["indexes"]["fr"], tree["award_index"], sections["news"], sections["events"]]
    Page.objects.filter(translation_key__in=[page.translation_key for page in in_menus]).update(
        show_in_menus=True
    )
    return {**tree, "experiences": experiences, "awards": awards, "news": news}
