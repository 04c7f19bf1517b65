#!/usr/bin/env bash
# Catalogue benchmark: the capabilities benchmark's organization (100,000 people by default) plus 20,000 published
# courses, then the response times of catalogue searches (API and page) with Stride on PostgreSQL: one word, two
# words, a capability filter, a team filter, no words sorted by use, and the page with its filters.
#
# Usage: bench/catalogue.sh [requests per search]          (default 200)
#   Generates everything: bench/capabilities.sh with GENERATE_ONLY=1 (people, teams, capabilities, evidence; see
#   there for TOP, SUBS, LEAF, CAPS, DRAWS, ABSENCES), then bench/catalogue-data.sql (courses, versions, capability
#   rules, learners, reactions). Stride then starts on that database: the catalogue catches up with the courses
#   written in SQL (the time it takes is printed), and each search gets 10 requests not measured, REQUESTS
#   sequential ones and REQUESTS over CLIENTS concurrent clients.
# Environment: PGHOST (127.0.0.1), PGPORT (5432), APP_HEAP (1g), PORT (8094), SKIP_BUILD=1, DB (stride_capbench),
#   CATALOGUE_COURSES (20000), AUTHORS_EVERY (50: every 50th person writes courses), CLIENTS (4), ONLY (measure
#   only the searches whose name has it), KEEP_DATA=1 (measure again on the database an earlier run filled), JAR
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS=${1:-200}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432}
PORT=${PORT:-8094}
BASE="http://127.0.0.1:$PORT"
PASSWORD=capabilities-bench-password
ADMIN=cap-admin@bench.test
RESULTS=target/catalogue-bench
export DB=${DB:-stride_capbench}
CATALOGUE_COURSES=${CATALOGUE_COURSES:-20000}
AUTHORS_EVERY=${AUTHORS_EVERY:-50}
CLIENTS=${CLIENTS:-4}
export APP_HEAP=${APP_HEAP:-1g} ONLY=${ONLY:-}

. bench/lib.sh
psql_db() { PGPASSWORD=stride psql -h "$PGHOST" -p "$PGPORT" -U stride -d $DB -v ON_ERROR_STOP=1 -tA "$@"; }
mkdir -p "$RESULTS"
COMMAND="bench/catalogue.sh $*"
ENVIRONMENT="TOP=${TOP:-40} SUBS=${SUBS:-49} LEAF=${LEAF:-50} CATALOGUE_COURSES=$CATALOGUE_COURSES AUTHORS_EVERY=$AUTHORS_EVERY CLIENTS=$CLIENTS APP_HEAP=$APP_HEAP${KEEP_DATA:+ KEEP_DATA=1}"

if [ -z "${KEEP_DATA:-}" ]; then
  echo "== the capabilities benchmark's organization: bench/capabilities.sh with GENERATE_ONLY=1"
  started=$(date +%s)
  GENERATE_ONLY=1 PORT=$PORT bench/capabilities.sh
  ORGANIZATION_S=$(( $(date +%s) - started ))
  echo "== $CATALOGUE_COURSES published courses, their capability rules, learners and reactions in SQL"
  started=$(date +%s)
  psql_db -v courses="$CATALOGUE_COURSES" -v authors_every="$AUTHORS_EVERY" -v admin="$ADMIN" \
    -f bench/catalogue-data.sql >/dev/null
  psql_db -c "VACUUM ANALYZE" >/dev/null 2>&1
  COURSES_S=$(( $(date +%s) - started ))
  echo "courses generated in $COURSES_S s (the organization in $ORGANIZATION_S s)"
  SKIP_BUILD=1
fi

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "== building the application"
  ./mvnw -q -B -ntp -DskipTests package
fi
JAR=${JAR:-$(ls target/stride-*.jar | grep -v plain | head -n 1)}

echo "== data"
psql_db <<'SQL'
SELECT 'people: ' || (SELECT COUNT(*) FROM people) || ', teams: ' || (SELECT COUNT(*) FROM teams);
SELECT 'courses: ' || COUNT(*) || ' live of ' || (SELECT COUNT(*) FROM courses) || ', by ' || COUNT(DISTINCT author_id) || ' authors'
  FROM courses WHERE live_version IS NOT NULL AND status <> 'RETIRED';
