"""The tree shared by the repository's tests: four homes, an index per language, vocabularies."""

from home.factories import build_multilingual_site, publish_translation
from repository.factories import (
    ExperienceIndexPageFactory,
    MethodFactory,
    ThemeFactory,
    sdg,
)


def build_repository():
    homes = build_multilingual_site()
    index = ExperienceIndexPageFactory(parent=homes["fr"], title="Expériences", slug="experiences")
    indexes = {"fr": index}
    for code in ("es", "en", "pt"):
        indexes[code] = publish_translation(index, code)
    governance = ThemeFactory(name="Gouvernance", slug="governance")
    budgets = ThemeFactory(name="Budgets", slug="budgets", parent=governance)
    youth = ThemeFactory(name="Jeunesse", slug="youth")
    pb = MethodFactory(name="Budget participatif", slug="participatory-budgeting")
    assembly = MethodFactory(name="Assemblée citoyenne", slug="citizens-assembly")
    return {
        "homes": homes,
        "indexes": indexes,
        "themes": {"governance": governance, "budgets": budgets, "youth": youth},
        "methods": {"pb": pb, "assembly": assembly},
        "sdg": sdg,
    }
