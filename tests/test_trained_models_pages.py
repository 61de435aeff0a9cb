"""The admin pages under /models/: who may use them, what they show, what they change."""

import re

import pytest
from django.urls import reverse

from annotations import trained_models
from annotations.models import Article, Quote, TrainedModel, TrainingJob
from tests.test_trained_models import model_dir


@pytest.fixture
def stored(db, tmp_path, settings) -> list[TrainedModel]:
    settings.PREANNOTATOR_CACHE_DIR = str(tmp_path / "cache")
    models = [
        trained_models.store(model_dir(tmp_path, f"trained-{n}", articles=40)) for n in (1, 2)
    ]
    for model in models:
        model.report = {
            "heldout_articles": 5,
            "trained": {"content_overlap_f1": 0.75, "attribution_f1": 0.66},
            "rules": {"content_overlap_f1": 0.68, "attribution_f1": 0.61},
            "calibration": {"after": [{"band": "0.8-1.0", "proposals": 9, "precision": 0.93}]},
        }
        model.save()
    return models


@pytest.fixture
def as_admin(client, admin_user):
    client.force_login(admin_user)
    return client


def no_inline_code(html: str) -> None:
    """What a strict Content-Security-Policy would block: inline scripts and styles."""
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert "<style" not in html and " style=" not in html


def test_editors_cannot_reach_the_models_pages_or_actions(client, editor, stored):
    client.force_login(editor)
    job = TrainingJob.objects.create()
    urls = [
        ("get", reverse("annotations:trained_models")),
        ("get", reverse("annotations:training_job", args=[job.pk])),
        ("post", reverse("annotations:start_training")),
        ("post", reverse("annotations:activate_model", args=[stored[0].pk])),
        ("post", reverse("annotations:rules_only")),
    ]
    for method, url in urls:
        assert getattr(client, method)(url).status_code == 403, url
    assert TrainingJob.objects.count() == 1
    assert not TrainedModel.objects.filter(is_active=True).exists()
    assert "/models/" not in client.get(reverse("annotations:queue")).content.decode()


def test_the_list_shows_each_models_report_and_article_count(as_admin, stored):
    stored[1].activate()
    response = as_admin.get(reverse("annotations:trained_models"))
    html = response.content.decode()

    assert response.status_code == 200
    assert html.count("Learned from 40 reviewed articles") == 2
    assert "Rules + <strong>trained-2</strong>" in html
    assert "0.750" in html and "0.680" in html and "0.930" in html
    assert "training needs at least" in html
    no_inline_code(html)


def test_activate_and_go_back_to_the_rules(as_admin, stored):
    response = as_admin.post(reverse("annotations:activate_model", args=[stored[0].pk]))
    assert response.status_code == 302
    assert list(TrainedModel.objects.filter(is_active=True)) == [stored[0]]

    as_admin.post(reverse("annotations:activate_model", args=[stored[1].pk]))
    assert list(TrainedModel.objects.filter(is_active=True)) == [stored[1]]

    as_admin.post(reverse("annotations:rules_only"))
    assert not TrainedModel.objects.filter(is_active=True).exists()
    assert as_admin.post(reverse("annotations:activate_model", args=[999])).status_code == 404


def test_start_training_queues_a_job_and_shows_its_progress(as_admin, stored):
    response = as_admin.post(reverse("annotations:start_training"), {"max_minutes": "30"})

    job = TrainingJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("annotations:training_job", args=[job.pk])
    assert (job.status, job.max_minutes) == ("queued", 30)
    TrainingJob.objects.filter(pk=job.pk).update(
        status="running", done=3, total=10, message="epoch 3"
    )
    page = as_admin.get(response["Location"], headers={"HX-Request": "true"})
    html = page.content.decode()
    assert "epoch 3 (3 of 10)" in html and 'hx-trigger="every 2s"' in html
    no_inline_code(as_admin.get(response["Location"]).content.decode())
    again = as_admin.post(reverse("annotations:start_training"), {"max_minutes": ""})
    assert again.status_code == 409 and "already running" in again.content.decode()
    assert TrainingJob.objects.count() == 1


def test_a_failed_job_page_says_why(as_admin):
    job = TrainingJob.objects.create(
        status="failed", error="Training needs at least 5 reviewed articles; the database has 0."
    )
    html = as_admin.get(reverse("annotations:training_job", args=[job.pk])).content.decode()
    assert "Training failed: Training needs at least 5 reviewed articles" in html
    assert "hx-trigger" not in html  # no more polling


@pytest.mark.parametrize("value", ["abc", "-5", "0", "nan", "1e9"])
def test_bad_minutes_are_a_400_naming_the_field(as_admin, value):
    response = as_admin.post(reverse("annotations:start_training"), {"max_minutes": value})
    assert response.status_code == 400
    assert 'class="error"' in response.content.decode()
    assert not TrainingJob.objects.exists()


def test_the_dashboard_shows_precision_by_model_version(as_admin, db):
    article = Article.objects.create(title="A", text="x" * 200)
    versions = {"newsdesk-preannotator 1.0 + en_core_web_sm 3.8.0": ("accepted", "rejected")}
    versions["newsdesk-preannotator 1.0 + en_core_web_sm 3.8.0 + trained-20261205-1"] = (
        "accepted",
        "accepted",
        "accepted",
        "rejected",
        "proposed",
    )
    start = 0
    for version, statuses in versions.items():
        for status in statuses:
            Quote.objects.create(
                article=article,
                content_fragments=[[start, start + 5]],
                status=status,
                origin="model",
                model_version=version,
            )
            start += 10
    html = as_admin.get(reverse("annotations:dashboard")).content.decode()
    rows = re.findall(
        r'<tr class="model-version"><th scope="row">Version: ([^<]+)</th>(.*?)</tr>', html, re.S
    )
    figures = {label: re.findall(r">(\d+%?)<", cells) for label, cells in rows}
    assert figures == {
        "newsdesk-preannotator 1.0 + en_core_web_sm 3.8.0 + trained-20261205-1": ["3", "1", "75%"],
        "newsdesk-preannotator 1.0 + en_core_web_sm 3.8.0": ["1", "1", "50%"],
    }
    assert "trained-20261205-1" in html and "rules 1.0" in html  # the chart's short labels
