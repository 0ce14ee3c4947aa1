"""Translatable snippets that go live only when published, through the language's review.

`ReviewedSnippetMixin` gives a translatable snippet Wagtail's draft state, revisions, locking
and workflows (https://docs.wagtail.org/en/stable/topics/snippets/features.html). A row is
what the public sees: while it is live, later changes wait in revisions until they are
published, and a new row (a translator's new translation) stays hidden until then. Public
queries read `Model.objects.live()`.

The workflow of a snippet depends on its language: when the model is assigned to one of the
"Translation review (<code>)" workflows (Wagtail's `WorkflowContentType`, set by
`translations.roles.ensure_roles`), each row goes through the review workflow of its own
language, the one its language's page tree uses. A model assigned to any other workflow keeps
that workflow for every language.
"""

from django.db import models

from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin


class LiveQuerySet(models.QuerySet):
    def live(self):
        """The rows the public may see."""
        return self.filter(live=True)


class ReviewedSnippetMixin(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin):
    objects = LiveQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_workflow(self):
        from .roles import workflow_for_language

        workflow = self.get_default_workflow()
        locale = getattr(self, "locale", None)
        if workflow is None or locale is None:
            return workflow
        return workflow_for_language(workflow, locale.language_code)
