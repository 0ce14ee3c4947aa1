"""The public views of the repository: the filtered index, the experience page's extras,
the comparison and the codebook."""

import json
from collections import Counter, defaultdict
from urllib.parse import quote

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from django_countries import countries

from home import navigation, page_cache

from .filters import SORTS, apply_filters
from .models import (
    ExperiencePage,
    Recruitment,
    Scale,
    Status,
)
from .opendata import CODEBOOK_FIELDS, value_lists
from .vocabularies import (
    Method,
    Organisation,
    SustainableDevelopmentGoal,
    TargetGroup,
    Theme,
    localised_labels,
)

PAGE_SIZE = 12
MAP_TILES_SETTING = "REPOSITORY_MAP_TILE_URL"


def map_tiles():
    """The tile server of the map view, or None: without one the map is not offered."""
    url = getattr(settings, MAP_TILES_SETTING, "")
    if not url:
        return None
    return {
        "url": url,
        "attribution": getattr(settings, "REPOSITORY_MAP_ATTRIBUTION", ""),
    }


def json_for_script(data):
    """JSON that is safe inside a <script> element."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    return mark_safe(text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026"))


class Labels:
    """The vocabulary names in the reader's language, looked up once per request."""

    def __init__(self):
        self.theme = localised_labels(Theme)
        self.method = localised_labels(Method)
        self.sdg = localised_labels(SustainableDevelopmentGoal, key="number")

    def terms(self, kind, items):
        labels = getattr(self, kind)
        return [{"code": item.slug, "name": labels.get(item.slug, str(item))} for item in items]


def index_view(request, index_page):
    result = apply_filters(index_page, request.GET)
    paginator = Paginator(result.pks, PAGE_SIZE)
    page_obj = paginator.get_page(request.GET.get("page"))
    experiences = {
        page.pk: page
        for page in ExperiencePage.objects.filter(pk__in=page_obj.object_list).prefetch_related(
            "themes", "methods"
        )
    }
    # Untranslated experiences are listed in their own language, at their own address: under
    # the index's translation in that language (see translations.listings.listed_in).
    index_urls = {
        translation.path: translation.get_url(request)
        for translation in index_page.get_translations(inclusive=True).only(
            "pk", "path", "url_path", "locale_id"
        )
    }
    prefix = len(index_page.path)

    def url_of(path, slug):
        return f"{index_urls[path[:prefix]]}{slug}/"

    labels = Labels()
    index_url = index_urls[index_page.path]
    cards = []
    for pk in page_obj.object_list:
        page = experiences[pk]
        cards.append(
            {
                "page": page,
                "url": url_of(page.path, page.slug),
                "language": navigation.language_of(page)
                if page.locale_id != index_page.locale_id
                else "",
                "country_name": countries.name(page.country),
                "themes": labels.terms("theme", page.themes.all()),
                "methods": labels.terms("method", page.methods.all()),
            }
        )

    tiles = map_tiles()
    view_mode = "map" if request.GET.get("view") == "map" and tiles else "list"
    map_points = []
    if view_mode == "map":  # the points are only sent with the map view
        located = {
            row["pk"]: row
            for row in index_page.listed_experiences()
            .filter(latitude__isnull=False, longitude__isnull=False)
            .values("pk", "path", "slug", "title", "city", "country", "latitude", "longitude")
        }
        map_points = [
            {
                "title": row["title"],
                "url": url_of(row["path"], row["slug"]),
                "place": ", ".join(
                    part for part in (row["city"], countries.name(row["country"])) if part
                ),
                "lat": row["latitude"],
                "lng": row["longitude"],
            }
            for row in (located.get(pk) for pk in result.pks)
            if row is not None
        ]
    context = {
        "result": result,
        "facets": result.facets,
        "page_obj": page_obj,
        "paginator": paginator,
        "cards": cards,
        "total": len(result.pks),
        "repository_total": None,
        "sorts": SORTS,
        "is_filtered": any(result.selected.values()),
        "base_query": result.querystring(),
        "list_query": result.querystring(),
        "map_query": result.querystring(view="map"),
        "view_mode": view_mode,
        "map_tiles": tiles,
        "map_tiles_json": json_for_script(tiles) if tiles else "",
        "map_points_json": json_for_script(map_points),
        "map_points_count": len(map_points),
        "index_url": index_url,
        "page_language": navigation.language_of(index_page),
    }
    return index_page.render(
        request, template="repository/experience_index_page.html", context_overrides=context
    )


