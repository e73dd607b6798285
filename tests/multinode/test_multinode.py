"""Past one machine, proven on one: two web nodes (gunicorn) behind HAProxy, two Celery workers,
one Redis, and a PostgreSQL primary with a streaming read replica, all real processes on
loopback ports chosen at run time (tests/multinode/harness.py). Node A is web0, node B web1.

The site starts once for the module (about a minute) and the tests run in this order, each
leaving the site as it found it, except the last, which kills node A. The windows asserted are
those of docs/multinode.md, computed from the settings the site runs with.
"""

import http.client
import json
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from urllib.parse import urlencode, urlsplit

import psycopg
import pytest
import redis
from celery import Celery

from tests.integration.smtp_sink import SmtpSink

from .harness import (
    REPLICA_CHECK_SECONDS,
    REPLICA_MAX_LAG_SECONDS,
    VISIBILITY_WINDOW,
    Site,
    wait_until,
)

pytestmark = [pytest.mark.multinode, pytest.mark.timeout(420)]

NODE_A, NODE_B = 0, 1
CSRF = "multinodecsrftoken0123456789abcd"  # 32 characters: Django's unmasked secret format
POSTERS, MATES, SUBSCRIBERS = 6, 20, 800


@dataclass
class Reply:
    status: int
    body: str
    headers: http.client.HTTPMessage
    started: float  # time.monotonic() when the request was sent


@dataclass
class Browser:
    """A member's (or a visitor's) cookies, kept across requests as a browser would."""

    cookies: dict[str, str] = field(default_factory=dict)

    def header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def keep(self, reply: Reply) -> None:
        for line in reply.headers.get_all("Set-Cookie") or []:
            name, _, rest = line.partition("=")
            self.cookies[name] = rest.split(";", 1)[0]


def fetch(base: str, path: str, browser: Browser | None = None, data: dict | None = None) -> Reply:
    """One request on a new connection, redirects not followed."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=15)
    headers = {"Host": "127.0.0.1", "Connection": "close"}
    if browser is not None and browser.cookies:
        headers["Cookie"] = browser.header()
    body = None
    if data is not None:
        body = urlencode({"csrfmiddlewaretoken": CSRF, **data})
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["Cookie"] = "; ".join(filter(None, [headers.get("Cookie"), f"csrftoken={CSRF}"]))
    started = time.monotonic()
    try:
        connection.request("POST" if data is not None else "GET", path, body=body, headers=headers)
        response = connection.getresponse()
        reply = Reply(
            response.status, response.read().decode(errors="replace"), response.msg, started
        )
    finally:
        connection.close()
    if browser is not None:
        browser.keep(reply)
    return reply


def answer_post(site: Site, node: int, browser: Browser, question_id: int, text: str) -> float:
    """Post an answer through one node; when it had committed (the reply came back)."""
    reply = fetch(
        site.web_url(node),
        f"/questions/{question_id}/answer/",
        browser,
        {"body": text, "idempotency_key": str(uuid.uuid4())},
    )
    assert reply.status == 302, reply.body[-2000:]
    return time.monotonic()


def first_seen(check: Callable[[], Reply], shows: Callable[[Reply], bool], timeout: float) -> float:
    """When the first request that showed it was sent, polling until `timeout` from now."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        reply = check()
        if shows(reply):
            return reply.started
        time.sleep(0.05)
    raise AssertionError(f"not seen within {timeout} s")


@pytest.fixture(scope="module")
def sink() -> Iterator[SmtpSink]:
    with SmtpSink(keep_data=False) as running:
        yield running


@pytest.fixture(scope="module")
def site(sink: SmtpSink) -> Iterator[Site]:
    running = Site(smtp_port=sink.port)
    try:
        running.start()
        yield running
    finally:
        running.close()


@pytest.fixture(scope="module")
def world(site: Site) -> dict:
    return json.loads(
        site.call(f"world(posters={POSTERS}, mates={MATES}, subscribers={SUBSCRIBERS})")
    )


@pytest.fixture(scope="module")
def busy_primary(site: Site) -> Iterator[None]:
    """A commit on the primary every 0.2 s, as on a site in use: the replica's newest replayed
    commit then says how far behind it is."""
    stop = threading.Event()

    def beat() -> None:
        with psycopg.connect(site.primary.url(), autocommit=True) as conn:
            while not stop.wait(0.2):
                conn.execute("SELECT txid_current()")

    thread = threading.Thread(target=beat, daemon=True)
    thread.start()
    yield
    stop.set()
    thread.join(timeout=5)


def _member(world: dict, role: str) -> Browser:
    return Browser({"sessionid": world[role]})


