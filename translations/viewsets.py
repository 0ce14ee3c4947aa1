"""Snippet viewsets of the translatable snippets that go through the language's review.

Wagtail picks the workflow of a new snippet from its model (`get_default_workflow`), before
the row exists; a row created in another language (a translator adding a Portuguese term
directly) is reviewed by that language's reviewers instead, as `ReviewedSnippetMixin` does
for existing rows.
"""

from django.utils.functional import cached_property

from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from .roles import workflow_for_language


class ReviewedSnippetCreateView(CreateView):
    @cached_property
    def workflow(self):
        workflow = super().workflow
        if workflow is None or self.locale is None:
            return workflow
        return workflow_for_language(workflow, self.locale.language_code)


class ReviewedSnippetViewSet(SnippetViewSet):
    add_view_class = ReviewedSnippetCreateView
