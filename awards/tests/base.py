"""The tree shared by the award's tests: the repository, an award index and one edition."""

from home.factories import publish_translation
from repository.factories import ExperiencePageFactory
from repository.tests.base import build_repository

from ..factories import AwardEditionPageFactory, AwardIndexPageFactory, add_edition_rows


def build_awards(phase="call", **edition_fields):
    tree = build_repository()
    index = AwardIndexPageFactory(parent=tree["homes"]["fr"])
    edition = AwardEditionPageFactory(
        parent=index, title="Prix OIDP 2024", slug="2024", phase=phase, **edition_fields
    )
    categories, criteria, questions = add_edition_rows(edition)
    edition.save_revision().publish()
    tree.update(
        award_index=index,
        edition=edition,
        categories=categories,
        criteria=criteria,
        questions=questions,
    )
    return tree


def translate_awards(tree, code="en"):
    index = publish_translation(tree["award_index"], code)
    edition = publish_translation(tree["edition"], code)
    return index, edition


def experience(tree, title="Budget participatif de Valongo", **fields):
    return ExperiencePageFactory(parent=tree["indexes"]["fr"], title=title, **fields)
