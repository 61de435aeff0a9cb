"""Dashboard figures, each one aggregate query whatever the size of the newsroom's data.

The pre-annotator's precision is measured by the editors' decisions: among the quotes the
model proposed and an editor decided, the share they accepted. Proposals still waiting for a
decision count for neither side.
"""

from dataclasses import dataclass

from django.db.models import Case, CharField, Count, Q, Value, When
from django.db.models.functions import Lower

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


def _model_quotes():
    return Quote.objects.filter(origin=Quote.Origin.MODEL).order_by()


def precision_overall() -> Precision:
    totals = _model_quotes().aggregate(**_DECISIONS)
    return Precision("All model proposals", totals["accepted"], totals["rejected"])


def precision_by_kind() -> list[Precision]:
    rows = {row["kind"]: row for row in _model_quotes().values("kind").annotate(**_DECISIONS)}
    return [
        Precision(label, rows[key]["accepted"], rows[key]["rejected"])
        for key, label in Quote.Kind.choices
        if key in rows
    ]


def _confidence_band():
    whens = [
        When(confidence__gte=lower, then=Value(key)) for key, _, lower in reversed(CONFIDENCE_BANDS)
    ]
    return Case(*whens, default=Value(NO_CONFIDENCE[0]), output_field=CharField())


def precision_by_confidence() -> list[Precision]:
    """Precision per confidence band: a calibrated model is more precise in higher bands."""
    rows = {
        row["band"]: row
        for row in _model_quotes()
        .annotate(band=_confidence_band())
        .values("band")
        .annotate(**_DECISIONS)
    }
    bands = [(key, label) for key, label, _ in CONFIDENCE_BANDS] + [NO_CONFIDENCE]
    return [
        Precision(label, rows[key]["accepted"], rows[key]["rejected"])
        for key, label in bands
        if key in rows
    ]


def top_speakers(limit: int = 10) -> list[tuple[Speaker, int]]:
    """Speakers with the most accepted quotes, most quoted first."""
    speakers = (
        Speaker.objects.annotate(
            accepted=Count("quotes", filter=Q(quotes__status=Quote.Status.ACCEPTED))
        )
        .filter(accepted__gt=0)
        .order_by("-accepted", Lower("name"), "id")[:limit]
    )
    return [(speaker, speaker.accepted) for speaker in speakers]


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
