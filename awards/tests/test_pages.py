"""The edition page: the current phase and what it offers, the results, the experience badge."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from django.utils.translation import gettext

from home import page_cache

from ..factories import CandidatureFactory
from ..models import Candidature
from .base import build_awards, experience, translate_awards


class EditionPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_awards(phase="call")
        cls.edition = cls.tree["edition"]
        _index, cls.english = translate_awards(cls.tree, "en")
        cls.winner = CandidatureFactory(
            edition=cls.edition, experience=experience(cls.tree), state=Candidature.State.WINNER
        )
        cls.mention = CandidatureFactory(
            edition=cls.edition,
            experience=experience(cls.tree, title="Conseil des jeunes"),
            state=Candidature.State.SPECIAL_MENTION,
        )

    def setUp(self):
        self.enterContext(translation.override("en"))

    def test_during_the_call_the_page_offers_to_apply_and_hides_the_finalists(self):
        response = self.client.get(self.english.url)
        self.assertContains(response, "Call for candidatures open")
        self.assertContains(response, f"/en/awards/editions/{self.english.pk}/apply/")
        self.assertNotContains(response, "/vote/")
        self.assertNotContains(response, "Conseil des jeunes")

    def test_results_show_only_once_published_with_links_and_a_badge_on_the_experience(self):
        experience_url = self.winner.experience.url
        self.assertNotContains(self.client.get(experience_url), "award-badge")
        self.edition.results_published = True
        self.edition.save_revision().publish()
        response = self.client.get(self.english.url)
        self.assertContains(response, "Results published")
        self.assertContains(response, f'href="{experience_url}"')
        self.assertContains(response, "Conseil des jeunes")
        badge = self.client.get(experience_url)
        self.assertContains(badge, "award-badge")
        self.assertContains(badge, f'href="{self.english.url}"', count=0)
        self.assertContains(badge, self.edition.url)

    def test_a_candidature_changed_after_the_results_updates_the_cached_experience_page(self):
        self.edition.results_published = True
        self.edition.save_revision().publish()
        late = CandidatureFactory(
            edition=self.edition,
            experience=experience(self.tree, title="Budget des écoles"),
            state=Candidature.State.FINALIST,
        )
        url = late.experience.url
        with translation.override("fr"):
            year = {"year": self.edition.year}
            finalist = gettext("Best Practice Award %(year)s: finalist") % year
            winner = gettext("Best Practice Award %(year)s: winner") % year
        self.assertContains(self.client.get(url), finalist)
        self.assertEqual(self.client.get(url)["X-Page-Cache"], "hit")
        late.state = Candidature.State.WINNER
        late.save()
        response = self.client.get(url)
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, winner)
        self.assertNotContains(response, finalist)

    def test_experiences_that_were_never_candidates_read_no_candidature(self):
        self.edition.results_published = True
        self.edition.save_revision().publish()
        other = experience(self.tree, title="Assemblée du quartier")
        page_cache.invalidate()
        # The first page rendered after a change reads which experiences have awards...
        self.assertContains(self.client.get(self.winner.experience.url), "award-badge")
        # ...the others need no candidature to know they have none.
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(other.url)
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertNotContains(response, "award-badge")
        self.assertEqual([q for q in queries if "awards_candidature" in q["sql"]], [])
