"""Forms of the member area: the reduced experience editor, invitations, applications."""

import re

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from repository.models import ExperiencePage

from .models import Invitation, MembershipApplication

HONEYPOT_FIELD = "website_url"

# The narrative fields are rich text in the admin; members write plain paragraphs, and a
# field they leave untouched keeps the editors' formatting (links, lists) as it was.
NARRATIVE_FIELDS = [
    "objectives",
    "description",
    "results",
    "evaluation",
    "lessons",
    "replicability",
]


def rich_text_to_plain(html):
    """Paragraphs of a rich text value as plain text separated by blank lines."""
    html = str(html or "")
    blocks = re.split(r"</(?:p|h[1-6]|li|blockquote)>", html)
    paragraphs = []
    for block in blocks:
        text = strip_tags(re.sub(r"<br\s*/?>", "\n", block)).strip()
        if text:
            paragraphs.append(text)
    return "\n\n".join(paragraphs)


def plain_to_rich_text(text):
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text or "") if p.strip()]
    return mark_safe(
        "".join("<p>{}</p>".format(escape(p).replace("\n", "<br/>")) for p in paragraphs)
    )


class MemberLoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("E-mail"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email"}),
    )


class ExperienceEditForm(forms.ModelForm):
    """The descriptive fields of an experience; never its address, co-authors or publication."""

    class Meta:
        model = ExperiencePage
        fields = [
            "title",
            "summary",
            "city",
            "scale",
            "start_date",
            "end_date",
            "status",
            "participants_number",
            "recruitment",
            "channel",
            "participation_level",
            "is_binding",
            "budget",
            "budget_currency",
            "contact_name",
            "contact_email",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "is_binding": forms.NullBooleanSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].label = _("Title")
        self._initial_narrative = {}
        for name in NARRATIVE_FIELDS:
            model_field = ExperiencePage._meta.get_field(name)
            text = rich_text_to_plain(getattr(self.instance, name))
            self._initial_narrative[name] = text
            self.fields[name] = forms.CharField(
                label=model_field.verbose_name.capitalize() if model_field.verbose_name else name,
                required=False,
                initial=text,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=_("Separate paragraphs with a blank line."),
            )

    def save(self, commit=False):
        page = super().save(commit=False)
        for name in NARRATIVE_FIELDS:
            text = self.cleaned_data.get(name, "")
            if text.strip() != self._initial_narrative[name].strip():
                setattr(page, name, plain_to_rich_text(text))
        return page


class ResourceLinkForm(forms.Form):
    url = forms.URLField(label=_("Address"), assume_scheme="https")
    title = forms.CharField(label=_("Link text"), max_length=200)
    description = forms.CharField(label=_("Description"), max_length=300, required=False)


ResourceLinkFormSet = forms.formset_factory(
    ResourceLinkForm, extra=1, can_delete=True, max_num=30, validate_max=True
)


def resource_links(page):
    return [
        {
            "url": block.value["url"],
            "title": block.value["title"],
            "description": block.value.get("description", ""),
        }
        for block in page.resources
        if block.block_type == "link"
    ]


def apply_resource_links(page, formset):
    """Replace the page's links by the formset's; documents, videos and images stay."""
    kept = [
        (block.block_type, block.value) for block in page.resources if block.block_type != "link"
    ]
    links = [
        ("link", {key: form.cleaned_data[key] for key in ("url", "title", "description")})
        for form in formset.forms
        if form.cleaned_data.get("url") and not form.cleaned_data.get("DELETE")
    ]
    page.resources = kept + links


class AcceptInvitationForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password (again)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def __init__(self, *args, invitation, **kwargs):
        self.invitation = invitation
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            user = get_user_model()(
                username=self.invitation.email,
                email=self.invitation.email,
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(first, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class InvitationAdminForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = ["email", "experience", "organisation", "language", "message"]


class MembershipApplicationForm(forms.ModelForm):
    privacy = forms.BooleanField(
        label=_(
            "I agree that the secretariat keeps these details to process the application and "
            "contacts me about it."
        )
    )
    # Humans never see this field (hidden by CSS and from assistive technology).
    website_url = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = MembershipApplication
        fields = [
            "organisation_name",
            "organisation_type",
            "country",
            "city",
            "website",
            "contact_name",
            "contact_role",
            "contact_email",
            "motivation",
            "publication_consent",
        ]
        widgets = {"motivation": forms.Textarea(attrs={"rows": 5})}

    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD))


class DeleteAccountForm(forms.Form):
    """Deleting one's account asks for the password and an explicit confirmation."""

    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(render_value=False)
    )
    confirm = forms.BooleanField(
        label=_(
            "I understand that my account and my personal data will be deleted, and that this "
            "cannot be undone."
        )
    )

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password
