"""Receivers of Wagtail's workflow signals: e-mails to co-authors, workflow on new indexes."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import translation

from wagtail.models import AbstractGroupApprovalTask
from wagtail.signals import task_approved, task_rejected, task_submitted, workflow_approved

from repository.models import ExperienceIndexPage, ExperiencePage

from .models import CoAuthorSignOffTask, language_of
from .notifications import co_authors_of, send_to


def _experience(workflow_state):
    page = workflow_state.content_object
    page = getattr(page, "specific", page)
    return page if isinstance(page, ExperiencePage) else None


def _submitted_version(task_state, page):
    """The experience as submitted (its title may differ from the live one)."""
    return task_state.revision.as_object() if task_state.revision_id else page


@receiver(task_submitted)
def ask_co_authors_to_sign_off(sender, instance, user=None, **kwargs):
    if not isinstance(instance.task.specific, CoAuthorSignOffTask):
        return
    workflow_state = instance.workflow_state
    page = _experience(workflow_state)
    if page is None:
        return
    requested_by = workflow_state.requested_by
    others = CoAuthorSignOffTask.other_co_authors(page, requested_by).select_related("member")
    send_to(
        others,
        "sign_off_requested",
        {"page": _submitted_version(instance, page), "requested_by": requested_by},
    )


@receiver(task_approved)
def tell_requester_it_was_signed_off(sender, instance, user=None, **kwargs):
    if not isinstance(instance.task.specific, CoAuthorSignOffTask):
        return
    workflow_state = instance.workflow_state
    page = _experience(workflow_state)
    if page is None or workflow_state.requested_by is None:
        return
    send_to(
        [workflow_state.requested_by],
        "signed_off",
        {"page": _submitted_version(instance, page), "actor": user},
    )


@receiver(task_rejected)
def tell_co_authors_changes_are_requested(sender, instance, user=None, **kwargs):
    page = _experience(instance.workflow_state)
    if page is None:
        return
    task = instance.task.specific
    if not isinstance(task, (CoAuthorSignOffTask, AbstractGroupApprovalTask)):
        return
    step = "sign-off" if isinstance(task, CoAuthorSignOffTask) else "review"
    send_to(
        co_authors_of(page, exclude=user),
        "changes_requested",
        {
            "page": _submitted_version(instance, page),
            "actor": user,
            "comment": instance.comment,
            "step": step,
        },
    )


@receiver(workflow_approved)
def tell_co_authors_it_is_published(sender, instance, user=None, **kwargs):
    page = _experience(instance)
    if page is None:
        return
    task_state = instance.current_task_state
    comment = task_state.comment if task_state else ""
    page.refresh_from_db()
    for co_author in co_authors_of(page, exclude=user):
        with translation.override(language_of(co_author)):
            page_url = page.full_url or ""
        send_to([co_author], "published", {"page": page, "comment": comment, "page_url": page_url})


@receiver(post_save, sender=ExperienceIndexPage)
def assign_workflow_to_new_index(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .workflow import ensure_experience_workflow

        ensure_experience_workflow()
