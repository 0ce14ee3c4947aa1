"""The translators' roles: who may translate into which language, and who reviews it.

For each content language there are two groups:

- "Translators (<code>)": may open the admin, create translations (wagtail-localize's
  "Translate" action) and edit the pages of their language's tree, but not publish them, and
  create and edit the translatable snippets of their language only.
- "Translation reviewers (<code>)": may edit and publish their language's tree, and approve
  the "Translation review (<code>)" workflow assigned to that tree, with the Moderators;
  they also publish their language's translatable snippets, whose rows of that language go
  through the same workflow (`translations.snippets.ReviewedSnippetMixin`).

Page permissions in Wagtail are per subtree, so the page rights are granted on each locale's
home page as soon as it exists (`grant_locale_tree`, called when a top-level page is created
and after every `migrate`). Everything here is idempotent.
"""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

from wagtail.models import (
    DraftStateMixin,
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.models.i18n import TranslatableMixin
from wagtail.snippets.models import get_snippet_models

TRANSLATORS = "Translators ({code})"
REVIEWERS = "Translation reviewers ({code})"
WORKFLOW = "Translation review ({code})"
MODERATORS = "Moderators"

TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
REVIEWER_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]


def language_codes():
    return [code for code, _name in settings.LANGUAGES]


def translator_group_name(code):
    return TRANSLATORS.format(code=code)


def reviewer_group_name(code):
    return REVIEWERS.format(code=code)


def translatable_snippet_models():
    """Every registered snippet model that wagtail-localize can translate."""
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def reviewed_snippet_models():
    """The translatable snippets whose changes go live through publication (draft state)."""
    return [model for model in translatable_snippet_models() if issubclass(model, DraftStateMixin)]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _model_permissions(model, actions):
    content_type = ContentType.objects.get_for_model(model)
    return Permission.objects.filter(
        content_type=content_type,
        codename__in=[f"{action}_{model._meta.model_name}" for action in actions],
    )


def ensure_groups():
    """The groups of every language with their model-wide permissions."""
    admin_access = _permission("wagtailadmin", "access_admin")
    submit = _permission("wagtail_localize", "submit_translation")
    snippet_permissions = []
    for model in translatable_snippet_models():
        snippet_permissions.extend(_model_permissions(model, ["add", "change", "view"]))
    # Reviewers publish the snippets of their language (the snippet hooks of
    # `wagtail_hooks` keep them to it), as they publish their language's pages.
    publish_permissions = []
    for model in reviewed_snippet_models():
        publish_permissions.extend(_model_permissions(model, ["publish"]))
    groups = {}
    for code in language_codes():
        translators, _created = Group.objects.get_or_create(name=translator_group_name(code))
        reviewers, _created = Group.objects.get_or_create(name=reviewer_group_name(code))
        for group in (translators, reviewers):
            group.permissions.add(admin_access, submit, *snippet_permissions)
        reviewers.permissions.add(*publish_permissions)
        groups[code] = (translators, reviewers)
    return groups


def review_workflow(code):
    """The workflow of one language: its reviewers or the Moderators approve."""
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW.format(code=code))
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.create(name=WORKFLOW.format(code=code))
        reviewers = Group.objects.get(name=reviewer_group_name(code))
        task.groups.add(reviewers, *Group.objects.filter(name=MODERATORS))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def is_review_workflow(workflow):
    return workflow.name in {WORKFLOW.format(code=code) for code in language_codes()}


def workflow_for_language(workflow, code):
    """The workflow a snippet of language `code` goes through, its model being assigned `workflow`.

    A model assigned to one of the translation review workflows is reviewed in each language
    by that language's reviewers; any other workflow applies as it is.
    """
    if workflow.name == WORKFLOW.format(code=code) or not is_review_workflow(workflow):
        return workflow
    own = Workflow.objects.filter(name=WORKFLOW.format(code=code), active=True).first()
    return own or workflow


def assign_snippet_workflows():
    """Reviewed snippet models without a workflow get the translation review.

    Wagtail assigns one workflow per model (`WorkflowContentType`): the default language's
    review is assigned, and each row follows its own language's (`ReviewedSnippetMixin`).
    A workflow chosen deliberately for a model is kept.
    """
    workflow = review_workflow(settings.LANGUAGE_CODE)
    for model in reviewed_snippet_models():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        WorkflowContentType.objects.get_or_create(
            content_type=content_type, defaults={"workflow": workflow}
        )


def grant_locale_tree(home):
    """Page rights and the review workflow on the tree of one language (a top-level page)."""
    code = home.locale.language_code
    if code not in language_codes():
        return
    translators = Group.objects.filter(name=translator_group_name(code)).first()
    reviewers = Group.objects.filter(name=reviewer_group_name(code)).first()
    if translators is None or reviewers is None:
        return
    for group, codenames in (
        (translators, TRANSLATOR_PAGE_PERMISSIONS),
        (reviewers, REVIEWER_PAGE_PERMISSIONS),
    ):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=home, permission=_permission("wagtailcore", codename)
            )
    # A workflow chosen deliberately for this tree is kept.
    WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": review_workflow(code)})


def ensure_roles():
    """Groups, permissions and workflows for every language and every existing language tree."""
    ensure_groups()
    for code in language_codes():
        review_workflow(code)
    assign_snippet_workflows()
    for home in Page.objects.filter(depth=2).select_related("locale"):
        grant_locale_tree(home)


# --- Who may translate into which language ---------------------------------------------------


def _role_group_names():
    names = set()
    for code in language_codes():
        names.add(translator_group_name(code))
        names.add(reviewer_group_name(code))
    return names


def translation_locale_codes(user):
    """The languages a user may translate into, or None when the user is not limited.

    Members of the translators' and reviewers' groups (and of no other group) are limited to
    the languages of those groups; superusers and every other role keep what their
    permissions give them.
    """
    if not user.is_authenticated:
        return set()
    if user.is_superuser:
        return None
    cache_name = "_translation_locale_codes"
    if hasattr(user, cache_name):
        return getattr(user, cache_name)
    names = set(user.groups.values_list("name", flat=True))
    role_names = _role_group_names()
    if not names or names - role_names:
        codes = None
    else:
        codes = {
            code
            for code in language_codes()
            if translator_group_name(code) in names or reviewer_group_name(code) in names
        }
    setattr(user, cache_name, codes)
    return codes


def may_translate_into(user, locale):
    codes = translation_locale_codes(user)
    return codes is None or locale.language_code in codes


def translatable_locales(user):
    codes = translation_locale_codes(user)
    locales = Locale.objects.all()
    return locales if codes is None else locales.filter(language_code__in=codes)
