"""How much the pre-annotator costs on top of spaCy itself (run by hand, not a test).

    .venv/bin/python bench/preannotate_speed.py [FOLDER] [--rounds 5] [--batch-size 64] [--limit N]
        [--trained DIR]

FOLDER holds ``*.txt`` articles (default: ../shared/data/polnear-dev/text when it exists,
else generated sentences). The pre-annotator and the bare ``pre.nlp.pipe`` process the same
texts in the same run, alternating which goes first each round so warm-up and machine load
hit both alike. Prints the throughput ratio (target >= 0.85 for the rules alone, >= 0.6 with
a trained model: ``--trained DIR``, a directory written by ``manage.py train_preannotator``)
and the pre-annotator's throughput with 1 and 2 processes.
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
TARGET_RATIO_TRAINED = 0.6


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


def timed(run: Callable[[], int]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of this process (CPU time shrugs off a busy machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, help="folder of .txt articles")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--limit", type=int, help="use only the first N texts")
    parser.add_argument("--trained", type=Path, help="a trained model directory")
    parser.add_argument(
        "--skip-processes", action="store_true", help="skip the 1- and 2-process runs"
    )
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsdesk.settings")
    django.setup()
    from annotations.preannotator import Preannotator

    texts, source = load_texts(args.folder)
    texts = texts[: args.limit] if args.limit else texts
    chars = sum(map(len, texts))
    pre = Preannotator(trained=args.trained or False)
    target = TARGET_RATIO_TRAINED if args.trained else TARGET_RATIO
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

    times: dict[str, list[tuple[float, float]]] = {"bare": [], "full": []}
    for round_ in range(args.rounds):
        order = [("bare", bare), ("full", full)]
        if round_ % 2:
            order.reverse()
        for name, run in order:
            times[name].append(timed(run))
        (bare_wall, bare_cpu), (full_wall, full_cpu) = times["bare"][-1], times["full"][-1]
        print(
            f"round {round_ + 1}: bare spaCy {len(texts) / bare_wall:6.1f} texts/s, "
            f"pre-annotator {len(texts) / full_wall:6.1f} texts/s, "
            f"ratio {bare_wall / full_wall:.3f} wall-clock, {bare_cpu / full_cpu:.3f} CPU time"
        )

    for label, index in (("wall-clock", 0), ("CPU time", 1)):
        bare_median = statistics.median(t[index] for t in times["bare"])
        full_median = statistics.median(t[index] for t in times["full"])
        ratio = bare_median / full_median
        verdict = "meets" if ratio >= target else "BELOW"
        print(
            f"throughput ratio pre-annotator / bare spaCy ({label}, medians): {ratio:.3f} "
            f"({verdict} the {target} target)"
        )
    print(f"{proposals_found} proposals per pass")

    # Where the extra time goes: each of the project's components over already-parsed docs
    # (``pre.components`` is the facade's own list, not part of the public contract).
    components = getattr(pre, "components", None)
    if components and getattr(pre, "learned", None) is not None:
        docs = list(pre.nlp.pipe(texts, batch_size=args.batch_size))
        bare_cpu = statistics.median(t[1] for t in times["bare"])
        start = time.process_time()
        pre.learned.predict(docs, batch_size=args.batch_size)
        spent = time.process_time() - start
        print(f"  learned model: {spent:.2f}s CPU, {spent / bare_cpu:.0%} of bare spaCy")
    if components:
        docs = list(pre.nlp.pipe(texts, batch_size=args.batch_size))
        bare_cpu = statistics.median(t[1] for t in times["bare"])
        for component in components:
            start = time.process_time()
            docs = [component(doc) for doc in docs]
            spent = time.process_time() - start
            name = getattr(component, "name", type(component).__name__)
            print(f"  component {name}: {spent:.2f}s CPU, {spent / bare_cpu:.0%} of bare spaCy")

    for n_process in () if args.skip_processes else (1, 2):
        seconds, _ = timed(lambda n=n_process: full(n))
        print(
            f"pre-annotator with {n_process} process{'es' if n_process > 1 else ''}: "
            f"{len(texts) / seconds:6.1f} texts/s, {chars / seconds / 1000:7.1f}k chars/s"
        )
    print(f"(machine: {os.cpu_count()} CPUs; other work on it skews the process figures)")


if __name__ == "__main__":
    main()
