"""The review page's actions: every decision is one HTMX POST returning the partials it changes.

Responses are out-of-band partials (the requests use ``hx-swap="none"``): the quote card or
the whole list, the highlighted text, the status bar and the message line. Errors come back
with a 4xx status and the same partials, showing the current state and a message that names
the problem; nothing is saved then.
"""

import functools
import math
import uuid
from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET, require_POST

from annotations.models import (
    AlreadyReviewed,
    Article,
    Claim,
    EditorPreference,
    Quote,
    Speaker,
    StaleVersion,
)
from annotations.spans import snap_to_words

from .articles import card_context, preannotator_available, review_context

UNDO_REASON = "undo:"
BATCH_REASON = "batch:"


class ActionError(Exception):
    """A request the page cannot carry out, with the message to show and its HTTP status."""

    def __init__(self, message: str, status: int = 400, quote: Quote | None = None):
        super().__init__(message)
        self.message = message
        self.status = status
        self.quote = quote


# --- reading the request ------------------------------------------------------------------


def _int(request: HttpRequest, name: str, *, required: bool = True) -> int | None:
    value = request.POST.get(name, "").strip()
    if not value:
        if required:
            raise ActionError(f"The request is missing “{name}”.")
        return None
    if not (value.lstrip("-").isdecimal() and len(value) < 10):
        raise ActionError(f"“{name}” must be a whole number, got “{value[:40]}”.")
    return int(value)


def _selection(request: HttpRequest, article: Article) -> tuple[int, int]:
    """The selected ``[start, end)``, snapped to whole words; refuses empty selections."""
    start, end = _int(request, "start"), _int(request, "end")
    if start < 0 or end > len(article.text) or start >= end:
        raise ActionError(
            f"The selection [{start}, {end}) is not inside the article text "
            f"(valid offsets are 0 to {len(article.text)}, start before end)."
        )
    start, end = snap_to_words(article.text, start, end)
    if start >= end:
        raise ActionError("The selection holds only spaces: select some words.")
    return start, end


def _check_open(article: Article) -> None:
    """A reviewed article is settled: changing it needs an admin to reopen it first."""
    if article.status == Article.Status.REVIEWED:
        raise ActionError(
            "This article is marked reviewed: an admin must reopen it before anything changes.",
            409,
        )


def _quote(quote_id: int) -> Quote:
    try:
        quote = Quote.objects.select_related("article__assignee").get(pk=quote_id)
    except Quote.DoesNotExist:
        raise ActionError(
            f"Quote {quote_id} does not exist (it may have been deleted).", 404
        ) from None
    _check_open(quote.article)
    return quote


def _article(article_id: int, *, editable: bool = False) -> Article:
    try:
        article = Article.objects.get(pk=article_id)
    except Article.DoesNotExist:
        raise ActionError(f"Article {article_id} does not exist.", 404) from None
    if editable:
        _check_open(article)
    return article


def _validation_message(exc: ValidationError) -> str:
    if hasattr(exc, "message_dict"):
        return " ".join(m for msgs in exc.message_dict.values() for m in msgs)
    return " ".join(exc.messages)


# --- responding -----------------------------------------------------------------------------


def respond(
    request: HttpRequest,
    article: Article,
    parts: list[str],
    *,
    message: str = "",
    level: str = "success",
    status: int = 200,
    quote_id: int | None = None,
) -> HttpResponse:
    """Render the changed partials out of band, or go back to the page without HTMX."""
    if not request.htmx:
        if message:
            messages.add_message(
                request, messages.ERROR if status >= 400 else messages.SUCCESS, message
            )
        return redirect("annotations:review", article.pk)
    extra = {"message": message, "message_level": level, "oob": True, "select_quote": quote_id}
    if quote_id is not None and set(parts) <= set(CARD_ONLY):
        # A decision on one quote: its card and the counters, nothing else is re-rendered.
        context = card_context(request, article, quote_id, **extra)
    else:
        context = review_context(request, article, **extra)
    html = [render_to_string("annotations/review.html#message", context, request)]
    for part in parts:
        if part == "quote_card":
            quote = next((q for q in context["quotes"] if q.pk == quote_id), None)
            if quote is None:
                continue
            html.append(
                render_to_string(
                    "annotations/review.html#quote_card",
                    {**context, "quote": quote, "card_oob": True},
                    request,
                )
            )
        else:
            html.append(render_to_string(f"annotations/review.html#{part}", context, request))
    return HttpResponse("".join(html), status=status)


