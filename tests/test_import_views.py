"""The import pages: who may use them, the paste form, uploads, CSRF and pre-annotation."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from annotations.models import Article, PreannotationJob

UPLOAD = reverse("annotations:import_upload")
PASTE = reverse("annotations:import_paste")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def paste_data(**changes) -> dict:
    data = {
        "title": "Library opens",
        "outlet": "Town Crier",
        "url": "https://crier.example/library",
        "author": "Bo Chen",
        "published": "2025-09-01",
        "text": "The new library opened on Monday.\r\n\r\n“Come in,” the librarian said.",
    }
    data.update(changes)
    return data


@pytest.mark.parametrize("url", [UPLOAD, PASTE])
def test_login_required(client, db, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("url", [UPLOAD, PASTE])
def test_users_outside_the_newsroom_groups_may_not_import(client, django_user_model, url):
    client.force_login(django_user_model.objects.create_user("visitor", password="x"))
    assert client.get(url).status_code == 403
    assert client.post(url, paste_data()).status_code == 403
    assert Article.objects.count() == 0


@pytest.mark.parametrize("group", ["editors", "admins"])
def test_editors_and_admins_may_import(client, django_user_model, group):
    user = django_user_model.objects.create_user("someone", password="x")
    user.groups.add(Group.objects.get(name=group))
    client.force_login(user)
    page = client.get(UPLOAD)
    assert page.status_code == 200
    assert f'href="{UPLOAD}"' in page.text  # the nav link
    assert client.post(PASTE, paste_data()).status_code == 302
    assert Article.objects.count() == 1


def test_the_import_link_is_hidden_from_others(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("visitor", password="x"))
    assert f'href="{UPLOAD}"' not in client.get(reverse("annotations:queue")).text


def test_paste_imports_one_article_and_opens_it(editor_client):
    response = editor_client.post(PASTE, paste_data())
    article = Article.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("annotations:review", args=[article.pk])
    assert article.title == "Library opens"
    assert article.text == "The new library opened on Monday.\n\n“Come in,” the librarian said."
    assert str(article.published) == "2025-09-01"
    assert (article.outlet, article.author) == ("Town Crier", "Bo Chen")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"text": "   \n "}, "text", "Paste the article text."),
        ({"published": "01/09/2025"}, "published", "Enter a valid date."),
        ({"url": "not a url"}, "url", "Enter a valid URL."),
        ({"title": "x" * 501}, "title", "at most 500 characters"),
    ],
)
def test_paste_form_validation(editor_client, changes, field, message):
    response = editor_client.post(PASTE, paste_data(**changes))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    assert message in response.text
    assert Article.objects.count() == 0


def test_paste_of_a_duplicate_names_the_existing_article(editor_client, article):
    response = editor_client.post(PASTE, paste_data(url=article.url))
    assert response.status_code == 409
    assert f"same url as article #{article.pk}" in response.text
    assert Article.objects.count() == 1


def test_csrf_is_enforced(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    assert client.post(PASTE, paste_data()).status_code == 403
    upload = SimpleUploadedFile("a.txt", b"Title\nText.")
    assert client.post(UPLOAD, {"files": [upload]}).status_code == 403
    assert Article.objects.count() == 0


def test_upload_many_files_shows_the_report(editor_client):
    files = [
        SimpleUploadedFile("one.txt", b"First title\nFirst text."),
        SimpleUploadedFile("two.csv", b"title,text\nSecond,Second text.\nThird,First text.\n"),
        SimpleUploadedFile("bad.jsonl", b'{"title": "Broken"\n'),
        SimpleUploadedFile("empty.txt", b""),
    ]
    response = editor_client.post(UPLOAD, {"files": files, "outlet": "Wire"})
    assert response.status_code == 400  # some input was bad; the rest is imported
    assert sorted(Article.objects.values_list("title", "outlet")) == [
        ("First title", "Wire"),
        ("Second", "Wire"),
    ]
    report = response.context["report"]
    assert len(report.imported) == 2
    assert [(d.file, d.where) for d in report.duplicates] == [("two.csv", "row 3")]
    assert {(e.file, e.where) for e in report.errors} == {
        ("bad.jsonl", "line 1"),
        ("empty.txt", ""),
    }
    assert "bad.jsonl" in response.text and "malformed JSON" in response.text
    assert "empty.txt" in response.text and "the file is empty" in response.text


def test_upload_of_clean_files_is_ok(editor_client):
    upload = SimpleUploadedFile("a.jsonl", json.dumps({"title": "T", "text": "x y"}).encode())
    response = editor_client.post(UPLOAD, {"files": [upload]})
    assert response.status_code == 200
    assert "<strong>1</strong> imported" in response.text


def test_upload_without_files(editor_client):
    response = editor_client.post(UPLOAD, {})
    assert response.status_code == 400
    assert "This field is required." in response.text


def test_upload_over_the_size_limit(editor_client, settings):
    settings.MAX_UPLOAD_SIZE = 50
    upload = SimpleUploadedFile("big.txt", b"Title\n" + b"word " * 20)
    response = editor_client.post(UPLOAD, {"files": [upload]})
    assert response.status_code == 400
    assert "over the limit of" in response.text
    assert Article.objects.count() == 0


def test_upload_can_queue_pre_annotation_and_shows_its_progress(editor_client, monkeypatch):
    queued = []

    def fake_queue(article_ids, by=None):
        queued.append((list(article_ids), by))
        return PreannotationJob.objects.create(
            article_ids=list(article_ids), total=len(article_ids), created_by=by
        )

    monkeypatch.setattr("annotations.tasks.queue_preannotation", fake_queue)
    files = [SimpleUploadedFile("a.txt", b"A\nText a."), SimpleUploadedFile("b.txt", b"B\nText b.")]
    response = editor_client.post(UPLOAD, {"files": files, "preannotate": "on"})
    assert response.status_code == 200
    [(ids, by)] = queued
    assert sorted(ids) == sorted(Article.objects.values_list("pk", flat=True))
    assert by.username == "edna"
    job = PreannotationJob.objects.get()
    assert reverse("annotations:job_progress", args=[job.pk]) in response.text
    assert 'hx-trigger="every 1s"' in response.text


def test_upload_without_the_checkbox_queues_nothing(editor_client):
    editor_client.post(UPLOAD, {"files": [SimpleUploadedFile("a.txt", b"A\nText a.")]})
    assert Article.objects.count() == 1
    assert not PreannotationJob.objects.exists()
