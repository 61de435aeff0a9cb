"""API tokens page: editors create tokens for their programs (shown once) and revoke them."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from annotations.api_tokens import ApiToken


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=100, label="What is it for?", widget=forms.TextInput({"placeholder": "CMS"})
    )


def _check_permission(request: HttpRequest) -> None:
    if not request.user.has_perm("annotations.view_quote"):
        raise PermissionDenied("Only editors and admins can use the API.")


@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    _check_permission(request)
    new_token = None
    form = TokenForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            token, new_token = ApiToken.objects.create_token(
                request.user, form.cleaned_data["name"]
            )
            form = TokenForm()
        else:
            status = 400
    context = {
        "form": form,
        "new_token": new_token,
        "tokens": ApiToken.objects.filter(user=request.user),
    }
    response = render(request, "annotations/api_tokens.html", context, status=status)
    if new_token:
        response["Cache-Control"] = "no-store"  # the page holds a secret shown once
    return response


@require_POST
def revoke_api_token(request: HttpRequest, token_id: int) -> HttpResponse:
    _check_permission(request)
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    token.revoke()
    messages.success(request, f"Revoked “{token.name}” ({token.prefix}…). It no longer works.")
    return redirect("annotations:api_tokens")
