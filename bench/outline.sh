#!/usr/bin/env bash
# Benchmark: the outline editor's autosave round trip over HTTP on a course of 50 lessons (issue 18: p95 under
# 100 ms), on PostgreSQL. Starts Stride on STRIDE_DB_URL, signs an author in with the sign-in form, creates the
# course (50 lessons in 5 modules, 10 knowledge checks, 20 quiz questions) and times the save the editor's script
# makes (POST of the element form with the page's CSRF token, under each answered revision), then the API's
# PUT /api/v1/courses/{id}/elements/{elementId}; prints p50/p95/p99. See OutlineAutosaveBenchmark.
# Usage: STRIDE_DB_URL=jdbc:postgresql://127.0.0.1:5432/DB STRIDE_DB_USER=... STRIDE_DB_PASSWORD=... \
#   bench/outline.sh [saves] [warm-up saves]          (default 500 measured after 50 not measured, for each)
# It adds an author and a course to the database (named outline-bench-*); use a database for testing or benching.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -ntp -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; fi
exec "$JAVA" -Xmx1g -Dspring.datasource.username="${STRIDE_DB_USER:-stride}" -Dspring.datasource.password="${STRIDE_DB_PASSWORD:-stride}" \
  -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" io.stride.bench.OutlineAutosaveBenchmark "$@"
