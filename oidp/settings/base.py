"""Settings shared by every environment.

Nothing here is a secret and nothing turns debugging on: `dev`, `test` and `production`
add those. Values come from the environment (12-factor) with typed defaults, so that a
fresh clone runs on SQLite, the database search backend, the local-memory cache and the
console e-mail backend with no variable set.
"""

from pathlib import Path

from django.utils.translation import gettext_lazy as _

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"  # ignored by git: SQLite file, media and collected static in dev

env = environ.Env()

# https://docs.djangoproject.com/en/5.2/ref/settings/#installed-apps
INSTALLED_APPS = [
    "home",
    "search",
    "news",
    "repository",
    "members",
    "awards",
    "translations",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.api.v2",
    "rest_framework",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_countries",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "csp",
]

# https://docs.djangoproject.com/en/5.2/topics/i18n/translation/#how-django-discovers-language-preference
# LocaleMiddleware sits after SessionMiddleware and before CommonMiddleware.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Permissions-Policy and Content-Security-Policy (oidp/security.py), outside the page cache
    # so that cached pages carry them too.
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "oidp.security.ContentSecurityPolicyMiddleware",
    # ETag on every page, 304 when unchanged; outside the page cache so that hits get it too.
    "django.middleware.http.ConditionalGetMiddleware",
    # Anonymous page cache hits are answered here, before the session, locale and common
    # middleware (which have nothing to add to a stored page); misses are stored further in.
    "home.page_cache.AnonymousPageCacheHitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "oidp.middleware.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    # After CommonMiddleware, which refuses hosts outside ALLOWED_HOSTS.
    "home.sites.CurrentSiteMiddleware",
    "home.page_cache.AnonymousPageCacheMiddleware",
    "oidp.security.NoncedResponsesStayPrivateMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "oidp.urls"
WSGI_APPLICATION = "oidp.wsgi.application"

# https://docs.djangoproject.com/en/5.2/topics/templates/
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# https://docs.djangoproject.com/en/5.2/ref/settings/#databases
# DATABASE_URL, e.g. postgres://user:password@127.0.0.1:5432/oidp; default: a SQLite file under var/.
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
# Persistent connections (checked before reuse): a page does not pay for a new connection.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL's JIT compiles queries it estimates as expensive (the listings' untranslated
    # items, facet counts): 30-60 ms of compiling for queries that run in a few ms here.
    options = DATABASES["default"].setdefault("OPTIONS", {})
    options["options"] = " ".join(filter(None, [options.get("options", ""), "-c jit=off"]))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# https://docs.djangoproject.com/en/5.2/topics/cache/
# REDIS_URL, e.g. redis://127.0.0.1:6379/0; default: local memory.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "oidp.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="oidp"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Full-page cache for anonymous visitors (home/page_cache.py); 0 turns it off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)

# https://docs.djangoproject.com/en/5.2/ref/settings/#auth-password-validators
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# https://docs.djangoproject.com/en/5.2/topics/auth/customizing/#specifying-authentication-backends
# and https://django-axes.readthedocs.io/en/latest/2_installation.html: axes first, so that every
# login form (the member area's and the Wagtail admin's) is protected against brute force.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "members:login"
LOGIN_REDIRECT_URL = "members:dashboard"
# https://django-axes.readthedocs.io/en/latest/4_configuration.html
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=1.0)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "members.views.lockout"
AXES_USERNAME_FORM_FIELD = "username"
# Members: invitation links expire after this many seconds; the secretariat receives the
# membership applications at this address (the site-wide contact address when empty).
MEMBERS_INVITATION_MAX_AGE = env.int("MEMBERS_INVITATION_MAX_AGE", default=60 * 60 * 24 * 14)
MEMBERS_SECRETARIAT_EMAIL = env.str("MEMBERS_SECRETARIAT_EMAIL", default="")

