"""The translators' and reviewers' groups of every content language.

Their permissions, page rights and review workflows are granted by `translations.roles`
after every migrate and when a language's home page is created (they need the permissions
and pages that exist only then).
"""

from django.conf import settings
from django.db import migrations


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for code, _name in settings.LANGUAGES:
        Group.objects.get_or_create(name=f"Translators ({code})")
        Group.objects.get_or_create(name=f"Translation reviewers ({code})")


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
