"""Script payloads posted through public forms and into content come back inert everywhere:
pages, re-rendered forms, search snippets, autocomplete JSON, feeds, JSON-LD and e-mails."""

import json
import xml.etree.ElementTree as ET

from django.core import mail
from django.test import TestCase, override_settings

from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.rich_text import expand_db_html

from bs4 import BeautifulSoup

from home.blocks import RICH_TEXT_FEATURES, BodyStreamBlock
from members.tests.base import PASSWORD, build_members
from news.factories import NewsPageFactory, build_sections
from repository.factories import ExperiencePageFactory
from repository.models import ExperiencePage
from repository.tests.base import build_repository
from tests.test_security_headers import DATA_BLOCK_TYPES, inline_code_problems

SCRIPT = '<script>alert("xss")</script>'
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
CLOSE_SCRIPT = "</script><script>alert(1)</script>"
JS_URL = "javascript:alert(1)"
PAYLOAD = f"Budget {SCRIPT} {ATTRIBUTE} {CLOSE_SCRIPT}"


def assert_inert(test, html):
    """No executable markup came out of the payloads."""
    test.assertEqual(inline_code_problems(html, []), [])
    soup = BeautifulSoup(html, "html.parser")
    test.assertFalse(soup.find_all("img", src="x"))
    for script in soup.find_all("script"):
        if (script.get("type") or "") in DATA_BLOCK_TYPES:
            json.loads(script.string)  # still whole JSON: nothing broke out of the block
        else:
            test.assertNotIn("alert", script.get_text())


NO_LIMITS = {"suggest": "1000/h", "apply": "1000/h", "autocomplete": "1000/m"}


@override_settings(RATE_LIMITS=NO_LIMITS, MEMBERS_SECRETARIAT_EMAIL="sec@example.org")
class PublicFormsInjectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        from django.contrib.auth import get_user_model

        get_user_model().objects.create_superuser("ed", "ed@example.org", "pass-phrase-long-1")

    def suggestion(self, **overrides):
        data = {
            "title": PAYLOAD,
            "summary": PAYLOAD,
            "country": "SN",
            "city": ATTRIBUTE,
            "start_year": "2021",
            "status": "ongoing",
            "method": "",
            "theme": "",
            "link": "",
            "name": SCRIPT,
            "email": "awa@example.org",
            "organisation": ATTRIBUTE,
            "consent": "on",
            "website_url": "",
        }
        data.update(overrides)
        return data

    def test_a_re_rendered_suggestion_form_escapes_what_was_typed(self):
        response = self.client.post("/en/experiences/suggest/", self.suggestion(email="bad"))
        self.assertEqual(response.status_code, 400)
        html = response.content.decode()
        assert_inert(self, html)
        self.assertIn("&lt;script&gt;", html)
        soup = BeautifulSoup(html, "html.parser")
        self.assertEqual(soup.find("input", {"name": "title"})["value"], PAYLOAD)

    def test_a_javascript_link_is_refused_by_the_suggestion_form(self):
        response = self.client.post("/en/experiences/suggest/", self.suggestion(link=JS_URL))
        self.assertEqual(response.status_code, 400)
        self.assertFalse(ExperiencePage.objects.filter(city=ATTRIBUTE).exists())

    def test_a_suggestion_with_payloads_is_stored_escaped_and_renders_inert_once_published(self):
        response = self.client.post("/en/experiences/suggest/", self.suggestion())
        self.assertEqual(response.status_code, 302)
        page = ExperiencePage.objects.get(city=ATTRIBUTE)
        self.assertNotIn("<script>", page.description)
        self.assertIn("&lt;script&gt;", page.description)
        page.save_revision().publish()
        html = self.client.get(page.url).content.decode()
        assert_inert(self, html)
        # The JSON-LD block cannot be closed early by a title holding "</script>".
        soup = BeautifulSoup(html, "html.parser")
        [block] = soup.find_all("script", type="application/ld+json")
        self.assertEqual(json.loads(block.string)["name"], PAYLOAD)
        # E-mails are plain text: no HTML alternative that could run anything.
        for message in mail.outbox:
            self.assertEqual(getattr(message, "alternatives", []), [])

    def test_a_re_rendered_membership_application_escapes_what_was_typed(self):
        data = {
            "organisation_name": PAYLOAD,
            "organisation_type": "local-government",
            "country": "IT",
            "contact_name": ATTRIBUTE,
            "contact_email": "not-an-email",
            "motivation": SCRIPT,
            "website": JS_URL,
        }
        response = self.client.post("/en/members/apply/", data)
        self.assertEqual(response.status_code, 400)
        assert_inert(self, response.content.decode())
        self.assertContains(response, "&lt;script&gt;", status_code=400)

    def test_the_search_page_echoes_a_query_inert(self):
        response = self.client.get("/en/search/", {"q": PAYLOAD})
        self.assertEqual(response.status_code, 200)
        assert_inert(self, response.content.decode())

    def test_search_snippets_and_highlights_stay_inert(self):
        ExperiencePageFactory(
            parent=self.tree["indexes"]["en"],
            title=f"Assembly {SCRIPT}",
            slug="assembly",
            summary=f"Participatory budget {ATTRIBUTE} {SCRIPT}",
        )
        response = self.client.get("/en/search/", {"q": "budget assembly"})
        html = response.content.decode()
        self.assertIn("<mark>", html)
        self.assertIn("&lt;script&gt;", html)
        assert_inert(self, html)

    def test_autocomplete_returns_titles_as_json_data(self):
        ExperiencePageFactory(
            parent=self.tree["indexes"]["en"], title=f"Budget {SCRIPT}", slug="budget-x"
        )
        response = self.client.get("/en/search/autocomplete/", {"q": "Budget"})
        self.assertEqual(response["Content-Type"], "application/json")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        titles = [item["title"] for item in json.loads(response.content)["results"]]
        self.assertIn(f"Budget {SCRIPT}", titles)


class ContentInjectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_repository()
        cls.sections = build_sections(cls.tree["homes"], "fr")

    def test_a_page_title_with_payloads_is_inert_in_pages_and_feeds(self):
        news = NewsPageFactory(
            parent=self.sections["news"], title=PAYLOAD, slug="xss", teaser=ATTRIBUTE
        )
        assert_inert(self, self.client.get(news.url).content.decode())
        assert_inert(self, self.client.get(self.sections["news"].url).content.decode())
        for feed in ("rss/", "atom/"):
            response = self.client.get(self.sections["news"].url + feed)
            self.assertEqual(response.status_code, 200)
            root = ET.fromstring(response.content)  # well-formed: nothing broke out
            self.assertFalse([e for e in root.iter() if e.tag.endswith("script")])
            self.assertIn(PAYLOAD, [e.text for e in root.iter()])

    def test_rich_text_from_the_editor_drops_javascript_links_and_escapes_text(self):
        widget = DraftailRichTextArea(features=RICH_TEXT_FEATURES)
        contentstate = {
            "blocks": [
                {
                    "key": "a",
                    "type": "unstyled",
                    "text": f"click {SCRIPT} {ATTRIBUTE}",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [{"offset": 0, "length": 5, "key": 0}],
                }
            ],
            "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": JS_URL}}},
        }
        stored = widget.value_from_datadict({"body": json.dumps(contentstate)}, {}, "body")
        rendered = expand_db_html(stored)
        self.assertNotIn("javascript:", rendered)
        assert_inert(self, rendered)
        page = ExperiencePageFactory(
            parent=self.tree["indexes"]["fr"], slug="rich", description=stored
        )
        assert_inert(self, self.client.get(page.url).content.decode())

    def test_stream_field_url_blocks_refuse_javascript_urls(self):
        block = BodyStreamBlock()
        value = block.to_python(
            [
                {
                    "type": "call_to_action",
                    "value": {"title": "Go", "button_label": "Go", "url": JS_URL, "page": None},
                }
            ]
        )
        with self.assertRaises((StreamBlockValidationError, StructBlockValidationError)):
            block.clean(value)

    def test_stream_field_text_blocks_render_escaped(self):
        from home.factories import StandardPageFactory

        page = StandardPageFactory(
            parent=self.tree["homes"]["fr"],
            slug="stream",
            title=SCRIPT,
            body=[
                ("heading", {"text": PAYLOAD, "level": "h2"}),
                ("quote", {"quote": SCRIPT, "attribution": ATTRIBUTE}),
            ],
        )
        assert_inert(self, self.client.get(page.url).content.decode())


class MemberEditorInjectionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_members()

    def test_the_front_end_editor_stores_narratives_escaped(self):
        from members.forms import ExperienceEditForm

        page = self.tree["solo"]
        self.client.post(
            "/en/members/login/", {"username": "ana@example.org", "password": PASSWORD}
        )
        form = ExperienceEditForm(instance=page.get_latest_revision_as_object())
        data = {name: form[name].value() or "" for name in form.fields}
        data.update({"title": PAYLOAD, "description": f"{SCRIPT}\n\n{ATTRIBUTE}"})
        for key, value in list(data.items()):
            if isinstance(value, list):
                data[key] = [str(v) for v in value]
            elif value is True:
                data[key] = "on"
            elif value is False:
                data[key] = ""
        data.update({"links-TOTAL_FORMS": "0", "links-INITIAL_FORMS": "0"})
        response = self.client.post(f"/en/members/experiences/{page.pk}/edit/", data)
        self.assertEqual(response.status_code, 302, response.content[:2000])
        draft = ExperiencePage.objects.get(pk=page.pk).get_latest_revision_as_object()
        self.assertNotIn("<script>", draft.description)
        self.assertIn("&lt;script&gt;", draft.description)
        draft.save_revision().publish()
        assert_inert(self, self.client.get(page.url).content.decode())
