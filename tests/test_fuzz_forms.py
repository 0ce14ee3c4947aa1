"""Public forms fuzzed with hypothesis: no input gives a 500, and a form sent back because one
field is wrong keeps every other value that was typed.

The number of examples is modest (the profile below); raise it with FUZZ_EXAMPLES=200 for a
longer run.
"""

import os

from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from awards.factories import CandidatureFactory
from awards.models import Candidature
from awards.tests.base import build_awards, experience
from members.forms import MembershipApplicationForm
from repository.suggest import SuggestionForm

settings.register_profile(
    "oidp-fuzz",
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "15")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=bool(os.environ.get("CI")),
)
FUZZ = settings(settings.get_profile("oidp-fuzz"))

PAYLOADS = [
    '<script>alert("x")</script>',
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "'; DROP TABLE auth_user; --",
    "\u202eevil\u202c",
    "﷽" * 20,
    "😀" * 50,
]

# Anything: unicode, control characters, NUL bytes, empty, huge, known payloads.
anything = st.one_of(
    st.text(max_size=200),
    st.just(""),
    st.just("\x00"),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=50).map(lambda t: f"a\x00{t}"),
    st.builds(lambda c, n: c * n, st.characters(codec="utf-8"), st.integers(3000, 20000)),
    st.sampled_from(PAYLOADS),
)
# What a person could type in a text field and expect to see again: printable, trimmed.
typed = (
    st.text(
        alphabet=st.characters(categories=["L", "N", "P", "S", "Zs"], codec="utf-8"),
        min_size=1,
        max_size=80,
    )
    .map(str.strip)
    .filter(bool)
)

NO_LIMITS = dict.fromkeys(
    ("login", "password-reset", "suggest", "apply", "vote-ip", "vote-address"), "100000/h"
) | {"autocomplete": "100000/m"}


def typed_fields(form_class):
    """The fields a visitor fills in: every field of the form but the honeypot."""
    return [name for name in form_class.base_fields if name != "website_url"]


def shown_value(html, name):
    """The value a re-rendered form shows in the field `name`."""
    soup = BeautifulSoup(html, "html.parser")
    field = soup.find(["input", "textarea"], attrs={"name": name})
    if field is None:
        return None
    if field.name == "textarea":
        return field.get_text().strip("\n")
    return field.get("value")


@override_settings(
    RATE_LIMITS=NO_LIMITS,
    AWARDS_VOTE_RATE_PER_IP="100000/h",
    AWARDS_VOTE_RATE_PER_ADDRESS="100000/h",
    MEMBERS_SECRETARIAT_EMAIL="sec@example.org",
    AXES_ENABLED=False,
)
class FuzzedPublicFormsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_awards(phase="vote")
        cls.edition = cls.tree["edition"]
        cls.finalist = CandidatureFactory(
            edition=cls.edition, experience=experience(cls.tree), state=Candidature.State.FINALIST
        )
        with translation.override("en"):
            cls.vote_url = reverse("awards:vote", args=[cls.edition.pk])

    def post(self, url, data):
        response = self.client.post(url, data)
        self.assertLess(response.status_code, 500, f"{url} {data!r}")
        return response

    # Never a 500, whatever the fields hold.

    @FUZZ
    @given(st.fixed_dictionaries(dict.fromkeys(typed_fields(SuggestionForm), anything)))
    def test_the_suggestion_form_never_fails(self, data):
        self.post("/en/experiences/suggest/", data)

    @FUZZ
    @given(st.fixed_dictionaries(dict.fromkeys(typed_fields(MembershipApplicationForm), anything)))
    def test_the_membership_application_never_fails(self, data):
        self.post("/en/members/apply/", data)

    @FUZZ
    @given(st.fixed_dictionaries({"finalist": anything, "email": anything}))
    def test_the_vote_form_never_fails(self, data):
        self.post(self.vote_url, data)

    @FUZZ
    @given(st.fixed_dictionaries({"username": anything, "password": anything}))
    def test_the_login_forms_never_fail(self, data):
        self.post("/en/members/login/", data)
        self.post("/admin/login/", data)

    @FUZZ
    @given(st.fixed_dictionaries({"email": anything}))
    def test_the_password_reset_form_never_fails(self, data):
        self.post("/en/members/password-reset/", data)

    @FUZZ
    @given(anything, anything)
    def test_search_and_autocomplete_never_fail(self, query, theme):
        for url in ("/en/search/", "/en/search/autocomplete/"):
            response = self.client.get(url, {"q": query, "theme": theme, "page": theme})
            self.assertLess(response.status_code, 500, f"{url} {query!r}")

    # One field wrong: everything else typed comes back.

    @FUZZ
    @given(
        title=typed,
        summary=typed,
        city=typed,
        name=typed,
        organisation=typed,
        wrong=st.sampled_from(
            [{"email": "not-an-e-mail"}, {"start_year": "nineteen"}, {"consent": ""}]
        ),
    )
    def test_a_rejected_suggestion_keeps_what_was_typed(
        self, title, summary, city, name, organisation, wrong
    ):
        data = {
            "title": title,
            "summary": summary,
            "country": "SN",
            "city": city,
            "start_year": "2021",
            "status": "ongoing",
            "name": name,
            "email": "awa@example.org",
            "organisation": organisation,
            "consent": "on",
            "website_url": "",
        } | wrong
        response = self.post("/en/experiences/suggest/", data)
        self.assertEqual(response.status_code, 400)
        html = response.content.decode()
        for field in ("title", "summary", "city", "name", "organisation"):
            self.assertEqual(shown_value(html, field), data[field], field)
        if "email" not in wrong:
            self.assertEqual(shown_value(html, "email"), "awa@example.org")

    @FUZZ
    @given(
        organisation_name=typed,
        contact_name=typed,
        contact_role=typed,
        motivation=typed,
        wrong=st.sampled_from([{"contact_email": "nope"}, {"country": "XX"}, {"privacy": ""}]),
    )
    def test_a_rejected_application_keeps_what_was_typed(
        self, organisation_name, contact_name, contact_role, motivation, wrong
    ):
        data = {
            "organisation_name": organisation_name,
            "organisation_type": "local-government",
            "country": "IT",
            "contact_name": contact_name,
            "contact_role": contact_role,
            "contact_email": "giulia@example.org",
            "motivation": motivation,
            "publication_consent": "on",
            "privacy": "on",
        } | wrong
        response = self.post("/en/members/apply/", data)
        self.assertEqual(response.status_code, 400)
        html = response.content.decode()
        for field in ("organisation_name", "contact_name", "contact_role", "motivation"):
            self.assertEqual(shown_value(html, field), data[field], field)

    @FUZZ
    @given(email=st.emails(), finalist=st.sampled_from(["", "0", "not-a-finalist"]))
    def test_a_rejected_vote_keeps_the_address(self, email, finalist):
        response = self.post(self.vote_url, {"finalist": finalist, "email": email})
        self.assertEqual(response.status_code, 400)
        self.assertEqual(shown_value(response.content.decode(), "email"), email)
