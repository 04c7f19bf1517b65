#!/usr/bin/env bash
# Learning cycles benchmark: a team's cycles page and API (GET /teams/{id}/cycles, /api/v1/teams/{id}/cycles) for a
# team of 200 people in a large organization, measured by its manager.
#
# Usage: bench/cycles.sh [requests per endpoint]          (default 200)
#   The default shape: 40 divisions of 49 teams of 50 people (98,000) plus the measured team of 200, a manager per
#   team: about 100,000 people; seven in ten with an active cycle of three goals (about 70,000 cycles, 23,000 closed
#   ones, 280,000 goals). See bench/cycles-data.sql.
# Environment: PGHOST (127.0.0.1), PGPORT (5432), APP_HEAP (1g), PORT (8197), SKIP_BUILD=1, DB (stride_cyclesbench),
#   DIVISIONS (40), SUBS (49), LEAF (50), MEASURED (200), KEEP_DATA=1 (measure again on the database an earlier run
#   filled), JAR (the application to run; default: the one built in target/)
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-200}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PORT=${PORT:-8197}
BASE="http://127.0.0.1:$PORT"
PASSWORD=cycles-bench-password
ADMIN=cyc-admin@bench.test
RESULTS=target/cycles-bench
DB=${DB:-stride_cyclesbench}
DIVISIONS=${DIVISIONS:-40}
SUBS=${SUBS:-49}
LEAF=${LEAF:-50}
MEASURED=${MEASURED:-200}

. bench/lib.sh
psql_db() { PGPASSWORD=stride psql -h "$PGHOST" -p "$PGPORT" -U stride -d $DB -v ON_ERROR_STOP=1 -tA "$@"; }
mkdir -p "$RESULTS"

if [ -z "${KEEP_DATA:-}" ]; then
  echo "== fresh database $DB"
  psql_admin -d postgres -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
  psql_admin -d postgres -c "CREATE DATABASE $DB OWNER stride" >/dev/null
fi
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== building the application"
  ./mvnw -q -B -ntp -DskipTests package
fi
JAR=${JAR:-$(ls target/stride-*.jar | grep -v plain | head -n 1)}

start_app() {
  if curl -s -o /dev/null "$BASE/actuator/health"; then
    echo "something already listens on port $PORT (another bench?); choose another with PORT=..."; exit 1
  fi
  STRIDE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STRIDE_DB_USER=stride STRIDE_DB_PASSWORD=stride \
  STRIDE_DEMO_DATA=false STRIDE_ADMIN_EMAIL=$ADMIN STRIDE_ADMIN_PASSWORD=$PASSWORD PORT=$PORT STRIDE_BASE_URL=$BASE \
    "$JAVA" -Xms${APP_HEAP:-1g} -Xmx${APP_HEAP:-1g} -XX:+UseG1GC -jar "$JAR" \
    --logging.level.io.stride.shared.web.RequestLogging=WARN >> "$RESULTS/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
  curl -sf "$BASE/actuator/health" >/dev/null || { echo "Stride did not start; see $RESULTS/app.log"; exit 1; }
}
stop_app() { kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; }
sign_in() {
  curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
: > "$RESULTS/app.log"
echo "== starting Stride on $BASE (creates the schema and the admin)"
start_app
trap 'kill $APP 2>/dev/null || true' EXIT
if [ -z "${KEEP_DATA:-}" ]; then
  stop_app
  echo "== people, teams, priorities, cycles and goals in SQL"
  generating=$(date +%s)
  psql_db -v divisions="$DIVISIONS" -v subs="$SUBS" -v leaf="$LEAF" -v measured="$MEASURED" -v admin="$ADMIN" \
    -f bench/cycles-data.sql >/dev/null
  psql_db -c "VACUUM ANALYZE" >/dev/null 2>&1
  echo "generated in $(( $(date +%s) - generating )) s"
  start_app
fi

psql_db <<'SQL'
SELECT 'people: ' || (SELECT COUNT(*) FROM people) || ', teams: ' || (SELECT COUNT(*) FROM teams);
SELECT 'cycles: ' || COUNT(*) FILTER (WHERE status = 'ACTIVE') || ' active, ' || COUNT(*) FILTER (WHERE status = 'CLOSED')
  || ' closed; goals: ' || (SELECT COUNT(*) FROM learning_goals) || '; viewers: ' || (SELECT COUNT(*) FROM learning_cycle_viewers)
FROM learning_cycles;
SQL
TEAM=$(psql_db -c "SELECT id FROM teams WHERE name = 'Cycles measured team'")
echo "measured team $TEAM: $(psql_db -c "SELECT COUNT(*) FROM team_members WHERE team_id = '$TEAM'") people"
token=$(sign_in cyc-manager@bench.test)

python3 - "$BASE" "$token" "$REQUESTS" "$TEAM" <<'PY'
import http.client, sys, time, urllib.parse
base, token, requests, team = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
WARM = 50  # the JIT compiles the page's templates over the first few dozen requests
host = urllib.parse.urlparse(base)
def measure(name, path, accept, target=True):
    c = http.client.HTTPConnection(host.hostname, host.port, timeout=120)
    headers = {"Authorization": "Bearer " + token, "Accept": accept}
    times, size = [], 0
    for i in range(requests + WARM):
        started = time.perf_counter()
        c.request("GET", path, headers=headers)
        r = c.getresponse()
        body = r.read()
        ms = (time.perf_counter() - started) * 1000
        assert r.status == 200, (path, r.status, body[:300])
        size = len(body)
        if i >= WARM:
            times.append(ms)
    times.sort()
    p = lambda q: times[min(len(times) - 1, int(round(q / 100 * len(times) + 0.5)) - 1)]
    print("%-34s n=%d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms  (%d bytes)%s" % (
        name, len(times), p(50), p(95), p(99), times[-1], size, ("  target p95 < 150 ms: " + ("met" if p(95) < 150 else "MISSED")) if target else "  (baseline)"))
print("== %d sequential requests each after %d not measured, as the team's manager" % (requests, WARM))
# the cheapest signed-in read, for how loaded the machine is: the manager's own cycles (none)
measure("baseline: my cycles API (empty)", "/api/v1/cycles", "application/json", False)
measure("team cycles page", "/teams/%s/cycles" % team, "text/html")
measure("team cycles API", "/api/v1/teams/%s/cycles" % team, "application/json")
PY
echo "command:  DIVISIONS=$DIVISIONS SUBS=$SUBS LEAF=$LEAF MEASURED=$MEASURED bench/cycles.sh $*"
echo "machine:  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load $(cut -d' ' -f1-3 /proc/loadavg)"
