"""Each export filter, on the command and on the site download, and bad filter values."""

import csv
import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from annotations.models import Article, Quote, Speaker


def make_article(title: str, outlet: str, published: str | None, quotes: list[tuple]) -> list:
    """An article with one "“...,” someone said." sentence per (status, speaker) pair."""
    text = "".join(f"“{title} point {i},” someone said.\n" for i in range(len(quotes)))
    article = Article.objects.create(title=title, text=text, outlet=outlet, published=published)
    made = []
    for i, (status, speaker) in enumerate(quotes):
        start = text.index(f"{title} point {i}")
        made.append(
            Quote.objects.create(
                article=article,
                content_fragments=[[start, start + len(f"{title} point {i}")]],
                status=status,
                speaker=speaker,
            )
        )
    return made


@pytest.fixture
def dataset(db):
    s1 = Speaker.objects.create(name="Mira Holt")
    s2 = Speaker.objects.create(name="Tomas Vell")
    accepted, proposed, rejected = (
        Quote.Status.ACCEPTED,
        Quote.Status.PROPOSED,
        Quote.Status.REJECTED,
    )
    q1, q2 = make_article("Ferry", "North Star", "2024-01-10", [(accepted, s1), (proposed, s2)])
    q3, q4 = make_article("Bridge", "South Wind", "2024-06-20", [(accepted, s2), (rejected, None)])
    (q5,) = make_article("Tunnel", "North Star", None, [(accepted, s1)])
    return {"quotes": [q1, q2, q3, q4, q5], "s1": s1, "s2": s2}


# filter name -> (value builder, indexes of the quotes it selects in dataset["quotes"])
CASES = {
    "status": (lambda d: "accepted", {0, 2, 4}),
    "outlet": (lambda d: "North Star", {0, 1, 4}),
    "since": (lambda d: "2024-03-01", {2, 3}),
    "until": (lambda d: "2024-03-01", {0, 1}),
    "speaker": (lambda d: str(d["s1"].pk), {0, 4}),
}


def quote_ids(data: str) -> set[int]:
    return {int(r["quote_id"]) for r in csv.DictReader(io.StringIO(data, newline=""))}


def expected(dataset, indexes) -> set[int]:
    return {dataset["quotes"][i].pk for i in indexes}


def run_command(*args: str) -> str:
    out = io.StringIO()
    call_command("export_quotes", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_no_filter_exports_every_quote(dataset):
    assert quote_ids(run_command()) == {q.pk for q in dataset["quotes"]}


@pytest.mark.parametrize("name", CASES)
def test_each_filter_on_the_command(dataset, name):
    value, indexes = CASES[name]
    data = run_command("--format", "csv", f"--{name}", value(dataset))
    assert quote_ids(data) == expected(dataset, indexes)


@pytest.mark.parametrize("name", CASES)
def test_each_filter_on_the_site_download(dataset, editor, client, name):
    value, indexes = CASES[name]
    client.force_login(editor)
    response = client.get(reverse("annotations:export_download"), {name: value(dataset)})
    assert response.status_code == 200
    data = b"".join(response.streaming_content).decode("utf-8")
    assert quote_ids(data) == expected(dataset, indexes)


def test_filters_combine(dataset, editor, client):
    params = {"status": "accepted", "outlet": "North Star", "speaker": str(dataset["s1"].pk)}
    args = [x for name, value in params.items() for x in (f"--{name}", value)]
    assert quote_ids(run_command(*args)) == expected(dataset, {0, 4})
    client.force_login(editor)
    response = client.get(reverse("annotations:export_download"), params)
    assert quote_ids(b"".join(response.streaming_content).decode()) == expected(dataset, {0, 4})


@pytest.mark.parametrize("name", CASES)
def test_each_filter_on_jsonl(dataset, name):
    value, indexes = CASES[name]
    lines = [
        json.loads(line)
        for line in run_command("--format", "jsonl", f"--{name}", value(dataset)).splitlines()
    ]
    exported = {q["id"] for line in lines for q in line["quotes"]}
    assert exported == expected(dataset, indexes)


def test_command_writes_the_output_file(dataset, tmp_path):
    path = tmp_path / "accepted.csv"
    err = io.StringIO()
    call_command("export_quotes", "--status", "accepted", "-o", str(path), stderr=err)
    with open(path, encoding="utf-8", newline="") as f:
        assert quote_ids(f.read()) == expected(dataset, {0, 2, 4})
    assert "Exported 3 quotes" in err.getvalue()


BAD = [
    (["--since", "2024-13-01"], "'2024-13-01'"),
    (["--until", "last week"], "'last week'"),
    (["--speaker", "abc"], "'abc'"),
    (["--speaker", "999999"], "999999"),
    (["--status", "maybe"], "'maybe'"),
    (["--outlet", "Nowhere Gazette"], "'Nowhere Gazette'"),
    (["--since", "2024-05-01", "--until", "2024-04-01"], "2024-05-01"),
]


@pytest.mark.parametrize(("args", "named"), BAD)
def test_bad_filter_values_are_a_clear_command_error(dataset, args, named, tmp_path):
    path = tmp_path / "out.csv"
    with pytest.raises(CommandError, match=named.replace("(", r"\(")) as info:
        call_command("export_quotes", *args, "-o", str(path))
    assert args[0].lstrip("-") in str(info.value) or "speaker" in str(info.value)
    assert not path.exists()


def test_jsonl_rejects_csv_only_options(dataset):
    with pytest.raises(CommandError, match="--claims applies to CSV only"):
        call_command("export_quotes", "--format", "jsonl", "--claims")


@pytest.mark.parametrize(("args", "named"), BAD)
def test_bad_filter_values_on_the_site_are_a_400_naming_them(dataset, editor, client, args, named):
    client.force_login(editor)
    params = dict(zip(args[::2], args[1::2], strict=True))
    params = {k.lstrip("-"): v for k, v in params.items()}
    response = client.get(reverse("annotations:export_download"), params)
    assert response.status_code == 400
    assert named in response.content.decode().replace("&#x27;", "'")


def test_unknown_format_on_the_site_is_a_400(dataset, editor, client):
    client.force_login(editor)
    response = client.get(reverse("annotations:export_download"), {"format": "xlsx"})
    assert response.status_code == 400
    assert "xlsx" in response.content.decode()
