"""“Accept every proposal at or above X” on the review page: X is remembered per editor
(default 0.9), one undo takes the batch back, the message says how many were accepted."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from annotations.models import Article, EditorPreference, Quote

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def proposals(article) -> dict[float, Quote]:
    """Four proposals with confidences 0.95, 0.9, 0.6 and none, on distinct words."""
    text = article.text
    made = {}
    for words, confidence in (
        ("We will hire", 0.95),
        ("Critics said", 0.9),
        ("the plan was unaffordable", 0.6),
        ("announced a new budget", None),
    ):
        start = text.index(words)
        made[confidence] = Quote.objects.create(
            article=article,
            content_fragments=[[start, start + len(words)]],
            origin=Quote.Origin.MODEL,
            confidence=confidence,
        )
    return made


def accept_confident(client, article, **data):
    url = reverse("annotations:accept_confident", args=[article.pk])
    return client.post(url, data, **HX)


def statuses(proposals) -> dict:
    return {c: Quote.objects.get(pk=q.pk).status for c, q in proposals.items()}


def test_default_threshold_accepts_at_or_above_0_9(client, editor, article, proposals):
    client.force_login(editor)
    response = accept_confident(client, article)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Accepted 2 proposals at or above confidence 0.90; 2 left to decide" in html
    assert statuses(proposals) == {
        0.95: "accepted",
        0.9: "accepted",
        0.6: "proposed",
        None: "proposed",
    }
    assert Quote.objects.get(pk=proposals[0.9].pk).reviewed_by == editor
    article.refresh_from_db()
    assert article.status == Article.Status.IN_REVIEW


def test_a_typed_threshold_is_used_and_remembered_per_editor(
    client, editor, admin_user, article, proposals
):
    client.force_login(editor)
    response = accept_confident(client, article, threshold="0.5")
    assert "Accepted 3 proposals at or above confidence 0.50" in response.content.decode()
    assert EditorPreference.accept_threshold_for(editor) == 0.5
    assert EditorPreference.accept_threshold_for(admin_user) == 0.9
    page = client.get(reverse("annotations:review", args=[article.pk])).content.decode()
    assert 'name="threshold" type="number"' in page
    assert 'value="0.50"' in page
    # The remembered threshold applies when none is sent.
    EditorPreference.remember_accept_threshold(editor, 0.0)
    assert statuses(proposals)[None] == "proposed"  # no confidence: never accepted by this
    response = accept_confident(client, article)
    assert "Accepted 0 proposals at or above confidence 0.00; 1 left" in response.content.decode()


def test_the_button_counts_what_it_would_accept(client, editor, article, proposals):
    client.force_login(editor)
    page = client.get(reverse("annotations:review", args=[article.pk])).content.decode()
    assert "Accept 2 <kbd>C</kbd>" in page
    EditorPreference.remember_accept_threshold(editor, 0.5)
    page = client.get(reverse("annotations:review", args=[article.pk])).content.decode()
    assert "Accept 3 <kbd>C</kbd>" in page


def test_one_undo_takes_the_whole_batch_back(client, editor, article, proposals):
    client.force_login(editor)
    proposals[0.6].accept(editor)  # an earlier, separate decision
    accept_confident(client, article, threshold="0.9")
    response = client.post(reverse("annotations:undo", args=[article.pk]), **HX)
    assert response.status_code == 200
    assert statuses(proposals) == {
        0.95: "proposed",
        0.9: "proposed",
        0.6: "accepted",
        None: "proposed",
    }


@pytest.mark.parametrize("bad", ["abc", "1.5", "-0.1", "nan", "inf", "1e400"])
def test_a_bad_threshold_is_refused_with_a_message(client, editor, article, proposals, bad):
    client.force_login(editor)
    response = accept_confident(client, article, threshold=bad)
    assert response.status_code == 400
    assert "must be a number from 0 to 1" in response.content.decode()
    assert set(statuses(proposals).values()) == {"proposed"}
    assert not EditorPreference.objects.exists()


def test_only_editors_accept(client, article, proposals):
    client.force_login(User.objects.create_user("visitor"))
    response = accept_confident(client, article, threshold="0.1")
    assert response.status_code == 403
    assert set(statuses(proposals).values()) == {"proposed"}
    assert not EditorPreference.objects.exists()


def test_a_reviewed_article_is_refused(client, editor, article, proposals):
    article.status = Article.Status.REVIEWED
    article.save()
    client.force_login(editor)
    response = accept_confident(client, article)
    assert response.status_code == 409
    assert "marked reviewed" in response.content.decode()
    assert set(statuses(proposals).values()) == {"proposed"}


def test_get_is_not_allowed(client, editor, article):
    client.force_login(editor)
    url = reverse("annotations:accept_confident", args=[article.pk])
    assert client.get(url).status_code == 405
