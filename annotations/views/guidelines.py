"""The annotation guidelines: every editor reads them; admins edit them (Markdown)."""

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.http import require_http_methods, require_safe
from markdown_it import MarkdownIt

from annotations.models import Guidelines

# "js-default" is CommonMark with raw HTML off and javascript:/data: links refused, so an
# admin's text cannot inject markup or script into every editor's page.
_markdown = MarkdownIt("js-default").enable("table")


def render_markdown(text: str) -> SafeString:
    return mark_safe(_markdown.render(text))  # raw HTML is off: the parser escapes it


class GuidelinesForm(forms.ModelForm):
    class Meta:
        model = Guidelines
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 24})}
        help_texts = {"text": "Markdown: # headings, **bold**, - lists, [links](https://...)."}


def _can_edit(request: HttpRequest) -> bool:
    return request.user.has_perm("annotations.edit_guidelines")


@require_safe
def guidelines(request: HttpRequest) -> HttpResponse:
    current = Guidelines.current()
    context = {
        "guidelines": current,
        "html": render_markdown(current.text),
        "can_edit": _can_edit(request),
    }
    return render(request, "annotations/guidelines.html", context)


@require_http_methods(["GET", "POST"])
def guidelines_edit(request: HttpRequest) -> HttpResponse:
    if not _can_edit(request):
        context = {"message": "Only admins can edit the annotation guidelines."}
        return render(request, "annotations/guidelines.html", context, status=403)
    current = Guidelines.current()
    form = GuidelinesForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.updated_by = request.user
        saved.save()
        messages.success(request, "Guidelines saved.")
        return redirect("annotations:guidelines")
    status = 400 if request.method == "POST" else 200
    context = {"guidelines": current, "form": form, "can_edit": True}
    return render(request, "annotations/guidelines.html", context, status=status)
