"""Admins give articles to a named editor from the queue, one or many at once."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from annotations.models import Article

MAX_ARTICLES = 1000


def assignable_editors():
    """Active users of the newsroom groups, by name."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=["editors", "admins"]))
        .distinct()
        .order_by("username")
    )


def _refused(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return render(request, "annotations/assign_error.html", {"message": message}, status=status)


@require_POST
def assign_articles(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("annotations.assign_articles"):
        return _refused(request, "Only admins can assign articles.", 403)
    raw_ids = request.POST.getlist("article")
    if not raw_ids:
        return _refused(request, "Tick at least one article to assign.", 400)
    if len(raw_ids) > MAX_ARTICLES or not all(
        r.isascii() and r.isdigit() and len(r) < 19 for r in raw_ids
    ):
        return _refused(request, f"“article” must be up to {MAX_ARTICLES} article ids.", 400)
    raw_to = request.POST.get("assignee", "").strip()
    if raw_to in ("", "none"):
        to = None
    elif raw_to.isascii() and raw_to.isdigit() and len(raw_to) < 19:
        to = assignable_editors().filter(pk=int(raw_to)).first()
        if to is None:
            return _refused(request, f"User #{raw_to} is not an active editor or admin.", 400)
    else:
        return _refused(request, "Choose the editor to assign to.", 400)
    ids = [int(r) for r in raw_ids]
    found = Article.objects.filter(pk__in=ids).count()
    if found != len(set(ids)):
        return _refused(request, "Some of these articles no longer exist; reload the queue.", 404)
    moved = Article.assign(ids, to=to, by=request.user)
    skipped = len(set(ids)) - moved
    who = to.get_username() if to else "nobody (unassigned)"
    message = f"Assigned {moved} article{'s' if moved != 1 else ''} to {who}."
    if skipped:
        message += f" {skipped} reviewed article{'s' if skipped != 1 else ''} kept their editor."
    messages.success(request, message)
    back = request.POST.get("next", "")
    return redirect(back if back.startswith("/?") or back == "/" else "annotations:queue")
