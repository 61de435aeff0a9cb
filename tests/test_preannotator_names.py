"""People's names as the resolver reads them: nicknames in quotation marks. Sentences
written here."""

import pytest

from annotations.preannotator import Preannotator
from tests.preannotator_helpers import said


@pytest.fixture(scope="module")
def pre() -> Preannotator:
    return Preannotator()


def test_a_nickname_in_quotation_marks_is_not_part_of_the_name(pre):
    text = (
        'The idea came from the company\'s longest-serving director, George "Jay" Keyworth. '
        "Keyworth rushed to meet the chief executive.\n\n"
        '"We should buy them right away," he said.'
    )
    assert said(pre, text, "buy them").speaker_name == "George Keyworth"


def test_a_name_the_tagger_splits_at_its_nickname_is_one_person(pre):
    text = (
        'The campaign was represented by Gov. C.L. "Butch" Otter, an early endorser, who '
        "said that the West needs more water."
    )
    quote = said(pre, text, "needs more water")
    assert (quote.speaker_name, quote.speaker_kind) == ("C.L. Otter", "person")


def test_an_abbreviated_office_in_capitals_is_not_a_given_name(pre):
    text = (
        "Former AG Mukasey at convention: the scandal disqualifies her.\n\n"
        "Former Attorney General Michael Mukasey spoke to the delegates. "
        "Mukasey, who served under former President George W. Bush, criticized the senator.\n\n"
        '"She has done a lot of things," he said.'
    )
    assert said(pre, text, "a lot of things").speaker_name == "Michael Mukasey"
