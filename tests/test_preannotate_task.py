"""The background pre-annotation task and its job record (the real worker: test_task_worker.py)."""

import pytest
from django_tasks_db.models import DBTaskResult

from annotations import preannotation
from annotations.models import Article, PreannotationJob, Quote
from annotations.tasks import check_job, preannotate_job, queue_preannotation


@pytest.fixture
def articles(db) -> list[Article]:
    return [
        Article.objects.create(title=f"Story {n}", text=f"“We won game {n},” said Mia Holt. Fine.")
        for n in range(3)
    ]


def test_queue_creates_job_and_enqueues_task(articles, editor):
    job = queue_preannotation([a.pk for a in articles], by=editor)

    assert (job.status, job.total, job.done) == ("queued", 3, 0)
    assert job.article_ids == [a.pk for a in articles]
    assert job.created_by == editor
    result = DBTaskResult.objects.get(pk=job.task_id)
    assert result.task_path == "annotations.tasks.preannotate_job"
    assert result.args_kwargs == {"args": [job.pk], "kwargs": {}}
    assert result.status == "READY"


def test_queue_needs_articles(db):
    with pytest.raises(ValueError, match="No articles"):
        queue_preannotation([], by=None)
    assert not PreannotationJob.objects.exists()


def test_task_records_progress_and_finishes(articles, fake_preannotator):
    done_seen = []
    fake_preannotator.before_text = lambda text: done_seen.append(
        PreannotationJob.objects.get().done
    )
    job = PreannotationJob.objects.create(article_ids=[a.pk for a in articles], total=3)

    stats = preannotate_job.call(job.pk)

    job.refresh_from_db()
    assert (job.status, job.done, job.error) == ("done", 3, "")
    assert job.finished_at is not None
    assert done_seen == [0, 1, 2]
    assert stats["quotes"] == 3
    assert Quote.objects.filter(origin="model", model_version="fake-1").count() == 3
    assert set(Article.objects.values_list("status", flat=True)) == {"proposed"}


def test_task_skips_deleted_articles(articles, fake_preannotator):
    job = PreannotationJob.objects.create(article_ids=[a.pk for a in articles], total=3)
    articles[1].delete()

    stats = preannotate_job.call(job.pk)

    job.refresh_from_db()
    assert (job.status, job.done) == ("done", 3)
    assert (stats["articles"], stats["missing"]) == (2, 1)


def test_failed_task_records_the_error(articles, monkeypatch):
    def broken():
        raise RuntimeError("spaCy model en_core_web_xx is not installed")

    monkeypatch.setattr(preannotation, "get_preannotator", broken)
    job = PreannotationJob.objects.create(article_ids=[articles[0].pk], total=1)

    with pytest.raises(RuntimeError):
        preannotate_job.call(job.pk)

    job.refresh_from_db()
    assert job.status == "failed"
    assert "en_core_web_xx is not installed" in job.error
    assert job.finished_at is not None


def test_check_job_notices_a_task_that_failed_outside_the_job(articles):
    job = queue_preannotation([articles[0].pk])
    DBTaskResult.objects.filter(pk=job.task_id).update(
        status="FAILED",
        exception_class_path="builtins.MemoryError",
        traceback="Traceback (most recent call last):\nMemoryError: out of memory",
    )

    check_job(job)

    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error == "MemoryError: out of memory"