SELECT 'published text: ' || pg_size_pretty(SUM(octet_length(content))::bigint) || ' of stored versions' FROM course_versions;
SELECT 'capability rules naming a course: ' || COUNT(*) FROM capability_rules WHERE course_id IS NOT NULL;
SELECT 'learners (progress rows): ' || COUNT(*) || ', reactions: ' || (SELECT COUNT(*) FROM lesson_reactions) FROM progress;
SELECT 'database: ' || pg_size_pretty(pg_database_size(current_database()));
SQL

: > "$RESULTS/app.log"
echo "== starting Stride on $BASE (the catalogue catches up with courses it has not indexed)"
launched=$(date +%s.%N)
STRIDE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STRIDE_DB_USER=stride STRIDE_DB_PASSWORD=stride \
STRIDE_DEMO_DATA=false STRIDE_ADMIN_EMAIL=$ADMIN STRIDE_ADMIN_PASSWORD=$PASSWORD PORT=$PORT STRIDE_BASE_URL=$BASE \
  "$JAVA" -Xms$APP_HEAP -Xmx$APP_HEAP -XX:+UseG1GC -jar "$JAR" \
  --logging.level.io.stride.shared.web.RequestLogging=WARN ${APP_ARGS:-} >> "$RESULTS/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 900); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/actuator/health" >/dev/null || { echo "Stride did not start; see $RESULTS/app.log"; exit 1; }
STARTUP_S=$(python3 -c "import sys; print('%.1f' % (float(sys.argv[2]) - float(sys.argv[1])))" "$launched" "$(date +%s.%N)")
CATCH_UP=$(grep -o 'Catalogue: .*' "$RESULTS/app.log" | tail -n 1)
echo "started in $STARTUP_S s; ${CATCH_UP:-no catch-up logged}"
psql_db -c "VACUUM ANALYZE catalog_entries" >/dev/null 2>&1
psql_db -c "SELECT 'catalogue entries: ' || COUNT(*) || ', search text ' || pg_size_pretty(SUM(octet_length(search_text))::bigint)
  || ', table with indexes ' || pg_size_pretty(pg_total_relation_size('catalog_entries')) FROM catalog_entries"