def _fact_link(index_url, name, value):
    return f"{index_url}?{name}={quote(str(value))}"


def fact_box(page, index_url, labels, organisations):
    """The structured fields of an experience as (label, [values with links]) rows."""
    facts = []

    def add(label, values):
        values = [v for v in values if v and v.get("text")]
        if values:
            facts.append({"label": label, "values": values})

    add(
        _("Country"),
        [{"text": page.country.name, "url": _fact_link(index_url, "country", page.country.code)}],
    )
    if page.region:
        add(
            _("World region"),
            [
                {
                    "text": page.get_region_display(),
                    "url": _fact_link(index_url, "region", page.region),
                }
            ],
        )
    add(_("City or territory"), [{"text": page.city}])
    if page.scale:
        add(
            _("Scale"),
            [{"text": page.get_scale_display(), "url": _fact_link(index_url, "scale", page.scale)}],
        )
    if page.start_date:
        add(
            _("Start"),
            [
                {
                    "text": date_format(page.start_date, "YEAR_MONTH_FORMAT"),
                    "url": _fact_link(index_url, "year", page.start_date.year),
                }
            ],
        )
    add(
        _("End"),
        [{"text": date_format(page.end_date, "YEAR_MONTH_FORMAT") if page.end_date else ""}],
    )
    add(
        _("Status"),
        [{"text": page.get_status_display(), "url": _fact_link(index_url, "status", page.status)}],
    )
    add(
        _("Themes"),
        [
            {"text": t["name"], "url": _fact_link(index_url, "theme", t["code"])}
            for t in labels.terms("theme", page.themes.all())
        ],
    )
    add(
        _("Methods"),
        [
            {"text": m["name"], "url": _fact_link(index_url, "method", m["code"])}
            for m in labels.terms("method", page.methods.all())
        ],
    )
    add(
        _("Sustainable development goals"),
        [
            {
                "text": f"{sdg.number}. {labels.sdg.get(str(sdg.number), sdg.name)}",
                "url": _fact_link(index_url, "sdg", sdg.number),
            }
            for sdg in sorted(page.sdgs.all(), key=lambda s: s.number)
        ],
    )
    add(_("Keywords"), [{"text": tag.name} for tag in page.keywords.all()])
    organisation = page.promoting_organisation
    if organisation and organisation.publication_consent:
        add(
            _("Promoted by"),
            [
                {
                    "text": organisations.get(organisation.slug, organisation.name),
                    "url": organisation.website,
                }
            ],
        )
    add(
        _("Partners"),
        [
            {"text": organisations.get(p.slug, p.name), "url": p.website}
            for p in page.partners.all()
            if p.publication_consent
        ],
    )
    if page.participants_number is not None:
        add(_("Participants"), [{"text": f"{page.participants_number:,}".replace(",", "\u202f")}])
    target_groups = localised_labels(TargetGroup)
    add(
        _("Target groups"),
        [{"text": target_groups.get(g.slug, g.name)} for g in page.target_groups.all()],
    )
    add(_("Recruitment"), [{"text": page.get_recruitment_display() if page.recruitment else ""}])
    add(_("Channel"), [{"text": page.get_channel_display() if page.channel else ""}])
    add(
        _("Level of participation"),
        [{"text": page.get_participation_level_display() if page.participation_level else ""}],
    )
    if page.is_binding is not None:
        add(_("Binding"), [{"text": _("Yes") if page.is_binding else _("No")}])
    if page.budget is not None:
        add(
            _("Budget allocated"),
            [{"text": f"{page.budget:,.0f}".replace(",", "\u202f") + f" {page.budget_currency}"}],
        )
    return facts


