"""Where each page and snippet stands in each language.

For one target language, every page and translatable snippet written in another language is
one of four things:

- untranslated: nothing in the language (an alias showing the original counts as nothing);
- in progress: a translation exists but not every segment is translated yet, or it is not
  live yet (waiting for review); the share of segments done comes from wagtail-localize;
- out of date: the original changed after the translation was last synchronised with it
  (pages: published after `TranslationSource.last_updated_at`; snippets, which keep no
  revisions: their content differs from the content last extracted);
- up to date: otherwise.

Translations made without wagtail-localize's synchronisation (plain copies) are compared by
publication dates. Queries are bounded: a fixed number per page type and snippet model,
whatever the number of rows.
"""

import json
from dataclasses import dataclass, field

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from .roles import translatable_snippet_models

UNTRANSLATED = "untranslated"
IN_PROGRESS = "in_progress"
UP_TO_DATE = "up_to_date"
OUT_OF_DATE = "out_of_date"

STATUS_LABELS = {
    UNTRANSLATED: _("Untranslated"),
    IN_PROGRESS: _("In progress"),
    UP_TO_DATE: _("Up to date"),
    OUT_OF_DATE: _("Out of date"),
}


@dataclass
class StatusRow:
    kind: str  # "page" or "snippet"
    title: str
    type_key: str
    type_label: str
    original_locale: Locale
    original_pk: object
    section_key: str = ""
    section_label: str = ""
    status: str = UNTRANSLATED
    target_pk: object = None
    target_live: bool = False
    translation_id: int | None = None
    source_id: int | None = None
    total_segments: int = 0
    done_segments: int = 0
    machine_segments: int = 0
    urls: dict = field(default_factory=dict)

    @property
    def status_label(self):
        return STATUS_LABELS[self.status]

    @property
    def percent_done(self):
        if not self.total_segments:
            return 100 if self.status != UNTRANSLATED else 0
        return round(100 * self.done_segments / self.total_segments)


def _progress(source_ids, locale):
    """Segments per source: total, translated into the locale, machine-translated (3 queries)."""
    segments = StringSegment.objects.filter(source_id__in=source_ids)
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale=locale,
        has_error=False,
    )
    machine = translated.filter(translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE)

    def counts(queryset):
        return dict(
            queryset.order_by()
            .values("source_id")
            .annotate(n=Count("pk"))
            .values_list("source_id", "n")
        )

    return (
        counts(segments),
        counts(segments.filter(Exists(translated))),
        counts(segments.filter(Exists(machine))),
    )


def _sources_by_key(keys):
    sources = {}
    for source in (
        TranslationSource.objects.filter(object_id__in=keys)
        .defer("content_json")
        .order_by("created_at", "pk")
    ):
        sources.setdefault(source.object_id, []).append(source)
    return sources


def _choose_original(objects_by_locale, sources, target_locale_id):
    """The object a translation comes from: the one wagtail-localize extracted, else the oldest."""
    for source in sources:
        if source.locale_id != target_locale_id and source.locale_id in objects_by_locale:
            return objects_by_locale[source.locale_id], source
    for source in sources:
        if source.locale_id in objects_by_locale:
            return objects_by_locale[source.locale_id], source
    return min(objects_by_locale.values(), key=lambda obj: obj.pk), None


