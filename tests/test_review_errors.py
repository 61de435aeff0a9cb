"""Refusals on the review page: CSRF, stale versions, bad offsets and malformed requests."""

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Quote

HX = {"HTTP_HX_REQUEST": "true"}


def test_csrf_is_enforced(editor, quote):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    url = reverse("annotations:accept", args=[quote.pk])
    assert client.post(url, {"version": 1}, **HX).status_code == 403
    page = client.get(reverse("annotations:review", args=[quote.article_id]))
    token = page.cookies["csrftoken"].value
    response = client.post(url, {"version": 1}, HTTP_X_CSRFTOKEN=token, **HX)
    assert response.status_code == 200
    quote.refresh_from_db()
    assert quote.status == "accepted"


def test_stale_version_is_refused_with_current_state(client, editor, admin_user, quote):
    client.force_login(admin_user)
    client.post(reverse("annotations:reject", args=[quote.pk]), {"version": 1}, **HX)
    client.force_login(editor)
    response = client.post(reverse("annotations:accept", args=[quote.pk]), {"version": 1}, **HX)
    assert response.status_code == 409
    html = response.content.decode()
    assert "changed by someone else" in html
    assert 'class="quote-card is-rejected"' in html  # the current state, re-rendered
    assert 'data-version="2"' in html
    quote.refresh_from_db()
    assert (quote.status, quote.version) == ("rejected", 2)


def test_stale_speaker_creation_leaves_no_speaker(client, editor, quote):
    from annotations.models import Speaker

    client.force_login(editor)
    client.post(reverse("annotations:reject", args=[quote.pk]), {"version": 1}, **HX)
    response = client.post(
        reverse("annotations:set_speaker", args=[quote.pk]),
        {"version": 1, "name": "Nobody New"},
        **HX,
    )
    assert response.status_code == 409
    assert not Speaker.objects.filter(name="Nobody New").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"field": "content", "start": 5, "end": 99999}, "not inside the article text"),
        ({"field": "content", "start": 30, "end": 10}, "not inside the article text"),
        ({"field": "cue", "start": "1O", "end": 20}, "must be a whole number"),
        ({"field": "nose", "start": 1, "end": 5}, "Unknown span"),
        ({"field": "content", "end": 5}, "missing “start”"),
    ],
)
def test_bad_offsets_get_a_clear_400(client, editor, quote, data, message):
    client.force_login(editor)
    response = client.post(
        reverse("annotations:set_span", args=[quote.pk]), {"version": 1, **data}, **HX
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    quote.refresh_from_db()
    assert quote.version == 1


def test_span_rules_from_shared_validation_are_shown(client, editor, quote):
    client.force_login(editor)
    text = quote.article.text
    start = text.index("hire")
    response = client.post(
        reverse("annotations:set_span", args=[quote.pk]),
        {"version": 1, "field": "cue", "start": start, "end": start + 4},
        **HX,
    )
    assert response.status_code == 400
    assert f"cue [{start}, {start + 4}) overlaps the content" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "kwargs", "data"),
    [
        ("accept", {"quote_id": 999999}, {"version": 1}),
        ("accept", {"quote_id": 2**62}, {"version": 1}),
        ("set_kind", {"quote_id": None}, {"version": 1, "kind": "loud"}),
        ("set_speaker", {"quote_id": None}, {"version": 1, "speaker": "99999"}),
        ("set_speaker", {"quote_id": None}, {"version": 1}),
        ("accept", {"quote_id": None}, {}),
        ("accept", {"quote_id": None}, {"version": "one"}),
        ("accept", {"quote_id": None}, {"version": "9" * 30}),
        ("remove_fragment", {"quote_id": None}, {"version": 1, "fragment": 7}),
        ("add_quote", {"article_id": None}, {"start": "", "end": 3}),
        ("add_quote", {"article_id": 999999}, {"start": 0, "end": 3}),
        ("add_quote", {"article_id": None}, {"start": 0, "end": 3, "kind": "shouted"}),
        ("undo", {"article_id": None}, {}),
        ("update_claim", {"claim_id": 999999}, {"verdict": "true"}),
        ("delete_claim", {"claim_id": 999999}, {}),
    ],
)
def test_malformed_requests_never_5xx(client, editor, quote, name, kwargs, data):
    client.force_login(editor)
    kwargs = {
        k: (v if v is not None else (quote.pk if k == "quote_id" else quote.article_id))
        for k, v in kwargs.items()
    }
    response = client.post(reverse(f"annotations:{name}", kwargs=kwargs), data, **HX)
    assert 400 <= response.status_code < 500
    assert response.content  # a message, not an empty body
    quote.refresh_from_db()
    assert (quote.version, quote.status) == (1, "proposed")


def test_actions_need_post(client, editor, quote):
    client.force_login(editor)
    assert client.get(reverse("annotations:accept", args=[quote.pk])).status_code == 405


def test_accepting_a_duplicate_accepted_span_is_a_clear_409(client, editor, quote):
    twin = Quote.objects.create(
        article=quote.article, content_fragments=quote.content_fragments, status="accepted"
    )
    client.force_login(editor)
    response = client.post(reverse("annotations:accept", args=[quote.pk]), {"version": 1}, **HX)
    assert response.status_code == 409
    assert "Another accepted quote already has this content span" in response.content.decode()
    assert twin.pk != quote.pk
