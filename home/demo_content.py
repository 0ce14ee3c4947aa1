"""Demo content of the site's own pages, written in French and translated into es, en, pt.

Drawn from the network's work plan 2024 and its 2023 policy brief (see ../shared/seeds);
quotations are attributed. Each page gives, per language, the same fields in the same order,
so that the French strings can be paired with their translations segment by segment.
"""

SOURCE = "Plan de travail 2024 de l'OIDP"

HOME = {
    "fr": {
        "title": "Observatoire international de la démocratie participative",
        "slug": "accueil",
        "intro": (
            "Un réseau de villes, de régions, de centres de recherche et d'organisations de la "
            "société civile qui défendent, impulsent et améliorent la démocratie locale."
        ),
        "body": [
            ("heading", "Apprendre les uns des autres"),
            (
                "paragraph",
                "Le réseau recueille des expériences de participation citoyenne décrites avec "
                "les acteurs locaux, pour que chaque ville puisse comparer, s'inspirer et "
                "reproduire ce qui fonctionne.",
            ),
            (
                "paragraph",
                "Chaque année, le Prix des bonnes pratiques distingue des initiatives "
                "innovantes de démocratie participative portées par des gouvernements locaux.",
            ),
        ],
    },
    "es": {
        "title": "Observatorio Internacional de la Democracia Participativa",
        "slug": "inicio",
        "intro": (
            "Una red de ciudades, regiones, centros de investigación y organizaciones de la "
            "sociedad civil que defienden, impulsan y mejoran la democracia local."
        ),
        "body": [
            ("heading", "Aprender unos de otros"),
            (
                "paragraph",
                "La red reúne experiencias de participación ciudadana descritas junto con los "
                "actores locales, para que cada ciudad pueda comparar, inspirarse y reproducir "
                "lo que funciona.",
            ),
            (
                "paragraph",
                "Cada año, el Premio a las Buenas Prácticas distingue iniciativas innovadoras "
                "de democracia participativa impulsadas por gobiernos locales.",
            ),
        ],
    },
    "en": {
        "title": "International Observatory of Participatory Democracy",
        "slug": "home",
        "intro": (
            "A network of cities, regions, research centres and civil-society organisations "
            "that defend, promote and improve local democracy."
        ),
        "body": [
            ("heading", "Learning from one another"),
            (
                "paragraph",
                "The network gathers experiences of citizen participation described together "
                "with the local actors, so that every city can compare, find inspiration and "
                "reproduce what works.",
            ),
            (
                "paragraph",
                "Every year, the Best Practice Award recognises innovative participatory "
                "democracy initiatives led by local governments.",
            ),
        ],
    },
    "pt": {
        "title": "Observatório Internacional da Democracia Participativa",
        "slug": "pagina-inicial",
        "intro": (
            "Uma rede de cidades, regiões, centros de investigação e organizações da sociedade "
            "civil que defendem, impulsionam e melhoram a democracia local."
        ),
        "body": [
            ("heading", "Aprender uns com os outros"),
            (
                "paragraph",
                "A rede reúne experiências de participação cidadã descritas em conjunto com os "
                "atores locais, para que cada cidade possa comparar, inspirar-se e reproduzir o "
                "que funciona.",
            ),
            (
                "paragraph",
                "Todos os anos, o Prémio de Boas Práticas distingue iniciativas inovadoras de "
                "democracia participativa promovidas por governos locais.",
            ),
        ],
    },
}

