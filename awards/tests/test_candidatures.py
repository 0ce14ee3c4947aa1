"""Candidatures: drafts, the deadline in the edition's time zone, attachments, e-mails."""

import datetime
import io
import zoneinfo
from unittest import mock

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings
from django.urls import reverse
from django.utils import translation

from PIL import Image

from repository.models import ExperiencePage

from ..factories import UserFactory
from ..models import Candidature, CandidatureAttachment
from ..wagtail_hooks import candidatures_panel
from .base import build_awards, experience

SAO_PAULO = zoneinfo.ZoneInfo("America/Sao_Paulo")
# 15 May 2024, 23:59 in São Paulo is 16 May 2024, 02:59 UTC.
DEADLINE = datetime.datetime(2024, 5, 15, 23, 59, tzinfo=SAO_PAULO)
CALENDAR_2024 = {
    "time_zone": "America/Sao_Paulo",
    "call_opens_at": datetime.datetime(2024, 2, 1, 9, 0, tzinfo=SAO_PAULO),
    "candidature_deadline": DEADLINE,
    "eligibility_check_ends_at": datetime.datetime(2024, 5, 25, 18, 0, tzinfo=SAO_PAULO),
    "finalists_announced_at": datetime.datetime(2024, 5, 31, 12, 0, tzinfo=SAO_PAULO),
    "vote_opens_at": datetime.datetime(2024, 6, 1, 0, 0, tzinfo=SAO_PAULO),
    "vote_closes_at": datetime.datetime(2024, 6, 30, 23, 59, tzinfo=SAO_PAULO),
    "jury_phase_1_opens_at": datetime.datetime(2024, 7, 1, 0, 0, tzinfo=SAO_PAULO),
    "jury_phase_1_closes_at": datetime.datetime(2024, 7, 31, 23, 59, tzinfo=SAO_PAULO),
    "jury_phase_2_opens_at": datetime.datetime(2024, 8, 1, 0, 0, tzinfo=SAO_PAULO),
    "jury_phase_2_closes_at": datetime.datetime(2024, 8, 31, 23, 59, tzinfo=SAO_PAULO),
}


def at(moment):
    return mock.patch("django.utils.timezone.now", return_value=moment)


def pdf_bytes():
    return b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return buffer.getvalue()


class CandidatureTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_awards(phase=None, **CALENDAR_2024)
        cls.edition = cls.tree["edition"]
        cls.member = UserFactory(email="ana@example.org")
        cls.experience = experience(cls.tree)
        cls.experience.co_authors.add(cls.member)
        cls.experience.save()
        cls.required, cls.optional = cls.tree["questions"]

    def setUp(self):
        self.enterContext(translation.override("en"))
        self.client.force_login(self.member)

    def draft(self, **fields):
        return Candidature.objects.create(
            edition=self.edition,
            applicant=self.member,
            language="fr",
            experience=self.experience,
            title=self.experience.title,
            **fields,
        )

    def form_data(self, **extra):
        data = {
            "experience": str(self.experience.pk),
            "category": str(self.tree["categories"][0].pk),
            f"question_{self.required.pk}": "Les habitants décident de 10 % du budget.",
        }
        data.update(extra)
        return data


