"""The settings read the environment and production refuses unsafe configurations."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent


def run_python(code, **env_overrides):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}
    }
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_python(
        "import django; django.setup()", DJANGO_SETTINGS_MODULE="oidp.settings.production"
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deployment_checklist():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "oidp.settings.production",
            "SECRET_KEY": "a-throwaway-key-for-the-check-Zq8vN3kR7tW1yB5mC9xL2pD6sF0hJ4gT",
            "ALLOWED_HOSTS": "oidp.example.org",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({}, "sqlite3 LocMemCache database"),
        (
            {
                "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/oidp",
                "REDIS_URL": "redis://127.0.0.1:6379/0",
                "ELASTICSEARCH_URL": "http://127.0.0.1:9200",
            },
            "postgresql RedisCache",
        ),
    ],
)
def test_services_are_chosen_from_the_environment(variables, expected):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'].rsplit('.', 1)[-1], "
        "s.CACHES['default']['BACKEND'].rsplit('.', 1)[-1], "
        "s.WAGTAILSEARCH_BACKENDS['default']['BACKEND'].rsplit('.', 1)[-1])"
    )
    result = run_python(code, DJANGO_SETTINGS_MODULE="oidp.settings.dev", **variables)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith(expected)
