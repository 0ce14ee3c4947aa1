"""Demo content of the news app, in French with its translations.

The 2024 calendar follows the OIDP work plan 2024 (seed 000); the policy brief is the one
published for the International Day of Democracy 2023 (seed 004), quoted with attribution.
"""

import datetime

SECTIONS = {
    "news": {
        "fr": ("Actualités", "actualites", "Les nouvelles du réseau et de ses membres."),
        "es": ("Noticias", "noticias", "Las noticias de la red y de sus miembros."),
        "en": ("News", "news", "News from the network and its members."),
        "pt": ("Notícias", "noticias", "As notícias da rede e dos seus membros."),
    },
    "events": {
        "fr": (
            "Agenda",
            "agenda",
            "Conférences, webinaires, journées internationales et événements partenaires.",
        ),
        "es": (
            "Agenda",
            "agenda",
            "Conferencias, seminarios web, días internacionales y eventos de socios.",
        ),
        "en": ("Events", "events", "Conferences, webinars, international days and partner events."),
        "pt": (
            "Agenda",
            "agenda",
            "Conferências, webinars, dias internacionais e eventos parceiros.",
        ),
    },
    "publications": {
        "fr": (
            "Publications",
            "publications",
            "Notes d'orientation, rapports et guides de l'OIDP.",
        ),
        "es": (
            "Publicaciones",
            "publicaciones",
            "Notas de orientación, informes y guías del OIDP.",
        ),
        "en": ("Publications", "publications", "Policy briefs, reports and guides of the IOPD."),
        "pt": ("Publicações", "publicacoes", "Notas de orientação, relatórios e guias do OIDP."),
    },
}

NEWS = [
    {
        "slug": "appel-prix-oidp-2024",
        "date": datetime.date(2024, 2, 12),
        "keywords": ["Prix OIDP", "bonnes pratiques"],
        "fr": (
            "Appel à candidatures pour la 18e édition du Prix OIDP",
            "Les gouvernements locaux peuvent présenter leurs expériences de démocratie participative jusqu'au 15 mai.",
        ),
        "es": (
            "Convocatoria de la 18.ª edición del Premio OIDP",
            "Los gobiernos locales pueden presentar sus experiencias de democracia participativa hasta el 15 de mayo.",
        ),
        "en": (
            "Call for candidatures: 18th IOPD Award",
            "Local governments can submit their participatory democracy experiences until 15 May.",
        ),
        "pt": (
            "Candidaturas abertas para a 18.ª edição do Prémio OIDP",
            "Os governos locais podem apresentar as suas experiências de democracia participativa até 15 de maio.",
        ),
    },
    {
        "slug": "conference-valongo-2024",
        "date": datetime.date(2024, 3, 20),
        "keywords": ["conférence"],
        "fr": (
            "La 23e Conférence de l'OIDP aura lieu à Valongo",
            "Du 17 au 19 octobre 2024, la ville portugaise accueille la conférence et l'assemblée annuelle du réseau.",
        ),
        "es": (
            "La 23.ª Conferencia del OIDP se celebrará en Valongo",
            "Del 17 al 19 de octubre de 2024, la ciudad portuguesa acoge la conferencia y la asamblea anual de la red.",
        ),
        "en": (
            "The 23rd IOPD Conference will take place in Valongo",
            "From 17 to 19 October 2024, the Portuguese city hosts the network's annual conference and assembly.",
        ),
        "pt": (
            "A 23.ª Conferência do OIDP realiza-se em Valongo",
            "De 17 a 19 de outubro de 2024, a cidade portuguesa acolhe a conferência e a assembleia anual da rede.",
        ),
    },
    {
        "slug": "note-orientation-democratie-2023",
        "date": datetime.date(2023, 12, 15),
        "keywords": ["note d'orientation", "Journée internationale de la démocratie"],
        "fr": (
            "Nouvelle note d'orientation : les gouvernements locaux face à la méfiance",
            "Les contributions du webinaire de la Journée internationale de la démocratie 2023 et cinq recommandations.",
        ),
        "es": (
            "Nueva nota de orientación: los gobiernos locales frente a la desconfianza",
            "Las contribuciones del seminario web del Día Internacional de la Democracia 2023 y cinco recomendaciones.",
        ),
        "en": (
            "New policy brief: local governments facing distrust",
            "The contributions of the International Day of Democracy 2023 webinar and five recommendations.",
        ),
        "pt": (
            "Nova nota de orientação: os governos locais perante a desconfiança",
            "As contribuições do webinar do Dia Internacional da Democracia 2023 e cinco recomendações.",
        ),
    },
]

