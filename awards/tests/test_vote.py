"""The public vote: its window, confirmation links, one counted vote per address, rate limits."""

import datetime
import time
from unittest import mock

from django.contrib.auth.models import Permission
from django.core import mail
from django.db import IntegrityError, transaction
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone, translation

from ..emails import vote_token
from ..factories import CandidatureFactory, UserFactory
from ..models import Candidature, PublicVote
from .base import build_awards, experience


class VoteTestCase(TestCase):
    def setUp(self):
        # The interface in English (the msgids), whatever the catalogues translate.
        self.enterContext(translation.override("en"))

    @classmethod
    def setUpTestData(cls):
        cls.tree = build_awards(phase="vote")
        cls.edition = cls.tree["edition"]
        cls.finalist = CandidatureFactory(
            edition=cls.edition, experience=experience(cls.tree), state=Candidature.State.FINALIST
        )
        cls.other = CandidatureFactory(
            edition=cls.edition,
            experience=experience(cls.tree, title="Conseil des jeunes"),
            state=Candidature.State.WINNER,
        )
        cls.eligible = CandidatureFactory(
            edition=cls.edition,
            experience=experience(cls.tree, title="Pas finaliste"),
            state=Candidature.State.ELIGIBLE,
        )

    def vote(self, email="Voter@Example.org", finalist=None, **extra):
        return self.client.post(
            reverse("awards:vote", args=[self.edition.pk]),
            {"finalist": str((finalist or self.finalist).pk), "email": email},
            **extra,
        )

    def confirmation_link(self):
        body = mail.outbox[-1].body
        return next(word for word in body.split() if "/vote/confirm/" in word)


class VoteWindowTests(VoteTestCase):
    def test_one_minute_before_the_vote_opens_a_vote_is_refused(self):
        with mock.patch(
            "django.utils.timezone.now",
            return_value=self.edition.vote_opens_at - datetime.timedelta(minutes=1),
        ):
            response = self.vote()
        self.assertEqual(response.status_code, 403)
        self.assertContains(response, "Europe/Madrid", status_code=403)
        self.assertFalse(PublicVote.objects.exists())

    def test_one_minute_after_the_vote_closes_a_confirmation_is_refused(self):
        self.vote()
        link = self.confirmation_link()
        with mock.patch(
            "django.utils.timezone.now",
            return_value=self.edition.vote_closes_at + datetime.timedelta(minutes=1),
        ):
            response = self.client.get(link)
        self.assertEqual(response.status_code, 409)
        self.assertFalse(PublicVote.objects.filter(confirmed_at__isnull=False).exists())

    def test_only_finalists_can_be_chosen(self):
        response = self.vote(finalist=self.eligible)
        self.assertEqual(response.status_code, 400)
        self.assertFalse(PublicVote.objects.exists())
        page = self.client.get(reverse("awards:vote", args=[self.edition.pk]))
        self.assertContains(page, "Conseil des jeunes")
        self.assertNotContains(page, "Pas finaliste")