class DeadlineTests(CandidatureTestCase):
    def test_submission_one_minute_before_the_deadline_in_the_editions_time_zone_is_accepted(self):
        candidature = self.draft()
        url = reverse("awards:candidature", args=[candidature.pk])
        # 02:58 UTC on 16 May: already 16 May in UTC, still 15 May in São Paulo.
        with at(DEADLINE - datetime.timedelta(minutes=1)):
            response = self.client.post(f"/fr{url[3:]}", self.form_data(submit="1"))
        self.assertEqual(response.status_code, 302)
        candidature.refresh_from_db()
        self.assertEqual(candidature.state, Candidature.State.SUBMITTED)
        self.assertEqual(candidature.submitted_at, DEADLINE - datetime.timedelta(minutes=1))

    def test_submission_one_minute_late_is_refused_with_a_clear_message_and_the_draft_kept(self):
        candidature = self.draft()
        url = reverse("awards:candidature", args=[candidature.pk])
        with at(DEADLINE + datetime.timedelta(minutes=1)), translation.override("en"):
            response = self.client.post(
                f"/en{url[3:]}",
                self.form_data(submit="1", **{f"question_{self.optional.pk}": "Typed late"}),
            )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "The deadline for candidatures was", status_code=400)
        self.assertContains(response, "Your draft has been kept", status_code=400)
        self.assertContains(response, "America/Sao_Paulo", status_code=400)
        self.assertContains(response, "Typed late", status_code=400)
        candidature.refresh_from_db()
        self.assertEqual(candidature.state, Candidature.State.DRAFT)
        self.assertIsNone(candidature.submitted_at)
        self.assertEqual(candidature.answers[str(self.optional.pk)], "Typed late")
        self.assertEqual(mail.outbox, [])

    def test_a_new_candidature_before_the_call_opens_is_refused(self):
        opens = CALENDAR_2024["call_opens_at"]
        url = reverse("awards:candidature_new", args=[self.edition.pk])
        with at(opens - datetime.timedelta(minutes=1)):
            response = self.client.get(url)
            posted = self.client.post(url, self.form_data(save="1"))
        self.assertEqual(response.status_code, 403)
        self.assertEqual(posted.status_code, 403)
        self.assertFalse(Candidature.objects.exists())
        with at(opens + datetime.timedelta(minutes=1)):
            self.assertEqual(self.client.get(url).status_code, 200)

    def test_submitting_sends_a_confirmation_in_the_candidates_language(self):
        url = reverse("awards:candidature_new", args=[self.edition.pk])
        with (
            at(DEADLINE - datetime.timedelta(days=3)),
            translation.override("es"),
            self.captureOnCommitCallbacks(execute=True),
        ):
            response = self.client.post(
                "/es" + url[3:], self.form_data(submit="1"), HTTP_ACCEPT_LANGUAGE="es"
            )
        self.assertEqual(response.status_code, 302)
        candidature = Candidature.objects.get()
        self.assertEqual(candidature.language, "es")
        self.assertEqual(candidature.state, Candidature.State.SUBMITTED)
        self.assertEqual(len(mail.outbox), 1)
        self.assertEqual(mail.outbox[0].to, ["ana@example.org"])
        self.assertIn(
            f"http://testserver/es/awards/candidatures/{candidature.pk}/", mail.outbox[0].body
        )

    def test_a_submission_missing_a_required_answer_is_kept_as_a_draft(self):
        url = reverse("awards:candidature_new", args=[self.edition.pk])
        with at(DEADLINE - datetime.timedelta(days=3)):
            response = self.client.post(
                url, self.form_data(submit="1", **{f"question_{self.required.pk}": ""})
            )
        self.assertEqual(response.status_code, 400)
        candidature = Candidature.objects.get()
        self.assertEqual(candidature.state, Candidature.State.DRAFT)


