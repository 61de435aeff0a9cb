"""Editors and admins delete a speaker nothing is attributed to: confirmation page, then POST.
A speaker with quotes (any status) is never deleted."""

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Quote, Speaker
from tests.test_speakers_pages import add_quote, make_article

pytestmark = pytest.mark.django_db


def delete_url(speaker: Speaker) -> str:
    return reverse("annotations:speaker_delete", args=[speaker.pk])


@pytest.fixture
def junk() -> Speaker:
    return Speaker.objects.create(name="Ajajetrump")


@pytest.mark.parametrize("who", ["editor", "admin_user"])
def test_editors_and_admins_delete_an_unquoted_speaker(client, request, who, junk):
    user = request.getfixturevalue(who)
    client.force_login(user)

    confirm = client.get(delete_url(junk))
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "Delete the speaker “Ajajetrump”?" in html
    assert f'<form method="post" action="{delete_url(junk)}"' in html
    assert Speaker.objects.filter(pk=junk.pk).exists()  # GET only asks

    response = client.post(delete_url(junk))
    assert response.status_code == 302
    assert response["Location"] == reverse("annotations:speakers") + "?show=unquoted"
    assert not Speaker.objects.filter(pk=junk.pk).exists()
    record = Speaker.history.filter(id=junk.pk, history_type="-").get()
    assert record.history_user == user
    assert "Deleted the speaker “Ajajetrump”." in client.get(response["Location"]).text


@pytest.mark.parametrize("status", ["accepted", "proposed", "rejected"])
def test_a_speaker_with_any_quote_is_not_deleted(client, admin_user, status):
    ruiz = Speaker.objects.create(name="Ana Ruiz")
    quote = add_quote(make_article(1), ruiz, status=status)
    client.force_login(admin_user)

    assert "cannot be deleted: merge it" in client.get(delete_url(ruiz)).content.decode()
    response = client.post(delete_url(ruiz))

    assert response.status_code == 409
    assert "has 1 quote (of any status), so it cannot be deleted" in response.content.decode()
    assert Speaker.objects.filter(pk=ruiz.pk).exists()
    assert Quote.objects.get(pk=quote.pk).speaker_id == ruiz.pk


def test_users_outside_the_newsroom_may_not_delete(client, django_user_model, junk):
    client.force_login(django_user_model.objects.create_user("visitor", password="x"))
    assert client.get(delete_url(junk)).status_code == 403
    assert client.post(delete_url(junk)).status_code == 403
    assert Speaker.objects.filter(pk=junk.pk).exists()


def test_login_required(client, junk):
    response = client.post(delete_url(junk))
    assert response.status_code == 302 and reverse("login") in response["Location"]
    assert Speaker.objects.filter(pk=junk.pk).exists()


def test_csrf_is_enforced(editor, junk):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(delete_url(junk)).status_code == 403
    assert Speaker.objects.filter(pk=junk.pk).exists()


def test_unknown_speaker_is_404_and_other_methods_405(client, editor, junk):
    client.force_login(editor)
    assert client.post(reverse("annotations:speaker_delete", args=[987654])).status_code == 404
    assert client.put(delete_url(junk)).status_code == 405


def test_delete_is_offered_only_for_unquoted_speakers_and_to_those_allowed(
    client, editor, django_user_model, junk
):
    ruiz = Speaker.objects.create(name="Ana Ruiz")
    add_quote(make_article(1), ruiz, status=Quote.Status.ACCEPTED)
    client.force_login(editor)
    listed = client.get(reverse("annotations:speakers"), {"show": "all"}).content.decode()
    assert f'href="{delete_url(junk)}"' in listed
    assert f'href="{delete_url(ruiz)}"' not in listed
    page = client.get(reverse("annotations:speaker", args=[junk.pk])).content.decode()
    assert f'href="{delete_url(junk)}"' in page
    page = client.get(reverse("annotations:speaker", args=[ruiz.pk])).content.decode()
    assert f'href="{delete_url(ruiz)}"' not in page

    client.force_login(django_user_model.objects.create_user("visitor", password="x"))
    page = client.get(reverse("annotations:speaker", args=[junk.pk])).content.decode()
    assert f'href="{delete_url(junk)}"' not in page


def test_the_model_refuses_without_permission(django_user_model, junk):
    visitor = django_user_model.objects.create_user("visitor", password="x")
    with pytest.raises(PermissionError):
        junk.delete_unquoted(by=visitor)
    assert Speaker.objects.filter(pk=junk.pk).exists()
