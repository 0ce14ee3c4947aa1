"""Keep the translators' roles in step with the languages and their page trees."""

from django.db.models.signals import post_migrate, post_save

from wagtail.models import Page


def roles_after_migrate(sender, **kwargs):
    # post_migrate is sent once per app; the permissions of every app exist after the last one.
    from django.apps import apps

    with_models = [config for config in apps.get_app_configs() if config.models_module]
    if sender is not with_models[-1]:
        return
    from .roles import ensure_roles

    ensure_roles()


def roles_for_new_language_tree(sender, instance, created, raw=False, **kwargs):
    # Only the top-level pages are language trees (one home per locale under the root).
    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    from .roles import grant_locale_tree

    grant_locale_tree(instance)


def connect(app_config):
    post_migrate.connect(roles_after_migrate, dispatch_uid="translations_roles_after_migrate")
    post_save.connect(roles_for_new_language_tree, dispatch_uid="translations_language_tree")
