"""Speakers: search them, read each one's quotes across articles, edit them, merge duplicates."""

from django import forms
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, F
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from annotations.models import Quote, Speaker, speaker_quote_counts
from annotations.search import (
    ANY_STATUS,
    MAX_QUERY_LENGTH,
    SearchFilters,
    search_quotes,
    with_highlights,
)

SPEAKERS_PER_PAGE = 50
QUOTES_PER_PAGE = 50
HISTORY_SHOWN = 20
MERGE_CANDIDATES_SHOWN = 10


def _is_partial(request: HttpRequest) -> bool:
    """An HTMX swap (not the full-page fetch htmx makes to restore its history)."""
    return bool(request.htmx) and not request.htmx.history_restore_request


class SpeakerSearchForm(forms.Form):
    q = forms.CharField(required=False, max_length=200, label="Name or alias")
    kind = forms.ChoiceField(
        required=False, choices=[("", "Any kind"), *Speaker.Kind.choices], label="Kind"
    )
    sort = forms.ChoiceField(
        required=False, choices=[("name", "Name"), ("quotes", "Most quotes")], label="Sort by"
    )
    # Junk speakers (a mention the pre-annotator misread, a typo) have no accepted quote:
    # hidden unless asked for, so the list reads as the newsroom's sources.
    SHOW_DEFAULT = "quoted"
    show = forms.ChoiceField(
        required=False,
        choices=[
            ("quoted", "With accepted quotes"),
            ("unquoted", "No accepted quotes"),
            ("all", "All speakers"),
        ],
        label="Show",
    )


class SpeakerForm(forms.ModelForm):
    aliases = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="One name per line, as the news writes it.",
    )
    # The speaker's updated_at when the form was opened: a save on top of someone else's
    # newer change is refused instead of silently overwriting it.
    loaded_version = forms.CharField(required=False, widget=forms.HiddenInput)

    class Meta:
        model = Speaker
        fields = ["name", "kind", "role", "organization", "aliases"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["aliases"] = "\n".join(self.instance.aliases or [])
            self.initial["loaded_version"] = speaker_version(self.instance)

    def clean_aliases(self) -> list[str]:
        lines = self.cleaned_data["aliases"].splitlines()
        return [" ".join(line.split()) for line in lines if line.strip()]

    def clean_name(self) -> str:
        name = self.cleaned_data["name"]
        other = Speaker.objects.exclude(pk=self.instance.pk).find(name)
        if other is not None:
            raise ValidationError(
                f"Another speaker, “{other.name}” (#{other.pk}), already has this name or "
                "alias. Merge the two speakers instead of renaming this one."
            )
        return name

    def clean(self) -> dict:
        cleaned = super().clean()
        current = speaker_version(self.instance)
        if not self.errors and cleaned.get("loaded_version") != current:
            # Keep the editor's input; the next save (now against the current version)
            # replaces the other change knowingly.
            self.data = self.data.copy()
            self.data["loaded_version"] = current
            raise ValidationError(self.conflict_message(), code="stale")
        return cleaned

    def conflict_message(self) -> str:
        speaker = self.instance
        latest = speaker.history.select_related("history_user").first()
        who = getattr(latest and latest.history_user, "username", None) or "Someone"
        now = "; ".join(
            f"{label} “{value}”"
            for label, value in (
                ("name", speaker.name),
                ("kind", speaker.get_kind_display()),
                ("role", speaker.role),
                ("organization", speaker.organization),
                ("aliases", ", ".join(speaker.aliases)),
            )
            if value
        )
        return (
            f"{who} changed this speaker after you opened the form, so your changes were not "
            f"saved. It now reads: {now}. Your edits are still in the form: save again to "
            "replace that version."
        )


def speaker_version(speaker: Speaker) -> str:
    return speaker.updated_at.isoformat() if speaker.updated_at else ""


def _count_quotes(speakers) -> list[Speaker]:
    """Set accepted_quotes and all_quotes on one page of speakers, in one query.

    Counting for the page only (not annotating every speaker before paginating) keeps the
    list fast however many speakers and quotes there are.
    """
    speakers = list(speakers)
    counts = {
        row["speaker"]: row
        for row in Quote.objects.filter(speaker__in=speakers)
        .order_by()
        .values("speaker")
        .annotate(**speaker_quote_counts())
    }
    for speaker in speakers:
        row = counts.get(speaker.pk, {})
        speaker.accepted_quotes = row.get("accepted_quotes", 0)
        speaker.all_quotes = row.get("all_quotes", 0)
    return speakers


def speakers(request: HttpRequest) -> HttpResponse:
    form = SpeakerSearchForm(request.GET)
    if not form.is_valid():
        context = {"form": form, "page": None}
        return render(request, "annotations/speakers.html", context, status=400)
    found = Speaker.objects.search(form.cleaned_data["q"])
    if form.cleaned_data["kind"]:
        found = found.filter(kind=form.cleaned_data["kind"])
    show = form.cleaned_data["show"] or SpeakerSearchForm.SHOW_DEFAULT
    if show != "all":
        found = found.with_accepted_quotes(present=show == "quoted")
    if form.cleaned_data["sort"] == "quotes":
        found = found.annotate(**speaker_quote_counts("quotes__")).order_by(
            "-accepted_quotes", "-all_quotes", Lower("name"), "id"
        )
    else:
        found = found.order_by(Lower("name"), "id")
    page = Paginator(found, SPEAKERS_PER_PAGE).get_page(request.GET.get("page"))
    if form.cleaned_data["sort"] != "quotes":
        page.object_list = _count_quotes(page.object_list)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "show": show,
        "can_delete": request.user.has_perm("annotations.delete_speaker"),
    }
    template = "annotations/speakers.html"
    return render(request, template + "#results" if _is_partial(request) else template, context)


