"""A logged-in user in neither newsroom group gets a 403 page, and can change nothing."""

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from annotations.models import Article, PreannotationJob

from .test_login_required import PUBLIC, app_urls


@pytest.fixture
def outsider(db):
    return User.objects.create_user("visitor", password="pw-visitor-123")


# The JSON API authenticates tokens itself (and answers 401/403 in JSON).
PAGES = sorted(u for u in set(app_urls()) - PUBLIC - {"/logout/"} if not u.startswith("/api/"))


@pytest.mark.parametrize("url", PAGES)
def test_every_page_is_closed_to_users_in_no_group(client, outsider, article, url):
    client.force_login(outsider)
    response = client.get(url)
    assert response.status_code == 403, f"GET {url} answered {response.status_code}"
    assert "Ask an admin for access" in response.content.decode()


def test_next_does_not_assign_an_article(client, outsider, article):
    client.force_login(outsider)
    assert client.post(reverse("annotations:next_article")).status_code == 403
    article.refresh_from_db()
    assert article.assignee is None and article.status == Article.Status.NEW


def test_preannotate_does_not_queue_a_job(client, outsider, article):
    client.force_login(outsider)
    assert client.post(reverse("annotations:preannotate_new")).status_code == 403
    assert not PreannotationJob.objects.exists()


def test_json_clients_get_the_message_in_json(client, outsider):
    client.force_login(outsider)
    response = client.get("/", headers={"Accept": "application/json"})
    assert response.status_code == 403
    assert "Ask an admin for access" in response.json()["error"]


def test_the_user_can_still_log_out(client, outsider):
    client.force_login(outsider)
    assert client.post(reverse("logout")).status_code == 302


@pytest.mark.parametrize("group", ["editors", "admins"])
def test_members_of_either_group_get_in(client, outsider, group):
    from .conftest import restore_newsroom_groups

    restore_newsroom_groups()
    outsider.groups.add(Group.objects.get(name=group))
    client.force_login(outsider)
    assert client.get("/").status_code == 200


def test_superusers_get_in(client, db):
    client.force_login(User.objects.create_superuser("root", password="pw-root-123"))
    assert client.get("/").status_code == 200
    assert client.get("/admin/").status_code == 200
