"""kill -9 a real db_worker mid-job: a new worker finishes the job."""

import os
import signal
import subprocess
import sys
import time

import pytest
from django.conf import settings

from annotations.models import Article, PreannotationJob
from annotations.tasks import queue_preannotation

from .test_task_worker import database_url

pytestmark = pytest.mark.worker

ARTICLES = 12


def start_worker() -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DEBUG": "true",
        "PREANNOTATOR": "tests.slow_preannotator.SlowPreannotator",
        "SLOW_PREANNOTATOR_DELAY": "0.4",
        # Lowered so the test takes seconds: a job is stale after 3 s without a heartbeat.
        "PREANNOTATION_STALE_SECONDS": "3",
        "WORKER_HEARTBEAT_SECONDS": "0.5",
    }
    return subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--no-startup-delay",
            "--no-reload",
            "--interval",
            "0.2",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"timed out waiting for {what}")


@pytest.mark.django_db(transaction=True)
def test_a_killed_worker_s_job_is_finished_by_the_next_worker(editor, settings):
    settings.PREANNOTATION_STALE_SECONDS = 3
    articles = [
        Article.objects.create(title=f"Game {n}", text=f"“We won game {n},” said Mia Holt.")
        for n in range(ARTICLES)
    ]
    job = queue_preannotation([a.pk for a in articles], by=editor)
    first = start_worker()
    try:
        wait_for(
            lambda: PreannotationJob.objects.get(pk=job.pk).done >= 2, 30, "the first articles"
        )
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    done_at_kill = PreannotationJob.objects.get(pk=job.pk).done
    assert done_at_kill < ARTICLES
    # An editor takes one of the remaining articles while no worker runs.
    taken = articles[-1]
    Article.objects.filter(pk=taken.pk).update(assignee=editor, status="in_review")

    second = start_worker()
    try:
        finished = wait_for(
            lambda: PreannotationJob.objects.filter(pk=job.pk, status="done").first(),
            40,
            "the second worker to finish the job",
        )
    finally:
        second.send_signal(signal.SIGTERM)
        second.wait(10)
    assert finished.attempts == 1 and finished.done == ARTICLES
    assert "Resumed automatically" in finished.note
    assert f"skipped: #{taken.pk}" in finished.note
    assert not taken.quotes.exists()
    for article in articles[:-1]:
        assert article.quotes.count() == 1
