"""Background work, run by ``manage.py db_worker`` (django.tasks, django-tasks-db backend).

The backend is a setting (``TASKS``), so moving to another django.tasks backend changes no
code here. Workers on many machines can share one PostgreSQL database.
"""

from collections.abc import Iterable

from django.db.models import F
from django.tasks import TaskResultStatus, task
from django.tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch
from django.utils import timezone

from .models import PreannotationJob
from .preannotation import preannotate_articles

# Small spaCy batches: the pipeline hands back a whole batch at once, so progress (and what
# is saved if the worker stops) moves in steps of this size.
JOB_BATCH_SIZE = 8


@task()
def preannotate_job(job_id: int) -> dict[str, int]:
    """Pre-annotate the articles of a PreannotationJob, recording progress as it goes."""
    jobs = PreannotationJob.objects.filter(pk=job_id)
    job = jobs.get()
    jobs.update(status=PreannotationJob.Status.RUNNING, done=0, error="")

    def progress(done: int, total: int) -> None:
        jobs.update(done=done)

    try:
        stats = preannotate_articles(job.article_ids, batch_size=JOB_BATCH_SIZE, progress=progress)
    except Exception as exc:
        jobs.update(
            status=PreannotationJob.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}",
            finished_at=timezone.now(),
        )
        raise
    jobs.update(status=PreannotationJob.Status.DONE, done=F("total"), finished_at=timezone.now())
    return dict(stats)


def queue_preannotation(article_ids: Iterable[int], by=None) -> PreannotationJob:
    """Create a job for these articles and queue it for a worker; return the job."""
    ids = list(dict.fromkeys(int(pk) for pk in article_ids))
    if not ids:
        raise ValueError("No articles to pre-annotate: choose at least one article.")
    job = PreannotationJob.objects.create(article_ids=ids, total=len(ids), created_by=by)
    try:
        result = preannotate_job.enqueue(job.pk)
    except Exception as exc:
        job.status = PreannotationJob.Status.FAILED
        job.error = f"Could not queue the job: {type(exc).__name__}: {exc}"
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
        raise
    # With an immediate backend the task has already run and updated the row.
    PreannotationJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


def check_job(job: PreannotationJob) -> PreannotationJob:
    """Notice a job whose task failed before it could record the failure itself."""
    if job.status not in (PreannotationJob.Status.QUEUED, PreannotationJob.Status.RUNNING):
        return job
    if not job.task_id:
        return job
    if not preannotate_job.get_backend().supports_get_result:
        return job
    try:
        result = preannotate_job.get_result(job.task_id)
    except (TaskResultDoesNotExist, TaskResultMismatch):
        return job
    if result.status == TaskResultStatus.FAILED:
        last = result.errors[-1].traceback.strip().splitlines()[-1] if result.errors else ""
        job.status = PreannotationJob.Status.FAILED
        job.error = job.error or last or "The background task failed."
        job.finished_at = job.finished_at or timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
    return job
