"""The JSON API under /api/, built with django-ninja.

Why django-ninja: the request and response shapes are typed Pydantic schemas, so input is
validated (wrong types, unknown fields) with errors that name the field, and the OpenAPI
schema (/api/openapi.json) and interactive docs (/api/docs) are generated from the same
code. It is small, has no other dependencies than Pydantic, and ships Swagger UI's files
as static files, so the docs work offline (no CDN). See docs/api.md.
"""

import json
import re

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from .auth import BrowserSession, PerTokenThrottle, TokenAuth
from .endpoints import router


def _docs_need_login(view):
    """The docs and schema are pages of the site: they need a login like the others."""

    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return wrapped


api = NinjaAPI(
    title="Newsdesk Quotes API",
    version="1.0",
    description="Quotes, speakers and articles; import articles and follow pre-annotation. "
    "Authenticate with `Authorization: Bearer <token>` (create one on the API tokens page) "
    "or a logged-in browser session.",
    auth=[TokenAuth(), BrowserSession()],
    throttle=[PerTokenThrottle()],
    urls_namespace="api",
    docs_decorator=_docs_need_login,
)
api.add_router("/", router)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    message = exc.message
    if message == "Unauthorized":
        message = (
            "Authentication required: send 'Authorization: Bearer <token>' (editors create "
            "tokens on the API tokens page) or log in."
        )
    response = api.create_response(request, {"detail": message}, status=exc.status_code)
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(HttpError)
def _http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    detail = str(exc)
    cause = exc.__cause__
    if isinstance(cause, json.JSONDecodeError):
        detail = f"Malformed JSON: {cause.msg} at line {cause.lineno}, column {cause.colno}."
    elif isinstance(cause, UnicodeDecodeError):
        detail = "The request body is not UTF-8 text."
    return api.create_response(request, {"detail": detail}, status=exc.status_code)


@api.exception_handler(RequestDataTooBig)
def _too_big(request: HttpRequest, exc: RequestDataTooBig) -> HttpResponse:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    detail = f"The request body is larger than the upload limit of {limit} bytes."
    return api.create_response(request, {"detail": detail}, status=413)


# Pydantic names the branch of "one article or a list" in each error's location
# ("list[function-wrap[...]]"); the caller needs only the path to the field.
_UNION_BRANCH = re.compile(r"[\[(]")


def _field(loc) -> str:
    parts = [str(part) for part in loc if not _UNION_BRANCH.search(str(part))]
    if parts[:2] == ["body", "payload"]:
        parts = ["body", *parts[2:]]
    return ".".join(parts)


@api.exception_handler(NinjaValidationError)
def _invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    """422 listing each problem with where it is ("body.0.title", "query.since") and why."""
    errors = exc.errors
    branches = {"list" if "list[" in str(e.get("loc")) else "one" for e in errors}
    if len(branches) > 1:
        # Both shapes of the body failed: report only the shape the caller sent.
        sent_list = request.body.lstrip()[:1] == b"["
        errors = [e for e in errors if ("list[" in str(e.get("loc"))) == sent_list]
    detail = [
        {
            "field": _field(error.get("loc", ())),
            "message": error.get("msg", ""),
            "type": error.get("type", ""),
        }
        for error in errors
    ]
    return api.create_response(request, {"detail": detail}, status=422)


def urls():
    """The API's URL patterns; its endpoints answer 401 themselves instead of the login page."""
    patterns, app_name, namespace = api.urls
    for pattern in patterns:
        if pattern.name not in ("openapi-json", "openapi-view"):
            pattern.callback.login_required = False
    return patterns, app_name, namespace
