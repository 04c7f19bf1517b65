#!/usr/bin/env bash
# Benchmark: signed webhook deliveries to a local receiver at 1,000 learning-record statements a minute (lag p50/p95,
# all delivered in order, signatures checked), then a backlog of 5,000 draining; see WebhookBenchmark.
# Usage: bench/webhooks.sh [minutes] [per-minute]      (default 2 minutes at 1000 a minute)
# Environment: STRIDE_DB_URL, STRIDE_DB_USER, STRIDE_DB_PASSWORD (default: embedded H2 in memory)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; fi
exec "$JAVA" -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  io.stride.bench.WebhookBenchmark "$@"
