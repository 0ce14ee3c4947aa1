"""The tree shared by the members app's tests: the repository, the workflow, three members."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.users.models import UserProfile

from members.models import Member
from members.workflow import ensure_experience_workflow
from repository.factories import ExperiencePageFactory, OrganisationFactory
from repository.tests.base import build_repository

PASSWORD = "a-long-member-password-42"


def make_member(email, language="fr", organisation=None, **extra):
    user = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, **extra
    )
    Member.objects.create(user=user, organisation=organisation, language=language)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.submitted_notifications = False
    profile.approved_notifications = False
    profile.rejected_notifications = False
    profile.save()
    return user


def make_editor(email="editor@example.org"):
    user = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, first_name="Eda"
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    # Wagtail's default groups can reach the admin; this is the editorial team's account.
    return user


def build_members():
    tree = build_repository()
    workflow = ensure_experience_workflow()
    city = OrganisationFactory(name="Ville de Lyon", slug="lyon", country="FR", is_member=True)
    porto = OrganisationFactory(name="Prefeitura", slug="porto", country="BR", is_member=True)
    ana = make_member("ana@example.org", "pt", porto, first_name="Ana")
    claire = make_member("claire@example.org", "fr", city, first_name="Claire")
    outsider = make_member("olga@example.org", "en", city, first_name="Olga")
    shared = ExperiencePageFactory(
        parent=tree["indexes"]["fr"], title="Budget participatif", slug="budget-participatif"
    )
    shared.co_authors.set([ana, claire])
    shared.save_revision().publish()
    solo = ExperiencePageFactory(
        parent=tree["indexes"]["fr"], title="Assemblée de quartier", slug="assemblee"
    )
    solo.co_authors.set([ana])
    solo.save_revision().publish()
    other = ExperiencePageFactory(
        parent=tree["indexes"]["fr"], title="Conseil des jeunes", slug="conseil-jeunes"
    )
    other.co_authors.set([outsider])
    other.save_revision().publish()
    return {
        **tree,
        "workflow": workflow,
        "ana": ana,
        "claire": claire,
        "outsider": outsider,
        "editor": make_editor(),
        "shared": shared,
        "solo": solo,
        "other": other,
        "organisations": {"lyon": city, "porto": porto},
    }
