"""Voters' and applicants' data is purged once an edition has been closed long enough."""

import datetime
import io

from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import timezone

from awards.factories import AwardEditionPageFactory, CandidatureFactory, dates_in_phase
from awards.models import Candidature, CandidatureAttachment, PublicVote
from awards.privacy import pseudonym
from awards.tests.base import build_awards, experience


def vote(edition, candidature, email, confirmed=True):
    return PublicVote.objects.create(
        edition=edition,
        candidature=candidature,
        email=email,
        language="fr",
        ip_address="203.0.113.7",
        network="203.0.113.0/24",
        confirmed_at=timezone.now() if confirmed else None,
    )


@override_settings(AWARDS_PERSONAL_DATA_RETENTION_DAYS=30)
class PurgeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_awards(phase="vote")
        cls.current = cls.tree["edition"]
        # An edition whose last jury phase closed 40 days ago (retention: 30 days).
        long_ago = timezone.now() - datetime.timedelta(days=40 + 33)
        dates = dates_in_phase("call", now=long_ago)
        cls.old = AwardEditionPageFactory(
            parent=cls.tree["award_index"], title="Prix 2019", slug="2019", **dates
        )
        cls.finalist = CandidatureFactory(
            edition=cls.old,
            experience=experience(cls.tree, title="Finaliste"),
            state=Candidature.State.FINALIST,
        )
        cls.rejected = CandidatureFactory(
            edition=cls.old,
            experience=experience(cls.tree, title="Non retenue"),
            state=Candidature.State.INELIGIBLE,
            ineligibility_reason="Hors délai",
        )
        cls.draft = CandidatureFactory(
            edition=cls.old,
            experience=experience(cls.tree, title="Brouillon"),
            state=Candidature.State.DRAFT,
        )
        cls.current_finalist = CandidatureFactory(
            edition=cls.current,
            experience=experience(cls.tree, title="En cours"),
            state=Candidature.State.FINALIST,
        )

    def setUp(self):
        self.old_vote = vote(self.old, self.finalist, "voter@example.org")
        self.current_vote = vote(self.current, self.current_finalist, "voter@example.org")
        self.attachments = {}
        for candidature in (self.finalist, self.rejected):
            attachment = CandidatureAttachment(
                candidature=candidature,
                original_name="dossier.pdf",
                content_type="application/pdf",
                extension="pdf",
                size=4,
            )
            attachment.file.save("dossier.pdf", ContentFile(b"%PDF"), save=True)
            self.attachments[candidature.pk] = attachment

    def purge(self, *args):
        out = io.StringIO()
        call_command("purge_personal_data", *args, stdout=out)
        return out.getvalue()

    def test_dry_run_reports_and_changes_nothing(self):
        output = self.purge("--dry-run")
        self.assertIn("1/1 Prix 2019: would pseudonymise 1 vote(s)", output)
        self.assertIn("1 unsubmitted candidature(s) and 1 attachment(s) would be deleted", output)
        self.old_vote.refresh_from_db()
        self.assertEqual(self.old_vote.email, "voter@example.org")
        self.assertTrue(Candidature.objects.filter(pk=self.draft.pk).exists())

    def test_closed_editions_lose_addresses_ips_drafts_and_unneeded_attachments(self):
        output = self.purge()
        self.assertIn("1/1 Prix 2019: pseudonymised 1 vote(s)", output)
        self.old_vote.refresh_from_db()
        self.assertNotIn("voter", self.old_vote.email)
        self.assertEqual(self.old_vote.email, pseudonym("voter@example.org"))
        self.assertIsNone(self.old_vote.ip_address)
        self.assertEqual(self.old_vote.network, "")
        # The vote still counts for the record.
        self.assertIsNotNone(self.old_vote.confirmed_at)
        self.assertFalse(Candidature.objects.filter(pk=self.draft.pk).exists())
        self.assertTrue(Candidature.objects.filter(pk=self.rejected.pk).exists())
        rejected_file = self.attachments[self.rejected.pk].file
        self.assertFalse(rejected_file.storage.exists(rejected_file.name))
        self.assertFalse(CandidatureAttachment.objects.filter(candidature=self.rejected).exists())
        self.assertTrue(CandidatureAttachment.objects.filter(candidature=self.finalist).exists())

    def test_an_edition_still_running_keeps_its_voters_addresses(self):
        self.purge()
        self.current_vote.refresh_from_db()
        self.assertEqual(self.current_vote.email, "voter@example.org")
        self.assertEqual(self.current_vote.ip_address, "203.0.113.7")

    def test_running_it_again_changes_nothing_more(self):
        self.purge()
        output = self.purge()
        self.assertIn(
            "pseudonymised 0 vote(s); 0 unsubmitted candidature(s) and 0 attachment(s)", output
        )

    def test_one_vote_per_address_still_holds_after_the_purge(self):
        self.purge()
        self.assertEqual(
            PublicVote.objects.filter(
                edition=self.old, email=pseudonym("VOTER@example.org ")
            ).count(),
            1,
        )
