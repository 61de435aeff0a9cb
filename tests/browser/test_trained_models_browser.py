"""The models pages on a 390 px phone screen: no horizontal scroll, no CSP violations."""

import json

import pytest
from django.contrib.auth.models import Group, User

from annotations import trained_models
from annotations.models import TrainingJob

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_models_pages_fit_a_phone(log_in, live_server, tmp_path, settings):
    settings.PREANNOTATOR_CACHE_DIR = str(tmp_path / "cache")
    user = User.objects.create_user("adele", password="pw-adele-123")
    user.groups.add(Group.objects.get(name="admins"))
    folder = tmp_path / "model"
    folder.mkdir()
    version = "newsdesk-trained-20261205-1730-0123456789abcdef-a-long-version-name"
    report = {
        "trained": {"content_overlap_f1": 0.75, "content_exact_f1": 0.6, "attribution_f1": 0.66},
        "rules": {"content_overlap_f1": 0.68, "content_exact_f1": 0.48, "attribution_f1": 0.6},
        "calibration": {"after": [{"band": "0.8-1.0", "proposals": 120, "precision": 0.93}]},
    }
    meta = {"version": version, "articles": 760, "report": report}
    (folder / "meta.json").write_text(json.dumps(meta))
    trained_models.store(folder).activate()
    job = TrainingJob.objects.create(status="failed", error="Training needs at least 5 " * 8)

    page = log_in("adele", "pw-adele-123")
    page.set_viewport_size({"width": 390, "height": 844})
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    for path in ("/models/", f"/models/jobs/{job.pk}/", "/dashboard/"):
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} is {width}px wide"
    page.goto(live_server.url + "/models/")
    assert page.locator(".model-card.active h3").inner_text().startswith(version)
    assert not errors
