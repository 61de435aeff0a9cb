"""Editing a speaker: name, kind, role, organization and aliases (one per line), with history."""

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Speaker
from annotations.views.speakers import speaker_version

pytestmark = pytest.mark.django_db


@pytest.fixture
def ruiz() -> Speaker:
    return Speaker.objects.create(name="Ana Ruiz", aliases=["Ruiz"], role="deputy mayor")


@pytest.fixture
def client_editor(client, editor):
    client.force_login(editor)
    return client


def form_data(speaker: Speaker, **overrides) -> dict:
    """What the edit form posts, opened on ``speaker`` as it is now."""
    data = {
        "loaded_version": speaker_version(speaker),
        "name": "Ana Ruiz",
        "kind": "person",
        "role": "mayor",
        "organization": "City of Springfield",
        "aliases": "Ruiz\r\n  Mayor   Ruiz \r\n\r\nAna",
    }
    return {**data, **overrides}


def test_edit_form_shows_aliases_one_per_line(client_editor, ruiz):
    ruiz.aliases = ["Ruiz", "Mayor Ruiz"]
    ruiz.save()
    response = client_editor.get(
        reverse("annotations:speaker_edit", args=[ruiz.pk]), headers={"HX-Request": "true"}
    )
    html = response.content.decode()
    assert response.status_code == 200 and "<html" not in html
    assert "Ruiz\nMayor Ruiz</textarea>" in html


def test_full_page_edit_form_without_htmx(client_editor, ruiz):
    response = client_editor.get(reverse("annotations:speaker_edit", args=[ruiz.pk]))
    html = response.content.decode()
    assert "<html" in html and 'name="aliases"' in html


def test_htmx_edit_saves_and_returns_details_and_history(client_editor, editor, ruiz):
    response = client_editor.post(
        reverse("annotations:speaker_edit", args=[ruiz.pk]),
        form_data(ruiz),
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert 'id="speaker-details"' in html and "Saved." in html
    assert 'id="speaker-history" class="history" hx-swap-oob="true"' in html
    ruiz.refresh_from_db()
    assert ruiz.role == "mayor" and ruiz.organization == "City of Springfield"
    assert ruiz.aliases == ["Ruiz", "Mayor Ruiz", "Ana"]
    assert Speaker.objects.find("mayor ruiz") == ruiz
    latest = ruiz.history.first()
    assert latest.history_user == editor and latest.role == "mayor"
    assert ruiz.history.last().role == "deputy mayor"


def test_plain_post_redirects_to_the_speaker(client_editor, ruiz):
    url = reverse("annotations:speaker_edit", args=[ruiz.pk])
    response = client_editor.post(url, form_data(ruiz, kind="group"))
    assert response.status_code == 302
    assert response["Location"] == reverse("annotations:speaker", args=[ruiz.pk])
    ruiz.refresh_from_db()
    assert ruiz.kind == Speaker.Kind.GROUP


def test_invalid_kind_is_a_form_error_and_nothing_changes(client_editor, ruiz):
    response = client_editor.post(
        reverse("annotations:speaker_edit", args=[ruiz.pk]),
        form_data(ruiz, kind="martian", role="typed by the editor"),
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "Select a valid choice. martian is not one of the available choices." in html
    assert "typed by the editor" in html  # the editor's input is kept on screen
    ruiz.refresh_from_db()
    assert ruiz.role == "deputy mayor" and ruiz.kind == "person"


def test_name_without_letters_is_refused(client_editor, ruiz):
    response = client_editor.post(
        reverse("annotations:speaker_edit", args=[ruiz.pk]), form_data(ruiz, name="?!")
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert "A speaker needs a name with letters or digits." in html
    assert "Edit Ana Ruiz" in html and 'value="?!"' in html


def test_renaming_onto_another_speaker_suggests_a_merge(client_editor, ruiz):
    peskov = Speaker.objects.create(name="Dmitry Peskov", aliases=["Peskov"])
    response = client_editor.post(
        reverse("annotations:speaker_edit", args=[ruiz.pk]), form_data(ruiz, name="peskov")
    )
    assert response.status_code == 422
    html = response.content.decode()
    assert f"(#{peskov.pk}), already has this name or alias" in html
    assert "Merge the two speakers" in html
    ruiz.refresh_from_db()
    assert ruiz.name == "Ana Ruiz"


def test_malformed_posts_never_500(client_editor, ruiz):
    url = reverse("annotations:speaker_edit", args=[ruiz.pk])
    for data in ({}, {"name": "x" * 5000}, {"kind": ["a", "b"]}):
        assert client_editor.post(url, data).status_code == 422
    # NUL characters are refused for every page by annotations.middleware.RejectNulCharacters.
    assert client_editor.post(url, {"aliases": "\x00"}).status_code == 400
    assert client_editor.put(url).status_code == 405


def test_csrf_is_enforced(editor, ruiz):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = reverse("annotations:speaker_edit", args=[ruiz.pk])
    assert client.post(url, form_data(ruiz)).status_code == 403
    ruiz.refresh_from_db()
    assert ruiz.role == "deputy mayor"

    client.get(url)  # sets the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(url, form_data(ruiz), headers={"X-CSRFToken": token})
    assert response.status_code == 302
    ruiz.refresh_from_db()
    assert ruiz.role == "mayor"


def test_users_without_the_permission_cannot_edit(client, django_user_model, ruiz):
    reader = django_user_model.objects.create_user("reader", password="pw-reader-123")
    client.force_login(reader)
    response = client.post(reverse("annotations:speaker_edit", args=[ruiz.pk]), form_data(ruiz))
    assert response.status_code == 403
    # A user in no newsroom group is stopped before the view (annotations.middleware).
    assert "Ask an admin for access" in response.content.decode()
    ruiz.refresh_from_db()
    assert ruiz.role == "deputy mayor"


def test_a_save_on_top_of_someone_elses_change_is_refused_then_can_be_repeated(
    client_editor, admin_user, ruiz
):
    opened = form_data(ruiz, role="mayor")  # the editor opens the form...
    ruiz.role = "acting mayor"  # ...and an admin saves first
    ruiz._history_user = admin_user
    ruiz.save()
    url = reverse("annotations:speaker_edit", args=[ruiz.pk])

    response = client_editor.post(url, opened, headers={"HX-Request": "true"})

    assert response.status_code == 409
    html = response.content.decode()
    assert "ada changed this speaker after you opened the form" in html
    assert "role “acting mayor”" in html
    assert 'value="mayor"' in html  # the editor's input is still there
    ruiz.refresh_from_db()
    assert ruiz.role == "acting mayor"

    # The re-rendered form carries the current version: saving again is a knowing overwrite.
    assert f'value="{speaker_version(ruiz)}"' in html
    again = client_editor.post(url, {**opened, "loaded_version": speaker_version(ruiz)})
    assert again.status_code == 302
    ruiz.refresh_from_db()
    assert ruiz.role == "mayor"


def test_a_post_without_a_version_is_refused(client_editor, ruiz):
    data = form_data(ruiz)
    del data["loaded_version"]
    response = client_editor.post(reverse("annotations:speaker_edit", args=[ruiz.pk]), data)
    assert response.status_code == 409
    ruiz.refresh_from_db()
    assert ruiz.role == "deputy mayor"
