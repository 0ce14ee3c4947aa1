"""The award in the Wagtail admin, and its panel on the member dashboard."""

from django.template.loader import render_to_string
from django.urls import path
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import admin_views
from .models import Candidature, ConflictOfInterest, JuryScore, PublicVote


class ReadOnlyActionsPolicy(ModelPermissionPolicy):
    """Model permissions without the actions that records made by the public must not get."""

    refused = ("add",)

    def user_has_permission(self, user, action):
        if action in self.refused:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class NoEditPolicy(ReadOnlyActionsPolicy):
    refused = ("add", "change")


# Records made by candidates, voters and jurors: staff decide on them but never create them,
# and votes and scores are not edited (only deleted, e.g. an abusive vote).
register_permission_policy(Candidature, ReadOnlyActionsPolicy(Candidature), exact_class=True)
register_permission_policy(
    ConflictOfInterest, ReadOnlyActionsPolicy(ConflictOfInterest), exact_class=True
)
register_permission_policy(PublicVote, NoEditPolicy(PublicVote), exact_class=True)
register_permission_policy(JuryScore, NoEditPolicy(JuryScore), exact_class=True)


class CandidatureViewSet(ModelViewSet):
    """Eligibility decisions (with a reason), finalists, winners and the jury's feedback."""

    model = Candidature
    icon = "clipboard-list"
    menu_label = _("Candidatures")
    list_display = ["title", "edition", "applicant", "category", "state", "submitted_at"]
    list_filter = ["edition", "state", "category", "language"]
    search_fields = ["title", "applicant__email", "applicant__last_name"]
    search_backend_name = None
    form_fields = ["state", "ineligibility_reason", "category", "jury_feedback"]
    list_export = [
        "pk",
        "title",
        "edition",
        "applicant",
        "applicant_email",
        "language",
        "category",
        "state",
        "ineligibility_reason",
        "submitted_at",
        "experience_url",
    ]
    export_headings = {
        "pk": _("id"),
        "applicant_email": _("applicant's e-mail"),
        "experience_url": _("experience"),
    }
    export_filename = "candidatures"
    inspect_view_enabled = True
    copy_view_enabled = False


class PublicVoteViewSet(ModelViewSet):
    model = PublicVote
    icon = "tasks"
    menu_label = _("Public votes")
    list_display = ["email", "candidature", "requested_at", "confirmed_at", "network"]
    list_filter = ["edition", "confirmed_at", "candidature"]
    search_fields = ["email", "network"]
    search_backend_name = None
    list_export = [
        "email",
        "candidature",
        "language",
        "ip_address",
        "network",
        "requested_at",
        "confirmed_at",
    ]
    export_filename = "public-votes"
    form_fields = []
    inspect_view_enabled = True
    copy_view_enabled = False


class JuryScoreViewSet(ModelViewSet):
    model = JuryScore
    icon = "pick"
    menu_label = _("Jury scores")
    list_display = ["candidature", "juror", "criterion", "phase", "score", "updated_at"]
    list_filter = ["candidature__edition", "phase", "juror"]
    list_export = ["candidature", "juror", "criterion", "phase", "score", "comment", "updated_at"]
    export_filename = "jury-scores"
    form_fields = []
    inspect_view_enabled = True
    copy_view_enabled = False


class ConflictOfInterestViewSet(ModelViewSet):
    model = ConflictOfInterest
    icon = "warning"
    menu_label = _("Conflicts of interest")
    list_display = ["juror", "candidature", "declared_at"]
    list_filter = ["candidature__edition", "juror"]
    form_fields = ["note"]
    copy_view_enabled = False


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.STAFF_PERMISSION)


class AwardReportViewSet(ViewSet):
    """Per edition: the ranking with its formula, vote counts and abuse signals, finalists."""

    name = "award_reports"
    icon = "table"
    menu_label = _("Edition reports")
    menu_item_class = StaffMenuItem

    def get_urlpatterns(self):
        return [
            path("", admin_views.index, name="index"),
            path("<int:edition_id>/", admin_views.report, name="report"),
        ]


class AwardViewSetGroup(ViewSetGroup):
    menu_label = _("Best Practice Award")
    menu_icon = "pick"
    menu_order = 250
    items = (
        AwardReportViewSet,
        CandidatureViewSet,
        PublicVoteViewSet,
        JuryScoreViewSet,
        ConflictOfInterestViewSet,
    )


@hooks.register("register_admin_viewset")
def register_award_viewsets():
    return AwardViewSetGroup()


@hooks.register("members_dashboard_panels")
def candidatures_panel(request):
    """The member's candidatures on their dashboard, or None when they have none."""
    if not request.user.is_authenticated:
        return None
    candidatures = list(
        Candidature.objects.filter(applicant=request.user)
        .select_related("edition")
        .order_by("-edition__year", "-updated_at")
    )
    if not candidatures:
        return None
    return mark_safe(
        render_to_string(
            "awards/includes/dashboard_panel.html",
            {"candidatures": candidatures},
            request=request,
        )
    )


@hooks.register("members_personal_data")
def award_personal_data(user):
    from .privacy import personal_data_of

    return "award", personal_data_of(user)


@hooks.register("members_erase_personal_data")
def erase_award_personal_data(user):
    from .privacy import erase_personal_data_of

    erase_personal_data_of(user)
