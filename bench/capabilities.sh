#!/usr/bin/env bash
# Capabilities benchmark: a large organization's capabilities, evidence, targets and absences on PostgreSQL, the
# rebuild of the levels everyone holds, then the response times of a team's coverage (page and API), its matrix, a
# person's profile and the organization's risk report, and how soon one sign-off shows on the next read.
#
# Usage: bench/capabilities.sh [requests per endpoint]          (default 100)
#   The default shape: 40 divisions of 49 teams of 50 people (98,000) and 2,000 managers, 100,000 people in all;
#   300 capabilities; about 3 million pieces of evidence; 50,000 planned absences. See bench/capabilities-data.sql.
# Environment: PGHOST (127.0.0.1), PGPORT (5432), APP_HEAP (2g), PORT (8093), SKIP_BUILD=1, DB (stride_capbench),
#   TOP (40), SUBS (49), LEAF (50), CAPS (300), DRAWS (17: capabilities each person draws evidence for),
#   ABSENCES (50000), CLIENTS (4: concurrent clients of the second round), RISK_REQUESTS (5), RISK_CLIENTS (2: four
#   concurrent risk reports do not fit a 2 GB heap), SIGN_OFFS (10), ONLY (measure only the reads whose name has it),
#   KEEP_DATA=1 (measure again on the database an earlier run filled, without generating it again), SKIP_REBUILD=1
#   (with KEEP_DATA: keep the holdings an earlier run computed), JAR (the
#   application to run; default: the one built in target/),
#   APP_ARGS (more arguments for Stride), GENERATE_ONLY=1 (stop once the data is in: bench/catalogue.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-100}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PORT=${PORT:-8093}
BASE="http://127.0.0.1:$PORT"
PASSWORD=capabilities-bench-password
ADMIN=cap-admin@bench.test
RESULTS=target/capabilities-bench
DB=${DB:-stride_capbench}
TOP=${TOP:-40}
SUBS=${SUBS:-49}
LEAF=${LEAF:-50}
CAPS=${CAPS:-300}
DRAWS=${DRAWS:-17}
ABSENCES=${ABSENCES:-50000}
CLIENTS=${CLIENTS:-4}
RISK_REQUESTS=${RISK_REQUESTS:-5}
SIGN_OFFS=${SIGN_OFFS:-10}
export RISK_CLIENTS=${RISK_CLIENTS:-2} ONLY=${ONLY:-}
COURSES=$((CAPS + TOP))

. bench/lib.sh
psql_db() { PGPASSWORD=stride psql -h "$PGHOST" -p "$PGPORT" -U stride -d $DB -v ON_ERROR_STOP=1 -tA "$@"; }
mkdir -p "$RESULTS"
COMMAND="bench/capabilities.sh $*"
ENVIRONMENT="TOP=$TOP SUBS=$SUBS LEAF=$LEAF CAPS=$CAPS DRAWS=$DRAWS ABSENCES=$ABSENCES CLIENTS=$CLIENTS RISK_CLIENTS=$RISK_CLIENTS APP_HEAP=${APP_HEAP:-2g}${KEEP_DATA:+ KEEP_DATA=1}${SKIP_REBUILD:+ SKIP_REBUILD=1}"

if [ -z "${KEEP_DATA:-}" ]; then
  fresh_database $DB
fi

build_unless_skipped
JAR=${JAR:-$(ls target/stride-*.jar | grep -v plain | head -n 1)}