sign_in() {
  curl -sf -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" | sed 's/.*"token":"\([^"]*\)".*/\1/'
}
# a learner of the organization (bench people share the admin's password)
LEARNER_EMAIL=$(psql_db -c "SELECT email FROM people WHERE email LIKE 'cap-0%@bench.test' ORDER BY email LIMIT 1
  OFFSET (SELECT COUNT(*) / 3 FROM people WHERE email LIKE 'cap-0%@bench.test')")
learner=$(sign_in "$LEARNER_EMAIL")
read -r CAPABILITY CAPABILITY_COURSES <<<"$(psql_db -F ' ' -c "SELECT k.id, COUNT(*) FROM capabilities k JOIN capability_rules r
  ON r.capability_id = k.id WHERE k.category = 'Catalogue' GROUP BY k.id ORDER BY k.id LIMIT 1")"
read -r TEAM TEAM_COURSES <<<"$(psql_db -F ' ' -c "SELECT m.team_id, COUNT(*) FROM catalog_entries e JOIN team_members m
  ON m.person_id = e.author_id GROUP BY m.team_id ORDER BY COUNT(*) DESC, m.team_id LIMIT 1")"
echo "capability $CAPABILITY counts $CAPABILITY_COURSES courses; team $TEAM wrote $TEAM_COURSES; learner $LEARNER_EMAIL"
count() { curl -sf -H "Authorization: Bearer $learner" "$BASE/api/v1/catalogue?$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
for query in "q=refunds" "q=escalate+refunds" "q=phishing+checklist" "capability=$CAPABILITY" "q=colleague" "sort=most-used"; do
  echo "matches for $query: $(count "$query")"
done

echo "== query plans (EXPLAIN ANALYZE) of the searches' SQL"
explain() {
  local name=$1 sql=$2
  psql_db -c "EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) $sql" > "$RESULTS/plan-$name.txt"
  printf '%-28s %10s  %s\n' "$name" "$(grep -o 'Execution Time: [0-9.]* ms' "$RESULTS/plan-$name.txt" | sed 's/Execution Time: //')" \
    "$(grep -oE '(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan) (using [a-z_0-9]+ )?on [a-z_]+' "$RESULTS/plan-$name.txt" | sort | uniq -c | tr -s ' ' | paste -sd ';')"
}
# as io.stride.catalog.internal.CatalogEntries writes them: the count, then the page of the matches found first
explain one-word-count "SELECT COUNT(*) FROM catalog_entries WHERE search_vector @@ to_tsquery('simple', 'refunds:*')"
explain one-word-page "SELECT course_id, CASE WHEN title_lower LIKE '%refunds%' THEN 1 ELSE 0 END AS in_title FROM (SELECT course_id, title_lower, learners FROM catalog_entries WHERE search_vector @@ to_tsquery('simple', 'refunds:*') OFFSET 0) e ORDER BY in_title DESC, learners DESC, title_lower, course_id LIMIT 20"
explain two-words-count "SELECT COUNT(*) FROM catalog_entries WHERE search_vector @@ to_tsquery('simple', 'escalate:* & refunds:*')"
explain two-words-page "SELECT course_id FROM (SELECT course_id, title_lower, learners FROM catalog_entries WHERE search_vector @@ to_tsquery('simple', 'escalate:* & refunds:*') OFFSET 0) e ORDER BY learners DESC, title_lower, course_id LIMIT 20"
explain most-used-page "SELECT course_id FROM catalog_entries ORDER BY learners DESC, title_lower, course_id LIMIT 20 OFFSET 0"

echo "== searching"
steal_before=$(awk '/^cpu /{print $9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
python3 bench/capabilities-measure.py "$BASE" "$RESULTS" "$REQUESTS" "$CLIENTS" 1 <<JSON
{"endpoints": [
  {"name": "API one word (refunds)", "token": "$learner", "path": "/api/v1/catalogue?q=refunds", "target": 100},
  {"name": "API two words (escalate refunds)", "token": "$learner", "path": "/api/v1/catalogue?q=escalate+refunds", "target": 100},
  {"name": "API common word (colleague), page 3", "token": "$learner", "path": "/api/v1/catalogue?q=colleague&page=3", "target": 100},
  {"name": "API capability filter", "token": "$learner", "path": "/api/v1/catalogue?capability=$CAPABILITY", "target": 100},
  {"name": "API team filter, newest", "token": "$learner", "path": "/api/v1/catalogue?team=$TEAM&sort=newest", "target": 100},
  {"name": "API no words, most used", "token": "$learner", "path": "/api/v1/catalogue?sort=most-used", "target": 100},
  {"name": "API word, short, score 50+", "token": "$learner", "path": "/api/v1/catalogue?q=invoices&length=short&minScore=50", "target": 100},
  {"name": "page one word (refunds)", "token": "$learner", "path": "/catalogue?q=refunds", "accept": "text/html", "target": 100},
  {"name": "page two words (escalate refunds)", "token": "$learner", "path": "/catalogue?q=escalate+refunds", "accept": "text/html", "target": 100},
  {"name": "page capability filter", "token": "$learner", "path": "/catalogue?capability=$CAPABILITY", "accept": "text/html", "target": 100},
  {"name": "page no words (most used)", "token": "$learner", "path": "/catalogue", "accept": "text/html", "target": 100}
 ]}
JSON
steal_after=$(awk '/^cpu /{print $9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat)
STEAL=$(python3 -c "import sys; a=sys.argv[1].split(); b=sys.argv[2].split(); d=int(b[1])-int(a[1]); print('%.1f%%' % (100.0*(int(b[0])-int(a[0]))/d if d else 0))" "$steal_before" "$steal_after")

echo "== command and machine"
echo "command:  $ENVIRONMENT $COMMAND"
echo "machine:  $(nproc) cores (nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/^Mem:/{print $2}') GB memory; host steal while measuring: $STEAL; load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM:      $("$JAVA" -version 2>&1 | head -n 1), heap -Xms$APP_HEAP -Xmx$APP_HEAP, G1; PostgreSQL $(psql_db -c 'SHOW server_version'), shared_buffers $(psql_db -c 'SHOW shared_buffers')"
echo "start-up: $STARTUP_S s, ${CATCH_UP:-no catch-up logged}"
echo "generation: organization ${ORGANIZATION_S:-kept} s, courses ${COURSES_S:-kept} s"
