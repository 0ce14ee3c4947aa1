from io import StringIO

from django.core.management import call_command
from django.test import TestCase, override_settings

from wagtail.images import get_image_model

import wagtail_factories

from home.factories import build_multilingual_site
from home.renditions import EXPERIENCE_CARD, TEASER, expanded_specs
from news.factories import NewsPageFactory, build_sections
from repository.factories import ExperiencePageFactory
from repository.tests.base import build_repository

Rendition = get_image_model().get_rendition_model()


def rendition_specs(image):
    return set(Rendition.objects.filter(image=image).values_list("filter_spec", flat=True))


# Renditions are generated on publish through django-tasks' immediate backend (the default
# TASKS setting), as a worker would in production.
@override_settings(PAGE_CACHE_SECONDS=0)
class ListingRenditionsOnPublishTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes = build_multilingual_site()
        cls.sections = build_sections(cls.homes)

    def publish_news_with_image(self):
        image = wagtail_factories.ImageFactory(file__width=1600, file__height=1000)
        news = NewsPageFactory(parent=self.sections["news"], title="Forum de Porto Alegre")
        news.image = image
        with self.captureOnCommitCallbacks(execute=True):
            news.save_revision().publish()
        return news, image

    def test_publishing_a_news_item_generates_its_teaser_renditions(self):
        _news, image = self.publish_news_with_image()
        self.assertEqual(rendition_specs(image), set(expanded_specs([TEASER])))
        self.assertEqual(len(rendition_specs(image)), 6)

    def test_the_news_listing_then_needs_no_new_rendition(self):
        self.publish_news_with_image()
        before = Rendition.objects.count()
        response = self.client.get(self.sections["news"].url)
        self.assertContains(response, "Forum de Porto Alegre")
        self.assertContains(response, "<picture", html=False)
        self.assertEqual(Rendition.objects.count(), before)

    def test_a_page_without_an_image_generates_nothing(self):
        news = NewsPageFactory(parent=self.sections["news"])
        with self.captureOnCommitCallbacks(execute=True):
            news.save_revision().publish()
        self.assertEqual(Rendition.objects.count(), 0)


class GenerateListingRenditionsCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()

    def setUp(self):
        # Image files live in each test's own media folder (conftest.py), so made per test.
        self.image = wagtail_factories.ImageFactory(file__width=1200, file__height=900)
        index = self.tree["indexes"]["fr"]
        ExperiencePageFactory(parent=index, main_image=self.image)
        ExperiencePageFactory(parent=index)  # no image: nothing to make
        Rendition.objects.all().delete()

    def test_the_command_makes_the_missing_renditions_and_reports_progress(self):
        out = StringIO()
        call_command("generate_listing_renditions", stdout=out)
        self.assertEqual(
            rendition_specs(self.image),
            set(expanded_specs([EXPERIENCE_CARD])) | {"fill-640x400|format-webp"},
        )
        self.assertIn("1/1 pages", out.getvalue())
        self.assertIn("2 renditions present for 1 pages", out.getvalue())

    def test_running_it_again_creates_nothing_new(self):
        call_command("generate_listing_renditions", stdout=StringIO())
        before = Rendition.objects.count()
        call_command("generate_listing_renditions", stdout=StringIO())
        self.assertEqual(Rendition.objects.count(), before)
