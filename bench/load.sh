#!/usr/bin/env bash
# Load test: learners taking a course through the pages, on PostgreSQL, app and database on this machine.
# Builds the app, starts it on a fresh database "stride_bench", creates a team with ACCOUNTS learners and a published
# course assigned to it, then runs the Gatling simulation in bench/load and prints the figures.
#
# Usage: bench/load.sh [users] [ramp seconds] [hold seconds] [think seconds]
#   defaults: 10000 concurrent learners, 600 s ramp, 600 s hold, 30 s think time
# Environment: PGHOST (127.0.0.1), PGPORT (5432), PGADMIN ("su postgres -c psql" when not set), APP_HEAP (2g),
#   ACCOUNTS (= users), ROUNDS (3 passes through the course per session), SKIP_BUILD=1,
#   WARMUP (60: seconds of a short, fast run before the measured one, so that the figures are those of a warm JVM;
#   its report goes to target/load/warmup and is not summarized; 0 skips it),
#   INGEST ("seconds clients batch rate": an LRS client posting statements with bench/xapi-ingest.sh from the end of the
#   ramp on, while the learners go on; its figures go to target/load/ingest.txt)
#   CLUSTER=1: no Stride of its own; the learners go through the balancer of a running bench/cluster.sh (its
#   target/cluster/cluster.env gives the address, database and admin), with a fresh team, course and accounts in it
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${1:-10000}
RAMP=${2:-600}
HOLD=${3:-600}
THINK=${4:-30}
ACCOUNTS=${ACCOUNTS:-$USERS}
ROUNDS=${ROUNDS:-3}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PORT=${PORT:-8091}
BASE="http://127.0.0.1:$PORT"
PASSWORD=load-test-password
ADMIN=load-admin@load.test
RESULTS=${RESULTS:-target/load}
BENCH_DB=stride_bench

. bench/lib.sh
mkdir -p "$RESULTS"

