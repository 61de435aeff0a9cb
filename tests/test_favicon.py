"""Browsers ask every site for /favicon.ico: it is answered (logged in or not), and every page
links the icon."""

import pytest
from django.contrib.staticfiles import finders
from django.templatetags.static import static
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_favicon_ico_redirects_to_the_static_icon_without_a_login(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == static("favicon.ico")
    assert "max-age=86400" in response["Cache-Control"]


def test_the_static_icons_exist_and_are_an_ico_and_an_svg():
    with open(finders.find("favicon.ico"), "rb") as ico:
        assert ico.read(4) == b"\x00\x00\x01\x00"  # ICO header: reserved 0, type 1 (icon)
    with open(finders.find("favicon.svg"), encoding="utf-8") as svg:
        assert svg.read().startswith("<svg")


@pytest.mark.parametrize("logged_in", [False, True])
def test_pages_link_the_icon(client, editor, logged_in):
    if logged_in:
        client.force_login(editor)
    html = client.get(reverse("annotations:queue" if logged_in else "login")).content.decode()
    assert f'<link rel="icon" href="{static("favicon.ico")}"' in html
    assert f'<link rel="icon" href="{static("favicon.svg")}" type="image/svg+xml">' in html


def test_favicon_refuses_post(client):
    assert client.post("/favicon.ico").status_code == 405
