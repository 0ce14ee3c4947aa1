"""'Suggest an experience': a public form that files a draft for the editorial committee.

The suggestion becomes a draft experience under the index, never live: an editor reviews
it with the local actors before publishing. A hidden honeypot field and a per-address rate
limit (in the cache) keep robots out.
"""

import datetime
import logging

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import slugify
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from django_countries.fields import CountryField

from oidp.ratelimit import is_limited, rate_for, with_retry_after

from .models import ExperiencePage, Status
from .vocabularies import Method, Theme, default_locale_choices, localised_labels

logger = logging.getLogger(__name__)

# Suggestions per address and hour (oidp.ratelimit, setting RATE_LIMITS["suggest"]).
RATE_LIMIT = int(rate_for("suggest").split("/")[0])
HONEYPOT_FIELD = "website_url"


class SuggestionForm(forms.Form):
    title = forms.CharField(label=_("Name of the experience"), max_length=255)
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        help_text=_("What is it, where, who takes part and what came of it."),
    )
    country = CountryField(blank=False).formfield(label=_("Country"))
    city = forms.CharField(label=_("City or territory"), max_length=200)
    start_year = forms.IntegerField(
        label=_("Year it started"), min_value=1950, max_value=datetime.date.today().year + 2
    )
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    method = forms.ChoiceField(label=_("Main method"), required=False)
    theme = forms.ChoiceField(label=_("Main theme"), required=False)
    link = forms.URLField(
        label=_("Link to more information"), required=False, assume_scheme="https"
    )
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(
        label=_("Your e-mail"), help_text=_("We write to you to confirm and may ask questions.")
    )
    organisation = forms.CharField(label=_("Your organisation"), max_length=200, required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree that the editorial committee contacts me about this suggestion and "
            "publishes the description under a Creative Commons licence once reviewed."
        )
    )
    # Humans never see this field (hidden by CSS and from assistive technology).
    website_url = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        empty = [("", gettext("— Choose —"))]
        self.fields["method"].choices = empty + sorted(
            localised_labels(Method).items(), key=lambda item: item[1].lower()
        )
        self.fields["theme"].choices = empty + sorted(
            localised_labels(Theme).items(), key=lambda item: item[1].lower()
        )

    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD))


def _unique_slug(index_page, title):
    base = slugify(title)[:60] or "experience"
    slug = base
    siblings = set(index_page.get_children().values_list("slug", flat=True))
    number = 2
    while slug in siblings:
        slug = f"{base}-{number}"
        number += 1
    return slug


def create_draft(index_page, data):
    """The suggestion as a draft experience under the index: never live."""
    page = ExperiencePage(
        title=data["title"],
        slug=_unique_slug(index_page, data["title"]),
        summary=data["summary"],
        country=data["country"],
        city=data["city"],
        start_date=datetime.date(data["start_year"], 1, 1),
        status=data["status"],
        contact_name=data["name"],
        live=False,
        locale=index_page.locale,
    )
    page.description = "".join(
        format_html("<p>{}</p>", line)
        for line in (
            gettext("Suggested by %(name)s (%(organisation)s), %(email)s.")
            % {
                "name": data["name"],
                "organisation": data["organisation"] or "—",
                "email": data["email"],
            },
            data["link"] or "",
            # The form cannot be sent without the consent: it is recorded with its date.
            gettext(
                "Consent to be contacted and to publication under a Creative Commons licence "
                "given on %(date)s."
            )
            % {"date": timezone.now().strftime("%Y-%m-%d %H:%M UTC")},
        )
        if line
    )
    index_page.add_child(instance=page)

    if data.get("method"):
        page.methods.set(Method.objects.filter(default_locale_choices(), slug=data["method"]))
    if data.get("theme"):
        page.themes.set(Theme.objects.filter(default_locale_choices(), slug=data["theme"]))
    page.save()
    page.save_revision(log_action=True)
    return page


def editor_emails():
    User = get_user_model()
    users = User.objects.filter(is_active=True).filter(
        Q(is_superuser=True) | Q(groups__name__in=["Editors", "Moderators"])
    )
    return sorted({user.email for user in users if user.email})


def notify(request, page, data):
    admin_url = f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{page.pk}/edit/"
    recipients = editor_emails()
    if recipients:
        send_mail(
            subject=gettext("New experience suggested: %(title)s") % {"title": page.title},
            message=gettext(
                "%(name)s <%(email)s> suggested an experience.\n\n%(title)s\n%(summary)s\n\n"
                "Review the draft: %(url)s"
            )
            % {
                "name": data["name"],
                "email": data["email"],
                "title": page.title,
                "summary": data["summary"],
                "url": admin_url,
            },
            from_email=None,
            recipient_list=recipients,
        )
    send_mail(
        subject=gettext("Thank you for your suggestion: %(title)s") % {"title": page.title},
        message=gettext(
            "Hello %(name)s,\n\nThank you for suggesting “%(title)s”. The editorial committee "
            "will read it, may contact you with questions, and will publish it once it has been "
            "reviewed with the local actors.\n\n%(site)s"
        )
        % {"name": data["name"], "title": page.title, "site": settings.WAGTAIL_SITE_NAME},
        from_email=None,
        recipient_list=[data["email"]],
    )


def suggest_view(request, index_page):
    rate_limited = False
    if request.method == "POST":
        form = SuggestionForm(request.POST)
        # Every attempt counts, valid or not.
        if is_limited(request, "suggest"):
            rate_limited = True
        elif form.is_spam():
            # Answer as if it worked, so that robots learn nothing; nothing is created.
            logger.info("Suggestion rejected by the honeypot")
            return HttpResponseRedirect(
                index_page.get_url(request) + index_page.reverse_subpage("suggest_thanks_route")
            )
        elif form.is_valid():
            page = create_draft(index_page, form.cleaned_data)
            notify(request, page, form.cleaned_data)
            return HttpResponseRedirect(
                index_page.get_url(request) + index_page.reverse_subpage("suggest_thanks_route")
            )
    else:
        form = SuggestionForm()
    response = index_page.render(
        request,
        template="repository/suggest.html",
        context_overrides={"form": form, "rate_limited": rate_limited, "honeypot": HONEYPOT_FIELD},
    )
    if rate_limited:
        response.status_code = 429
        with_retry_after(request, response)
    elif request.method == "POST":
        response.status_code = 400
    return response


def thanks_view(request, index_page):
    return index_page.render(request, template="repository/suggest_thanks.html")
