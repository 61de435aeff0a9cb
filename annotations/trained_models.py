"""Trained pre-annotator models kept in the database, and the one ``Preannotator()`` uses.

A trained model is a directory written by ``annotations.preannotator.training.train`` (with a
``meta.json`` naming its version). It is stored as a tar.gz archive in
:class:`~annotations.models.TrainedModel`, so every worker on every machine sees the same
models, and extracted once per process into a cache folder (``PREANNOTATOR_CACHE_DIR``) when it
is the active one.

``active_trained_dir()`` is the default lookup behind ``Preannotator()`` with no argument
(after the ``PREANNOTATOR_TRAINED`` setting or environment variable, which wins).
"""

import io
import json
import os
import re
import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import DatabaseError

from .models import Article, TrainedModel

# Extracted model directories of this process, by version.
_extracted: dict[str, Path] = {}


class ArchiveError(ValueError):
    """A trained model directory or archive that cannot be stored or used."""


def read_meta(directory: str | Path) -> dict:
    """The ``meta.json`` of a trained model directory; ArchiveError when missing or bad."""
    path = Path(directory) / "meta.json"
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ArchiveError(f"{directory} is not a trained model: it has no meta.json.") from None
    except (OSError, ValueError) as exc:
        raise ArchiveError(f"Cannot read {path}: {exc}") from exc
    if not isinstance(meta, dict) or not str(meta.get("version") or "").strip():
        raise ArchiveError(f"{path} names no version.")
    return meta


def pack(directory: str | Path) -> bytes:
    """The directory's files as a tar.gz archive (paths relative to the directory)."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for path in sorted(Path(directory).rglob("*")):
            archive.add(path, arcname=str(path.relative_to(directory)), recursive=False)
    return buffer.getvalue()


def unpack(data: bytes, directory: str | Path) -> None:
    """Extract an archive made by :func:`pack` into ``directory`` (no paths outside it)."""
    try:
        with tarfile.open(fileobj=io.BytesIO(bytes(data)), mode="r:gz") as archive:
            archive.extractall(directory, filter="data")
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise ArchiveError(f"The stored model archive cannot be read: {exc}") from exc


def store(directory: str | Path, by=None) -> TrainedModel:
    """Save a trained model directory in the database (not active); return the row."""
    meta = read_meta(directory)
    version = str(meta["version"]).strip()[:100]
    if TrainedModel.objects.filter(version=version).exists():
        raise ArchiveError(f"A trained model named {version} is already stored.")
    report = meta.get("report") if isinstance(meta.get("report"), dict) else {}
    articles = meta.get("articles", report.get("articles", 0))
    return TrainedModel.objects.create(
        version=version,
        archive=pack(directory),
        report=report,
        articles_count=articles if isinstance(articles, int) and articles >= 0 else 0,
        created_by=by,
    )


def configured_path() -> str:
    """The ``PREANNOTATOR_TRAINED`` setting or environment variable ("" when unset): a model
    directory that wins over the active model."""
    return getattr(settings, "PREANNOTATOR_TRAINED", "") or os.environ.get(
        "PREANNOTATOR_TRAINED", ""
    )


def cache_dir() -> Path:
    """Where active models are extracted: ``PREANNOTATOR_CACHE_DIR`` or the temp folder."""
    configured = getattr(settings, "PREANNOTATOR_CACHE_DIR", "")
    return Path(configured or Path(tempfile.gettempdir()) / "newsdesk-trained-models")


def extract(model: TrainedModel) -> Path:
    """The model's directory, extracted once (per process, and reused from the cache folder
    when another process of this machine already extracted the same version)."""
    if model.version in _extracted and _extracted[model.version].is_dir():
        return _extracted[model.version]
    root = cache_dir()
    root.mkdir(parents=True, exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", model.version)
    target = root / f"{safe}-{model.pk}"
    if not (target / "meta.json").is_file():
        archive = model.archive  # a deferred field: fetched here, only when extracting
        staging = Path(tempfile.mkdtemp(prefix=f".{safe}-", dir=root))
        try:
            unpack(archive, staging)
            read_meta(staging)
            try:
                os.replace(staging, target)  # atomic: other processes see all of it or none
            except OSError:
                if not (target / "meta.json").is_file():
                    raise
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    _extracted[model.version] = target
    return target


def active_model() -> TrainedModel | None:
    """The active trained model without its archive, or None (rules alone)."""
    try:
        return TrainedModel.objects.defer("archive").filter(is_active=True).first()
    except DatabaseError:  # no table yet (before migrate), or no database at all
        return None


def active_trained_dir() -> str | None:
    """The extracted directory of the active trained model, or None when none is active."""
    model = active_model()
    return str(extract(model)) if model is not None else None


def default_trained_dir() -> str | None:
    """The trained model ``Preannotator()`` uses: the ``PREANNOTATOR_TRAINED`` path when
    set, else the active model of the database, else None (the rules alone)."""
    return configured_path() or active_trained_dir()


# -- training from the database ---------------------------------------------------------

# Used when the training code does not say how many reviewed articles it needs.
DEFAULT_MIN_ARTICLES = 5


class TrainingFailed(Exception):
    """Training could not run or did not produce a model; the message is for the admin."""


def _trainer():
    """The learning side: ``annotations.preannotator.training`` (``train``, ``TrainingError``,
    ``MIN_ARTICLES``) and ``annotations.preannotator.examples`` (``from_database``)."""
    from types import SimpleNamespace

    from .preannotator import examples, training

    return SimpleNamespace(
        train=training.train,
        from_database=examples.from_database,
        TrainingError=training.TrainingError,
        MIN_ARTICLES=getattr(training, "MIN_ARTICLES", DEFAULT_MIN_ARTICLES),
    )


def reviewed_articles() -> int:
    return Article.objects.filter(status=Article.Status.REVIEWED).count()


def min_articles() -> int:
    """How many reviewed articles training needs."""
    try:
        return int(_trainer().MIN_ARTICLES)
    except ImportError:
        return DEFAULT_MIN_ARTICLES


def train_from_database(progress, *, max_minutes: float | None = None, by=None) -> TrainedModel:
    """Train on the reviewed articles of the database and store the model (not active).

    ``progress(done, total, message)`` is called as training goes. Raises TrainingFailed
    with a message for the admin when there is too little to learn from or training fails
    in a way they can act on."""
    try:
        trainer = _trainer()
    except ImportError as exc:
        raise TrainingFailed(f"The training code is not installed: {exc}") from exc
    needed = int(trainer.MIN_ARTICLES)
    reviewed = reviewed_articles()
    if reviewed < needed:
        raise TrainingFailed(
            f"Training needs at least {needed} reviewed articles; the database has "
            f"{reviewed}. Review more articles (accept or reject every proposal, then mark the "
            "article reviewed) and start training again."
        )
    progress(0, 0, "reading the reviewed articles")
    examples = trainer.from_database()
    with tempfile.TemporaryDirectory(prefix="newsdesk-training-") as tmp:
        output = Path(tmp) / "model"
        try:
            trainer.train(examples, output, max_minutes=max_minutes, progress=progress)
        except trainer.TrainingError as exc:
            raise TrainingFailed(str(exc)) from exc
        try:
            return store(output, by=by)
        except ArchiveError as exc:
            raise TrainingFailed(
                f"Training finished but the model cannot be stored: {exc}"
            ) from exc
