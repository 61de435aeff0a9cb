"""Scoring functions of the pre-annotator evaluation, on tiny hand-made brat and JSON files."""

import json
from types import SimpleNamespace

import pytest
from django.core.management import CommandError, call_command

from annotations.evaluation import (
    Document,
    GoldQuote,
    content_words,
    cue_matches,
    kind_of,
    load_gold,
    match,
    mention_matches,
    parse_brat,
    score,
)

TEXT = (
    "Budget row\n\n"
    "“We will cut taxes,” Ann Lee said, “and hire nurses.”\n\n"
    "The plan would cost 5 billion dollars, critics said.\n"
)


def span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def brat(text: str) -> str:
    first = span(text, "“We will cut taxes,”")
    second = span(text, "“and hire nurses.”")
    said = span(text, "said,")
    said = (said[0], said[0] + 4)
    ann_lee = span(text, "Ann Lee")
    plan = span(text, "The plan would cost 5 billion dollars")
    critics = span(text, "critics")
    critics_said = (critics[1] + 1, critics[1] + 5)
    content_text = text[first[0] : first[1]] + " " + text[second[0] : second[1]]
    return (
        f"T1\tSource {ann_lee[0]} {ann_lee[1]}\tAnn Lee\n"
        f"T2\tCue {said[0]} {said[1]}\tsaid\n"
        f"T3\tContent {first[0]} {first[1]};{second[0]} {second[1]}\t{content_text}\n"
        # a covered text running over a line break continues the record
        "continued text of T3\n"
        f"T4\tAttribution {said[0]} {said[1]}\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
        f"T5\tContent {plan[0]} {plan[1]}\tThe plan would cost 5 billion dollars\n"
        f"T6\tCue {critics_said[0]} {critics_said[1]}\tsaid\n"
        f"T7\tSource {critics[0]} {critics[1]}\tcritics\n"
        f"T8\tAttribution {critics_said[0]} {critics_said[1]}\tsaid\n"
        "E2\tAttribution:T8 Content2:T5 Cue:T6 Source:T7\n"
        "#1\tAnnotatorNotes T5\tsome note\n"
    )


def proposal(fragments, cue=None, mention=None, kind="indirect", confidence=0.9):
    return SimpleNamespace(
        content_fragments=list(fragments),
        content=(fragments[0][0], fragments[-1][1]),
        cue=cue,
        speaker_mention=mention,
        kind=kind,
        confidence=confidence,
    )


def test_parse_brat_reads_discontinuous_spans_roles_and_continuation_lines():
    quotes = parse_brat(brat(TEXT), TEXT)
    assert len(quotes) == 2
    direct, indirect = quotes
    assert direct.content == [span(TEXT, "“We will cut taxes,”"), span(TEXT, "“and hire nurses.”")]
    assert direct.mention == [span(TEXT, "Ann Lee")]
    assert direct.kind == "direct"
    assert indirect.kind == "indirect"
    assert TEXT[indirect.cue[0][0] : indirect.cue[0][1]] == "said"


def test_kind_of_content():
    text = 'He said the plan was "a mess" and "a waste". "All of it," he said.'
    assert kind_of(text, [span(text, 'the plan was "a mess" and "a waste"')]) == "mixed"
    assert kind_of(text, [span(text, '"All of it,"')]) == "direct"
    assert kind_of(text, [span(text, "the plan was")]) == "indirect"


def test_read_polnear_folder_uses_the_first_annotator(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "paper_2016-01-01_budget.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "paper_2016-01-01_budget_bbbb.ann").write_text(
        brat(TEXT), encoding="utf-8"
    )
    (tmp_path / "attributions" / "paper_2016-01-01_budget_aaaa.ann").write_text(
        "", encoding="utf-8"
    )
    (tmp_path / "metadata.tsv").write_text(
        "compartment\tfilename\tannotators\ndev\tpaper_2016-01-01_budget\tbbbb|aaaa\n",
        encoding="utf-8",
    )
    (document,) = load_gold(tmp_path)
    assert document.text == TEXT
    assert len(document.gold) == 2  # from bbbb, listed first, not the empty aaaa


