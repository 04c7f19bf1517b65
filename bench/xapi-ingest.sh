#!/usr/bin/env bash
# Benchmark (issue 19, point 4): statements POSTed to Stride's LRS in batches of 50 by 20 concurrent clients; prints
# statements per second and the batch latency p50/p95/p99 (see XapiIngestBenchmark).
# Stride must be running (on PostgreSQL for figures that mean anything). The script creates an LRS client through the
# API with an admin's email and password, unless XAPI_KEY and XAPI_SECRET are given.
# Usage: bench/xapi-ingest.sh [seconds=300] [clients=20] [batch=50] [rate: statements per second in all, paced; 0 or
#   absent = as fast as the LRS answers]
# Environment: STRIDE_URL (default http://127.0.0.1:8080), ADMIN_EMAIL, ADMIN_PASSWORD, or XAPI_KEY and XAPI_SECRET;
#   SKIP_BUILD=1 when the test classes and target/bench-classpath.txt are already built
# bench/load.sh runs it alongside learners with INGEST="seconds clients batch rate" (issue 19: while learners use the app).
set -euo pipefail
cd "$(dirname "$0")/.."
STRIDE_URL=${STRIDE_URL:-http://127.0.0.1:8080}
if [ -z "${XAPI_KEY:-}" ]; then
  token=$(curl -fsS -X POST "$STRIDE_URL/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"${ADMIN_EMAIL:?set ADMIN_EMAIL or XAPI_KEY}\",\"password\":\"${ADMIN_PASSWORD:?}\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
  read -r XAPI_KEY XAPI_SECRET < <(curl -fsS -X POST "$STRIDE_URL/api/v1/xapi/clients" \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"name":"Ingest benchmark","scopes":["statements/write"]}' \
    | python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["key"], d["secret"])')
fi
if [ -z "${SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; fi
exec "$JAVA" -Xmx512m -cp "target/test-classes:$(cat target/bench-classpath.txt)" \
  io.stride.bench.XapiIngestBenchmark "$STRIDE_URL/xapi" "$XAPI_KEY" "$XAPI_SECRET" "${1:-300}" "${2:-20}" "${3:-50}" "${4:-0}"
