"""Import and export answer only the methods they mean: PUT, PATCH and DELETE get 405."""

import pytest
from django.urls import reverse

PAGES = ["import_upload", "import_paste", "export", "export_download"]


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
@pytest.mark.parametrize("page", PAGES)
def test_unsafe_methods_are_not_allowed(client, admin_user, page, method):
    client.force_login(admin_user)
    response = getattr(client, method)(reverse(f"annotations:{page}"))
    assert response.status_code == 405
    assert "GET" in response["Allow"]


@pytest.mark.parametrize("page", ["export", "export_download"])
def test_export_is_read_only(client, admin_user, page):
    client.force_login(admin_user)
    assert client.post(reverse(f"annotations:{page}")).status_code == 405
    assert client.get(reverse(f"annotations:{page}")).status_code == 200


@pytest.mark.parametrize("page", ["import_upload", "import_paste"])
def test_import_pages_still_show_and_take_posts(client, admin_user, page):
    client.force_login(admin_user)
    assert client.get(reverse(f"annotations:{page}")).status_code == 200
    assert client.post(reverse(f"annotations:{page}"), {}).status_code == 400
