"""Factories for the news app's pages, built on the home app's multilingual site."""

import datetime

import factory
import wagtail_factories

from .models import (
    EventIndexPage,
    EventKind,
    EventPage,
    NewsIndexPage,
    NewsPage,
    PolicyBriefPage,
    PublicationIndexPage,
)


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Actualités"
    slug = "actualites"
    intro = "Les nouvelles du réseau."

    class Meta:
        model = NewsIndexPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Agenda"
    slug = "agenda"
    intro = "Les événements du réseau."

    class Meta:
        model = EventIndexPage


class PublicationIndexPageFactory(wagtail_factories.PageFactory):
    title = "Publications"
    slug = "publications"
    intro = "Rapports et notes d'orientation."

    class Meta:
        model = PublicationIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nouvelle {n}")
    date = factory.Sequence(lambda n: datetime.date(2024, 1, 1) + datetime.timedelta(days=n))
    teaser = "Une nouvelle du réseau."
    author = "Secrétariat technique"

    class Meta:
        model = NewsPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Événement {n}")
    kind = EventKind.WEBINAR
    teaser = "Un événement du réseau."
    start_date = datetime.date(2024, 9, 15)
    start_time = datetime.time(16, 0)
    end_time = datetime.time(18, 0)
    time_zone = "Europe/Madrid"
    online_url = "https://example.org/live"

    class Meta:
        model = EventPage


class PolicyBriefPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Note d'orientation {n}")
    edition = "Journée internationale de la démocratie"
    publication_date = datetime.date(2023, 12, 1)
    summary = "<p>Un résumé.</p>"

    class Meta:
        model = PolicyBriefPage


def build_sections(homes, language="fr"):
    """The three index pages under the home of `language`."""
    home = homes[language]
    return {
        "news": NewsIndexPageFactory(parent=home),
        "events": EventIndexPageFactory(parent=home),
        "publications": PublicationIndexPageFactory(parent=home),
    }
