"""Staff views in the Wagtail admin: an edition's report (ranking, votes, abuse signals),
finalist selection in bulk, and the jury feedback e-mails."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from . import emails
from .models import AwardEditionPage, Candidature
from .ranking import FORMULA, SCORE_MAX, abuse_signals, ranking

STAFF_PERMISSION = "awards.change_candidature"
SELECTABLE_STATES = (Candidature.State.ELIGIBLE, Candidature.State.FINALIST)


def _require_staff(request):
    if not request.user.has_perm(STAFF_PERMISSION):
        raise PermissionDenied


def index(request):
    _require_staff(request)
    editions = (
        AwardEditionPage.objects.filter(locale=Locale.get_default())
        .annotate(
            total=Count("candidatures"),
            submitted=Count("candidatures", filter=~Q(candidatures__state=Candidature.State.DRAFT)),
        )
        .order_by("-year")
    )
    return TemplateResponse(
        request,
        "awards/admin/report_index.html",
        {"editions": editions, "page_title": _("Award editions")},
    )


def report(request, edition_id):
    _require_staff(request)
    edition = get_object_or_404(AwardEditionPage, pk=edition_id).edition
    if request.method == "POST":
        if "select_finalists" in request.POST:
            return _select_finalists(request, edition)
        if "send_feedback" in request.POST:
            return _send_feedback(request, edition)
    states = dict(edition.candidatures.values_list("state").annotate(total=Count("id")).order_by())
    return TemplateResponse(
        request,
        "awards/admin/report.html",
        {
            "edition": edition,
            "page_title": edition.title,
            "states": [(label, states.get(value, 0)) for value, label in Candidature.State.choices],
            "ranking": ranking(edition),
            "formula": FORMULA % {"max": SCORE_MAX, "weight": edition.vote_weight},
            "signals": abuse_signals(edition),
            "selectable": edition.candidatures.filter(state__in=SELECTABLE_STATES).order_by(
                "title"
            ),
            "votes_total": edition.public_votes.count(),
            "votes_confirmed": edition.public_votes.filter(confirmed_at__isnull=False).count(),
            "feedback_pending": _feedback_pending(edition).count(),
        },
    )


def _select_finalists(request, edition):
    chosen = {int(pk) for pk in request.POST.getlist("finalists") if pk.isdigit()}
    with transaction.atomic():
        selectable = edition.candidatures.select_for_update().filter(state__in=SELECTABLE_STATES)
        promoted = selectable.filter(pk__in=chosen, state=Candidature.State.ELIGIBLE).update(
            state=Candidature.State.FINALIST
        )
        demoted = (
            selectable.exclude(pk__in=chosen)
            .filter(state=Candidature.State.FINALIST)
            .update(state=Candidature.State.ELIGIBLE)
        )
    messages.success(
        request,
        gettext("Finalists updated: %(promoted)s added, %(demoted)s removed.")
        % {"promoted": promoted, "demoted": demoted},
    )
    return redirect("award_reports:report", edition_id=edition.pk)


def _feedback_pending(edition):
    return (
        edition.candidatures.exclude(state=Candidature.State.DRAFT)
        .filter(feedback_sent_at__isnull=True)
        .exclude(jury_feedback="")
    )


def _send_feedback(request, edition):
    if not edition.results_published:
        messages.error(request, gettext("Publish the results before sending the jury's feedback."))
        return redirect("award_reports:report", edition_id=edition.pk)
    sent = 0
    for candidature in _feedback_pending(edition).select_related("applicant", "edition"):
        emails.send_jury_feedback(candidature, request)
        sent += 1
    messages.success(request, gettext("%(count)s feedback e-mails sent.") % {"count": sent})
    return redirect("award_reports:report", edition_id=edition.pk)
