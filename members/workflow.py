"""The experience workflow: co-author sign-off, then the editorial review, on Wagtail's engine.

`ensure_experience_workflow()` is the one idempotent setup: it creates the two tasks and the
workflow and assigns it to the repository index of every language (Wagtail applies a
workflow to the pages below the one it is assigned to). `seed_demo` calls it through
members/demo.py, tests call it, and a new repository index (a new translation, say) is
assigned on creation (members/signals.py).
"""

from django.contrib.auth.models import Group, Permission
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    GroupApprovalTask,
    TaskState,
    Workflow,
    WorkflowPage,
    WorkflowState,
    WorkflowTask,
)

from .models import CoAuthorSignOffTask

WORKFLOW_NAME = "Experiences: co-author sign-off and editorial review"
SIGN_OFF_TASK_NAME = "Co-author sign-off"
REVIEW_TASK_NAME = "Editorial review"
REVIEW_GROUPS = ["Moderators", "Editors"]
# What the editorial team may do with the members app's models in the admin.
EDITOR_PERMISSIONS = [
    "add_invitation",
    "view_invitation",
    "change_invitation",
    "view_membershipapplication",
    "change_membershipapplication",
    "view_member",
]


def ensure_experience_workflow():
    """Create (once) the workflow of experiences and assign it to every repository index."""
    from repository.models import ExperienceIndexPage

    sign_off = CoAuthorSignOffTask.objects.filter(name=SIGN_OFF_TASK_NAME).first()
    if sign_off is None:
        sign_off = CoAuthorSignOffTask.objects.create(name=SIGN_OFF_TASK_NAME)
    review = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if review is None:
        review = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    groups = []
    for name in REVIEW_GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        groups.append(group)
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="members", codename__in=EDITOR_PERMISSIONS
            )
        )
    review.groups.add(*groups)

    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.create(name=WORKFLOW_NAME)
    for order, task in enumerate((sign_off, review)):
        WorkflowTask.objects.update_or_create(
            workflow=workflow, task=task, defaults={"sort_order": order}
        )

    for index in ExperienceIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    return workflow


class State:
    """The states of an experience shown to its co-authors."""

    DRAFT = "draft"
    SIGN_OFF = "sign-off"
    REVIEW = "review"
    CHANGES_REQUESTED = "changes-requested"
    PUBLISHED = "published"

    LABELS = {
        DRAFT: _("Draft"),
        SIGN_OFF: _("Awaiting sign-off"),
        REVIEW: _("In review"),
        CHANGES_REQUESTED: _("Changes requested"),
        PUBLISHED: _("Published"),
    }


def experience_state(page):
    """(state code, the workflow's last comment or "") of an experience."""
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        task_state = workflow_state.current_task_state
        if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            return State.CHANGES_REQUESTED, task_state.comment if task_state else ""
        if task_state is not None and isinstance(task_state.task.specific, CoAuthorSignOffTask):
            return State.SIGN_OFF, ""
        return State.REVIEW, ""
    if page.live and not page.has_unpublished_changes:
        return State.PUBLISHED, ""
    return State.DRAFT, ""


def is_in_moderation(page):
    state = page.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def sign_off_task_states_for(user):
    """The sign-offs waiting for this member, newest first."""
    return (
        TaskState.objects.filter(
            task__in=CoAuthorSignOffTask.objects.all(), status=TaskState.STATUS_IN_PROGRESS
        )
        .filter(
            workflow_state__object_id__in=[
                str(pk) for pk in user.co_authored_experiences.values_list("pk", flat=True)
            ]
        )
        .exclude(workflow_state__requested_by=user)
        .select_related("workflow_state", "workflow_state__requested_by")
        .order_by("-started_at")
    )
