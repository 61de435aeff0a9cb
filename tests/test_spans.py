import pytest
from django.core.exceptions import ValidationError

from annotations.spans import snap_to_words, validate_claim_span, validate_spans

TEXT = "“We will win,” the coach said, “and we will win big.”"
#       0123456789...


def error_for(excinfo) -> str:
    return " ".join(m for msgs in excinfo.value.message_dict.values() for m in msgs)


def test_valid_spans_are_returned_as_tuples():
    start = TEXT.index("We")
    fragments, cue, mention = validate_spans(
        TEXT,
        [[start, start + 11], [TEXT.index("and"), TEXT.index("big") + 4]],
        [TEXT.index("said"), TEXT.index("said") + 4],
        (TEXT.index("the coach"), TEXT.index("the coach") + 9),
    )
    assert fragments == [(start, start + 11), (TEXT.index("and"), TEXT.index("big") + 4)]
    assert cue == (TEXT.index("said"), TEXT.index("said") + 4)
    assert mention == (TEXT.index("the coach"), TEXT.index("the coach") + 9)


@pytest.mark.parametrize(
    ("fragments", "cue", "mention", "field", "words"),
    [
        ([], None, None, "content", "at least one fragment"),
        ([[-1, 5]], None, None, "content", "[-1, 5) is outside the article text"),
        ([[10, 500]], None, None, "content", "[10, 500) is outside the article text"),
        ([[8, 8]], None, None, "content", "[8, 8) is empty or reversed"),
        ([[9, 4]], None, None, "content", "[9, 4) is empty or reversed"),
        ([[1, 10], [5, 20]], None, None, "content", "ordered and disjoint"),
        ([[20, 30], [1, 10]], None, None, "content", "ordered and disjoint"),
        ([["a", 3]], None, None, "content", "pair of integer offsets"),
        ([[1, 2, 3]], None, None, "content", "pair of integer offsets"),
        ([[1, 12]], [5, 9], None, "cue", "cue [5, 9) overlaps the content [1, 12)"),
        ([[1, 12]], None, [0, 2], "speaker_mention", "overlaps the content"),
        ([[1, 12]], [24, 28], [20, 26], "cue", "overlaps the speaker_mention"),
        ([[1, 12]], [24, 99], None, "cue", "outside the article text"),
        ([[1, 12]], "said", None, "cue", "pair of integer offsets"),
    ],
)
def test_bad_spans_are_rejected_with_a_message_naming_field_and_offsets(
    fragments, cue, mention, field, words
):
    with pytest.raises(ValidationError) as excinfo:
        validate_spans(TEXT, fragments, cue, mention)
    assert field in excinfo.value.message_dict
    assert words in error_for(excinfo)


def test_claim_must_lie_inside_a_fragment():
    assert validate_claim_span([2, 5], [(1, 12)]) == (2, 5)
    with pytest.raises(ValidationError, match=r"claim \[10, 20\) is not inside"):
        validate_claim_span([10, 20], [(1, 12), (30, 40)])
    with pytest.raises(ValidationError, match="empty or reversed"):
        validate_claim_span([5, 5], [(1, 12)])


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (2, 6, "We will"),  # "e wi" widened on both sides
        (0, 3, "“We"),
        (16, 20, "the coach"),
        (15, 22, "the coach"),
    ],
)
def test_selections_snap_to_whole_words(start, end, expected):
    s, e = snap_to_words(TEXT, start, end)
    assert TEXT[s:e] == expected
