import datetime

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from annotations.models import Article, Quote


def make_article(n: int, **fields) -> Article:
    return Article.objects.create(title=f"Story {n}", text=f"Story number {n} text.", **fields)


@pytest.fixture
def client_editor(client, editor):
    client.force_login(editor)
    return client


def test_queue_lists_articles_with_counts_per_status(client_editor, editor):
    make_article(1, status=Article.Status.NEW)
    make_article(2, status=Article.Status.NEW)
    make_article(3, status=Article.Status.REVIEWED)
    response = client_editor.get(reverse("annotations:queue"))
    assert response.status_code == 200
    assert [t[2] for t in response.context["status_tabs"]] == [2, 0, 0, 1]
    assert response.context["total"] == 3
    assert "Story 1" in response.content.decode()


def test_queue_filters_by_status_outlet_date_and_assignee(client_editor, editor):
    other = User.objects.create_user("olga")
    make_article(1, outlet="Bugle", published=datetime.date(2025, 1, 5))
    make_article(2, outlet="Herald", published=datetime.date(2025, 3, 5), assignee=editor)
    make_article(3, outlet="Herald", published=datetime.date(2025, 6, 5), assignee=other)
    make_article(4, outlet="Herald", status=Article.Status.REVIEWED)

    def titles(**params):
        response = client_editor.get(reverse("annotations:queue"), params)
        assert response.status_code == 200
        return [a.title for a in response.context["page"]]

    assert titles(outlet="Herald") == ["Story 2", "Story 3", "Story 4"]
    assert titles(outlet="Herald", status="reviewed") == ["Story 4"]
    assert titles(**{"from": "2025-02-01", "to": "2025-04-01"}) == ["Story 2"]
    assert titles(assignee="me") == ["Story 2"]
    assert titles(assignee="none") == ["Story 1", "Story 4"]
    assert titles(assignee=str(other.pk)) == ["Story 3"]


def test_queue_ignores_malformed_filters(client_editor):
    make_article(1)
    response = client_editor.get(
        reverse("annotations:queue"),
        {"status": "bogus", "from": "yesterday", "assignee": "9" * 40, "page": "x"},
    )
    assert response.status_code == 200
    assert [a.title for a in response.context["page"]] == ["Story 1"]


def test_queue_paginates(client_editor):
    for n in range(55):
        make_article(n)
    first = client_editor.get(reverse("annotations:queue"))
    second = client_editor.get(reverse("annotations:queue"), {"page": 2})
    assert len(first.context["page"]) == 50
    assert len(second.context["page"]) == 5
    assert "Page 1 of 2" in first.content.decode()


@pytest.mark.parametrize("n_articles", [5, 200])
def test_queue_query_count_is_flat(client_editor, django_assert_max_num_queries, n_articles):
    for n in range(n_articles):
        article = make_article(n, outlet=f"Outlet {n % 7}")
        Quote.objects.create(article=article, content_fragments=[[0, 5]])
    with django_assert_max_num_queries(9):
        response = client_editor.get(reverse("annotations:queue"))
    assert response.status_code == 200


def test_next_article_opens_oldest_unreviewed_and_assigns_me(client_editor, editor):
    taken = make_article(1, assignee=User.objects.create_user("olga"))
    make_article(2, status=Article.Status.REVIEWED)
    oldest_free = make_article(3, status=Article.Status.PROPOSED)
    make_article(4)
    response = client_editor.post(reverse("annotations:next_article"))
    assert response.status_code == 302
    assert response.url == reverse("annotations:review", args=[oldest_free.pk])
    oldest_free.refresh_from_db()
    assert oldest_free.assignee == editor
    assert oldest_free.status == Article.Status.IN_REVIEW
    taken.refresh_from_db()
    assert taken.assignee.username == "olga"


def test_next_article_with_nothing_left_goes_back_to_queue(client_editor):
    make_article(1, status=Article.Status.REVIEWED)
    response = client_editor.post(reverse("annotations:next_article"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("annotations:queue")
    assert "Nothing left to review" in response.content.decode()


def test_next_article_needs_post(client_editor):
    assert client_editor.get(reverse("annotations:next_article")).status_code == 405


def test_queue_needs_login(client):
    response = client.get(reverse("annotations:queue"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