def test_post_on_node_a_is_seen_on_node_b_within_the_window(site, world):
    author, reader = _member(world, "asker"), _member(world, "reader")
    text = "Calendula cream, put on twice a day, kept my skin calm"

    committed = answer_post(site, NODE_A, author, world["question_id"], text)

    assert "primary_reads" in author.cookies  # she reads the primary for the sticky window
    assert text in fetch(site.web_url(NODE_B), world["question"], author).body
    seen = first_seen(
        lambda: fetch(site.web_url(NODE_B), world["question"], reader),
        lambda reply: text in reply.body,
        timeout=VISIBILITY_WINDOW + 5,
    )
    assert seen - committed <= VISIBILITY_WINDOW


def test_hide_on_node_a_is_never_served_by_node_b_after_the_window(site, world):
    reader, moderator = _member(world, "reader"), _member(world, "moderator")
    title = "Question soon hidden by a moderator"
    node_b = site.web_url(NODE_B)
    # given node B's page cache holds the question list with it, and members read it there
    listed = [fetch(node_b, "/questions/") for _ in range(8)]
    assert all(title in reply.body for reply in listed)
    assert any(reply.headers.get("X-Page-Cache") == "hit" for reply in listed)
    assert title in fetch(node_b, world["doomed"], reader).body

    # when a moderator hides it on node A
    reply = fetch(
        site.web_url(NODE_A),
        "/admin/forum/question/",
        moderator,
        {
            "action": "hide",
            "_selected_action": world["doomed_id"],
            "apply": "1",
            "reason": "Shares a phone number",
        },
    )
    assert reply.status == 302, reply.body[-2000:]
    hidden = time.monotonic()

    # then node B shows it to nobody once the window has passed: not the visitors' cached list
    # or page, not the member's page
    last_shown = None
    while time.monotonic() < hidden + VISIBILITY_WINDOW + 3:
        for path, browser in (
            ("/questions/", None),
            (world["doomed"], None),
            (world["doomed"], reader),
        ):
            reply = fetch(node_b, path, browser)
            if reply.status == 200 and title in reply.body:
                last_shown = reply.started - hidden
    assert last_shown is None or last_shown <= VISIBILITY_WINDOW, last_shown


def test_replica_behind_within_the_bound_is_read_and_beyond_it_set_aside(site, world, busy_primary):
    author, reader = _member(world, "asker"), _member(world, "reader")
    node_b = site.web_url(NODE_B)
    question = world["question"]
    try:
        # given a replica that applies each commit 1.5 s after it was made (the bound is 3 s)
        site.replica_apply_delay(1.5)
        time.sleep(REPLICA_CHECK_SECONDS + 1.6)  # every process has seen it behind

        # when she posts on node A
        text = "The hospital's own barrier cream, from the radiotherapy nurses"
        committed = answer_post(site, NODE_A, author, world["question_id"], text)

        # then she reads it on node B at once, from the primary; another member reads the
        # replica, which shows it when it has replayed it
        assert text in fetch(node_b, question, author).body
        assert text not in fetch(node_b, question, reader).body
        seen = first_seen(
            lambda: fetch(node_b, question, reader), lambda r: text in r.body, timeout=10
        )
        assert 1.0 <= seen - committed <= VISIBILITY_WINDOW

        # and once the replica is further behind than the bound, reads leave it
        site.replica_apply_delay(8)
        assert wait_until(
            lambda: _replica_seconds_behind(site) > REPLICA_MAX_LAG_SECONDS + 0.5, timeout=10
        )
        time.sleep(REPLICA_CHECK_SECONDS + 0.2)
        text = "Aloe gel from the fridge, recommended by my radiographer"
        committed = answer_post(site, NODE_A, author, world["question_id"], text)
        seen = first_seen(
            lambda: fetch(node_b, question, reader), lambda r: text in r.body, timeout=10
        )
        assert seen - committed <= REPLICA_CHECK_SECONDS + 0.5
        assert not site.replica.sql("SELECT 1 FROM forum_answer WHERE body = %s", [text])
    finally:
        site.replica_apply_delay(0)
    assert wait_until(site.replica_caught_up, timeout=20)


def _replica_seconds_behind(site: Site) -> float:
    row = site.replica.sql("SELECT extract(epoch FROM now() - pg_last_xact_replay_timestamp())")
    return float(row[0][0] or 0)


def test_replica_down_reads_fall_back_to_the_primary_without_an_error(site, world):
    author, reader = _member(world, "asker"), _member(world, "reader")
    balancer = f"http://127.0.0.1:{site.lb_port}"
    site.replica.stop(immediate=True)
    try:
        text = "Written while the replica was down: the primary has it"
        answer_post(site, NODE_A, author, world["question_id"], text)

        replies = [fetch(balancer, world["question"], reader) for _ in range(12)]
        replies += [fetch(balancer, "/questions/") for _ in range(6)]

        assert [r.status for r in replies] == [200] * len(replies)
        assert all(text in r.body for r in replies[:12])
    finally:
        site.replica.start()
    assert wait_until(site.replica_caught_up, timeout=30)
    assert fetch(balancer, world["question"], reader).status == 200


