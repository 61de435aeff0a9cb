"""Admins assign articles to a named editor from the queue (one or many) and see each
editor's progress; editors cannot assign."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from annotations.models import Article

pytestmark = pytest.mark.django_db
ASSIGN = reverse("annotations:assign_articles")
QUEUE = reverse("annotations:queue")


@pytest.fixture
def articles() -> list[Article]:
    return [
        Article.objects.create(title=f"Story {n}", text=f"Body of story {n}.") for n in range(4)
    ]


def test_admin_assigns_several_articles_to_an_editor(client, admin_user, editor, articles):
    client.force_login(admin_user)
    chosen = [articles[0].pk, articles[2].pk]

    response = client.post(
        ASSIGN, {"article": chosen, "assignee": editor.pk, "next": "/?status=new"}
    )

    assert response.status_code == 302 and response["Location"] == "/?status=new"
    assert set(Article.objects.filter(assignee=editor).values_list("pk", flat=True)) == set(chosen)
    assert "Assigned 2 articles to edna." in client.get(QUEUE).content.decode()


def test_one_article_and_unassigning(client, admin_user, editor, articles):
    client.force_login(admin_user)
    client.post(ASSIGN, {"article": [articles[1].pk], "assignee": editor.pk})
    assert Article.objects.get(pk=articles[1].pk).assignee == editor
    client.post(ASSIGN, {"article": [articles[1].pk], "assignee": "none"})
    assert Article.objects.get(pk=articles[1].pk).assignee is None


def test_reviewed_articles_keep_their_editor(
    client, admin_user, editor, django_user_model, articles
):
    other = django_user_model.objects.create_user("otto", password="x")
    other.groups.add(Group.objects.get(name="editors"))
    done = articles[3]
    done.status, done.assignee = Article.Status.REVIEWED, editor
    done.save()
    client.force_login(admin_user)

    client.post(ASSIGN, {"article": [done.pk, articles[0].pk], "assignee": other.pk})

    assert Article.objects.get(pk=done.pk).assignee == editor
    assert Article.objects.get(pk=articles[0].pk).assignee == other
    assert "1 reviewed article kept their editor." in client.get(QUEUE).content.decode()


def test_editors_may_not_assign_and_see_no_assign_form(client, editor, articles):
    client.force_login(editor)
    response = client.post(ASSIGN, {"article": [articles[0].pk], "assignee": editor.pk})
    assert response.status_code == 403
    assert Article.objects.get(pk=articles[0].pk).assignee is None
    html = client.get(QUEUE).content.decode()
    assert 'id="assign-form"' not in html and "Editors’ progress" not in html


@pytest.mark.parametrize(
    ("data", "status", "message"),
    [
        ({"assignee": "1"}, 400, "Tick at least one article"),
        ({"article": ["x1"], "assignee": "1"}, 400, "must be up to 1000 article ids"),
        ({"article": ["ART"], "assignee": "abc"}, 400, ""),
        ({"article": ["987654"], "assignee": "none"}, 404, "no longer exist"),
    ],
)
def test_bad_input_is_a_clear_4xx(client, admin_user, articles, data, status, message):
    client.force_login(admin_user)
    response = client.post(ASSIGN, data)
    assert response.status_code == status
    assert message in response.content.decode()
    assert not Article.objects.filter(assignee__isnull=False).exists()


def test_only_active_newsroom_users_can_be_assigned(
    client, admin_user, django_user_model, articles
):
    outsider = django_user_model.objects.create_user("visitor", password="x")
    client.force_login(admin_user)
    response = client.post(ASSIGN, {"article": [articles[0].pk], "assignee": outsider.pk})
    assert response.status_code == 400
    assert "is not an active editor or admin" in response.content.decode()


def test_get_and_csrf_are_refused(admin_user, articles):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(admin_user)
    assert strict.get(ASSIGN).status_code == 405
    assert strict.post(ASSIGN, {"article": [articles[0].pk], "assignee": "none"}).status_code == 403


def test_queue_shows_each_editors_progress(client, admin_user, editor, articles):
    articles[0].assignee = articles[1].assignee = articles[2].assignee = editor
    articles[0].status = Article.Status.REVIEWED
    articles[1].status = Article.Status.IN_REVIEW
    for article in articles[:3]:
        article.save()
    client.force_login(admin_user)

    html = client.get(QUEUE).content.decode()

    assert 'id="assign-form"' in html
    assert f'<option value="{editor.pk}">edna</option>' in html
    section = html[html.index("Editors’ progress") :]
    row = section[section.index(">edna</a>") :]
    row = row[: row.index("</tr>")]
    cells = [c.split("<")[0] for c in row.split('<td class="num">')[1:]]
    assert cells == ["3", "1", "1", "2"]  # assigned, in review, reviewed, still to do