def review_action(parts: list[str]) -> Callable:
    """Decorate an action: POST only, editors only, and every failure a clear 4xx.

    The action returns ``(article, message, quote_id)``; the decorator renders ``parts``.
    """

    def decorator(action):
        @require_POST
        @functools.wraps(action)
        def view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not request.user.has_perm("annotations.change_quote"):
                return HttpResponse("Only editors can review quotes.", status=403)
            try:
                article, message, quote_id = action(request, *args, **kwargs)
            except ActionError as exc:
                quote = exc.quote
                article = quote.article if quote else _article_of(kwargs)
                if article is None:
                    return HttpResponse(exc.message, status=exc.status)
                parts_now = ["quote_list", "article_text", "status_bar"] if quote else []
                return respond(
                    request,
                    article,
                    parts_now,
                    message=exc.message,
                    level="error",
                    status=exc.status,
                )
            return respond(request, article, parts, message=message, quote_id=quote_id)

        return view

    return decorator


def _article_of(kwargs: dict) -> Article | None:
    """The article an error belongs to, to re-render its page (None if it is gone)."""
    if "article_id" in kwargs:
        return Article.objects.filter(pk=kwargs["article_id"]).first()
    if "quote_id" in kwargs:
        quote = Quote.objects.select_related("article").filter(pk=kwargs["quote_id"]).first()
        return quote.article if quote else None
    if "claim_id" in kwargs:
        claim = Claim.objects.select_related("quote__article").filter(pk=kwargs["claim_id"])
        claim = claim.first()
        return claim.quote.article if claim else None
    return None


def _change(quote: Quote, request: HttpRequest, **changes) -> None:
    """``Quote.change`` with the version from the form, every refusal turned into a message."""
    version = _int(request, "version")
    try:
        quote.change(request.user, version, **changes)
    except StaleVersion as exc:
        raise ActionError(str(exc), 409, quote=exc.current) from None
    except ValidationError as exc:
        raise ActionError(_validation_message(exc), 400, quote=quote) from None
    except IntegrityError:
        raise ActionError(
            "Another accepted quote already has this content span: reject one of the two.",
            409,
            quote=quote,
        ) from None
    quote.article.start_review(request.user)


# --- one quote ------------------------------------------------------------------------------

# What each kind of action re-renders. Status and kind changes recolour the text in the
# browser (review.js reads each card's status); span and claim changes redraw the text.
CARD_ONLY = ["quote_card", "status_bar"]
CARD = ["quote_card", "article_text", "status_bar"]
LIST = ["quote_list", "article_text", "status_bar"]


@review_action(CARD_ONLY)
def accept(request: HttpRequest, quote_id: int):
    quote = _quote(quote_id)
    _change(quote, request, status=Quote.Status.ACCEPTED)
    return quote.article, "Accepted.", quote.pk


@review_action(CARD_ONLY)
def reject(request: HttpRequest, quote_id: int):
    quote = _quote(quote_id)
    _change(quote, request, status=Quote.Status.REJECTED)
    return quote.article, "Rejected.", quote.pk


@review_action(CARD_ONLY)
def set_kind(request: HttpRequest, quote_id: int):
    quote = _quote(quote_id)
    kind = request.POST.get("kind", "")
    if kind not in Quote.Kind.values:
        raise ActionError(
            f"Unknown kind “{kind[:40]}”: choose one of {', '.join(Quote.Kind.values)}."
        )
    _change(quote, request, kind=kind)
    return quote.article, f"Kind set to {quote.get_kind_display().lower()}.", quote.pk


