"""The background training job: progress on its row, a stored model, clear failures."""

import json
from types import SimpleNamespace

import pytest
from django_tasks_db.models import DBTaskResult

from annotations import trained_models
from annotations.models import Article, TrainedModel, TrainingJob
from annotations.tasks import TrainingAlreadyRunning, queue_training, train_model


class FakeTrainingError(ValueError):
    pass


@pytest.fixture
def trainer(monkeypatch, settings, tmp_path):
    """``training.train`` stand-in: reports progress, writes a model directory."""
    settings.PREANNOTATOR_CACHE_DIR = str(tmp_path / "cache")
    seen = SimpleNamespace(calls=[], rows=[], fail=None)

    def train(examples, output_dir, *, max_minutes=None, progress=None, **kwargs):
        seen.calls.append({"examples": examples, "max_minutes": max_minutes})
        for step in (1, 2):
            progress(step, 3, f"epoch {step}")
            job = TrainingJob.objects.get()
            seen.rows.append((job.status, job.done, job.total, job.message))
        if seen.fail is not None:
            raise seen.fail
        output_dir.mkdir(parents=True)
        report = {"articles": len(examples), "trained": {"attribution_f1": 0.7}}
        meta = {"version": "trained-test-1", "articles": len(examples), "report": report}
        (output_dir / "meta.json").write_text(json.dumps(meta))
        return report

    fake = SimpleNamespace(
        train=train,
        from_database=lambda: ["article one", "article two"],
        TrainingError=FakeTrainingError,
        MIN_ARTICLES=2,
    )
    monkeypatch.setattr(trained_models, "_trainer", lambda: fake)
    return seen


def reviewed(n: int) -> None:
    for i in range(n):
        Article.objects.create(title=f"A{i}", text=f"Text {i}.", status=Article.Status.REVIEWED)


def test_the_job_reports_progress_and_stores_the_model(db, trainer, admin_user):
    reviewed(2)
    job = TrainingJob.objects.create(created_by=admin_user, max_minutes=10)

    result = train_model.call(job.pk)

    job.refresh_from_db()
    assert trainer.rows == [("running", 1, 3, "epoch 1"), ("running", 2, 3, "epoch 2")]
    assert trainer.calls[0]["max_minutes"] == 10
    assert (job.status, job.error, job.percent) == ("done", "", 100)
    model = job.trained_model
    assert result == {"trained_model": model.pk, "version": "trained-test-1"}
    assert (model.version, model.articles_count, model.created_by) == (
        "trained-test-1",
        2,
        admin_user,
    )
    assert model.report["trained"]["attribution_f1"] == 0.7
    assert not model.is_active  # an admin decides when to use it


def test_too_few_reviewed_articles_fail_with_how_many_are_needed(db, trainer):
    reviewed(1)
    job = TrainingJob.objects.create()

    train_model.call(job.pk)

    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error.startswith("Training needs at least 2 reviewed articles; the database has 1.")
    assert trainer.calls == [] and not TrainedModel.objects.exists()


def test_a_training_error_is_reported_as_its_message(db, trainer):
    reviewed(2)
    trainer.fail = FakeTrainingError("Training needs at least 5 reviewed articles with quotes.")
    job = TrainingJob.objects.create()

    train_model.call(job.pk)

    job.refresh_from_db()
    assert (job.status, job.error) == (
        "failed",
        "Training needs at least 5 reviewed articles with quotes.",
    )
    assert job.finished_at is not None and not TrainedModel.objects.exists()


def test_an_unexpected_error_is_recorded_and_raised(db, trainer):
    reviewed(2)
    trainer.fail = MemoryError("out of memory")
    job = TrainingJob.objects.create()

    with pytest.raises(MemoryError):
        train_model.call(job.pk)

    job.refresh_from_db()
    assert (job.status, job.error) == ("failed", "MemoryError: out of memory")


def test_missing_training_code_fails_clearly(db, monkeypatch):
    def missing():
        raise ImportError("No module named 'annotations.preannotator.training'")

    monkeypatch.setattr(trained_models, "_trainer", missing)
    job = TrainingJob.objects.create()
    train_model.call(job.pk)
    job.refresh_from_db()
    assert job.error.startswith("The training code is not installed")


def test_queue_training_enqueues_one_job_at_a_time(db, admin_user):
    job = queue_training(by=admin_user, max_minutes=5)

    result = DBTaskResult.objects.get(pk=job.task_id)
    assert result.task_path == "annotations.tasks.train_model"
    assert result.args_kwargs == {"args": [job.pk], "kwargs": {}}
    with pytest.raises(TrainingAlreadyRunning, match="already queued"):
        queue_training(by=admin_user)
    assert TrainingJob.objects.count() == 1


def test_end_to_end_with_the_real_training_code(db, tmp_path, settings, monkeypatch, admin_user):
    """Reviewed articles -> the task trains a tiny real model -> stored, activated ->
    ``Preannotator()`` uses it and the quotes it proposes carry its version."""
    from annotations import preannotation
    from annotations.models import Quote
    from annotations.preannotation import get_preannotator, preannotate_article
    from annotations.preannotator import examples, training
    from tests.test_training import reviewed_articles

    settings.PREANNOTATOR_CACHE_DIR = str(tmp_path / "cache")
    settings.PREANNOTATOR_TRAINED = ""
    monkeypatch.delenv("PREANNOTATOR_TRAINED", raising=False)
    monkeypatch.setattr(trained_models, "_extracted", {})
    monkeypatch.setattr(preannotation, "_current", None)

    def tiny_train(data, output, **options):
        return training.train(data, output, **options, tiny=True, max_epochs=1)

    real = SimpleNamespace(
        train=tiny_train,
        from_database=examples.from_database,
        TrainingError=training.TrainingError,
        MIN_ARTICLES=training.MIN_ARTICLES,
    )
    monkeypatch.setattr(trained_models, "_trainer", lambda: real)
    reviewed_articles()
    job = TrainingJob.objects.create(created_by=admin_user)

    train_model.call(job.pk)

    job.refresh_from_db()
    assert job.status == "done", job.error
    model = job.trained_model
    assert model.articles_count > 0 and "trained" in model.report
    assert "trained-" not in get_preannotator().version  # stored, not active yet
    model.activate()
    pre = get_preannotator()
    assert pre.version.endswith(model.version)
    article = Article.objects.create(title="New", text="“The ferry runs again,” said Mia Holt.")
    preannotate_article(article)
    assert set(Quote.objects.filter(article=article).values_list("model_version", flat=True)) == {
        pre.version
    }
