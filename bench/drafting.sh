#!/usr/bin/env bash
# Benchmark: draft the ~8,000-word handbook through the offline engine; prints p50/p95 and peak heap.
# Usage: bench/drafting.sh [file] [warm-up runs] [measured runs]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
if ! "$JAVA" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java; fi
exec "$JAVA" -Xmx1g -cp "target/classes:target/test-classes:$(cat target/bench-classpath.txt)" \
  io.stride.bench.DraftingBenchmark "$@"