# https://docs.djangoproject.com/en/5.2/topics/i18n/
# The default content language is French; DEFAULT_LANGUAGE changes it.
LANGUAGE_CODE = env.str("DEFAULT_LANGUAGE", default="fr")
LANGUAGES = [
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("en", _("English")),
    ("pt", _("Portuguese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_COOKIE_NAME = "oidp_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"

# https://docs.wagtail.org/en/stable/advanced_topics/i18n.html#configuration
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# https://wagtail-localize.readthedocs.io/en/stable/ (setting read by wagtail_localize/operations.py)
# A new translation starts as a draft (pages and draft-state snippets), whatever the state of
# its source: it goes live when published or approved in the language's review workflow.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# https://docs.djangoproject.com/en/5.2/howto/static-files/ and https://whitenoise.readthedocs.io/
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.str("STATIC_ROOT", default=str(VAR_DIR / "static")))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]

# https://docs.djangoproject.com/en/5.2/ref/settings/#std-setting-STORAGES
# MEDIA_ROOT / MEDIA_URL choose where uploads go.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(VAR_DIR / "media")))
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# https://docs.djangoproject.com/en/5.2/topics/email/
# EMAIL_URL, e.g. smtp+tls://user:password@smtp.example.org:587; default: printed on the console.
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="OIDP <noreply@localhost>")
SERVER_EMAIL = env.str("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# https://docs.djangoproject.com/en/5.2/ref/settings/#allowed-hosts
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# https://docs.wagtail.org/en/stable/reference/settings.html
WAGTAIL_SITE_NAME = env.str(
    "SITE_NAME", default="International Observatory of Participatory Democracy"
)
WAGTAILADMIN_BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
# Uploads are checked by content (oidp/uploads.py) through the admin forms' base classes; the
# extensions and sizes below are Wagtail's own first check. SVG is never accepted.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odp", "ods", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env.int("DOCUMENTS_MAX_UPLOAD_SIZE", default=20 * 1024 * 1024)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env.int("IMAGES_MAX_UPLOAD_SIZE", default=10 * 1024 * 1024)
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "oidp.uploads.ContentCheckedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "oidp.uploads.ContentCheckedDocumentForm"
# https://docs.wagtail.org/en/stable/reference/settings.html#documents: documents always go
# through Wagtail's serve view (privacy checks, nosniff, the sandbox of oidp/security.py), and
# only PDFs open in the browser; everything else is downloaded.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_CONTENT_TYPES = {"csv": "text/csv", "txt": "text/plain"}
WAGTAILEMBEDS_RESPONSIVE_HTML = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# https://docs.wagtail.org/en/stable/topics/search/backends.html (search/README.md explains the choice)
# "default" is always the database backend: the admin's search, the public search's fallback, and
# PostgreSQL text-search configurations per language (search/migrations). ELASTICSEARCH_URL adds
# one engine backend per content language ("engine_fr", ...), each with its own index and that
# language's analyser; SEARCH_ENGINE names Wagtail's backend module for the engine and its major
# version: elasticsearch8/9 or opensearch2/3 (opensearch3 for the OpenSearch 2.19 node of
# scripts/search-node.sh: it is the backend written for the pinned opensearch-py 3 client).
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
SEARCH_ENGINE = env.str("SEARCH_ENGINE", default="elasticsearch9")
SEARCH_INDEX_PREFIX = env.str("SEARCH_INDEX_PREFIX", default="oidp")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
if ELASTICSEARCH_URL:
    for _code, _name in LANGUAGES:
        WAGTAILSEARCH_BACKENDS[f"engine_{_code}"] = {
            "BACKEND": f"search.backends.{SEARCH_ENGINE}",
            "URLS": [ELASTICSEARCH_URL],
            "LANGUAGE": _code,
            "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}_{_code}_",
            "TIMEOUT": env.int("SEARCH_TIMEOUT", default=5),
            "OPTIONS": {"max_retries": 0},
            "AUTO_UPDATE": True,
        }
# Seconds during which the public search skips an engine that has just failed.
SEARCH_ENGINE_RETRY_AFTER = env.int("SEARCH_ENGINE_RETRY_AFTER", default=30)

# https://leafletjs.com/reference.html#tilelayer
# The experience map's tile server: without one, the index offers the list view only (the site
# must work offline, so no tile server is assumed).
REPOSITORY_MAP_TILE_URL = env.str("MAP_TILE_URL", default="")
REPOSITORY_MAP_ATTRIBUTION = env.str("MAP_TILE_ATTRIBUTION", default="")

# https://django-ratelimit.readthedocs.io/en/stable/settings.html
# The Best Practice Award: attachment limits, vote confirmation links and vote rate limits.
AWARDS_ATTACHMENT_MAX_SIZE = env.int("AWARDS_ATTACHMENT_MAX_SIZE", default=10 * 1024 * 1024)
AWARDS_ATTACHMENT_MAX_COUNT = env.int("AWARDS_ATTACHMENT_MAX_COUNT", default=5)
AWARDS_VOTE_CONFIRMATION_MAX_AGE = env.int("AWARDS_VOTE_CONFIRMATION_MAX_AGE", default=48 * 60 * 60)
AWARDS_VOTE_RATE_PER_ADDRESS = env.str("AWARDS_VOTE_RATE_PER_ADDRESS", default="3/h")
AWARDS_VOTE_RATE_PER_IP = env.str("AWARDS_VOTE_RATE_PER_IP", default="30/h")
# Days after an edition's last jury phase before purge_personal_data pseudonymises voters'
# addresses and removes IPs and unneeded candidature data (awards/privacy.py).
AWARDS_PERSONAL_DATA_RETENTION_DAYS = env.int("AWARDS_PERSONAL_DATA_RETENTION_DAYS", default=180)
RATELIMIT_USE_CACHE = "default"
# oidp/ratelimit.py: the rate of each named limit, e.g. RATE_LIMITS="login=20/h,suggest=5/h"
# (the defaults are in oidp.ratelimit.DEFAULT_RATES). Behind proxies, RATE_LIMIT_IP_HEADER names
# the header with the visitor's address (e.g. HTTP_X_FORWARDED_FOR) and RATE_LIMIT_PROXY_COUNT
# how many of our proxies append to it; oidp.ratelimit.client_ip reads them.
RATE_LIMITS = env.dict("RATE_LIMITS", default={})
RATE_LIMIT_IP_HEADER = env.str("RATE_LIMIT_IP_HEADER", default="")
RATE_LIMIT_PROXY_COUNT = env.int("RATE_LIMIT_PROXY_COUNT", default=1)
RATELIMIT_IP_META_KEY = "oidp.ratelimit.client_ip"

# https://docs.djangoproject.com/en/5.2/topics/logging/
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
        # Background-task and publishing chatter would drown command output at INFO.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "wagtail.contrib.redirects": {"level": "WARNING"},
    },
}

