#!/usr/bin/env bash
# Benchmark: Open Badges signing, issuing and the public verification page (p50/p95); see BadgeBenchmark.
# Usage: bench/badges.sh [people]      (default 500: credentials issued and pages viewed)
# Environment: STRIDE_DB_URL, STRIDE_DB_USER, STRIDE_DB_PASSWORD (default: embedded H2 in memory)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; fi
exec "$JAVA" -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  io.stride.bench.BadgeBenchmark "$@"
