"""Dashboard figures, each one aggregate query whatever the size of the newsroom's data.

The pre-annotator's precision is measured by the editors' decisions: among the quotes the
model proposed and an editor decided, the share they accepted. Proposals still waiting for a
decision count for neither side.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Case, CharField, Count, Max, Q, Value, When
from django.db.models.functions import Lower, TruncDate
from django.utils import timezone

from .models import Article, Quote, Speaker

# Confidence bands for the precision table: (key, label, lower bound inclusive).
CONFIDENCE_BANDS = [
    ("low", "below 0.5", 0.0),
    ("medium", "0.5 to 0.8", 0.5),
    ("high", "0.8 and above", 0.8),
]
NO_CONFIDENCE = ("unknown", "no confidence")


def percent(value: float | None) -> str:
    """0.75 -> "75%"; None (nothing to divide) -> "–"."""
    return "–" if value is None else f"{value:.0%}"


@dataclass(frozen=True)
class Precision:
    label: str
    accepted: int
    rejected: int

    @property
    def decided(self) -> int:
        return self.accepted + self.rejected

    @property
    def value(self) -> float | None:
        """accepted / decided, or None before any decision."""
        return self.accepted / self.decided if self.decided else None

    @property
    def percent(self) -> str:
        return percent(self.value)


@dataclass(frozen=True)
class StatusCount:
    label: str
    value: int
    key: str = ""


@dataclass(frozen=True)
class OutletFigures:
    outlet: str
    quotes: int
    accepted: int
    anonymous: int

    @property
    def anonymous_share(self) -> float | None:
        return self.anonymous / self.accepted if self.accepted else None


_ACCEPTED = Q(status=Quote.Status.ACCEPTED)
_REJECTED = Q(status=Quote.Status.REJECTED)
_DECISIONS = {
    "accepted": Count("id", filter=_ACCEPTED),
    "rejected": Count("id", filter=_REJECTED),
}


def articles_by_status() -> list[StatusCount]:
    """Every article status in workflow order, zero when none."""
    counts = dict(Article.objects.order_by().values_list("status").annotate(n=Count("id")))
    return [StatusCount(label, counts.get(key, 0), key) for key, label in Article.Status.choices]


def quotes_by_status() -> list[StatusCount]:
    counts = dict(Quote.objects.order_by().values_list("status").annotate(n=Count("id")))
    return [StatusCount(label, counts.get(key, 0), key) for key, label in Quote.Status.choices]


def _confidence_band():
    whens = [
        When(confidence__gte=lower, then=Value(key)) for key, _, lower in reversed(CONFIDENCE_BANDS)
    ]
    return Case(*whens, default=Value(NO_CONFIDENCE[0]), output_field=CharField())


@dataclass(frozen=True)
class PrecisionFigures:
    overall: Precision
    by_kind: list[Precision]
    by_confidence: list[Precision]


def precision() -> PrecisionFigures:
    """The pre-annotator's precision overall, per kind and per confidence band.

    One query counts decisions per (kind, band); the three views are sums of its rows.
    A calibrated model is more precise in the higher confidence bands.
    """
    rows = list(
        Quote.objects.filter(origin=Quote.Origin.MODEL)
        .order_by()
        .annotate(band=_confidence_band())
        .values("kind", "band")
        .annotate(**_DECISIONS)
    )

    def total(label: str, key: str | None = None, value: str | None = None) -> Precision:
        selected = [row for row in rows if key is None or row[key] == value]
        return Precision(
            label,
            sum(row["accepted"] for row in selected),
            sum(row["rejected"] for row in selected),
        )

    kinds = {row["kind"] for row in rows}
    bands = {row["band"] for row in rows}
    band_labels = [(key, label) for key, label, _ in CONFIDENCE_BANDS] + [NO_CONFIDENCE]
    return PrecisionFigures(
        overall=total("All model proposals"),
        by_kind=[total(label, "kind", key) for key, label in Quote.Kind.choices if key in kinds],
        by_confidence=[total(label, "band", key) for key, label in band_labels if key in bands],
    )


def short_version(version: str) -> str:
    """A pre-annotator version for a chart label: the trained model's name when there is
    one ("... + trained-20261205-1730-ab12cd34"), else "rules" and the rules' version."""
    parts = [p.strip() for p in version.split(" + ")]
    trained = [p for p in parts if p.startswith("trained-")]
    if trained:
        return trained[-1]
    if parts and parts[0].startswith("newsdesk-preannotator"):
        return "rules " + parts[0].removeprefix("newsdesk-preannotator").strip()
    return version or "(no version)"


