"""The import pages: paste one article, or upload many files at once (editors and admins)."""

import functools
import logging

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from annotations.imports import SUPPORTED_EXTENSIONS, Importer, can_import, import_article
from annotations.models import Article

logger = logging.getLogger(__name__)


def import_permission_required(view):
    """403 for logged-in users who may not import (login itself is the middleware's job)."""

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        if not can_import(request.user):
            raise PermissionDenied("Only editors and admins can import articles.")
        return view(request, *args, **kwargs)

    return wrapper


class PasteForm(forms.Form):
    title = forms.CharField(max_length=500)
    outlet = forms.CharField(max_length=200, required=False)
    url = forms.URLField(label="URL", max_length=2000, required=False, assume_scheme="https")
    author = forms.CharField(max_length=300, required=False)
    published = forms.DateField(
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="YYYY-MM-DD",
    )
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 18}), strip=False)

    def clean_text(self) -> str:
        text = self.cleaned_data["text"]
        if not text.strip():
            raise forms.ValidationError("Paste the article text.")
        return text


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field; empty files pass through so the report can name them."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": ",".join(SUPPORTED_EXTENSIONS)})
        )
        kwargs.setdefault("allow_empty_file", True)
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        clean_one = super().clean
        if isinstance(data, list | tuple):
            if not data:
                return [clean_one(None, initial)]  # raises "This field is required."
            return [clean_one(item, initial) for item in data]
        return [clean_one(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        help_text=".txt (first line is the title), .html, .jsonl or .csv; many at once."
    )
    outlet = forms.CharField(
        max_length=200, required=False, help_text="For articles whose file names no outlet."
    )
    preannotate = forms.BooleanField(required=False, label="Pre-annotate after import")


@require_http_methods(["GET", "HEAD", "POST"])
@import_permission_required
def import_upload(request):
    form = UploadForm(request.POST, request.FILES) if request.method == "POST" else UploadForm()
    context = {"form": form, "max_size": settings.MAX_UPLOAD_SIZE}
    if request.method != "POST":
        return render(request, "annotations/import.html", context)
    if not form.is_valid():
        return render(request, "annotations/import.html", context, status=400)
    importer = Importer(outlet=form.cleaned_data["outlet"], by=request.user)
    for upload in form.cleaned_data["files"]:
        importer.add_file(upload.name, upload.size, upload.read)
    report = importer.finish()
    context["report"] = report
    context["imported_articles"] = imported_articles(report.imported)
    if form.cleaned_data["preannotate"] and report.imported:
        context["job"] = _queue_preannotation(request, report.imported)
        context["running"] = True
    context["form"] = UploadForm()
    return render(request, "annotations/import.html", context, status=400 if report.errors else 200)


IMPORTED_SHOWN = 200


def imported_articles(article_ids: list[int]) -> list[Article]:
    """The first articles of an import, in import order, for the report's list of links."""
    shown = article_ids[:IMPORTED_SHOWN]
    by_id = Article.objects.only("id", "title", "outlet", "published").in_bulk(shown)
    return [by_id[pk] for pk in shown if pk in by_id]


def _queue_preannotation(request, article_ids: list[int]):
    from annotations.tasks import queue_preannotation

    try:
        return queue_preannotation(article_ids, by=request.user)
    except Exception as exc:  # the articles are saved; only the queueing failed
        logger.exception("Could not queue pre-annotation after import")
        messages.error(
            request,
            f"The articles were imported, but pre-annotation could not be queued ({exc}). "
            "Start it again from the queue.",
        )
        return None


@require_http_methods(["GET", "HEAD", "POST"])
@import_permission_required
def import_paste(request):
    form = PasteForm(request.POST) if request.method == "POST" else PasteForm()
    if request.method != "POST":
        return render(request, "annotations/import_paste.html", {"form": form})
    if not form.is_valid():
        return render(request, "annotations/import_paste.html", {"form": form}, status=400)
    report = import_article(form.cleaned_data, by=request.user)
    if report.imported:
        article_id = report.imported[0]
        messages.success(request, f"Imported “{form.cleaned_data['title']}”.")
        return redirect(reverse("annotations:review", args=[article_id]))
    for problem in [*report.duplicates, *report.errors]:
        form.add_error(None, f"Not imported: {problem.reason}")
    status = 409 if report.duplicates else 400
    return render(request, "annotations/import_paste.html", {"form": form}, status=status)
