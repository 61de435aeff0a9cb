"""Decisions are never overwritten: a race or a second stamp is refused with 409."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from annotations.models import Article, Quote

HX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def hx(client, editor):
    client.force_login(editor)

    def post(url_name, obj_id, **data):
        return client.post(reverse(f"annotations:{url_name}", args=[obj_id]), data, **HX)

    return post


def test_accept_all_racing_a_reject_is_a_409_with_the_current_state(
    hx, quote, article, monkeypatch
):
    """Another editor rejects a proposal between accept-all reading it and saving it."""
    start = article.text.index("the plan was unaffordable")
    other = Quote.objects.create(
        article=article, content_fragments=[[start, start + 25]], origin="model"
    )
    real_accept = Quote.accept

    def accept_after_a_rival_rejects(self, by, version=None):
        if self.pk == other.pk:
            Quote.objects.filter(pk=other.pk).update(
                status=Quote.Status.REJECTED, version=F("version") + 1
            )
        return real_accept(self, by, version)

    monkeypatch.setattr(Quote, "accept", accept_after_a_rival_rejects)
    response = hx("accept_all", article.pk)
    assert response.status_code == 409
    html = response.content.decode()
    assert "was changed by someone else" in html and "Nothing was accepted" in html
    assert f'id="quote-{other.pk}"' in html  # the current state is shown
    quote.refresh_from_db()
    assert quote.status == Quote.Status.PROPOSED  # the batch was rolled back
    # (The rival's update ran on this connection inside the batch, so it rolled back too;
    # with two connections it stands, and accept-all never overwrote it.)


def test_marking_a_reviewed_article_again_is_refused_and_keeps_the_first_stamp(
    client, editor, quote, article
):
    quote.accept(editor)
    client.force_login(editor)
    url = reverse("annotations:mark_reviewed", args=[article.pk])
    assert client.post(url, **HX).status_code == 200
    article.refresh_from_db()
    stamped_at = article.reviewed_at - timedelta(days=1)
    Article.objects.filter(pk=article.pk).update(reviewed_at=stamped_at)

    other = User.objects.create_user("otto")
    other.groups.add(*editor.groups.all())
    client.force_login(other)
    response = client.post(url, **HX)
    assert response.status_code == 409
    assert "already marked reviewed" in response.content.decode() or (
        "admin must reopen" in response.content.decode()
    )
    article.refresh_from_db()
    assert article.reviewed_by == editor and article.reviewed_at == stamped_at


def test_mark_reviewed_on_the_model_refuses_a_second_stamp(editor, article):
    from annotations.models import AlreadyReviewed

    article.mark_reviewed(editor)
    first = Article.objects.get(pk=article.pk)
    stale = Article.objects.get(pk=article.pk)
    stale.status = Article.Status.IN_REVIEW  # as loaded before the first stamp
    with pytest.raises(AlreadyReviewed, match="already marked reviewed by edna"):
        stale.mark_reviewed(User.objects.create_user("late"))
    article.refresh_from_db()
    assert (article.reviewed_by, article.reviewed_at) == (first.reviewed_by, first.reviewed_at)
    assert timezone.now() >= article.reviewed_at
