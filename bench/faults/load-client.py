#!/usr/bin/env python3
"""Load through the balancer for bench/cluster-faults.sh, and the count of what was lost (issue 20).

  load-client.py setup WORK        an admin token makes a team, USERS learners and a manager; the manager writes,
                                   publishes and assigns a course with a five-question quiz (WORK/state.json)
  load-client.py run WORK SECONDS  USERS virtual users until SECONDS passed or WORK/stop exists, each in a loop:
                                   reads (my learning, the course), a quiz attempt started or resumed, its answers
                                   saved one by one (autosave), submitted with an Idempotency-Key, and now and then
                                   kudos to a colleague (a message that only it carries; each turns into a
                                   notification through the event registry). Every request goes to WORK/requests.tsv
                                   (time, user, request, status, milliseconds, node), every acknowledged write to
                                   WORK/writes.tsv. The last attempt of each user is left open, its answers saved, as
                                   a learner closing the tab would.
  load-client.py verify WORK [FROM TO]  the requests that failed (no answer, or not 2xx/3xx), the slowest, and, in
                                   PostgreSQL, every acknowledged write: submitted attempts, saved answers (in the
                                   submitted attempt or in the one still open), kudos and their one notification each;
                                   and a few invariants of what is written together (nothing half-written).
                                   FROM/TO (epoch seconds) also count the requests sent in that window.
Environment: BASE (http://127.0.0.1:8140), USERS (30), ADMIN_EMAIL, ADMIN_PASSWORD, PGHOST, PGPORT, DB (stride_cluster).
"""
import http.client
import json
import os
import random
import subprocess
import sys
import threading
import time
import uuid
from urllib.parse import urlparse

BASE = os.environ.get("BASE", "http://127.0.0.1:8140")
USERS = int(os.environ.get("USERS", "30"))
KUDOS_PER_USER = 15  # the API allows 20 a day from one person


class Client:
    """One keep-alive connection to the balancer; a request that gets no answer is logged with status 0."""

    def __init__(self, token=None, log=None, user="-"):
        url = urlparse(BASE)
        self.host, self.port = url.hostname, url.port or 80
        self.token, self.log, self.user = token, log, user
        self.conn = None

    def call(self, method, path, body=None, headers=None, label=None):
        all_headers = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.token:
            all_headers["Authorization"] = "Bearer " + self.token
        all_headers.update(headers or {})
        data = json.dumps(body) if body is not None else None
        started = time.time()
        status, node, payload = 0, "-", None
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
            self.conn.request(method, path, body=data, headers=all_headers)
            response = self.conn.getresponse()
            raw = response.read()
            status, node = response.status, response.getheader("X-Stride-Node", "-")
            if response.getheader("Retry-After"):
                node += ";retry-after=" + response.getheader("Retry-After")
            payload = json.loads(raw) if raw and raw[:1] in (b"{", b"[") else None
        except Exception as e:  # no answer at all: a connection refused, reset or timed out
            node = type(e).__name__
            if self.conn is not None:
                self.conn.close()
            self.conn = None
        if self.log is not None:
            self.log.request(started, self.user, f"{method} {label or path}", status, (time.time() - started) * 1000, node)
        return status, payload


class Log:
    def __init__(self, work):
        self.lock = threading.Lock()
        self.requests = open(os.path.join(work, "requests.tsv"), "a", buffering=1)
        self.writes = open(os.path.join(work, "writes.tsv"), "a", buffering=1)

    def request(self, started, user, what, status, millis, node):
        with self.lock:
            self.requests.write(f"{started:.3f}\t{user}\t{what}\t{status}\t{millis:.0f}\t{node}\n")

    def write(self, *fields):
        with self.lock:
            self.writes.write("\t".join(str(f) for f in fields) + "\n")


def expect(status, payload, wanted, what):
    if status not in wanted:
        sys.exit(f"set-up failed: {what} answered {status} {payload}")
    return payload


