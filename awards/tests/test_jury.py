"""The jury: only assigned jurors, only finalists, own scores until the phase closes,
conflicts of interest, and the ranking that combines scores and votes."""

import datetime
from unittest import mock

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from ..factories import AwardEditionPageFactory, CandidatureFactory, UserFactory, make_juror
from ..models import Candidature, ConflictOfInterest, JuryScore, PublicVote
from ..ranking import ranking
from .base import build_awards, experience


class JuryTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_awards(phase="jury_1")
        cls.edition = cls.tree["edition"]
        cls.innovation, cls.impact = cls.tree["criteria"]
        cls.finalist = CandidatureFactory(
            edition=cls.edition, experience=experience(cls.tree), state=Candidature.State.FINALIST
        )
        cls.second = CandidatureFactory(
            edition=cls.edition,
            experience=experience(cls.tree, title="Conseil des jeunes"),
            state=Candidature.State.FINALIST,
        )
        cls.not_finalist = CandidatureFactory(
            edition=cls.edition,
            experience=experience(cls.tree, title="Pas finaliste"),
            state=Candidature.State.ELIGIBLE,
        )
        cls.juror = make_juror(cls.edition, username="juror-a")
        cls.colleague = make_juror(cls.edition, username="juror-b")
        cls.other_edition = AwardEditionPageFactory(
            parent=cls.tree["award_index"], title="Prix 2023", slug="2023", phase="jury_1"
        )
        cls.other_finalist = CandidatureFactory(
            edition=cls.other_edition,
            experience=experience(cls.tree, title="Ailleurs"),
            state=Candidature.State.FINALIST,
        )
        JuryScore.objects.create(
            candidature=cls.finalist,
            juror=cls.colleague,
            criterion=cls.innovation,
            phase=1,
            score=3,
            comment="Avis secret du collègue",
        )

    def setUp(self):
        self.enterContext(translation.override("en"))
        self.client.force_login(self.juror)

    def score_url(self, candidature, edition=None):
        return reverse("awards:jury_score", args=[(edition or self.edition).pk, candidature.pk])

    def sheet(self, innovation=8, impact=6):
        return {
            f"score_{self.innovation.pk}": innovation,
            f"comment_{self.innovation.pk}": "Très innovant",
            f"score_{self.impact.pk}": impact,
            f"comment_{self.impact.pk}": "",
        }


class VisibilityTests(JuryTestCase):
    def test_a_juror_sees_the_finalists_of_their_edition_only(self):
        response = self.client.get(reverse("awards:jury_edition", args=[self.edition.pk]))
        self.assertContains(response, self.finalist.title)
        self.assertContains(response, self.second.title)
        self.assertNotContains(response, "Pas finaliste")
        self.assertEqual(self.client.get(self.score_url(self.not_finalist)).status_code, 404)
        self.assertEqual(
            self.client.get(
                reverse("awards:jury_edition", args=[self.other_edition.pk])
            ).status_code,
            404,
        )
        self.assertEqual(
            self.client.get(self.score_url(self.other_finalist, self.other_edition)).status_code,
            404,
        )
        # Another edition's finalist through this edition's address: not found either.
        self.assertEqual(self.client.get(self.score_url(self.other_finalist)).status_code, 404)

    def test_people_outside_the_jury_see_nothing(self):
        self.client.force_login(UserFactory())
        self.assertEqual(self.client.get(self.score_url(self.finalist)).status_code, 404)
        self.assertEqual(self.client.get(reverse("awards:jury_home")).status_code, 404)

    def test_a_juror_does_not_see_other_jurors_scores_while_the_phase_is_open(self):
        response = self.client.get(self.score_url(self.finalist))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "Avis secret du collègue")
        self.assertNotContains(response, "juror-b")

    def test_other_jurors_scores_are_shown_once_the_phase_has_closed(self):
        after = self.edition.jury_phase_1_closes_at + datetime.timedelta(minutes=1)
        with mock.patch("django.utils.timezone.now", return_value=after):
            response = self.client.get(self.score_url(self.finalist))
        self.assertContains(response, "Avis secret du collègue")

    def test_a_declared_conflict_of_interest_hides_the_candidature(self):
        response = self.client.post(
            reverse("awards:jury_conflict", args=[self.edition.pk, self.finalist.pk]),
            {"confirm": "on", "note": "Je conseille cette ville."},
        )
        self.assertEqual(response.status_code, 302)
        self.assertTrue(
            ConflictOfInterest.objects.filter(candidature=self.finalist, juror=self.juror).exists()
        )
        listing = self.client.get(reverse("awards:jury_edition", args=[self.edition.pk]))
        self.assertNotContains(listing, self.score_url(self.finalist))
        self.assertEqual(self.client.get(self.score_url(self.finalist)).status_code, 404)
        self.assertEqual(
            self.client.post(self.score_url(self.finalist), self.sheet()).status_code, 404
        )


