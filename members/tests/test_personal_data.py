"""A member downloads and deletes their personal data from the dashboard; consent has a date."""

import json

from django.contrib.auth import get_user_model
from django.test import TestCase
from django.utils import timezone

from awards.models import PublicVote
from awards.privacy import pseudonym
from awards.tests.base import build_awards
from members.models import Invitation, Member, MembershipApplication
from members.tests.base import PASSWORD, build_members
from repository.models import ExperiencePage


class PersonalDataTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_members()
        cls.ana = cls.tree["ana"]
        cls.application = MembershipApplication.objects.create(
            organisation_name="Prefeitura",
            organisation_type="local_government",
            country="BR",
            contact_name="Ana",
            contact_email="ana@example.org",
            motivation="Partilhar",
            publication_consent=True,
        )
        Invitation.objects.create(email="ana@example.org", experience=cls.tree["other"])

    def test_the_dashboard_offers_the_download_and_the_deletion(self):
        self.client.force_login(self.ana)
        response = self.client.get("/en/members/")
        self.assertContains(response, 'href="/en/members/my-data/"')
        self.assertContains(response, 'href="/en/members/delete-account/"')

    def test_a_member_downloads_their_data_as_json(self):
        self.client.force_login(self.ana)
        response = self.client.get("/en/members/my-data/")
        self.assertEqual(response.status_code, 200)
        self.assertIn("attachment", response["Content-Disposition"])
        data = json.loads(response.content)
        self.assertEqual(data["account"]["email"], "ana@example.org")
        self.assertEqual(data["member"]["organisation"], "Prefeitura")
        titles = {item["title"] for item in data["co_authored_experiences"]}
        self.assertEqual(titles, {"Budget participatif", "Assemblée de quartier"})
        self.assertEqual(data["membership_applications"][0]["contact_name"], "Ana")
        self.assertIsNotNone(data["membership_applications"][0]["publication_consent_at"])
        self.assertEqual(len(data["invitations_received"]), 1)
        self.assertIn("award", data)

    def test_the_download_is_for_signed_in_members_only(self):
        response = self.client.get("/en/members/my-data/")
        self.assertEqual(response.status_code, 302)
        self.assertIn("/members/login/", response["Location"])

    def test_deletion_asks_for_the_password_and_a_confirmation(self):
        self.client.force_login(self.ana)
        response = self.client.post(
            "/en/members/delete-account/", {"password": "wrong", "confirm": "on"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "This is not your password.", status_code=400)
        response = self.client.post("/en/members/delete-account/", {"password": PASSWORD})
        self.assertEqual(response.status_code, 400)
        self.assertTrue(get_user_model().objects.get(pk=self.ana.pk).is_active)

    def test_deleting_the_account_anonymises_it_and_keeps_the_experiences(self):
        self.client.force_login(self.ana)
        response = self.client.post(
            "/en/members/delete-account/", {"password": PASSWORD, "confirm": "on"}
        )
        self.assertRedirects(response, "/en/members/account-deleted/")
        user = get_user_model().objects.get(pk=self.ana.pk)
        self.assertEqual((user.email, user.first_name, user.is_active), ("", "", False))
        self.assertFalse(user.has_usable_password())
        self.assertNotIn("ana", user.username)
        self.assertFalse(Member.objects.filter(user=user).exists())
        shared = ExperiencePage.objects.get(pk=self.tree["shared"].pk)
        self.assertTrue(shared.live)
        self.assertEqual(list(shared.co_authors.all()), [self.tree["claire"]])
        self.assertTrue(ExperiencePage.objects.get(pk=self.tree["solo"].pk).live)
        self.assertFalse(Invitation.objects.filter(email="ana@example.org").exists())
        # Signed out, and the old password no longer opens anything.
        self.assertNotIn("_auth_user_id", self.client.session)
        response = self.client.post(
            "/en/members/login/", {"username": "ana@example.org", "password": PASSWORD}
        )
        self.assertEqual(response.status_code, 200)
        self.assertNotIn("_auth_user_id", self.client.session)


class DeletionAndAwardsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_awards(phase="vote")
        cls.user = get_user_model().objects.create_user(
            "voter@example.org", "voter@example.org", PASSWORD
        )
        Member.objects.create(user=cls.user)

    def test_deleting_the_account_pseudonymises_the_members_votes(self):
        from awards.factories import CandidatureFactory
        from awards.models import Candidature
        from awards.tests.base import experience

        finalist = CandidatureFactory(
            edition=self.tree["edition"],
            experience=experience(self.tree),
            state=Candidature.State.FINALIST,
        )
        vote = PublicVote.objects.create(
            edition=self.tree["edition"],
            candidature=finalist,
            email="voter@example.org",
            language="fr",
            ip_address="203.0.113.7",
            confirmed_at=timezone.now(),
        )
        self.client.force_login(self.user)
        self.client.post("/en/members/delete-account/", {"password": PASSWORD, "confirm": "on"})
        vote.refresh_from_db()
        self.assertEqual(vote.email, pseudonym("voter@example.org"))
        self.assertIsNone(vote.ip_address)


class ConsentDateTests(TestCase):
    def test_an_application_records_when_consent_was_given_and_forgets_it_when_withdrawn(self):
        application = MembershipApplication.objects.create(
            organisation_name="Comune",
            organisation_type="local_government",
            country="IT",
            contact_name="Lia",
            contact_email="lia@example.org",
            motivation="Per partecipare",
            publication_consent=True,
        )
        self.assertIsNotNone(application.publication_consent_at)
        application.publication_consent = False
        application.save()
        self.assertIsNone(application.publication_consent_at)
