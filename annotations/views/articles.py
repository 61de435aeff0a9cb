"""The review queue, "next article", and the review page itself."""

import importlib.util
from datetime import date

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from annotations import highlight
from annotations.models import Article, Claim, EditorPreference, Quote

QUEUE_PAGE_SIZE = 50


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def queue_filters(request: HttpRequest) -> dict:
    """The queue's filters from the query string; unknown values are ignored, never errors."""
    get = request.GET
    status = get.get("status", "")
    assignee = get.get("assignee", "")
    return {
        "status": status if status in Article.Status.values else "",
        "outlet": get.get("outlet", "").strip(),
        "published_from": _parse_date(get.get("from")),
        "published_to": _parse_date(get.get("to")),
        "assignee": assignee
        if assignee in ("me", "none") or (assignee.isdecimal() and len(assignee) < 10)
        else "",
    }


def filter_articles(articles, filters: dict, user):
    if filters["outlet"]:
        articles = articles.filter(outlet=filters["outlet"])
    if filters["published_from"]:
        articles = articles.filter(published__gte=filters["published_from"])
    if filters["published_to"]:
        articles = articles.filter(published__lte=filters["published_to"])
    if filters["assignee"] == "me":
        articles = articles.filter(assignee=user)
    elif filters["assignee"] == "none":
        articles = articles.filter(assignee__isnull=True)
    elif filters["assignee"]:
        articles = articles.filter(assignee_id=int(filters["assignee"]))
    return articles