class ScoringTests(JuryTestCase):
    def test_a_juror_scores_each_criterion_during_the_phase(self):
        response = self.client.post(self.score_url(self.finalist), self.sheet())
        self.assertEqual(response.status_code, 302)
        scores = JuryScore.objects.filter(juror=self.juror, candidature=self.finalist)
        self.assertEqual(
            sorted(scores.values_list("criterion_id", "phase", "score")),
            sorted([(self.innovation.pk, 1, 8), (self.impact.pk, 1, 6)]),
        )

    def test_an_out_of_range_score_is_refused_and_kept_on_the_form(self):
        response = self.client.post(self.score_url(self.finalist), self.sheet(innovation=11))
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Très innovant", status_code=400)
        self.assertFalse(JuryScore.objects.filter(juror=self.juror).exists())

    def test_scores_cannot_be_given_between_the_phases(self):
        between = self.edition.jury_phase_1_closes_at + datetime.timedelta(minutes=1)
        with mock.patch("django.utils.timezone.now", return_value=between):
            self.client.post(self.score_url(self.finalist), self.sheet())
        self.assertFalse(JuryScore.objects.filter(juror=self.juror).exists())


class RankingTests(JuryTestCase):
    def test_the_ranking_weighs_criteria_and_the_public_vote(self):
        # Juror A: finalist 8 (w2) and 6 (w1) → (16 + 6) / 30; juror B: 3 on innovation → 0.3.
        self.client.post(self.score_url(self.finalist), self.sheet(8, 6))
        self.client.force_login(self.colleague)
        self.client.post(self.score_url(self.second), self.sheet(10, 10))
        now = timezone.now()
        for number in range(3):
            PublicVote.objects.create(
                edition=self.edition,
                candidature=self.finalist,
                email=f"v{number}@example.org",
                language="fr",
                confirmed_at=now,
            )
        PublicVote.objects.create(
            edition=self.edition,
            candidature=self.second,
            email="other@example.org",
            language="fr",
            confirmed_at=now,
        )
        entries = {entry.candidature.pk: entry for entry in ranking(self.edition)}
        first = entries[self.finalist.pk]
        self.assertAlmostEqual(first.jury_score, ((22 / 30) + 0.3) / 2)
        self.assertEqual(first.vote_score, 1.0)
        self.assertAlmostEqual(first.final_score, 0.8 * first.jury_score + 0.2 * 1.0)
        second = entries[self.second.pk]
        self.assertAlmostEqual(second.jury_score, 1.0)
        self.assertAlmostEqual(second.final_score, 0.8 + 0.2 / 3)
        self.assertNotIn(self.not_finalist.pk, entries)

    def test_a_conflicted_jurors_scores_do_not_count(self):
        ConflictOfInterest.objects.create(candidature=self.finalist, juror=self.colleague)
        entry = next(e for e in ranking(self.edition) if e.candidature == self.finalist)
        self.assertEqual(entry.jurors_counted, 0)
        self.assertEqual(entry.jury_score, 0.0)
