"""The image renditions that listings show, generated ahead of time.

A listing of twenty teasers whose renditions do not exist yet would make its first reader wait
for twenty image resizes. Each published page's listing renditions are made in a background
task (django-tasks, like Wagtail's own tasks: a worker in production, at once otherwise), and
`manage.py generate_listing_renditions` makes those of the whole site.

The filter specs are those of the listing templates; they live here only, and the templates'
tests check that nothing is left to generate when a listing is shown (home/tests).
"""

from django.apps import apps
from django.db import transaction

from wagtail.images.models import Filter
from wagtail.signals import page_published

from django_tasks import task

# Specs as the templates write them (`{% picture %}` and `{% image %}` join their filters
# with "|"; braces list alternatives, expanded by Wagtail).
TEASER = "format-{webp,jpeg}|width-{400,800,1200}"  # news/includes/teaser.html, picture.html
EXPERIENCE_CARD = "fill-400x250|format-webp"  # news/includes/related_experiences.html
FEATURED_EXPERIENCE = "fill-640x400|format-webp"  # news/includes/home_highlights.html

# (page model, image field, specs) for every page type shown in a listing with its image.
LISTING_IMAGES = [
    ("news.NewsPage", "image", [TEASER]),
    ("news.EventPage", "image", [TEASER]),
    ("news.PolicyBriefPage", "image", [TEASER]),
    ("repository.ExperiencePage", "main_image", [EXPERIENCE_CARD, FEATURED_EXPERIENCE]),
]


def expanded_specs(specs):
    return [spec for template_spec in specs for spec in Filter.expand_spec(template_spec)]


def listing_image(page):
    """(image, filter specs) of a page shown in listings, or None."""
    for label, field, specs in LISTING_IMAGES:
        if isinstance(page, apps.get_model(label)):
            image = getattr(page, field)
            return (image, expanded_specs(specs)) if image is not None else None
    return None


def generate_for_page(page):
    """Makes the page's missing listing renditions; returns how many specs it covered."""
    found = listing_image(page)
    if found is None:
        return 0
    image, specs = found
    image.get_renditions(*specs)
    return len(specs)


@task()
def generate_listing_renditions(page_id):
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        generate_for_page(page.specific)


def listed_pages():
    """Every live page of the listed types that has an image (for the management command)."""
    for label, field, _specs in LISTING_IMAGES:
        model = apps.get_model(label)
        yield from (
            model.objects.live()
            .filter(**{f"{field}__isnull": False})
            .select_related(field)
            .order_by("pk")
        )


def count_listed_pages():
    return sum(
        apps.get_model(label).objects.live().filter(**{f"{field}__isnull": False}).count()
        for label, field, _specs in LISTING_IMAGES
    )


def _on_publish(sender, instance, **kwargs):
    if listing_image(instance) is not None:
        page_id = instance.pk
        # After the commit, so that a worker in another process sees the published page.
        transaction.on_commit(lambda: generate_listing_renditions.enqueue(page_id))


def connect_signals():
    page_published.connect(_on_publish, dispatch_uid="listing_renditions_on_publish")
