from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from annotations.models import PreannotationJob
from annotations.tasks import check_job, live_workers, resume_job


def worker_missing(job: PreannotationJob) -> bool:
    """A job waits for a database worker, and none has reported for a while."""
    uses_db_worker = settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db.")
    waiting = job.status in (PreannotationJob.Status.QUEUED, PreannotationJob.Status.RUNNING)
    return uses_db_worker and waiting and not live_workers().exists()


def job_progress(request, job_id: int):
    """A background pre-annotation job's progress; the HTMX partial polls itself while it runs."""
    job = check_job(get_object_or_404(PreannotationJob, pk=job_id))
    running = job.status in (PreannotationJob.Status.QUEUED, PreannotationJob.Status.RUNNING)
    template = "annotations/job_progress.html"
    if request.htmx:
        template += "#job-progress"
    context = {
        "job": job,
        "running": running,
        "worker_missing": worker_missing(job),
        "can_resume": job.status == PreannotationJob.Status.FAILED
        and request.user.has_perm("annotations.change_article"),
    }
    return render(request, template, context)


@require_POST
def job_resume(request, job_id: int):
    """Resume a failed job after the articles it finished (the Resume button)."""
    if not request.user.has_perm("annotations.change_article"):
        raise PermissionDenied("Only editors and admins can resume a job.")
    job = get_object_or_404(PreannotationJob, pk=job_id)
    try:
        resume_job(job)
    except ValueError as exc:
        context = {"job": check_job(job), "running": False, "message": str(exc)}
        return render(request, "annotations/job_progress.html", context, status=409)
    return redirect("annotations:job_progress", job.pk)
