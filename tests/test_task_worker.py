"""A real ``manage.py db_worker`` process runs a queued pre-annotation job."""

import os
import subprocess
import sys
from urllib.parse import quote

import pytest
from django.conf import settings
from django.db import connection
from django_tasks_db.models import DBTaskResult

from annotations.models import Article, PreannotationJob, Quote
from annotations.tasks import queue_preannotation

pytestmark = pytest.mark.worker


def database_url() -> str:
    """The test database as a DATABASE_URL, for a worker in another process."""
    db = settings.DATABASES["default"]
    if connection.vendor == "sqlite":  # the test database is a file (see settings)
        return f"sqlite:///{db['NAME']}"
    credentials = quote(db.get("USER") or "", safe="")
    if db.get("PASSWORD"):
        credentials += ":" + quote(db["PASSWORD"], safe="")
    host = db.get("HOST") or "127.0.0.1"
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{credentials}@{host}{port}/{quote(db['NAME'], safe='')}"


@pytest.mark.django_db(transaction=True)
def test_db_worker_runs_a_preannotation_job(editor):
    articles = [
        Article.objects.create(
            title=f"Harbour {n}",
            text=f"The harbour reopened on day {n}.\n\n"
            "“The repairs took longer than we hoped,” said harbour master Tom Reyes.\n",
        )
        for n in range(2)
    ]
    job = queue_preannotation([a.pk for a in articles], by=editor)
    assert job.status == PreannotationJob.Status.QUEUED

    worker = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--batch",  # run what is queued, then exit
            "--no-startup-delay",
            "--no-reload",
            "--interval",
            "0.1",
        ],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": database_url(), "DEBUG": "true"},
        capture_output=True,
        text=True,
        timeout=180,
    )

    assert worker.returncode == 0, worker.stderr
    job.refresh_from_db()
    assert (job.status, job.done, job.total, job.error) == ("done", 2, 2, "")
    assert job.finished_at is not None
    result = DBTaskResult.objects.get(pk=job.task_id)
    assert result.status == "SUCCESSFUL"
    assert result.return_value["articles"] == 2
    for article in articles:
        quote_ = Quote.objects.get(article=article)
        assert quote_.content_text.startswith("The repairs took longer than we hoped")
        assert (quote_.status, quote_.origin) == ("proposed", "model")
        article.refresh_from_db()
        assert article.status == Article.Status.PROPOSED
