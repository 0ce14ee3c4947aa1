"""From the outside: a member edits only what they co-author and never reaches the admin."""

from django.test import TestCase

from repository.models import ExperiencePage

from .base import build_members


class MemberPermissionTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_members()

    def setUp(self):
        self.client.force_login(self.tree["outsider"])
        self.target = self.tree["shared"]

    def edit_url(self, page):
        return f"/fr/members/experiences/{page.pk}/edit/"

    def test_a_member_cannot_see_the_edit_form_of_an_experience_they_do_not_co_author(self):
        self.assertEqual(self.client.get(self.edit_url(self.target)).status_code, 404)
        self.assertEqual(
            self.client.get(f"/fr/members/experiences/{self.target.pk}/compare/").status_code, 404
        )
        self.assertEqual(
            self.client.get(f"/fr/members/experiences/{self.target.pk}/sign-off/").status_code,
            404,
        )

    def test_a_crafted_post_to_another_experience_changes_nothing(self):
        revisions = self.target.revisions.count()
        for action in ("save", "submit", "publish"):
            response = self.client.post(
                self.edit_url(self.target),
                {"title": "Hijacked", "summary": "x", "status": "ongoing", "action": action},
            )
            self.assertEqual(response.status_code, 404)
        self.target.refresh_from_db()
        self.assertEqual(self.target.revisions.count(), revisions)
        self.assertEqual(self.target.title, "Budget participatif")
        self.assertIsNone(self.target.current_workflow_state)

    def test_the_member_edits_their_own_experience_as_a_draft_and_never_publishes_it(self):
        own = self.tree["other"]
        self.assertEqual(self.client.get(self.edit_url(own)).status_code, 200)
        data = {
            "title": "Conseil des jeunes (révisé)",
            "summary": "Young people advise the council.",
            "status": "ongoing",
            "action": "publish",
            "links-TOTAL_FORMS": "0",
            "links-INITIAL_FORMS": "0",
        }
        response = self.client.post(self.edit_url(own), data)
        self.assertEqual(response.status_code, 302)
        own.refresh_from_db()
        self.assertEqual(own.title, "Conseil des jeunes")  # the live version is untouched
        self.assertTrue(own.has_unpublished_changes)
        draft = own.get_latest_revision_as_object()
        self.assertEqual(draft.title, "Conseil des jeunes (révisé)")
        self.assertEqual(own.get_latest_revision().user, self.tree["outsider"])

    def test_bad_input_answers_with_messages_and_keeps_what_was_typed(self):
        own = self.tree["other"]
        response = self.client.post(
            self.edit_url(own),
            {
                "title": "Typed title",
                "summary": "Kept summary",
                "status": "ongoing",
                "start_date": "2024-05-01",
                "end_date": "2020-01-01",
                "budget": "not a number",
                "links-TOTAL_FORMS": "1",
                "links-INITIAL_FORMS": "0",
                "links-0-url": "not an address",
                "links-0-title": "Report",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.assertContains(response, "Kept summary", status_code=400)
        self.assertContains(response, "not an address", status_code=400)
        self.assertContains(response, 'role="alert"', status_code=400)

    def test_admin_pages_stay_closed_to_members_even_by_crafted_urls_and_posts(self):
        page = self.tree["other"]
        urls = [
            "/admin/",
            f"/admin/pages/{page.pk}/edit/",
            f"/admin/pages/{page.pk}/delete/",
            f"/admin/pages/{page.pk}/move/",
            f"/admin/pages/{page.pk}/unpublish/",
            f"/admin/pages/{page.pk}/revisions/",
            "/admin/snippets/repository/organisation/",
            "/admin/users/",
            "/admin/groups/",
            "/admin/sites/",
            "/admin/workflows/list/",
            "/admin/members/invitations/",
            "/admin/members/applications/",
        ]
        for url in urls:
            response = self.client.get(url)
            self.assertIn(response.status_code, (302, 403, 404), url)
            if response.status_code == 302:
                self.assertIn("/admin/login/", response["Location"], url)
        for url in (
            f"/admin/pages/{page.pk}/delete/",
            f"/admin/pages/{page.pk}/unpublish/",
            f"/admin/pages/{page.pk}/move/{self.tree['homes']['fr'].pk}/confirm/",
        ):
            self.client.post(url, {})
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(page.get_parent().pk, self.tree["indexes"]["fr"].pk)
        self.assertTrue(ExperiencePage.objects.filter(pk=page.pk).exists())

    def test_a_deactivated_member_loses_access_at_once(self):
        own = self.tree["other"]
        self.assertEqual(self.client.get(self.edit_url(own)).status_code, 200)
        user = self.tree["outsider"]
        user.is_active = False
        user.save()
        response = self.client.get(self.edit_url(own))
        self.assertEqual(response.status_code, 302)
        self.assertIn("/fr/members/login/", response["Location"])
        self.assertEqual(self.client.get("/fr/members/").status_code, 302)

    def test_an_anonymous_visitor_is_sent_to_the_login_page(self):
        self.client.logout()
        response = self.client.get("/es/members/")
        self.assertEqual(response.status_code, 302)
        self.assertTrue(response["Location"].startswith("/es/members/login/"))
