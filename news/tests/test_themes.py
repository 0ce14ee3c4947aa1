"""Themes, SDGs and related experiences of news, events and publications; the video embed."""

import datetime

from django.test import TestCase

from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from home.factories import publish_translation
from news.factories import EventPageFactory, NewsPageFactory, PolicyBriefPageFactory
from news.models import EventPage, NewsRelatedExperience
from repository.factories import (
    ExperienceIndexPageFactory,
    ExperiencePageFactory,
    ThemeFactory,
    sdg,
)
from search.query import search_pages

from .helpers import multilingual_sections, soup


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".news-card__title a")]


def with_themes(page, themes=(), sdgs=()):
    page.themes.set(themes)
    page.sdgs.set(sdgs)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


class ThemesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.sections = multilingual_sections()
        fr = cls.sections["fr"]
        cls.index = ExperienceIndexPageFactory(parent=cls.homes["fr"])
        cls.index_es = publish_translation(cls.index, "es")
        cls.youth = ThemeFactory(name="Jeunesse", slug="youth")
        youth_es = cls.youth.copy_for_translation(cls.index_es.locale)
        youth_es.name = "Juventud"
        youth_es.save()
        cls.housing = ThemeFactory(name="Logement", slug="housing")
        cls.news = with_themes(
            NewsPageFactory(parent=fr["news"], title="Conseil des jeunes", slug="conseil"),
            [cls.youth],
            [sdg(16)],
        )
        with_themes(NewsPageFactory(parent=fr["news"], title="Logement"), [cls.housing])
        future = datetime.date.today() + datetime.timedelta(days=20)
        with_themes(
            EventPageFactory(
                parent=fr["events"], title="Forum", region="latin-america", start_date=future
            ),
            [cls.youth],
        )
        EventPageFactory(parent=fr["events"], title="Other", region="europe", start_date=future)
        with_themes(PolicyBriefPageFactory(parent=fr["publications"], title="Note"), [cls.youth])
        PolicyBriefPageFactory(parent=fr["publications"], title="Rapport")

    def test_listings_filter_by_theme(self):
        self.assertEqual(
            titles(self.client.get("/fr/actualites/?theme=youth")), ["Conseil des jeunes"]
        )
        self.assertEqual(titles(self.client.get("/fr/agenda/?theme=youth")), ["Forum"])
        self.assertEqual(titles(self.client.get("/fr/publications/?theme=youth")), ["Note"])
        options = soup(self.client.get("/fr/actualites/")).select("#filter-theme option")
        self.assertEqual(
            [(o["value"], o.get_text()) for o in options][1:],
            [("youth", "Jeunesse"), ("housing", "Logement")],
        )

    def test_events_use_the_repository_region_codes(self):
        self.assertEqual(titles(self.client.get("/fr/agenda/?region=latin-america")), ["Forum"])
        options = [
            o["value"] for o in soup(self.client.get("/fr/agenda/")).select("#filter-region option")
        ]
        self.assertIn("middle-east-west-asia", options)
        self.assertIn("worldwide", options)
        self.assertNotIn("latin_america", options)

    def test_the_page_links_its_themes_to_the_experiences_on_that_theme(self):
        page = soup(self.client.get(self.news.url))
        link = page.select_one(".news-themes a")
        self.assertEqual(link.get_text(), "Jeunesse")
        self.assertEqual(link["href"], f"{self.index.url}?theme=youth")
        self.assertIn("16. ", page.select_one(".news-themes").get_text())

    def test_a_translation_keeps_the_themes_named_in_its_language(self):
        news_es = publish_translation(self.news, "es")
        self.assertEqual(list(news_es.themes.all()), [self.youth])  # synchronised
        link = soup(self.client.get(news_es.url)).select_one(".news-themes a")
        self.assertEqual(link.get_text(), "Juventud")
        self.assertEqual(link["href"], f"{self.index_es.url}?theme=youth")

    def test_the_search_theme_facet_covers_news_events_and_publications(self):
        outcome = search_pages("", "fr", {"theme": ["youth"]})
        self.assertEqual(
            sorted(page.title for page in outcome.page.object_list),
            ["Conseil des jeunes", "Forum", "Note"],
        )
        facets = {facet.param: rows for facet, rows in outcome.facets}
        self.assertEqual(len(facets["type"]), 3)
        self.assertEqual({value: count for value, _l, count, _s in facets["sdg"]}, {"16": 1})
        self.assertEqual(
            {value: count for value, _l, count, _s in facets["region"]}, {"latin-america": 1}
        )


class RelatedExperiencesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.sections = multilingual_sections()
        index = ExperienceIndexPageFactory(parent=cls.homes["fr"])
        cls.experience = ExperiencePageFactory(
            parent=index, title="Budget participatif de Valongo", city="Valongo", country="PT"
        )
        cls.experience.save_revision().publish()
        publish_translation(index, "es")
        cls.experience_es = publish_translation(cls.experience, "es")
        cls.experience_es.title = "Presupuesto participativo de Valongo"
        cls.experience_es.save_revision().publish()
        cls.draft = ExperiencePageFactory(parent=index, title="Brouillon", live=False)
        cls.news = NewsPageFactory(parent=cls.sections["fr"]["news"], slug="valongo")
        for experience in (cls.experience, cls.draft):
            NewsRelatedExperience.objects.create(page=cls.news, experience=experience)

    def test_related_experiences_are_shown_as_cards(self):
        page = soup(self.client.get(self.news.url))
        cards = page.select(".news-related-experiences .news-card")
        self.assertEqual(len(cards), 1)  # the draft is not shown
        self.assertEqual(cards[0].h3.a.get_text(), "Budget participatif de Valongo")
        self.assertIn("Valongo, Portugal", cards[0].get_text())

    def test_a_translation_shows_the_experience_in_its_language(self):
        news_es = publish_translation(self.news, "es")
        card = soup(self.client.get(news_es.url)).select_one(".news-related-experiences h3 a")
        self.assertEqual(card.get_text(), "Presupuesto participativo de Valongo")
        self.assertEqual(card["href"], self.experience_es.url)

    def test_the_relation_only_accepts_experiences(self):
        field = NewsRelatedExperience._meta.get_field("experience")
        self.assertEqual(field.related_model.__name__, "ExperiencePage")
        panel = NewsRelatedExperience.panels[0]
        self.assertEqual(panel.page_type, "repository.ExperiencePage")


class VideoEmbedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.sections = multilingual_sections()
        cls.url = "https://www.youtube.com/watch?v=oidp2023"
        # A stored embed: Wagtail answers from it without asking the provider.
        Embed.objects.create(
            url=cls.url,
            max_width=800,
            hash=get_embed_hash(cls.url, 800),
            type="video",
            html='<iframe title="Session" src="https://www.youtube-nocookie.com/embed/x"></iframe>',
            provider_name="YouTube",
        )
        cls.brief = PolicyBriefPageFactory(
            parent=cls.sections["fr"]["publications"], video_url=cls.url
        )

    def test_the_recording_is_embedded_with_a_plain_link_beside_it(self):
        video = soup(self.client.get(self.brief.url)).select_one(".policy-brief__video")
        self.assertIsNotNone(video.find("iframe"))
        self.assertEqual(video.select("a")[-1]["href"], self.url)


class RegionMigrationTests(TestCase):
    def test_old_region_codes_are_renamed(self):
        from importlib import import_module

        from django.apps import apps

        migration = import_module(
            "news.migrations.0002_themes_sdgs_related_experiences_uclg_regions"
        )
        _homes, sections = multilingual_sections()
        event = EventPageFactory(parent=sections["fr"]["events"], region="europe")
        EventPage.objects.filter(pk=event.pk).update(region="latin_america")
        migration.forwards(apps, None)
        self.assertEqual(EventPage.objects.get(pk=event.pk).region, "latin-america")


class FeaturedExperienceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes, cls.sections = multilingual_sections()
        index = ExperienceIndexPageFactory(parent=cls.homes["fr"])
        publish_translation(index, "es")
        cls.chosen = ExperiencePageFactory(parent=index, title="Choisie")
        cls.chosen.save_revision().publish()
        cls.recent = ExperiencePageFactory(parent=index, title="Récente")
        cls.recent.save_revision().publish()
        cls.chosen_es = publish_translation(cls.chosen, "es")
        cls.chosen_es.title = "Elegida"
        cls.chosen_es.save_revision().publish()

    def featured(self, url):
        section = soup(self.client.get(url)).select_one(".news-home__featured")
        return section.select_one(".news-card__title a").get_text() if section else None

    def test_without_a_choice_the_most_recently_updated_experience_is_featured(self):
        self.assertEqual(self.featured("/fr/"), "Récente")
        self.assertEqual(self.featured("/es/"), "Elegida")  # the only Spanish one
        self.assertIsNone(self.featured("/pt/"))

    def test_the_chosen_experience_is_featured_in_each_language(self):
        home = self.homes["fr"]
        home.featured_experience = self.chosen
        home.save_revision().publish()
        self.homes["es"].featured_experience = self.chosen  # synchronised by wagtail-localize
        self.homes["es"].save_revision().publish()
        self.assertEqual(self.featured("/fr/"), "Choisie")
        self.assertEqual(self.featured("/es/"), "Elegida")
