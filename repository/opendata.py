"""Open data: the whole repository of one language as CSV and GeoJSON, and the codebook.

Every structured field is exported. Values from lists are exported as stable codes (the
same in every language); `*_names` columns repeat them in the language of the file. The
`identifier` is the experience's translation key, shared by all its translations, so that
rows of the French and the Spanish file can be joined.
"""

import csv
import json

from django.http import HttpResponse
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from django_countries import countries

from .models import (
    CURRENCIES,
    Channel,
    ExperiencePage,
    Licence,
    MilestoneStatus,
    ParticipationLevel,
    Recruitment,
    Scale,
    Status,
)
from .regions import Region
from .vocabularies import (
    Method,
    SustainableDevelopmentGoal,
    TargetGroup,
    Theme,
    localised_labels,
)

# (column, description, list of values it takes, if any)
CODEBOOK_FIELDS = [
    ("identifier", _("Stable identifier, the same for every translation of the experience."), None),
    ("language", _("Language of this description (ISO 639-1)."), None),
    ("title", _("Title."), None),
    ("url", _("Address of the experience's page."), None),
    ("summary", _("Short summary."), None),
    ("country", _("Country (ISO 3166-1 alpha-2 code)."), None),
    ("country_name", _("Country name in the language of the file."), None),
    ("region", _("UCLG world region, derived from the country."), "region"),
    ("city", _("City or territory."), None),
    ("scale", _("Scale at which it takes place."), "scale"),
    ("latitude", _("Latitude (WGS 84, decimal degrees)."), None),
    ("longitude", _("Longitude (WGS 84, decimal degrees)."), None),
    ("start_date", _("Start date (YYYY-MM-DD)."), None),
    ("end_date", _("End date (YYYY-MM-DD); empty while ongoing."), None),
    ("status", _("Status."), "status"),
    ("themes", _("Theme codes, separated by |."), "theme"),
    ("theme_names", _("Theme names in the language of the file."), None),
    ("methods", _("Method codes, separated by |."), "method"),
    ("method_names", _("Method names in the language of the file."), None),
    ("sdgs", _("Numbers of the Sustainable Development Goals, separated by |."), "sdg"),
    ("keywords", _("Free keywords, separated by |."), None),
    ("promoting_organisation", _("Promoting organisation (if it agreed to publication)."), None),
    ("partners", _("Partner organisations, separated by |."), None),
    ("actors", _("Local actors and their role (name: role), separated by |."), None),
    ("participants_number", _("Number of participants."), None),
    ("target_groups", _("Target group codes, separated by |."), "target_group"),
    ("recruitment", _("How participants were recruited."), "recruitment"),
    ("channel", _("Channel of participation."), "channel"),
    ("participation_level", _("Level of participation."), "participation_level"),
    ("is_binding", _("Whether the outcome binds the authorities (true, false or empty)."), None),
    ("budget", _("Budget allocated."), None),
    ("budget_currency", _("Currency of the budget (ISO 4217)."), "currency"),
    ("objectives", _("Objectives (plain text)."), None),
    ("description", _("Description (plain text)."), None),
    ("results", _("Results (plain text)."), None),
    ("evaluation", _("Evaluation (plain text)."), None),
    ("lessons", _("Lessons learned (plain text)."), None),
    ("replicability", _("Replicability (plain text)."), None),
    ("resources", _("Resources: links, documents, videos (addresses), separated by |."), None),
    (
        "milestones",
        _("Follow-up milestones (date status: title), separated by |."),
        "milestone_status",
    ),
    ("licence", _("Licence of the description."), "licence"),
    ("contact_name", _("Public contact."), None),
    ("contact_email", _("Public contact e-mail."), None),
    ("last_updated", _("Date the facts were last brought up to date."), None),
    ("reviewed_on", _("Date of the latest review by the editorial committee, if any."), None),
    ("completeness", _("Share of the described fields that are filled in (percent)."), None),
]
COLUMNS = [name for name, _description, _values in CODEBOOK_FIELDS]


def value_lists():
    """Every list of values the codebook documents: code and label in the active language."""
    return {
        "region": list(Region.choices),
        "scale": list(Scale.choices),
        "status": list(Status.choices),
        "recruitment": list(Recruitment.choices),
        "channel": list(Channel.choices),
        "participation_level": list(ParticipationLevel.choices),
        "licence": list(Licence.choices),
        "currency": list(CURRENCIES),
        "milestone_status": list(MilestoneStatus.choices),
        "theme": sorted(localised_labels(Theme).items()),
        "method": sorted(localised_labels(Method).items()),
        "target_group": sorted(localised_labels(TargetGroup).items()),
        "sdg": sorted(
            localised_labels(SustainableDevelopmentGoal, key="number").items(),
            key=lambda item: int(item[0]),
        ),
    }