def _history(speaker: Speaker) -> list[dict]:
    """The speaker's latest changes, newest first, each with what changed."""
    records = list(speaker.history.select_related("history_user")[: HISTORY_SHOWN + 1])
    entries = []
    for i, record in enumerate(records):
        older = records[i + 1] if i + 1 < len(records) else None
        changes = []
        if older is not None and record.history_type == "~":
            delta = record.diff_against(older, included_fields=SpeakerForm.Meta.fields)
            for change in delta.changes:
                old, new = change.old, change.new
                if change.field == "aliases":
                    old, new = ", ".join(old or []) or "—", ", ".join(new or []) or "—"
                changes.append({"field": change.field, "old": old or "—", "new": new or "—"})
        entries.append({"record": record, "changes": changes})
    return entries[:HISTORY_SHOWN]


def _speaker_context(request: HttpRequest, speaker: Speaker, form=None) -> dict:
    q = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    if q:
        # The search box over this speaker's quotes: full-text, best match first.
        quotes = search_quotes(SearchFilters(q=q, speaker_id=speaker.pk, status=ANY_STATUS))
    else:
        quotes = speaker.quotes.select_related("article").order_by(
            F("article__published").desc(nulls_last=True), "-article_id", "content_start", "id"
        )
    page = Paginator(quotes, QUOTES_PER_PAGE).get_page(request.GET.get("page"))
    if q:
        page.object_list = with_highlights(page.object_list)
    counts = speaker.quotes.aggregate(
        **speaker_quote_counts(), articles=Count("article", distinct=True)
    )
    return {
        "speaker": speaker,
        "page": page,
        "q": q,
        "counts": counts,
        "history": _history(speaker),
        "form": form,
        "can_edit": request.user.has_perm("annotations.change_speaker"),
        "can_merge": request.user.has_perm("annotations.merge_speakers"),
        "can_delete": request.user.has_perm("annotations.delete_speaker")
        and not counts["all_quotes"],
    }


def speaker(request: HttpRequest, speaker_id: int) -> HttpResponse:
    speaker = get_object_or_404(Speaker, pk=speaker_id)
    template = "annotations/speaker.html"
    merge = _merge_candidates(request, speaker) if "merge_q" in request.GET else {}
    if _is_partial(request) and merge:
        return render(request, template + "#merge_candidates", {"speaker": speaker, **merge})
    context = _speaker_context(request, speaker)
    if _is_partial(request):
        return render(request, template + "#quotes", context)
    return render(request, template, {**context, **merge})


def _merge_candidates(request: HttpRequest, speaker: Speaker) -> dict:
    """Speakers that could be folded into ``speaker``, for the admins' merge search."""
    term = request.GET.get("merge_q", "")[:200]
    candidates = (
        Speaker.objects.search(term)
        .exclude(pk=speaker.pk)
        .annotate(quote_count=Count("quotes"))
        .order_by(Lower("name"), "id")[:MERGE_CANDIDATES_SHOWN]
        if term.strip()
        else []
    )
    return {"candidates": candidates, "merge_q": term}


