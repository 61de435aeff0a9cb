"""The app answers many requests at once: a browser loads a page, its htmx fragments and its
polls in parallel, and the server (the test live server too) answers each in its own thread."""

import threading
import urllib.request

import pytest
from django.contrib.auth.models import Group, User

from annotations.models import Article
from tests.conftest import restore_newsroom_groups

pytestmark = pytest.mark.django_db(transaction=True)


def test_parallel_requests_of_one_logged_in_editor_all_succeed(live_server, client):
    restore_newsroom_groups()
    editor = User.objects.create_user("para", password="pw-para-12345")
    editor.groups.add(Group.objects.get(name="editors"))
    article = Article.objects.create(title="Harbour", text="“We will reopen,” said Tom Reyes.")
    client.force_login(editor)
    session = client.cookies["sessionid"].value
    paths = ["/", f"/articles/{article.pk}/", "/speakers/", "/dashboard/", "/search/?q=reopen"]
    statuses, errors = [], []

    def fetch(path: str) -> None:
        request = urllib.request.Request(live_server.url + path)
        request.add_header("Cookie", f"sessionid={session}")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                statuses.append(response.status)
        except Exception as error:  # an HTTP 500 or a dropped connection
            errors.append(f"{path}: {error}")

    threads = [threading.Thread(target=fetch, args=(p,)) for _ in range(8) for p in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    assert statuses == [200] * len(threads)