@review_action(CARD_ONLY)
def set_speaker(request: HttpRequest, quote_id: int):
    """Link an existing speaker (``speaker``) or create one inline (``name`` and ``kind``)."""
    quote = _quote(quote_id)
    speaker_id = _int(request, "speaker", required=False)
    # One transaction: a refused change (stale version) leaves no new speaker behind.
    with transaction.atomic():
        if speaker_id is not None:
            speaker = Speaker.objects.filter(pk=speaker_id).first()
            if speaker is None:
                raise ActionError(f"Speaker {speaker_id} does not exist.", 404, quote=quote)
            created = False
        else:
            speaker, created = _find_or_create_speaker(request, quote)
        _change(quote, request, speaker=speaker)
    verb = "Created and linked" if created else "Linked"
    return quote.article, f"{verb} speaker {speaker.name}.", quote.pk


def _find_or_create_speaker(request: HttpRequest, quote: Quote) -> tuple[Speaker, bool]:
    name = " ".join(request.POST.get("name", "").split())
    if not name:
        raise ActionError("Type a speaker's name, or pick one from the list.")
    if len(name) > 300:
        raise ActionError("A speaker's name can be at most 300 characters.")
    existing = Speaker.objects.find(name)
    if existing is not None:
        return existing, False
    kind = request.POST.get("kind") or Speaker.Kind.PERSON
    if kind not in Speaker.Kind.values:
        raise ActionError(f"Unknown speaker kind “{kind[:40]}”.")
    if not request.user.has_perm("annotations.add_speaker"):
        raise ActionError("You may not create speakers.", 403)
    speaker = Speaker(name=name, kind=kind)
    try:
        speaker.full_clean()
    except ValidationError as exc:
        raise ActionError(_validation_message(exc), quote=quote) from None
    speaker._history_user = request.user
    speaker.save()
    return speaker, True


@require_GET
def speaker_search(request: HttpRequest) -> HttpResponse:
    """Type-ahead over speakers' names and aliases, for one quote's speaker picker."""
    term = " ".join(request.GET.get("q", "").split())[:100]
    quote_id, version = request.GET.get("quote", ""), request.GET.get("version", "")
    if not all(v.isdecimal() and len(v) < 10 for v in (quote_id, version)):
        return HttpResponse("The speaker search needs the quote and its version.", status=400)
    speakers = Speaker.objects.search(term).order_by("name", "id")[:8] if term else []
    context = {
        "speakers": speakers,
        "term": term,
        "quote_id": int(quote_id),
        "version": int(version),
        "speaker_kinds": Speaker.Kind,
    }
    return render(request, "annotations/review.html#speaker_options", context)


SPAN_FIELDS = {"content": "content", "cue": "cue", "speaker_mention": "speaker mention"}


@review_action(LIST)
def set_span(request: HttpRequest, quote_id: int):
    """Fix the content, cue or speaker mention to the selected text."""
    quote = _quote(quote_id)
    field = request.POST.get("field", "")
    if field not in SPAN_FIELDS:
        raise ActionError(
            f"Unknown span “{field[:40]}”: choose content, cue or speaker_mention.", quote=quote
        )
    start, end = _selection(request, quote.article)
    if field == "content":
        fragments = quote.fragments
        touched = [f for f in fragments if f[0] < end and start < f[1]]
        if len(fragments) > 1 and not touched:
            raise ActionError(
                "This quote has several fragments: select text overlapping the one to fix, "
                "or use “Add fragment”.",
                quote=quote,
            )
        kept = [f for f in fragments if f not in touched]
        _change(quote, request, content_fragments=sorted([*kept, (start, end)]))
    else:
        _change(quote, request, **{field: (start, end)})
    return quote.article, f"{SPAN_FIELDS[field].capitalize()} set to [{start}, {end}).", quote.pk


