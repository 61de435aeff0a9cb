"""A job whose worker died is resumed by a live worker, or fails with a Resume button."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from annotations.models import Article, PreannotationJob, WorkerHeartbeat
from annotations.tasks import check_job, preannotate_job, queue_preannotation, recover_stale_jobs


@pytest.fixture
def articles(db) -> list[Article]:
    return [
        Article.objects.create(title=f"Story {n}", text=f"“We won game {n},” said Mia Holt.")
        for n in range(4)
    ]


def die_mid_job(job: PreannotationJob, done: int, seconds_ago: int = 600) -> None:
    """What a kill -9 leaves behind: running job and task, an old heartbeat."""
    DBTaskResult.objects.filter(pk=job.task_id).update(status="RUNNING")
    PreannotationJob.objects.filter(pk=job.pk).update(
        status=PreannotationJob.Status.RUNNING,
        done=done,
        heartbeat_at=timezone.now() - timedelta(seconds=seconds_ago),
    )


def test_a_stale_job_is_requeued_and_finishes_the_remaining_articles(
    articles, editor, fake_preannotator
):
    job = queue_preannotation([a.pk for a in articles], by=editor)
    preannotate_job.call(job.pk)  # articles 0..3 done once...
    Article.objects.filter(pk__in=[a.pk for a in articles[2:]]).update(status="new")
    for a in articles[2:]:
        a.quotes.all().delete()
    die_mid_job(job, done=2)  # ...but say the worker died after two
    Article.objects.filter(pk=articles[3].pk).update(assignee=editor)  # taken meanwhile

    [recovered] = recover_stale_jobs()

    assert recovered.status == PreannotationJob.Status.QUEUED
    assert recovered.attempts == 1 and "stopped" in recovered.note
    assert DBTaskResult.objects.get(pk=job.task_id).status == "FAILED"
    assert recovered.task_id != job.task_id
    fake_preannotator.calls.clear()
    preannotate_job.call(job.pk)
    job.refresh_from_db()
    assert (job.status, job.done) == ("done", 4)
    assert articles[2].quotes.count() == 1  # picked up
    assert not articles[3].quotes.exists()  # taken by an editor: skipped, with a note
    assert f"skipped: #{articles[3].pk}" in job.note


def test_the_progress_page_notices_a_stale_job(client, articles, editor):
    job = queue_preannotation([a.pk for a in articles], by=editor)
    die_mid_job(job, done=1)
    client.force_login(editor)
    response = client.get(reverse("annotations:job_progress", args=[job.pk]))
    html = response.content.decode()
    assert "Queued" in html and "Resumed automatically" in html
    assert "No worker is running: start <code>manage.py db_worker</code>" in html


def test_no_worker_message_goes_away_when_a_worker_beats(client, articles, editor):
    job = queue_preannotation([a.pk for a in articles], by=editor)
    client.force_login(editor)
    url = reverse("annotations:job_progress", args=[job.pk])
    assert "No worker is running" in client.get(url).content.decode()
    WorkerHeartbeat.objects.create(worker_id="w1", last_seen=timezone.now())
    assert "No worker is running" not in client.get(url).content.decode()


def test_a_job_that_keeps_dying_fails_with_a_resume_button(
    client, articles, editor, settings, fake_preannotator
):
    settings.PREANNOTATION_MAX_RESUMES = 1
    job = queue_preannotation([a.pk for a in articles], by=editor)
    die_mid_job(job, done=1)
    job.refresh_from_db()
    job = check_job(job)
    assert job.status == "queued"
    die_mid_job(job, done=2)
    job.refresh_from_db()
    job = check_job(job)
    assert job.status == "failed" and "press Resume" in job.error

    client.force_login(editor)
    page = client.get(reverse("annotations:job_progress", args=[job.pk])).content.decode()
    assert "Resume</button>" in page
    response = client.post(reverse("annotations:job_resume", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.status == "queued" and job.done == 2
    preannotate_job.call(job.pk)
    job.refresh_from_db()
    assert (job.status, job.done) == ("done", 4)
    assert all(a.quotes.exists() for a in articles[2:])


def test_only_failed_jobs_can_be_resumed(client, articles, editor):
    job = queue_preannotation([a.pk for a in articles], by=editor)
    client.force_login(editor)
    assert client.post(reverse("annotations:job_resume", args=[job.pk])).status_code == 409


def test_a_fresh_heartbeat_is_not_stale(articles, editor):
    job = queue_preannotation([a.pk for a in articles], by=editor)
    die_mid_job(job, done=1, seconds_ago=5)
    assert recover_stale_jobs() == []
    job.refresh_from_db()
    assert job.status == "running"
