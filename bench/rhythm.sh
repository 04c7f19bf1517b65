#!/usr/bin/env bash
# Rhythm benchmark (issue 17): on the capabilities benchmark's organization (100,000 people) with a year of ritual
# history for every team, the response times of the manager's home (page and API) for the manager of a 50-person
# team and of a division, a 200-person team's pre-read (page, API and Markdown) and iCalendar feeds (a person's and
# a team's), measured with concurrent clients by bench/capabilities-measure.py.
#
# Usage: bench/rhythm.sh [requests per endpoint]          (default 100)
#   Generates everything unless KEEP_DATA=1: bench/capabilities.sh with GENERATE_ONLY=1 (people, teams,
#   capabilities, evidence, targets, absences; TOP, SUBS, LEAF, CAPS, DRAWS, ABSENCES as there), then
#   bench/rhythm-data.sql (the team of 200, rituals and a year of sessions, gaps, interventions, commissions, budgets,
#   learning periods and hours, indicators, coverage snapshots, assignments, calendar feeds), then the levels
#   everyone holds, estimated in SQL by the engine's rules (bench/capabilities-estimate.sql).
# Environment: PGHOST (127.0.0.1), PGPORT (5432), APP_HEAP (2g), PORT (8193), SKIP_BUILD=1, DB (stride_rhythmbench;
#   never a test database), CLIENTS (4), ONLY (measure only the reads whose name has it), KEEP_DATA=1 (measure again
#   on the database an earlier run filled), ORGANIZATION_READY=1 (the organization is in DB already: go on with
#   bench/rhythm-data.sql), JAR (the application to run; default: the one built in target/), APP_ARGS
# Figures (figures.txt, figures.json, machine.txt) and query plans land in target/rhythm-bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-100}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
PORT=${PORT:-8193}
BASE="http://127.0.0.1:$PORT"
PASSWORD=capabilities-bench-password
ADMIN=cap-admin@bench.test
RESULTS=target/rhythm-bench
export DB=${DB:-stride_rhythmbench}
CLIENTS=${CLIENTS:-4}
export APP_HEAP=${APP_HEAP:-2g} ONLY=${ONLY:-}
case "$DB" in stride_test*|stride_demo_test) echo "DB=$DB is a test database; use another"; exit 1 ;; esac

. bench/lib.sh
psql_db() { PGPASSWORD=stride psql -h "$PGHOST" -p "$PGPORT" -U stride -d $DB -v ON_ERROR_STOP=1 -tA "$@"; }
mkdir -p "$RESULTS"
COMMAND="bench/rhythm.sh $*"
ENVIRONMENT="TOP=${TOP:-40} SUBS=${SUBS:-49} LEAF=${LEAF:-50} CLIENTS=$CLIENTS APP_HEAP=$APP_HEAP DB=$DB${KEEP_DATA:+ KEEP_DATA=1}${ONLY:+ ONLY=$ONLY}"

