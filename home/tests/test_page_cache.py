import datetime
from unittest import mock

from django.test import TestCase, override_settings
from django.utils import timezone

from wagtail import hooks
from wagtail.models import Page, PageViewRestriction

from home import page_cache
from home.factories import StandardPageFactory, build_multilingual_site
from home.page_cache import CACHE_HEADER


class AnonymousPageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes = build_multilingual_site()
        cls.page = StandardPageFactory(
            parent=cls.homes["fr"], title="Qui sommes-nous", slug="qui", show_in_menus=True
        )

    def get(self, path="/fr/qui/", **extra):
        return self.client.get(path, **extra)

    def test_a_second_anonymous_visit_is_served_from_the_cache_without_queries(self):
        first = self.get()
        self.assertEqual(first.status_code, 200)
        self.assertEqual(first[CACHE_HEADER], "miss")
        with self.assertNumQueries(0):
            second = self.get()
        self.assertEqual(second[CACHE_HEADER], "hit")
        self.assertEqual(second.content, first.content)
        self.assertEqual(second["Content-Type"], first["Content-Type"])
        self.assertEqual(second["Content-Language"], "fr")

    def test_an_unchanged_page_answers_304_to_a_conditional_request(self):
        etag = self.get()["ETag"]
        response = self.get(HTTP_IF_NONE_MATCH=etag)
        self.assertEqual(response.status_code, 304)
        self.assertEqual(response.content, b"")

    def test_each_language_and_query_string_has_its_own_entry(self):
        self.get()
        self.assertEqual(self.get("/fr/qui/?page=2")[CACHE_HEADER], "miss")
        english = self.get("/en/")
        self.assertEqual(english[CACHE_HEADER], "miss")
        self.assertEqual(english["Content-Language"], "en")

    def test_publishing_a_change_is_seen_at_once(self):
        self.get()
        self.page.title = "Qui nous sommes"
        self.page.save_revision().publish()
        response = self.get()
        self.assertEqual(response[CACHE_HEADER], "miss")
        self.assertContains(response, "Qui nous sommes")

    def test_unpublishing_invalidates_the_page_and_the_menus_that_listed_it(self):
        self.assertContains(self.get("/fr/"), "Qui sommes-nous")
        self.get()
        self.page.unpublish()
        self.assertEqual(self.get().status_code, 404)
        self.assertNotContains(self.get("/fr/"), "Qui sommes-nous")

    def test_moving_a_page_invalidates_its_old_address(self):
        other = StandardPageFactory(parent=self.homes["fr"], title="Ailleurs", slug="ailleurs")
        self.get()
        self.page.move(other, pos="last-child")
        # Wagtail leaves a redirect at the old address, which the cache must not hide.
        self.assertRedirects(self.get(), "/fr/ailleurs/qui/", status_code=301)
        self.assertEqual(self.get("/fr/ailleurs/qui/").status_code, 200)

    def test_visitors_with_a_session_are_never_served_from_the_cache(self):
        self.get()
        self.client.cookies["sessionid"] = "anything"
        response = self.get()
        self.assertNotIn(CACHE_HEADER, response)

    def test_restricted_pages_are_not_cached(self):
        PageViewRestriction.objects.create(
            page=self.page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
        self.get()
        self.assertNotIn(CACHE_HEADER, self.get())

    def test_restricting_a_cached_page_stops_serving_the_public_copy(self):
        self.get()
        self.assertEqual(self.get()[CACHE_HEADER], "hit")
        restriction = PageViewRestriction.objects.create(
            page=self.homes["fr"], restriction_type=PageViewRestriction.PASSWORD, password="s"
        )
        response = self.get()
        self.assertNotIn(CACHE_HEADER, response)
        self.assertNotContains(response, "Qui sommes-nous", status_code=200)
        self.assertContains(response, 'type="password"')
        restriction.delete()
        self.assertEqual(self.get()[CACHE_HEADER], "miss")

    def test_a_page_is_not_served_past_the_next_change_an_app_announces(self):
        soon = timezone.now() + datetime.timedelta(minutes=5)
        with hooks.register_temporarily("page_cache_next_change", lambda now: soon):
            self.get()
            self.assertEqual(self.get()[CACHE_HEADER], "hit")
            later = soon + datetime.timedelta(seconds=1)
            with mock.patch("django.utils.timezone.now", return_value=later):
                self.assertEqual(self.get()[CACHE_HEADER], "miss")

    def test_pages_are_served_when_the_page_cache_is_unreachable(self):
        import redis

        from home import page_cache

        broken = mock.Mock()
        for operation in ("get", "get_many", "set", "add", "incr"):
            getattr(broken, operation).side_effect = redis.ConnectionError("refused")
        with (
            mock.patch.object(page_cache, "cache", broken),
            self.assertLogs("oidp.page_cache", "WARNING"),
        ):
            response = self.get()
            page_cache.invalidate()  # publishing does not fail either
        self.assertEqual(response.status_code, 200)
        self.assertNotIn(CACHE_HEADER, response)

    @override_settings(PAGE_CACHE_SECONDS=0)
    def test_it_can_be_turned_off(self):
        self.get()
        self.assertNotIn(CACHE_HEADER, self.get())

    def test_a_hit_is_one_cache_round_trip(self):
        from home import page_cache

        self.get()
        # The generation and the page are read together (the local-memory backend's own
        # get_many calls its get; Redis sends one MGET).
        with mock.patch.object(
            page_cache.cache, "get_many", wraps=page_cache.cache.get_many
        ) as get_many:
            response = self.get()
        self.assertEqual(response[CACHE_HEADER], "hit")
        get_many.assert_called_once()
        self.assertIn(page_cache.GENERATION_KEY, get_many.call_args.args[0])
        self.assertEqual(len(get_many.call_args.args[0]), 2)

    def test_a_hit_still_remembers_the_language_of_the_page_read(self):
        self.get()
        self.client.cookies["oidp_language"] = "en"
        response = self.get()
        self.assertEqual(response[CACHE_HEADER], "hit")
        self.assertEqual(response.cookies["oidp_language"].value, "fr")
        self.assertEqual(response["Content-Length"], str(len(response.content)))

    def test_a_stored_page_of_an_older_generation_is_rendered_again(self):
        from home import page_cache

        self.get()
        page_cache.invalidate()
        self.assertEqual(self.get()[CACHE_HEADER], "miss")
        self.assertEqual(self.get()[CACHE_HEADER], "hit")


class RestrictedPathsTests(TestCase):
    """What the page cache and the listings treat as not public matches Wagtail's rules."""

    @classmethod
    def setUpTestData(cls):
        cls.homes = build_multilingual_site()
        cls.section = StandardPageFactory(parent=cls.homes["fr"], title="Membres", slug="membres")
        cls.inner = StandardPageFactory(parent=cls.section, title="Annuaire", slug="annuaire")
        cls.elsewhere = StandardPageFactory(parent=cls.homes["fr"], title="Ailleurs", slug="ail")
        cls.alias = cls.section.create_alias(parent=cls.elsewhere, update_slug="membres-bis")
        PageViewRestriction.objects.create(
            page=cls.section, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )

    def test_is_public_agrees_with_wagtail_for_every_page(self):
        for page in Page.objects.all():
            with self.subTest(page=page.title):
                self.assertEqual(
                    page_cache.is_public(page), not page.get_view_restrictions().exists()
                )
        self.assertFalse(page_cache.is_public(self.alias))
        self.assertTrue(page_cache.is_public(self.elsewhere))

    def test_public_pages_filters_like_wagtails_public_and_leaves_out_restricted_aliases(self):
        # Wagtail's queryset `public()` keeps an alias of a restricted page, which serving it
        # then refuses (`get_view_restrictions()` follows aliases): listings leave it out.
        self.assertEqual(
            set(page_cache.public_pages(Page.objects.all())),
            set(Page.objects.public()) - {self.alias.page_ptr},
        )
