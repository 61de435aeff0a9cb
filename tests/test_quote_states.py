import pytest
from django.core.exceptions import ValidationError

from annotations.models import Quote, StaleVersion


def test_accept_stamps_reviewer_and_bumps_version(quote, editor):
    quote.accept(by=editor)
    quote.refresh_from_db()
    assert quote.status == Quote.Status.ACCEPTED
    assert quote.reviewed_by == editor
    assert quote.reviewed_at is not None
    assert quote.version == 2


def test_reject_then_reopen_by_admin(quote, editor, admin_user):
    quote.reject(by=editor)
    assert Quote.objects.get(pk=quote.pk).status == Quote.Status.REJECTED
    quote.reopen(by=admin_user)
    quote.refresh_from_db()
    assert (quote.status, quote.version, quote.reviewed_by) == ("proposed", 3, admin_user)


def test_editors_cannot_reopen(quote, editor):
    quote.reject(by=editor)
    with pytest.raises(PermissionError):
        quote.reopen(by=editor)
    assert Quote.objects.get(pk=quote.pk).status == Quote.Status.REJECTED


def test_a_stale_version_is_refused_and_nothing_is_saved(quote, editor, admin_user):
    seen_by_second_editor = Quote.objects.get(pk=quote.pk)
    quote.accept(by=editor, version=1)
    with pytest.raises(StaleVersion) as excinfo:
        seen_by_second_editor.reject(by=admin_user, version=1)
    assert excinfo.value.current.status == Quote.Status.ACCEPTED
    assert "changed by someone else" in str(excinfo.value)
    assert Quote.objects.get(pk=quote.pk).status == Quote.Status.ACCEPTED


def test_change_validates_spans_and_keeps_the_old_ones_on_error(quote, editor):
    with pytest.raises(ValidationError, match="cue"):
        quote.change(editor, quote.version, cue=(quote.content_start, quote.content_start + 3))
    stored = Quote.objects.get(pk=quote.pk)
    assert stored.cue_text == "said"
    assert stored.version == 1


def test_change_moves_outer_bounds_with_the_fragments(quote, editor):
    start, end = quote.content
    quote.change(editor, content_fragments=[[start, start + 7], [start + 8, end]])
    stored = Quote.objects.get(pk=quote.pk)
    assert stored.content == (start, end)
    assert stored.fragments == [(start, start + 7), (start + 8, end)]
    assert stored.content_text == "We will hire 200 more teachers by September"


def test_every_change_is_recorded_in_history(quote, editor, admin_user):
    quote.accept(by=editor)
    quote.change(admin_user, kind=Quote.Kind.MIXED)
    records = list(quote.history.order_by("history_date"))
    assert [r.history_type for r in records] == ["+", "~", "~"]
    assert [r.history_user for r in records] == [None, editor, admin_user]
    assert [r.status for r in records] == ["proposed", "accepted", "accepted"]
    changes = records[-1].diff_against(records[-2]).changes
    assert {(c.field, c.old, c.new) for c in changes} >= {("kind", "direct", "mixed")}


def test_speaker_and_claim_changes_have_history(quote, editor):
    speaker = quote.speaker
    speaker._history_user = editor
    speaker.role = "Mayor"
    speaker.save()
    claim = quote.claims.create(start=quote.content_start, end=quote.content_start + 7)
    claim.verdict = claim.Verdict.TRUE
    claim.save()
    assert speaker.history.count() == 2
    assert speaker.history.first().history_user == editor
    assert [h.verdict for h in claim.history.order_by("history_date")] == ["unverified", "true"]
