#!/usr/bin/env bash
# Analytics benchmark: a large organization's two years of learning history on PostgreSQL, then the response times
# of the course dashboard, the item analysis of a quiz with about 5,000 attempts and the organization's
# needs-attention list.
#
# Usage: bench/analytics.sh [learners] [courses] [draws per learner] [requests per endpoint]
#   defaults: 20000 learners in 100 teams, 2000 published courses, 64 draws (about 10 million statements), 100
# Environment: PGHOST (127.0.0.1), PGPORT (5432), APP_HEAP (2g), PORT (8092), SKIP_BUILD=1,
#   KEEP_DATA=1 (measure again on the database an earlier run filled, without generating it again),
#   RESUME=1 (keep the courses an interrupted run created and go on from there),
#   APP_ARGS (more arguments for Stride, e.g. --spring.flyway.out-of-order=true on a database an older build filled)
#   WRITERS (statements recorded per second while measuring, as learners would: copies of recorded statements, dated
#   now and queued for the summaries as the learning record queues them; default 0)
# The database is "stride_analytics" (DB to change it); the application runs on it with demo data off.
set -euo pipefail
cd "$(dirname "$0")/.."
LEARNERS=${1:-20000}
COURSES=${2:-2000}
DRAWS=${3:-64}
REQUESTS=${4:-100}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PORT=${PORT:-8092}
BASE="http://127.0.0.1:$PORT"
PASSWORD=analytics-bench-password
ADMIN=bench-admin@bench.test
RESULTS=target/analytics-bench
DB=${DB:-stride_analytics}

. bench/lib.sh
psql_db() { PGPASSWORD=stride psql -h "$PGHOST" -p "$PGPORT" -U stride -d $DB -v ON_ERROR_STOP=1 -tA "$@"; }
mkdir -p "$RESULTS"

if [ -z "${KEEP_DATA:-}" ] && [ -z "${RESUME:-}" ]; then
  rm -f "$RESULTS/courses.tsv"
  fresh_database $DB
fi

build_unless_skipped
JAR=$(ls target/stride-*.jar | grep -v plain | head -n 1)

start_app() {
  STRIDE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STRIDE_DB_USER=stride STRIDE_DB_PASSWORD=stride \
  STRIDE_DEMO_DATA=false STRIDE_ADMIN_EMAIL=$ADMIN STRIDE_ADMIN_PASSWORD=$PASSWORD PORT=$PORT STRIDE_BASE_URL=$BASE \
    "$JAVA" -Xms${APP_HEAP:-2g} -Xmx${APP_HEAP:-2g} -XX:+UseG1GC -jar "$JAR" \
    --logging.level.io.stride.shared.web.RequestLogging=WARN ${APP_ARGS:-} > "$RESULTS/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
  curl -sf "$BASE/actuator/health" >/dev/null || { echo "Stride did not start; see $RESULTS/app.log"; exit 1; }
}
echo "== starting Stride on $BASE"
start_app
trap 'kill $APP 2>/dev/null || true' EXIT

