"""Database check constraints hold even when ORM validation is bypassed."""

import pytest
from django.db import IntegrityError, transaction

from annotations.models import Claim, Quote


def bypass_update(quote, **fields):
    """queryset.update() skips save() and its validation: only the database can refuse."""
    with transaction.atomic():
        Quote.objects.filter(pk=quote.pk).update(**fields)


@pytest.mark.parametrize(
    "fields",
    [
        {"content_start": 50, "content_end": 40},
        {"content_start": 40, "content_end": 40},
        {"cue_start": 9, "cue_end": 3},
        {"cue_start": 3, "cue_end": None},
        {"cue_start": None, "cue_end": 7},
        {"speaker_mention_start": 10, "speaker_mention_end": 10},
        {"speaker_mention_start": None, "speaker_mention_end": 8},
        {"confidence": 1.5},
        {"confidence": -0.1},
    ],
)
def test_quote_check_constraints(quote, fields):
    with pytest.raises(IntegrityError):
        bypass_update(quote, **fields)


@pytest.mark.parametrize("field", ["content_start", "cue_start", "speaker_mention_start"])
def test_negative_offsets_are_refused_by_the_database(quote, field):
    with pytest.raises(IntegrityError):
        bypass_update(quote, **{field: -1})


def test_two_accepted_quotes_cannot_share_a_content_span(quote):
    Quote.objects.filter(pk=quote.pk).update(status=Quote.Status.ACCEPTED)
    twin = Quote.objects.get(pk=quote.pk)
    twin.pk = None
    twin.status = Quote.Status.PROPOSED
    twin.save()  # a second proposal on the same span is allowed ...
    with pytest.raises(IntegrityError):
        bypass_update(twin, status=Quote.Status.ACCEPTED)  # ... a second acceptance is not


def test_claim_check_constraint(quote):
    claim = Claim.objects.create(quote=quote, start=quote.content_start, end=quote.content_end)
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(end=claim.start)
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(start=-3)


def test_bulk_create_cannot_store_a_reversed_span(article):
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.bulk_create(
            [Quote(article=article, content_fragments=[[9, 3]], content_start=9, content_end=3)]
        )
