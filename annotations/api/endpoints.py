"""The API's endpoints: quotes, speakers, articles (read and import) and jobs."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Count, Prefetch, Q
from django.db.models.functions import Lower
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status

from annotations import exports
from annotations.imports import import_objects
from annotations.models import Article, Claim, PreannotationJob, Quote, Speaker
from annotations.search import ANY_STATUS, MAX_QUERY_LENGTH, SearchFilters, search_quotes
from annotations.tasks import check_job, queue_preannotation

from .auth import ApiError, require
from .schemas import (
    ArticleIn,
    ArticleOut,
    ErrorOut,
    ImportReportOut,
    JobOut,
    QuoteOut,
    QuotePage,
    SpeakerDetail,
    SpeakerPage,
)
from .serialize import job_out, paginate, quote_out, speaker_out

router = Router()

ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut, 429: ErrorOut}
MAX_PAGE_SIZE = 200


def _can_read(request: HttpRequest) -> None:
    require(request, "annotations.view_quote", "read annotations")


class Paging(Schema):
    page: int = Field(1, ge=1, description="Page number, from 1.")
    page_size: int = Field(50, ge=1, le=MAX_PAGE_SIZE, description="Items per page.")


class QuoteFilters(Paging):
    q: str = Field(
        "",
        max_length=MAX_QUERY_LENGTH,
        description='Full-text search, web-search syntax: words, "a phrase", or, -word.',
    )
    status: str = Field("", description="proposed, accepted or rejected (default: all).")
    outlet: str = Field("", description="The article's outlet, exactly.")
    since: date | None = Field(None, description="Published on or after (YYYY-MM-DD).")
    until: date | None = Field(None, description="Published on or before (YYYY-MM-DD).")
    speaker: int | None = Field(None, description="A speaker id.")


def _quotes_with_claims(quotes):
    return quotes.prefetch_related(Prefetch("claims", queryset=Claim.objects.order_by("start")))


@router.get("/quotes", response={200: QuotePage, **ERRORS}, tags=["quotes"])
def list_quotes(request: HttpRequest, filters: Query[QuoteFilters]):
    """Quotes, filtered like the export and searched like the search page.

    With ``q`` the best matches come first, else the newest articles.
    """
    _can_read(request)
    raw = {
        "status": filters.status,
        "outlet": filters.outlet,
        "since": filters.since.isoformat() if filters.since else "",
        "until": filters.until.isoformat() if filters.until else "",
        "speaker": "" if filters.speaker is None else str(filters.speaker),
    }
    try:
        chosen = exports.parse_filters(raw)
    except ValidationError as exc:
        raise ApiError(400, " ".join(exc.messages)) from None
    found = search_quotes(
        SearchFilters(
            q=filters.q,
            status=chosen.status or ANY_STATUS,
            outlet=chosen.outlet,
            since=chosen.since,
            until=chosen.until,
            speaker_id=chosen.speaker,
        )
    )
    return paginate(request, _quotes_with_claims(found), filters.page, filters.page_size, quote_out)


@router.get("/quotes/{quote_id}", response={200: QuoteOut, **ERRORS}, tags=["quotes"])
def get_quote(request: HttpRequest, quote_id: int):
    _can_read(request)
    quotes = _quotes_with_claims(Quote.objects.select_related("article", "speaker"))
    return quote_out(get_object_or_404(quotes, pk=quote_id))


class SpeakerFilters(Paging):
    q: str = Field("", max_length=200, description="Part of a name or alias.")


@router.get("/speakers", response={200: SpeakerPage, **ERRORS}, tags=["speakers"])
def list_speakers(request: HttpRequest, filters: Query[SpeakerFilters]):
    """Speakers whose name or an alias contains ``q``, by name."""
    _can_read(request)
    speakers = Speaker.objects.search(filters.q).order_by(Lower("name"), "id")
    return paginate(request, speakers, filters.page, filters.page_size, speaker_out)


@router.get("/speakers/{speaker_id}", response={200: SpeakerDetail, **ERRORS}, tags=["speakers"])
def get_speaker(request: HttpRequest, speaker_id: int):
    _can_read(request)
    speaker = get_object_or_404(Speaker, pk=speaker_id)
    counts = speaker.quotes.aggregate(
        quotes=Count("id"),
        accepted_quotes=Count("id", filter=Q(status=Quote.Status.ACCEPTED)),
        articles=Count("article", distinct=True),
    )
    return {**speaker_out(speaker), **counts}


@router.get("/articles/{article_id}", response={200: ArticleOut, **ERRORS}, tags=["articles"])
def get_article(request: HttpRequest, article_id: int):
    """An article, its text, and every quote in it in text order."""
    _can_read(request)
    article = get_object_or_404(Article, pk=article_id)
    quotes = _quotes_with_claims(
        article.quotes.select_related("speaker")
        .defer("search_vector")
        .order_by("content_start", "id")
    )
    return {
        "id": article.pk,
        "title": article.title,
        "text": article.text,
        "outlet": article.outlet,
        "url": article.url,
        "author": article.author,
        "published": article.published,
        "status": article.status,
        "created_at": article.created_at,
        "quotes": [quote_out(quote, article) for quote in quotes],
    }


def _problems(problems) -> list[dict]:
    return [{"where": p.where or p.file, "reason": p.reason} for p in problems]


@router.post(
    "/articles",
    response={
        **ERRORS,
        200: ImportReportOut,
        201: ImportReportOut,
        413: ErrorOut,
        422: ImportReportOut | ErrorOut,
    },
    tags=["articles"],
)
def import_articles(
    request: HttpRequest, payload: ArticleIn | list[ArticleIn], preannotate: bool = False
):
    """Import one article or a list, in the import format (the JSONL export's lines).

    Same checks and duplicate rules as the import page; each problem names the item.
    201 when at least one article was saved, 200 when all were duplicates, 422 when none
    could be saved. ``?preannotate=1`` queues the new articles for pre-annotation.
    """
    require(request, "annotations.import_articles", "import articles")
    items = payload if isinstance(payload, list) else [payload]
    report = import_objects(
        [item.model_dump(exclude_unset=True) for item in items], by=request.user
    )
    job = None
    if preannotate and report.imported:
        job = job_out(queue_preannotation(report.imported, by=request.user))
    body = {
        "summary": report.summary(),
        "imported": report.imported,
        "duplicates": _problems(report.duplicates),
        "errors": _problems(report.errors),
        "warnings": _problems(report.warnings),
        "job": job,
    }
    status = 201 if report.imported else (422 if report.errors else 200)
    return Status(status, body)


@router.get("/jobs/{job_id}", response={200: JobOut, **ERRORS}, tags=["jobs"])
def get_job(request: HttpRequest, job_id: int):
    """A pre-annotation job's progress (poll until status is done or failed)."""
    _can_read(request)
    return job_out(check_job(get_object_or_404(PreannotationJob, pk=job_id)))
