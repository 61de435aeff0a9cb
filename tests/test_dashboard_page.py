"""The dashboard page: figures, accessible SVG charts, and a query count independent of data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from annotations.charts import BAR_AREA, MAX_LABEL_CHARS, bar_chart
from annotations.models import Article, Quote, Speaker

pytestmark = pytest.mark.django_db


def build(n: int) -> None:
    """n articles over three outlets, each with an accepted model quote by its own speaker,
    a rejected one and a proposal; every third speaker is anonymous."""
    for i in range(n):
        text = "Alpha one here. Beta two here. Gamma three here."
        article = Article.objects.create(
            title=f"Story {n}-{i}",
            text=f"{text} Story {n}-{i}.",  # texts are unique (article_unique_text_hash)
            outlet=f"Outlet {i % 3}",
            url=f"https://x.org/{n}/{i}",
        )
        kind = Speaker.Kind.ANONYMOUS if i % 3 == 0 else Speaker.Kind.PERSON
        speaker = Speaker.objects.create(name=f"Source {n}-{i}", kind=kind)
        for word, status, confidence in (
            ("Alpha", Quote.Status.ACCEPTED, 0.9),
            ("Beta", Quote.Status.REJECTED, 0.6),
            ("Gamma", Quote.Status.PROPOSED, 0.3),
        ):
            start = text.index(word)
            Quote.objects.create(
                article=article,
                content_fragments=[[start, text.index(" here", start)]],
                speaker=speaker,
                status=status,
                origin=Quote.Origin.MODEL,
                confidence=confidence,
            )


@pytest.fixture
def client_editor(client, editor):
    client.force_login(editor)
    return client


def test_dashboard_shows_figures_and_charts(client_editor):
    build(6)
    response = client_editor.get(reverse("annotations:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    # 6 accepted and 6 rejected model quotes; 2 of the 6 accepted are anonymous (i = 0, 3).
    assert "50%" in html and "6 accepted of 12 decided proposals" in html
    assert "33%" in html and "2 of 6 accepted quotes" in html
    # 7 charts, articles reviewed per day (its 14 days always show; no editor decided yet),
    # and precision by model version (issue 11)
    assert html.count('<svg viewBox="0 0') == 9
    assert (
        'role="img"' in html
        and '<title id="chart-articles-title">Articles by status</title>' in html
    )
    assert "New: 6; Proposed: 0; In review: 0; Reviewed: 0." in html
    assert reverse("annotations:speaker", args=[Speaker.objects.first().pk]) in html
    assert "Outlet 0" in html


def test_empty_dashboard_does_not_divide_by_zero(client_editor):
    response = client_editor.get(reverse("annotations:dashboard"))
    assert response.status_code == 200
    assert "Nothing to show yet." in response.content.decode()


def test_dashboard_needs_login(client):
    assert client.get(reverse("annotations:dashboard")).status_code == 302


def test_dashboard_query_count_is_flat(client_editor, django_assert_max_num_queries):
    build(3)
    with CaptureQueriesContext(connection) as few:
        client_editor.get(reverse("annotations:dashboard"))
    build(30)
    with django_assert_max_num_queries(len(few)), CaptureQueriesContext(connection) as many:
        response = client_editor.get(reverse("annotations:dashboard"))
    assert "Source 30-" in response.content.decode()
    assert len(many) == len(few)


def test_bar_chart_scales_bars_and_keeps_small_values_visible():
    chart = bar_chart(
        "Test", [("big", 10, "10"), ("small", 0.01, "0.01"), ("none", 0, "0")], slug="t"
    )
    widths = [bar.width for bar in chart.bars]
    assert widths == [BAR_AREA, 2, 0]
    shares = bar_chart("Shares", [("half", 0.5, "50%")], slug="s", scale_max=1)
    assert shares.bars[0].width == BAR_AREA / 2


def test_bar_chart_shortens_long_labels_but_keeps_them_in_full():
    chart = bar_chart("Test", [("A very long outlet name that goes on and on", 1, "1")], slug="t")
    bar = chart.bars[0]
    assert bar.short_label.endswith("…") and len(bar.short_label) == MAX_LABEL_CHARS
    assert bar.label == "A very long outlet name that goes on and on"