_D = datetime.date
_T = datetime.time

# (slug, kind, start date, start time, end date, end time, zone, venue, city, country, region, online, titles)
EVENTS = [
    (
        "prix-candidatures-date-limite",
        "milestone",
        _D(2024, 5, 15),
        None,
        None,
        None,
        "Europe/Madrid",
        "",
        "",
        "",
        "worldwide",
        "",
        {
            "fr": "Prix OIDP : date limite des candidatures",
            "es": "Premio OIDP: fecha límite de candidaturas",
            "en": "IOPD Award: candidature deadline",
            "pt": "Prémio OIDP: prazo das candidaturas",
        },
    ),
    (
        "forum-democratie-directe-bucarest",
        "partner_event",
        _D(2024, 5, 15),
        None,
        _D(2024, 5, 18),
        None,
        "Europe/Bucharest",
        "",
        "Bucarest",
        "RO",
        "europe",
        "",
        {
            "fr": "Forum mondial sur la démocratie directe moderne",
            "es": "Foro Global de la Democracia Directa Moderna",
            "en": "Global Forum on Modern Direct Democracy",
            "pt": "Fórum Global da Democracia Direta Moderna",
        },
    ),
    (
        "prix-finalistes",
        "milestone",
        _D(2024, 5, 31),
        None,
        None,
        None,
        "Europe/Madrid",
        "",
        "",
        "",
        "worldwide",
        "",
        {
            "fr": "Prix OIDP : sélection des finalistes",
            "es": "Premio OIDP: selección de finalistas",
            "en": "IOPD Award: finalists announced",
            "pt": "Prémio OIDP: seleção dos finalistas",
        },
    ),
    (
        "prix-vote-public",
        "milestone",
        _D(2024, 6, 1),
        None,
        _D(2024, 6, 30),
        None,
        "Europe/Madrid",
        "",
        "",
        "",
        "worldwide",
        "https://oidp.net/award/vote/",
        {
            "fr": "Prix OIDP : vote public",
            "es": "Premio OIDP: votación pública",
            "en": "IOPD Award: public vote",
            "pt": "Prémio OIDP: votação pública",
        },
    ),
    (
        "journee-internationale-democratie-2024",
        "international_day",
        _D(2024, 9, 15),
        _T(16, 0),
        None,
        _T(18, 0),
        "Europe/Madrid",
        "",
        "",
        "",
        "worldwide",
        "https://oidp.net/live/",
        {
            "fr": "Journée internationale de la démocratie : webinaire de l'OIDP",
            "es": "Día Internacional de la Democracia: seminario web del OIDP",
            "en": "International Day of Democracy: IOPD webinar",
            "pt": "Dia Internacional da Democracia: webinar do OIDP",
        },
    ),
    (
        "conference-oidp-valongo",
        "conference",
        _D(2024, 10, 17),
        _T(9, 30),
        _D(2024, 10, 19),
        _T(13, 0),
        "Europe/Lisbon",
        "Fórum Cultural de Ermesinde",
        "Valongo",
        "PT",
        "europe",
        "",
        {
            "fr": "23e Conférence de l'OIDP à Valongo",
            "es": "23.ª Conferencia del OIDP en Valongo",
            "en": "23rd IOPD Conference in Valongo",
            "pt": "23.ª Conferência do OIDP em Valongo",
        },
    ),
    (
        "assemblee-oidp-2024",
        "assembly",
        _D(2024, 10, 18),
        _T(17, 0),
        None,
        _T(19, 0),
        "Europe/Lisbon",
        "Fórum Cultural de Ermesinde",
        "Valongo",
        "PT",
        "europe",
        "",
        {
            "fr": "Assemblée générale de l'OIDP",
            "es": "Asamblea general del OIDP",
            "en": "IOPD General Assembly",
            "pt": "Assembleia geral do OIDP",
        },
    ),
]

