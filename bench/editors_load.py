"""A newsroom at work against a running server: N editors review articles at once.

    # 1. Invented articles (about 20 proposals each) and N editor accounts, in the database
    #    the server uses (run once; it adds to what is there):
    .venv/bin/python bench/editors_load.py setup --database-url postgres://postgres@127.0.0.1/bench
    # 2. Start the server on that database as in production, over plain HTTP on loopback
    #    (gunicorn with 4 workers; collectstatic is needed with DEBUG off):
    export DATABASE_URL=postgres://postgres@127.0.0.1/bench DEBUG=false SECRET_KEY=bench-only \\
        ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false \\
        CSRF_COOKIE_SECURE=false DB_CONN_MAX_AGE=60
    .venv/bin/python manage.py collectstatic --no-input
    .venv/bin/gunicorn newsdesk.wsgi -w 4 -b 127.0.0.1:8123
    # 3. The editors at work for two minutes:
    .venv/bin/python bench/editors_load.py run --url http://127.0.0.1:8123 --duration 120

Each editor logs in, takes an article with "next", reads each proposal for about
``--read`` seconds (uniformly 0.5x to 1.5x), accepts it (or rejects one in five), and marks
the article reviewed, then takes the next one, until ``--duration`` runs out. The script
prints p50/p95/p99 per kind of request and every error. It only talks to a loopback
address, and every request has a timeout, so a run is bounded in time.
"""

import argparse
import http.cookiejar
import os
import random
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import defaultdict

PASSWORD = "bench-editor-password"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
TIMEOUT = 30

# --- set-up: invented articles and editors (through the ORM) --------------------------------

FIRST = ["Ana", "Tom", "Lena", "Omar", "Ines", "Raj", "Mia", "Karl", "Sara", "Yusuf", "Eva"]
LAST = ["Ruiz", "Baker", "Park", "Haddad", "Costa", "Mehta", "Novak", "Berg", "Lind", "Okafor"]
ROLES = ["the mayor", "a council member", "the union leader", "a spokesperson", "the director"]
SAID = ["said", "told reporters", "added", "warned", "argued", "wrote"]
CLAIMS = [
    "the bridge will reopen in {n} weeks",
    "the budget grew by {n} percent last year",
    "{n} families were moved out of the flood zone",
    "the plan will cost {n} million euros",
    "waiting times fell by {n} minutes since spring",
    "the service carried {n} thousand passengers in May",
]
FILLER = [
    "The council met for {n} hours on Tuesday before the vote was called.",
    "Residents lined the corridor outside the chamber, some holding signs.",
    "The proposal had been delayed twice since the spring floods.",
    "Officials released a {n}-page report on the project last month.",
]


def invented_article(rng: random.Random, number: int, quotes: int) -> tuple[str, list[dict]]:
    """An invented news story and its proposals (content, cue and mention offsets)."""
    text = f"Council weighs plan number {number} after a long night\n\n"
    proposals = []
    for i in range(quotes):
        # Real articles tell more than the quotes: about 4,000 characters for 20 of them.
        for line in rng.sample(FILLER, 2):
            text += line.format(n=rng.randint(2, 90)) + " "
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        claim = rng.choice(CLAIMS).format(n=rng.randint(2, 90))
        verb = rng.choice(SAID)
        if i % 2 == 0:  # direct: “..., ” said Name, role.
            content = f"We know {claim}, and we will not wait any longer"
            sentence = f"“{content},” {verb} {name}, {rng.choice(ROLES)}."
            c0 = len(text) + 1
            cue0 = c0 + len(content) + 3
            m0 = cue0 + len(verb) + 1
            kind = "direct"
        else:  # indirect: Name said that ...
            content = f"{claim} and that the city had no other choice"
            sentence = f"{name} {verb} that {content}."
            m0 = len(text)
            cue0 = m0 + len(name) + 1
            c0 = cue0 + len(verb) + 6
            kind = "indirect"
        text += sentence + ("\n\n" if i % 2 else " ")
        proposals.append(
            {
                "content": (c0, c0 + len(content)),
                "cue": (cue0, cue0 + len(verb)),
                "mention": (m0, m0 + len(name)),
                "name": name,
                "kind": kind,
                "confidence": round(rng.uniform(0.3, 0.99), 2),
            }
        )
    return text, proposals


