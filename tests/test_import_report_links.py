"""The upload page's report lists every imported article with a link to its review page."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from annotations.models import Article
from annotations.views import imports as import_views

UPLOAD = reverse("annotations:import_upload")


def txt(name: str, title: str, body: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, f"{title}\n{body}".encode(), content_type="text/plain")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_report_links_each_imported_article(editor_client):
    Article.objects.create(title="Already here", text="Bridge closes for repairs on Friday.")
    files = [
        txt("a.txt", "Ferry fares rise", "The ferry operator raised fares again."),
        txt("b.txt", "Library opens", "The new library opened on Monday."),
        txt("c.txt", "Again", "Bridge closes for repairs on Friday."),  # a duplicate
    ]

    response = editor_client.post(UPLOAD, {"files": files, "outlet": "Town Crier"})

    assert response.status_code == 200
    html = response.content.decode()
    imported = Article.objects.exclude(title="Already here").order_by("id")
    assert [a.title for a in imported] == ["Ferry fares rise", "Library opens"]
    for article in imported:
        link = f'<a href="{reverse("annotations:review", args=[article.pk])}">{article.title}</a>'
        assert link in html
    assert html.index("Ferry fares rise") < html.index("Library opens")  # import order
    listed = html[html.index('class="import-imported"') : html.index("</ol>")]
    assert "Already here" not in listed and "Again" not in listed
    assert "Town Crier" in listed


def test_long_imports_list_the_first_ones_and_point_to_the_queue(editor_client, monkeypatch):
    monkeypatch.setattr(import_views, "IMPORTED_SHOWN", 2)
    files = [txt(f"{n}.txt", f"Story {n}", f"Body of story number {n}.") for n in range(3)]

    html = editor_client.post(UPLOAD, {"files": files}).content.decode()

    listed = html[html.index('class="import-imported"') : html.index("</ol>")]
    assert listed.count("<li>") == 2
    assert "The first 2 of 3 are listed" in html
    assert f'href="{reverse("annotations:queue")}"' in html


def test_nothing_imported_lists_nothing(editor_client):
    response = editor_client.post(UPLOAD, {"files": [txt("e.txt", "Empty", "")]})
    html = response.content.decode()
    assert "<strong>0</strong> imported" in html
    assert 'class="import-imported"' not in html