token=$(curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN\",\"password\":\"$PASSWORD\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }

if [ -z "${KEEP_DATA:-}" ]; then
  started=$(date +%s)
  echo "== $COURSES published courses (4 lessons, a quiz of 5 questions each), through the API"
  create_course() {
    local n=$1 body id
    body=$(python3 bench/analytics-course.py "$n")
    id=$(api -X POST "$BASE/api/v1/courses" -d "$body" | sed 's/.*"id":"\([^"]*\)".*/\1/')
    api -X POST "$BASE/api/v1/courses/$id/publish" >/dev/null
    api "$BASE/api/v1/courses/$id" | python3 -c '
import json, sys
c = json.load(sys.stdin)
lessons = "{" + ",".join(l["id"] for l in c["lessons"]) + "}"
questions = "{" + ",".join(q["id"] for q in c["quiz"]["questions"]) + "}"
print("%s\t%s\t%s\t%s" % (sys.argv[1], c["id"], lessons, questions))' "$n"
  }
  export -f create_course api
  export BASE token
  touch "$RESULTS/courses.tsv"
  # only complete lines count: a run interrupted mid-line leaves that course to be created again
  awk -F'\t' 'NF == 4' "$RESULTS/courses.tsv" > "$RESULTS/courses.done" && mv "$RESULTS/courses.done" "$RESULTS/courses.tsv"
  seq 0 $((COURSES - 1)) | grep -vxFf <(cut -f1 "$RESULTS/courses.tsv") | xargs -r -P 4 -I{} bash -c 'create_course {}' >> "$RESULTS/courses.tsv" || true
  [ "$(wc -l < "$RESULTS/courses.tsv")" = "$COURSES" ] || { echo "only $(wc -l < "$RESULTS/courses.tsv") courses were created; RESUME=1 goes on"; exit 1; }
  psql_db -c "DROP TABLE IF EXISTS bench_courses" -c "CREATE TABLE bench_courses (n INT PRIMARY KEY, course_id TEXT, lessons TEXT[], questions TEXT[])" >/dev/null
  psql_db -c "\\copy bench_courses FROM '$RESULTS/courses.tsv'" >/dev/null

  echo "== $LEARNERS learners in $((LEARNERS / 200)) teams of 200, each with a manager"
  psql_db >/dev/null <<SQL
INSERT INTO teams (id, name, parent_id, created_at)
  SELECT gen_random_uuid()::text, 'Bench team ' || lpad(t::text, 3, '0'), NULL, now() FROM generate_series(0, $LEARNERS / 200 - 1) t;
INSERT INTO people (id, name, email, password_hash, active, created_at)
  SELECT gen_random_uuid()::text, 'Bench Learner ' || g, 'bench-' || lpad(g::text, 5, '0') || '@bench.test',
         (SELECT password_hash FROM people WHERE email = '$ADMIN'), TRUE, now() FROM generate_series(0, $LEARNERS - 1) g;
INSERT INTO people (id, name, email, password_hash, active, created_at)
  SELECT gen_random_uuid()::text, 'Bench Manager ' || t, 'bench-manager-' || lpad(t::text, 3, '0') || '@bench.test',
         (SELECT password_hash FROM people WHERE email = '$ADMIN'), TRUE, now() FROM generate_series(0, $LEARNERS / 200 - 1) t;
CREATE TABLE bench_learners AS
  SELECT substring(email from 7 for 5)::int AS n, id FROM people WHERE email ~ '^bench-[0-9]{5}@bench[.]test$';
INSERT INTO team_members (team_id, person_id)
  SELECT t.id, l.id FROM bench_learners l JOIN teams t ON t.name = 'Bench team ' || lpad((l.n / 200)::text, 3, '0');
INSERT INTO team_managers (team_id, person_id)
  SELECT t.id, p.id FROM people p JOIN teams t ON t.name = 'Bench team ' || substring(p.email from 15 for 3)
  WHERE p.email LIKE 'bench-manager-%';
SQL
  echo "== the learning record: about $((LEARNERS * DRAWS * 8 / 1000000)) million statements over two years (takes a while)"
  kill $APP; wait $APP 2>/dev/null || true
  psql_db -v base="$BASE" -v enrolments="$DRAWS" -f bench/analytics-data.sql >/dev/null
  # their summaries, built by the same statements as migration V95 builds those recorded before it
  { echo "DELETE FROM statements_to_summarize; DELETE FROM activity_learners; DELETE FROM activity_totals;"
    sed -n '/^-- The statements already recorded/,$p' src/main/resources/db/migration/V95__analytics_activity_summaries.sql
  } | psql_db >/dev/null
  # as autovacuum would: statistics for the planner, and the visibility map that lets queries read indexes alone
  psql_db -c "VACUUM ANALYZE statements" -c "VACUUM ANALYZE activity_learners" -c "VACUUM ANALYZE activity_totals" \
    -c "ANALYZE" >/dev/null 2>&1
  echo "generated in $(( $(date +%s) - started )) s"
  start_app
fi

echo "== data"
psql_db -c "SELECT 'statements: ' || COUNT(*) FROM statements"
psql_db -c "SELECT 'table and indexes: ' || pg_size_pretty(pg_total_relation_size('statements'))"
psql_db -c "SELECT 'learners: ' || COUNT(DISTINCT actor_id) || ', courses: ' || COUNT(DISTINCT course_id) || ', from '
  || MIN(occurred_at)::date || ' to ' || MAX(occurred_at)::date FROM statements"
# the course whose quiz has the number of first attempts closest to 5,000, and the most taken course
quiz=$(psql_db -c "SELECT course_id FROM statements WHERE verb IN ('http://adlnet.gov/expapi/verbs/passed',
  'http://adlnet.gov/expapi/verbs/failed') GROUP BY course_id ORDER BY ABS(COUNT(DISTINCT actor_id) - 5000) LIMIT 1")
popular=$(psql_db -c "SELECT course_id FROM statements WHERE verb = 'http://activitystrea.ms/schema/1.0/open'
  GROUP BY course_id ORDER BY COUNT(*) DESC LIMIT 1")
echo "quiz course $quiz: $(psql_db -c "SELECT COUNT(*) || ' attempts by ' || COUNT(DISTINCT actor_id) || ' learners' FROM statements
  WHERE course_id = '$quiz' AND verb IN ('http://adlnet.gov/expapi/verbs/passed', 'http://adlnet.gov/expapi/verbs/failed')")"
echo "most taken course $popular: $(psql_db -c "SELECT COUNT(*) || ' statements, ' || COUNT(DISTINCT actor_id) || ' learners'
  FROM statements WHERE course_id = '$popular'")"
team=$(psql_db -c "SELECT team_id FROM team_managers tm JOIN people p ON p.id = tm.person_id WHERE p.email = 'bench-manager-000@bench.test'")
manager_token=$(psql_db -c "SELECT 1" >/dev/null; curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench-manager-000@bench.test\",\"password\":\"$PASSWORD\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/')

measure() {
  local name=$1 auth=$2 url=$3
  for _ in $(seq 1 10); do curl -s -o /dev/null -H "Authorization: Bearer $auth" "$BASE$url"; done
  for _ in $(seq 1 "$REQUESTS"); do
    curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $auth" "$BASE$url"
  done | python3 -c '
import sys
rows = [line.split() for line in sys.stdin if line.strip()]
bad = [r[0] for r in rows if r[0] != "200"]
times = sorted(float(r[1]) * 1000 for r in rows)
def pct(p):
    return times[min(len(times) - 1, int(round(p / 100 * len(times) + 0.5)) - 1)]
print("%-44s n=%d  p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%s" % (sys.argv[1], len(times), pct(50),
      pct(95), pct(99), times[-1], ("  NON-200: %d" % len(bad)) if bad else ""))' "$name"
}
WRITERS=${WRITERS:-0}
if [ "$WRITERS" -gt 0 ]; then
  echo "== recording $WRITERS statements a second while measuring"
  writing_since=$(psql_db -c "SELECT now()")
  ( while true; do
      psql_db >/dev/null 2>&1 <<SQL || true
WITH picked AS (
  SELECT actor_id, verb, object_id, course_id, result_score, result_success, statement, registration, result_response
  FROM statements TABLESAMPLE SYSTEM (0.01) WHERE course_id IS NOT NULL LIMIT $WRITERS),
recorded AS (
  INSERT INTO statements (id, actor_id, verb, object_id, course_id, result_score, result_success, occurred_at, stored_at,
                          statement, registration, result_response)
  SELECT gen_random_uuid()::text, actor_id, verb, object_id, course_id, result_score, result_success, now(), now(),
         statement, registration, result_response FROM picked
  RETURNING id)
INSERT INTO statements_to_summarize (statement_id) SELECT id FROM recorded;
SQL
      sleep 1
    done ) &
  WRITER=$!
  trap 'kill $WRITER 2>/dev/null || true; kill $APP 2>/dev/null || true' EXIT
fi
echo "== $REQUESTS sequential requests each, after 10 not measured"
measure "course dashboard, most taken course (admin)" "$token" "/api/v1/courses/$popular/analytics"
measure "course dashboard, quiz course (admin)" "$token" "/api/v1/courses/$quiz/analytics"
measure "course dashboard, last 90 days (admin)" "$token" "/api/v1/courses/$popular/analytics?from=$(date -u -d '90 days ago' +%F)"
measure "course dashboard, one team (its manager)" "$manager_token" "/api/v1/courses/$popular/analytics?teamId=$team"
measure "item analysis, ~5,000 first attempts" "$token" "/api/v1/courses/$quiz/item-analysis"
measure "item analysis, every attempt" "$token" "/api/v1/courses/$quiz/item-analysis?attempts=all"
measure "needs attention, whole organization (admin)" "$token" "/api/v1/analytics/needs-attention"
measure "needs attention, one team (its manager)" "$manager_token" "/api/v1/analytics/needs-attention"
if [ "$WRITERS" -gt 0 ]; then
  kill $WRITER 2>/dev/null || true; wait $WRITER 2>/dev/null || true
  echo "statements recorded while measuring: $(psql_db -c "SELECT COUNT(*) FROM statements WHERE stored_at >= '$writing_since'")"
fi
# the summaries (all time, the default) against the statements counted over a period wider than the history
summed=$(curl -sf -H "Authorization: Bearer $token" "$BASE/api/v1/courses/$popular/analytics")
counted=$(curl -sf -H "Authorization: Bearer $token" "$BASE/api/v1/courses/$popular/analytics?from=2000-01-01&to=$(date -u -d tomorrow +%F)")
python3 - "$summed" "$counted" <<'PY'
import json, sys
summed, counted = (json.loads(a) for a in sys.argv[1:3])
fields = ["opened", "started", "completed", "medianMinutes"]
same = all(summed[f] == counted[f] for f in fields) and \
    [s["reached"] for s in summed["funnel"]] == [c["reached"] for c in counted["funnel"]]
print("summaries agree with the statements, most taken course: %s (%s)" % ("yes" if same else "NO",
      ", ".join("%s %s/%s" % (f, summed[f], counted[f]) for f in fields)))
PY