def setup(args) -> None:
    sys.path.insert(0, os.path.dirname(__file__))
    import _django

    _django.setup_django(args.database_url)
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import transaction

    from annotations.models import Article, Quote, Speaker

    call_command("migrate", verbosity=0)
    editors = Group.objects.get(name="editors")
    for i in range(1, args.editors + 1):
        user, created = User.objects.get_or_create(username=f"bench-editor-{i:02d}")
        if created:
            user.set_password(PASSWORD)
            user.save()
        user.groups.add(editors)
    rng = random.Random(args.seed)
    start = Article.objects.count()
    for n in range(start, start + args.articles):
        text, proposals = invented_article(rng, n, args.quotes)
        with transaction.atomic():
            article = Article.objects.create(
                title=f"Council weighs plan number {n}",
                text=text,
                outlet="Bench Gazette",
                status=Article.Status.PROPOSED,
            )
            for p in proposals:
                speaker = Speaker.objects.find(p["name"]) or Speaker.objects.create(name=p["name"])
                quote = Quote(
                    article=article,
                    kind=p["kind"],
                    origin=Quote.Origin.MODEL,
                    confidence=p["confidence"],
                    speaker=speaker,
                    model_version="bench",
                )
                quote.set_spans([p["content"]], p["cue"], p["mention"])
                quote.save()
    open_articles = Article.objects.exclude(status=Article.Status.REVIEWED).count()
    print(
        f"{args.editors} editors (password {PASSWORD!r}); {args.articles} articles added, "
        f"{open_articles} not yet reviewed."
    )


