"""Local development: debug on, an insecure key that never leaves this machine."""

from .base import *  # noqa: F403
from .base import env

# https://docs.djangoproject.com/en/5.2/ref/settings/#debug
DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="django-insecure-dev-only-key-not-for-production")

# seed_demo may create the development admin account here.
DEMO_ADMIN_ALLOWED = True

# https://whitenoise.readthedocs.io/en/stable/django.html#WHITENOISE_USE_FINDERS
# Serve static files from the apps without collectstatic, picking up edits as they happen.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405

# Template edits do not invalidate the anonymous page cache: off while developing, unless asked.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0)