if [ -n "${CLUSTER:-}" ]; then
  [ -f target/cluster/cluster.env ] || { echo "no running cluster (bench/cluster.sh start)"; exit 1; }
  . target/cluster/cluster.env
  BASE=${BALANCER:-http://127.0.0.1:8140} BENCH_DB=stride_cluster ADMIN=$ADMIN_EMAIL PASSWORD=$ADMIN_PASSWORD
  curl -sf "$BASE/actuator/health" >/dev/null || { echo "the cluster's balancer does not answer at $BASE"; exit 1; }
  echo "== the cluster behind $BASE (${NODES:-?} nodes), database $BENCH_DB"
  # its nodes' pids, for the analyze loop below; the accounts of an earlier run are removed first
  APP=$(cat target/cluster/node-1.pid)
  psql_bench() { PGPASSWORD=stride psql -h "$PGHOST" -p "$PGPORT" -U stride -d "$BENCH_DB" -v ON_ERROR_STOP=1 -tA "$@"; }
  psql_bench -c "DELETE FROM team_members WHERE person_id IN (SELECT id FROM people WHERE email LIKE 'load-%@load.test')" >/dev/null
  psql_bench -c "UPDATE people SET email = 'gone-' || id || '@load.test', active = FALSE WHERE email LIKE 'load-%@load.test'" >/dev/null
else
  psql_bench() { PGPASSWORD=stride psql -h "$PGHOST" -p "$PGPORT" -U stride -d "$BENCH_DB" -v ON_ERROR_STOP=1 -tA "$@"; }
  fresh_database stride_bench

  build_unless_skipped
  JAR=$(ls target/stride-*.jar | grep -v plain | head -n 1)

  echo "== starting Stride on $BASE"
  STRIDE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/stride_bench" STRIDE_DB_USER=stride STRIDE_DB_PASSWORD=stride \
  STRIDE_DEMO_DATA=false STRIDE_ADMIN_EMAIL=$ADMIN STRIDE_ADMIN_PASSWORD=$PASSWORD PORT=$PORT \
    "$JAVA" -Xms${APP_HEAP:-2g} -Xmx${APP_HEAP:-2g} -XX:+UseG1GC -jar "$JAR" \
    --logging.level.io.stride.shared.web.RequestLogging=WARN > "$RESULTS/app.log" 2>&1 &
  APP=$!
  trap 'kill $APP 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
  curl -sf "$BASE/actuator/health" >/dev/null || { echo "Stride did not start; see $RESULTS/app.log"; exit 1; }
fi

echo "== a team, a published course assigned to it, and $ACCOUNTS learners"
token=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN\",\"password\":\"$PASSWORD\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }
team=$(api -X POST "$BASE/api/v1/teams" -d "{\"name\":\"Load learners $(date -u +%H%M%S)\"}" | sed 's/.*"id":"\([^"]*\)".*/\1/')
lesson() { printf '{"title":"%s","markdown":"%s"}' "$1" "$2"; }
body=$(cat <<JSON
{"title":"Handling a support ticket","description":"From first reply to closing the ticket.","riskTier":"LOW",
 "tierReason":"internal how-to","objectives":["Reply to a ticket within the promised time","Close a ticket with a summary"],
 "lessons":[$(lesson "First reply" "Reply to every new ticket **within 4 working hours**.\\n\\nThank the customer, restate the problem and say what happens next.\\n\\n1. Read the whole ticket\\n2. Check the account\\n3. Reply"),
            $(lesson "Working the ticket" "Keep the customer informed **every working day** until the ticket is solved.\\n\\nWrite internal notes for every step so that a colleague can take over."),
            $(lesson "Escalating" "Escalate to the second line when the fix needs a code change or data repair.\\n\\nAttach the steps to reproduce and the account id."),
            $(lesson "Closing" "Close the ticket with a short summary of the cause and the fix.\\n\\nAsk the customer to confirm before closing.")],
 "quiz":{"passMark":60,"questions":[
   {"kind":"SINGLE_CHOICE","prompt":"How soon do you reply to a new ticket?","options":["Within 4 working hours","Within a week","When there is time"],"correct":[0],"explanation":"The promise is 4 working hours."},
   {"kind":"SINGLE_CHOICE","prompt":"How often do you update the customer?","options":["Every working day","Once a week","Never"],"correct":[0],"explanation":"Every working day until solved."},
   {"kind":"TRUE_FALSE","prompt":"Internal notes let a colleague take over.","options":["True","False"],"correct":[0],"explanation":"That is what they are for."},
   {"kind":"SINGLE_CHOICE","prompt":"When do you escalate to the second line?","options":["When the fix needs a code change or data repair","When the customer is angry","Always"],"correct":[0],"explanation":"Code changes and data repairs go to the second line."},
   {"kind":"SINGLE_CHOICE","prompt":"What do you do before closing?","options":["Ask the customer to confirm","Nothing","Delete the notes"],"correct":[0],"explanation":"The customer confirms first."}]}}
JSON
)
course=$(api -X POST "$BASE/api/v1/courses" -d "$body" | sed 's/.*"id":"\([^"]*\)".*/\1/')
api -X POST "$BASE/api/v1/courses/$course/publish" >/dev/null
api -X POST "$BASE/api/v1/courses/$course/assignments" -d "{\"teamId\":\"$team\"}" >/dev/null
psql_bench -c "INSERT INTO people (id, name, email, password_hash, active, created_at)
  SELECT gen_random_uuid()::text, 'Load Learner ' || g, 'load-' || lpad(g::text, 5, '0') || '@load.test',
         (SELECT password_hash FROM people WHERE email = '$ADMIN'), TRUE, now()
  FROM generate_series(0, $ACCOUNTS - 1) AS g" >/dev/null
psql_bench -c "INSERT INTO team_members (team_id, person_id) SELECT '$team', id FROM people WHERE email LIKE 'load-%@load.test' AND email <> '$ADMIN'" >/dev/null
psql_bench -c "ANALYZE" >/dev/null 2>&1
echo "course $course, team $team, $(psql_bench -c "SELECT COUNT(*) FROM team_members WHERE team_id = '$team'") learners"

gatling() {
  ./mvnw -q -B -ntp -f bench/load/pom.xml gatling:test -DbaseUrl="$BASE" -DcourseId="$course" -Daccounts="$ACCOUNTS" \
    -Dpassword="$PASSWORD" "$@"
}
WARMUP=${WARMUP:-60}
if [ "$WARMUP" -gt 0 ]; then
  echo "== warm-up: ${WARMUP}s of 100 learners at 1 s think (not measured)"
  gatling -Dgatling.resultsFolder="$PWD/$RESULTS/warmup" -Dusers=$(( ACCOUNTS < 100 ? ACCOUNTS : 100 )) -Dramp=10 \
    -Dhold="$WARMUP" -Dthink=1 -Drounds=1 -DmaxDuration=$(( WARMUP + 10 )) >"$RESULTS/warmup.txt" 2>&1 || true
  # statistics as a database in use would have them, not those of the empty tables at the start
  psql_bench -c "ANALYZE" >/dev/null 2>&1
fi

# Autovacuum keeps planner statistics current in a real installation; where it is off (as on some test machines),
# analyze every minute instead, or lookups by key turn into scans of whole tables as they grow from empty
if [ "$(psql_bench -c 'SHOW autovacuum')" != "on" ]; then
  echo "== autovacuum is off here: analyzing the bench database every 60 s during the run"
  ( while kill -0 $APP 2>/dev/null; do sleep 60; psql_bench -c "ANALYZE" >/dev/null 2>&1 || true; done ) &
fi

if [ -n "${INGEST:-}" ]; then
  ./mvnw -q -B -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
  echo "== statements posted to the LRS from ${RAMP}s on: bench/xapi-ingest.sh $INGEST"
  ( sleep "$RAMP"; SKIP_BUILD=1 STRIDE_URL=$BASE ADMIN_EMAIL=$ADMIN ADMIN_PASSWORD=$PASSWORD bench/xapi-ingest.sh $INGEST ) \
    > "$RESULTS/ingest.txt" 2>&1 &
  INGEST_PID=$!
fi

echo "== Gatling: $USERS concurrent learners, ramp ${RAMP}s, hold ${HOLD}s, think ${THINK}s, $ROUNDS rounds per session"
ulimit -n 65536 2>/dev/null || true
# the run ends with the hold: learners still mid-course then are not waited for (a session lasts about 40 pages)
gatling -Dgatling.resultsFolder="$PWD/$RESULTS" -Dusers="$USERS" -Dramp="$RAMP" -Dhold="$HOLD" -Dthink="$THINK" \
  -Drounds="$ROUNDS" -DmaxDuration=$(( RAMP + HOLD )) | tee "$RESULTS/gatling.txt" | grep -vE '^\s*$' | tail -n 60 || true
if [ -n "${INGEST:-}" ]; then
  wait "$INGEST_PID" || true
  echo "== LRS ingest alongside the learners ($RESULTS/ingest.txt):"
  tail -n 3 "$RESULTS/ingest.txt"
fi
if [ -z "${CLUSTER:-}" ]; then
  echo "== app: $(grep -c ' ERROR ' "$RESULTS/app.log" || true) error lines in $RESULTS/app.log"
fi
report=$(ls -dt "$RESULTS"/learnersimulation-* 2>/dev/null | head -n 1)
echo "== per request (ms), from $report/index.html"
python3 bench/load-summary.py "$report/index.html"
