"""The members app in the Wagtail admin: invitations, membership applications, members."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Invitation, Member, MembershipApplication


class InvitationCreateView(CreateView):
    """Saving an invitation sends it: the e-mail carries the signed, expiring link."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.invited_by = self.request.user
        instance.save()
        from .views import send_invitation

        send_invitation(instance)
        return instance

    def get_success_message(self, instance):
        return _("Invitation sent to %(email)s.") % {"email": instance.email}


class InvitationViewSet(ModelViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Co-author invitations")
    url_prefix = "members/invitations"
    add_view_class = InvitationCreateView
    form_fields = ["email", "experience", "organisation", "language", "message"]
    list_display = ["email", "experience", "created_at", "state_label", "invited_by"]
    list_filter = ["language"]
    search_fields = ["email"]
    copy_view_enabled = False
    inspect_view_enabled = True


class MembershipApplicationViewSet(ModelViewSet):
    model = MembershipApplication
    icon = "form"
    menu_label = _("Membership applications")
    url_namespace = "members_application"
    url_prefix = "members/applications"
    form_fields = ["status", "notes"]
    list_display = ["organisation_name", "country", "organisation_type", "status", "created_at"]
    list_filter = ["status", "organisation_type"]
    search_fields = ["organisation_name", "contact_name", "contact_email"]
    copy_view_enabled = False
    inspect_view_enabled = True


class MemberViewSet(ModelViewSet):
    model = Member
    icon = "user"
    menu_label = _("Members")
    url_prefix = "members/accounts"
    form_fields = ["user", "organisation", "language"]
    list_display = ["__str__", "organisation", "language", "created_at"]
    list_filter = ["language"]
    copy_view_enabled = False


class MembersViewSetGroup(ViewSetGroup):
    items = (InvitationViewSet, MembershipApplicationViewSet, MemberViewSet)
    menu_icon = "group"
    menu_label = _("Members")
    menu_name = "members"


@hooks.register("register_admin_viewset")
def register_viewsets():
    return MembersViewSetGroup()
