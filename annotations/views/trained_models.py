"""Admin pages for the trained pre-annotator models: train, compare, activate, go back to rules.

Every page and action needs the ``manage_trained_models`` permission (the admins group);
editors get a 403. Training runs in the background worker, never in the request.
"""

import math
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_POST

from annotations import trained_models
from annotations.models import TrainedModel, TrainingJob
from annotations.tasks import TrainingAlreadyRunning, check_training_job, queue_training

PERMISSION = "annotations.manage_trained_models"

# (key in the training report's "trained" / "rules" rows, label)
REPORT_FIGURES = [
    ("content_overlap_f1", "Content F1, overlapping"),
    ("content_exact_f1", "Content F1, exact words"),
    ("cue_accuracy", "Cue accuracy"),
    ("mention_accuracy", "Source mention accuracy"),
    ("attribution_f1", "Attribution F1"),
]
MAX_MINUTES = 24 * 60


def admins_only(view):
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied("Only admins can train and activate pre-annotator models.")
        return view(request, *args, **kwargs)

    return wrapped


class TrainForm(forms.Form):
    max_minutes = forms.FloatField(
        required=False,
        min_value=1,
        max_value=MAX_MINUTES,
        label="Stop after (minutes)",
        help_text="Training stops early when it stops improving; leave empty for no limit.",
    )

    def clean_max_minutes(self):
        value = self.cleaned_data["max_minutes"]
        if value is not None and not math.isfinite(value):
            raise forms.ValidationError("Give a number of minutes.")
        return value


def _figure(value) -> str:
    return f"{value:.3f}" if isinstance(value, int | float) else "–"


def report_rows(report: dict) -> list[tuple[str, str, str]]:
    """(label, trained model + rules, rules alone) for the figures the report holds."""
    trained = report.get("trained") if isinstance(report.get("trained"), dict) else {}
    rules = report.get("rules") if isinstance(report.get("rules"), dict) else {}
    return [
        (label, _figure(trained.get(key)), _figure(rules.get(key)))
        for key, label in REPORT_FIGURES
        if key in trained or key in rules
    ]


def calibration_rows(report: dict) -> list[dict]:
    """Precision per confidence band after calibration, as the report gives it."""
    calibration = report.get("calibration")
    rows = calibration.get("after") if isinstance(calibration, dict) else None
    if not isinstance(rows, list):
        return []
    return [
        {
            "band": row.get("band", ""),
            "proposals": row.get("proposals", 0),
            "precision": _figure(row.get("precision")),
        }
        for row in rows
        if isinstance(row, dict)
    ]


def _page(request: HttpRequest, form: TrainForm | None = None, status: int = 200) -> HttpResponse:
    models = list(TrainedModel.objects.defer("archive").select_related("created_by"))
    for model in models:
        model.rows = report_rows(model.report or {})
        model.calibration = calibration_rows(model.report or {})
    jobs = [check_training_job(job) for job in TrainingJob.objects.all()[:5]]
    context = {
        "models": models,
        "active": next((m for m in models if m.is_active), None),
        "jobs": jobs,
        "running": next((job for job in jobs if job.running), None),
        "form": form or TrainForm(),
        "reviewed": trained_models.reviewed_articles(),
        "needed": trained_models.min_articles(),
        "configured_path": trained_models.configured_path(),
    }
    return render(request, "annotations/trained_models.html", context, status=status)


@require_GET
@admins_only
def model_list(request: HttpRequest) -> HttpResponse:
    return _page(request)


@require_POST
@admins_only
def start_training(request: HttpRequest) -> HttpResponse:
    form = TrainForm(request.POST)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        job = queue_training(by=request.user, max_minutes=form.cleaned_data["max_minutes"])
    except TrainingAlreadyRunning as exc:
        messages.error(request, str(exc))
        return _page(request, form, status=409)
    return redirect("annotations:training_job", job_id=job.pk)


@require_GET
@admins_only
def training_job(request: HttpRequest, job_id: int) -> HttpResponse:
    """A training job's progress; the HTMX partial polls itself while it runs."""
    job = check_training_job(get_object_or_404(TrainingJob, pk=job_id))
    template = "annotations/training_job.html"
    if request.htmx:
        template += "#training-progress"
    return render(request, template, {"job": job})


@require_POST
@admins_only
def activate(request: HttpRequest, model_id: int) -> HttpResponse:
    model = get_object_or_404(TrainedModel.objects.defer("archive"), pk=model_id)
    model.activate()
    messages.success(
        request,
        f"{model.version} is now used beside the rules for new pre-annotations. "
        "Quotes already proposed keep the version that proposed them.",
    )
    return redirect("annotations:trained_models")


@require_POST
@admins_only
def rules_only(request: HttpRequest) -> HttpResponse:
    if TrainedModel.deactivate_all():
        messages.success(request, "New pre-annotations use the rules alone.")
    else:
        messages.info(request, "No trained model was active: the rules alone are in use.")
    return redirect("annotations:trained_models")
