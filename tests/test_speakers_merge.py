"""Merging duplicate speakers: admins only; every quote moves; history is kept."""

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Article, Quote, Speaker

pytestmark = pytest.mark.django_db

TEXT = "Sentence one is here. Sentence two is here. Sentence three is here."


@pytest.fixture
def duplicates():
    """ "Dmitry Peskov" with one quote, "Peskov" with two: the same person twice."""
    article = Article.objects.create(title="Talks", text=TEXT, outlet="Bugle")
    full = Speaker.objects.create(name="Dmitry Peskov", aliases=["Kremlin spokesman"])
    short = Speaker.objects.create(name="Peskov", aliases=["Mr Peskov"], role="spokesman")
    for word, speaker in (("one", full), ("two", short), ("three", short)):
        start = TEXT.index(f"Sentence {word}")
        Quote.objects.create(
            article=article,
            content_fragments=[[start, start + len(f"Sentence {word} is here")]],
            speaker=speaker,
        )
    return full, short


def merge_url(speaker: Speaker) -> str:
    return reverse("annotations:speaker_merge", args=[speaker.pk])


def test_admin_merges_and_every_quote_moves(client, admin_user, duplicates):
    full, short = duplicates
    short_id = short.pk
    client.force_login(admin_user)

    response = client.post(merge_url(full), {"other": short.pk})

    assert response.status_code == 302
    assert response["Location"] == reverse("annotations:speaker", args=[full.pk])
    assert not Speaker.objects.filter(pk=short_id).exists()
    assert Quote.objects.filter(speaker=full).count() == 3
    full.refresh_from_db()
    assert full.aliases == ["Kremlin spokesman", "Peskov", "Mr Peskov"]
    assert full.role == "spokesman"
    assert full.history.first().history_user == admin_user
    # The merged speaker's history survives its deletion.
    deleted = Speaker.history.filter(id=short_id).first()
    assert deleted.history_type == "-" and deleted.history_user == admin_user

    page = client.get(response["Location"]).content.decode()
    assert "Merged “Peskov” into Dmitry Peskov: 2 quotes moved" in page


def test_htmx_merge_redirects_the_browser(client, admin_user, duplicates):
    full, short = duplicates
    client.force_login(admin_user)
    response = client.post(merge_url(full), {"other": short.pk}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response["HX-Redirect"] == reverse("annotations:speaker", args=[full.pk])


def test_editors_may_not_merge(client, editor, duplicates):
    full, short = duplicates
    client.force_login(editor)
    response = client.post(merge_url(full), {"other": short.pk})
    assert response.status_code == 403
    assert "Only admins can merge speakers." in response.content.decode()
    assert Quote.objects.filter(speaker=short).count() == 2


def test_editors_do_not_see_the_merge_form(client, editor, admin_user, duplicates):
    full, _ = duplicates
    client.force_login(editor)
    assert (
        "Merge a duplicate"
        not in client.get(reverse("annotations:speaker", args=[full.pk])).content.decode()
    )
    client.force_login(admin_user)
    assert (
        "Merge a duplicate"
        in client.get(reverse("annotations:speaker", args=[full.pk])).content.decode()
    )


def test_merge_candidates_search_excludes_the_speaker_itself(client, admin_user, duplicates):
    full, short = duplicates
    client.force_login(admin_user)
    response = client.get(
        reverse("annotations:speaker", args=[full.pk]),
        {"merge_q": "peskov"},
        headers={"HX-Request": "true"},
    )
    html = response.content.decode()
    assert "<html" not in html and 'id="merge-candidates"' in html
    assert f'name="other" value="{short.pk}"' in html
    assert f'name="other" value="{full.pk}"' not in html
    assert "2 quotes" in html


def test_merge_with_itself_is_a_clear_400(client, admin_user, duplicates):
    full, _ = duplicates
    client.force_login(admin_user)
    response = client.post(merge_url(full), {"other": full.pk})
    assert response.status_code == 400
    assert "A speaker cannot be merged into itself." in response.content.decode()
    assert Speaker.objects.filter(pk=full.pk).exists()


@pytest.mark.parametrize("other", ["", "abc", "²", "-3", "1" * 40, "1.5"])
def test_malformed_other_is_a_clear_400(client, admin_user, duplicates, other):
    full, _ = duplicates
    client.force_login(admin_user)
    response = client.post(merge_url(full), {"other": other})
    assert response.status_code == 400
    assert "“other” must be a speaker id" in response.content.decode()


def test_unknown_speakers_are_404(client, admin_user, duplicates):
    full, _ = duplicates
    client.force_login(admin_user)
    response = client.post(merge_url(full), {"other": 987654})
    assert response.status_code == 404
    assert "There is no speaker #987654 to merge" in response.content.decode()
    assert (
        client.post(
            reverse("annotations:speaker_merge", args=[987654]), {"other": full.pk}
        ).status_code
        == 404
    )


def test_merge_needs_post_and_csrf(admin_user, duplicates):
    full, short = duplicates
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.get(merge_url(full)).status_code == 405
    assert client.post(merge_url(full), {"other": short.pk}).status_code == 403
    assert Speaker.objects.filter(pk=short.pk).exists()