def _refused(
    request: HttpRequest, message: str, status: int, speaker: Speaker | None = None
) -> HttpResponse:
    """A clear page saying what was not done and why."""
    context = {"message": message, "speaker": speaker}
    return render(request, "annotations/speaker_error.html", context, status=status)


@require_http_methods(["GET", "POST"])
def speaker_edit(request: HttpRequest, speaker_id: int) -> HttpResponse:
    speaker = get_object_or_404(Speaker, pk=speaker_id)
    if not request.user.has_perm("annotations.change_speaker"):
        return _refused(request, "You do not have permission to edit speakers.", 403, speaker)
    template = "annotations/speaker.html"
    if request.method == "GET":
        form = SpeakerForm(instance=speaker)
        if _is_partial(request):
            return render(request, template + "#edit_form", {"speaker": speaker, "form": form})
        return render(request, template, _speaker_context(request, speaker, form))

    with transaction.atomic():
        # Lock the row so that two saves cannot both pass the version check.
        speaker = Speaker.objects.select_for_update().get(pk=speaker.pk)
        form = SpeakerForm(request.POST, instance=speaker)
        if form.is_valid():
            speaker = form.save(commit=False)
            speaker._history_user = request.user
            speaker.save()
    if form.errors:
        # The editor's input stays on screen with the errors: 409 when someone else saved
        # first, 422 for invalid input.
        status = 409 if form.has_error(NON_FIELD_ERRORS, "stale") else 422
        speaker.refresh_from_db()  # the form applied the rejected input to the instance
        if _is_partial(request):
            context = {"speaker": speaker, "form": form}
            return render(request, template + "#edit_form", context, status=status)
        return render(request, template, _speaker_context(request, speaker, form), status=status)
    if _is_partial(request):
        context = _speaker_context(request, speaker)
        context["saved"] = True
        return render(request, template + "#saved", context)
    messages.success(request, f"Saved {speaker.name}.")
    return redirect("annotations:speaker", speaker_id=speaker.pk)


@require_POST
def speaker_merge(request: HttpRequest, speaker_id: int) -> HttpResponse:
    """Fold the speaker posted as ``other`` into this one (admins only)."""
    speaker = get_object_or_404(Speaker, pk=speaker_id)
    if not request.user.has_perm("annotations.merge_speakers"):
        return _refused(request, "Only admins can merge speakers.", 403, speaker)
    raw = request.POST.get("other", "").strip()
    if not (raw.isascii() and raw.isdigit() and len(raw) < 19):
        message = "Choose the speaker to merge: “other” must be a speaker id."
        return _refused(request, message, 400, speaker)
    other = Speaker.objects.filter(pk=int(raw)).first()
    if other is None:
        message = f"There is no speaker #{raw} to merge (it may have been merged already)."
        return _refused(request, message, 404, speaker)
    other_name, moved = other.name, other.quotes.count()
    try:
        speaker.merge(other, by=request.user)
    except PermissionError as exc:
        return _refused(request, str(exc), 403, speaker)
    except ValidationError as exc:
        return _refused(request, " ".join(exc.messages), 400, speaker)
    messages.success(
        request,
        f"Merged “{other_name}” into {speaker.name}: {moved} quote{'s' if moved != 1 else ''} "
        "moved, its names kept as aliases.",
    )
    url = reverse("annotations:speaker", args=[speaker.pk])
    return HttpResponseClientRedirect(url) if _is_partial(request) else redirect(url)


@require_http_methods(["GET", "POST"])
def speaker_delete(request: HttpRequest, speaker_id: int) -> HttpResponse:
    """Delete a speaker with no quotes: GET asks for confirmation, POST deletes."""
    speaker = get_object_or_404(Speaker, pk=speaker_id)
    if not request.user.has_perm("annotations.delete_speaker"):
        return _refused(request, "You do not have permission to delete speakers.", 403, speaker)
    quotes = speaker.quotes.count()
    if request.method == "GET":
        context = {"speaker": speaker, "quotes": quotes}
        return render(request, "annotations/speaker_delete.html", context)
    try:
        speaker.delete_unquoted(by=request.user)
    except PermissionError as exc:
        return _refused(request, str(exc), 403, speaker)
    except ValidationError as exc:
        return _refused(request, " ".join(exc.messages), 409, speaker)
    messages.success(request, f"Deleted the speaker “{speaker.name}”.")
    return redirect(reverse("annotations:speakers") + "?show=unquoted")
