"""The UCLG world regions and which countries belong to each.

The region of an experience is derived from its country, so editors never pick it and
it cannot contradict the country. ISO 3166-1 alpha-2 codes; a country missing from the
table falls into no region (the fact box then simply omits it).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    AFRICA = "africa", _("Africa")
    ASIA_PACIFIC = "asia-pacific", _("Asia-Pacific")
    EURASIA = "eurasia", _("Eurasia")
    EUROPE = "europe", _("Europe")
    LATIN_AMERICA = "latin-america", _("Latin America")
    MIDDLE_EAST_WEST_ASIA = "middle-east-west-asia", _("Middle East and West Asia")
    NORTH_AMERICA = "north-america", _("North America")


_COUNTRIES = {
    Region.AFRICA: (
        "AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG "
        "ML MR MU MW MZ NA NE NG RW SC SD SL SN SO SS ST SZ TD TG TN TZ UG ZA ZM ZW EH"
    ),
    Region.ASIA_PACIFIC: (
        "AU BD BN BT CN FJ FM HK ID IN JP KH KI KP KR LA LK MH MM MN MO MV MY NP NR NZ PG PH PK "
        "PW SB SG TH TL TO TV TW VN VU WS"
    ),
    Region.EURASIA: "AM AZ BY GE KG KZ MD RU TJ TM UA UZ",
    Region.EUROPE: (
        "AD AL AT BA BE BG CH CY CZ DE DK EE ES FI FR GB GR HR HU IE IS IT LI LT LU LV MC ME MK "
        "MT NL NO PL PT RO RS SE SI SK SM VA XK"
    ),
    Region.LATIN_AMERICA: (
        "AG AR BB BO BR BS BZ CL CO CR CU DM DO EC GD GT GY HN HT JM KN LC MX NI PA PE PY SR SV "
        "TT UY VC VE PR"
    ),
    Region.MIDDLE_EAST_WEST_ASIA: "AE AF BH IL IQ IR JO KW LB OM PS QA SA SY TR YE",
    Region.NORTH_AMERICA: "CA US",
}

COUNTRY_REGION = {code: region for region, codes in _COUNTRIES.items() for code in codes.split()}


def region_for_country(country_code):
    return COUNTRY_REGION.get(str(country_code or "").upper(), "")
