from django.shortcuts import get_object_or_404, render

from annotations.models import PreannotationJob
from annotations.tasks import check_job


def job_progress(request, job_id: int):
    """A background pre-annotation job's progress; the HTMX partial polls itself while it runs."""
    job = check_job(get_object_or_404(PreannotationJob, pk=job_id))
    running = job.status in (PreannotationJob.Status.QUEUED, PreannotationJob.Status.RUNNING)
    template = "annotations/job_progress.html"
    if request.htmx:
        template += "#job-progress"
    return render(request, template, {"job": job, "running": running})
