"""Test runs: fast hashing, e-mail kept in memory, no debug."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz"

# https://docs.djangoproject.com/en/5.2/topics/testing/overview/#speeding-up-the-tests
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
DEMO_ADMIN_ALLOWED = True

# https://whitenoise.readthedocs.io/en/stable/django.html#WHITENOISE_USE_FINDERS
# Tests never run collectstatic: serve static files straight from the apps.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
