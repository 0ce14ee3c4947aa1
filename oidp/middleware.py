"""Small request/response hooks of the project."""

from django.conf import settings
from django.utils import translation


class RememberLanguageMiddleware:
    """Remember the language of the pages a visitor reads.

    Every public URL carries its language prefix; when a visitor reads a page in a language
    other than the one remembered, the language cookie is updated so that `/` later sends
    them back to that language (cookie first, then Accept-Language, then the default).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method != "GET" or response.status_code != 200:
            return response
        language = translation.get_language_from_path(request.path_info)
        if language and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME,
                language,
                max_age=settings.LANGUAGE_COOKIE_AGE,
                path=settings.LANGUAGE_COOKIE_PATH,
                secure=settings.LANGUAGE_COOKIE_SECURE,
                httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
                samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            )
        return response