def test_feed_fan_out_and_newsletter_split_across_both_workers_lose_and_double_nothing(
    site, world, sink
):
    assert wait_until(site.workers_ready, timeout=60)
    balancer = f"http://127.0.0.1:{site.lb_port}"
    # given the week's digest handed to the workers (as beat would) ...
    # (an app of its own, never the current one: the tests after this module keep theirs)
    publisher = Celery(broker=f"redis://127.0.0.1:{site.redis_port}/0", set_as_current=False)
    try:
        publisher.send_task("newsletter.tasks.newsletter_fan_out", args=[world["send"]])
    finally:
        publisher.close()
    # ... while each poster shares an update through the balancer, on both nodes
    for number, session in enumerate(world["posters"]):
        reply = fetch(
            balancer,
            "/activities/post/",
            Browser({"sessionid": session}),
            {
                "body": f"Scan day {number}: all clear",
                "audience": "members",
                "tag": "",
                "idempotency_key": str(uuid.uuid4()),
            },
        )
        assert reply.status == 302, reply.body[-2000:]
    updates = {
        row[0]
        for row in site.primary.sql(
            "SELECT id FROM activities_update WHERE author_id = ANY(%s)", [world["poster_ids"]]
        )
    }
    assert len(updates) == POSTERS

    # then every team mate's feed holds every update, once
    store = redis.Redis(port=site.redis_port)

    def feed_ids(mate: int) -> list[int]:
        entries = store.zrange(f"mybcteam:feed:team:{mate}", 0, -1)
        return [int(e.split(b":")[1]) for e in entries if e.startswith(b"u:")]

    assert wait_until(lambda: all(set(feed_ids(m)) == updates for m in world["mates"]), 30)
    assert all(sorted(feed_ids(m)) == sorted(updates) for m in world["mates"])
    assert wait_until(lambda: not site.primary.sql("SELECT 1 FROM activities_feedjob"), 20)

    # and every subscriber got the digest exactly once (members' own emails go to the sink too)
    def digests() -> dict[str, int]:
        counts = sink.handler.per_recipient()
        return {to: n for to, n in counts.items() if to.endswith("@example.org")}

    assert wait_until(lambda: len(digests()) >= SUBSCRIBERS, timeout=90), len(digests())
    assert wait_until(
        lambda: (
            not site.primary.sql(
                "SELECT 1 FROM newsletter_delivery WHERE state IN ('queued', 'sending')"
            )
        ),
        timeout=30,
    )
    time.sleep(1)  # nothing more may arrive
    counts = digests()
    assert set(counts) == {f"reader{i}@example.org" for i in range(SUBSCRIBERS)}
    assert set(counts.values()) == {1}

    # and both workers took part
    done = {name: _tasks_succeeded(site, name) for name in ("worker0", "worker1")}
    assert all(sum(tasks.values()) >= 1 for tasks in done.values()), done
    assert sum(d["newsletter.tasks.newsletter_chunk_send"] for d in done.values()) >= 4, done


def _tasks_succeeded(site: Site, worker: str) -> dict[str, int]:
    log = (site.logs / f"{worker}.log").read_text(errors="replace")
    names = ("newsletter.tasks.newsletter_chunk_send", "activities.feed.tasks.feed_job_run")
    lines = [line for line in log.splitlines() if " succeeded in " in line]
    return {name: sum(1 for line in lines if f"Task {name}[" in line) for name in names}


def test_losing_a_web_node_loses_no_request_beyond_those_it_was_answering(site, world):
    balancer = f"http://127.0.0.1:{site.lb_port}"
    reader = _member(world, "reader")
    stop = threading.Event()
    outcomes: list[int | str] = []
    lock = threading.Lock()

    def drive(path: str, browser: Browser | None) -> None:
        while not stop.is_set():
            try:
                status: int | str = fetch(balancer, path, browser).status
            except OSError as exc:
                status = type(exc).__name__
            with lock:
                outcomes.append(status)

    drivers = [
        threading.Thread(target=drive, args=(world["question"], reader)),
        threading.Thread(target=drive, args=(world["question"], reader)),
        threading.Thread(target=drive, args=("/questions/", None)),
        threading.Thread(target=drive, args=("/questions/", None)),
    ]
    for thread in drivers:
        thread.start()
    try:
        time.sleep(1.5)
        site.web_kill(NODE_A)  # SIGKILL: its requests in flight get no answer from it
        time.sleep(3)
    finally:
        stop.set()
        for thread in drivers:
            thread.join(timeout=20)

    failures = [outcome for outcome in outcomes if outcome != 200]
    assert len(outcomes) >= 20
    # node A's two workers answer one request each: at most those two are lost, and HAProxy
    # sends them again to node B
    assert len(failures) <= 2, failures
    assert wait_until(lambda: site.balancer_up_nodes() == 1, timeout=5)