def precision_by_version() -> list[Precision]:
    """The pre-annotator's precision per model version that proposed quotes, newest first
    (by its latest proposal): accepted / (accepted + rejected) of its proposals."""
    rows = (
        Quote.objects.filter(origin=Quote.Origin.MODEL)
        .order_by()
        .values("model_version")
        .annotate(**_DECISIONS, latest=Max("created_at"))
        .order_by("-latest", "model_version")
    )
    return [
        Precision(row["model_version"] or "(no version)", row["accepted"], row["rejected"])
        for row in rows
    ]


@dataclass(frozen=True)
class SpeakerCount:
    pk: int
    name: str
    accepted: int


def top_speakers(limit: int = 10) -> list[SpeakerCount]:
    """Speakers with the most accepted quotes, most quoted first.

    Grouped on the quotes table (speaker id and name only), not on whole speaker rows.
    """
    rows = (
        Quote.objects.filter(_ACCEPTED, speaker__isnull=False)
        .order_by()
        .values("speaker", "speaker__name")
        .annotate(accepted=Count("id"))
        .order_by("-accepted", Lower("speaker__name"), "speaker")[:limit]
    )
    return [SpeakerCount(row["speaker"], row["speaker__name"], row["accepted"]) for row in rows]


def anonymous_share() -> tuple[int, int]:
    """(accepted quotes from anonymous sources, all accepted quotes)."""
    totals = Quote.objects.filter(_ACCEPTED).aggregate(
        anonymous=Count("id", filter=Q(speaker__kind=Speaker.Kind.ANONYMOUS)),
        accepted=Count("id"),
    )
    return totals["anonymous"], totals["accepted"]


def quotes_per_outlet(limit: int = 15) -> list[OutletFigures]:
    """Quotes per outlet (all statuses), with accepted and anonymous accepted counts."""
    rows = (
        Quote.objects.order_by()
        .values("article__outlet")
        .annotate(
            quotes=Count("id"),
            accepted=Count("id", filter=_ACCEPTED),
            anonymous=Count("id", filter=_ACCEPTED & Q(speaker__kind=Speaker.Kind.ANONYMOUS)),
        )
        .order_by("-quotes", "article__outlet")[:limit]
    )
    return [
        OutletFigures(row["article__outlet"], row["quotes"], row["accepted"], row["anonymous"])
        for row in rows
    ]


@dataclass(frozen=True)
class EditorDecisions:
    username: str
    accepted: int
    rejected: int

    @property
    def total(self) -> int:
        return self.accepted + self.rejected


def decisions_per_editor(limit: int = 20) -> list[EditorDecisions]:
    """Quotes each editor decided (the last decision on each quote counts), most first."""
    rows = (
        Quote.objects.filter(reviewed_by__isnull=False)
        .exclude(status=Quote.Status.PROPOSED)
        .order_by()
        .values("reviewed_by__username")
        .annotate(
            accepted=Count("id", filter=Q(status=Quote.Status.ACCEPTED)),
            rejected=Count("id", filter=Q(status=Quote.Status.REJECTED)),
            total=Count("id"),
        )
        .order_by("-total", "reviewed_by__username")[:limit]
    )
    return [
        EditorDecisions(row["reviewed_by__username"], row["accepted"], row["rejected"])
        for row in rows
    ]


def articles_reviewed_per_day(days: int = 14, today=None) -> list[tuple[date, int]]:
    """Articles marked reviewed on each of the last ``days`` days (UTC dates), oldest first;
    days without any count 0 so the chart shows the gaps."""
    today = today or timezone.now().date()
    first = today - timedelta(days=days - 1)
    counts = dict(
        Article.objects.filter(reviewed_at__date__gte=first, status=Article.Status.REVIEWED)
        .annotate(day=TruncDate("reviewed_at"))
        .order_by()
        .values_list("day")
        .annotate(n=Count("id"))
    )
    return [
        (first + timedelta(days=i), counts.get(first + timedelta(days=i), 0)) for i in range(days)
    ]


@dataclass(frozen=True)
class EditorProgress:
    user_id: int
    username: str
    assigned: int
    in_review: int
    reviewed: int

    @property
    def remaining(self) -> int:
        return self.assigned - self.reviewed


def editor_progress() -> list[EditorProgress]:
    """Per assignee: articles assigned, in review and reviewed (one query)."""
    rows = (
        Article.objects.filter(assignee__isnull=False)
        .order_by()
        .values("assignee", "assignee__username")
        .annotate(
            assigned=Count("id"),
            in_review=Count("id", filter=Q(status=Article.Status.IN_REVIEW)),
            reviewed=Count("id", filter=Q(status=Article.Status.REVIEWED)),
        )
        .order_by("assignee__username")
    )
    return [
        EditorProgress(
            r["assignee"], r["assignee__username"], r["assigned"], r["in_review"], r["reviewed"]
        )
        for r in rows
    ]