EVENT_TEASER = {
    "fr": "Un rendez-vous du calendrier 2024 de l'OIDP.",
    "es": "Una cita del calendario 2024 del OIDP.",
    "en": "A date in the IOPD 2024 calendar.",
    "pt": "Um encontro do calendário 2024 do OIDP.",
}

BRIEF = {
    "slug": "gouvernements-locaux-mefiance-polarisation-extremismes",
    "date": datetime.date(2023, 12, 1),
    "title": {
        "fr": "Les gouvernements locaux et régionaux face à la montée de la méfiance, de la polarisation et des extrémismes",
        "es": "Los gobiernos locales y regionales frente al auge de la desconfianza, la polarización y los extremismos",
        "en": "Local and regional governments facing rising distrust, polarisation and extremism",
        "pt": "Os governos locais e regionais perante o aumento da desconfiança, da polarização e dos extremismos",
    },
    "edition": {
        "fr": "Contributions de la Journée internationale de la démocratie 2023",
        "es": "Contribuciones del Día Internacional de la Democracia 2023",
        "en": "Contributions of the International Day of Democracy 2023",
        "pt": "Contribuições do Dia Internacional da Democracia 2023",
    },
    "editors": [
        "Adrià Duarte Griñó",
        "Inés Hermoso de Mendoza Ayuso",
        "Viviana Herrera Silva",
        "Elisa Vachon",
    ],
    "speakers": [
        ("Jose Manuel Ribeiro", "maire de Valongo"),
        (
            "Mohamed Wajdi Aydi",
            "ancien maire adjoint de Sfax, coordinateur de l'Association Afrique Intelligence",
        ),
        (
            "Nils Munthe",
            "chargé de mission, Association suédoise des autorités locales et des régions (SALAR)",
        ),
        (
            "Ana Maria Vargas",
            "directrice de recherche, Centre international suédois pour la démocratie locale (ICLD)",
        ),
        (
            "Patrícia Marques dos Santos",
            "coordinatrice du « Gouvernement Ouvert », ville de São Paulo",
        ),
    ],
    "summary": (
        "À l'occasion de la Journée internationale de la démocratie 2023, le 15 septembre, l'OIDP, avec le soutien de "
        "Cités et Gouvernements Locaux Unis et de la Ville de Rio de Janeiro, a organisé le webinaire « Les gouvernements "
        "locaux et régionaux face à la montée de la méfiance, de la polarisation et de l'extrémisme ». Cinq dirigeant·es et "
        "expert·es y ont partagé leurs expériences municipales et les solutions possibles pour inverser cette crise."
    ),
    "methodology": (
        "Plusieurs dirigeant·es et expert·es locaux et régionaux ont partagé leurs réflexions et leurs expériences ; un "
        "exercice participatif avec l'outil en ligne Mentimeter a invité les participant·es à partager des idées clés sur "
        "les défis auxquels la démocratie est confrontée."
    ),
    "sections": [
        (
            "La nécessité de relever les défis mondiaux de la démocratie à partir de la base",
            "En 2007, l'Assemblée générale des Nations unies a fait du 15 septembre la Journée internationale de la "
            "démocratie, pour promouvoir et défendre les principes de la démocratie.",
        ),
        (
            "Les gouvernements locaux et régionaux, défenseurs de première ligne des droits des citoyens",
            "Les gouvernements locaux et régionaux jouent un rôle central dans la consolidation de la démocratie face aux "
            "défis mondiaux : communication transparente, décision participative et gouvernance inclusive.",
        ),
    ],
    "recommendations": [
        {
            "fr": "Promouvoir les valeurs démocratiques par l'éducation civique et la culture démocratique",
            "es": "Promover los valores democráticos mediante la educación cívica y la cultura democrática",
            "en": "Promote democratic values through civic education and democratic culture",
            "pt": "Promover os valores democráticos através da educação cívica e da cultura democrática",
            "text": "Impliquer les citoyen·nes par des événements communautaires, des réunions publiques et des ressources accessibles.",
        },
        {
            "fr": "Mettre en œuvre des pratiques de démocratie délibérative et participative",
            "es": "Implementar prácticas de democracia deliberativa y participativa",
            "en": "Implement deliberative and participatory democracy practices",
            "pt": "Implementar práticas de democracia deliberativa e participativa",
            "text": "Créer des assemblées citoyennes, des forums et des outils en ligne pour une prise de décision inclusive.",
        },
        {
            "fr": "Un gouvernement ouvert grâce à la transparence, aux données accessibles et à la co-création",
            "es": "Un gobierno abierto gracias a la transparencia, los datos accesibles y la cocreación",
            "en": "Open government through transparency, accessible data and co-creation",
            "pt": "Um governo aberto através da transparência, dos dados acessíveis e da cocriação",
            "text": "Publier données et budgets sur des plateformes conviviales et associer les communautés aux politiques.",
        },
        {
            "fr": "Promouvoir des médias locaux de qualité, espace d'information et de débat mesuré",
            "es": "Promover medios locales de calidad, espacio de información y debate sereno",
            "en": "Promote quality local media, a space for information and measured debate",
            "pt": "Promover meios de comunicação locais de qualidade, espaço de informação e debate ponderado",
            "text": "Soutenir le journalisme indépendant et les vérificateurs de faits dans les réseaux sociaux et les médias.",
        },
        {
            "fr": "Mettre en œuvre l'ODD 17 « Partenariats pour la réalisation des objectifs »",
            "es": "Aplicar el ODS 17 «Alianzas para lograr los objetivos»",
            "en": "Enact SDG 17 'Partnerships for the goals'",
            "pt": "Aplicar o ODS 17 «Parcerias para a implementação dos objetivos»",
            "text": "S'allier avec d'autres collectivités et la société civile pour échanger les bonnes pratiques.",
        },
    ],
    "resources": [
        (
            "Journée internationale de la démocratie",
            "https://www.un.org/fr/observances/democracy-day",
            "Nations unies",
        ),
        (
            "UCLG Pact for the Future of Humanity",
            "https://uclg.org/wp-content/uploads/2023/02/uclgpactforthe_future.pdf",
            "CGLU",
        ),
        (
            "Open Society Barometer: Can Democracy Deliver?",
            "https://www.opensocietyfoundations.org/publications/open-society-barometer-can-democracy-deliver",
            "Open Society Foundations",
        ),
        (
            "The Global State of Democracy Initiative",
            "https://www.idea.int/gsod/gsod",
            "International IDEA",
        ),
    ],
    "partners": [
        ("Cités et Gouvernements Locaux Unis", "https://uclg.org/"),
        ("Ville de Rio de Janeiro", "https://prefeitura.rio/"),
    ],
}


# Themes (repository vocabulary codes, seeded by the repository's demo) and SDGs of the pages,
# by slug of the page in the default language.
VOCABULARY = {
    "appel-prix-oidp-2024": (["open-government", "inclusion"], [16]),
    "conference-valongo-2024": (["cities", "digital-democracy"], [11, 16]),
    "note-orientation-democratie-2023": (["open-government", "transparency"], [16]),
    "forum-democratie-directe-bucarest": (["open-government"], [16]),
    "journee-internationale-democratie-2024": (["inclusion", "youth"], [16]),
    "conference-oidp-valongo": (["cities", "urban-planning"], [11, 16]),
    "gouvernements-locaux-mefiance-polarisation-extremismes": (
        ["open-government", "transparency", "inclusion"],
        [16, 17],
    ),
}
