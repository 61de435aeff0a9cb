"""Repeated login failures lock the account and the address; admins can unlock."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command


@pytest.fixture
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return 3


@pytest.mark.parametrize("url", ["/login/", "/admin/login/"])
def test_an_account_is_locked_after_repeated_failures(client, editor, limit, url):
    for _ in range(limit):
        client.post(url, {"username": "edna", "password": "wrong"})
    response = client.post(url, {"username": "edna", "password": "pw-edna-123"})
    assert response.status_code == 429
    assert "Too many failed logins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_account_is_locked_from_another_address_too(client, editor, limit):
    for n in range(limit):
        client.post("/login/", {"username": "edna", "password": "x"}, REMOTE_ADDR=f"10.0.0.{n}")
    response = client.post(
        "/login/", {"username": "edna", "password": "pw-edna-123"}, REMOTE_ADDR="10.9.9.9"
    )
    assert response.status_code == 429


def test_an_address_is_locked_whatever_the_account(client, editor, limit):
    for n in range(limit):
        client.post("/login/", {"username": f"guess{n}", "password": "x"})
    response = client.post("/login/", {"username": "edna", "password": "pw-edna-123"})
    assert response.status_code == 429


def test_axes_reset_unlocks(client, editor, limit):
    for _ in range(limit):
        client.post("/login/", {"username": "edna", "password": "wrong"})
    assert AccessAttempt.objects.exists()
    call_command("axes_reset")
    response = client.post("/login/", {"username": "edna", "password": "pw-edna-123"})
    assert response.status_code == 302


def test_a_few_mistakes_do_not_lock(client, editor, limit):
    for _ in range(limit - 1):
        client.post("/login/", {"username": "edna", "password": "wrong"})
    assert (
        client.post("/login/", {"username": "edna", "password": "pw-edna-123"}).status_code == 302
    )
