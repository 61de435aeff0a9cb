"""Site-wide odds and ends that are not pages: the favicon browsers ask for at /favicon.ico."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe


@login_not_required
@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers fetch /favicon.ico on their own, logged in or not; send them to the static one."""
    return redirect(static("favicon.ico"), permanent=True)