class ConfirmationTests(VoteTestCase):
    def test_a_vote_counts_only_once_its_link_is_followed(self):
        response = self.vote()
        self.assertContains(response, "voter@example.org")
        vote = PublicVote.objects.get()
        self.assertEqual(vote.email, "voter@example.org")
        self.assertIsNone(vote.confirmed_at)
        self.assertEqual(mail.outbox[0].to, ["voter@example.org"])

        confirmed = self.client.get(self.confirmation_link())
        self.assertContains(confirmed, "your vote counts")
        vote.refresh_from_db()
        self.assertIsNotNone(vote.confirmed_at)

        again = self.client.get(self.confirmation_link())
        self.assertContains(again, "already counted")
        self.assertEqual(PublicVote.objects.filter(confirmed_at__isnull=False).count(), 1)

    def test_a_second_vote_of_the_same_address_is_not_counted(self):
        self.vote()
        self.client.get(self.confirmation_link())
        self.vote(email="VOTER@example.org ", finalist=self.other)
        response = self.client.get(self.confirmation_link())
        self.assertEqual(response.status_code, 409)
        self.assertContains(response, "already voted", status_code=409)
        counted = PublicVote.objects.filter(confirmed_at__isnull=False)
        self.assertEqual(list(counted.values_list("candidature", flat=True)), [self.finalist.pk])

    def test_a_tampered_link_is_refused(self):
        self.vote()
        vote = PublicVote.objects.get()
        other = PublicVote.objects.create(
            edition=self.edition, candidature=self.other, email="x@example.org", language="fr"
        )
        token = vote_token(vote)
        forged = f"{other.pk}:{token.split(':', 1)[1]}"
        for bad in (forged, token[:-2] + "xx", "nonsense"):
            response = self.client.get(reverse("awards:vote_confirm", args=[bad]))
            self.assertEqual(response.status_code, 400)
            self.assertContains(response, "not valid", status_code=400)
        self.assertFalse(PublicVote.objects.filter(confirmed_at__isnull=False).exists())

    def test_an_expired_link_is_refused(self):
        self.vote()
        link = self.confirmation_link()
        three_days_later = time.time() + 3 * 24 * 3600
        with mock.patch("time.time", return_value=three_days_later):
            response = self.client.get(link)
        self.assertContains(response, "expired", status_code=400)
        self.assertFalse(PublicVote.objects.filter(confirmed_at__isnull=False).exists())

    def test_the_database_refuses_two_counted_votes_for_one_address(self):
        now = timezone.now()
        PublicVote.objects.create(
            edition=self.edition,
            candidature=self.finalist,
            email="a@example.org",
            language="fr",
            confirmed_at=now,
        )
        with self.assertRaises(IntegrityError), transaction.atomic():
            PublicVote.objects.create(
                edition=self.edition,
                candidature=self.other,
                email="a@example.org",
                language="fr",
                confirmed_at=now,
            )


class RateLimitTests(VoteTestCase):
    def test_an_address_asking_too_often_is_slowed_down(self):
        for number in range(3):
            self.assertEqual(self.vote(REMOTE_ADDR=f"10.0.{number}.1").status_code, 200)
        response = self.vote(REMOTE_ADDR="10.0.9.1")
        self.assertContains(response, "Too many vote requests", status_code=429)
        self.assertEqual(PublicVote.objects.count(), 3)

    def test_a_connection_asking_too_often_is_slowed_down(self):
        with self.settings(AWARDS_VOTE_RATE_PER_IP="2/h"):
            self.vote(email="a@example.org", REMOTE_ADDR="10.1.1.1")
            self.vote(email="b@example.org", REMOTE_ADDR="10.1.1.1")
            response = self.vote(email="c@example.org", REMOTE_ADDR="10.1.1.1")
        self.assertEqual(response.status_code, 429)


class CountsTests(VoteTestCase):
    def test_counts_are_hidden_until_the_vote_closes(self):
        PublicVote.objects.create(
            edition=self.edition,
            candidature=self.finalist,
            email="a@example.org",
            language="fr",
            confirmed_at=timezone.now(),
        )
        page = self.client.get(self.edition.url)
        self.assertNotContains(page, "data-votes")
        with mock.patch(
            "django.utils.timezone.now",
            return_value=self.edition.vote_closes_at + datetime.timedelta(minutes=1),
        ):
            page = self.client.get(self.edition.url)
        self.assertContains(page, 'data-votes="1"')
        self.assertContains(page, 'data-votes="0"')

    def test_staff_see_counts_and_votes_from_one_network(self):
        for number in range(6):
            PublicVote.objects.create(
                edition=self.edition,
                candidature=self.finalist,
                email=f"bot{number}@example.org",
                language="fr",
                ip_address=f"203.0.113.{number + 1}",
                network="203.0.113.0/24",
                confirmed_at=timezone.now(),
            )
        staff = UserFactory(is_staff=True)
        staff.user_permissions.add(
            Permission.objects.get(codename="access_admin"),
            Permission.objects.get(codename="change_candidature"),
        )
        self.client.force_login(staff)
        response = self.client.get(reverse("award_reports:report", args=[self.edition.pk]))
        self.assertContains(response, "203.0.113.0/24")
        self.assertContains(
            response, "<td>203.0.113.0/24</td><td>6</td><td>6</td><td>6</td>", html=False
        )

    def test_people_without_the_permission_cannot_see_the_report(self):
        self.client.force_login(UserFactory())
        response = self.client.get(reverse("award_reports:report", args=[self.edition.pk]))
        self.assertNotEqual(response.status_code, 200)