def sibling_terms(parent_path, depth):
    """The live, public experiences at `depth` under the page at `parent_path`, as
    ({theme id: {experience ids}}, {method id: {experience ids}}, {experience id: day number of
    its last update}).

    Two queries, then none in this process until the next content change."""

    def compute():
        siblings = page_cache.public_pages(
            ExperiencePage.objects.live().filter(path__startswith=parent_path, depth=depth)
        )
        updated = {
            pk: day.toordinal() for pk, day in siblings.order_by().values_list("pk", "last_updated")
        }
        terms = []
        for field in ("themes", "methods"):
            relation = ExperiencePage._meta.get_field(field)
            by_term = defaultdict(set)
            links = relation.remote_field.through.objects.values_list(
                relation.m2m_field_name() + "_id", relation.m2m_reverse_field_name() + "_id"
            )
            for experience_id, term_id in links.filter(
                **{relation.m2m_field_name() + "_id__in": siblings.order_by().values("pk")}
            ):
                by_term[term_id].add(experience_id)
            terms.append(dict(by_term))
        return terms[0], terms[1], updated

    return page_cache.generation_memo(f"repository:siblings:{parent_path}:{depth}", compute)


def related_experiences(page, theme_ids, method_ids, count=3):
    """The live, public siblings sharing the most themes and methods with the page (the most
    recently updated first among equals): set counting over `sibling_terms`, then one query
    for the few pages shown."""
    if not theme_ids and not method_ids:
        return []
    themes, methods, updated = sibling_terms(page.path[: -page.steplen], page.depth)
    shared = Counter()
    for theme_id in theme_ids:
        shared.update(themes.get(theme_id, ()))
    for method_id in method_ids:
        shared.update(methods.get(method_id, ()))
    shared.pop(page.pk, None)
    # The most shared first; among equals, the most recently updated, then the oldest page.
    by_count = defaultdict(list)
    for pk, count_shared in shared.items():
        by_count[count_shared].append(pk)
    best = []
    for count_shared in sorted(by_count, reverse=True):
        tied = sorted(by_count[count_shared], key=lambda pk: (-updated[pk], pk))
        best.extend(tied[: count - len(best)])
        if len(best) == count:
            break
    pages = ExperiencePage.objects.in_bulk(best)
    return [pages[pk] for pk in best if pk in pages]


def experience_context(request, page):
    index = page.get_parent()
    index_url = index.get_url(request) if index else "/"
    labels = Labels()
    organisations = localised_labels(Organisation)
    facts = fact_box(page, index_url, labels, organisations)

    related = related_experiences(
        page, [t.pk for t in page.themes.all()], [m.pk for m in page.methods.all()]
    )

    absolute_url = request.build_absolute_uri(page.get_url(request))
    site_name = settings.WAGTAIL_SITE_NAME
    promoter = page.promoting_organisation
    if promoter and not promoter.publication_consent:
        promoter = None  # an organisation that did not agree is named nowhere public
    promoter_name = organisations.get(promoter.slug, promoter.name) if promoter else ""
    place = ", ".join(part for part in (page.city, str(page.country.name)) if part)
    cite = _(
        "%(author)s%(title)s. %(place)s. In: %(site)s, repository of experiences. "
        "Last updated %(updated)s. %(url)s"
    ) % {
        "author": f"{promoter_name}. " if promoter_name else "",
        "title": page.title,
        "place": place,
        "site": site_name,
        "updated": date_format(page.last_updated, "DATE_FORMAT"),
        "url": absolute_url,
    }
    share_text = quote(page.title)
    share_url = quote(absolute_url, safe="")
    share_links = [
        ("Mastodon", f"https://mastodon.social/share?text={share_text}%20{share_url}"),
        ("Bluesky", f"https://bsky.app/intent/compose?text={share_text}%20{share_url}"),
        ("LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={share_url}"),
        ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={share_url}"),
        (_("E-mail"), f"mailto:?subject={share_text}&body={share_url}"),
    ]
    return {
        "index_page": index,
        "index_url": index_url,
        "facts": facts,
        "related": related,
        "cite_text": cite,
        "share_links": share_links,
        "json_ld": json_for_script(json_ld(page, absolute_url, labels, promoter_name)),
        "organisation_names": organisations,
    }


