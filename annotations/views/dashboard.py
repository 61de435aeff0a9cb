from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from annotations import stats
from annotations.charts import bar_chart
from annotations.stats import percent


def _precision_rows(figures: list[stats.Precision]) -> list[tuple[str, float, str]]:
    return [
        (p.label, p.value or 0, f"{percent(p.value)} of {p.decided}") for p in figures if p.decided
    ]


def dashboard(request: HttpRequest) -> HttpResponse:
    articles = stats.articles_by_status()
    quotes = stats.quotes_by_status()
    precision = stats.precision()
    overall, by_kind, by_confidence = precision.overall, precision.by_kind, precision.by_confidence
    by_version = stats.precision_by_version()
    top = stats.top_speakers()
    anonymous, accepted = stats.anonymous_share()
    outlets = stats.quotes_per_outlet()
    decisions = stats.decisions_per_editor()
    per_day = stats.articles_reviewed_per_day()

    charts = {
        "articles": bar_chart(
            "Articles by status",
            [(c.label, c.value, str(c.value)) for c in articles],
            slug="articles",
            tones=[c.key for c in articles],
        ),
        "quotes": bar_chart(
            "Quotes by status",
            [(c.label, c.value, str(c.value)) for c in quotes],
            slug="quotes",
            tones=[c.key for c in quotes],
        ),
        "precision_kind": bar_chart(
            "Pre-annotator precision by kind",
            _precision_rows(by_kind),
            slug="precision-kind",
            description="Share of decided model proposals that editors accepted.",
            scale_max=1,
        ),
        "precision_confidence": bar_chart(
            "Pre-annotator precision by confidence",
            _precision_rows(by_confidence),
            slug="precision-confidence",
            description="Share of decided model proposals that editors accepted.",
            scale_max=1,
        ),
        "precision_version": bar_chart(
            "Pre-annotator precision by model version",
            [
                (stats.short_version(p.label), p.value or 0, f"{percent(p.value)} of {p.decided}")
                for p in by_version
                if p.decided
            ],
            slug="precision-version",
            description="Share of decided proposals that editors accepted, per version.",
            scale_max=1,
        ),
        "speakers": bar_chart(
            "Top speakers (accepted quotes)",
            [(speaker.name, speaker.accepted, str(speaker.accepted)) for speaker in top],
            slug="speakers",
            urls=[reverse("annotations:speaker", args=[speaker.pk]) for speaker in top],
        ),
        "outlets": bar_chart(
            "Quotes per outlet",
            [(o.outlet or "(no outlet)", o.quotes, str(o.quotes)) for o in outlets],
            slug="outlets",
        ),
        "anonymous_outlets": bar_chart(
            "Anonymous sources per outlet",
            [
                (o.outlet or "(no outlet)", o.anonymous_share, percent(o.anonymous_share))
                for o in outlets
                if o.accepted
            ],
            slug="anonymous-outlets",
            description="Share of accepted quotes attributed to anonymous sources.",
            scale_max=1,
        ),
        "decisions": bar_chart(
            "Decisions per editor",
            [(d.username, d.total, f"{d.total} ({d.accepted} acc.)") for d in decisions],
            slug="decisions",
            description="Quotes each editor accepted or rejected (the last decision counts).",
        ),
        "reviewed_per_day": bar_chart(
            "Articles reviewed per day",
            [(f"{day:%a %-d %b}", n, str(n)) for day, n in per_day],
            slug="reviewed-per-day",
            description=f"Articles marked reviewed on each of the last {len(per_day)} days (UTC).",
        ),
    }
    context = {
        "charts": charts,
        "articles_total": sum(c.value for c in articles),
        "quotes_total": sum(c.value for c in quotes),
        "precision": overall,
        "precision_percent": percent(overall.value),
        "by_kind": by_kind,
        "by_confidence": by_confidence,
        "by_version": by_version,
        "top_speakers": top,
        "anonymous": anonymous,
        "accepted": accepted,
        "anonymous_percent": percent(anonymous / accepted if accepted else None),
        "outlets": outlets,
    }
    return render(request, "annotations/dashboard.html", context)