# Whether seed_demo may create a development admin account (never in production settings).
DEMO_ADMIN_ALLOWED = False

# https://wagtail-localize.readthedocs.io/en/latest/how-to/integrations/machine-translation/
# DeepL when DEEPL_API_KEY is set (a key ending in ":fx" uses DeepL's free API); without a key
# no machine translator, and the translation editor offers no machine-translation button.
DEEPL_API_KEY = env.str("DEEPL_API_KEY", default="")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }

# https://django-csp.readthedocs.io/en/latest/configuration.html and oidp/security.py
# A strict policy for the public site (no 'unsafe-inline'); the admin's exception and the
# documents' sandbox are added by oidp.security.ContentSecurityPolicyMiddleware.
from oidp.security import public_directives  # noqa: E402

CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": public_directives(map_tile_url=REPOSITORY_MAP_TILE_URL, media_url=MEDIA_URL),
}

# https://github.com/adamchainz/django-permissions-policy: no page needs these browser features;
# fullscreen stays allowed for the embedded videos.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
    "fullscreen": [
        "self",
        "https://www.youtube.com",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ],
}

# https://docs.djangoproject.com/en/5.2/ref/middleware/#module-django.middleware.security
# Headers that need no HTTPS are on everywhere; the Secure cookie flags and HSTS are in production.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail's live preview frames the page in the admin: same origin only (CSP frame-ancestors too).
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
# https://docs.wagtail.org/en/stable/reference/settings.html#wagtail-gravatar-provider-url
# Editors' avatars are not fetched from a third party (it would learn their e-mail's hash).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# https://docs.wagtail.org/en/stable/reference/settings.html#tasks (django-tasks)
# Wagtail's background tasks (search and reference index updates, the listings' image renditions
# of home/renditions.py) run at once, in the request, by default. TASKS_BACKEND=database queues
# them in the database (django-tasks-db) for the worker process (Procfile: `worker:`).
TASKS_BACKEND = env.str("TASKS_BACKEND", default="immediate")
if TASKS_BACKEND == "database":
    INSTALLED_APPS.append("django_tasks_db")
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
else:
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# https://docs.wagtail.org/en/stable/reference/contrib/frontend_cache.html
# A CDN or caching proxy in front of the site is purged on publish and unpublish (the page, its
# translations and the listings above them: home/frontend_cache.py) when one is configured:
# FRONTEND_CACHE_HTTP_URL (Varnish, Squid or nginx receiving PURGE requests),
# FRONTEND_CACHE_CLOUDFLARE_ZONE_ID with _BEARER_TOKEN (or _EMAIL and _API_KEY), or
# FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID. None set: the app is not installed.
WAGTAILFRONTENDCACHE = {}
if env.str("FRONTEND_CACHE_HTTP_URL", default=""):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env.str("FRONTEND_CACHE_HTTP_URL"),
    }
if env.str("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": env.str("FRONTEND_CACHE_CLOUDFLARE_ZONE_ID"),
        "BEARER_TOKEN": env.str("FRONTEND_CACHE_CLOUDFLARE_BEARER_TOKEN", default="") or None,
        "EMAIL": env.str("FRONTEND_CACHE_CLOUDFLARE_EMAIL", default="") or None,
        "API_KEY": env.str("FRONTEND_CACHE_CLOUDFLARE_API_KEY", default="") or None,
    }
if env.str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID", default=""):
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": env.str("FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.insert(
        INSTALLED_APPS.index("wagtail.contrib.redirects"), "wagtail.contrib.frontend_cache"
    )