def export_queryset(index_page):
    return (
        index_page.experiences()
        .select_related("promoting_organisation", "locale")
        .prefetch_related(*ExperiencePage.RENDER_PREFETCH, "tagged_items__tag")
        .order_by("path")
    )


def _plain(html):
    return " ".join(strip_tags(str(html or "")).split())


def _resource_refs(page):
    refs = []
    for block in page.resources:
        value = block.value
        if block.block_type == "link":
            refs.append(value["url"])
        elif block.block_type == "document" and value.get("document"):
            refs.append(value["document"].url)
        elif block.block_type == "video" and value.get("video"):
            refs.append(value["video"].url)
        elif block.block_type == "image" and value.get("image"):
            refs.append(value["image"].file.url)
    return refs


def experience_record(page, request, index_url, labels):
    """One experience as a flat dict of every structured field, keyed by COLUMNS."""
    themes = list(page.themes.all())
    methods = list(page.methods.all())
    organisation = page.promoting_organisation
    return {
        "identifier": page.identifier,
        "language": page.locale.language_code,
        "title": page.title,
        "url": request.build_absolute_uri(f"{index_url}{page.slug}/"),
        "summary": page.summary,
        "country": page.country.code or "",
        "country_name": countries.name(page.country.code) if page.country.code else "",
        "region": page.region,
        "city": page.city,
        "scale": page.scale,
        "latitude": page.latitude,
        "longitude": page.longitude,
        "start_date": page.start_date.isoformat() if page.start_date else "",
        "end_date": page.end_date.isoformat() if page.end_date else "",
        "status": page.status,
        "themes": [t.slug for t in themes],
        "theme_names": [labels["theme"].get(t.slug, t.name) for t in themes],
        "methods": [m.slug for m in methods],
        "method_names": [labels["method"].get(m.slug, m.name) for m in methods],
        "sdgs": sorted(s.number for s in page.sdgs.all()),
        "keywords": sorted(item.tag.name for item in page.tagged_items.all()),
        "promoting_organisation": organisation.name
        if organisation and organisation.publication_consent
        else "",
        "partners": [p.name for p in page.partners.all() if p.publication_consent],
        "actors": [f"{a.name}: {a.role}" for a in page.actors.all()],
        "participants_number": page.participants_number,
        "target_groups": [g.slug for g in page.target_groups.all()],
        "recruitment": page.recruitment,
        "channel": page.channel,
        "participation_level": page.participation_level,
        "is_binding": page.is_binding,
        "budget": float(page.budget) if page.budget is not None else None,
        "budget_currency": page.budget_currency,
        "objectives": _plain(page.objectives),
        "description": _plain(page.description),
        "results": _plain(page.results),
        "evaluation": _plain(page.evaluation),
        "lessons": _plain(page.lessons),
        "replicability": _plain(page.replicability),
        "resources": _resource_refs(page),
        "milestones": [
            f"{m.date.isoformat()} {m.status}: {m.title}" for m in page.milestones.all()
        ],
        "licence": page.licence,
        "contact_name": page.contact_name,
        "contact_email": page.contact_email,
        "last_updated": page.last_updated.isoformat(),
        "reviewed_on": page.reviewed_on or "",
        "completeness": page.completeness,
    }


def records(request, index_page):
    index_url = index_page.get_url(request)
    labels = {"theme": localised_labels(Theme), "method": localised_labels(Method)}
    return [
        experience_record(page, request, index_url, labels) for page in export_queryset(index_page)
    ]


def _filename(index_page, extension):
    language = Locale.get_active().language_code
    return f"oidp-experiences-{slugify(index_page.slug)}-{language}.{extension}"


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, list):
        return " | ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def csv_response(request, index_page):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(index_page, "csv")}"'
    # A byte-order mark lets spreadsheet programs read the accents right.
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(COLUMNS)
    for record in records(request, index_page):
        writer.writerow([_csv_value(record[column]) for column in COLUMNS])
    return response


def geojson_response(request, index_page):
    features = []
    for record in records(request, index_page):
        if record["latitude"] is None or record["longitude"] is None:
            continue
        features.append(
            {
                "type": "Feature",
                "id": record["identifier"],
                "geometry": {
                    "type": "Point",
                    "coordinates": [record["longitude"], record["latitude"]],
                },
                "properties": record,
            }
        )
    collection = {"type": "FeatureCollection", "features": features}
    response = HttpResponse(
        json.dumps(collection, ensure_ascii=False, indent=1),
        content_type="application/geo+json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(index_page, "geojson")}"'
    return response