@review_action(LIST)
def clear_span(request: HttpRequest, quote_id: int):
    quote = _quote(quote_id)
    field = request.POST.get("field", "")
    if field not in ("cue", "speaker_mention"):
        raise ActionError("Only the cue or the speaker mention can be cleared.", quote=quote)
    _change(quote, request, **{field: None})
    return quote.article, f"{SPAN_FIELDS[field].capitalize()} cleared.", quote.pk


@review_action(LIST)
def add_fragment(request: HttpRequest, quote_id: int):
    quote = _quote(quote_id)
    start, end = _selection(request, quote.article)
    _change(quote, request, content_fragments=sorted([*quote.fragments, (start, end)]))
    return quote.article, f"Fragment [{start}, {end}) added.", quote.pk


@review_action(LIST)
def remove_fragment(request: HttpRequest, quote_id: int):
    quote = _quote(quote_id)
    index = _int(request, "fragment")
    fragments = quote.fragments
    if not 0 <= index < len(fragments):
        raise ActionError(f"This quote has no fragment number {index}.", quote=quote)
    if len(fragments) == 1:
        raise ActionError(
            "A quote needs at least one fragment: reject or delete the quote instead.",
            quote=quote,
        )
    del fragments[index]
    _change(quote, request, content_fragments=fragments)
    return quote.article, "Fragment removed.", quote.pk


@review_action(LIST)
def add_quote(request: HttpRequest, article_id: int):
    """An editor's own quote from selected text: accepted, since the editor made it."""
    article = _article(article_id, editable=True)
    start, end = _selection(request, article)
    kind = request.POST.get("kind") or Quote.Kind.DIRECT
    if kind not in Quote.Kind.values:
        raise ActionError(f"Unknown kind “{kind[:40]}”.")
    quote = Quote(
        article=article,
        kind=kind,
        status=Quote.Status.ACCEPTED,
        origin=Quote.Origin.EDITOR,
        reviewed_by=request.user,
    )
    try:
        quote.set_spans([(start, end)])
        with transaction.atomic():
            quote._history_user = request.user
            quote.save()
    except ValidationError as exc:
        raise ActionError(_validation_message(exc)) from None
    except IntegrityError:
        raise ActionError(
            f"An accepted quote already has the content [{start}, {end}).", 409
        ) from None
    article.start_review(request.user)
    return article, f"Quote added at [{start}, {end}): now set its cue and speaker.", quote.pk


def _created_by(quote: Quote):
    first = quote.history.order_by("history_date", "history_id").first()
    return first.history_user_id if first else None


@review_action(LIST)
def delete_quote(request: HttpRequest, quote_id: int):
    quote = _quote(quote_id)
    if quote.origin != Quote.Origin.EDITOR:
        raise ActionError(
            "Only quotes an editor added can be deleted; reject a model proposal instead.",
            403,
            quote=quote,
        )
    if not (
        request.user.has_perm("annotations.delete_quote") or _created_by(quote) == request.user.pk
    ):
        raise ActionError("Only admins can delete a quote another editor added.", 403, quote=quote)
    version = _int(request, "version")
    if version != quote.version:
        raise ActionError(StaleVersion(quote).args[0], 409, quote=quote)
    article = quote.article
    quote._history_user = request.user
    quote.delete()
    return article, "Quote deleted.", None


# --- claims ---------------------------------------------------------------------------------


@review_action(CARD)
def add_claim(request: HttpRequest, quote_id: int):
    quote = _quote(quote_id)
    start, end = _selection(request, quote.article)
    claim = Claim(quote=quote, start=start, end=end, status=Claim.Status.ACCEPTED, origin="editor")
    try:
        claim.full_clean()
    except ValidationError as exc:
        raise ActionError(_validation_message(exc), quote=quote) from None
    claim._history_user = request.user
    claim.save()
    return quote.article, f"Claim marked at [{start}, {end}).", quote.pk


def _claim(claim_id: int) -> Claim:
    claim = Claim.objects.select_related("quote__article").filter(pk=claim_id).first()
    if claim is None:
        raise ActionError(f"Claim {claim_id} does not exist (it may have been deleted).", 404)
    _check_open(claim.quote.article)
    return claim