def json_ld(page, absolute_url, labels, promoter_name):
    """schema.org description of the experience: a CreativeWork about a place and time."""
    data = {
        "@context": "https://schema.org",
        "@type": "CreativeWork",
        "@id": absolute_url,
        "identifier": page.identifier,
        "url": absolute_url,
        "name": page.title,
        "description": page.summary,
        "inLanguage": navigation.language_of(page),
        "dateModified": page.last_updated.isoformat(),
        "license": page.licence_url,
        "keywords": [t["name"] for t in labels.terms("theme", page.themes.all())]
        + [m["name"] for m in labels.terms("method", page.methods.all())]
        + [tag.name for tag in page.keywords.all()],
        "spatialCoverage": {
            "@type": "Place",
            "name": ", ".join(p for p in (page.city, str(page.country.name)) if p),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": page.city,
                "addressCountry": page.country.code,
            },
        },
        "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
    }
    if page.has_coordinates:
        data["spatialCoverage"]["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": page.latitude,
            "longitude": page.longitude,
        }
    if page.start_date:
        end = page.end_date.isoformat() if page.end_date else ".."
        data["temporalCoverage"] = f"{page.start_date.isoformat()}/{end}"
    if promoter_name:
        data["author"] = {"@type": "Organization", "name": promoter_name}
    return data


COMPARE_MAX = 3


def compare_view(request, index_page):
    ids = []
    for value in request.GET.getlist("e"):
        if value.isdigit() and int(value) not in ids:
            ids.append(int(value))
    ids = ids[:COMPARE_MAX]
    pages = {
        page.pk: page
        for page in index_page.experiences()
        .filter(pk__in=ids)
        .select_related("promoting_organisation")
        .prefetch_related("themes", "methods", "sdgs", "target_groups", "partners")
    }
    experiences = [pages[pk] for pk in ids if pk in pages]
    index_url = index_page.get_url(request)
    labels = Labels()
    organisations = localised_labels(Organisation)
    columns = []
    for page in experiences:
        facts = {
            row["label"]: row["values"] for row in fact_box(page, index_url, labels, organisations)
        }
        columns.append({"page": page, "facts": facts, "url": f"{index_url}{page.slug}/"})
    row_labels = []
    for column in columns:
        for label in column["facts"]:
            if label not in row_labels:
                row_labels.append(label)
    rows = [
        {"label": label, "cells": [column["facts"].get(label, []) for column in columns]}
        for label in row_labels
    ]
    context = {
        "columns": columns,
        "rows": rows,
        "index_url": index_url,
        "too_few": len(columns) < 2,
        "compare_max": COMPARE_MAX,
    }
    return index_page.render(request, template="repository/compare.html", context_overrides=context)


def codebook_view(request, index_page):
    context = {
        "fields": CODEBOOK_FIELDS,
        "value_lists": value_lists(),
        "csv_url": index_page.get_url(request) + index_page.reverse_subpage("csv_route"),
        "geojson_url": index_page.get_url(request) + index_page.reverse_subpage("geojson_route"),
        "recruitment_choices": Recruitment.choices,
        "scale_choices": Scale.choices,
        "status_choices": Status.choices,
    }
    return index_page.render(
        request, template="repository/codebook.html", context_overrides=context
    )