class StatusReport:
    """The status rows of one target language, optionally limited to some translation keys."""

    def __init__(
        self,
        locale,
        keys=None,
        include_pages=True,
        include_snippets=True,
        locales=None,
        shared=None,
    ):
        self.locale = locale
        self.keys = keys
        self.include_pages = include_pages
        self.include_snippets = include_snippets
        self.locales = locales or {loc.pk: loc for loc in Locale.objects.all()}
        # What does not depend on the target language, shared by the reports of one set of
        # objects in several languages (`page_summary`).
        self.shared = {} if shared is None else shared

    # --- pages ------------------------------------------------------------------------------

    def _page_rows(self):
        pages = Page.objects.filter(depth__gt=1).only(
            "pk",
            "title",
            "translation_key",
            "locale_id",
            "content_type_id",
            "path",
            "depth",
            "live",
            "last_published_at",
            "alias_of_id",
            "url_path",
        )
        if self.keys is not None:
            pages = pages.filter(translation_key__in=self.keys)
        pages = list(pages)
        # The sections: the pages right under each language's home.
        section_paths = {page.path[: Page.steplen * 3] for page in pages if page.depth > 3}
        sections = {
            page.path: page
            for page in Page.objects.filter(path__in=section_paths).only(
                "path", "title", "translation_key", "locale_id"
            )
        }
        by_key = {}
        for page in pages:
            by_key.setdefault(page.translation_key, {})
            if page.alias_of_id is None:
                by_key[page.translation_key][page.locale_id] = page
        return by_key, sections

    def _page_row(self, original, source, target, sections, section_labels):
        content_type = ContentType.objects.get_for_id(original.content_type_id)
        model = content_type.model_class()
        section_key = ""
        if original.depth == 3:
            section_key = str(original.translation_key)
        elif original.depth > 3:
            section = sections.get(original.path[: Page.steplen * 3])
            if section is not None:
                section_key = str(section.translation_key)
                section_labels.setdefault(section_key, section.title)
        if original.depth == 3:
            section_labels.setdefault(section_key, original.title)
        row = StatusRow(
            kind="page",
            title=original.title,
            type_key=str(content_type.pk),
            type_label=str(model._meta.verbose_name if model else content_type.model),
            original_locale=self.locales[original.locale_id],
            original_pk=original.pk,
            section_key=section_key,
            source_id=source.pk if source else None,
        )
        row.urls["original"] = reverse("wagtailadmin_pages:edit", args=[original.pk])
        row.urls["summary"] = reverse("translations:page_status", args=[original.pk])
        if target is None:
            row.urls["translate"] = (
                reverse("wagtail_localize:submit_page_translation", args=[original.pk])
                + "?"
                + urlencode({"select_locale": self.locale.language_code})
            )
        else:
            row.target_pk = target.pk
            row.target_live = target.live
            row.urls["edit"] = reverse("wagtailadmin_pages:edit", args=[target.pk])
            if target.live:
                row.urls["view"] = target.get_url()
        return row

    # --- snippets ---------------------------------------------------------------------------

    def _snippet_rows(self):
        entries = []
        for model in translatable_snippet_models():
            objects = model.objects.all()
            if self.keys is not None:
                objects = objects.filter(translation_key__in=self.keys)
            by_key = {}
            for obj in objects:
                by_key.setdefault(obj.translation_key, {})[obj.locale_id] = obj
            entries.append((model, by_key))
        return entries

    # --- the report --------------------------------------------------------------------------

    def rows(self):
        page_groups, sections = ({}, {})
        if self.include_pages:
            if "pages" not in self.shared:
                self.shared["pages"] = self._page_rows()
            page_groups, sections = self.shared["pages"]
        snippet_groups = self._snippet_rows() if self.include_snippets else []
        keys = set(page_groups)
        for _model, by_key in snippet_groups:
            keys.update(by_key)
        if "sources" not in self.shared:
            self.shared["sources"] = _sources_by_key(keys)
        sources = self.shared["sources"]

        pending = []  # (row, original's change time or content check, target)
        self.section_labels = {}
        for key, objects in page_groups.items():
            if not objects:
                continue
            original, source = _choose_original(objects, sources.get(key, []), self.locale.pk)
            if original.locale_id == self.locale.pk:
                continue
            target = objects.get(self.locale.pk)
            row = self._page_row(original, source, target, sections, self.section_labels)
            pending.append((row, original, source, target))

        for model, by_key in snippet_groups:
            for key, objects in by_key.items():
                original, source = _choose_original(objects, sources.get(key, []), self.locale.pk)
                if original.locale_id == self.locale.pk:
                    continue
                target = objects.get(self.locale.pk)
                row = StatusRow(
                    kind="snippet",
                    title=str(original),
                    type_key=f"{model._meta.app_label}.{model._meta.model_name}",
                    type_label=str(model._meta.verbose_name),
                    original_locale=self.locales[original.locale_id],
                    original_pk=original.pk,
                    source_id=source.pk if source else None,
                )
                viewset = model.snippet_viewset
                row.urls["original"] = reverse(
                    viewset.get_url_name("edit"), args=[quote(original.pk)]
                )
                if target is None:
                    row.urls["translate"] = (
                        reverse(
                            "wagtail_localize:submit_snippet_translation",
                            args=[
                                model._meta.app_label,
                                model._meta.model_name,
                                quote(original.pk),
                            ],
                        )
                        + "?"
                        + urlencode({"select_locale": self.locale.language_code})
                    )
                else:
                    row.target_pk = target.pk
                    row.target_live = getattr(target, "live", True)
                    row.urls["edit"] = reverse(
                        viewset.get_url_name("edit"), args=[quote(target.pk)]
                    )
                pending.append((row, original, source, target))

        self._classify(pending)
        rows = [row for row, *_rest in pending]
        for row in rows:
            row.section_label = self.section_labels.get(row.section_key, "")
        rows.sort(key=lambda r: (r.kind != "page", r.section_label.lower(), r.title.lower()))
        return rows

    def _classify(self, pending):
        source_ids = {source.pk for _row, _original, source, _target in pending if source}
        translations = {
            translation.source_id: translation
            for translation in Translation.objects.filter(
                target_locale=self.locale, source_id__in=source_ids
            )
        }
        totals, done, machine = _progress(source_ids, self.locale)
        snippet_sources = {
            source.pk
            for row, _original, source, target in pending
            if source and row.kind == "snippet" and target is not None
        }
        contents = dict(
            TranslationSource.objects.filter(pk__in=snippet_sources).values_list(
                "pk", "content_json"
            )
        )
        for row, original, source, target in pending:
            if target is None:
                row.status = UNTRANSLATED
                continue
            translation = translations.get(source.pk) if source else None
            if translation is not None and translation.enabled:
                row.translation_id = translation.pk
                row.total_segments = totals.get(source.pk, 0)
                row.done_segments = done.get(source.pk, 0)
                row.machine_segments = machine.get(source.pk, 0)
                if row.done_segments < row.total_segments or not row.target_live:
                    row.status = IN_PROGRESS
                elif _source_changed(row, original, source, contents):
                    row.status = OUT_OF_DATE
                    row.urls["update"] = reverse(
                        "wagtail_localize:update_translations", args=[source.pk]
                    )
                else:
                    row.status = UP_TO_DATE
            elif not row.target_live:
                row.status = IN_PROGRESS
            elif (
                row.kind == "page"
                and original.last_published_at
                and target.last_published_at
                and original.last_published_at > target.last_published_at
            ):
                row.status = OUT_OF_DATE
            else:
                row.status = UP_TO_DATE


