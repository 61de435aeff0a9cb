"""How much the pre-annotator costs on top of spaCy itself (run by hand, not a test).

    .venv/bin/python bench/preannotate_speed.py [FOLDER] [--rounds 5] [--batch-size 64] [--limit N]

FOLDER holds ``*.txt`` articles (default: ../shared/data/polnear-dev/text when it exists,
else generated sentences). The pre-annotator and the bare ``pre.nlp.pipe`` process the same
texts in the same run, alternating which goes first each round so warm-up and machine load
hit both alike. Prints the throughput ratio (target >= 0.85) and the pre-annotator's
throughput with 1 and 2 processes.
"""

import argparse
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import django

DEFAULT_FOLDER = Path("/work/shared/data/polnear-dev/text")
TARGET_RATIO = 0.85


def generated_texts(count: int = 200, seed: int = 7) -> list[str]:
    """Newsroom-like paragraphs with direct, indirect and 'according to' quotes."""
    rng = random.Random(seed)
    names = ["Ana Ruiz", "Tom Reyes", "Mia Holt", "Omar Haddad", "Lena Ortiz", "Kofi Mensah"]
    roles = ["the mayor", "a spokesman", "the minister", "an analyst", "the coach"]
    topics = ["the budget", "the harbour", "the new stadium", "rail fares", "the school plan"]
    texts = []
    for n in range(count):
        paragraphs = []
        for _ in range(rng.randint(6, 14)):
            name, role, topic = rng.choice(names), rng.choice(roles), rng.choice(topics)
            number = rng.randint(2, 900)
            paragraphs.append(
                rng.choice(
                    [
                        f"“We will spend {number} million on {topic},” {name} said on Monday.",
                        f"{name}, {role}, said that {topic} would cost {number} percent more.",
                        f"According to {name}, {topic} was delayed by {number} days.",
                        f"Officials met on day {n} to discuss {topic} and other matters.",
                        f"“It is not enough,” said {role}. “People expected more than {number}.”",
                    ]
                )
            )
        texts.append("\n\n".join(paragraphs))
    return texts


def load_texts(folder: Path | None) -> tuple[list[str], str]:
    if folder is None and DEFAULT_FOLDER.is_dir():
        folder = DEFAULT_FOLDER
    if folder is None:
        return generated_texts(), "generated sentences"
    if not folder.is_dir():
        sys.exit(f"{folder} is not a folder of .txt articles.")
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        sys.exit(f"{folder} holds no .txt files.")
    return [p.read_text(encoding="utf-8") for p in paths], str(folder)


def timed(run: Callable[[], int]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, help="folder of .txt articles")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--limit", type=int, help="use only the first N texts")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    django.setup()
    from annotations.preannotator import Preannotator

    texts, source = load_texts(args.folder)
    texts = texts[: args.limit] if args.limit else texts
    chars = sum(map(len, texts))
    pre = Preannotator()
    print(f"texts: {len(texts)} from {source} ({chars:,} characters)")
    print(f"model: {pre.version}; batch size {args.batch_size}; {args.rounds} rounds")

    def bare() -> int:
        return sum(1 for _ in pre.nlp.pipe(texts, batch_size=args.batch_size))

    def full(n_process: int = 1) -> int:
        found = 0
        for proposals in pre.annotate(texts, batch_size=args.batch_size, n_process=n_process):
            found += len(proposals)
        return found

    proposals_found = full()  # warm-up for both: the model's first batches are slower
    bare()

    bare_times, full_times = [], []
    for round_ in range(args.rounds):
        order = [("bare", bare), ("full", full)]
        if round_ % 2:
            order.reverse()
        for name, run in order:
            (bare_times if name == "bare" else full_times).append(timed(run))
        ratio = bare_times[-1] / full_times[-1]
        print(
            f"round {round_ + 1}: bare spaCy {len(texts) / bare_times[-1]:6.1f} texts/s, "
            f"pre-annotator {len(texts) / full_times[-1]:6.1f} texts/s, ratio {ratio:.3f}"
        )

    ratio = statistics.median(bare_times) / statistics.median(full_times)
    verdict = "meets" if ratio >= TARGET_RATIO else "BELOW"
    print(
        f"throughput ratio (pre-annotator / bare spaCy, medians): {ratio:.3f} "
        f"({verdict} the {TARGET_RATIO} target); {proposals_found} proposals per pass"
    )

    for n_process in (1, 2):
        seconds = timed(lambda n=n_process: full(n))
        print(
            f"pre-annotator with {n_process} process{'es' if n_process > 1 else ''}: "
            f"{len(texts) / seconds:6.1f} texts/s, {chars / seconds / 1000:7.1f}k chars/s"
        )
    print(f"(machine: {os.cpu_count()} CPUs; other work on it skews the process figures)")


if __name__ == "__main__":
    main()