def setup(work):
    admin = Client()
    _, token = admin.call("POST", "/api/v1/auth/token",
                          {"email": os.environ["ADMIN_EMAIL"], "password": os.environ["ADMIN_PASSWORD"]})
    admin.token = token["token"]
    stamp = uuid.uuid4().hex[:8]
    team = expect(*admin.call("POST", "/api/v1/teams", {"name": f"Faults {stamp}"}), (201,), "team")["id"]
    password = f"faults-{stamp}-password"
    people = []
    for i in range(USERS + 1):
        email = f"faults-{stamp}-{i}@cluster.test"
        role = {"teamIds": [], "manages": [team]} if i == 0 else {"teamIds": [team], "manages": []}
        person = expect(*admin.call("POST", "/api/v1/people", {"name": f"Faults {stamp} {i}", "email": email,
                                                              "password": password, "roles": [], **role}),
                        (201,), "person")
        _, t = Client().call("POST", "/api/v1/auth/token", {"email": email, "password": password})
        people.append({"id": person["id"], "token": t["token"]})
    manager = Client(people[0]["token"])
    questions = [{"kind": "SINGLE_CHOICE", "prompt": f"Question {q} of the faults quiz?",
                  "options": ["First", "Second", "Third"], "correct": [q % 3], "explanation": "Because."}
                 for q in range(5)]
    course = expect(*manager.call("POST", "/api/v1/courses", {
        "title": f"Faults {stamp}", "description": "A course the fault scripts take again and again.",
        "lessons": [{"title": "The lesson", "markdown": "What the quiz asks about."}],
        "quiz": {"passMark": 60, "questions": questions}}), (201,), "course")["id"]
    expect(*manager.call("POST", f"/api/v1/courses/{course}/publish"), (200,), "publish")
    expect(*manager.call("POST", f"/api/v1/courses/{course}/assignments", {"teamId": team, "dueDate": time.strftime("%Y-%m-%d", time.gmtime(time.time() + 30 * 86400))}),
           (201,), "assignment")
    with open(os.path.join(work, "state.json"), "w") as f:
        json.dump({"course": course, "learners": people[1:]}, f)
    print(f"   set up: team {team}, {USERS} learners, course {course}")


def learner(state, me, log, leave_open):
    client = Client(me["token"], log, me["id"][:8])
    course = state["course"]
    colleagues = [p["id"] for p in state["learners"] if p["id"] != me["id"]]
    kudos = 0
    while not leave_open():
        client.call("GET", "/api/v1/me/learning")
        client.call("GET", f"/api/v1/courses/{course}", label="/api/v1/courses/{id}")
        status, attempt = client.call("POST", f"/api/v1/courses/{course}/attempts/current",
                                      label="/api/v1/courses/{id}/attempts/current")
        if status not in (200, 201):
            time.sleep(1)
            continue
        for question in attempt["questions"]:
            choice = [random.randrange(3)]
            status, _ = client.call("PUT", f"/api/v1/attempts/{attempt['attemptId']}/answers/{question['id']}",
                                    {"selected": choice}, label="/api/v1/attempts/{id}/answers/{question}")
            if status == 200:
                log.write("answer", attempt["attemptId"], question["id"], json.dumps(choice), time.time())
            time.sleep(random.uniform(0.05, 0.3))
        if leave_open():
            return
        key = str(uuid.uuid4())
        status, result = client.call("POST", f"/api/v1/attempts/{attempt['attemptId']}/submit", {"answers": []},
                                     {"Idempotency-Key": key}, label="/api/v1/attempts/{id}/submit")
        if status == 201:
            log.write("attempt", result["attemptId"], key, "", time.time())
        if kudos < KUDOS_PER_USER and random.random() < 0.5:
            message = f"Thanks, faults run {uuid.uuid4()}"
            status, given = client.call("POST", "/api/v1/kudos", {"to": random.choice(colleagues), "message": message})
            kudos += 1
            if status == 201:
                log.write("kudos", given["id"], message, "", time.time())
        time.sleep(random.uniform(0.2, 0.6))


def run(work, seconds):
    with open(os.path.join(work, "state.json")) as f:
        state = json.load(f)
    log = Log(work)
    until = time.time() + seconds
    stop = os.path.join(work, "stop")
    threads = [threading.Thread(target=learner, args=(state, me, log,
                                                      lambda: time.time() >= until or os.path.exists(stop)))
               for me in state["learners"]]
    for t in threads:
        t.start()
        time.sleep(0.05)
    for t in threads:
        t.join()


def psql(sql):
    env = dict(os.environ, PGPASSWORD="stride")
    out = subprocess.run(["psql", "-h", os.environ.get("PGHOST", "127.0.0.1"), "-p", os.environ.get("PGPORT", "5432"),
                          "-U", "stride", "-d", os.environ.get("DB", "stride_cluster"), "-tAF", "\t"],
                         input=sql, env=env, check=True, capture_output=True, text=True).stdout
    return [line.split("\t") for line in out.splitlines() if line]


def quoted(values):
    return ",".join("'" + v.replace("'", "''") + "'" for v in values) or "''"


