"""Submit, co-author sign-off, editorial review: both paths, with e-mails in each language."""

from django.core import mail
from django.test import TestCase

from wagtail.models import TaskState, WorkflowState

from members.workflow import State, experience_state

from .base import build_members

LINKS = {"links-TOTAL_FORMS": "0", "links-INITIAL_FORMS": "0"}


def mails_to(address):
    return [message for message in mail.outbox if address in message.to]


class WorkflowTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.tree = build_members()

    def submit(self, user, page, title, language="pt"):
        self.client.force_login(user)
        response = self.client.post(
            f"/{language}/members/experiences/{page.pk}/edit/",
            {"title": title, "summary": "Revised summary.", "status": "ongoing", "action": "submit"}
            | LINKS,
        )
        self.assertEqual(response.status_code, 302, response.content.decode()[:3000])
        page.refresh_from_db()
        return page

    def admin_action(self, page, action, comment=""):
        task_state = page.current_workflow_task_state
        self.client.force_login(self.tree["editor"])
        return self.client.post(
            f"/admin/pages/workflow/action/{page.pk}/{action}/{task_state.pk}/",
            {"comment": comment},
        )

    def test_submit_sign_off_and_approval_publish_the_change(self):
        ana, claire, page = self.tree["ana"], self.tree["claire"], self.tree["shared"]
        page = self.submit(ana, page, "Orçamento participativo revisto")
        self.assertEqual(experience_state(page)[0], State.SIGN_OFF)
        self.assertEqual(page.title, "Budget participatif")  # not live yet
        # Claire (French) is asked to sign off, with a link in French.
        [request] = mails_to("claire@example.org")
        self.assertIn(f"/fr/members/experiences/{page.pk}/sign-off/", request.body)
        self.assertIn("Orçamento participativo revisto", request.subject)

        # Ana cannot sign off her own change.
        self.client.force_login(ana)
        self.assertEqual(
            self.client.post(
                f"/pt/members/experiences/{page.pk}/sign-off/", {"action": "approve"}
            ).status_code,
            403,
        )

        mail.outbox.clear()
        self.client.force_login(claire)
        response = self.client.get(f"/fr/members/experiences/{page.pk}/sign-off/")
        self.assertContains(response, "Orçamento participativo revisto")  # the comparison
        response = self.client.post(
            f"/fr/members/experiences/{page.pk}/sign-off/", {"action": "approve"}
        )
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        self.assertEqual(experience_state(page)[0], State.REVIEW)
        [signed] = mails_to("ana@example.org")
        self.assertIn("/pt/members/", signed.body)
        # Wagtail tells the editorial team.
        self.assertTrue(mails_to("editor@example.org"))

        mail.outbox.clear()
        response = self.admin_action(page, "approve", "Thank you")
        self.assertIn(response.status_code, (200, 302))
        page.refresh_from_db()
        self.assertEqual(page.title, "Orçamento participativo revisto")
        self.assertFalse(page.has_unpublished_changes)
        self.assertEqual(experience_state(page)[0], State.PUBLISHED)
        [to_ana] = mails_to("ana@example.org")
        [to_claire] = mails_to("claire@example.org")
        self.assertIn("Thank you", to_ana.body)
        self.assertIn("/pt/members/", to_ana.body)
        self.assertIn("/fr/members/", to_claire.body)
        self.assertNotIn("/admin/", to_ana.body)

    def test_a_co_author_requests_changes_with_a_comment(self):
        ana, claire, page = self.tree["ana"], self.tree["claire"], self.tree["shared"]
        page = self.submit(ana, page, "Versão com erro")
        mail.outbox.clear()
        self.client.force_login(claire)
        url = f"/fr/members/experiences/{page.pk}/sign-off/"
        response = self.client.post(url, {"action": "reject", "comment": ""})
        self.assertEqual(response.status_code, 400)  # a request for changes says which
        response = self.client.post(url, {"action": "reject", "comment": "Le budget est faux."})
        self.assertEqual(response.status_code, 302)
        page.refresh_from_db()
        state, comment = experience_state(page)
        self.assertEqual(state, State.CHANGES_REQUESTED)
        self.assertEqual(comment, "Le budget est faux.")
        [to_ana] = mails_to("ana@example.org")
        self.assertIn("Le budget est faux.", to_ana.body)
        self.assertIn(f"/pt/members/experiences/{page.pk}/edit/", to_ana.body)
        self.assertEqual(page.title, "Budget participatif")

        # Ana corrects and submits again: the sign-off starts over.
        self.client.force_login(ana)
        dashboard = self.client.get("/pt/members/")
        self.assertContains(dashboard, 'data-state="changes-requested"')
        page = self.submit(ana, page, "Versão corrigida")
        self.assertEqual(experience_state(page)[0], State.SIGN_OFF)
        self.assertEqual(page.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS)

    def test_the_editorial_team_requests_changes_and_co_authors_hear_in_their_language(self):
        ana, page = self.tree["ana"], self.tree["solo"]
        page = self.submit(ana, page, "Assembleia de bairro")
        # No other co-author: the sign-off is skipped and the change goes to the editors.
        self.assertEqual(experience_state(page)[0], State.REVIEW)
        self.assertTrue(
            TaskState.objects.filter(
                workflow_state=page.current_workflow_state, status=TaskState.STATUS_SKIPPED
            ).exists()
        )
        mail.outbox.clear()
        self.admin_action(page, "reject", "Add the results, please.")
        page.refresh_from_db()
        self.assertEqual(experience_state(page)[0], State.CHANGES_REQUESTED)
        [to_ana] = mails_to("ana@example.org")
        self.assertIn("Add the results, please.", to_ana.body)
        self.assertIn("/pt/members/", to_ana.body)
        self.assertEqual(page.title, "Assemblée de quartier")

    def test_the_member_cannot_edit_while_the_change_is_in_review(self):
        ana, page = self.tree["ana"], self.tree["solo"]
        page = self.submit(ana, page, "Assembleia de bairro")
        revisions = page.revisions.count()
        response = self.client.post(
            f"/pt/members/experiences/{page.pk}/edit/",
            {"title": "Sneaky", "summary": "x", "status": "ongoing", "action": "save"} | LINKS,
        )
        self.assertEqual(response.status_code, 302)
        self.assertEqual(page.revisions.count(), revisions)

    def test_the_member_compares_the_draft_with_the_live_version(self):
        ana, page = self.tree["ana"], self.tree["solo"]
        self.client.force_login(ana)
        self.client.post(
            f"/pt/members/experiences/{page.pk}/edit/",
            {
                "title": "Assemblée de quartier",
                "summary": "A brand new summary.",
                "status": "ongoing",
                "action": "save",
            }
            | LINKS,
        )
        response = self.client.get(f"/pt/members/experiences/{page.pk}/compare/")
        self.assertContains(response, "A brand new summary.")
        self.assertContains(response, "Residents decide part of the municipal budget.")