@review_action(CARD)
def update_claim(request: HttpRequest, claim_id: int):
    claim = _claim(claim_id)
    verdict = request.POST.get("verdict", claim.verdict)
    status = request.POST.get("status", claim.status)
    if verdict not in Claim.Verdict.values:
        raise ActionError(f"Unknown verdict “{verdict[:40]}”.", quote=claim.quote)
    if status not in Claim.Status.values:
        raise ActionError(f"Unknown claim status “{status[:40]}”.", quote=claim.quote)
    claim.verdict = verdict
    claim.status = status
    claim.note = request.POST.get("note", claim.note)[:5000]
    claim._history_user = request.user
    claim.save()
    return claim.quote.article, "Claim saved.", claim.quote_id


@review_action(CARD)
def delete_claim(request: HttpRequest, claim_id: int):
    claim = _claim(claim_id)
    quote = claim.quote
    claim._history_user = request.user
    claim.delete()
    return quote.article, "Claim removed.", quote.pk


# --- the whole article ----------------------------------------------------------------------


@review_action(LIST)
def accept_all(request: HttpRequest, article_id: int):
    """Accept every remaining proposal; one undo takes the whole batch back."""
    article = _article(article_id, editable=True)
    batch = f"{BATCH_REASON}{uuid.uuid4().hex}"
    accepted = 0
    try:
        with transaction.atomic():
            for quote in article.quotes.filter(status=Quote.Status.PROPOSED):
                quote.article = article
                quote._change_reason = batch
                quote.accept(request.user)
                accepted += 1
    except IntegrityError:
        raise ActionError(
            "Two proposals share one content span: reject one of them first, then accept all.",
            409,
        ) from None
    except StaleVersion as exc:
        # Someone decided one of them meanwhile; the whole batch was rolled back.
        raise ActionError(
            f"{exc} Nothing was accepted: look at the current state, then accept all again.",
            409,
            quote=exc.current,
        ) from None
    article.start_review(request.user)
    return article, f"Accepted {accepted} remaining proposal{'s' * (accepted != 1)}.", None


def _threshold(request: HttpRequest) -> float | None:
    """The confidence threshold the editor typed, if any: a number from 0 to 1."""
    value = request.POST.get("threshold", "").strip()
    if not value:
        return None
    try:
        threshold = float(value)
    except ValueError:
        threshold = math.nan
    if not (math.isfinite(threshold) and 0 <= threshold <= 1):
        raise ActionError(
            f"The confidence threshold must be a number from 0 to 1, got “{value[:40]}”."
        )
    return threshold


@review_action(LIST)
def accept_confident(request: HttpRequest, article_id: int):
    """Accept every proposal at or above the editor's threshold; one undo takes them back.

    A threshold sent with the request becomes the editor's remembered one (default 0.9).
    """
    article = _article(article_id, editable=True)
    threshold = _threshold(request)
    if threshold is None:
        threshold = EditorPreference.accept_threshold_for(request.user)
    else:
        EditorPreference.remember_accept_threshold(request.user, threshold)
    batch = f"{BATCH_REASON}{uuid.uuid4().hex}"
    accepted = 0
    try:
        with transaction.atomic():
            proposals = article.quotes.filter(
                status=Quote.Status.PROPOSED, confidence__gte=threshold
            )
            for quote in proposals.select_for_update().order_by("content_start", "id"):
                quote.article = article
                quote._change_reason = batch
                quote.accept(request.user)
                accepted += 1
    except StaleVersion as exc:
        raise ActionError(
            f"{exc} Nothing was accepted: look at the current state, then try again.",
            409,
            quote=exc.current,
        ) from None
    except IntegrityError:
        raise ActionError(
            "Two proposals share one content span: reject one of them first, then try again.",
            409,
        ) from None
    if accepted:
        article.start_review(request.user)
    left = article.quotes.filter(status=Quote.Status.PROPOSED).count()
    return (
        article,
        f"Accepted {accepted} proposal{'s' * (accepted != 1)} at or above confidence "
        f"{threshold:.2f}; {left} left to decide{' (undo with u)' if accepted else ''}.",
        None,
    )


