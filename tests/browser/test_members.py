"""A member logs in, edits an experience and submits it; an editor approves; the change is live."""

from django.test import Client

import pytest

from members.tests.base import PASSWORD, build_members
from repository.models import ExperiencePage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_member_edits_and_submits_then_the_editor_approves_and_it_is_live(
    browser_page, live_server
):
    tree = build_members()
    page_id = tree["solo"].pk
    browser = browser_page
    browser.goto(f"{live_server.url}/pt/members/login/")
    assert "id_username" in browser.content(), browser.content()[:1500]
    browser.locator("#id_username").fill("ana@example.org")
    browser.locator("#id_password").fill(PASSWORD)
    browser.locator("form.member-form button[type=submit]").click()
    browser.wait_for_url(f"{live_server.url}/pt/members/")
    browser.locator(f"a[href='/pt/members/experiences/{page_id}/edit/']").click()
    browser.locator("#id_title").fill("Assembleia de bairro")
    browser.locator("#id_results").fill("Cem propostas votadas.")
    browser.locator("button[value=submit]").click()
    browser.wait_for_url(f"{live_server.url}/pt/members/")
    assert browser.locator("[data-state=review]").count() == 1

    page = ExperiencePage.objects.get(pk=page_id)
    assert page.title == "Assemblée de quartier"
    task_state = page.current_workflow_task_state
    editor = Client()
    editor.force_login(tree["editor"])
    response = editor.post(
        f"/admin/pages/workflow/action/{page_id}/approve/{task_state.pk}/", {"comment": ""}
    )
    assert response.status_code in (200, 302)

    browser.goto(f"{live_server.url}/fr/experiences/assemblee/")
    assert browser.locator("h1").inner_text() == "Assembleia de bairro"
    assert "Cem propostas votadas." in browser.content()
