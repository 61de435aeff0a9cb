"""Trained models in the database: archive round trip, one active model, the default lookup."""

import io
import json
import tarfile
from pathlib import Path

import pytest
from django.db import IntegrityError

from annotations import trained_models
from annotations.models import TrainedModel
from annotations.trained_models import ArchiveError


def model_dir(root: Path, version: str, articles: int = 12) -> Path:
    """A stand-in for a directory written by training: meta.json plus weights in a subfolder."""
    directory = root / version
    (directory / "ner").mkdir(parents=True)
    report = {"articles": articles, "trained": {"content_exact_f1": 0.61}, "rules": {}}
    meta = {"version": version, "articles": articles, "report": report}
    (directory / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    (directory / "ner" / "model").write_bytes(bytes(range(256)) * 40 + version.encode())
    (directory / "calibration.json").write_text("{}", encoding="utf-8")
    return directory


def files(directory: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(autouse=True)
def cache(settings, tmp_path, monkeypatch):
    """Each test extracts into its own cache folder, as a fresh process would."""
    settings.PREANNOTATOR_CACHE_DIR = str(tmp_path / "cache")
    settings.PREANNOTATOR_TRAINED = ""
    monkeypatch.delenv("PREANNOTATOR_TRAINED", raising=False)
    monkeypatch.setattr(trained_models, "_extracted", {})


def test_a_trained_model_round_trips_through_the_database(db, tmp_path, admin_user):
    source = model_dir(tmp_path / "out", "trained-20261205-1700-aaaa1111", articles=37)

    stored = trained_models.store(source, by=admin_user)

    model = TrainedModel.objects.get(pk=stored.pk)  # read back from the database
    assert (model.version, model.articles_count, model.is_active) == (
        "trained-20261205-1700-aaaa1111",
        37,
        False,
    )
    assert model.report["trained"]["content_exact_f1"] == 0.61
    assert model.created_by == admin_user
    assert model.archive_size == len(bytes(model.archive)) > 0
    extracted = trained_models.extract(model)
    assert extracted.parent == Path(trained_models.cache_dir())
    assert files(extracted) == files(source)


def test_store_refuses_a_folder_that_is_not_a_trained_model(db, tmp_path):
    with pytest.raises(ArchiveError, match="no meta.json"):
        trained_models.store(tmp_path)
    (tmp_path / "meta.json").write_text('{"articles": 3}', encoding="utf-8")
    with pytest.raises(ArchiveError, match="names no version"):
        trained_models.store(tmp_path)
    assert not TrainedModel.objects.exists()


def test_store_refuses_a_version_already_stored(db, tmp_path):
    trained_models.store(model_dir(tmp_path / "a", "trained-x"))
    with pytest.raises(ArchiveError, match="already stored"):
        trained_models.store(model_dir(tmp_path / "b", "trained-x"))
    assert TrainedModel.objects.count() == 1


def test_an_archive_cannot_write_outside_its_folder(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        data = b"overwritten"
        info = tarfile.TarInfo("../escaped.txt")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    with pytest.raises(ArchiveError):
        trained_models.unpack(buffer.getvalue(), tmp_path / "into")
    assert not (tmp_path / "escaped.txt").exists()
    with pytest.raises(ArchiveError, match="cannot be read"):
        trained_models.unpack(b"not an archive", tmp_path / "into")


def test_at_most_one_model_is_active(db, tmp_path):
    first = trained_models.store(model_dir(tmp_path, "trained-1"))
    second = trained_models.store(model_dir(tmp_path, "trained-2"))

    first.activate()
    second.activate()

    assert list(TrainedModel.objects.filter(is_active=True)) == [second]
    with pytest.raises(IntegrityError):
        TrainedModel.objects.filter(pk=first.pk).update(is_active=True)


def test_the_default_lookup_follows_activation(db, tmp_path):
    first = trained_models.store(model_dir(tmp_path, "trained-1"))
    second = trained_models.store(model_dir(tmp_path, "trained-2"))
    assert trained_models.default_trained_dir() is None  # nothing active: the rules alone

    first.activate()
    path = trained_models.default_trained_dir()
    assert json.loads((Path(path) / "meta.json").read_text())["version"] == "trained-1"

    second.activate()
    path = trained_models.default_trained_dir()
    assert json.loads((Path(path) / "meta.json").read_text())["version"] == "trained-2"

    assert TrainedModel.deactivate_all() == 1
    assert trained_models.default_trained_dir() is None


def test_the_configured_path_wins_over_the_active_model(db, tmp_path, settings, monkeypatch):
    trained_models.store(model_dir(tmp_path, "trained-1")).activate()
    settings.PREANNOTATOR_TRAINED = "/models/from-the-setting"
    assert trained_models.default_trained_dir() == "/models/from-the-setting"
    settings.PREANNOTATOR_TRAINED = ""
    monkeypatch.setenv("PREANNOTATOR_TRAINED", "/models/from-the-environment")
    assert trained_models.default_trained_dir() == "/models/from-the-environment"


def test_the_active_model_is_extracted_once_per_process(db, tmp_path, monkeypatch):
    trained_models.store(model_dir(tmp_path, "trained-1")).activate()
    calls = []
    unpack = trained_models.unpack
    monkeypatch.setattr(trained_models, "unpack", lambda *a: calls.append(1) or unpack(*a))

    paths = {trained_models.active_trained_dir() for _ in range(3)}

    assert len(paths) == 1 and calls == [1]
    # Another process of this machine finds the extracted folder and does not unpack again.
    monkeypatch.setattr(trained_models, "_extracted", {})
    assert trained_models.active_trained_dir() in paths and calls == [1]


def test_no_table_means_no_trained_model(monkeypatch):
    """Batch use before ``migrate`` (or without a database): the rules alone, no error."""
    from django.db import DatabaseError

    def broken():
        raise DatabaseError("no such table: annotations_trainedmodel")

    monkeypatch.setattr(TrainedModel.objects, "defer", lambda *a: broken())
    assert trained_models.active_trained_dir() is None