def test_read_seed_json_resolves_the_article_next_to_it(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(TEXT, encoding="utf-8")
    gold = {
        "article": "articles/a.txt",
        "quotes": [
            {
                "kind": "indirect",
                "content": list(span(TEXT, "The plan would cost 5 billion dollars")),
                "cue": [TEXT.index("said."), TEXT.index("said.") + 4],
                "speaker_mention": list(span(TEXT, "critics")),
                "speaker": "Critics",
            }
        ],
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold), encoding="utf-8")
    (document,) = load_gold(path)
    assert document.gold[0].content == [span(TEXT, "The plan would cost 5 billion dollars")]
    assert document.gold[0].speaker == "Critics"


def test_load_gold_names_the_problem_with_a_bad_path(tmp_path):
    with pytest.raises(ValueError, match="not a PolNeAR-style folder"):
        load_gold(tmp_path)
    with pytest.raises(ValueError, match="neither"):
        load_gold(tmp_path / "gold.csv")


def test_exact_words_ignore_marks_edge_punctuation_and_a_leading_that():
    text = "She said that “the plan works.” Then she left."
    with_marks = [span(text, "that “the plan works.”")]
    bare = [span(text, "the plan works")]
    assert content_words(text, with_marks) == content_words(text, bare)
    assert content_words(text, [span(text, "the plan")]) != content_words(text, bare)


def test_mention_and_cue_conventions():
    text = "Ana Ruiz, a political scientist, has long said Monday that it rains."
    gold_mention = [span(text, "Ana Ruiz, a political scientist,")]
    assert mention_matches(text, gold_mention, span(text, "Ana Ruiz"))
    assert not mention_matches(text, gold_mention, span(text, "Ruiz"))
    assert not mention_matches(text, gold_mention, None)
    assert mention_matches(text, [], None)
    said = span(text, "said")
    assert cue_matches(text, [span(text, "has long said")], said)
    assert cue_matches(text, [span(text, "said Monday")], said)
    assert not cue_matches(text, [span(text, "has")], said)


def test_match_is_one_to_one_by_largest_overlap():
    gold = [GoldQuote(content=[(0, 10)]), GoldQuote(content=[(20, 30)])]
    proposals = [proposal([(5, 25)]), proposal([(21, 29)]), proposal([(40, 50)])]
    assert match(gold, proposals) == [(0, 0), (1, 1)]


def test_score_counts_precision_recall_accuracies_and_bands():
    gold = parse_brat(brat(TEXT), TEXT)
    ann_lee, said = span(TEXT, "Ann Lee"), gold[0].cue[0]
    critics = span(TEXT, "critics")
    proposals = [
        # the interrupted direct quote, exact, right speaker and cue
        proposal(
            [span(TEXT, "We will cut taxes,"), span(TEXT, "and hire nurses.")],
            said,
            ann_lee,
            "direct",
            0.9,
        ),
        # overlaps the indirect quote but too short, wrong speaker
        proposal([span(TEXT, "The plan would cost")], gold[1].cue[0], ann_lee, "indirect", 0.6),
        # nothing in the gold
        proposal([span(TEXT, "Budget row")], None, critics, "indirect", 0.3),
    ]
    report = score([Document("budget", TEXT, gold, proposals)])
    assert report["counts"]["matched"] == 2
    assert report["overlap"]["precision"] == pytest.approx(2 / 3)
    assert report["overlap"]["recall"] == 1.0
    assert report["exact"]["precision"] == pytest.approx(1 / 3)
    assert report["exact"]["recall"] == pytest.approx(1 / 2)
    assert report["mention_accuracy"] == pytest.approx(1 / 2)
    assert report["cue_accuracy"] == 1.0
    assert report["attribution"]["recall"] == pytest.approx(1 / 2)
    assert report["by_kind"]["direct"]["gold"] == 1
    assert report["by_kind"]["indirect"]["proposed"] == 2
    bands = {band[0]: row for band, row in report["bands"].items()}
    assert bands[0.8] == {"n": 1, "matched": 1, "attribution_ok": 1}
    assert bands[0.5] == {"n": 1, "matched": 1, "attribution_ok": 0}
    assert bands[0.0] == {"n": 1, "matched": 0, "attribution_ok": 0}


