"""WSGI entry point used by gunicorn (see Procfile)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oidp.settings.production")

application = get_wsgi_application()
