"""Request guards that apply to every page, including pages added later.

- :class:`RejectNulCharacters`: a NUL character in the path, the query string or form data
  is refused with 400 before any view runs. PostgreSQL cannot store or even compare text
  holding NUL, and SQLite would store it silently, so both databases behave the same.
- :class:`NewsroomMembersOnly`: a logged-in user in neither newsroom group (editors, admins)
  gets a 403 page saying to ask an admin for access, instead of reading or changing anything.
"""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


def _wants_json(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/") or (
        "application/json" in request.headers.get("Accept", "")
        and "text/html" not in request.headers.get("Accept", "")
    )


def _holds_nul(query) -> bool:
    return any(
        "\x00" in key or "\x00" in value for key, values in query.lists() for value in values
    )


def nul_location(request: HttpRequest) -> str | None:
    """Where the request carries a NUL character (path, query string or form), if anywhere."""
    if "\x00" in request.path_info:
        return "the address"
    if _holds_nul(request.GET):
        return "the query string"
    # JSON bodies are the API's to check: it reports NUL per item, next to its other errors.
    if (
        request.method == "POST"
        and request.content_type
        in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        )
        and _holds_nul(request.POST)
    ):
        return "the form data"
    return None


class RejectNulCharacters:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        where = nul_location(request)
        if where is None:
            return self.get_response(request)
        message = (
            f"The request was refused: {where} contains a NUL character (\\x00), which is "
            "never valid text. Nothing was saved. Remove it and try again."
        )
        if _wants_json(request):
            return JsonResponse({"error": message}, status=400)
        return render(request, "errors/bad_request.html", {"message": message}, status=400)


def is_newsroom_member(user) -> bool:
    """Editors and admins (and superusers) may use the app; both groups can view articles."""
    return user.has_perm("annotations.view_article")


class NewsroomMembersOnly:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or is_newsroom_member(user):
            return None
        match = request.resolver_match
        if match and ("admin" in match.namespaces or match.url_name in ("login", "logout")):
            return None  # the admin checks staff status itself; anyone may log in and out
        if not getattr(view_func, "login_required", True):
            return None  # public pages stay public
        message = (
            f"Your account “{user.get_username()}” is not in the newsroom yet: it is in "
            "neither the editors nor the admins group. Ask an admin for access."
        )
        if _wants_json(request):
            return JsonResponse({"error": message}, status=403)
        return render(request, "errors/no_access.html", {"message": message}, status=403)
