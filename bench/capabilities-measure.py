"""Measures the capability reads of bench/capabilities.sh and prints the table of figures.

Usage: capabilities-measure.py BASE RESULTS REQUESTS CLIENTS RISK_REQUESTS < spec.json

The spec lists endpoints (name, bearer token, path, optional accept, target p95 in ms, risk: fewer requests) and the
sign-offs to make (a TSV of task, person, capability, team, signer email; the signers' tokens as "email=token ...";
the token that reads the profile and coverage). Each endpoint gets a warm-up, then REQUESTS sequential requests, then
the same number spread over CLIENTS concurrent clients; each client keeps its connection open, as a browser does.
Each sign-off is made through the API, then the person's profile and their team's coverage are read at once: the
level must have gone up on that very read.
"""
import http.client
import json
import os
import sys
import threading
import time
import urllib.parse

BASE, RESULTS = sys.argv[1], sys.argv[2]
REQUESTS, CLIENTS, RISK_REQUESTS = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
spec = json.load(sys.stdin)
host = urllib.parse.urlparse(BASE)


class Client:
    def __init__(self, token, accept="application/json"):
        # no token: a read without signing in (a calendar feed, whose URL holds its key)
        self.headers = {"Accept": accept} if token is None else {"Authorization": "Bearer " + token, "Accept": accept}
        self.connection = None

    def request(self, method, path, body=None):
        """(status, milliseconds, body bytes); one retry on a connection the server closed."""
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection(host.hostname, host.port, timeout=600)
            headers = dict(self.headers)
            data = None
            if body is not None:
                data = json.dumps(body).encode()
                headers["Content-Type"] = "application/json"
            started = time.perf_counter()
            try:
                self.connection.request(method, path, body=data, headers=headers)
                response = self.connection.getresponse()
                content = response.read()
            except (http.client.HTTPException, ConnectionError, OSError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
                continue
            elapsed = (time.perf_counter() - started) * 1000
            if response.getheader("Connection", "").lower() == "close":
                self.connection.close()
                self.connection = None
            return response.status, elapsed, content
        raise AssertionError("unreachable")


def pct(times, p):
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def run(endpoint, requests, clients):
    """Times of the 200s and the other statuses, over `clients` concurrent clients sharing `requests`."""
    times, statuses, sizes = [], {}, []
    lock = threading.Lock()

    def client(share):
        c = Client(endpoint["token"], endpoint.get("accept", "application/json"))
        for _ in range(share):
            status, ms, content = c.request("GET", endpoint["path"])
            with lock:
                statuses[status] = statuses.get(status, 0) + 1
                if status == 200:
                    times.append(ms)
                    sizes.append(len(content))

    shares = [requests // clients + (1 if i < requests % clients else 0) for i in range(clients)]
    threads = [threading.Thread(target=client, args=(share,)) for share in shares if share]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return {"times": times, "statuses": statuses, "bytes": max(sizes) if sizes else 0,
            "seconds": time.perf_counter() - started}


def summary(r):
    if not r["times"]:
        return "not measured: HTTP " + ", ".join("%s x%d" % kv for kv in sorted(r["statuses"].items()))
    other = {k: v for k, v in r["statuses"].items() if k != 200}
    return "n=%d p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  %.1f req/s%s" % (
        len(r["times"]), pct(r["times"], 50), pct(r["times"], 95), max(r["times"]), len(r["times"]) / r["seconds"],
        ("  NON-200: %s" % other) if other else "")


results = []
print("== %d sequential requests each, then %d over %d concurrent clients, after 10 not measured (risk report: %d, "
      "after 1)" % (REQUESTS, REQUESTS, CLIENTS, RISK_REQUESTS))
def measure(endpoint):
    n = RISK_REQUESTS if endpoint.get("risk") else REQUESTS
    # RISK_CLIENTS (environment): concurrent clients of the risk report, CLIENTS unless set
    clients = int(os.environ.get("RISK_CLIENTS", CLIENTS)) if endpoint.get("risk") else CLIENTS
    warm = run(endpoint, 1 if endpoint.get("risk") else 10, 1)
    if endpoint.get("risk") and warm["times"]:
        print("%-42s warm-up %.0f ms" % (endpoint["name"], warm["times"][0]))
        sys.stdout.flush()
    if 200 not in warm["statuses"]:
        sequential = concurrent = warm
        print("%-42s sequential %s" % (endpoint["name"], summary(sequential)))
    else:
        sequential = run(endpoint, n, 1)
        print("%-42s sequential %s" % (endpoint["name"], summary(sequential)))
        sys.stdout.flush()
        concurrent = run(endpoint, n, clients)
    print("%-42s %d clients  %s" % ("", clients, summary(concurrent)))
    results.append({"name": endpoint["name"], "path": endpoint["path"], "target": endpoint.get("target"),
                    "bytes": sequential["bytes"], "sequential": sequential, "concurrent": concurrent,
                    "clients": clients})
    sys.stdout.flush()


# ONLY (environment): measure only the reads whose name contains it (e.g. "risk"), and make no sign-offs
only = os.environ.get("ONLY")
if only:
    spec["endpoints"] = [e for e in spec["endpoints"] if only in e["name"]]
    spec["signoffs"] = None
for endpoint in spec["endpoints"]:
    if not endpoint.get("risk"):
        measure(endpoint)


def find(value, capability, key):
    """The first object in the JSON that names the capability and has the key (the API's shape is not fixed here)."""
    if isinstance(value, dict):
        names = value.get("capabilityId") == capability or value.get("id") == capability or (
            isinstance(value.get("capability"), dict) and value["capability"].get("id") == capability)
        if names and key in value:
            return value
        for v in value.values():
            found = find(v, capability, key)
            if found is not None:
                return found
    elif isinstance(value, list):
        for v in value:
            found = find(v, capability, key)
            if found is not None:
                return found
    return None


def level(profile, capability):
    """The rank held (0: none), or None when the profile does not list the capability."""
    held = find(profile, capability, "level") or find(profile, capability, "levelRank")
    if held is None:
        return None
    value = held.get("level", held.get("levelRank"))
    if isinstance(value, dict):
        value = value.get("rank")
    return value or 0


def qualified(coverage, capability):
    row = find(coverage, capability, "qualified")
    if row is None:
        return None
    return len(row["qualified"]) if isinstance(row["qualified"], list) else row["qualified"]


signoffs = []
spec_signoffs = spec.get("signoffs")
if spec_signoffs:
    tokens = dict(pair.split("=", 1) for pair in spec_signoffs["tokens"].split())
    reader = Client(spec_signoffs["reader"])
    with open(spec_signoffs["file"]) as rows:
        lines = [line.rstrip("\n").split("\t") for line in rows if line.strip()]
    print("== one sign-off, then the next read of the profile and the team's coverage (%d people)" % len(lines))
    for task, person, capability, team, signer in lines:
        profile_path = "/api/v1/people/%s/capabilities" % person
        coverage_path = "/api/v1/teams/%s/coverage" % team
        status, _, body = reader.request("GET", profile_path)
        before = level(json.loads(body), capability) if status == 200 else None
        status, _, body = reader.request("GET", coverage_path)
        covered_before = qualified(json.loads(body), capability) if status == 200 else None
        started = time.perf_counter()
        s_status, s_ms, s_body = Client(tokens[signer]).request(
            "POST", "/api/v1/checklist-tasks/%s/sign-offs" % task,
            {"personId": person, "note": "Watched it done at work (benchmark)."})
        p_status, p_ms, p_body = reader.request("GET", profile_path)
        c_status, c_ms, c_body = reader.request("GET", coverage_path)
        total = (time.perf_counter() - started) * 1000
        after = level(json.loads(p_body), capability) if p_status == 200 else None
        covered_after = qualified(json.loads(c_body), capability) if c_status == 200 else None
        changed = before is not None and after is not None and after > before
        signoffs.append({"person": person, "capability": capability, "signOff": s_status, "signOffMs": s_ms,
                         "profile": p_status, "profileMs": p_ms, "coverage": c_status, "coverageMs": c_ms,
                         "totalMs": total, "levelBefore": before, "levelAfter": after,
                         "qualifiedBefore": covered_before, "qualifiedAfter": covered_after, "changed": changed})
        print("sign-off %s %6.1f ms, profile %s %6.1f ms (level %s -> %s), coverage %s %6.1f ms (qualified %s -> %s): %s"
              % (s_status, s_ms, p_status, p_ms, before, after, c_status, c_ms, covered_before, covered_after,
                 "level changed" if changed else "LEVEL NOT CHANGED"))
        if s_status >= 400:
            print("   " + s_body.decode(errors="replace")[:300])
        sys.stdout.flush()

# the organization's risk report last: it is the slowest, and the sign-offs above should not wait for it
for endpoint in spec["endpoints"]:
    if endpoint.get("risk"):
        measure(endpoint)

with open(RESULTS + "/figures.json", "w") as out:
    json.dump({"endpoints": results, "signoffs": signoffs}, out, indent=1)

print()
print("== figures (ms)")
print("%-42s %-10s %6s %8s %8s %8s %8s  %s" % ("read", "clients", "n", "p50", "p95", "max", "target", "p95 met"))
for r in results:
    for label, run_ in (("1", r["sequential"]), (str(r["clients"]), r["concurrent"])):
        if run_["times"]:
            p95 = pct(run_["times"], 95)
            met = "" if not r["target"] else ("yes" if p95 < r["target"] else "NO")
            print("%-42s %-10s %6d %8.1f %8.1f %8.1f %8s  %s" % (r["name"], label, len(run_["times"]),
                  pct(run_["times"], 50), p95, max(run_["times"]), r["target"] or "", met))
        else:
            print("%-42s %-10s %s" % (r["name"], label, summary(run_)))
if signoffs:
    made = [s for s in signoffs if s["signOff"] == 201]
    if made:
        totals = [s["totalMs"] for s in made]
        print("%-42s %-10s %6d %8.1f %8.1f %8.1f %8s  level changed on the next read: %d of %d"
              % ("sign-off, then profile and coverage read", "1", len(made), pct(totals, 50), pct(totals, 95),
                 max(totals), "", sum(1 for s in made if s["changed"]), len(made)))
    else:
        print("%-42s no sign-off was accepted: HTTP %s" % ("sign-off, then profile and coverage read",
                                                           sorted({s["signOff"] for s in signoffs})))
