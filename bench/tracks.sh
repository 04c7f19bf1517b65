#!/usr/bin/env bash
# Benchmark: a manager's people page of a track with 500 enrolled (p50/p95) and the nightly step release for
# 100,000 enrolments and their re-planning after a pacing change, on PostgreSQL; see TrackBenchmark.
# Usage: STRIDE_DB_URL=jdbc:postgresql://127.0.0.1:5432/DB STRIDE_DB_USER=... STRIDE_DB_PASSWORD=... bench/tracks.sh [enrolments]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; fi
exec "$JAVA" -Xmx1g -Dspring.datasource.username="${STRIDE_DB_USER:-stride}" -Dspring.datasource.password="${STRIDE_DB_PASSWORD:-stride}" \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" io.stride.bench.TrackBenchmark "$@"
