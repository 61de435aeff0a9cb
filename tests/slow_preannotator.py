"""A pre-annotator for worker processes in tests: the fake one, slowed down per article.

Set ``PREANNOTATOR=tests.slow_preannotator.SlowPreannotator`` (and ``SLOW_PREANNOTATOR_DELAY``
in seconds) in a ``db_worker``'s environment so a test can kill it mid-job.
"""

import os
import time

from tests.conftest import FakePreannotator


class SlowPreannotator(FakePreannotator):
    def __init__(self) -> None:
        super().__init__()
        delay = float(os.getenv("SLOW_PREANNOTATOR_DELAY", "0.3"))
        self.before_text = lambda text: time.sleep(delay)
