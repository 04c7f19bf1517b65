#!/usr/bin/env bash
# Benchmark (issue 19, point 4): GET of a learner's statements with filters at 10 million statements in Stride's LRS
# on PostgreSQL; prints p50/p95/p99 per query (see XapiReadBenchmark). Target: p95 under 100 ms.
#
# Usage: bench/xapi-read.sh [statements=10000000] [requests=2000] [concurrency=4]
# Environment: PGHOST (127.0.0.1), PGPORT (5432), DB (stride_xapi_read), PORT (8121), APP_HEAP (2g), SKIP_BUILD=1,
#   KEEP_DATA=1 (measure again on the database an earlier run filled), LEARNERS (20000), ACTIVITIES (5000)
# Filling 10 million statements takes a while on two cores: the secondary indexes are dropped while the chunks go in
# and built again after, as a restore would.
set -euo pipefail
cd "$(dirname "$0")/.."
TOTAL=${1:-10000000}
REQUESTS=${2:-2000}
CONCURRENCY=${3:-4}
LEARNERS=${LEARNERS:-20000}
ACTIVITIES=${ACTIVITIES:-5000}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-5432}
PORT=${PORT:-8121}
DB=${DB:-stride_xapi_read}
BASE="http://127.0.0.1:$PORT"
ADMIN=bench-admin@bench.test
PASSWORD=xapi-read-bench-password
RESULTS=target/xapi-read-bench
CHUNK=1000000

. bench/lib.sh
psql_db() { PGPASSWORD=stride psql -h "$PGHOST" -p "$PGPORT" -U stride -d "$DB" -v ON_ERROR_STOP=1 -tA "$@"; }
mkdir -p "$RESULTS"

if [ -z "${KEEP_DATA:-}" ]; then
  fresh_database "$DB"
fi
build_unless_skipped
./mvnw -q -B -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
JAR=$(ls target/stride-*.jar | grep -v plain | head -n 1)

echo "== starting Stride on $BASE"
STRIDE_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" STRIDE_DB_USER=stride STRIDE_DB_PASSWORD=stride \
STRIDE_DEMO_DATA=false STRIDE_ADMIN_EMAIL=$ADMIN STRIDE_ADMIN_PASSWORD=$PASSWORD PORT=$PORT STRIDE_BASE_URL=$BASE \
  "$JAVA" -Xms${APP_HEAP:-2g} -Xmx${APP_HEAP:-2g} -XX:+UseG1GC -jar "$JAR" \
  --logging.level.io.stride.shared.web.RequestLogging=WARN > "$RESULTS/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
for _ in $(seq 1 180); do curl -sf "$BASE/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "$BASE/actuator/health" >/dev/null || { echo "Stride did not start; see $RESULTS/app.log"; exit 1; }

token=$(curl -fsS -X POST "$BASE/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$ADMIN\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
read -r CLIENT_ID XAPI_KEY XAPI_SECRET < <(curl -fsS -X POST "$BASE/api/v1/xapi/clients" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d '{"name":"Read benchmark","scopes":["statements/read"]}' \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["id"], d["key"], d["secret"])')

have=$(psql_db -c "SELECT COUNT(*) FROM statements WHERE verb LIKE 'http://adlnet.gov/expapi/verbs/%' AND client_id IS NOT NULL")
if [ "$have" -lt "$TOTAL" ]; then
  tables="'statements','xapi_statement_agents','xapi_statement_activities'"
  psql_db -c "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ($tables)
              AND indexname NOT IN (SELECT conname FROM pg_constraint)" > "$RESULTS/indexes.sql"
  echo "== dropping $(wc -l < "$RESULTS/indexes.sql") secondary indexes while filling"
  psql_db -c "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ($tables)
              AND indexname NOT IN (SELECT conname FROM pg_constraint)" | while read -r index; do
    psql_db -c "DROP INDEX $index" >/dev/null
  done
  for ((first = have + 1; first <= TOTAL; first += CHUNK)); do
    count=$(( TOTAL - first + 1 < CHUNK ? TOTAL - first + 1 : CHUNK ))
    started=$(date +%s)
    psql_db -q -v first=$first -v count=$count -v total=$TOTAL -v learners=$LEARNERS -v activities=$ACTIVITIES \
      -v client="$CLIENT_ID" -v base="$BASE" -f bench/xapi-read-data.sql
    echo "   statements $first..$((first + count - 1)) in $(( $(date +%s) - started )) s"
  done
  echo "== building the indexes again"
  started=$(date +%s)
  sed 's/$/;/' "$RESULTS/indexes.sql" | PGOPTIONS='-c maintenance_work_mem=1GB' \
    PGPASSWORD=stride psql -h "$PGHOST" -p "$PGPORT" -U stride -d "$DB" -v ON_ERROR_STOP=1 -q
  psql_db -c "VACUUM ANALYZE statements" -c "VACUUM ANALYZE xapi_statement_agents" \
    -c "VACUUM ANALYZE xapi_statement_activities" >/dev/null
  echo "   in $(( $(date +%s) - started )) s"
fi
echo "== $(psql_db -c 'SELECT COUNT(*) FROM statements') statements; $(psql_db -c "SELECT pg_size_pretty(pg_database_size('$DB'))")"

echo "== reading: $REQUESTS requests, $CONCURRENCY at a time"
"$JAVA" -Xmx512m -cp "target/test-classes:$(cat target/bench-classpath.txt)" io.stride.bench.XapiReadBenchmark \
  "$BASE/xapi" "$XAPI_KEY" "$XAPI_SECRET" "$REQUESTS" "$CONCURRENCY" "$LEARNERS" "$ACTIVITIES" | tee "$RESULTS/result.txt"