ABOUT = {
    "fr": {
        "title": "À propos de l'OIDP",
        "slug": "a-propos",
        "intro": "Un réseau international fondé en 2001 à Barcelone, membre de CGLU depuis 2006.",
        "body": [
            (
                "paragraph",
                "L'Observatoire international de la démocratie participative est un réseau "
                "ouvert à toutes les villes, organisations et centres de recherche qui "
                "souhaitent connaître, échanger et mettre en œuvre des expériences de "
                "démocratie participative au niveau local.",
            ),
            ("heading", "Nos priorités"),
            (
                "paragraph",
                "Communiquer et sensibiliser ; évaluer les pratiques ; élargir et renforcer le "
                "réseau ; apprendre ensemble par la coopération décentralisée.",
            ),
            (
                "quote",
                "Les gouvernements locaux et régionaux jouent un rôle clé dans le développement "
                "d'innovations démocratiques.",
            ),
            ("heading", "Un réseau de CGLU"),
            (
                "paragraph",
                "Cités et Gouvernements Locaux Unis est le plus grand réseau de villes et de "
                "gouvernements locaux au monde ; l'OIDP y porte la réflexion sur le renouveau "
                "démocratique.",
            ),
        ],
    },
    "es": {
        "title": "Acerca del OIDP",
        "slug": "acerca",
        "intro": "Una red internacional fundada en 2001 en Barcelona, parte de CGLU desde 2006.",
        "body": [
            (
                "paragraph",
                "El Observatorio Internacional de la Democracia Participativa es una red "
                "abierta a todas las ciudades, organizaciones y centros de investigación que "
                "desean conocer, intercambiar y aplicar experiencias de democracia "
                "participativa en el ámbito local.",
            ),
            ("heading", "Nuestras prioridades"),
            (
                "paragraph",
                "Comunicar y sensibilizar; evaluar las prácticas; ampliar y fortalecer la red; "
                "aprender juntos mediante la cooperación descentralizada.",
            ),
            (
                "quote",
                "Los gobiernos locales y regionales desempeñan un papel clave en el desarrollo "
                "de innovaciones democráticas.",
            ),
            ("heading", "Una red de CGLU"),
            (
                "paragraph",
                "Ciudades y Gobiernos Locales Unidos es la mayor red de ciudades y gobiernos "
                "locales del mundo; el OIDP impulsa en ella la reflexión sobre la renovación "
                "democrática.",
            ),
        ],
    },
    "en": {
        "title": "About the IOPD",
        "slug": "about",
        "intro": "An international network founded in Barcelona in 2001, part of UCLG since 2006.",
        "body": [
            (
                "paragraph",
                "The International Observatory of Participatory Democracy is a network open to "
                "every city, organisation and research centre that wishes to learn about, "
                "exchange and implement experiences of participatory democracy at the local "
                "level.",
            ),
            ("heading", "Our priorities"),
            (
                "paragraph",
                "Communicating and raising awareness; evaluating practices; expanding and "
                "strengthening the network; learning together through decentralised "
                "cooperation.",
            ),
            (
                "quote",
                "Local and regional governments play a key role in developing democratic "
                "innovations.",
            ),
            ("heading", "A network of UCLG"),
            (
                "paragraph",
                "United Cities and Local Governments is the largest network of cities and local "
                "governments in the world; within it, the IOPD leads the reflection on "
                "democratic renewal.",
            ),
        ],
    },
    "pt": {
        "title": "Sobre o OIDP",
        "slug": "sobre",
        "intro": "Uma rede internacional fundada em 2001 em Barcelona, parte da CGLU desde 2006.",
        "body": [
            (
                "paragraph",
                "O Observatório Internacional da Democracia Participativa é uma rede aberta a "
                "todas as cidades, organizações e centros de investigação que desejam conhecer, "
                "trocar e pôr em prática experiências de democracia participativa a nível "
                "local.",
            ),
            ("heading", "As nossas prioridades"),
            (
                "paragraph",
                "Comunicar e sensibilizar; avaliar as práticas; alargar e reforçar a rede; "
                "aprender em conjunto através da cooperação descentralizada.",
            ),
            (
                "quote",
                "Os governos locais e regionais desempenham um papel fundamental no "
                "desenvolvimento de inovações democráticas.",
            ),
            ("heading", "Uma rede da CGLU"),
            (
                "paragraph",
                "Cidades e Governos Locais Unidos é a maior rede de cidades e governos locais do "
                "mundo; nela, o OIDP promove a reflexão sobre a renovação democrática.",
            ),
        ],
    },
}

