"""Synchronised fields follow the source after a sync; translated fields keep their translation.

Generic: every page type with a factory in a project app's `factories.py` is built under a
parent of an allowed type, translated into Spanish through wagtail-localize, then every
synchronised field of its own that holds a plain value is changed on the source.
"""

import datetime
import decimal
import importlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.test import TestCase

from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

import wagtail_factories

from home.factories import build_multilingual_site
from home.models import HomePage

from .base import publish_translation_target, start_translation, translate_segments


def page_factories():
    """{page model: factory} from the project's apps."""
    found = {}
    for config in apps.get_app_configs():
        if Path(config.path).parent != Path(settings.BASE_DIR):
            continue
        try:
            module = importlib.import_module(f"{config.name}.factories")
        except ModuleNotFoundError:
            continue
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, wagtail_factories.PageFactory)
                and value._meta.model
                and issubclass(value._meta.model, Page)
                and value._meta.model not in found
            ):
                found[value._meta.model] = value
    return found


def changed_value(field, value):
    """Another valid value for a synchronised field, or None if the test cannot make one."""
    if isinstance(field, models.DateField | models.DateTimeField):
        # Every date moves by the same day, so that date ranges stay valid; empty ones stay so.
        return None if value is None else value + datetime.timedelta(days=1)
    if isinstance(field, models.BooleanField):
        return not value
    if isinstance(field, models.DecimalField):
        return (value or decimal.Decimal(0)) + 1
    if isinstance(field, models.FloatField):
        return (value or 0) + 0.5
    if isinstance(field, models.IntegerField):
        return (value or 0) + 1
    if isinstance(field, models.CharField) and field.choices:
        others = [key for key, _label in field.flatchoices if key and key != value]
        return others[0] if others else None
    if isinstance(field, models.EmailField):
        return "changed@example.org"
    if isinstance(field, models.URLField):
        return "https://example.org/changed/"
    return None


def synchronised_plain_fields(model):
    fields = []
    for translatable in get_translatable_fields(model):
        if not isinstance(translatable, SynchronizedField):
            continue
        try:
            field = model._meta.get_field(translatable.field_name)
        except Exception:  # a child relation or a non-field attribute
            continue
        if field.model is Page or field.is_relation or not field.editable:
            continue
        fields.append(field)
    return fields


class SynchronisedFieldsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.homes = build_multilingual_site()

    def build(self, model, factories, built):
        if model in built:
            return built[model]
        if model is HomePage:
            return self.homes["fr"]
        parent = None
        for parent_model in model.allowed_parent_page_models():
            if parent_model is HomePage or parent_model in factories:
                parent = self.build(parent_model, factories, built)
                break
        self.assertIsNotNone(parent, f"no parent with a factory for {model.__name__}")
        try:
            with transaction.atomic():
                page = factories[model](parent=parent)
        except ValidationError as error:
            # The factory needs arguments to make a valid page: say which, rather than guess.
            self.skipTest(f"{factories[model].__name__}() alone is not valid: {error}")
        page.save_revision().publish()
        page.refresh_from_db()
        built[model] = page.specific
        return built[model]

    def test_every_page_type_follows_its_source_on_synchronised_fields(self):
        factories = page_factories()
        self.assertGreaterEqual(len(factories), 5)
        built = {}
        checked = 0
        for model in factories:
            if model is HomePage:
                continue
            fields = synchronised_plain_fields(model)
            if not fields:
                continue
            with self.subTest(page_type=model.__name__):
                source = self.build(model, factories, built)
                translation = start_translation(source, "es")
                translate_segments(translation, prefix="[es] ")
                publish_translation_target(translation)
                target = translation.get_target_instance()
                self.assertEqual(target.title, f"[es] {source.title}")

                changes = {}
                for field in fields:
                    value = changed_value(field, getattr(source, field.attname))
                    if value is not None:
                        setattr(source, field.attname, value)
                        changes[field.attname] = value
                self.assertTrue(changes)
                source.save_revision(clean=False).publish()
                source.refresh_from_db()

                translation.source.update_from_db()
                publish_translation_target(translation)
                target = translation.get_target_instance()
                for name in changes:
                    self.assertEqual(
                        getattr(target, name), getattr(source, name), f"{model.__name__}.{name}"
                    )
                self.assertEqual(target.title, f"[es] {source.title}")
                checked += 1
        self.assertGreaterEqual(checked, 3)
