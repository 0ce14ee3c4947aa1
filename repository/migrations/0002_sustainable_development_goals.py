"""The 17 Sustainable Development Goals with their official UN names in the four languages.

Each goal is one row per language sharing a translation key; the keys are derived from the
goal number (uuid5) so that they are the same on every installation, which keeps the open
data identifiers stable.
"""

import uuid

from django.db import migrations

NAMESPACE = uuid.UUID("6f1c7a52-5b7e-4d43-9d3c-2c0a4b7d5e11")

SDG_NAMES = {
    "en": [
        "No poverty",
        "Zero hunger",
        "Good health and well-being",
        "Quality education",
        "Gender equality",
        "Clean water and sanitation",
        "Affordable and clean energy",
        "Decent work and economic growth",
        "Industry, innovation and infrastructure",
        "Reduced inequalities",
        "Sustainable cities and communities",
        "Responsible consumption and production",
        "Climate action",
        "Life below water",
        "Life on land",
        "Peace, justice and strong institutions",
        "Partnerships for the goals",
    ],
    "fr": [
        "Pas de pauvreté",
        "Faim « zéro »",
        "Bonne santé et bien-être",
        "Éducation de qualité",
        "Égalité entre les sexes",
        "Eau propre et assainissement",
        "Énergie propre et d'un coût abordable",
        "Travail décent et croissance économique",
        "Industrie, innovation et infrastructure",
        "Inégalités réduites",
        "Villes et communautés durables",
        "Consommation et production responsables",
        "Mesures relatives à la lutte contre les changements climatiques",
        "Vie aquatique",
        "Vie terrestre",
        "Paix, justice et institutions efficaces",
        "Partenariats pour la réalisation des objectifs",
    ],
    "es": [
        "Fin de la pobreza",
        "Hambre cero",
        "Salud y bienestar",
        "Educación de calidad",
        "Igualdad de género",
        "Agua limpia y saneamiento",
        "Energía asequible y no contaminante",
        "Trabajo decente y crecimiento económico",
        "Industria, innovación e infraestructura",
        "Reducción de las desigualdades",
        "Ciudades y comunidades sostenibles",
        "Producción y consumo responsables",
        "Acción por el clima",
        "Vida submarina",
        "Vida de ecosistemas terrestres",
        "Paz, justicia e instituciones sólidas",
        "Alianzas para lograr los objetivos",
    ],
    "pt": [
        "Erradicação da pobreza",
        "Fome zero e agricultura sustentável",
        "Saúde e bem-estar",
        "Educação de qualidade",
        "Igualdade de gênero",
        "Água potável e saneamento",
        "Energia limpa e acessível",
        "Trabalho decente e crescimento econômico",
        "Indústria, inovação e infraestrutura",
        "Redução das desigualdades",
        "Cidades e comunidades sustentáveis",
        "Consumo e produção responsáveis",
        "Ação contra a mudança global do clima",
        "Vida na água",
        "Vida terrestre",
        "Paz, justiça e instituições eficazes",
        "Parcerias e meios de implementação",
    ],
}


def translation_key(number):
    return uuid.uuid5(NAMESPACE, f"sdg-{number}")


def load_goals(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Goal = apps.get_model("repository", "SustainableDevelopmentGoal")
    for language_code, names in SDG_NAMES.items():
        locale, _created = Locale.objects.get_or_create(language_code=language_code)
        for number, name in enumerate(names, start=1):
            Goal.objects.get_or_create(
                number=number,
                locale=locale,
                defaults={"name": name, "translation_key": translation_key(number)},
            )


def unload_goals(apps, schema_editor):
    Goal = apps.get_model("repository", "SustainableDevelopmentGoal")
    Goal.objects.filter(translation_key__in=[translation_key(n) for n in range(1, 18)]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("repository", "0001_initial"),
    ]

    operations = [migrations.RunPython(load_goals, unload_goals)]
