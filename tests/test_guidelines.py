"""The annotation guidelines: editors read them, admins edit them; Markdown is rendered with
raw HTML and script links refused; the review page's help links them."""

import pytest
from django.test import Client
from django.urls import reverse

from annotations.models import Guidelines

pytestmark = pytest.mark.django_db
PAGE = reverse("annotations:guidelines")
EDIT = reverse("annotations:guidelines_edit")


def test_editors_read_the_rendered_markdown(client, editor, admin_user):
    Guidelines.objects.create(
        pk=1,
        text="# Quotes\n\n- Mark the **whole** clause.\n- Leave out *that*.",
        updated_by=admin_user,
    )
    client.force_login(editor)
    html = client.get(PAGE).content.decode()
    assert "<h1>Quotes</h1>" in html
    assert "<li>Mark the <strong>whole</strong> clause.</li>" in html
    assert "by ada" in html
    assert f'href="{EDIT}"' not in html  # editors get no edit button


def test_html_and_script_links_are_not_rendered(client, editor):
    Guidelines.objects.create(
        pk=1,
        text='<script>alert(1)</script>\n\n<b onclick="x()">bold</b> [x](javascript:alert(1))',
    )
    client.force_login(editor)
    html = client.get(PAGE).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b onclick" not in html
    assert 'href="javascript:' not in html


def test_editors_may_not_edit(client, editor):
    client.force_login(editor)
    assert client.get(EDIT).status_code == 403
    response = client.post(EDIT, {"text": "Anything goes"})
    assert response.status_code == 403
    assert "Only admins can edit the annotation guidelines." in response.content.decode()
    assert not Guidelines.objects.exists()


def test_admins_edit_and_everyone_sees_the_change(client, admin_user, editor):
    client.force_login(admin_user)
    form = client.get(EDIT)
    assert form.status_code == 200 and "<textarea" in form.content.decode()
    response = client.post(EDIT, {"text": "## Cues\n\nThe verb only."})
    assert response.status_code == 302 and response["Location"] == PAGE
    saved = Guidelines.current()
    assert saved.text == "## Cues\n\nThe verb only." and saved.updated_by == admin_user
    client.post(EDIT, {"text": "## Cues\n\nThe verb, without auxiliaries."})
    assert Guidelines.objects.count() == 1  # one set of guidelines, edited in place
    client.force_login(editor)
    assert "<p>The verb, without auxiliaries.</p>" in client.get(PAGE).content.decode()


def test_empty_guidelines_say_so(client, editor, admin_user):
    client.force_login(editor)
    assert "No guidelines have been written yet." in client.get(PAGE).content.decode()
    client.force_login(admin_user)
    html = client.get(PAGE).content.decode()
    assert f'href="{EDIT}"' in html


def test_edit_needs_csrf_and_login(admin_user):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(admin_user)
    assert strict.post(EDIT, {"text": "x"}).status_code == 403
    anonymous = Client()
    assert anonymous.get(PAGE).status_code == 302
    assert not Guidelines.objects.exists()


def test_review_help_and_top_bar_link_the_guidelines(client, editor, article):
    client.force_login(editor)
    html = client.get(reverse("annotations:review", args=[article.pk])).content.decode()
    help_dialog = html[html.index('<dialog id="help"') : html.index("</dialog>")]
    assert f'href="{PAGE}"' in help_dialog
    assert f'<a href="{PAGE}"' in html[html.index('class="topbar"') :]
