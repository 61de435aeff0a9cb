"""How the trained pre-annotator improves with the number of reviewed articles (run by hand).

    .venv/bin/python bench/learning_curve.py --output /somewhere/curve \\
        [--data ../shared/data/polnear-train] [--eval ../shared/data/polnear-dev] \\
        [--sizes 25 100 400 840] [--max-minutes 20] [--before YYYY-MM-DD]

For each size N: trains on N articles drawn (seeded) from --data, with the project's own
``train()`` (10% of them held out for early stopping, so N=840 learns from 756), then scores
the rules + trained model and the rules alone on --eval. A model directory already present
under --output for a size is reused, so the long runs can be resumed. Model directories stay
under --output: never inside the repository (PolNeAR's terms).
"""

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

import django

DATA = Path("/work/shared/data/polnear-train")
EVAL = Path("/work/shared/data/polnear-dev")


def score_folder(pre, documents) -> dict:
    from annotations.evaluation import score

    for document, found in zip(
        documents, pre.annotate([d.text for d in documents], batch_size=16), strict=True
    ):
        document.proposals = found
    report = score(documents)
    return {
        "overlap": round(report["overlap"]["f1"], 3),
        "exact": round(report["exact"]["f1"], 3),
        "attribution": round(report["attribution"]["f1"], 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, required=True, help="folder for the models")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--eval", type=Path, default=EVAL)
    parser.add_argument("--sizes", type=int, nargs="+", default=[25, 100, 400, 840])
    parser.add_argument("--max-minutes", type=float, default=20.0)
    parser.add_argument("--before", help="only training articles published before YYYY-MM-DD")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    django.setup()
    from annotations.evaluation import load_gold
    from annotations.preannotator import Preannotator
    from annotations.preannotator.examples import load_examples
    from annotations.preannotator.training import train

    repository = Path(__file__).resolve().parent.parent
    if args.output.resolve().is_relative_to(repository):
        sys.exit("--output must lie outside the repository (trained models stay out of it).")
    examples = load_examples([args.data])
    if args.before:
        examples = [e for e in examples if e.date and e.date < args.before]
    random.Random(args.seed).shuffle(examples)
    print(f"{len(examples)} training articles from {args.data}; scoring on {args.eval}")
    rules = score_folder(Preannotator(trained=False), load_gold(args.eval))
    rows = [("rules alone", "-", "-", rules, {})]
    print(f"rules alone: {rules}", flush=True)
    for size in args.sizes:
        chosen = examples[:size]
        folder = args.output / f"size-{size}"
        if (folder / "meta.json").is_file():
            report = json.loads((folder / "meta.json").read_text())["report"]
        else:
            started = time.monotonic()
            report = train(chosen, folder, max_minutes=args.max_minutes, seed=args.seed)
            report["wall_minutes"] = round((time.monotonic() - started) / 60, 1)
        figures = score_folder(Preannotator(trained=folder), load_gold(args.eval))
        learned = report.get("learned_alone", {})
        rows.append(
            (str(len(chosen)), str(report["articles"]), report["total_minutes"], figures, learned)
        )
        print(f"{len(chosen)} articles: {figures}, learned alone {learned}", flush=True)
    print()
    print(
        f"{'articles':>9}{'learned from':>14}{'minutes':>9}{'overlap F1':>12}{'exact F1':>10}"
        f"{'attribution F1':>16}{'learned content exact (held-out)':>34}"
    )
    for size, learned_from, minutes, figures, learned in rows:
        content = learned.get("content_exact_f1")
        print(
            f"{size:>9}{learned_from:>14}{minutes!s:>9}{figures['overlap']:>12.3f}"
            f"{figures['exact']:>10.3f}{figures['attribution']:>16.3f}"
            f"{(f'{content:.3f}' if content is not None else '-'):>34}"
        )


if __name__ == "__main__":
    main()