@review_action(["status_bar", "quote_list", "article_text", "selection_bar"])
def mark_reviewed(request: HttpRequest, article_id: int):
    article = _article(article_id, editable=True)
    try:
        article.mark_reviewed(request.user)
    except AlreadyReviewed as exc:
        raise ActionError(str(exc), 409) from None
    except ValidationError as exc:
        raise ActionError(_validation_message(exc)) from None
    return article, "Article marked reviewed.", None


@review_action(["status_bar", "quote_list", "article_text", "selection_bar"])
def reopen(request: HttpRequest, article_id: int):
    article = _article(article_id)
    try:
        article.reopen(request.user)
    except PermissionError as exc:
        raise ActionError(str(exc), 403) from None
    return article, "Article reopened for review.", None


@review_action(LIST)
def preannotate(request: HttpRequest, article_id: int):
    article = _article(article_id)
    if not preannotator_available():
        raise ActionError("The pre-annotator is not installed yet.", 400)
    if article.status != Article.Status.NEW:
        raise ActionError("Only new articles are pre-annotated from this page.", 409)
    from collections import Counter

    from annotations.preannotation import preannotate_article

    stats: Counter = Counter()
    added = preannotate_article(article, stats)
    article.refresh_from_db()
    if stats["reviewed"]:
        raise ActionError(
            "Someone marked this article reviewed meanwhile: nothing was added to it.", 409
        )
    return article, f"Pre-annotated: {added} proposal{'s' * (added != 1)} added.", None


# --- undo -----------------------------------------------------------------------------------


def last_action(article: Article, user) -> list:
    """The history records of this editor's last change in the article not yet undone.

    A change is one quote's record, or every record of one "accept all" batch.
    """
    records = list(
        Quote.history.filter(article_id=article.pk, history_user=user).order_by(
            "-history_date", "-history_id"
        )[:200]
    )
    undone = {
        int(r.history_change_reason.removeprefix(UNDO_REASON))
        for r in records
        if (r.history_change_reason or "").startswith(UNDO_REASON)
    }
    for record in records:
        reason = record.history_change_reason or ""
        if reason.startswith(UNDO_REASON) or record.history_id in undone:
            continue
        if reason.startswith(BATCH_REASON):
            return [r for r in records if r.history_change_reason == reason]
        return [record]
    return []


def _undo_record(record, user) -> None:
    """Put the quote back as it was before ``record``, unless someone else changed it since."""
    history = Quote.history.model
    later = history.objects.filter(id=record.id, history_id__gt=record.history_id)
    if later.exclude(history_user=user).exists():
        raise ActionError(
            "Someone else changed this quote after you: undo refused, nothing was changed.", 409
        )
    reason = f"{UNDO_REASON}{record.history_id}"
    current = Quote.objects.filter(pk=record.id).first()
    if record.history_type == "+":
        if current is not None:
            current._history_user = user
            current._change_reason = reason
            current.delete()
        return
    previous = (
        history.objects.filter(id=record.id, history_id__lt=record.history_id)
        .order_by("-history_id")
        .first()
    )
    if previous is None:
        raise ActionError("There is no earlier state of this quote to go back to.", 409)
    restored = previous.instance
    restored.version = (current.version if current else record.version) + 1
    restored._history_user = user
    restored._change_reason = reason
    restored.save()


@review_action(LIST)
def undo(request: HttpRequest, article_id: int):
    article = _article(article_id, editable=True)
    records = last_action(article, request.user)
    if not records:
        raise ActionError("Nothing to undo: you have not changed a quote in this article.")
    try:
        with transaction.atomic():
            for record in records:
                _undo_record(record, request.user)
    except IntegrityError:
        raise ActionError(
            "Undo would leave two accepted quotes with the same content span: reject one first.",
            409,
        ) from None
    what = "accept all" if len(records) > 1 else "your last change"
    return article, f"Undid {what}.", records[0].id
