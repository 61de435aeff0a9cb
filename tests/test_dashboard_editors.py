"""The dashboard's editor charts: decisions per editor and articles reviewed per day."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from annotations import stats
from annotations.models import Article, Quote
from tests.test_speakers_pages import add_quote, make_article

pytestmark = pytest.mark.django_db


def test_decisions_per_editor_count_accepted_and_rejected(editor, admin_user):
    article = make_article(1)
    for sentence, status, who in (
        ("one", Quote.Status.ACCEPTED, editor),
        ("two", Quote.Status.REJECTED, editor),
        ("three", Quote.Status.ACCEPTED, admin_user),
    ):
        add_quote(article, None, sentence, status=status, reviewed_by=who)
    add_quote(make_article(2), None, "one", status=Quote.Status.PROPOSED)

    figures = stats.decisions_per_editor()

    assert [(f.username, f.accepted, f.rejected) for f in figures] == [
        ("edna", 1, 1),
        ("ada", 1, 0),
    ]


def test_articles_reviewed_per_day_include_empty_days(editor):
    today = datetime.date(2025, 5, 10)
    noon = datetime.time(12, tzinfo=datetime.UTC)
    for n, day in enumerate((10, 10, 8)):
        article = make_article(n)
        article.status = Article.Status.REVIEWED
        article.reviewed_at = datetime.datetime.combine(datetime.date(2025, 5, day), noon)
        article.save()

    days = stats.articles_reviewed_per_day(days=3, today=today)

    assert days == [
        (datetime.date(2025, 5, 8), 1),
        (datetime.date(2025, 5, 9), 0),
        (datetime.date(2025, 5, 10), 2),
    ]


def test_dashboard_shows_both_charts(client, editor):
    article = make_article(1)
    add_quote(article, None, "one", status=Quote.Status.ACCEPTED, reviewed_by=editor)
    article.status, article.reviewed_at = Article.Status.REVIEWED, timezone.now()
    article.save()
    client.force_login(editor)

    html = client.get(reverse("annotations:dashboard")).content.decode()

    assert "Decisions per editor" in html and "Articles reviewed per day" in html
    chart = html[html.index("Decisions per editor") :]
    assert "edna" in chart[: chart.index("</figure>")]
