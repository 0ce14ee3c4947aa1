"""Demo content of the members app: the workflow, three member accounts, a pending invitation.

Runs after the repository's demo (seed_demo follows INSTALLED_APPS order). Member accounts
get a password only under settings that allow demo accounts (DEMO_ADMIN_ALLOWED, dev and
test); elsewhere they are created without a usable password.
"""

from django.conf import settings
from django.contrib.auth import get_user_model

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from home.seeding import Progress
from repository.models import ExperiencePage

from .models import Invitation, Member
from .workflow import ensure_experience_workflow

DEMO_PASSWORD = "member-demo-2024"
DEMO_MEMBERS = [
    ("lucia@members.localhost", "Lucía", "Gómez", "es"),
    ("joao@members.localhost", "João", "Pereira", "pt"),
    ("amina@members.localhost", "Amina", "Diallo", "fr"),
]


def _member(email, first, last, language, organisation, allow_password):
    User = get_user_model()
    user, created = User.objects.get_or_create(
        username=email, defaults={"email": email, "first_name": first, "last_name": last}
    )
    if created:
        if allow_password:
            user.set_password(DEMO_PASSWORD)
        else:
            user.set_unusable_password()
        user.save()
    Member.objects.update_or_create(
        user=user, defaults={"organisation": organisation, "language": language}
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.submitted_notifications = False
    profile.approved_notifications = False
    profile.rejected_notifications = False
    profile.save()
    return user, created


def seed(stdout):
    progress = Progress(stdout, 3 + len(DEMO_MEMBERS), "members")
    ensure_experience_workflow()
    progress.step("workflow of experiences assigned to every repository index")

    default = Locale.get_default()
    experiences = list(
        ExperiencePage.objects.filter(locale=default, promoting_organisation__isnull=False)
        .select_related("promoting_organisation")
        .order_by("path")[: len(DEMO_MEMBERS) + 1]
    )
    if len(experiences) < 2:
        stdout.write("  members: no demo experiences found; run seed_demo --app repository first")
        return
    allow_password = getattr(settings, "DEMO_ADMIN_ALLOWED", False)
    users = []
    for (email, first, last, language), page in zip(DEMO_MEMBERS, experiences, strict=False):
        organisation = page.promoting_organisation
        if organisation.latitude is None and page.has_coordinates:
            organisation.latitude, organisation.longitude = page.latitude, page.longitude
            organisation.save()
        user, created = _member(email, first, last, language, organisation, allow_password)
        users.append((user, page))
        progress.step(f"member {email} ({'created' if created else 'already there'})")

    # Each co-authors their organisation's experience; the first experience is shared by two,
    # so that its changes need a sign-off.
    through = ExperiencePage.co_authors.through
    for user, page in users:
        through.objects.get_or_create(experiencepage_id=page.pk, user_id=user.pk)
    through.objects.get_or_create(experiencepage_id=users[0][1].pk, user_id=users[1][0].pk)
    progress.step("co-authors set")

    pending = experiences[-1]
    Invitation.objects.get_or_create(
        email="invited@members.localhost",
        experience=pending,
        defaults={"language": "en", "message": "Welcome to the repository."},
    )
    progress.step(f"pending invitation to co-author {pending.title}")
    if allow_password:
        stdout.write(
            "  Demo member accounts (log in at /fr/members/login/): "
            + ", ".join(email for email, *_rest in DEMO_MEMBERS)
            + f"; password: {DEMO_PASSWORD}"
        )
