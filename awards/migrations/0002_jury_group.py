"""The "Jury" group, whose members can be assigned as jurors of an edition."""

from django.db import migrations

JURY_GROUP = "Jury"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.get_or_create(name=JURY_GROUP)


def remove_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name=JURY_GROUP, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("awards", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