def _source_changed(row, original, source, contents):
    if row.kind == "page":
        return bool(
            original.last_published_at and original.last_published_at > source.last_updated_at
        )
    stored = contents.get(source.pk)
    if stored is None:
        return False
    if isinstance(original, ClusterableModel):
        current = original.to_json()
    else:
        current = json.dumps(get_serializable_data_for_fields(original), cls=DjangoJSONEncoder)
    return _content(json.loads(current)) != _content(json.loads(stored))


# Publication bookkeeping of draft-state snippets: saving a draft or publishing the same text
# again does not change what there is to translate.
BOOKKEEPING_FIELDS = {
    "live",
    "has_unpublished_changes",
    "first_published_at",
    "last_published_at",
    "live_revision",
    "latest_revision",
    "go_live_at",
    "expire_at",
    "expired",
    "locked",
    "locked_at",
    "locked_by",
}


def _content(data):
    return {key: value for key, value in data.items() if key not in BOOKKEEPING_FIELDS}


def page_summary(page, user):
    """One page in each language the user translates into: [{"locale", "row"}].

    `row` is None for the page's original language. The page's versions and sources are read
    once; each language adds a fixed number of queries, whatever the number of segments.
    """
    from .roles import translation_locale_codes

    codes = translation_locale_codes(user)
    locales = {loc.pk: loc for loc in Locale.objects.order_by("pk")}
    shared = {}
    entries = []
    for locale in locales.values():
        if codes is not None and locale.language_code not in codes:
            continue
        report = StatusReport(
            locale,
            keys=[page.translation_key],
            include_snippets=False,
            locales=locales,
            shared=shared,
        )
        rows = report.rows()
        entries.append({"locale": locale, "row": rows[0] if rows else None})
    return entries
