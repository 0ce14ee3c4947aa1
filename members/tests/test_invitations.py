"""Invitation links: sent from the admin, work once, expire, refuse tampering."""

import time
from unittest import mock

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase

from members.models import Invitation
from repository.models import ExperiencePage

from .base import build_members


class InvitationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_members()

    def invite(self, email="nuno@example.org", language="pt"):
        self.client.force_login(self.tree["editor"])
        response = self.client.post(
            "/admin/members/invitations/new/",
            {
                "email": email,
                "experience": self.tree["solo"].pk,
                "organisation": self.tree["organisations"]["porto"].pk,
                "language": language,
                "message": "Bem-vindo!",
            },
        )
        self.assertEqual(response.status_code, 302, response.content.decode()[:2000])
        self.client.logout()
        invitation = Invitation.objects.get(email=email)
        return invitation

    def accept(self, url, password="a-long-member-password-42"):
        return self.client.post(
            url,
            {
                "first_name": "Nuno",
                "last_name": "Silva",
                "password1": password,
                "password2": password,
            },
        )

    def test_an_editor_invites_and_the_link_creates_the_account_once(self):
        invitation = self.invite()
        [message] = mail.outbox
        self.assertEqual(message.to, ["nuno@example.org"])
        self.assertIn("Bem-vindo!", message.body)
        url = message.body.split("http://testserver", 1)[1].split()[0]
        self.assertTrue(url.startswith("/pt/members/invitation/"))
        self.assertEqual(invitation.invited_by, self.tree["editor"])

        response = self.client.get(url)
        self.assertContains(response, "Assemblée de quartier")
        response = self.accept(url)
        self.assertRedirects(
            response,
            f"/pt/members/experiences/{self.tree['solo'].pk}/edit/",
            fetch_redirect_response=False,
        )
        user = get_user_model().objects.get(email="nuno@example.org")
        self.assertEqual(user.member.language, "pt")
        self.assertEqual(user.member.organisation, self.tree["organisations"]["porto"])
        solo = ExperiencePage.objects.get(pk=self.tree["solo"].pk)
        self.assertIn(user, solo.co_authors.all())
        self.assertEqual(self.client.get(response["Location"]).status_code, 200)

        self.client.logout()
        second = self.accept(url)
        self.assertEqual(second.status_code, 410)
        self.assertEqual(get_user_model().objects.filter(email="nuno@example.org").count(), 1)

    def test_a_weak_password_is_refused_and_the_names_are_kept(self):
        self.invite()
        url = mail.outbox[0].body.split("http://testserver", 1)[1].split()[0]
        response = self.accept(url, password="123")
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, 'value="Silva"', status_code=400)
        self.assertFalse(get_user_model().objects.filter(email="nuno@example.org").exists())

    def test_the_link_expires(self):
        invitation = Invitation.objects.create(
            email="late@example.org", experience=self.tree["solo"], language="fr"
        )
        fifteen_days_ago = time.time() - 15 * 24 * 3600
        with mock.patch("django.core.signing.time.time", return_value=fifteen_days_ago):
            token = invitation.make_token()
        response = self.accept(f"/fr/members/invitation/{token}/")
        self.assertEqual(response.status_code, 410)
        self.assertFalse(get_user_model().objects.filter(email="late@example.org").exists())
        with self.settings(MEMBERS_INVITATION_MAX_AGE=30 * 24 * 3600):
            self.assertEqual(self.client.get(f"/fr/members/invitation/{token}/").status_code, 200)

    def test_a_tampered_link_fails(self):
        invitation = Invitation.objects.create(
            email="eve@example.org", experience=self.tree["solo"], language="fr"
        )
        other = Invitation.objects.create(
            email="mallory@example.org", experience=self.tree["shared"], language="fr"
        )
        token = invitation.make_token()
        forged = f"{other.pk}{token[len(str(invitation.pk)) :]}"
        for bad in (forged, token[:-2] + "xx", "garbage"):
            response = self.accept(f"/fr/members/invitation/{bad}/")
            self.assertEqual(response.status_code, 404, bad)
        self.assertFalse(get_user_model().objects.filter(email="mallory@example.org").exists())

    def test_a_member_cannot_reach_the_invitation_admin(self):
        self.client.force_login(self.tree["ana"])
        response = self.client.post(
            "/admin/members/invitations/new/",
            {"email": "x@example.org", "experience": self.tree["other"].pk, "language": "fr"},
        )
        self.assertEqual(response.status_code, 302)
        self.assertFalse(Invitation.objects.filter(email="x@example.org").exists())
