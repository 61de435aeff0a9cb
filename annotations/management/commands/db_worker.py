"""``manage.py db_worker``: django-tasks-db's worker, plus a heartbeat and stale-job recovery.

While the worker lives, a background thread records it in ``WorkerHeartbeat`` every
``WORKER_HEARTBEAT_SECONDS`` (the progress page tells "waiting for a worker" from "no worker
is running") and resumes pre-annotation jobs whose worker died mid-job (``kill -9``, out of
memory, a machine gone): see :func:`annotations.tasks.recover_stale_jobs`.
"""

import logging
import os
import socket
import threading

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from annotations.models import WorkerHeartbeat
from annotations.tasks import recover_stale_jobs

logger = logging.getLogger(__name__)


def beat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id,
        defaults={
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
            "last_seen": timezone.now(),
        },
    )


def heartbeat_loop(worker_id: str, stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            close_old_connections()
            beat(worker_id)
            for job in recover_stale_jobs():
                logger.warning("Recovered pre-annotation job %s: now %s", job.pk, job.status)
        except Exception:  # never let a database hiccup kill the heartbeat
            logger.exception("Worker heartbeat failed")
        stop.wait(settings.WORKER_HEARTBEAT_SECONDS)
    connection.close()


class Command(DatabaseWorkerCommand):
    help = DatabaseWorkerCommand.help + " Records a heartbeat and resumes jobs of dead workers."

    def handle(self, *args, **options):
        worker_id = options["worker_id"]
        stop = threading.Event()
        thread = threading.Thread(
            target=heartbeat_loop, args=(worker_id, stop), name="heartbeat", daemon=True
        )
        thread.start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
            thread.join(timeout=5)
            WorkerHeartbeat.objects.filter(worker_id=worker_id).delete()
