"""The queue's button queues every new article for background pre-annotation."""

import pytest
from django.urls import reverse

from annotations.models import Article, PreannotationJob


@pytest.fixture
def dummy_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def test_queue_offers_the_button_only_when_there_are_new_articles(client, editor, article):
    client.force_login(editor)
    assert "Pre-annotate 1 new article" in client.get(reverse("annotations:queue")).text
    Article.objects.update(status=Article.Status.PROPOSED)
    assert "Pre-annotate" not in client.get(reverse("annotations:queue")).text


def test_button_queues_a_job_with_the_new_articles(client, editor, article, dummy_tasks):
    Article.objects.create(title="Old", text="Already proposed.", status=Article.Status.PROPOSED)
    client.force_login(editor)
    response = client.post(reverse("annotations:preannotate_new"))
    job = PreannotationJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("annotations:job_progress", args=[job.pk])
    assert job.article_ids == [article.pk]
    assert job.created_by == editor
    assert job.task_id


def test_no_new_articles_means_no_job_and_a_message(client, editor, article):
    Article.objects.update(status=Article.Status.PROPOSED)
    client.force_login(editor)
    response = client.post(reverse("annotations:preannotate_new"), follow=True)
    assert "no new articles" in response.text
    assert not PreannotationJob.objects.exists()
