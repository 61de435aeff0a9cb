"""The admin lists, filters, searches and shows the history of every model."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from annotations.models import Claim, PreannotationJob


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("root", password="pw-root-123")


@pytest.mark.parametrize("model", ["article", "quote", "speaker", "claim", "preannotationjob"])
def test_changelists_render_with_search_and_filters(client, superuser, quote, model):
    Claim.objects.create(quote=quote, start=quote.content_start, end=quote.content_start + 7)
    PreannotationJob.objects.create(article_ids=[quote.article_id], total=1)
    client.force_login(superuser)
    url = reverse(f"admin:annotations_{model}_changelist")
    assert client.get(url).status_code == 200
    assert client.get(url, {"q": "Ruiz"}).status_code == 200


def test_quote_history_page_shows_who_changed_it(client, superuser, quote, editor):
    quote.accept(by=editor)
    client.force_login(superuser)
    response = client.get(reverse("admin:annotations_quote_history", args=[quote.pk]))
    assert response.status_code == 200
    assert "edna" in response.text