def queue(request: HttpRequest) -> HttpResponse:
    filters = queue_filters(request)
    articles = filter_articles(Article.objects.all(), filters, request.user)
    # Counts per status follow every filter except the status itself, so the tabs add up.
    counts = dict(articles.order_by().values_list("status").annotate(n=Count("id")))
    status_tabs = [(value, label, counts.get(value, 0)) for value, label in Article.Status.choices]
    if filters["status"]:
        articles = articles.filter(status=filters["status"])
    articles = (
        articles.select_related("assignee")
        .defer("text")
        .annotate(
            n_quotes=Count("quotes"),
            n_proposed=Count("quotes", filter=Q(quotes__status=Quote.Status.PROPOSED)),
        )
        .order_by("created_at", "id")
    )
    page = Paginator(articles, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    tab_query = query.copy()
    tab_query.pop("status", None)
    context = {
        "page": page,
        "filters": filters,
        "status_tabs": status_tabs,
        "total": sum(counts.values()),
        "outlets": Article.objects.exclude(outlet="")
        .order_by("outlet")
        .values_list("outlet", flat=True)
        .distinct(),
        "assignees": get_user_model()
        .objects.filter(assigned_articles__isnull=False)
        .distinct()
        .order_by("username"),
        "query": query.urlencode(),
        "tab_query": tab_query.urlencode(),
        "new_count": counts.get(Article.Status.NEW, 0) if not filters["status"] else None,
    }
    if request.user.has_perm("annotations.assign_articles"):
        from annotations.stats import editor_progress
        from annotations.views.assignments import assignable_editors

        context["can_assign"] = True
        context["editors"] = assignable_editors()
        context["progress"] = editor_progress()
        context["here"] = request.get_full_path()
    return render(request, "annotations/queue.html", context)


@require_POST
def preannotate_new(request: HttpRequest) -> HttpResponse:
    """Queue every new article for the background workers and show the job's progress."""
    from annotations.tasks import queue_preannotation

    ids = list(Article.objects.filter(status=Article.Status.NEW).values_list("id", flat=True))
    if not ids:
        messages.info(request, "There are no new articles to pre-annotate.")
        return redirect("annotations:queue")
    job = queue_preannotation(ids, by=request.user)
    return redirect("annotations:job_progress", job.pk)


def next_unreviewed(user) -> Article | None:
    """The oldest article not yet reviewed that is mine or nobody's, now assigned to me."""
    candidates = (
        Article.objects.exclude(status=Article.Status.REVIEWED)
        .filter(Q(assignee=user) | Q(assignee__isnull=True))
        .order_by("created_at", "id")
        .only("id", "assignee_id")
    )
    for article in candidates[:20]:
        # A conditional update, so two editors pressing "next" never take the same article.
        if article.assignee_id is None and not Article.objects.filter(
            pk=article.pk, assignee__isnull=True
        ).update(assignee=user):
            continue
        article = Article.objects.get(pk=article.pk)
        article.start_review(user)
        return article
    return None


@require_POST
def next_article(request: HttpRequest) -> HttpResponse:
    article = next_unreviewed(request.user)
    if article is None:
        messages.info(request, "Nothing left to review: every article is reviewed or taken.")
        url = reverse("annotations:queue")
    else:
        url = reverse("annotations:review", args=[article.pk])
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def preannotator_available() -> bool:
    """The pre-annotator module is optional while it is being built."""
    try:
        return importlib.util.find_spec("annotations.preannotation") is not None
    except ImportError:
        return False


def article_quotes(article: Article, quote_id: int | None = None) -> list[Quote]:
    """The article's quotes (or just one) in text order, with speakers and claims.

    Three queries however many quotes there are.
    """
    quotes = article.quotes.all() if quote_id is None else article.quotes.filter(pk=quote_id)
    quotes = list(
        quotes.select_related("speaker")
        .prefetch_related(Prefetch("claims", queryset=Claim.objects.order_by("start", "id")))
        .order_by("content_start", "content_end", "id")
    )
    for quote in quotes:
        quote.article = article  # the text is already loaded: no query per quote
    return quotes


def review_counts(article: Article, threshold: float, quotes: list[Quote] | None = None) -> dict:
    """Proposed, accepted and rejected quotes, and the proposals at or above ``threshold``.

    Counted from ``quotes`` when the page has them all, else in one query.
    """
    if quotes is None:
        proposed = Q(status=Quote.Status.PROPOSED)
        return article.quotes.aggregate(
            **{status: Count("id", filter=Q(status=status)) for status in Quote.Status.values},
            confident=Count("id", filter=proposed & Q(confidence__gte=threshold)),
        )
    counts = dict.fromkeys([*Quote.Status.values, "confident"], 0)
    for quote in quotes:
        counts[quote.status] += 1
        confidence = quote.confidence
        if (
            quote.status == Quote.Status.PROPOSED
            and confidence is not None
            and confidence >= threshold
        ):
            counts["confident"] += 1
    return counts


def _page_context(request: HttpRequest, article: Article, threshold: float) -> dict:
    return {
        "article": article,
        "kinds": Quote.Kind.choices,
        "verdicts": Claim.Verdict.choices,
        "claim_statuses": Claim.Status.choices,
        "can_reopen": request.user.has_perm("annotations.reopen_article"),
        "read_only": article.status == Article.Status.REVIEWED,
        "threshold": threshold,
        "can_preannotate": article.status == Article.Status.NEW and preannotator_available(),
        "message": "",
        "message_level": "",
    }


def review_context(request: HttpRequest, article: Article, **extra) -> dict:
    """Everything the review page shows."""
    quotes = article_quotes(article)
    threshold = EditorPreference.accept_threshold_for(request.user)
    context = _page_context(request, article, threshold)
    paragraphs = highlight.paragraphs(article.text, quotes)
    context.update(
        quotes=quotes,
        paragraphs=paragraphs,
        article_html=highlight.paragraphs_html(paragraphs),
        text_length=len(article.text),
        counts=review_counts(article, threshold, quotes),
    )
    context.update(extra)
    return context


def card_context(request: HttpRequest, article: Article, quote_id: int, **extra) -> dict:
    """What a decision on one quote changes: its card and the counters, not the whole page."""
    threshold = EditorPreference.accept_threshold_for(request.user)
    context = _page_context(request, article, threshold)
    context.update(
        quotes=article_quotes(article, quote_id),
        counts=review_counts(article, threshold),
    )
    context.update(extra)
    return context


def review(request: HttpRequest, article_id: int) -> HttpResponse:
    article = get_object_or_404(
        Article.objects.select_related("assignee", "reviewed_by"), pk=article_id
    )
    return render(request, "annotations/review.html", review_context(request, article))