def verify(work, window):
    requests = [line.rstrip("\n").split("\t") for line in open(os.path.join(work, "requests.tsv"))]
    failed = [r for r in requests if not (200 <= int(r[3]) < 400)]
    statuses = {}
    for r in requests:
        statuses[r[3]] = statuses.get(r[3], 0) + 1
    print(f"   requests {len(requests)}, failed {len(failed)} (status 0 = no answer); by status "
          + ", ".join(f"{k}: {v}" for k, v in sorted(statuses.items())))
    print(f"   slowest {max((float(r[4]) for r in requests), default=0):.0f} ms")
    for r in failed[:10]:
        print(f"     failed: {time.strftime('%H:%M:%S', time.localtime(float(r[0])))} {r[2]} -> {r[3]} {r[5]}")
    if window:
        start, end = window
        inside = [r for r in requests if start <= float(r[0]) <= end]
        by = {}
        for r in inside:
            by[r[3]] = by.get(r[3], 0) + 1
        with_retry = sum(1 for r in inside if r[3] == "503" and "retry-after" in r[5])
        print(f"   during the outage ({end - start:.0f} s): {len(inside)} requests; by status "
              + ", ".join(f"{k}: {v}" for k, v in sorted(by.items()))
              + f"; 503 with Retry-After {with_retry}; slowest {max((float(r[4]) for r in inside), default=0):.0f} ms")

    # during a database outage a request answered 503 with Retry-After is the answer designed for it (the client tries
    # again later; nothing was written): it is counted apart, not as a failure; a 500, a hang or no answer still is
    designed = []
    if window:
        designed = [r for r in failed if r[3] == "503" and "retry-after" in r[5] and window[0] <= float(r[0]) <= window[1]]
        if designed:
            print(f"   answered 503 with Retry-After while the database was away, as designed: {len(designed)}; "
                  f"other failures: {len(failed) - len(designed)}")

    writes = [line.rstrip("\n").split("\t") for line in open(os.path.join(work, "writes.tsv"))]
    attempts = {w[1] for w in writes if w[0] == "attempt"}
    kudos = {w[1]: w[2] for w in writes if w[0] == "kudos"}
    saved = {}
    for w in writes:
        if w[0] == "answer":
            saved[(w[1], w[2])] = json.loads(w[3])  # the last save of a question is what must be kept
    stored = {row[0] for row in psql(f"SELECT id FROM attempts WHERE id IN ({quoted(attempts)})")}
    lost_attempts = attempts - stored
    answers = {}
    for table in ("attempts", "open_attempts"):
        ids = {a for a, _ in saved}
        for attempt_id, raw in psql(f"SELECT id, answers FROM {table} WHERE id IN ({quoted(ids)})"):
            for answer in json.loads(raw):
                answers[(attempt_id, answer.get("questionId"))] = answer.get("selected")
    lost_answers = [k for k, v in saved.items() if answers.get(k) != v]
    open_ones = len({a for a, _ in saved} - stored)
    rows = {row[0] for row in psql(f"SELECT id FROM kudos WHERE id IN ({quoted(kudos)})")}
    notified = dict((body, int(n)) for body, n in psql(
        f"SELECT body, count(*) FROM notifications WHERE body IN ({quoted(kudos.values())}) GROUP BY body"))
    missing_notes = [m for m in kudos.values() if notified.get(m, 0) == 0]
    twice = [m for m in kudos.values() if notified.get(m, 0) > 1]
    print(f"   acknowledged writes: {len(attempts)} submitted attempts, {len(saved)} saved answers "
          f"({open_ones} attempts still open), {len(kudos)} kudos")
    print(f"   lost: {len(lost_attempts)} attempts, {len(lost_answers)} saved answers, {len(kudos) - len(rows)} kudos; "
          f"kudos notifications missing {len(missing_notes)}, sent twice {len(twice)}")
    for k in lost_answers[:5]:
        print(f"     answer {k} saved {saved[k]}, stored {answers.get(k)}")
    # nothing half-written: what one transaction writes together is all there or all absent
    half = {
        "courses without lessons": "SELECT count(*) FROM courses c WHERE NOT EXISTS "
                                   "(SELECT 1 FROM lessons l WHERE l.course_id = c.id)",
        "progress counting other than the attempts stored": "SELECT count(*) FROM progress p WHERE p.attempts <> "
            "(SELECT count(*) FROM attempts a WHERE a.person_id = p.person_id AND a.course_id = p.course_id)",
        "kudos without their notification": "SELECT count(*) FROM kudos k WHERE k.message LIKE 'Thanks, faults run %' "
            "AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.person_id = k.to_person AND n.body = k.message)",
    }
    broken = {what: int(psql(sql)[0][0]) for what, sql in half.items()}
    print("   half-written: " + ", ".join(f"{what} {n}" for what, n in broken.items()))
    lost = sum(broken.values()) + len(failed) - len(designed) + len(lost_attempts) + len(lost_answers) + len(kudos) - len(rows) + len(missing_notes) + len(twice)
    print("   NOTHING LOST" if lost == 0 else f"   LOST OR FAILED: {lost}")
    return 0 if lost == 0 else 1


if __name__ == "__main__":
    command, work = sys.argv[1], sys.argv[2]
    os.makedirs(work, exist_ok=True)
    if command == "setup":
        setup(work)
    elif command == "run":
        run(work, float(sys.argv[3]))
    elif command == "verify":
        sys.exit(verify(work, (float(sys.argv[3]), float(sys.argv[4])) if len(sys.argv) > 4 else None))
    else:
        sys.exit(__doc__)
