"""Images and documents uploaded in the admin are checked by content, through real requests."""

import io

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase, override_settings

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.users.models import UserProfile

from PIL import Image

from awards.attachments import inspect_upload

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(1)</script></svg>"
)


def png_bytes(size=(4, 4)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "red").save(buffer, "PNG")
    return buffer.getvalue()


class AdminUploadTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.admin = get_user_model().objects.create_superuser(
            "admin", "admin@example.org", "a-long-passphrase-42"
        )
        profile = UserProfile.get_for_user(cls.admin)
        profile.preferred_language = "en"
        profile.save()
        cls.collection = Collection.get_first_root_node()

    def setUp(self):
        self.client.force_login(self.admin)

    def upload_document(self, name, content):
        return self.client.post(
            "/admin/documents/add/",
            {
                "title": name,
                "collection": self.collection.pk,
                "file": SimpleUploadedFile(name, content),
            },
        )

    def upload_image(self, name, content):
        return self.client.post(
            "/admin/images/add/",
            {
                "title": name,
                "collection": self.collection.pk,
                "file": SimpleUploadedFile(name, content),
            },
        )


class DocumentUploadTests(AdminUploadTestCase):
    def assert_refused(self, response, text="is not what its name says"):
        self.assertEqual(response.status_code, 200)  # the form again, with its error
        self.assertContains(response, text)
        self.assertFalse(get_document_model().objects.exists())

    def test_a_real_pdf_is_accepted(self):
        response = self.upload_document("report.pdf", PDF)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(get_document_model().objects.get().title, "report.pdf")

    def test_a_png_renamed_pdf_is_refused(self):
        self.assert_refused(self.upload_document("report.pdf", png_bytes()))

    def test_an_html_page_renamed_pdf_is_refused(self):
        self.assert_refused(self.upload_document("report.pdf", HTML))

    def test_an_html_page_renamed_txt_or_csv_is_refused(self):
        self.assert_refused(self.upload_document("notes.txt", HTML), "is not a plain text file")
        self.assert_refused(self.upload_document("data.csv", SVG), "is not a plain text file")

    def test_a_binary_file_renamed_csv_is_refused(self):
        self.assert_refused(self.upload_document("data.csv", PDF), "is not a plain text file")

    def test_plain_csv_in_utf8_is_accepted_and_downloaded_not_rendered(self):
        response = self.upload_document("data.csv", "ville;année\nGrenoble;2021\n".encode())
        self.assertEqual(response.status_code, 302)
        document = get_document_model().objects.get()
        served = self.client.get(document.url)
        self.assertTrue(served["Content-Disposition"].startswith("attachment"))
        self.assertEqual(served["X-Content-Type-Options"], "nosniff")

    def test_an_svg_or_html_extension_is_refused_by_name_too(self):
        for name in ("drawing.svg", "page.html"):
            response = self.upload_document(name, PDF)
            self.assertEqual(response.status_code, 200)
        self.assertFalse(get_document_model().objects.exists())

    @override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1000)
    def test_a_document_over_the_maximum_size_is_refused(self):
        response = self.upload_document("big.pdf", PDF + b"0" * 2000)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(get_document_model().objects.exists())

    def test_the_multiple_uploader_checks_the_content_too(self):
        response = self.client.post(
            "/admin/documents/multiple/add/",
            {"files[]": SimpleUploadedFile("report.pdf", HTML)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertFalse(response.json()["success"])
        self.assertFalse(get_document_model().objects.exists())


class ImageUploadTests(AdminUploadTestCase):
    def test_a_real_png_is_accepted(self):
        response = self.upload_image("square.png", png_bytes())
        self.assertEqual(response.status_code, 302)
        self.assertTrue(get_image_model().objects.filter(title="square.png").exists())

    def test_svg_is_refused_whatever_its_name(self):
        for name in ("drawing.svg", "drawing.png"):
            response = self.upload_image(name, SVG)
            self.assertEqual(response.status_code, 200)
        self.assertFalse(get_image_model().objects.exists())

    def test_an_html_page_renamed_jpg_is_refused(self):
        response = self.upload_image("photo.jpg", HTML)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(get_image_model().objects.exists())

    def test_a_png_renamed_gif_is_refused(self):
        response = self.upload_image("photo.gif", png_bytes())
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.context["form"].errors["file"])
        self.assertFalse(get_image_model().objects.exists())

    @override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=100)
    def test_an_image_over_the_maximum_size_is_refused(self):
        response = self.upload_image("big.png", png_bytes((200, 200)))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(get_image_model().objects.exists())


class AwardAttachmentsShareTheCheckTests(TestCase):
    def test_candidature_attachments_still_refuse_html_named_pdf_and_accept_a_pdf(self):
        from django.core.exceptions import ValidationError

        with self.assertRaises(ValidationError):
            inspect_upload(SimpleUploadedFile("a.pdf", HTML))
        self.assertEqual(
            inspect_upload(SimpleUploadedFile("a.pdf", PDF)), ("application/pdf", "pdf")
        )
