"""The search page: full-text search over every quote, with filters, live as the editor types."""

from contextlib import contextmanager

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Page, Paginator
from django.db import connection, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.functional import cached_property

from annotations.models import Article, Quote, Speaker
from annotations.search import (
    ANY_STATUS,
    MAX_QUERY_LENGTH,
    SearchFilters,
    search_quotes,
    with_highlights,
)

RESULTS_PER_PAGE = 20
# Counting or ranking every match of a frequent word reads every matching row; past this
# many the page says "more than 10,000", counts no further and ranks the first 10,001 matches
# (on PostgreSQL; see search_quotes).
COUNT_LIMIT = 10_000
SPEAKER_SUGGESTIONS = 10


class ResultPaginator(Paginator):
    """Counts matches up to COUNT_LIMIT + 1 only (``capped`` says when there are more).

    ``matches`` are the same quotes unranked: counting them stops at the limit instead of
    ranking every match first.
    """

    def __init__(self, object_list, per_page, *, matches):
        super().__init__(object_list, per_page)
        self.matches = matches

    @cached_property
    def count(self) -> int:
        return self.matches.order_by().values("pk")[: COUNT_LIMIT + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > COUNT_LIMIT


@contextmanager
def _one_scan_order():
    """On PostgreSQL, the matches in the table's order, the same on every run: the 10,001
    ranked when there are more must be the same ones on every page of results. Parallel
    workers hand rows back in a varying order, and a sequential scan of a large table joins
    one already running mid-table (synchronize_seqscans); one process reading from the start
    stops at the limit just as fast."""
    if connection.vendor != "postgresql":
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL synchronize_seqscans = off"
        )
        yield


def search_page(filters: SearchFilters, number) -> Page:
    """One page of results, as the search page shows it (the count, then 20 highlighted)."""
    ranked = search_quotes(filters, rank_at_most=COUNT_LIMIT + 1)
    matches = search_quotes(filters)
    with _one_scan_order():
        page = ResultPaginator(ranked, RESULTS_PER_PAGE, matches=matches).get_page(number)
        page.object_list = with_highlights(page.object_list)
    return page


def _is_partial(request: HttpRequest) -> bool:
    """An HTMX swap (not the full-page fetch htmx makes to restore its history)."""
    return bool(request.htmx) and not request.htmx.history_restore_request


class QuoteSearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH, label="Search quotes")
    speaker = forms.CharField(required=False, max_length=200, label="Speaker")
    speaker_kind = forms.ChoiceField(
        required=False, choices=[("", "Any"), *Speaker.Kind.choices], label="Speaker kind"
    )
    outlet = forms.CharField(required=False, max_length=200, label="Outlet")
    since = forms.DateField(required=False, label="Published from")
    until = forms.DateField(required=False, label="to")
    kind = forms.ChoiceField(
        required=False, choices=[("", "Any"), *Quote.Kind.choices], label="Kind"
    )
    status = forms.ChoiceField(
        required=False,
        choices=[*Quote.Status.choices, (ANY_STATUS, "Any status")],
        label="Status",
    )
    has_claims = forms.BooleanField(required=False, label="Has claims")

    def __init__(self, data, *args, **kwargs) -> None:
        # Accepted quotes unless the query string asks for another status.
        data = data.copy()
        data.setdefault("status", Quote.Status.ACCEPTED)
        super().__init__(data, *args, **kwargs)

    def clean(self) -> dict:
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", "The end date is before the start date.")
        return cleaned

    def filters(self) -> SearchFilters:
        data = self.cleaned_data
        return SearchFilters(
            q=data["q"],
            speaker=data["speaker"],
            speaker_kind=data["speaker_kind"],
            outlet=data["outlet"],
            since=data["since"],
            until=data["until"],
            kind=data["kind"],
            status=data["status"] or Quote.Status.ACCEPTED,
            has_claims=data["has_claims"],
        )


def _check_permission(request: HttpRequest) -> None:
    if not request.user.has_perm("annotations.view_quote"):
        raise PermissionDenied("Only editors and admins can search quotes.")


def search(request: HttpRequest) -> HttpResponse:
    _check_permission(request)
    form = QuoteSearchForm(request.GET)
    template = "annotations/search.html"
    if _is_partial(request):
        template += "#results"
    if not form.is_valid():
        return render(request, template, _context(form, None), status=400)
    page = search_page(form.filters(), request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, template, _context(form, page, query.urlencode()))


def _context(form: QuoteSearchForm, page, query: str = "") -> dict:
    outlets = (
        Article.objects.exclude(outlet="")
        .order_by("outlet")
        .values_list("outlet", flat=True)
        .distinct()[:500]
    )
    return {
        "form": form,
        "page": page,
        "query": query,
        "outlets": outlets,
        "count_limit": COUNT_LIMIT,
    }


def speaker_suggestions(request: HttpRequest) -> HttpResponse:
    """Names and aliases for the speaker filter's type-ahead (the options of a datalist)."""
    _check_permission(request)
    term = request.GET.get("speaker", "")[:200]
    speakers = (
        Speaker.objects.search(term).order_by("name", "id")[:SPEAKER_SUGGESTIONS]
        if term.strip()
        else []
    )
    names: list[str] = []
    for speaker in speakers:
        for name in (speaker.name, *speaker.aliases):
            if name not in names:
                names.append(name)
    return render(request, "annotations/search.html#speaker_options", {"names": names})
