"""The job progress page and its self-polling HTMX partial."""

import pytest
from django.urls import reverse

from annotations.models import PreannotationJob


@pytest.fixture
def running_job(db) -> PreannotationJob:
    return PreannotationJob.objects.create(
        article_ids=[1, 2, 3, 4], total=4, done=1, status=PreannotationJob.Status.RUNNING
    )


def test_progress_needs_login(client, running_job):
    response = client.get(reverse("annotations:job_progress", args=[running_job.pk]))

    assert response.status_code == 302
    assert "/login" in response["Location"]


def test_running_job_page_polls_itself(client, editor, running_job):
    client.force_login(editor)
    url = reverse("annotations:job_progress", args=[running_job.pk])

    response = client.get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" in html
    assert '<progress max="4" value="1"' in html
    assert f'hx-get="{url}"' in html and 'hx-trigger="every 1s"' in html
    assert "1 of 4 articles pre-annotated" in html


def test_htmx_request_gets_only_the_partial(client, editor, running_job):
    client.force_login(editor)
    running_job.done = 3
    running_job.save()

    response = client.get(
        reverse("annotations:job_progress", args=[running_job.pk]), headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert "<html" not in html
    assert html.strip().startswith(f'<div id="job-{running_job.pk}"')
    assert 'value="3"' in html and 'hx-trigger="every 1s"' in html


def test_finished_job_stops_polling(client, editor, running_job):
    running_job.status, running_job.done = PreannotationJob.Status.DONE, 4
    running_job.save()
    client.force_login(editor)

    response = client.get(
        reverse("annotations:job_progress", args=[running_job.pk]), headers={"HX-Request": "true"}
    )

    html = response.content.decode()
    assert "hx-trigger" not in html and "hx-get" not in html
    assert "4 of 4 articles pre-annotated" in html
    assert reverse("annotations:queue") in html


def test_failed_job_shows_the_error(client, editor, running_job):
    running_job.status = PreannotationJob.Status.FAILED
    running_job.error = "RuntimeError: model missing"
    running_job.save()
    client.force_login(editor)

    response = client.get(reverse("annotations:job_progress", args=[running_job.pk]))

    html = response.content.decode()
    assert "The job failed: RuntimeError: model missing" in html
    assert "hx-trigger" not in html


def test_unknown_job_is_404(client, editor):
    client.force_login(editor)

    response = client.get(reverse("annotations:job_progress", args=[999]))

    assert response.status_code == 404
