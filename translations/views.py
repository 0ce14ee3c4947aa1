"""Admin views of the translators' workflow."""

import functools

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin.auth import permission_denied
from wagtail.models import Locale, Page, WorkflowMixin
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
)

from .review import save_draft
from .roles import may_translate_into, translatable_locales, translation_locale_codes
from .status import (
    IN_PROGRESS,
    OUT_OF_DATE,
    STATUS_LABELS,
    UNTRANSLATED,
    UP_TO_DATE,
    StatusReport,
    page_summary,
)

PAGE_SIZE = 50


def _may_use_status(user):
    return user.has_perm("wagtail_localize.submit_translation")


def status_view(request):
    """Every page and snippet of one language, filterable by section, type and status."""
    if not _may_use_status(request.user):
        return permission_denied(request)
    locales = list(translatable_locales(request.user).order_by("pk"))
    if not locales:
        return permission_denied(request)
    default = Locale.get_default()
    chosen = request.GET.get("locale", "")
    locale = next((loc for loc in locales if loc.language_code == chosen), None)
    if locale is None:
        locale = next((loc for loc in locales if loc.pk != default.pk), locales[0])

    report = StatusReport(locale)
    rows = report.rows()
    sections = sorted(
        {(row.section_key, row.section_label) for row in rows if row.section_key},
        key=lambda item: item[1].lower(),
    )
    types = sorted({(row.type_key, row.type_label) for row in rows}, key=lambda t: t[1].lower())
    counts = dict.fromkeys(STATUS_LABELS, 0)
    for row in rows:
        counts[row.status] += 1

    section = request.GET.get("section", "")
    if section not in {key for key, _label in sections}:
        section = ""
    type_key = request.GET.get("type", "")
    if type_key not in {key for key, _label in types}:
        type_key = ""
    status = request.GET.get("status", "")
    if status not in STATUS_LABELS:
        status = ""
    shown = [
        row
        for row in rows
        if (not section or row.section_key == section)
        and (not type_key or row.type_key == type_key)
        and (not status or row.status == status)
    ]
    page_obj = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("p"))
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "translations/status.html",
        {
            "locale": locale,
            "locales": locales,
            "sections": sections,
            "types": types,
            "statuses": list(STATUS_LABELS.items()),
            "counts": [(key, STATUS_LABELS[key], counts[key]) for key in STATUS_LABELS],
            "selected": {"section": section, "type": type_key, "status": status},
            "page_obj": page_obj,
            "rows": page_obj.object_list,
            "total": len(shown),
            "querystring": query.urlencode(),
            "next_url": request.get_full_path(),
            "STATUS": {
                "untranslated": UNTRANSLATED,
                "in_progress": IN_PROGRESS,
                "up_to_date": UP_TO_DATE,
                "out_of_date": OUT_OF_DATE,
            },
        },
    )


def page_status_view(request, page_id):
    """One page in every language: the per-page summary."""
    if not _may_use_status(request.user):
        return permission_denied(request)
    page = get_object_or_404(Page, pk=page_id)
    entries = page_summary(page, request.user)
    original = next((e["row"] for e in entries if e["row"]), None)
    return TemplateResponse(
        request,
        "translations/page_status.html",
        {
            "page": page,
            "entries": entries,
            "original_locale": original.original_locale if original else page.locale,
            "next_url": request.get_full_path(),
        },
    )


def _next_url(request, fallback):
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return fallback


@require_POST
def submit_for_review(request, translation_id):
    """Save the translation as a draft of its page or snippet and start its review workflow.

    wagtail-localize's editor offers "Publish" only to those who may publish; a translator
    comes here instead, and the language's reviewers (or the Moderators) approve in Wagtail's
    own workflow, which publishes the translation. A published snippet translation keeps its
    published text until then (`review.save_draft`).
    """
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist as error:  # the translated object has been deleted
        raise Http404 from error
    if isinstance(target, Page):
        target = target.specific
        may_edit = target.permissions_for_user(request.user).can_edit()
        fallback = reverse("translations:page_status", args=[target.pk])
    elif isinstance(target, WorkflowMixin):
        may_edit = request.user.has_perm(get_permission_name("change", type(target)))
        fallback = (
            reverse("translations:status")
            + "?"
            + urlencode({"locale": translation.target_locale.language_code})
        )
    else:
        raise Http404
    if not may_edit or not may_translate_into(request.user, translation.target_locale):
        return permission_denied(request)
    if target.workflow_in_progress:
        messages.info(request, _("This translation is already waiting for review."))
        return redirect(_next_url(request, fallback))
    workflow = target.get_workflow()
    try:
        target = save_draft(translation, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation could not be saved: %(errors)s")
            % {"errors": " ".join(error.messages)},
        )
        return redirect(_next_url(request, fallback))
    target.refresh_from_db()
    if workflow is None:
        messages.warning(
            request,
            _("The translation is saved as a draft; no review workflow applies to it."),
        )
    else:
        workflow.start(target, request.user)
        messages.success(
            request,
            _("The translation of “%(title)s” is waiting for review.") % {"title": str(target)},
        )
    return redirect(_next_url(request, fallback))


# --- wagtail-localize's views, limited to the languages a translator works in ---------------


class LocaleLimitedSubmitMixin:
    """Offer only the languages the user may translate into."""

    def dispatch(self, request, *args, **kwargs):
        if translation_locale_codes(request.user) == set():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        codes = translation_locale_codes(self.request.user)
        if codes is not None:
            field = form.fields["locales"]
            field.queryset = field.queryset.filter(language_code__in=codes)
        return form


class SubmitPageTranslation(LocaleLimitedSubmitMixin, SubmitPageTranslationView):
    pass


class SubmitSnippetTranslation(LocaleLimitedSubmitMixin, SubmitSnippetTranslationView):
    pass


def locale_limited(view):
    """Refuse wagtail-localize's per-translation views for a language the user does not translate."""

    @functools.wraps(view)
    def wrapped(request, translation_id, *args, **kwargs):
        translation = get_object_or_404(
            Translation.objects.select_related("target_locale"), pk=translation_id
        )
        if not may_translate_into(request.user, translation.target_locale):
            raise PermissionDenied
        return view(request, translation_id, *args, **kwargs)

    return wrapped