start_app() {
  STRIDE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STRIDE_DB_USER=stride STRIDE_DB_PASSWORD=stride \
  STRIDE_DEMO_DATA=false STRIDE_ADMIN_EMAIL=$ADMIN STRIDE_ADMIN_PASSWORD=$PASSWORD PORT=$PORT STRIDE_BASE_URL=$BASE \
    "$JAVA" -Xms${APP_HEAP:-2g} -Xmx${APP_HEAP:-2g} -XX:+UseG1GC -jar "$JAR" \
    --logging.level.io.stride.shared.web.RequestLogging=WARN ${APP_ARGS:-} >> "$RESULTS/app.log" 2>&1 &
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
echo "== starting Stride on $BASE"
start_app
trap 'kill $APP 2>/dev/null || true' EXIT
token=$(sign_in $ADMIN)
api() { curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' "$@"; }

if [ -z "${KEEP_DATA:-}" ]; then
  started=$(date +%s)
  echo "== $COURSES published courses through the API (a course per capability, every fourth in a second version, and a practical course per division)"
  create_course() {
    local n=$1 body id rev
    body=$(python3 bench/analytics-course.py "$n")
    id=$(api -X POST "$BASE/api/v1/courses" -d "$body" | sed 's/.*"id":"\([^"]*\)".*/\1/')
    api -X POST "$BASE/api/v1/courses/$id/publish" >/dev/null
    if [ $((n % 4)) = 0 ] && [ "$n" -lt "$CAPS" ]; then
      rev=$(api "$BASE/api/v1/courses/$id" | sed 's/.*"revision":\([0-9]*\).*/\1/')
      api -X POST "$BASE/api/v1/courses/$id/versions" -d "{\"revision\":$rev}" >/dev/null
      api -X POST "$BASE/api/v1/courses/$id/publish" >/dev/null
    fi
    api "$BASE/api/v1/courses/$id" | python3 -c '
import json, sys
c = json.load(sys.stdin)
print("%s\t%s\t%s\t%s" % (sys.argv[1], c["id"], c["version"], c["quiz"]["questions"][0]["id"]))' "$n"
  }
  export -f create_course api
  export BASE token CAPS
  seq 0 $((COURSES - 1)) | xargs -P 4 -I{} bash -c 'create_course {}' > "$RESULTS/courses.tsv"
  [ "$(awk -F'\t' 'NF == 4' "$RESULTS/courses.tsv" | wc -l)" = "$COURSES" ] \
    || { echo "only $(wc -l < "$RESULTS/courses.tsv") courses were created"; exit 1; }
  [ "$(awk -F'\t' '$3 == 2' "$RESULTS/courses.tsv" | wc -l)" = $(( (CAPS + 3) / 4 )) ] || { echo "second versions missing"; exit 1; }
  psql_db -c "CREATE TABLE bench_courses (n INT PRIMARY KEY, course_id TEXT, version INT, question_id TEXT)" >/dev/null
  psql_db -c "\\copy bench_courses FROM '$RESULTS/courses.tsv'" >/dev/null
  echo "courses in $(( $(date +%s) - started )) s"
  stop_app

  echo "== people, teams, capabilities, evidence, targets and absences in SQL"
  generating=$(date +%s)
  psql_db -v top="$TOP" -v subs="$SUBS" -v leaf="$LEAF" -v caps="$CAPS" -v draws="$DRAWS" -v absences="$ABSENCES" \
    -v admin="$ADMIN" -f bench/capabilities-data.sql >/dev/null
  # as autovacuum would: statistics for the planner, and the visibility map that lets queries read indexes alone
  psql_db -c "VACUUM ANALYZE" >/dev/null 2>&1
  GENERATED_S=$(( $(date +%s) - generating ))
  echo "generated in $GENERATED_S s"
  start_app
  token=$(sign_in $ADMIN)
fi

echo "== data"
psql_db <<'SQL'
SELECT 'people: ' || (SELECT COUNT(*) FROM people) || ' (members of a team: ' || (SELECT COUNT(DISTINCT person_id) FROM team_members)
  || ', managers: ' || (SELECT COUNT(DISTINCT person_id) FROM team_managers) || ')';
SELECT 'teams: ' || COUNT(*) || ' (top: ' || COUNT(*) FILTER (WHERE parent_id IS NULL) || ')' FROM teams;
SELECT 'capabilities: ' || COUNT(*) || ' in ' || COUNT(DISTINCT category) || ' categories, ' || COUNT(owner_team_id)
  || ' local to a division, ' || COUNT(validity_months) || ' with a validity' FROM capabilities;
SELECT 'rules: ' || string_agg(kind || ' ' || n, ', ' ORDER BY kind) FROM (SELECT kind, COUNT(*) n FROM capability_rules GROUP BY kind) r;
SELECT 'evidence: ' || (m + s + r + c + v) || ' (masteries ' || m || ', sign-offs ' || s || ', successful reviews ' || r
  || ', confirmed certificates ' || c || ', validations ' || v || ')'
FROM (SELECT (SELECT COUNT(*) FROM masteries) m, (SELECT COUNT(*) FROM checklist_sign_offs) s,
             (SELECT COUNT(*) FROM practice_reviews WHERE correct) r,
             (SELECT COUNT(*) FROM capability_certificates WHERE status = 'CONFIRMED') c,
             (SELECT COUNT(*) FROM capability_validations) v) e;
SELECT 'also: ' || (SELECT COUNT(*) FROM practice_reviews WHERE NOT correct) || ' failed reviews, '
  || (SELECT COUNT(*) FROM capability_certificates WHERE status = 'PENDING') || ' pending certificates, '
  || (SELECT COUNT(*) FROM course_pins) || ' pins (' || (SELECT COUNT(*) FROM course_pins WHERE version = 2) || ' on a second version)';
SELECT 'targets: ' || COUNT(*) || ' on ' || COUNT(DISTINCT team_id) || ' teams (level 1: ' || COUNT(*) FILTER (WHERE level_rank = 1)
  || ', 2: ' || COUNT(*) FILTER (WHERE level_rank = 2) || ', 3: ' || COUNT(*) FILTER (WHERE level_rank = 3) || ')' FROM capability_targets;
SELECT 'absences: ' || COUNT(*) || ' of ' || COUNT(DISTINCT person_id) || ' people, ' || MIN(starts_on) || ' to ' || MAX(ends_on)
  || ', ' || COUNT(*) FILTER (WHERE starts_on <= current_date AND ends_on >= current_date) || ' away today' FROM absences;
SELECT 'database: ' || pg_size_pretty(pg_database_size(current_database()));
SQL

if [ -n "${GENERATE_ONLY:-}" ]; then
  # bench/catalogue.sh builds on this organization and measures its own reads
  echo "== data generated (GENERATE_ONLY): nothing rebuilt or measured"
  exit 0
fi

if [ -z "${SKIP_REBUILD:-}" ]; then
# An independent estimate in SQL of the engine's rules (LevelEvaluator), to check the rebuild against, and to stand in
# for it where the application has no rebuild yet
echo "== the levels everyone holds, estimated in SQL"
estimating=$(date +%s)
psql_db -f bench/capabilities-estimate.sql >/dev/null
echo "estimated in $(( $(date +%s) - estimating )) s: $(psql_db -c "SELECT COUNT(*) || ' holdings of ' || COUNT(DISTINCT person_id) || ' people' FROM bench_estimate")"

echo "== the levels everyone holds, by the application: POST /api/v1/capabilities/holdings/rebuild"
rebuild_started=$(date +%s.%N)
rebuild_code=$(curl -s -o "$RESULTS/rebuild.json" -w '%{http_code}' -m 3600 -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' "$BASE/api/v1/capabilities/holdings/rebuild" || true)
REBUILD_S=$(python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$rebuild_started" "$(date +%s.%N)")
if [ "$rebuild_code" = 200 ]; then
  echo "rebuilt in $REBUILD_S s: $(cat "$RESULTS/rebuild.json")"
  HOLDINGS_BY="the application (rebuild in $REBUILD_S s: $(cat "$RESULTS/rebuild.json"))"
  psql_db -c "SELECT 'the rebuild against the SQL estimate: ' || COUNT(*) FILTER (WHERE h.person_id IS NOT NULL AND e.person_id IS NOT NULL
      AND h.valid_until IS NOT DISTINCT FROM e.valid_until) || ' the same, ' || COUNT(*) FILTER (WHERE h.person_id IS NOT NULL
      AND e.person_id IS NOT NULL AND h.valid_until IS DISTINCT FROM e.valid_until) || ' with another end day, '
      || COUNT(*) FILTER (WHERE e.person_id IS NULL) || ' only in the rebuild, ' || COUNT(*) FILTER (WHERE h.person_id IS NULL)
      || ' only in the estimate'
    FROM capability_holdings h FULL JOIN bench_estimate e
      ON e.person_id = h.person_id AND e.capability_id = h.capability_id AND e.level_rank = h.level_rank"
else
  echo "the rebuild answered $rebuild_code; the SQL estimate stands in for it (NOT the engine's figures)"
  REBUILD_S="n/a (HTTP $rebuild_code)"
  psql_db -c "DELETE FROM capability_holdings" -c "INSERT INTO capability_holdings (person_id, capability_id, level_rank,
    valid_until, computed_at) SELECT person_id, capability_id, level_rank, valid_until, now() FROM bench_estimate" >/dev/null
  HOLDINGS_BY="the SQL estimate (the rebuild endpoint answered HTTP $rebuild_code)"
fi
# autovacuum is off on some machines (as on this one): statistics and the visibility map as it would leave them
psql_db -c "VACUUM ANALYZE capability_holdings" >/dev/null
else
  REBUILD_S="not run (SKIP_REBUILD)"
  HOLDINGS_BY="an earlier run (SKIP_REBUILD)"
fi
psql_db <<'SQL'
SELECT 'holdings: ' || COUNT(*) || ' rows, ' || COUNT(DISTINCT person_id) || ' people hold something; levels 1/2/3: '
  || COUNT(*) FILTER (WHERE level_rank = 1) || '/' || COUNT(*) FILTER (WHERE level_rank = 2) || '/'
  || COUNT(*) FILTER (WHERE level_rank = 3) || ', expiring within 60 days: '
  || COUNT(*) FILTER (WHERE valid_until < current_date + 60) FROM capability_holdings;
SQL

# The measured team: a team of the default shape (no sub-teams) whose capabilities with a target or a holding are
# closest to 40; its manager; its member holding the most; a division manager for the larger tree.
read -r TEAM TEAM_CAPS MANAGER_EMAIL <<<"$(psql_db -F ' ' <<'SQL'
WITH leaf AS (SELECT t.id, t.parent_id FROM teams t WHERE t.name LIKE 'Bench division % / team %'),
caps AS (
    SELECT l.id, COUNT(DISTINCT x.capability_id) AS n FROM leaf l
    CROSS JOIN LATERAL (SELECT capability_id FROM capability_targets WHERE team_id IN (l.id, l.parent_id)
                        UNION SELECT h.capability_id FROM capability_holdings h JOIN team_members m ON m.person_id = h.person_id
                        WHERE m.team_id = l.id) x
    WHERE l.id IN (SELECT id FROM leaf ORDER BY md5(id) LIMIT 200)
    GROUP BY l.id)
SELECT c.id, c.n, p.email FROM caps c JOIN team_managers tm ON tm.team_id = c.id JOIN people p ON p.id = tm.person_id
ORDER BY ABS(c.n - 40), c.id LIMIT 1;
SQL
)"
DIVISION=$(psql_db -c "SELECT parent_id FROM teams WHERE id = '$TEAM'")
DIVISION_EMAIL=$(psql_db -c "SELECT p.email FROM team_managers tm JOIN people p ON p.id = tm.person_id WHERE tm.team_id = '$DIVISION'")
PERSON=$(psql_db -c "SELECT m.person_id FROM team_members m LEFT JOIN capability_holdings h ON h.person_id = m.person_id
  WHERE m.team_id = '$TEAM' GROUP BY m.person_id ORDER BY COUNT(h.person_id) DESC, m.person_id LIMIT 1")
echo "team $TEAM: $(psql_db -c "SELECT name FROM teams WHERE id = '$TEAM'"), $(psql_db -c "SELECT COUNT(*) FROM team_members WHERE team_id = '$TEAM'") people, $TEAM_CAPS capabilities with a target or a holding; manager $MANAGER_EMAIL"
echo "person $PERSON: $(psql_db -c "SELECT COUNT(*) FROM capability_holdings WHERE person_id = '$PERSON'") holdings"

echo "== query plans (EXPLAIN ANALYZE) of the obvious reads"
explain() {
  local name=$1 sql=$2
  psql_db -c "EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) $sql" > "$RESULTS/plan-$name.txt"
  printf '%-34s %10s  %s\n' "$name" "$(grep -o 'Execution Time: [0-9.]* ms' "$RESULTS/plan-$name.txt" | sed 's/Execution Time: //')" \
    "$(grep -oE '(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan) (using [a-z_0-9]+ )?on [a-z_]+' "$RESULTS/plan-$name.txt" | sort | uniq -c | tr -s ' ' | paste -sd ';')"
}
# as the engine reads them (HoldingStore, TargetStore): a team's people, the holders of a capability, the risk
# report's every holding of a targeted capability, the expiry notices, the targets; and absences as coverage needs them
members=$(psql_db -c "SELECT string_agg(quote_literal(person_id), ',') FROM team_members WHERE team_id = '$TEAM'")
explain holdings-of-team-people "SELECT person_id, capability_id, level_rank, valid_until FROM capability_holdings WHERE person_id IN ($members) AND (valid_until IS NULL OR valid_until > current_date)"
explain holdings-of-person "SELECT person_id, capability_id, level_rank, valid_until FROM capability_holdings WHERE person_id = '$PERSON' AND (valid_until IS NULL OR valid_until > current_date)"
explain holders-of-capability "SELECT DISTINCT person_id FROM capability_holdings WHERE capability_id = (SELECT capability_id FROM capability_targets WHERE team_id = '$DIVISION' LIMIT 1)"
explain holdings-of-targeted-capabilities "SELECT person_id, capability_id, level_rank, valid_until FROM capability_holdings WHERE capability_id IN (SELECT capability_id FROM capability_targets) AND (valid_until IS NULL OR valid_until > current_date)"
# the same read limited to the levels a target asks for (the lowest target level of each capability), for comparison
explain holdings-at-targeted-levels "SELECT h.person_id, h.capability_id, h.level_rank, h.valid_until FROM capability_holdings h JOIN (SELECT capability_id, MIN(level_rank) AS lowest FROM capability_targets GROUP BY capability_id) t ON t.capability_id = h.capability_id AND h.level_rank >= t.lowest WHERE h.valid_until IS NULL OR h.valid_until > current_date"
explain holdings-expiring-60-days "SELECT person_id, capability_id, level_rank, valid_until FROM capability_holdings WHERE valid_until >= current_date AND valid_until <= current_date + 60 ORDER BY person_id, capability_id, level_rank"
explain targets-of-team-and-parent "SELECT team_id, capability_id, level_rank, min_people FROM capability_targets WHERE team_id IN ('$TEAM', '$DIVISION')"
explain targets-all "SELECT t.team_id, t.capability_id, t.level_rank, t.min_people FROM capability_targets t JOIN capabilities c ON c.id = t.capability_id WHERE c.status = 'ACTIVE'"
explain absences-of-team-90-days "SELECT * FROM absences WHERE person_id IN ($members) AND ends_on >= current_date AND starts_on <= current_date + 90"
explain absences-all-90-days "SELECT person_id, starts_on, ends_on, kind FROM absences WHERE ends_on >= current_date AND starts_on <= current_date + 90"

# The sign-offs to make: people of the measured team's division who hold level 1 of a capability whose level 2 is
# the course and a task signed off on the division's checklist, who lack that sign-off and are not away today; the
# division's manager signs off (a team's own manager cannot see the division's checklist)
psql_db -F $'\t' > "$RESULTS/sign-offs.tsv" <<SQL
SELECT DISTINCT ON (m.person_id) r.task_id, m.person_id, r.capability_id, m.team_id, p.email
FROM capability_rules r
JOIN capabilities c ON c.id = r.capability_id AND c.owner_team_id = '$DIVISION' AND c.validity_months IS NULL
JOIN teams t ON t.parent_id = '$DIVISION'
JOIN team_members m ON m.team_id = t.id
JOIN capability_holdings h ON h.person_id = m.person_id AND h.capability_id = r.capability_id AND h.level_rank = 1
JOIN team_managers tm ON tm.team_id = '$DIVISION' JOIN people p ON p.id = tm.person_id
WHERE r.kind = 'TASK_SIGNED_OFF' AND r.level_rank = 2
  AND NOT EXISTS (SELECT 1 FROM capability_holdings h2 WHERE h2.person_id = m.person_id AND h2.capability_id = r.capability_id AND h2.level_rank > 1)
  AND NOT EXISTS (SELECT 1 FROM checklist_sign_offs s WHERE s.task_id = r.task_id AND s.person_id = m.person_id)
  AND NOT EXISTS (SELECT 1 FROM absences a WHERE a.person_id = m.person_id AND current_date BETWEEN a.starts_on AND a.ends_on)
ORDER BY m.person_id, md5(m.person_id || r.task_id)
LIMIT $SIGN_OFFS;
SQL
echo "sign-offs to make: $(wc -l < "$RESULTS/sign-offs.tsv")"

echo "== signing in"
admin_token=$(sign_in $ADMIN)
manager_token=$(sign_in "$MANAGER_EMAIL")
division_token=$(sign_in "$DIVISION_EMAIL")
signers=""
for email in $(cut -f5 "$RESULTS/sign-offs.tsv" | sort -u); do
  signers="$signers$email=$(sign_in "$email") "
done

steal_before=$(awk '/^cpu /{print $9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
python3 bench/capabilities-measure.py "$BASE" "$RESULTS" "$REQUESTS" "$CLIENTS" "$RISK_REQUESTS" <<JSON
{"endpoints": [
  {"name": "coverage page (its manager)", "token": "$manager_token", "path": "/teams/$TEAM/coverage", "accept": "text/html", "target": 150},
  {"name": "coverage API (its manager)", "token": "$manager_token", "path": "/api/v1/teams/$TEAM/coverage", "target": 150},
  {"name": "coverage API, forecast day (manager)", "token": "$manager_token", "path": "/api/v1/teams/$TEAM/coverage?on=$(date -u -d '+30 days' +%F)"},
  {"name": "matrix API (its manager)", "token": "$manager_token", "path": "/api/v1/teams/$TEAM/capability-matrix", "target": 150},
  {"name": "matrix page (its manager)", "token": "$manager_token", "path": "/teams/$TEAM/capability-matrix", "accept": "text/html", "target": 150},
  {"name": "matrix CSV (its manager)", "token": "$manager_token", "path": "/api/v1/teams/$TEAM/capability-matrix", "accept": "text/csv"},
  {"name": "coverage API, division of 2,450 (manager)", "token": "$division_token", "path": "/api/v1/teams/$DIVISION/coverage"},
  {"name": "profile API (admin)", "token": "$admin_token", "path": "/api/v1/people/$PERSON/capabilities", "target": 50},
  {"name": "risk report API (admin)", "token": "$admin_token", "path": "/api/v1/analytics/capability-risk", "target": 2000, "risk": true}
 ],
 "signoffs": {"file": "$RESULTS/sign-offs.tsv", "tokens": "$signers", "reader": "$admin_token"}}
JSON
steal_after=$(awk '/^cpu /{print $9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
STEAL=$(python3 -c "import sys; a=sys.argv[1].split(); b=sys.argv[2].split(); d=int(b[1])-int(a[1]); print('%.1f%%' % (100.0*(int(b[0])-int(a[0]))/d if d else 0))" "$steal_before" "$steal_after")

echo "== command and machine"
echo "command:  $ENVIRONMENT $COMMAND"
echo "machine:  $(nproc) cores (nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/{print $2}') GB memory; host steal while measuring: $STEAL; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM:      $("$JAVA" -version 2>&1 | head -n 1), heap -Xms${APP_HEAP:-2g} -Xmx${APP_HEAP:-2g}, G1; PostgreSQL $(psql_db -c 'SHOW server_version'), shared_buffers $(psql_db -c 'SHOW shared_buffers')"
echo "holdings: $HOLDINGS_BY"
echo "generation: ${GENERATED_S:-kept from an earlier run} s; rebuild: $REBUILD_S s"
