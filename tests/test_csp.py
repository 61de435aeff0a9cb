"""Every page is sent with a strict Content-Security-Policy that the templates satisfy."""

import re
from pathlib import Path

import pytest
from django.conf import settings

TEMPLATES = sorted((Path(settings.BASE_DIR) / "templates").rglob("*.html"))
INLINE = {
    "inline <script> body": re.compile(
        r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>\s*\S", re.I
    ),
    "<style> block": re.compile(r"<style\b", re.I),
    "style= attribute": re.compile(r"\sstyle\s*=", re.I),
    "on*= handler": re.compile(r"\son[a-z]+\s*=", re.I),
    "hx-on attribute (needs eval)": re.compile(r"\shx-on", re.I),
}


def test_templates_were_found():
    assert len(TEMPLATES) > 10


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: p.name)
def test_no_inline_script_or_style_in_templates(template):
    html = template.read_text()
    found = [what for what, pattern in INLINE.items() if pattern.search(html)]
    assert not found, f"{template.name}: {', '.join(found)}"


def test_pages_carry_the_policy(client, editor):
    client.force_login(editor)
    policy = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_htmx_is_configured_for_the_policy(client, editor):
    client.force_login(editor)
    html = client.get("/").content.decode()
    assert '"includeIndicatorStyles": false' in html and '"allowEval": false' in html
    assert html.index('name="htmx-config"') < html.index("htmx-2.min.js")