AGENDA = {
    "fr": {
        "title": "Agenda de la démocratie locale",
        "slug": "agenda-democratie-locale",
        "intro": (
            "Le guide de référence de l'OIDP destiné aux gouvernements locaux pour développer "
            "la démocratie."
        ),
        "body": [
            (
                "paragraph",
                "Les démocraties traversent une crise : montée des partis populistes, baisse de "
                "la participation électorale, défiance envers les institutions. Les nouvelles "
                "formes de mobilisation passent par les technologies de la communication.",
            ),
            ("heading", "Ce que les villes peuvent faire"),
            (
                "paragraph",
                "Mettre en œuvre des politiques publiques qui renforcent les liens sociaux et "
                "communautaires, défendre les droits humains et ouvrir les décisions aux "
                "habitants : budgets participatifs, assemblées citoyennes, conseils de quartier.",
            ),
            (
                "paragraph",
                "L'Agenda rassemble ces engagements et sert de boussole aux expériences "
                "publiées dans le répertoire du réseau.",
            ),
        ],
    },
    "es": {
        "title": "Agenda de la democracia local",
        "slug": "agenda-democracia-local",
        "intro": (
            "La guía de referencia del OIDP para que los gobiernos locales desarrollen la "
            "democracia."
        ),
        "body": [
            (
                "paragraph",
                "Las democracias atraviesan una crisis: auge de los partidos populistas, caída "
                "de la participación electoral, desconfianza hacia las instituciones. Las nuevas "
                "formas de movilización pasan por las tecnologías de la comunicación.",
            ),
            ("heading", "Lo que pueden hacer las ciudades"),
            (
                "paragraph",
                "Aplicar políticas públicas que refuercen los lazos sociales y comunitarios, "
                "defender los derechos humanos y abrir las decisiones a la ciudadanía: "
                "presupuestos participativos, asambleas ciudadanas, consejos de barrio.",
            ),
            (
                "paragraph",
                "La Agenda reúne estos compromisos y sirve de brújula a las experiencias "
                "publicadas en el repositorio de la red.",
            ),
        ],
    },
    "en": {
        "title": "Local Democracy Agenda",
        "slug": "local-democracy-agenda",
        "intro": "The IOPD's reference guide for local governments to develop democracy.",
        "body": [
            (
                "paragraph",
                "Democracies are in crisis: populist parties on the rise, falling turnout, "
                "distrust of institutions. New forms of mobilisation travel through "
                "communication technologies.",
            ),
            ("heading", "What cities can do"),
            (
                "paragraph",
                "Carry out public policies that strengthen social and community ties, defend "
                "human rights and open decisions to residents: participatory budgets, citizens' "
                "assemblies, neighbourhood councils.",
            ),
            (
                "paragraph",
                "The Agenda gathers these commitments and serves as a compass for the "
                "experiences published in the network's repository.",
            ),
        ],
    },
    "pt": {
        "title": "Agenda da democracia local",
        "slug": "agenda-democracia-local",
        "intro": (
            "O guia de referência do OIDP para os governos locais desenvolverem a democracia."
        ),
        "body": [
            (
                "paragraph",
                "As democracias atravessam uma crise: ascensão dos partidos populistas, queda da "
                "participação eleitoral, desconfiança nas instituições. As novas formas de "
                "mobilização passam pelas tecnologias da comunicação.",
            ),
            ("heading", "O que as cidades podem fazer"),
            (
                "paragraph",
                "Aplicar políticas públicas que reforcem os laços sociais e comunitários, "
                "defender os direitos humanos e abrir as decisões aos habitantes: orçamentos "
                "participativos, assembleias cidadãs, conselhos de bairro.",
            ),
            (
                "paragraph",
                "A Agenda reúne estes compromissos e serve de bússola às experiências publicadas "
                "no repositório da rede.",
            ),
        ],
    },
}

