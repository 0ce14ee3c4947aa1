"""schema.org descriptions (JSON-LD) of news items, events and publications."""

from django.conf import settings

from home.navigation import language_of


def _absolute(request, url):
    return request.build_absolute_uri(url) if url else None


def _image(page, request):
    image = page.sharing_image
    if image is None:
        return None
    rendition = image.get_rendition("fill-1200x630")
    return {
        "@type": "ImageObject",
        "url": _absolute(request, rendition.url),
        "width": rendition.width,
        "height": rendition.height,
    }


def _publisher():
    return {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME}


def _clean(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def news_article(page, request):
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": page.title,
            "description": page.teaser or page.search_description,
            "datePublished": page.published_at.isoformat(),
            "dateModified": (page.last_published_at or page.published_at).isoformat(),
            "inLanguage": language_of(page),
            "url": page.get_full_url(request),
            "image": _image(page, request),
            "author": {"@type": "Person", "name": page.author} if page.author else _publisher(),
            "publisher": _publisher(),
            "keywords": ", ".join(tag.name for tag in page.keywords.all()),
        }
    )


ATTENDANCE = {
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


def event(page, request):
    locations = []
    if page.attendance_mode in {"offline", "mixed"}:
        locations.append(
            _clean(
                {
                    "@type": "Place",
                    "name": page.venue or page.city,
                    "address": _clean(
                        {
                            "@type": "PostalAddress",
                            "streetAddress": page.address,
                            "addressLocality": page.city,
                            "addressCountry": page.country,
                        }
                    ),
                }
            )
        )
    if page.online_url:
        locations.append({"@type": "VirtualLocation", "url": page.online_url})
    start, end = page.local_start, page.local_end
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": page.title,
            "description": page.teaser or page.search_description,
            "startDate": page.start_date.isoformat() if page.is_all_day else start.isoformat(),
            "endDate": page.last_day.isoformat() if page.is_all_day else end.isoformat(),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": ATTENDANCE[page.attendance_mode],
            "location": locations[0] if len(locations) == 1 else locations,
            "inLanguage": language_of(page),
            "url": page.get_full_url(request),
            "image": _image(page, request),
            "organizer": [
                _clean(
                    {
                        "@type": "Organization",
                        "name": block.value["name"],
                        "url": block.value["url"],
                    }
                )
                for block in page.organisers
            ]
            or _publisher(),
            "offers": _clean(
                {"@type": "Offer", "url": page.registration_url, "price": 0, "priceCurrency": "EUR"}
            )
            if page.registration_url
            else None,
        }
    )


def report(page, request):
    return _clean(
        {
            "@context": "https://schema.org",
            "@type": "Report",
            "name": page.title,
            "headline": page.title,
            "description": page.search_description or page.edition,
            "datePublished": page.publication_date.isoformat(),
            "inLanguage": language_of(page),
            "url": page.get_full_url(request),
            "image": _image(page, request),
            "genre": page.get_kind_display(),
            "editor": [{"@type": "Person", "name": name} for name in page.editor_names],
            "publisher": {"@type": "Organization", "name": page.publisher},
            "funder": [
                _clean(
                    {
                        "@type": "Organization",
                        "name": block.value["name"],
                        "url": block.value["url"],
                    }
                )
                for block in page.supporting_partners
            ],
            "encoding": _clean(
                {
                    "@type": "MediaObject",
                    "contentUrl": _absolute(request, page.pdf.url),
                    "encodingFormat": "application/pdf",
                    "contentSize": page.pdf.file_size,
                    "inLanguage": page.pdf_language,
                }
            )
            if page.pdf
            else None,
        }
    )
