"""The export page: filters, a live count, and streamed CSV / JSONL downloads."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from annotations import exports
from annotations.models import Article, Quote, Speaker

FILTER_NAMES = ("status", "outlet", "since", "until", "speaker", "reviewed")

# format value -> (label, file name stem, extension, content type)
FORMATS = {
    "csv": ("Quotes CSV", "quotes", "csv", "text/csv; charset=utf-8"),
    "claims": ("Claims CSV", "claims", "csv", "text/csv; charset=utf-8"),
    "jsonl": ("JSONL", "articles", "jsonl", "application/jsonl; charset=utf-8"),
}


def can_export(user) -> bool:
    """Editors and admins may export (both may view quotes)."""
    return user.has_perm("annotations.view_quote")


def _check_permission(request: HttpRequest) -> None:
    if not can_export(request.user):
        raise PermissionDenied("Only editors and admins can export annotations.")


def _page(request: HttpRequest, errors: list[str], status: int = 200) -> HttpResponse:
    values = {name: request.GET.get(name, "").strip() for name in FILTER_NAMES}
    filters = None
    if not errors and any(values.values()):
        try:
            filters = exports.parse_filters(request.GET)
        except ValidationError as exc:
            errors = exc.messages
            status = 400
    elif not errors:
        filters = exports.ExportFilters()
    context = {
        "values": values,
        "errors": errors,
        "quote_count": exports.selected_quotes(filters).count() if filters else None,
        "speaker": Speaker.objects.filter(pk=filters.speaker).first()
        if filters and filters.speaker is not None
        else None,
        "statuses": Quote.Status.choices,
        "formats": FORMATS,
        "bom": bool(request.GET.get("bom")),
        "raw_formulas": bool(request.GET.get("raw_formulas")),
    }
    if request.htmx:
        return render(request, "annotations/export.html#summary", context, status=status)
    context["outlets"] = (
        Article.objects.exclude(outlet="")
        .order_by("outlet")
        .values_list("outlet", flat=True)
        .distinct()[:500]
    )
    return render(request, "annotations/export.html", context, status=status)


@require_safe
def export(request: HttpRequest) -> HttpResponse:
    _check_permission(request)
    return _page(request, errors=[])


@require_safe
def export_download(request: HttpRequest) -> HttpResponse:
    _check_permission(request)
    fmt = request.GET.get("format", "csv")
    if fmt not in FORMATS:
        return _page(
            request,
            [f"Unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}."],
            status=400,
        )
    try:
        filters = exports.parse_filters(request.GET)
    except ValidationError as exc:
        return _page(request, exc.messages, status=400)
    bom = bool(request.GET.get("bom"))
    raw = bool(request.GET.get("raw_formulas"))
    if fmt == "jsonl":
        chunks = exports.export_jsonl(filters)
    elif fmt == "claims":
        chunks = exports.export_claims_csv(filters, raw_formulas=raw, bom=bom)
    else:
        chunks = exports.export_quotes_csv(filters, raw_formulas=raw, bom=bom)
    _label, stem, extension, content_type = FORMATS[fmt]
    parts = ["newsdesk", stem, filters.slug(), f"{timezone.now():%Y%m%d-%H%M}"]
    filename = "-".join(p for p in parts if p) + "." + extension
    return StreamingHttpResponse(
        chunks,
        content_type=content_type,
        headers={
            "Content-Disposition": f'attachment; filename="{filename}"',
            # Let proxies pass the chunks on as they come instead of buffering the whole file.
            "X-Accel-Buffering": "no",
        },
    )