def test_command_prints_the_tables(tmp_path, capsys):
    path = tmp_path / "gold.json"
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    path.write_text(
        json.dumps(
            {
                "article": "a.txt",
                "quotes": [
                    {
                        "kind": "direct",
                        "content": [
                            list(span(TEXT, "We will cut taxes,")),
                            list(span(TEXT, "and hire nurses.")),
                        ],
                        "cue": [TEXT.index("said,"), TEXT.index("said,") + 4],
                        "speaker_mention": list(span(TEXT, "Ann Lee")),
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    call_command("evaluate_preannotator", str(path))
    out = capsys.readouterr().out
    assert "content, overlapping" in out
    assert "speaker mention accuracy on matched quotes: 1.000" in out
    assert "direct" in out and "confidence" in out


def test_command_rejects_a_path_that_is_not_gold_data(tmp_path):
    with pytest.raises(CommandError, match="Cannot read gold data"):
        call_command("evaluate_preannotator", str(tmp_path))


def polnear_folder(tmp_path, dates: dict[str, str]):
    """A PolNeAR-style folder with one annotated article per name, dated in metadata.tsv."""
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    rows = ["compartment\tfilename\tannotators\tpublication_date"]
    for name, date in dates.items():
        (tmp_path / "text" / f"{name}.txt").write_text(TEXT, encoding="utf-8")
        (tmp_path / "attributions" / f"{name}_aaaa.ann").write_text(brat(TEXT), encoding="utf-8")
        rows.append(f"dev\t{name}\taaaa\t{date}")
    (tmp_path / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path


def test_read_polnear_keeps_the_publication_date(tmp_path):
    folder = polnear_folder(tmp_path, {"early": "2016-09-08", "late": "2016-10-02"})
    assert {d.name: d.date for d in load_gold(folder)} == {
        "early": "2016-09-08",
        "late": "2016-10-02",
    }


def test_command_scores_only_the_articles_in_the_date_range(tmp_path, capsys):
    folder = polnear_folder(
        tmp_path, {"a": "2016-09-08", "b": "2016-09-21", "c": "2016-09-22", "d": "2016-10-02"}
    )
    call_command("evaluate_preannotator", str(folder), since="2016-09-22")
    out = capsys.readouterr().out
    assert "(2 articles, since 2016-09-22)" in out
    call_command("evaluate_preannotator", str(folder), before="2016-09-22")
    assert "(2 articles, before 2016-09-22)" in capsys.readouterr().out
    call_command("evaluate_preannotator", str(folder), since="2016-09-10", before="2016-10-01")
    assert "(2 articles, since 2016-09-10, before 2016-10-01)" in capsys.readouterr().out


def test_command_names_a_bad_date_and_an_empty_range(tmp_path):
    folder = polnear_folder(tmp_path, {"a": "2016-09-08"})
    with pytest.raises(CommandError, match="--since '22/09/2016' is not a date; write it as"):
        call_command("evaluate_preannotator", str(folder), since="22/09/2016")
    with pytest.raises(CommandError, match="no articles with a publication date in that range"):
        call_command("evaluate_preannotator", str(folder), since="2017-01-01")


def test_canonical_speaker_accuracy_is_split_by_how_the_source_is_worded():
    from annotations.evaluation import format_report, speaker_class

    text = "Ann Lee spoke. She said taxes rise. Critics said no. The paper said yes."
    she, critics, paper = span(text, "She"), span(text, "Critics"), span(text, "The paper")
    gold = [
        GoldQuote([span(text, "taxes rise")], mention=[she], speaker="Ann Lee"),
        GoldQuote([span(text, "no")], mention=[critics], speaker="Critics", speaker_kind="group"),
        GoldQuote([span(text, "yes")], mention=[paper], speaker="The Daily Paper"),
    ]
    assert [speaker_class(text, q) for q in gold] == [
        "pronoun or description",
        "group",
        "pronoun or description",
    ]
    proposals = [
        SimpleNamespace(
            **vars(proposal([span(text, "taxes rise")], mention=she)), speaker_name="Ann Lee"
        ),
        SimpleNamespace(
            **vars(proposal([span(text, "no")], mention=critics)), speaker_name="critics"
        ),
        SimpleNamespace(
            **vars(proposal([span(text, "yes")], mention=paper)), speaker_name="Ann Lee"
        ),
    ]
    report = score([Document("d", text, gold, proposals)])
    assert report["speakers"]["pronoun or description"] == {"n": 2, "right": 1}
    assert report["speakers"]["group"] == {"n": 1, "right": 1}
    assert "canonical speaker accuracy on matched quotes with a gold speaker: 0.667 (2/3)" in (
        format_report(report)
    )


def test_invented_speaker_gold_reads_several_articles():
    from pathlib import Path

    documents = load_gold(Path(__file__).parent / "data" / "speakers-gold.json")
    assert len(documents) == 5
    assert sum(len(d.gold) for d in documents) == 32
    assert all(q.speaker for d in documents for q in d.gold)
