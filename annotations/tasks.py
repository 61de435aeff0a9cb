"""Background work, run by ``manage.py db_worker`` (django.tasks, django-tasks-db backend).

The backend is a setting (``TASKS``), so moving to another django.tasks backend changes no
code here. Workers on many machines can share one PostgreSQL database.
"""

import logging
from collections.abc import Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.tasks import TaskResultStatus, task
from django.tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch
from django.utils import timezone

from .models import Article, PreannotationJob, TrainingJob, WorkerHeartbeat
from .preannotation import preannotate_articles
from .trained_models import TrainingFailed, train_from_database

logger = logging.getLogger(__name__)

# Small spaCy batches: the pipeline hands back a whole batch at once, so progress (and what
# is saved if the worker stops) moves in steps of this size.
JOB_BATCH_SIZE = 8


@task()
def preannotate_job(job_id: int) -> dict[str, int]:
    """Pre-annotate the articles of a PreannotationJob, recording progress as it goes.

    A resumed job (``attempts`` > 0) starts after the articles already done and skips the
    ones an editor took while it was stopped, naming them in the job's note.
    """
    jobs = PreannotationJob.objects.filter(pk=job_id)
    job = jobs.get()
    if job.status in (PreannotationJob.Status.DONE, PreannotationJob.Status.FAILED):
        return {}  # finished or given up meanwhile (a duplicate task after a recovery)
    offset = job.done if job.attempts else 0
    remaining = job.article_ids[offset:]
    taken: set[int] = set()
    note = job.note
    if job.attempts:
        taken = set(
            Article.objects.filter(pk__in=remaining, assignee__isnull=False).values_list(
                "pk", flat=True
            )
        )
        if taken:
            note = _add_note(
                note,
                f"{_articles(len(taken))} an editor took while the job was stopped "
                f"{'was' if len(taken) == 1 else 'were'} skipped: "
                + ", ".join(f"#{pk}" for pk in sorted(taken))
                + ".",
            )
    ids = [pk for pk in remaining if pk not in taken]
    # done always counts a prefix of article_ids, skipped ones included, so a job resumed
    # again starts right after the last finished article.
    positions = [n for n, pk in enumerate(remaining, 1) if pk not in taken]
    jobs.update(
        status=PreannotationJob.Status.RUNNING,
        done=offset,
        error="",
        note=note,
        heartbeat_at=timezone.now(),
    )

    def progress(done: int, total: int) -> None:
        position = (
            positions[done - 1] if 0 < done <= len(positions) else len(remaining) * bool(done)
        )
        jobs.update(done=offset + position, heartbeat_at=timezone.now())

    try:
        stats = preannotate_articles(ids, batch_size=JOB_BATCH_SIZE, progress=progress)
    except Exception as exc:
        jobs.update(
            status=PreannotationJob.Status.FAILED,
            error=f"{type(exc).__name__}: {exc}",
            finished_at=timezone.now(),
        )
        raise
    if stats["reviewed"]:
        note = _add_note(
            note,
            f"{_articles(stats['reviewed'])} {'was' if stats['reviewed'] == 1 else 'were'} "
            "reviewed meanwhile and left alone.",
        )
    jobs.update(
        status=PreannotationJob.Status.DONE,
        done=F("total"),
        note=note,
        heartbeat_at=timezone.now(),
        finished_at=timezone.now(),
    )
    return dict(stats)


def _articles(n: int) -> str:
    return f"{n} article{'s' * (n != 1)}"


def _add_note(note: str, line: str) -> str:
    return f"{note}\n{line}" if note else line


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
    if is_stale(job):
        return recover_job(job)
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


# -- workers that die ------------------------------------------------------------------------


def stale_after() -> timedelta:
    return timedelta(seconds=settings.PREANNOTATION_STALE_SECONDS)


def live_workers():
    """Workers whose heartbeat is recent (``manage.py db_worker`` refreshes it)."""
    return WorkerHeartbeat.objects.filter(last_seen__gte=timezone.now() - stale_after())


def is_stale(job: PreannotationJob) -> bool:
    """A running job whose worker stopped beating: killed, out of memory, machine gone."""
    if job.status != PreannotationJob.Status.RUNNING:
        return False
    last = job.heartbeat_at or job.created_at
    return last < timezone.now() - stale_after()


def _fail_lost_task(task_id: str, message: str) -> None:
    """The dead worker's task stays "running" in the task table: close it as failed."""
    from django_tasks_db.models import DBTaskResult

    if not task_id:
        return
    DBTaskResult.objects.filter(pk=task_id, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.FAILED,
        finished_at=timezone.now(),
        exception_class_path="annotations.tasks.WorkerLost",
        traceback=message,
    )


def recover_job(job: PreannotationJob) -> PreannotationJob:
    """Resume a stale job (a live worker picks it up), or fail it after too many tries.

    Row-locked, so two workers noticing the same stale job resume it once.
    """
    with transaction.atomic():
        job = PreannotationJob.objects.select_for_update().get(pk=job.pk)
        if not is_stale(job):
            return job
        seen = timezone.localtime(job.heartbeat_at or job.created_at)
        lost = (
            f"The worker running this job stopped (last seen {seen:%Y-%m-%d %H:%M:%S}) "
            f"after {job.done} of {job.total} articles."
        )
        _fail_lost_task(job.task_id, lost)
        if job.attempts >= settings.PREANNOTATION_MAX_RESUMES:
            job.status = PreannotationJob.Status.FAILED
            job.error = (
                f"{lost} It was resumed {job.attempts} time(s) already and stopped again, so it "
                "is not resumed automatically: press Resume to try once more."
            )
            job.finished_at = timezone.now()
            job.save(update_fields=["status", "error", "finished_at"])
            return job
        job.note = _add_note(job.note, f"{lost} Resumed automatically.")
        return _requeue(job)


def _requeue(job: PreannotationJob) -> PreannotationJob:
    job.attempts += 1
    job.status = PreannotationJob.Status.QUEUED
    job.error = ""
    job.finished_at = None
    job.heartbeat_at = timezone.now()
    job.save(update_fields=["attempts", "status", "error", "note", "finished_at", "heartbeat_at"])
    result = preannotate_job.enqueue(job.pk)
    PreannotationJob.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.refresh_from_db()
    return job


def resume_job(job: PreannotationJob) -> PreannotationJob:
    """An editor's Resume button on a failed job: continue after the articles done."""
    with transaction.atomic():
        job = PreannotationJob.objects.select_for_update().get(pk=job.pk)
        if job.status != PreannotationJob.Status.FAILED:
            raise ValueError(f"Only a failed job can be resumed; this one is {job.status}.")
        job.note = _add_note(job.note, f"Resumed by hand after {job.done} of {job.total}.")
        return _requeue(job)


def recover_stale_jobs() -> list[PreannotationJob]:
    """Resume every stale running job; workers call this with each heartbeat."""
    running = PreannotationJob.objects.filter(status=PreannotationJob.Status.RUNNING)
    return [
        recover_job(job) for job in running.filter(heartbeat_at__lt=timezone.now() - stale_after())
    ]
