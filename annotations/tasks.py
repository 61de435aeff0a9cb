"""Background work, run by ``manage.py db_worker`` (django.tasks, django-tasks-db backend).

The backend is a setting (``TASKS``), so moving to another django.tasks backend changes no
code here. Workers on many machines can share one PostgreSQL database.
"""

from collections.abc import Iterable

from django.db.models import F
from django.tasks import TaskResultStatus, task
from django.tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch
from django.utils import timezone

from .models import PreannotationJob, TrainingJob
from .preannotation import preannotate_articles
from .trained_models import TrainingFailed, train_from_database

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


def _task_failure(task_function, task_id: str) -> str | None:
    """The last error line of a task that failed, or None when it did not (or is unknown)."""
    if not task_id or not task_function.get_backend().supports_get_result:
        return None
    try:
        result = task_function.get_result(task_id)
    except (TaskResultDoesNotExist, TaskResultMismatch):
        return None
    if result.status != TaskResultStatus.FAILED:
        return None
    last = result.errors[-1].traceback.strip().splitlines()[-1] if result.errors else ""
    return last or "The background task failed."


def check_job(job: PreannotationJob) -> PreannotationJob:
    """Notice a job whose task failed before it could record the failure itself."""
    if job.status not in (PreannotationJob.Status.QUEUED, PreannotationJob.Status.RUNNING):
        return job
    failure = _task_failure(preannotate_job, job.task_id)
    if failure is not None:
        job.status = PreannotationJob.Status.FAILED
        job.error = job.error or failure
        job.finished_at = job.finished_at or timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
    return job


@task()
def train_model(job_id: int) -> dict:
    """Train a pre-annotator model on the reviewed articles (a TrainingJob), recording
    progress on the job row; the model is stored, not activated (an admin decides)."""
    jobs = TrainingJob.objects.filter(pk=job_id)
    job = jobs.get()
    jobs.update(status=TrainingJob.Status.RUNNING, done=0, error="", message="starting")

    def progress(done: int, total: int, message: str = "") -> None:
        jobs.update(done=max(0, int(done)), total=max(0, int(total)), message=str(message)[:300])

    try:
        model = train_from_database(progress, max_minutes=job.max_minutes, by=job.created_by)
    except TrainingFailed as exc:
        # Something the admin can act on (too few reviewed articles ...): no traceback.
        jobs.update(status=TrainingJob.Status.FAILED, error=str(exc), finished_at=timezone.now())
        return {"error": str(exc)}
    except Exception as exc:
        jobs.update(
            status=TrainingJob.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}",
            finished_at=timezone.now(),
        )
        raise
    jobs.update(
        status=TrainingJob.Status.DONE,
        trained_model=model,
        message="done",
        finished_at=timezone.now(),
    )
    return {"trained_model": model.pk, "version": model.version}


class TrainingAlreadyRunning(Exception):
    def __init__(self, job: TrainingJob):
        self.job = job
        super().__init__(
            f"A training job (number {job.pk}) is already {job.get_status_display().lower()}; "
            "wait for it to finish before starting another."
        )


def queue_training(by=None, max_minutes: float | None = None) -> TrainingJob:
    """Create a training job and queue it for a worker; one job at a time."""
    running = TrainingJob.objects.filter(
        status__in=[TrainingJob.Status.QUEUED, TrainingJob.Status.RUNNING]
    ).first()
    if running is not None and check_training_job(running).running:
        raise TrainingAlreadyRunning(running)
    job = TrainingJob.objects.create(created_by=by, max_minutes=max_minutes)
    try:
        result = train_model.enqueue(job.pk)
    except Exception as exc:
        job.status = TrainingJob.Status.FAILED
        job.error = f"Could not queue the job: {type(exc).__name__}: {exc}"
        job.finished_at = timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
        raise
    # With an immediate backend the task has already run and updated the row.
    TrainingJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


def check_training_job(job: TrainingJob) -> TrainingJob:
    """Notice a training job whose task failed before it could record the failure itself."""
    if not job.running:
        return job
    failure = _task_failure(train_model, job.task_id)
    if failure is not None:
        job.status = TrainingJob.Status.FAILED
        job.error = job.error or failure
        job.finished_at = job.finished_at or timezone.now()
        job.save(update_fields=["status", "error", "finished_at"])
    return job