if [ -z "${KEEP_DATA:-}" ] && [ -z "${ORGANIZATION_READY:-}" ]; then
  echo "== the capabilities benchmark's organization: bench/capabilities.sh with GENERATE_ONLY=1"
  started=$(date +%s)
  GENERATE_ONLY=1 PORT=$PORT bench/capabilities.sh
  ORGANIZATION_S=$(( $(date +%s) - started ))
  SKIP_BUILD=1
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
    "$JAVA" -Xms$APP_HEAP -Xmx$APP_HEAP -XX:+UseG1GC -jar "$JAR" \
    --logging.level.io.stride.shared.web.RequestLogging=WARN ${APP_ARGS:-} >> "$RESULTS/app.log" 2>&1 &
  APP=$!
  for _ in $(seq 1 240); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
  curl -sf "$BASE/actuator/health" >/dev/null || { echo "Stride did not start; see $RESULTS/app.log"; exit 1; }
}
stop_app() { kill $APP 2>/dev/null || true; wait $APP 2>/dev/null || true; }
sign_in() {
  curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
: > "$RESULTS/app.log"

if [ -z "${KEEP_DATA:-}" ]; then
  echo "== a year of the operating rhythm in SQL (bench/rhythm-data.sql)"
  generating=$(date +%s)
  # the application's migrations first (rituals and the rest), in case the organization came from an older build
  start_app
  stop_app
  psql_db -v admin="$ADMIN" -f bench/rhythm-data.sql >/dev/null
  GENERATED_S=$(( $(date +%s) - generating ))
  echo "generated in $GENERATED_S s"
  # the SQL estimate of the engine's rules, as bench/capabilities.sh checks it: the application's rebuild on an empty
  # table would publish a level change per holding (about a million events)
  echo "== the levels everyone holds, estimated in SQL (bench/capabilities-estimate.sql)"
  estimating=$(date +%s)
  psql_db -f bench/capabilities-estimate.sql -c "DELETE FROM capability_holdings" \
    -c "INSERT INTO capability_holdings (person_id, capability_id, level_rank, valid_until, computed_at)
        SELECT person_id, capability_id, level_rank, valid_until, now() FROM bench_estimate" >/dev/null
  HOLDINGS_S=$(( $(date +%s) - estimating ))
  echo "estimated in $HOLDINGS_S s"
  psql_db -c "VACUUM ANALYZE" >/dev/null 2>&1
fi

echo "== starting Stride on $BASE"
start_app
trap 'kill $APP 2>/dev/null || true' EXIT
admin_token=$(sign_in $ADMIN)

echo "== data"
psql_db <<'SQL'
SELECT 'people: ' || (SELECT COUNT(*) FROM people) || ', teams: ' || (SELECT COUNT(*) FROM teams)
  || ', holdings: ' || (SELECT COUNT(*) FROM capability_holdings) || ', absences: ' || (SELECT COUNT(*) FROM absences);
SELECT 'rituals: ' || (SELECT COUNT(*) FROM rituals) || ', sessions: ' || COUNT(*) || ' (held ' || COUNT(*) FILTER (WHERE status = 'HELD')
  || ', skipped ' || COUNT(*) FILTER (WHERE status = 'SKIPPED') || ', prepared ' || COUNT(*) FILTER (WHERE status = 'PLANNED')
  || '), ' || MIN(starts_at)::date || ' to ' || MAX(starts_at)::date FROM ritual_sessions;
SELECT 'gaps: ' || (SELECT COUNT(*) FROM session_gaps) || ' (' || (SELECT COUNT(*) FROM session_gap_people) || ' people named)';
SELECT 'interventions: ' || (SELECT COUNT(*) FROM interventions) || ' (' || (SELECT string_agg(kind || ' ' || n, ', ')
  FROM (SELECT kind, COUNT(*) n FROM interventions GROUP BY kind ORDER BY kind) k) || ')';
SELECT 'intervention states: ' || string_agg(status || ' ' || n, ', ') FROM (SELECT status, COUNT(*) n FROM interventions GROUP BY status ORDER BY status) s;
SELECT 'commissions: ' || COUNT(*) || ' (open ' || COUNT(*) FILTER (WHERE status = 'OPEN') || '), budgets: '
  || (SELECT COUNT(*) FROM budgets) || ', spends: ' || (SELECT COUNT(*) FROM budget_spends) FROM commissions;
SELECT 'learning periods: ' || (SELECT COUNT(*) FROM learning_periods) || ', hours given: ' || (SELECT COUNT(*) FROM learning_hours)
  || ', indicator values: ' || (SELECT COUNT(*) FROM outcome_values) || ', coverage snapshots: ' || (SELECT COUNT(*) FROM capability_snapshots)
  || ', calendar feeds: ' || (SELECT COUNT(*) FROM calendar_feeds) || ', assignments: ' || (SELECT COUNT(*) FROM assignments);
SELECT 'database: ' || pg_size_pretty(pg_database_size(current_database()));
SQL

# The subjects: the team of 200, its manager and its next (prepared) weekly session; a 50-person team of another
# division and its manager; the division of the team of 200 and its manager; a person of the team of 200 with a feed
BIG=$(psql_db -c "SELECT id FROM teams WHERE name = 'Bench division 00 / team of 200'")
BIG_EMAIL=$(psql_db -c "SELECT p.email FROM team_managers m JOIN people p ON p.id = m.person_id WHERE m.team_id = '$BIG' ORDER BY p.email LIMIT 1")
SESSION=$(psql_db -c "SELECT s.id FROM ritual_sessions s JOIN rituals r ON r.id = s.ritual_id WHERE s.team_id = '$BIG'
  AND r.cadence = 'WEEKLY' AND s.status = 'PLANNED' ORDER BY s.starts_at LIMIT 1")
TEAM=$(psql_db -c "SELECT t.id FROM teams t WHERE t.name = 'Bench division 01 / team 05'")
TEAM_EMAIL=$(psql_db -c "SELECT p.email FROM team_managers m JOIN people p ON p.id = m.person_id WHERE m.team_id = '$TEAM' ORDER BY p.email LIMIT 1")
DIVISION=$(psql_db -c "SELECT parent_id FROM teams WHERE id = '$BIG'")
DIVISION_EMAIL=$(psql_db -c "SELECT p.email FROM team_managers m JOIN people p ON p.id = m.person_id WHERE m.team_id = '$DIVISION' ORDER BY p.email LIMIT 1")
PERSON=$(psql_db -c "SELECT f.person_id FROM calendar_feeds f JOIN team_members m ON m.person_id = f.person_id AND m.team_id = '$BIG'
  ORDER BY f.person_id LIMIT 1")
echo "team of 200: $BIG ($(psql_db -c "SELECT COUNT(*) FROM team_members WHERE team_id = '$BIG'") people), manager $BIG_EMAIL, session $SESSION"
echo "50-person team: $TEAM ($(psql_db -c "SELECT COUNT(*) FROM team_members WHERE team_id = '$TEAM'") people), manager $TEAM_EMAIL"
echo "division: $DIVISION ($(psql_db -c "SELECT COUNT(*) FROM teams WHERE parent_id = '$DIVISION'") teams), manager $DIVISION_EMAIL"
echo "person with a feed: $PERSON"

echo "== query plans (EXPLAIN ANALYZE) of the rhythm's own reads"
explain() {
  local name=$1 sql=$2
  psql_db -c "EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) $sql" > "$RESULTS/plan-$name.txt"
  printf '%-34s %10s  %s\n' "$name" "$(grep -o 'Execution Time: [0-9.]* ms' "$RESULTS/plan-$name.txt" | sed 's/Execution Time: //')" \
    "$(grep -oE '(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan) (using [a-z_0-9]+ )?on [a-z_]+' "$RESULTS/plan-$name.txt" | sort | uniq -c | tr -s ' ' | paste -sd ';')"
}
division_teams=$(psql_db -c "SELECT string_agg(quote_literal(id), ',') FROM teams WHERE id = '$DIVISION' OR parent_id = '$DIVISION'")
explain previous-held-session "SELECT s.id FROM ritual_sessions s WHERE s.ritual_id = (SELECT ritual_id FROM ritual_sessions WHERE id = '$SESSION') AND s.starts_at < now() AND s.status = 'HELD' ORDER BY s.starts_at DESC LIMIT 1"
explain sessions-of-division-100-days "SELECT id, ritual_id, starts_at, status FROM ritual_sessions WHERE team_id IN ($division_teams) AND starts_at >= now() AND starts_at < now() + interval '100 days'"
explain open-interventions-of-division "SELECT COUNT(*) FROM interventions WHERE team_id IN ($division_teams) AND status = 'OPEN'"
explain interventions-owned-by-person "SELECT id FROM interventions WHERE (owner_id = '$PERSON' OR person_id = '$PERSON') AND status = 'OPEN'"
explain current-periods-of-division "SELECT id FROM learning_periods WHERE team_id IN ($division_teams) AND starts_on <= current_date AND ends_on >= current_date"
explain snapshots-of-team-52-weeks "SELECT * FROM capability_snapshots WHERE team_id = '$BIG' AND taken_on >= current_date - 364"
explain feed-by-token "SELECT id FROM calendar_feeds WHERE token_hash = encode(sha256(convert_to('rbench-team-$BIG', 'UTF8')), 'hex') AND revoked_at IS NULL"

echo "== signing in"
big_token=$(sign_in "$BIG_EMAIL")
team_token=$(sign_in "$TEAM_EMAIL")
division_token=$(sign_in "$DIVISION_EMAIL")

steal_before=$(awk '/^cpu /{print $9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
RISK_CLIENTS=$CLIENTS python3 bench/capabilities-measure.py "$BASE" "$RESULTS" "$REQUESTS" "$CLIENTS" 0 <<JSON | tee "$RESULTS/figures.txt"
{"endpoints": [
  {"name": "home page, manager of 50", "token": "$team_token", "path": "/home", "accept": "text/html", "target": 200},
  {"name": "home API, manager of 50", "token": "$team_token", "path": "/api/v1/home", "target": 200},
  {"name": "home page, manager of a division", "token": "$division_token", "path": "/home", "accept": "text/html", "target": 200},
  {"name": "home API, manager of a division", "token": "$division_token", "path": "/api/v1/home", "target": 200},
  {"name": "pre-read page, team of 200", "token": "$big_token", "path": "/sessions/$SESSION/pre-read", "accept": "text/html", "target": 500},
  {"name": "pre-read API, team of 200", "token": "$big_token", "path": "/api/v1/sessions/$SESSION/pre-read", "target": 500},
  {"name": "pre-read Markdown, team of 200", "token": "$big_token", "path": "/api/v1/sessions/$SESSION/pre-read", "accept": "text/markdown", "target": 500},
  {"name": "iCalendar feed, a person", "token": null, "path": "/calendar/rbench-person-$PERSON.ics", "accept": "text/calendar", "target": 100},
  {"name": "iCalendar feed, team of 200", "token": null, "path": "/calendar/rbench-team-$BIG.ics", "accept": "text/calendar", "target": 100},
  {"name": "iCalendar feed, team of 50", "token": null, "path": "/calendar/rbench-team-$TEAM.ics", "accept": "text/calendar", "target": 100}
 ]}
JSON
steal_after=$(awk '/^cpu /{print $9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
STEAL=$(python3 -c "import sys; a=sys.argv[1].split(); b=sys.argv[2].split(); d=int(b[1])-int(a[1]); print('%.1f%%' % (100.0*(int(b[0])-int(a[0]))/d if d else 0))" "$steal_before" "$steal_after")

{
echo "== command and machine"
echo "command:  $ENVIRONMENT $COMMAND"
echo "machine:  $(nproc) cores (nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/{print $2}') GB memory; host steal while measuring: $STEAL"
echo "load:     $LOAD_BEFORE before measuring, $(cut -d' ' -f1-3 /proc/loadavg) after (uptime: $(uptime | sed 's/.*load average/load average/'))"
echo "JVM:      $("$JAVA" -version 2>&1 | head -n 1), heap -Xms$APP_HEAP -Xmx$APP_HEAP, G1; PostgreSQL $(psql_db -c 'SHOW server_version'), shared_buffers $(psql_db -c 'SHOW shared_buffers')"
echo "generation: organization ${ORGANIZATION_S:-not timed here} s, rhythm ${GENERATED_S:-kept from an earlier run} s, holdings ${HOLDINGS_S:-kept} s"
} | tee "$RESULTS/machine.txt"