LEGAL = {
    "fr": {
        "title": "Mentions légales",
        "slug": "mentions-legales",
        "intro": "Qui publie ce site et comment nous traitons vos données.",
        "body": [
            (
                "paragraph",
                "Ce site est publié par le Secrétariat technique de l'OIDP, c/Avinyó 15, 08002 "
                "Barcelone, Espagne.",
            ),
            (
                "paragraph",
                "Les descriptions d'expériences sont publiées sous licence Creative Commons "
                "Attribution 4.0, sauf mention contraire.",
            ),
            (
                "paragraph",
                "Les données personnelles ne sont conservées que le temps nécessaire ; vous "
                "pouvez demander à les consulter ou à les supprimer.",
            ),
        ],
    },
    "es": {
        "title": "Aviso legal",
        "slug": "aviso-legal",
        "intro": "Quién publica este sitio y cómo tratamos sus datos.",
        "body": [
            (
                "paragraph",
                "Este sitio lo publica la Secretaría Técnica del OIDP, c/Avinyó 15, 08002 "
                "Barcelona, España.",
            ),
            (
                "paragraph",
                "Las descripciones de experiencias se publican con licencia Creative Commons "
                "Reconocimiento 4.0, salvo que se indique lo contrario.",
            ),
            (
                "paragraph",
                "Los datos personales solo se conservan el tiempo necesario; puede solicitar "
                "consultarlos o suprimirlos.",
            ),
        ],
    },
    "en": {
        "title": "Legal notice",
        "slug": "legal-notice",
        "intro": "Who publishes this site and how we handle your data.",
        "body": [
            (
                "paragraph",
                "This site is published by the IOPD Technical Secretariat, c/Avinyó 15, 08002 "
                "Barcelona, Spain.",
            ),
            (
                "paragraph",
                "Descriptions of experiences are published under the Creative Commons "
                "Attribution 4.0 licence unless stated otherwise.",
            ),
            (
                "paragraph",
                "Personal data are kept only as long as needed; you may ask to see or delete them.",
            ),
        ],
    },
    "pt": {
        "title": "Aviso legal",
        "slug": "aviso-legal",
        "intro": "Quem publica este sítio e como tratamos os seus dados.",
        "body": [
            (
                "paragraph",
                "Este sítio é publicado pelo Secretariado Técnico do OIDP, c/Avinyó 15, 08002 "
                "Barcelona, Espanha.",
            ),
            (
                "paragraph",
                "As descrições de experiências são publicadas com a licença Creative Commons "
                "Atribuição 4.0, salvo indicação em contrário.",
            ),
            (
                "paragraph",
                "Os dados pessoais só são conservados durante o tempo necessário; pode pedir "
                "para os consultar ou apagar.",
            ),
        ],
    },
}

# The standard pages under each home, in menu order.
STANDARD_PAGES = [ABOUT, AGENDA, LEGAL]
MENU_PAGES = {"a-propos", "agenda-democratie-locale"}

SITE_SETTINGS = {
    "fr": {
        "contact_address": "Secrétariat technique de l'OIDP\nc/Avinyó 15\n08002 Barcelone, Espagne",
        "footer_text": ("Un réseau de CGLU pour la démocratie participative au niveau local."),
    },
    "es": {
        "contact_address": "Secretaría Técnica del OIDP\nc/Avinyó 15\n08002 Barcelona, España",
        "footer_text": "Una red de CGLU para la democracia participativa en el ámbito local.",
    },
    "en": {
        "contact_address": "IOPD Technical Secretariat\nc/Avinyó 15\n08002 Barcelona, Spain",
        "footer_text": "A UCLG network for participatory democracy at the local level.",
    },
    "pt": {
        "contact_address": "Secretariado Técnico do OIDP\nc/Avinyó 15\n08002 Barcelona, Espanha",
        "footer_text": "Uma rede da CGLU para a democracia participativa a nível local.",
    },
}