# --- the load: editors over HTTP --------------------------------------------------------------


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Editor:
    def __init__(self, base: str, username: str, stats: "Stats"):
        self.base = base
        self.username = username
        self.stats = stats
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )

    def csrf(self) -> str:
        return next((c.value for c in self.cookies if c.name == "csrftoken"), "")

    def request(self, kind: str, path: str, data: dict | None = None, htmx: bool = False):
        """One timed request; returns (status, body, location). Errors are recorded."""
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        req = urllib.request.Request(self.base + path, data=body)
        req.add_header("Referer", self.base + "/")
        if body is not None:
            req.add_header("X-CSRFToken", self.csrf())
        if htmx:
            req.add_header("HX-Request", "true")
        started = time.perf_counter()
        try:
            with self.opener.open(req, timeout=TIMEOUT) as response:
                status, text, location = response.status, response.read().decode(), ""
        except urllib.error.HTTPError as exc:
            status, text = exc.code, exc.read().decode(errors="replace")
            location = exc.headers.get("Location", "")
        except OSError as exc:
            self.stats.error(kind, f"{type(exc).__name__}: {exc}")
            return 0, "", ""
        self.stats.record(kind, time.perf_counter() - started)
        if status >= 400:
            self.stats.error(kind, f"HTTP {status}: {text[:200]!r}")
        return status, text, location

    def log_in(self) -> bool:
        self.request("login page", "/login/")
        status, _, _ = self.request(
            "log in",
            "/login/",
            {
                "username": self.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.csrf(),
            },
        )
        return status == 302

    def review_one(self, read: float, rng: random.Random, deadline: float) -> bool:
        """Take the next article and review it; False when there is nothing left."""
        status, _, location = self.request("next", "/next/", {})
        match = re.search(r"/articles/(\d+)/", location)
        if status != 302 or not match:
            return False
        article = match.group(1)
        _, page, _ = self.request("review page", f"/articles/{article}/")
        cards = re.findall(
            r'class="quote-card is-(\w+)" data-quote="(\d+)"\s+data-version="(\d+)"', page
        )
        for state, quote, version in cards:
            if state != "proposed":
                continue
            time.sleep(read * rng.uniform(0.5, 1.5))
            if time.monotonic() > deadline:
                return False
            decision = "reject" if rng.random() < 0.2 else "accept"
            self.request(decision, f"/quotes/{quote}/{decision}/", {"version": version}, True)
        self.request("mark reviewed", f"/articles/{article}/reviewed/", {}, True)
        return True


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)

    def record(self, kind: str, seconds: float) -> None:
        with self.lock:
            self.times[kind].append(seconds)

    def error(self, kind: str, message: str) -> None:
        with self.lock:
            self.errors[kind].append(message)

    def report(self, elapsed: float) -> None:
        print(f"\n{'request':<14}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
        for kind, times in sorted(self.times.items()):
            ms = sorted(t * 1000 for t in times)
            q = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
            print(f"{kind:<14}{len(ms):>7}{q[49]:>9.0f}{q[94]:>9.0f}{q[98]:>9.0f}{ms[-1]:>9.0f}")
        total = sum(len(t) for t in self.times.values())
        decisions = len(self.times["accept"]) + len(self.times["reject"])
        print(
            f"\n{total} requests in {elapsed:.0f} s; {decisions} decisions "
            f"({decisions / elapsed:.1f}/s); articles reviewed: {len(self.times['mark reviewed'])}"
        )
        n_errors = sum(len(e) for e in self.errors.values())
        print(f"errors: {n_errors}")
        for kind, messages in sorted(self.errors.items()):
            print(f"  {kind}: {len(messages)}, first: {messages[0]}")


def run(args) -> int:
    url = urllib.parse.urlsplit(args.url)
    if url.hostname not in LOOPBACK:
        print(f"Refusing {args.url}: the load benchmark only talks to a loopback address.")
        return 2
    base = f"{url.scheme}://{url.netloc}"
    stats = Stats()
    load_before = os.getloadavg()

    # Everyone logs in first (password hashing is slow on purpose, and a whole newsroom
    # logging in within one second is not the working day being measured); then work.
    clock = {}

    def start_the_clock() -> None:
        clock["started"] = time.monotonic()
        clock["deadline"] = clock["started"] + args.duration

    logged_in = threading.Barrier(args.editors + 1, action=start_the_clock)
    one_at_a_time = threading.Lock()  # logins do not pile up on the server's CPUs

    def editor_at_work(i: int) -> None:
        rng = random.Random(args.seed * 1000 + i)
        editor = Editor(base, f"bench-editor-{i:02d}", stats)
        with one_at_a_time:
            ok = editor.log_in()
        if not ok:
            stats.error("log in", f"{editor.username} could not log in (run setup first?)")
        logged_in.wait()
        if not ok:
            return
        time.sleep(rng.uniform(0, args.read))  # editors do not start in lockstep
        while time.monotonic() < clock["deadline"]:
            if not editor.review_one(args.read, rng, clock["deadline"]):
                break

    threads = [
        threading.Thread(target=editor_at_work, args=(i,), daemon=True)
        for i in range(1, args.editors + 1)
    ]
    for thread in threads:
        thread.start()
    logged_in.wait()
    for thread in threads:
        thread.join(timeout=max(0.0, clock["deadline"] - time.monotonic()) + TIMEOUT + 5)
    elapsed = time.monotonic() - clock["started"]
    print(
        f"{args.editors} editors, ~{args.read:g} s of reading per decision, {args.duration:g} s "
        f"against {base}; load average before {load_before[0]:.1f}, "
        f"after {os.getloadavg()[0]:.1f} ({os.cpu_count()} CPUs)"
    )
    stats.report(elapsed)
    return 1 if stats.errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("setup", help="create invented articles and editor accounts")
    s.add_argument("--database-url", default=os.getenv("DATABASE_URL", "sqlite:///db.sqlite3"))
    s.add_argument("--editors", type=int, default=20)
    s.add_argument("--articles", type=int, default=200)
    s.add_argument("--quotes", type=int, default=20, help="proposals per article")
    s.add_argument("--seed", type=int, default=12)
    r = sub.add_parser("run", help="editors at work against a running server")
    r.add_argument("--url", default="http://127.0.0.1:8000")
    r.add_argument("--editors", type=int, default=20)
    r.add_argument("--read", type=float, default=2.0, help="seconds of reading per decision")
    r.add_argument("--duration", type=float, default=120, help="seconds; the run stops then")
    r.add_argument("--seed", type=int, default=12)
    args = parser.parse_args()
    if args.command == "setup":
        setup(args)
        return 0
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
