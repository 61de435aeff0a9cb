from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_search_index(sender, using, **kwargs) -> None:
    from django.db import connections

    from .search_index import ensure_search_index

    ensure_search_index(connections[using])


class AnnotationsConfig(AppConfig):
    name = "annotations"

    def ready(self) -> None:
        # After every migrate and flush: the full-text index and its triggers are there.
        post_migrate.connect(_ensure_search_index, sender=self)