class DraftTests(CandidatureTestCase):
    def test_describing_a_new_experience_creates_an_unpublished_co_authored_draft(self):
        url = reverse("awards:candidature_new", args=[self.edition.pk])
        data = self.form_data(
            experience="new",
            new_title="Assemblée citoyenne du climat",
            new_summary="Cent habitants tirés au sort.",
            new_country="PT",
            save="1",
        )
        with at(DEADLINE - datetime.timedelta(days=3)):
            response = self.client.post(url, data)
        self.assertEqual(response.status_code, 302)
        candidature = Candidature.objects.get()
        page = candidature.experience
        self.assertEqual(page.title, "Assemblée citoyenne du climat")
        self.assertFalse(page.live)
        # Under the index of the language the candidate applied in.
        self.assertEqual(page.get_parent().specific, self.tree["indexes"]["en"])
        self.assertIn(self.member, ExperiencePage.objects.get(pk=page.pk).co_authors.all())
        self.assertEqual(candidature.state, Candidature.State.DRAFT)

    def test_a_candidature_of_someone_else_is_not_found(self):
        candidature = self.draft()
        self.client.force_login(UserFactory())
        response = self.client.get(reverse("awards:candidature", args=[candidature.pk]))
        self.assertEqual(response.status_code, 404)

    def test_anonymous_visitors_are_sent_to_the_login_page(self):
        self.client.logout()
        response = self.client.get(reverse("awards:candidature_new", args=[self.edition.pk]))
        self.assertEqual(response.status_code, 302)
        self.assertIn("login", response["Location"])

    def test_the_dashboard_panel_lists_the_members_candidatures(self):
        request = mock.Mock(user=self.member)
        self.assertIsNone(candidatures_panel(request))
        candidature = self.draft()
        html = candidatures_panel(request)
        self.assertIn(candidature.title, html)
        self.assertIn(reverse("awards:candidature", args=[candidature.pk]), html)


class AttachmentTests(CandidatureTestCase):
    def post_with(self, upload, **extra):
        candidature = self.draft()
        url = reverse("awards:candidature", args=[candidature.pk])
        data = self.form_data(save="1", attachment=upload, **extra)
        with at(DEADLINE - datetime.timedelta(days=3)):
            response = self.client.post(url, data)
        candidature.refresh_from_db()
        return response, candidature

    def test_a_text_file_named_pdf_is_refused_and_what_was_typed_is_kept(self):
        upload = SimpleUploadedFile(
            "rapport.pdf", b"just some text", content_type="application/pdf"
        )
        response, candidature = self.post_with(
            upload, **{f"question_{self.optional.pk}": "Réponse tapée avant l'envoi"}
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "is not a PDF or an image", status_code=400)
        self.assertContains(response, "Réponse tapée avant l&#x27;envoi", status_code=400)
        self.assertFalse(CandidatureAttachment.objects.exists())
        # The rest of the draft is saved all the same.
        self.assertEqual(candidature.answers[str(self.optional.pk)], "Réponse tapée avant l'envoi")

    def test_an_svg_image_is_refused(self):
        svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
        response, _candidature = self.post_with(
            SimpleUploadedFile("logo.svg", svg, content_type="image/svg+xml")
        )
        self.assertContains(response, "SVG files are not accepted", status_code=400)
        self.assertFalse(CandidatureAttachment.objects.exists())

    @override_settings(AWARDS_ATTACHMENT_MAX_SIZE=100)
    def test_a_file_too_large_is_refused_with_its_size_and_the_limit(self):
        upload = SimpleUploadedFile("big.pdf", pdf_bytes() + b"0" * 200)
        response, candidature = self.post_with(upload)
        self.assertContains(response, "attachments may be at most 100", status_code=400)
        self.assertFalse(CandidatureAttachment.objects.exists())
        self.assertEqual(candidature.category, self.tree["categories"][0])

    def test_a_pdf_and_an_image_are_stored_under_random_names(self):
        _response, candidature = self.post_with(
            SimpleUploadedFile("Notre rapport.pdf", pdf_bytes())
        )
        self.post_with_existing(candidature, SimpleUploadedFile("photo.png", png_bytes()))
        attachments = list(candidature.attachments.order_by("pk"))
        self.assertEqual([a.content_type for a in attachments], ["application/pdf", "image/png"])
        self.assertEqual(attachments[0].original_name, "Notre rapport.pdf")
        self.assertNotIn("rapport", attachments[0].file.name)
        self.assertTrue(attachments[0].file.name.endswith(".pdf"))

    def post_with_existing(self, candidature, upload):
        url = reverse("awards:candidature", args=[candidature.pk])
        with at(DEADLINE - datetime.timedelta(days=3)):
            response = self.client.post(url, self.form_data(save="1", attachment=upload))
        self.assertEqual(response.status_code, 302)
