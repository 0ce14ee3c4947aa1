"""PostgreSQL only: a text-search configuration per language, with accent folding.

Each `oidp_<language>` copies PostgreSQL's configuration for the language and runs `unaccent`
before the language's Snowball stemmer; `oidp_simple` folds accents without stemming (autocomplete).
Nothing happens on other databases.
"""

from django.db import migrations

CONFIGS = [
    ("oidp_fr", "french", "french_stem"),
    ("oidp_es", "spanish", "spanish_stem"),
    ("oidp_en", "english", "english_stem"),
    ("oidp_pt", "portuguese", "portuguese_stem"),
    ("oidp_simple", "simple", "simple"),
]


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, source, dictionary in CONFIGS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")
        schema_editor.execute(f"CREATE TEXT SEARCH CONFIGURATION {name} (COPY = {source})")
        schema_editor.execute(
            f"ALTER TEXT SEARCH CONFIGURATION {name} "
            f"ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary}"
        )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _source, _dictionary in CONFIGS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_configurations, drop_configurations)]
